"""What a folder or file under ``initiatives/`` and ``contests/`` may be called, and be.

A name there ends up in a page's address, its "edit this page" link or a published
file's name, where quotes, ``#``, ``%``, spaces and marks break the link or the build, or
worse. So every folder, record, image, contest and scorecard is named like an id
(``[a-z0-9]+(-[a-z0-9]+)*``) with a lower-case extension the site knows, and the checker
suggests the name to rename to. A symbolic link is refused and never followed: it could
point the checker at any file of the machine that builds the site.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Iterator
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ..layout import TOPS
from ..text import slug

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RECORD_SUFFIX = ".md"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif")
# An SVG is a program as much as a picture (script, event handlers, links), published on
# the site's own origin: it is refused, whatever it holds (docs/dong-gop.md says why).
VECTOR_SUFFIXES = (".svg", ".svgz")
# An image as a record names it, relative to the record's folder (also the web editor's
# pattern for an uploaded image, so it must read the same in JavaScript).
IMAGE_PATH = re.compile(
    rf"(?:(?:\.\.?|{NAME.pattern})/)*{NAME.pattern}"
    rf"(?:{'|'.join(re.escape(suffix) for suffix in IMAGE_SUFFIXES)})"
)


def is_name(name: str) -> bool:
    return NAME.fullmatch(name) is not None


def suggest(name: str, taken: Collection[str] = (), fallback: str = "ten-moi") -> str:
    """The name to rename ``name`` to: its slug, numbered on when that is ``taken``."""
    base = slug(unicodedata.normalize("NFC", name)) or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def file_name_ok(name: str, suffixes: Collection[str]) -> bool:
    """Whether a file name is an id followed by one of ``suffixes``, written as they are."""
    path = PurePosixPath(name)
    return path.suffix in suffixes and is_name(path.stem)


def suggest_file(name: str) -> str:
    path = PurePosixPath(name)
    return suggest(path.stem) + path.suffix.lower()


def folders_under_top(relpath: str) -> list[str]:
    """The folders of a repository path between ``initiatives/`` or ``contests/`` and the
    file (``initiatives/dak-lak/anh/x.png`` → ``dak-lak``, ``anh``); none elsewhere."""
    parts = relpath.split("/")
    return parts[1:-1] if parts[0] in TOPS else []


def image_path_suggestion(src: str) -> str | None:
    """``None`` when every folder and the file of an image's path are ids with a known
    lower-case extension; else the same path with each name renamed (``anh/so-do-1.png``)."""
    if IMAGE_PATH.fullmatch(src):
        return None
    *folders, file = src.split("/")
    renamed = [part if part in (".", "..") else suggest(part) for part in folders if part]
    return "/".join([*renamed, suggest_file(file)])


def is_vector(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in VECTOR_SUFFIXES


def link_on_the_way(path: Path, top: Path) -> Path | None:
    """The first symbolic link from ``top`` (excluded) down to ``path`` (included).

    The path is read as written: ``..`` is resolved by name, never through a link.
    A path outside ``top`` is checked for being a link itself only.
    """
    path = Path(os.path.normpath(path))
    if not path.is_relative_to(top):
        return path if path.is_symlink() else None
    current = top
    for part in path.relative_to(top).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


class Entry(NamedTuple):
    """A file or folder met by ``walk``; a link is never entered nor read."""

    path: str
    is_link: bool
    is_dir: bool


def walk(folder: Path) -> Iterator[Entry]:
    """Every entry under ``folder`` in no particular order, hidden ones (``.git``,
    ``.DS_Store``) left out. Links are listed, never followed; ``folder`` itself is not
    walked if it is a link. (Paths as strings: at 10,000 records this walk runs in every
    check, ``--changed-since`` included.)"""
    if folder.is_symlink() or not folder.is_dir():
        return
    stack = [os.fspath(folder)]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                link = entry.is_symlink()
                is_dir = not link and entry.is_dir()
                if is_dir:
                    stack.append(entry.path)
                yield Entry(entry.path, link, is_dir)


def links_in(folder: Path) -> list[Path]:
    """``folder`` itself when it is a symbolic link, else every link inside it, in order
    (hidden ones left out, as ``walk`` does): what a build must not read nor write through."""
    if folder.is_symlink():
        return [folder]
    return sorted(Path(entry.path) for entry in walk(folder) if entry.is_link)


def files_in(folder: Path) -> Iterator[Path]:
    """Every file under ``folder`` that is not a link, hidden ones left out, in order."""
    names = sorted(e.path for e in walk(folder) if not e.is_dir and not e.is_link)
    return map(Path, names)
