"""What ``sangkien serve`` does when records change: their own pages first, then the rest.

An edited record is read and checked alone, against the other records kept in memory
(the rules of ``sangkien check FILE``: on its own, then colliding ids, likely duplicates,
``replicated_in``), and only its page and images are rendered and written, so the edit
shows within seconds however large the collection. The whole site is then regenerated in
the background exactly as ``sangkien build`` does (check everything, render every page,
write only what changed): listings, facet pages, feeds and open data follow later.

An invalid edit is reported, bilingual and located, and nothing of it is written: the
last good page stays. Whatever the quick way cannot promise takes the full way only: a
new, deleted or moved file, an image, a contest or a record a contest depends on, a
template, a tag or year that has no page yet. A preview the full check later refuses is
taken back, and a full run that read a file before its latest save never writes over
the newer preview (``settle``).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TextIO

from ..build import generate
from ..issues import Issue, has_errors, sort_issues
from ..layout import CONTENT_DIR, DOCS_DIR, PAGE_TEMPLATES
from ..load.sources import Source, find_sources, load_source, relative_name
from ..publish.outputs import Outputs
from ..publish.render import Renderer, render_initiative
from ..publish.site import Site, build_site
from ..publish.write import output_bytes, owned_files, write_file
from ..records import Record
from ..report import TextReporter
from ..rules.validate import validate_all
from ..settings import load_settings
from ..text import slug
from ..vocab import load_vocabulary

MAX_PREVIEW = 20  # records saved at once beyond this (a checkout, a script): the full way

Stamp = tuple[int, int]  # modification time (ns) and size: has the file changed?


class Outcome(Enum):
    SHOWN = "shown"  # the edited records' pages are written
    SAME = "same"  # checked, and their pages were already so
    INVALID = "invalid"  # reported; nothing written, the last good pages stay
    FULL = "full"  # the quick way cannot promise the same pages: regenerate everything
    NONE = "none"  # only files that came and went (an editor's temporary files)


@dataclass
class Preview:
    """A record's edit shown ahead of the full run: the pages written, what they replaced."""

    record: Record
    stamp: Stamp  # the file as read
    read_at: float  # time.monotonic() when it was read
    pages: dict[str, bytes]  # docs path → what the preview wrote
    restore: dict[str, bytes] = field(default_factory=dict)  # docs path → last good


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _names_contest(source: Source | None) -> bool:
    return source is not None and bool(source.meta.get("contests"))


class Previewer:
    """The generator side of ``sangkien serve``: quick previews, full runs, reports.

    ``preview`` and ``full`` may run at once (from two threads): previews read and
    change the state under a lock, the full run only at its end.
    """

    def __init__(self, root: Path, out: TextIO | None = None) -> None:
        self.root = root.resolve()
        self.docs = self.root / DOCS_DIR
        self.out = out if out is not None else sys.stderr
        self.lock = threading.RLock()
        self.vocab = load_vocabulary()
        self.sources: dict[Path, tuple[Stamp, Source]] = {}  # every record file, as on disk
        self.records: dict[str, Record] = {}  # relpath → record, as of the last full run
        self.site: Site | None = None  # the last full run's site: its contests, its pages
        self.contest_files: set[str] = set()  # files some contest depends on
        self.previews: dict[str, Preview] = {}  # relpath → edit not yet in a full run

    # The full way ---------------------------------------------------------------------

    def full(self, report_all: bool = True) -> bool:
        """Regenerate everything (``sangkien build``'s generator stage); False: invalid.

        ``report_all`` prints every finding, as ``sangkien check`` does; otherwise (after
        previews, which reported their own files) only the errors that block the site.
        """
        started = time.monotonic()
        before = self._stamps()  # the files as the check is about to read them
        check, issues, site, _ = generate(self.root)
        found = check.issues + issues
        with self.lock:
            if site is not None:
                self.site = site
                self.records = {record.relpath: record for record in site.records}
                self.contest_files = set().union(*check.contest_files.values())
                # Previews read before this run are in it; later ones stay ahead of it.
                for relpath, preview in list(self.previews.items()):
                    if preview.read_at < started:
                        del self.previews[relpath]
            else:
                self._take_back({issue.path for issue in found if issue.is_error})
            self._refresh_sources({source.path: source for source in check.sources}, before)
        if found and (report_all or site is None):
            TextReporter(errors_only=not report_all).report(found, check.checked, self.out)
        return site is not None

    def _take_back(self, invalid: set[str]) -> None:
        """Previews the full check refuses as they were shown: the last good pages come back.

        A file saved again since its preview keeps it: its newer save was checked (and
        reported) on its own.
        """
        for relpath in sorted(invalid & set(self.previews)):
            preview = self.previews[relpath]
            if _stamp(self.root / relpath) != preview.stamp:
                continue
            del self.previews[relpath]
            for path, data in preview.restore.items():
                write_file(self.docs, path, data)

    def _stamps(self) -> dict[Path, Stamp]:
        content = self.root / CONTENT_DIR
        paths = find_sources([content]) if content.is_dir() else []
        return {path: stamp for path in paths if (stamp := _stamp(path)) is not None}

    def _refresh_sources(self, read: dict[Path, Source], before: dict[Path, Stamp]) -> None:
        """Every record file as on disk now; only those changed since are read again.

        ``read`` are the files the full check just read, ``before`` their stamps from
        before it did: a file unchanged since is taken as the check read it (on the first
        run, every file), not parsed a second time.
        """
        fresh: dict[Path, tuple[Stamp, Source]] = {}
        for path, stamp in self._stamps().items():
            known = self.sources.get(path)
            if known is not None and known[0] == stamp:
                fresh[path] = known
                continue
            if path in read and before.get(path) == stamp:
                fresh[path] = (stamp, read[path])
                continue
            source, _ = load_source(path, self.root)
            if source is not None:
                fresh[path] = (stamp, source)
        self.sources = fresh

    # The quick way --------------------------------------------------------------------

    def preview(self, paths: Iterable[Path]) -> Outcome:
        """Check these edited records alone and, when valid, write their pages."""
        with self.lock:
            resolved = sorted({path.resolve() for path in paths})
            wanted = [path for path in resolved if path in self.sources or path.exists()]
            if not wanted:
                return Outcome.NONE
            if self.site is None or len(wanted) > MAX_PREVIEW:
                return Outcome.FULL
            if any(path not in self.sources or path.suffix != ".md" for path in wanted):
                return Outcome.FULL  # a new or deleted file, or not a record
            relpaths = {relative_name(path, self.root) for path in wanted}
            if relpaths & self.contest_files:
                return Outcome.FULL
            read_at = time.monotonic()
            issues: list[Issue] = []
            loaded: dict[Path, tuple[Stamp, Source | None]] = {}
            for path in wanted:
                stamp = _stamp(path)
                source, found = load_source(path, self.root)
                if stamp is None or _names_contest(source) or _names_contest(self.sources[path][1]):
                    return Outcome.FULL  # deleted meanwhile, or a contest's entry
                issues += found
                loaded[path] = (stamp, source)
            for path, (stamp, source) in loaded.items():
                if source is None:
                    del self.sources[path]  # unreadable: reported below
                else:
                    self.sources[path] = (stamp, source)
            sources = [source for _, (_, source) in sorted(self.sources.items())]
            records, found = validate_all(sources, self.vocab, self.root, set(wanted))
            issues = sort_issues(i for i in issues + found if i.path in relpaths)
            if has_errors(issues):
                self._report(issues, len(wanted))
                return Outcome.INVALID
            if not all(self._has_pages(record) for record in records):
                return Outcome.FULL
            stamps = {relative_name(path, self.root): stamp for path, (stamp, _) in loaded.items()}
            written = self._write(records, stamps, read_at)
            if written is None:
                return Outcome.FULL
            self._report(issues, len(wanted))
            return Outcome.SHOWN if written else Outcome.SAME

    def _has_pages(self, record: Record) -> bool:
        """The pages an initiative links to exist already (a new tag or year has none yet)."""
        assert self.site is not None
        tags = {slug(name) for name in record.initiative.tags}
        return tags <= set(self.site.tags) and record.year in self.site.by_year

    def _write(self, records: list[Record], stamps: dict[str, Stamp], read_at: float) -> int | None:
        """Render and write these records' pages: how many files changed; None if one of
        them is not a file the generator made already (a new image)."""
        assert self.site is not None
        current = dict(self.records)
        current.update({relpath: preview.record for relpath, preview in self.previews.items()})
        current.update({record.relpath: record for record in records})
        site = build_site(current.values(), self.vocab, self.site.contests)
        settings = load_settings(self.root)
        templates = self.root / PAGE_TEMPLATES
        owned = owned_files(self.docs)
        rendered: dict[str, dict[str, bytes]] = {}
        for record in records:
            outputs = Outputs()
            render_initiative(Renderer(site, templates, outputs, settings), record, self.root)
            if outputs.issues or not set(outputs.files) <= owned:
                return None
            rendered[record.relpath] = {path: output_bytes(o) for path, o in outputs.files.items()}
        written = 0
        for record in records:
            earlier = self.previews.get(record.relpath)
            pages = rendered[record.relpath]
            preview = Preview(record, stamps[record.relpath], read_at, pages)
            preview.restore = dict(earlier.restore) if earlier else {}
            for path, data in pages.items():
                target = self.docs / path
                old = target.read_bytes() if target.is_file() else None
                if old == data:
                    continue
                if old is not None:
                    preview.restore.setdefault(path, old)
                write_file(self.docs, path, data)
                written += 1
            self.previews[record.relpath] = preview
        return written

    def settle(self) -> list[str]:
        """Put back previews a full run that read the file earlier wrote over; their paths.

        Called before each MkDocs build, so a browser never goes back to an older page.
        """
        settled = []
        with self.lock:
            for preview in self.previews.values():
                for path, data in preview.pages.items():
                    if (self.docs / path).is_file() and write_file(self.docs, path, data):
                        settled.append(path)
        return settled

    def _report(self, issues: list[Issue], checked: int) -> None:
        TextReporter().report(issues, checked, self.out)
