"""Which record and contest files changed since a git reference: what a pull request touches.

``sangkien check --changed-since origin/main`` checks these files only (the rules across
records still see the whole repository), so a pull request's check stays quick however
large the collection. Committed changes since the merge base, staged and unstaged edits
and new files all count. A file that is gone (deleted, or the old name of a renamed one)
is listed apart: it cannot be checked, but what referred to it can (``scope.py``).

Names are read NUL-separated (``-z``) and as bytes: git's default output quotes a path
with a quote, a backslash or a non-ASCII letter (``"initiatives/s\\341\\273\\237.md"``),
and such a file would otherwise be silently left out of the check.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..layout import TOPS

WATCHED = tuple(f"{top}/" for top in TOPS)  # initiatives/, contests/


class GitError(Exception):
    """git is missing, the folder is not a repository, or the reference is unknown."""


@dataclass(frozen=True)
class Changes:
    """The watched files a pull request touched: those there now, and those it removed."""

    present: tuple[Path, ...] = ()
    gone: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.present or self.gone)


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as error:
        raise GitError(str(error)) from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(message.splitlines()[-1] if message else "git")
    return done.stdout


def _names(output: bytes) -> list[str]:
    """NUL-separated names as the file system spells them (``os.fsdecode``)."""
    return [os.fsdecode(name) for name in output.split(b"\0") if name]


def _diff_names(root: Path, *revisions: str) -> list[str]:
    """Every path ``git diff --name-status`` names: both names of a rename or a copy.

    No ``--diff-filter``: whether a name still exists decides what is done with it, so a
    rename is seen whether git pairs the two names (``R``) or not (``D`` and ``A``).
    """
    fields = _names(_git(root, "diff", "--name-status", "--find-renames", "-z", *revisions))
    names: list[str] = []
    index = 0
    while index < len(fields):
        status = fields[index]
        count = 2 if status[:1] in ("R", "C") else 1
        names += fields[index + 1 : index + 1 + count]
        index += 1 + count
    return names


def _commit(root: Path, ref: str) -> str:
    """The commit ``ref`` names, as a hash: what ``git diff`` is given, never ``ref`` itself.

    Handed to ``git diff`` as it was written, ``--output=FILE`` was read as an option: git
    wrote FILE, and the check saw no change and passed. No reference starts with ``-``.
    """
    if ref.startswith("-"):
        raise GitError("không phải tên nhánh hay commit / not a branch or commit name")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError:
        commit = b""
    if not commit:
        raise GitError("không có nhánh hay commit này / no such branch or commit")
    return os.fsdecode(commit)


def changed_files(root: Path, ref: str) -> Changes:
    """Files under ``initiatives/`` and ``contests/`` changed since ``ref``."""
    top = Path(os.fsdecode(_git(root, "rev-parse", "--show-toplevel").rstrip(b"\n")))
    names = set(_diff_names(root, f"{_commit(root, ref)}...HEAD"))
    names |= set(_diff_names(root, "HEAD"))
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--full-name", "-z")
    names |= set(_names(untracked))
    present: list[Path] = []
    gone: list[Path] = []
    base = root.resolve()
    for name in sorted(names):
        path = Path(os.path.normpath(top / name))  # by name: a link is checked, not its target
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if not relative.startswith(WATCHED):
            continue
        if path.is_symlink() or path.is_file():
            present.append(path)
        elif not path.exists():
            gone.append(path)
    return Changes(tuple(present), tuple(gone))
