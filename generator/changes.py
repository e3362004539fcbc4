"""Which record and contest files changed since a git reference: what a pull request touches.

``sangkien check --changed-since origin/main`` checks these files only (the rules across
records still see the whole repository), so a pull request's check stays quick however
large the collection. Committed changes since the merge base, staged and unstaged edits
and new files all count; deleted files are not checked (the full build still is).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

WATCHED = ("initiatives/", "contests/")


class GitError(Exception):
    """git is missing, the folder is not a repository, or the reference is unknown."""


def _git(root: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise GitError(str(error)) from error
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git")
    return [line for line in done.stdout.splitlines() if line]


def changed_files(root: Path, ref: str) -> list[Path]:
    """Existing files under ``initiatives/`` and ``contests/`` changed since ``ref``."""
    top = Path(_git(root, "rev-parse", "--show-toplevel")[0])
    names = set(_git(root, "diff", "--name-only", "--diff-filter=ACMR", f"{ref}...HEAD"))
    names |= set(_git(root, "diff", "--name-only", "--diff-filter=ACMR", "HEAD"))
    names |= set(_git(root, "ls-files", "--others", "--exclude-standard"))
    found = []
    for name in sorted(names):
        path = Path(os.path.normpath(top / name))  # by name: a link is checked, not its target
        try:
            relative = path.relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
        if relative.startswith(WATCHED) and (path.is_file() or path.is_symlink()):
            found.append(path)
    return found
