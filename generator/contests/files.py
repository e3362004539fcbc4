"""Contest files: ``contests/<id>/contest.yml``, read and checked like a record's front matter.

The findings helpers here are shared with the scorecard checks, so every contest finding
is located and worded the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from .. import urls
from ..issues import Issue, Severity, make_issue
from ..layout import CONTEST_FILE, CONTESTS_DIR
from ..load.repopaths import suggest
from ..load.sources import Source, field_name, load_yaml_source, relative_name
from ..messages import close_matches, did_you_mean, phrase
from ..rules.model_errors import issues_from_validation
from ..schema import _KEY, date_period
from ..vocab import Vocabulary
from .model import Contest


@dataclass(frozen=True)
class LoadedContest:
    id: str
    contest: Contest
    source: Source


class ContestFiles(NamedTuple):
    loaded: dict[str, LoadedContest]  # the valid contests, by folder name
    issues: list[Issue]
    files: list[Path]  # every contest file read, valid or not


def load_contests(root: Path, vocab: Vocabulary) -> ContestFiles:
    """Each folder of ``contests/`` with a valid ``contest.yml``, by folder name.

    Links are never followed (``check`` reports them): a contest file linked to
    ``/proc/self/environ`` would print the environment of the build in its errors.
    """
    folder = root / CONTESTS_DIR
    loaded: dict[str, LoadedContest] = {}
    issues: list[Issue] = []
    files: list[Path] = []
    if folder.is_symlink() or not folder.is_dir():
        return ContestFiles(loaded, issues, files)
    for contest_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if contest_dir.name.startswith(".") or contest_dir.is_symlink():
            continue
        file = contest_dir / CONTEST_FILE
        if file.is_symlink():
            continue
        if not file.is_file():
            rel = relative_name(contest_dir, root) + "/"
            issues.append(make_issue("contest-file-missing", rel, 1, 1, "file", folder=rel))
            continue
        files.append(file)
        source, found = load_yaml_source(file, root)
        issues += found
        if source is None:
            continue
        contest, found = _contest(source, contest_dir.name, vocab)
        issues += found
        if contest is not None and not any(issue.is_error for issue in found):
            loaded[contest_dir.name] = LoadedContest(contest_dir.name, contest, source)
    return ContestFiles(loaded, issues, files)


def _contest(
    source: Source, contest_id: str, vocab: Vocabulary
) -> tuple[Contest | None, list[Issue]]:
    """The contest a ``contest.yml`` defines, with what is wrong in it, located."""
    issues = _id_findings(source, contest_id)
    try:
        contest = Contest.model_validate(source.meta)
    except ValidationError as error:
        return None, issues + issues_from_validation(error, source, Contest)
    issues += _rule_findings(source, contest)
    issues += _eligibility_findings(source, contest, vocab)
    return contest, issues


def _id_findings(source: Source, contest_id: str) -> list[Issue]:
    """The folder's name is the contest's id and address: a plain key, not a reserved one."""
    if not _KEY.fullmatch(contest_id):
        suggestion = suggest(contest_id, fallback="hoi-thi")
        return [finding(source, "bad-key", (), "id", value=contest_id, suggestion=suggestion)]
    if contest_id in urls.RESERVED_SLUGS:  # cuoc-thi/index.md is the list of contests
        url = urls.contest(contest_id).url
        return [finding(source, "reserved-slug", (), "id", value=contest_id, url=url)]
    return []


def _rule_findings(source: Source, contest: Contest) -> list[Issue]:
    """Rules the model cannot see alone: ids used twice, unknown tie-breaks, dates, gaps."""
    issues = [
        *_duplicates(source, "criteria", [c.id for c in contest.criteria]),
        *_duplicates(source, "panel", [j.id for j in contest.panel]),
    ]
    criteria = [c.id for c in contest.criteria]
    for index, key in enumerate(contest.tie_break):
        if key not in criteria:
            issues.append(unknown_criterion(source, ("tie_break", index), key, criteria))
    if contest.published and contest.missing_rules:
        issues.append(rules_missing(source, contest, "published"))
    if (
        contest.opens
        and contest.closes
        and (date_period(contest.closes)[1] < date_period(contest.opens)[0])
    ):
        issues.append(
            finding(
                source,
                "closes-before-opens",
                ("closes",),
                "closes",
                closes=contest.closes,
                opens=contest.opens,
            )
        )
    return issues


def _eligibility_findings(source: Source, contest: Contest, vocab: Vocabulary) -> list[Issue]:
    """Provinces and domains an entry must be from are ones the vocabulary knows."""
    issues: list[Issue] = []
    for index, name in enumerate(contest.eligibility.provinces):
        if vocab.places.resolve(name) is None:
            hint = did_you_mean(vocab.places.suggest(name))
            path = ("eligibility", "provinces", index)
            issues.append(
                finding(source, "unknown-province", path, field_name(path), value=name, hint=hint)
            )
    for index, value in enumerate(contest.eligibility.domains):
        if value not in vocab.domains:
            path = ("eligibility", "domains", index)
            issues.append(
                finding(
                    source,
                    "unknown-domain",
                    path,
                    field_name(path),
                    value=value,
                    hint=did_you_mean(close_matches(value, vocab.domain_ids)),
                    choices=", ".join(vocab.domain_ids),
                )
            )
    return issues


def rules_missing(source: Source, contest: Contest, why: str) -> Issue:
    """``why``: ``published`` or ``scored``, what makes the rules needed (``rules-needed-*``)."""
    missing = ", ".join(f"'{key}'" for key in contest.missing_rules)
    why_worded = phrase(f"rules-needed-{why}")
    return finding(source, "rules-missing", (), "file", why=why_worded, missing=missing)


def _duplicates(source: Source, key: str, ids: list[str]) -> Iterator[Issue]:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            path = (key, index, "id")
            yield finding(source, "duplicate-item", path, field_name(path), value=value)
        seen.add(value)


def unknown_criterion(
    source: Source, path: tuple[str | int, ...], key: str, criteria: list[str]
) -> Issue:
    criteria = list(dict.fromkeys(criteria))
    return finding(
        source,
        "unknown-criterion",
        path,
        field_name(path),
        value=key,
        hint=did_you_mean(close_matches(key, criteria)),
        choices=", ".join(criteria),
    )


def finding(
    source: Source,
    code: str,
    path: tuple[str | int, ...],
    field_name: str,
    severity: Severity = Severity.ERROR,
    *,
    key: bool = False,
    **params: Any,
) -> Issue:
    line, column = source.position(path, key=key)
    return make_issue(code, source.relpath, line, column, field_name, severity, **params)
