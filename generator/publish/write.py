"""Writes the generated pages and data into ``docs/``; no other module writes there.

Generated files live beside the hand-written pages (so any engine reading ``mkdocs.yml``
finds them). A manifest remembers which files the generator owns: ``find_conflicts``
refuses a generated path where a file it does not own already is (of any kind), and
``write_outputs`` rewrites only what changed and removes only its own stale files.
Between two full runs, ``sangkien serve`` replaces the pages of an edited record, files
the last run wrote and the manifest owns, one by one (``write_file``).

The manifest is read from the working tree, which a pull request can write (a force-added
``docs/.generated.json``): it is trusted for nothing but plain paths inside ``docs/`` that
git does not track, so no entry can delete or replace a file elsewhere or a hand-written
page. ``docs/`` holds no symbolic link and is none, so nothing is written or deleted
through one; nor does ``theme/``, whose files MkDocs copies into the site.

A write can fail (a full disk, a read-only folder): the failure is a located finding, not
a traceback, and the manifest names the files about to be written *before* any is, so a
build that stops half-way leaves no generated file the next build would take for a
hand-written one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

from ..issues import Issue, make_issue
from ..layout import DOCS_DIR, MANIFEST, THEME_DIR
from ..load.repopaths import links_in, walk
from .outputs import Output

# What a browser runs as a page or a program when the site serves it: MkDocs copies any file
# of docs/ into the site as it is, on the site's origin and outside its Content-Security-
# Policy (which only the theme's pages carry), where a script reads the web editor's GitHub
# token. Hand-written pages are Markdown; a PDF, a picture or a spreadsheet stays welcome.
RUNNABLE_SUFFIXES = frozenset(
    {".html", ".htm", ".shtml", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".svg", ".svgz"}
    | {".js", ".mjs", ".cjs"}
)


def owned_files(docs_dir: Path) -> set[str]:
    """The files of ``docs/`` the generator made, as far as the manifest may say so."""
    manifest = docs_dir / MANIFEST
    try:
        listed = [] if manifest.is_symlink() else json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(listed, list):
        return set()
    plain = {entry for entry in listed if isinstance(entry, str) and _plain_path(entry)}
    return plain - tracked_files(docs_dir) if plain else plain


def _plain_path(entry: str) -> bool:
    """A relative path written plainly: no ``..``, ``.``, empty or absolute part.

    (Split by hand: ``PurePosixPath`` costs 0.1 s on a 10,000-record manifest, and
    ``sangkien serve`` reads the manifest at every preview.)"""
    return "\\" not in entry and all(part not in ("", ".", "..") for part in entry.split("/"))


def tracked_files(docs_dir: Path) -> set[str]:
    """The files under ``docs_dir`` git tracks (hand-written pages), relative to it."""
    try:
        done = subprocess.run(
            ["git", "-C", str(docs_dir), "ls-files", "-z"],
            capture_output=True,
            check=False,
        )
    except OSError:  # no git: no repository to take a manifest from either
        return set()
    if done.returncode != 0:  # not a repository, or docs/ not there yet
        return set()
    return {name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name}


def find_conflicts(outputs: dict[str, Output], docs_dir: Path) -> list[Issue]:
    """Generated paths that would overwrite a hand-written file, and links at or in
    ``docs/`` and ``theme/``: the build would write through them, and MkDocs publish the
    files they name (``docs`` linked to another folder, ``theme/…/k.txt`` to any file of
    the machine that builds the site)."""
    root = docs_dir.parent
    owned = owned_files(docs_dir)
    links = links_in(docs_dir) + links_in(root / THEME_DIR)
    issues = [
        make_issue("symlink", link.relative_to(root).as_posix(), 1, 1, "file") for link in links
    ]
    issues += [
        make_issue("runnable-in-docs", f"{DOCS_DIR}/{name}", 1, 1, "file")
        for name in hand_written(docs_dir, set(outputs) | owned)
        if PurePosixPath(name).suffix.lower() in RUNNABLE_SUFFIXES
    ]
    for path in sorted(outputs):
        target = docs_dir / path
        if path not in owned and target.exists():
            issues.append(make_issue("overwrite-hand-written", f"{DOCS_DIR}/{path}", 1, 1, "file"))
    return issues


def hand_written(docs_dir: Path, generated: set[str]) -> list[str]:
    """The files of ``docs/`` the generator neither makes nor made, relative to it, in order
    (hidden ones left out: MkDocs does not publish them; ``walk`` never enters a link)."""
    start = len(os.fspath(docs_dir)) + 1
    names = (
        entry.path[start:].replace(os.sep, "/")
        for entry in walk(docs_dir)
        if not entry.is_dir and not entry.is_link
    )
    return sorted(name for name in names if name not in generated)


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
        inside = docs_dir.resolve()
        for path in sorted(previous - set(outputs)):
            stale = docs_dir / path
            if not stale.parent.resolve().is_relative_to(inside):  # a link: never followed
                continue
            stale.unlink(missing_ok=True)
            _remove_empty_parents(stale.parent, docs_dir)
        path = MANIFEST
        _write_manifest(docs_dir, set(outputs))
    except OSError as error:
        reason = error.strerror or str(error)
        return [make_issue("write-failed", f"{DOCS_DIR}/{path}", 1, 1, "file", reason=reason)]
    return []


def write_file(docs_dir: Path, path: str, output: Output) -> bool:
    """One generated file, written only if it changed; whether it was.

    For ``sangkien serve``'s previews (``preview.py``): the caller made sure the path is
    one the manifest owns, so no hand-written page is replaced.
    """
    return _write_one(docs_dir / path, output)


def _write_one(target: Path, output: Output) -> bool:
    data = output_bytes(output)
    if target.is_file() and target.read_bytes() == data:
        return False  # unchanged files keep their time stamps: live reload stays quiet
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(output, Path):
        shutil.copyfile(output, target)
    else:
        target.write_bytes(data)
    return True


def _write_manifest(docs_dir: Path, paths: set[str]) -> None:
    manifest = json.dumps(sorted(paths), ensure_ascii=False, indent=0)
    docs_dir.mkdir(parents=True, exist_ok=True)
    if (docs_dir / MANIFEST).is_symlink():  # replaced, never written through
        (docs_dir / MANIFEST).unlink()
    (docs_dir / MANIFEST).write_text(manifest + "\n", encoding="utf-8")


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
