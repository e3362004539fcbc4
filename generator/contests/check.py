"""Check contests: their files, the records that enter them and the judges' scorecards.

Everything is reported the way ``sangkien check`` reports records (located, bilingual,
all problems in one run). What survives the checks is a ``ContestData``: the contest,
its eligible entries and the scores that count. A score a judge gave despite a conflict
of interest is kept apart (``excluded``) and reported, never counted.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from ..issues import Issue, Severity, has_errors
from ..messages import close_matches, did_you_mean, make_issue
from ..model_errors import issues_from_validation
from ..places import PlaceRef
from ..records import Record
from ..schema import _KEY, date_period
from ..sources import Source, field_name, files_in, load_yaml_source, relative_name
from ..text import compact, fold
from ..vocab import Vocabulary
from .model import Contest, Judge

CONTESTS_DIR = "contests"
CONTEST_FILE = "contest.yml"
SCORES_DIR = "scores"
SCORECARD_SUFFIXES = (".yml", ".yaml")
COMMENT = "comment"
SIMILAR_TITLE = 0.85  # folded titles this alike are "the same model" (không trùng lắp)
WARNING = Severity.WARNING


@dataclass(frozen=True)
class Card:
    """One judge's scores for one entry, as the scorecard gives them."""

    judge: str
    entry: str
    scores: Mapping[str, float]
    comment: str | None = None


@dataclass(frozen=True)
class ContestData:
    """A valid contest with what the ranking needs; scores only once they were read."""

    id: str
    relpath: str
    contest: Contest
    entries: tuple[Record, ...]  # entered, eligible, valid; by id
    cards: tuple[Card, ...] = ()  # the scores that count
    excluded: tuple[Card, ...] = ()  # scores left out for a conflict of interest
    scorecards: int = 0  # scorecard files read
    source: Source | None = field(default=None, compare=False, repr=False)

    def judge(self, judge_id: str) -> Judge:
        return next(j for j in self.contest.panel if j.id == judge_id)


class ContestsChecked(NamedTuple):
    contests: list[ContestData]
    issues: list[Issue]
    files: list[Path]  # contest files and scorecards read, for the count
    related: dict[str, set[str]]  # contest id → the files it depends on (entries included)


@dataclass(frozen=True)
class _Loaded:
    id: str
    contest: Contest
    source: Source


def check_contests(
    root: Path,
    records: Sequence[Record],
    vocab: Vocabulary,
    scores: Path | None = None,
    sources: Sequence[Source] = (),
) -> ContestsChecked:
    """Every contest under ``contests/``, checked against the records and scorecards.

    ``scores`` replaces ``contests/<id>/scores/`` when the scorecards are kept outside
    the public repository: ``scores/<id>/`` if it exists, else ``scores`` itself.
    ``sources`` are all record files read, valid or not: a record that names a contest
    but has errors is one of the contest's files too, so ``judge`` does not lose it.
    """
    loaded, issues = _load_contests(root, vocab)
    files = sorted((root / CONTESTS_DIR).glob(f"*/{CONTEST_FILE}"))
    related: dict[str, set[str]] = defaultdict(set)
    for file in files:
        related[file.parent.name].add(relative_name(file, root))
    for source in sources:
        named = source.meta.get("contests")
        for contest_id in named if isinstance(named, list) else []:
            if isinstance(contest_id, str):
                related[contest_id].add(source.relpath)
    entries, found = check_entries(records, loaded, vocab)
    issues += found
    by_id = {record.id: record for record in records}
    contests = []
    for contest_id, item in sorted(loaded.items()):
        folder = scores_folder(root, contest_id, scores)
        data, found = _with_scores(item, entries[contest_id], by_id, folder, root, vocab)
        contests.append(data)
        issues += found
        cards = [f for f in files_in(folder) if f.suffix.lower() in SCORECARD_SUFFIXES]
        files += cards
        related[contest_id] |= {i.path for i in found} | {relative_name(f, root) for f in cards}
    return ContestsChecked(contests, issues, files, dict(related))


def scores_folder(root: Path, contest_id: str, scores: Path | None) -> Path:
    if scores is None:
        return root / CONTESTS_DIR / contest_id / SCORES_DIR
    return scores / contest_id if (scores / contest_id).is_dir() else scores


# --- the contest files -------------------------------------------------------------------


def _load_contests(root: Path, vocab: Vocabulary) -> tuple[dict[str, _Loaded], list[Issue]]:
    folder = root / CONTESTS_DIR
    loaded: dict[str, _Loaded] = {}
    issues: list[Issue] = []
    if not folder.is_dir():
        return loaded, issues
    for contest_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if contest_dir.name.startswith("."):
            continue
        file = contest_dir / CONTEST_FILE
        if not file.is_file():
            rel = relative_name(contest_dir, root) + "/"
            issues.append(make_issue("contest-file-missing", rel, 1, 1, "file", folder=rel))
            continue
        source, found = load_yaml_source(file, root)
        issues += found
        if source is None:
            continue
        contest, found = _contest(source, contest_dir.name, vocab)
        issues += found
        if contest is not None and not any(issue.is_error for issue in found):
            loaded[contest_dir.name] = _Loaded(contest_dir.name, contest, source)
    return loaded, issues


def _contest(source: Source, contest_id: str, vocab: Vocabulary) -> tuple[Contest | None, list]:
    issues: list[Issue] = []
    if not _KEY.fullmatch(contest_id):
        issues.append(_at(source, "bad-key", (), "id", value=contest_id, suggestion="hoi-thi-2025"))
    try:
        contest = Contest.model_validate(source.meta)
    except ValidationError as error:
        return None, issues + issues_from_validation(error, source, Contest)
    issues += _duplicates(source, "criteria", [c.id for c in contest.criteria])
    issues += _duplicates(source, "panel", [j.id for j in contest.panel])
    criteria = [c.id for c in contest.criteria]
    for index, key in enumerate(contest.tie_break):
        if key not in criteria:
            issues.append(_unknown_criterion(source, ("tie_break", index), key, criteria))
    if date_period(contest.closes)[1] < date_period(contest.opens)[0]:
        issues.append(
            _at(
                source,
                "closes-before-opens",
                ("closes",),
                "closes",
                closes=contest.closes,
                opens=contest.opens,
            )
        )
    for index, name in enumerate(contest.eligibility.provinces):
        if vocab.places.resolve(name) is None:
            hint_vi, hint_en = did_you_mean(vocab.places.suggest(name))
            path = ("eligibility", "provinces", index)
            issues.append(
                _at(
                    source,
                    "unknown-province",
                    path,
                    field_name(path),
                    value=name,
                    hint_vi=hint_vi,
                    hint_en=hint_en,
                )
            )
    for index, value in enumerate(contest.eligibility.domains):
        if value not in vocab.domains:
            hint_vi, hint_en = did_you_mean(close_matches(value, vocab.domain_ids))
            path = ("eligibility", "domains", index)
            issues.append(
                _at(
                    source,
                    "unknown-domain",
                    path,
                    field_name(path),
                    value=value,
                    hint_vi=hint_vi,
                    hint_en=hint_en,
                    choices=", ".join(vocab.domain_ids),
                )
            )
    return contest, issues


def _duplicates(source: Source, key: str, ids: list[str]) -> Iterator[Issue]:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            path = (key, index, "id")
            yield _at(source, "duplicate-item", path, field_name(path), value=value)
        seen.add(value)


def _unknown_criterion(
    source: Source, path: tuple[str | int, ...], key: str, criteria: list[str]
) -> Issue:
    criteria = list(dict.fromkeys(criteria))
    hint_vi, hint_en = did_you_mean(close_matches(key, criteria))
    return _at(
        source,
        "unknown-criterion",
        path,
        field_name(path),
        value=key,
        hint_vi=hint_vi,
        hint_en=hint_en,
        choices=", ".join(criteria),
    )


# --- entries: the records that name a contest --------------------------------------------


def check_entries(
    records: Sequence[Record], contests: Mapping[str, _Loaded], vocab: Vocabulary
) -> tuple[dict[str, list[Record]], list[Issue]]:
    """Each record's ``contests``: the contest exists, the record may enter, and in time."""
    entries: dict[str, list[Record]] = {contest_id: [] for contest_id in contests}
    issues: list[Issue] = []
    for record in sorted(records, key=lambda r: r.id):
        for index, contest_id in enumerate(record.initiative.contests):
            line, column = record.position("contests", index)
            where = (record.relpath, line, column, f"contests[{index}]")
            item = contests.get(contest_id)
            if item is None:
                hint_vi, hint_en = did_you_mean(close_matches(contest_id, list(contests)))
                issues.append(
                    make_issue(
                        "unknown-contest",
                        *where,
                        value=contest_id,
                        hint_vi=hint_vi,
                        hint_en=hint_en,
                    )
                )
                continue
            found = list(_eligibility(record, item, vocab, where))
            issues += found
            if not any(issue.is_error for issue in found):
                entries[contest_id].append(record)
                issues += _similar_to_earlier(record, records, where)
    return entries, issues


def _eligibility(
    record: Record, item: _Loaded, vocab: Vocabulary, where: tuple[str, int, int, str]
) -> Iterator[Issue]:
    contest, rules, started = item.contest, item.contest.eligibility, record.initiative.started
    reasons: list[tuple[str, str]] = []
    if rules.provinces and not any(
        _same_province(record.place, vocab.places.resolve(name)) for name in rules.provinces
    ):
        names = ", ".join(rules.provinces)
        reasons.append((f"chỉ nhận sáng kiến của {names}", f"only initiatives of {names}"))
    if rules.levels and record.initiative.level not in rules.levels:
        levels = ", ".join(rules.levels)
        reasons.append((f"chỉ nhận cấp {levels}", f"only levels {levels}"))
    if rules.domains and not {d.id for d in record.domains} & set(rules.domains):
        domains = ", ".join(rules.domains)
        reasons.append((f"chỉ nhận lĩnh vực {domains}", f"only domains {domains}"))
    if rules.started_after and date_period(started)[1] < date_period(rules.started_after)[0]:
        after = rules.started_after
        reasons.append(
            (f"chỉ nhận sáng kiến bắt đầu từ {after}", f"only those started from {after}")
        )
    if reasons:
        yield make_issue(
            "not-eligible",
            *where,
            contest=item.id,
            reason_vi="; ".join(r[0] for r in reasons),
            reason_en="; ".join(r[1] for r in reasons),
        )
    if date_period(started)[0] > date_period(contest.closes)[1]:
        yield make_issue(
            "started-after-close", *where, contest=item.id, started=started, closes=contest.closes
        )


def _same_province(place: PlaceRef, wanted: PlaceRef | None) -> bool:
    """A current name takes its whole province; a former name only records made under it."""
    if wanted is None:
        return False
    if wanted.former is not None:
        return place.former is not None and place.former.slug == wanted.former.slug
    return place.current.slug == wanted.current.slug


def _similar_to_earlier(
    record: Record, records: Sequence[Record], where: tuple[str, int, int, str]
) -> Iterator[Issue]:
    """A contest entry that copies a model the province already applied (không trùng lắp)."""
    title, start = fold(record.initiative.title), date_period(record.initiative.started)[0]
    for other in records:
        if other.id == record.id or other.place.current.slug != record.place.current.slug:
            continue
        if date_period(other.initiative.started)[0] >= start:
            continue
        other_title = fold(other.initiative.title)
        if difflib.SequenceMatcher(None, title, other_title).ratio() >= SIMILAR_TITLE:
            yield make_issue(
                "similar-to-earlier",
                *where,
                WARNING,
                other=other.relpath,
                title=other.initiative.title,
            )


# --- scorecards ---------------------------------------------------------------------------


def conflict(judge: Judge, record: Record, rules: Sequence[str], vocab: Vocabulary) -> str | None:
    """Why ``judge`` may not score ``record`` (``"agency"``, ``"province"``, ``"declared"``)."""
    if record.id in judge.conflicts:
        return "declared"
    if "agency" in rules and compact(judge.unit) == compact(record.initiative.agency):
        return "agency"
    if "province" in rules and judge.province:
        place = vocab.places.resolve(judge.province)
        if place is not None and place.current.slug == record.place.current.slug:
            return "province"
    return None


CONFLICT_REASONS = {
    "declared": ("giám khảo đã tự khai trong 'conflicts'", "declared in the judge's 'conflicts'"),
    "agency": ("đơn vị của giám khảo là đơn vị chủ trì", "the judge's unit is the entry's agency"),
    "province": ("cùng tỉnh, thành", "the same province"),
}


def _with_scores(
    item: _Loaded,
    entries: list[Record],
    by_id: Mapping[str, Record],
    folder: Path,
    root: Path,
    vocab: Vocabulary,
) -> tuple[ContestData, list[Issue]]:
    contest = item.contest
    entered = {record.id: record for record in entries}
    panel = {judge.id: judge for judge in contest.panel}
    cards: list[Card] = []
    excluded: list[Card] = []
    issues: list[Issue] = []
    files = sorted(files_in(folder)) if folder.is_dir() else []
    read = 0
    for file in files:
        rel = relative_name(file, root)
        if file.suffix.lower() not in SCORECARD_SUFFIXES:
            issues.append(make_issue("not-a-scorecard", rel, 1, 1, "file", WARNING))
            continue
        read += 1
        source, found = load_yaml_source(file, root)
        issues += found
        judge = panel.get(file.stem)
        if judge is None:
            hint_vi, hint_en = did_you_mean(close_matches(file.stem, list(panel)))
            issues.append(
                make_issue(
                    "judge-not-on-panel",
                    rel,
                    1,
                    1,
                    "file",
                    judge=file.stem,
                    hint_vi=hint_vi,
                    hint_en=hint_en,
                )
            )
        if source is None or judge is None:
            continue
        for entry_id, values in source.meta.items():
            card, found = _card(source, judge, str(entry_id), values, item, entered, by_id)
            issues += found
            if card is None:
                continue
            reason = conflict(judge, entered[card.entry], contest.conflict_of_interest, vocab)
            if reason is None:
                cards.append(card)
                continue
            excluded.append(card)
            reason_vi, reason_en = CONFLICT_REASONS[reason]
            issues.append(
                _at(
                    source,
                    "conflict-of-interest",
                    (card.entry,),
                    card.entry,
                    WARNING,
                    key=True,
                    judge=judge.id,
                    entry=card.entry,
                    reason_vi=reason_vi,
                    reason_en=reason_en,
                )
            )
    data = ContestData(
        item.id,
        item.source.relpath,
        contest,
        tuple(entries),
        tuple(cards),
        tuple(excluded),
        read,
        item.source,
    )
    if not has_errors(issues):  # with broken scorecards, who scored what is not yet known
        issues += _coverage(data, folder, root)
    return data, issues


def _card(
    source: Source,
    judge: Judge,
    entry_id: str,
    values: Any,
    item: _Loaded,
    entered: Mapping[str, Record],
    by_id: Mapping[str, Record],
) -> tuple[Card | None, list[Issue]]:
    """One entry of a scorecard, or the located reasons it cannot count."""
    path: tuple[str | int, ...] = (entry_id,)
    if entry_id not in by_id:
        hint_vi, hint_en = did_you_mean(close_matches(entry_id, list(entered)))
        issue = _at(
            source,
            "unknown-entry",
            path,
            entry_id,
            key=True,
            value=entry_id,
            hint_vi=hint_vi,
            hint_en=hint_en,
        )
        return None, [issue]
    if entry_id not in entered:
        if item.id in by_id[entry_id].initiative.contests:
            return None, []  # entered but not eligible: the record's own finding says why
        issue = _at(
            source, "not-entered", path, entry_id, key=True, value=entry_id, contest=item.id
        )
        return None, [issue]
    if not isinstance(values, dict):
        return None, [_at(source, "scores-not-mapping", path, entry_id, value=entry_id)]
    issues: list[Issue] = []
    criteria = {c.id: c for c in item.contest.criteria}
    scores: dict[str, float] = {}
    for key, value in values.items():
        at = (entry_id, key)
        name = f"{entry_id}.{key}"
        if at in source.reported:
            continue
        if key == COMMENT:
            if value is not None and not isinstance(value, str):
                issues.append(_at(source, "comment-not-text", at, name))
            continue
        criterion = criteria.get(key)
        if criterion is None:
            issues.append(_unknown_criterion(source, at, str(key), list(criteria)))
            continue
        limit = f"{criterion.max:g}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = "để trống / empty" if value is None else repr(value)
            issues.append(_at(source, "score-not-number", at, name, value=shown, max=limit))
        elif not 0 <= value <= criterion.max:
            issues.append(
                _at(
                    source,
                    "score-out-of-range",
                    at,
                    name,
                    value=f"{value:g}",
                    max=limit,
                    criterion=key,
                )
            )
        else:
            scores[key] = float(value)
    for key, criterion in criteria.items():
        if key not in values:
            issues.append(
                _at(
                    source,
                    "missing-score",
                    path,
                    entry_id,
                    key=True,
                    criterion=key,
                    label=criterion.label,
                    max=f"{criterion.max:g}",
                )
            )
    if issues:
        return None, issues
    comment = values.get(COMMENT)
    return Card(judge.id, entry_id, scores, comment if isinstance(comment, str) else None), []


def _coverage(data: ContestData, folder: Path, root: Path) -> Iterator[Issue]:
    """Entries seen by too few judges; a published result with nothing to rank."""
    assert data.source is not None
    contest = data.contest
    if data.scorecards == 0:
        if contest.published:
            shown = relative_name(folder, root) + "/"
            yield _at(
                data.source, "published-without-scores", ("published",), "published", folder=shown
            )
        return
    judges: dict[str, int] = defaultdict(int)
    for card in data.cards:
        judges[card.entry] += 1
    for record in data.entries:
        if judges[record.id] < contest.min_judges:
            yield _at(
                data.source,
                "too-few-judges",
                ("min_judges",),
                "min_judges",
                WARNING,
                entry=record.id,
                count=judges[record.id],
                min=contest.min_judges,
            )


# --- helpers ------------------------------------------------------------------------------


def _at(
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
