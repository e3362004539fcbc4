"""``sangkien serve``: MkDocs' live-reloading server, with pages regenerated on edits.

MkDocs watches ``docs/`` and reloads the browser; a small polling thread watches
``initiatives/`` and the page templates and regenerates the pages into ``docs/`` when
a file changes. Invalid edits are reported and the last good pages stay served.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from .build import TEMPLATES_DIR, generate
from .check import CONTENT_DIR
from .contests.files import CONTESTS_DIR
from .report import TextReporter

POLL_SECONDS = 1.0


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    }


def regenerate(root: Path) -> bool:
    result, issues, site, _ = generate(root)
    if result.issues or issues:
        TextReporter().report(result.issues + issues, result.checked, sys.stderr)
    return site is not None


def _watch(root: Path, stop: threading.Event) -> None:
    folders = [root / CONTENT_DIR, root / CONTESTS_DIR, root / TEMPLATES_DIR]
    seen = _snapshot(folders)
    while not stop.wait(POLL_SECONDS):
        now = _snapshot(folders)
        if now != seen:
            seen = now
            regenerate(root)


def serve(root: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if not regenerate(root):
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    finally:
        stop.set()
    return 0
