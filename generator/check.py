"""The ``check`` stage as one call: load and validate, return records and findings."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .contests import ContestData, check_contests
from .issues import Issue, Severity, has_errors, make_issue, sort_issues
from .layout import CONTENT_DIR, CONTESTS_DIR, TOPS
from .load.repopaths import IMAGE_SUFFIXES, RECORD_SUFFIX, VECTOR_SUFFIXES, link_on_the_way, walk
from .load.sources import Source, find_sources, load_sources, peek_sources, relative_name
from .records import Record
from .rules.scope import named_scope
from .rules.validate import validate_all
from .vocab import Vocabulary, load_vocabulary

MAX_FILE_ISSUES = 100  # findings reported per file


@dataclass(frozen=True)
class CheckResult:
    checked: int
    records: list[Record]
    issues: list[Issue]
    contests: list[ContestData] = field(default_factory=list)
    # contest id → the files it depends on: its own, its scorecards, its entries' records
    contest_files: dict[str, set[str]] = field(default_factory=dict)
    # the record files read whole (a check of named files only peeks at the others), for
    # ``sangkien serve``, which keeps them to check an edit against: read once, not twice
    sources: list[Source] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def check_paths(
    root: Path,
    paths: Sequence[Path] = (),
    vocab: Vocabulary | None = None,
    scores: Path | None = None,
) -> CheckResult:
    """Validate the files under ``paths`` (default: ``initiatives/`` and ``contests/``).

    Cross-record checks (colliding ids, ``replicated_in``, contest entries) always see
    the whole collection, so checking one file still catches a clash with another.
    ``scores`` is where the judges' scorecards are, when not in the repository.
    """
    vocab = vocab or load_vocabulary()
    root = root.resolve()
    paths = [_spelled(path, root) for path in paths]  # one spelling per file, or it is read twice
    content = root / CONTENT_DIR
    everything = find_sources([content]) if content.is_dir() else []
    # A named file or folder is never read through a link (a folder's walk skips its own).
    links = {link for path in paths if (link := link_on_the_way(path, root)) is not None}
    named = bool(paths)
    paths = [path for path in paths if link_on_the_way(path, root) is None]
    scope = named_scope(root, paths, everything)  # images name the records that show them
    wanted = find_sources(scope.records) if named else everything
    wanted_set = set(wanted)
    contests_dir = (root / CONTESTS_DIR).resolve()
    touches_contests = any(_under(contests_dir, [p]) or _under(p, [contests_dir]) for p in paths)
    # Named record files alone are validated one by one; contests need every entry.
    only = wanted_set if named and not touches_contests else None
    if only is None:
        sources, issues = load_sources(sorted(set(everything) | wanted_set), root)
        read = sources
    else:  # the others are only compared with them: their title and province suffice
        read, issues = load_sources(wanted, root)
        peeked, _ = peek_sources([p for p in everything if p not in wanted_set], root)
        sources = sorted(read + peeked, key=lambda source: source.path)
    records, found = validate_all(sources, vocab, root, only)
    contests, contest_issues, contest_files, related = check_contests(
        root, records, vocab, scores, sources
    )
    issues = sort_issues(issues + found + contest_issues)
    if named:  # report on the files asked for only
        chosen = {s.relpath for s in sources if s.path in wanted_set}
        chosen |= {i.path for i in issues if (root / i.path) in wanted_set}
        chosen |= {i.path for i in contest_issues if _under((root / i.path).resolve(), paths)}
        issues = [i for i in issues if i.path in chosen]
        records = [r for r in records if r.relpath in chosen]
    folders = [path for path in paths if path.is_dir()] if named else [root / top for top in TOPS]
    tree = list(tree_issues(folders, links, root))
    checked = len(wanted) + len(links)  # every link met counts: it was looked at, not read
    for issue in tree:  # what keeps a contest from being read is the contest's to show
        top, _, rest = issue.path.partition("/")
        if top == CONTESTS_DIR and rest:
            related.setdefault(rest.split("/")[0], set()).add(issue.path)
    issues = capped(sort_issues(issues + tree + scope.issues))
    if named:
        contest_files = [f for f in contest_files if _under(f.resolve(), paths)]
    checked += len(contest_files)
    return CheckResult(checked, records, issues, contests, related, read)


def _spelled(path: Path, root: Path) -> Path:
    """An absolute spelling of a path that follows no link inside the repository.

    ``resolve`` would read a link under ``initiatives/`` as its target and check that
    instead; outside the repository (a link to the repository itself) it is harmless.
    """
    absolute = Path(os.path.abspath(path))
    return absolute if absolute.is_relative_to(root) else path.resolve()


def capped(issues: list[Issue]) -> list[Issue]:
    """The first ``MAX_FILE_ISSUES`` findings of each file, then how many more: a file with
    twenty thousand unknown keys is to be rewritten, not read one message at a time."""
    kept: list[Issue] = []
    counts: Counter[str] = Counter()
    dropped: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues:
        counts[issue.path] += 1
        (kept if counts[issue.path] <= MAX_FILE_ISSUES else dropped[issue.path]).append(issue)
    for path, rest in dropped.items():
        severity = Severity.ERROR if has_errors(rest) else Severity.WARNING
        first = rest[0]
        more = make_issue(
            "more-in-file", path, first.line, first.column, "file", severity, count=len(rest)
        )
        kept.append(more)
    return sort_issues(kept) if dropped else kept


def _under(path: Path, folders: Sequence[Path]) -> bool:
    return any(path == folder or path.is_relative_to(folder) for folder in folders)


def tree_issues(folders: Sequence[Path], links: set[Path], root: Path) -> Iterator[Issue]:
    """What the walk over the folders finds beside records, contests and pictures.

    A symbolic link anywhere (and ``links``, met on the way to named files) is refused and
    never followed. A file in the record folders that is neither a record (``.md``) nor a
    picture is not checked and never published: a ``.txt`` or ``.docx`` initiative would
    otherwise vanish without a word (contest files are checked as contests).
    """
    content = f"{root / CONTENT_DIR}{os.sep}"
    pictures = (*IMAGE_SUFFIXES, *VECTOR_SUFFIXES)  # checked where a record shows them
    strays = []
    for folder in folders:
        link = link_on_the_way(folder, root)
        if link is not None:
            links.add(link)
            continue
        for entry in walk(folder):
            if entry.is_link:
                links.add(Path(entry.path))
            elif not entry.is_dir and entry.path.startswith(content):
                suffix = os.path.splitext(entry.path)[1]
                if suffix != RECORD_SUFFIX and suffix.lower() not in pictures:
                    strays.append(Path(entry.path))
    for stray in sorted(strays):
        yield make_issue("not-a-record", relative_name(stray, root), 1, 1, "file", Severity.WARNING)
    for link in sorted(links):
        rel = relative_name(link, root) + ("/" if link.is_dir() else "")
        yield make_issue("symlink", rel, 1, 1, "file")
