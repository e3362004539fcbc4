"""Which files a check of named files looks at: what a pull request touched, or a command line.

Only ``.md`` files under ``initiatives/`` are records. A picture is checked as the image
of the records that show it, so naming one (or changing one in a pull request) checks
those records; a picture no record shows is a warning, never "a record without front
matter". Files under ``contests/`` are checked as their contest. What a change removes
is checked through what referred to it (``referring``): the records that showed a
deleted picture, the records and contest files that name a deleted or renamed record's
id, the rest of a contest whose file was deleted. Any other file is "not a record".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..body.safety import scan_body
from ..issues import Issue, Severity, make_issue
from ..layout import CONTENT_DIR, CONTEST_FILE, CONTESTS_DIR
from ..load.repopaths import IMAGE_SUFFIXES, VECTOR_SUFFIXES, files_in
from ..load.sources import load_source, relative_name


@dataclass(frozen=True)
class Scope:
    """Named files sorted by what checks them, and what was found about the rest."""

    records: list[Path]  # record files and folders, for ``find_sources``
    issues: list[Issue]  # pictures no record shows, files that are not records


def record_files(root: Path) -> list[Path]:
    """Every record of the repository."""
    content = root / CONTENT_DIR
    return [f for f in files_in(content) if f.suffix == ".md"] if content.is_dir() else []


def named_scope(root: Path, paths: Sequence[Path], records: Sequence[Path]) -> Scope:
    """What checks each of ``paths`` (absolute); ``records`` are all the repository's."""
    content, contests = root / CONTENT_DIR, root / CONTESTS_DIR
    chosen: list[Path] = []
    images: list[Path] = []
    loose: list[Path] = []
    for path in paths:
        if path.is_relative_to(contests):
            continue  # the contest checks read their own folder
        if path.is_dir() or path.suffix == ".md":
            chosen.append(path)
        elif is_image(path):
            images.append(path)
        elif path.is_relative_to(content):
            loose.append(path)
        else:
            chosen.append(path)  # named outside the repository's folders: read as a record
    shown = showing(images, records)
    chosen += [record for found in shown.values() for record in found]
    issues = [
        make_issue("image-not-shown", relative_name(image, root), 1, 1, "file", Severity.WARNING)
        for image, found in shown.items()
        if not found
    ]
    return Scope(sorted(set(chosen)), issues + loose_files(loose, root))


def is_image(path: Path) -> bool:
    """A picture, refused or not: an SVG is checked (and refused) where a record shows it."""
    return path.suffix.lower() in (*IMAGE_SUFFIXES, *VECTOR_SUFFIXES)


def loose_files(files: Iterable[Path], root: Path) -> list[Issue]:
    """Files beside the records that are neither records nor images: never published."""
    return [
        make_issue("not-a-record", relative_name(file, root), 1, 1, "file", Severity.WARNING)
        for file in files
    ]


def showing(images: Sequence[Path], records: Sequence[Path]) -> dict[Path, list[Path]]:
    """The records whose front matter or body shows each image (the file may be gone).

    Only records that mention the file's name are read, so a pull request that adds a
    picture stays quick among thousands of records.
    """
    found: dict[Path, list[Path]] = {image: [] for image in images}
    if not images:
        return found
    wanted = {image.resolve(): image for image in images}
    names = {form for image in images for form in (image.name, quote(image.name))}
    for record in _mentioning(records, names):
        source, _ = load_source(record, record.parent)
        if source is None:
            continue
        for src in _image_sources(source.meta, source.body):
            try:
                target = wanted.get((record.parent / src).resolve())
            except (OSError, ValueError):  # the record's own check reports such names
                continue
            if target is not None and record not in found[target]:
                found[target].append(record)
    return found


def _image_sources(meta: dict[str, object], body: str) -> Iterator[str]:
    images = meta.get("images")
    for image in images if isinstance(images, list) else []:
        src = image.get("src") if isinstance(image, dict) else None
        if isinstance(src, str) and src.strip():
            yield src.strip()
    yield from (src for _, src in scan_body(body).images)


def _mentioning(files: Iterable[Path], words: Iterable[str]) -> Iterator[Path]:
    """The files whose bytes contain any of ``words``: a cheap filter before parsing."""
    needles = [word.encode("utf-8") for word in words if word]
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            yield file


def referring(root: Path, gone: Sequence[Path]) -> list[Path]:
    """The files that may break because ``gone`` (absolute paths) no longer exist."""
    if not gone:
        return []
    content, contests = root / CONTENT_DIR, root / CONTESTS_DIR
    records = record_files(root)
    ids: set[str] = set()
    paths: set[Path] = set()
    for path in gone:
        if path.is_relative_to(content) and path.suffix == ".md":
            ids.add(path.stem)  # replicated_in, contest entries and scorecards name it
        elif path.is_relative_to(contests) and len(path.relative_to(contests).parts) > 1:
            contest = contests / path.relative_to(contests).parts[0]
            if contest.is_dir():
                paths.add(contest)
            if path.name == CONTEST_FILE:
                ids.add(contest.name)  # records enter a contest by its folder's name
    images = [path for path in gone if path.is_relative_to(content) and is_image(path)]
    paths.update(record for found in showing(images, records).values() for record in found)
    if ids:
        contest_files = list(files_in(contests)) if contests.is_dir() else []
        paths.update(_mentioning([*records, *contest_files], ids))
    return sorted(paths)
