"""Writes the generated pages and data into ``docs/``; no other module writes there.

Generated files live beside the hand-written pages (so any engine reading ``mkdocs.yml``
finds them). A manifest remembers which files the generator owns: ``find_conflicts``
refuses a generated path where a file it does not own already is (of any kind), and
``write_outputs`` rewrites only what changed and removes only its own stale files.

A write can fail (a full disk, a read-only folder): the failure is a located finding, not
a traceback, and the manifest names the files about to be written *before* any is, so a
build that stops half-way leaves no generated file the next build would take for a
hand-written one.
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


def write_outputs(outputs: dict[str, Output], docs_dir: Path) -> list[Issue]:
    """Write what changed, delete what is no longer generated, then the manifest.

    Stops at the first file that cannot be written (a full disk fails every write after
    it), and returns it as a finding.
    """
    previous = owned_files(docs_dir)
    path = MANIFEST
    try:
        _write_manifest(docs_dir, previous | set(outputs))  # owned before written
        for path, output in sorted(outputs.items()):
            _write_one(docs_dir / path, output)
        for path in sorted(previous - set(outputs)):
            stale = docs_dir / path
            stale.unlink(missing_ok=True)
            _remove_empty_parents(stale.parent, docs_dir)
        path = MANIFEST
        _write_manifest(docs_dir, set(outputs))
    except OSError as error:
        reason = error.strerror or str(error)
        return [make_issue("write-failed", f"docs/{path}", 1, 1, "file", reason=reason)]
    return []


def _write_one(target: Path, output: Output) -> None:
    data = output_bytes(output)
    if target.is_file() and target.read_bytes() == data:
        return  # unchanged files keep their time stamps: live reload stays quiet
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(output, Path):
        shutil.copyfile(output, target)
    else:
        target.write_bytes(data)


def _write_manifest(docs_dir: Path, paths: set[str]) -> None:
    manifest = json.dumps(sorted(paths), ensure_ascii=False, indent=0)
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / MANIFEST).write_text(manifest + "\n", encoding="utf-8")


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
