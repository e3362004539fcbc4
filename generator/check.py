"""The ``check`` stage as one call: load and validate, return records and findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .issues import Issue, has_errors, sort_issues
from .records import Record
from .sources import find_sources, load_sources
from .validate import validate_all
from .vocab import Vocabulary, load_vocabulary

CONTENT_DIR = "initiatives"


@dataclass(frozen=True)
class CheckResult:
    checked: int
    records: list[Record]
    issues: list[Issue]

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def check_paths(
    root: Path, paths: Sequence[Path] = (), vocab: Vocabulary | None = None
) -> CheckResult:
    """Validate the files under ``paths`` (default: ``root/initiatives``).

    Cross-record checks (colliding ids, ``replicated_in``) always see the whole
    collection, so checking one file still catches a clash with another.
    """
    vocab = vocab or load_vocabulary()
    root = root.resolve()
    paths = [path.resolve() for path in paths]  # one spelling per file, or it is read twice
    content = root / CONTENT_DIR
    everything = find_sources([content]) if content.is_dir() else []
    wanted = find_sources(paths) if paths else everything
    wanted_set = set(wanted)
    sources, issues = load_sources(sorted(set(everything) | wanted_set), root)
    records, found = validate_all(sources, vocab, root)
    issues = sort_issues(issues + found)
    if paths:  # report on the files asked for only
        chosen = {s.relpath for s in sources if s.path in wanted_set}
        chosen |= {i.path for i in issues if (root / i.path) in wanted_set}
        issues = [i for i in issues if i.path in chosen]
        records = [r for r in records if r.relpath in chosen]
    return CheckResult(len(wanted), records, issues)
