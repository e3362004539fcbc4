"""The ``check`` stage as one call: load and validate, return records and findings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .contests.check import check_contests
from .contests.files import CONTESTS_DIR
from .contests.model import ContestData
from .issues import Issue, Severity, has_errors, sort_issues
from .messages import make_issue
from .records import Record
from .sources import files_in, find_sources, load_sources, peek_sources, relative_name
from .validate import IMAGE_SUFFIXES, validate_all
from .vocab import Vocabulary, load_vocabulary

CONTENT_DIR = "initiatives"
MAX_FILE_ISSUES = 100  # findings reported per file


@dataclass(frozen=True)
class CheckResult:
    checked: int
    records: list[Record]
    issues: list[Issue]
    contests: list[ContestData] = field(default_factory=list)
    # contest id → the files it depends on: its own, its scorecards, its entries' records
    contest_files: dict[str, set[str]] = field(default_factory=dict)

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
    paths = [path.resolve() for path in paths]  # one spelling per file, or it is read twice
    content = root / CONTENT_DIR
    everything = find_sources([content]) if content.is_dir() else []
    wanted = find_sources(paths) if paths else everything
    wanted_set = set(wanted)
    contests_dir = (root / CONTESTS_DIR).resolve()
    touches_contests = any(_under(contests_dir, [p]) or _under(p, [contests_dir]) for p in paths)
    # Named record files alone are validated one by one; contests need every entry.
    only = wanted_set if paths and not touches_contests else None
    if only is None:
        sources, issues = load_sources(sorted(set(everything) | wanted_set), root)
    else:  # the others are only compared with them: their title and province suffice
        sources, issues = load_sources(wanted, root)
        peeked, _ = peek_sources([p for p in everything if p not in wanted_set], root)
        sources = sorted(sources + peeked, key=lambda source: source.path)
    records, found = validate_all(sources, vocab, root, only)
    contests, contest_issues, contest_files, related = check_contests(
        root, records, vocab, scores, sources
    )
    issues = sort_issues(issues + found + contest_issues)
    if paths:  # report on the files asked for only
        chosen = {s.relpath for s in sources if s.path in wanted_set}
        chosen |= {i.path for i in issues if (root / i.path) in wanted_set}
        chosen |= {i.path for i in contest_issues if _under((root / i.path).resolve(), paths)}
        issues = [i for i in issues if i.path in chosen]
        records = [r for r in records if r.relpath in chosen]
    folders = [path for path in paths if path.is_dir()] if paths else [content]
    issues = capped(sort_issues(issues + not_records(folders, root)))
    if paths:
        contest_files = [f for f in contest_files if _under(f.resolve(), paths)]
    return CheckResult(len(wanted) + len(contest_files), records, issues, contests, related)


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


def not_records(folders: Sequence[Path], root: Path) -> list[Issue]:
    """Files in the record folders that are neither records (``.md``) nor their images.

    They are not checked and never published: a ``.txt`` or ``.docx`` initiative would
    otherwise vanish without a word.
    """
    contests = (root / CONTESTS_DIR).resolve()  # contest files are checked as contests
    return [
        make_issue("not-a-record", relative_name(file, root), 1, 1, "file", Severity.WARNING)
        for folder in folders
        if folder.is_dir()
        for file in files_in(folder)
        if file.suffix != ".md"
        and file.suffix.lower() not in IMAGE_SUFFIXES
        and not file.resolve().is_relative_to(contests)
    ]
