"""Writes the generated pages and data into ``docs/``; no other module writes there.

Generated files live beside the hand-written pages (so any engine reading ``mkdocs.yml``
finds them). A manifest remembers which files the generator owns: ``find_conflicts``
refuses a generated path where a file it does not own already is (of any kind), and
``write_outputs`` rewrites only what changed and removes only its own stale files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .issues import Issue
from .messages import make_issue
from .outputs import Output

MANIFEST = ".generated.json"


def owned_files(docs_dir: Path) -> set[str]:
    try:
        return set(json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def find_conflicts(outputs: dict[str, Output], docs_dir: Path) -> list[Issue]:
    """Generated paths that would overwrite a hand-written file, or escape ``docs/``."""
    owned = owned_files(docs_dir)
    issues = []
    for path in sorted(outputs):
        target = docs_dir / path
        if path not in owned and target.exists():
            issues.append(make_issue("overwrite-hand-written", f"docs/{path}", 1, 1, "file"))
    return issues


def output_bytes(output: Output) -> bytes:
    """What a generated file holds: text, bytes, or a file copied as it is."""
    if isinstance(output, Path):
        return output.read_bytes()
    return output.encode("utf-8") if isinstance(output, str) else output


def write_outputs(outputs: dict[str, Output], docs_dir: Path) -> None:
    """Write what changed, delete what is no longer generated, then the manifest."""
    previous = owned_files(docs_dir)
    for path, output in sorted(outputs.items()):
        target = docs_dir / path
        data = output_bytes(output)
        if target.is_file() and target.read_bytes() == data:
            continue  # unchanged files keep their time stamps: live reload stays quiet
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output, Path):
            shutil.copyfile(output, target)
        else:
            target.write_bytes(data)
    for path in sorted(previous - set(outputs)):
        stale = docs_dir / path
        stale.unlink(missing_ok=True)
        _remove_empty_parents(stale.parent, docs_dir)
    manifest = json.dumps(sorted(outputs), ensure_ascii=False, indent=0)
    (docs_dir / MANIFEST).write_text(manifest + "\n", encoding="utf-8")


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
