"""Judges' scorecards: ``scores/<judge-id>.yml``, one entry's scores per key.

A score is counted only when the whole card is valid and the judge has no conflict of
interest with the entry; a conflicted score is kept apart (``excluded``) and reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..issues import Issue, Severity, has_errors, make_issue
from ..load.repopaths import file_name_ok, link_on_the_way, suggest_file
from ..load.sources import Source, load_yaml_source, relative_name
from ..messages import close_matches, did_you_mean, phrase
from ..records import Record
from ..text import compact
from ..vocab import Vocabulary
from .files import LoadedContest, finding, rules_missing, unknown_criterion
from .model import Card, ContestData, Criterion, Judge

SCORECARD_SUFFIXES = (".yml", ".yaml")
COMMENT = "comment"
COMMENT_LENGTH = 2000  # a judge's remarks on one entry: a few paragraphs, not a file
WARNING = Severity.WARNING


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


class Scorecards(NamedTuple):
    data: ContestData  # the contest with the scores that count
    issues: list[Issue]
    files: list[Path]  # the scorecards in the folder (read, or refused with the contest)


def read_scorecards(
    item: LoadedContest,
    entries: list[Record],
    by_id: Mapping[str, Record],
    folder: Path,
    root: Path,
    vocab: Vocabulary,
) -> Scorecards:
    contest = item.contest
    entered = {record.id: record for record in entries}
    panel = {judge.id: judge for judge in contest.panel}
    cards: list[Card] = []
    excluded: list[Card] = []
    files, folders = scorecard_files(folder, root)
    cards_in_folder = [f for f in files if f.suffix.lower() in SCORECARD_SUFFIXES]
    issues = [
        make_issue("scores-subfolder", relative_name(subfolder, root) + "/", 1, 1, "file")
        for subfolder in folders
    ]
    if contest.missing_rules and cards_in_folder:
        if not contest.published:  # a published contest is already told so
            issues.append(rules_missing(item.source, contest, "scored"))
        files = []
    read = 0
    filed: dict[str, str] = {}  # judge id → their scorecard: one each, ``.yml`` first
    for file in sorted(files, key=lambda f: (f.stem, f.suffix != ".yml", f.name)):
        rel = relative_name(file, root)
        if file.suffix.lower() not in SCORECARD_SUFFIXES:
            issues.append(make_issue("not-a-scorecard", rel, 1, 1, "file", WARNING))
            continue
        read += 1
        source, found = load_yaml_source(file, root)
        issues += found
        judge, found = _judge_of(file, rel, panel, filed)
        issues += found
        if source is None or judge is None:
            continue
        counted, conflicted, found = _cards(source, judge, item, entered, by_id, vocab)
        cards += counted
        excluded += conflicted
        issues += found
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
    return Scorecards(data, issues, cards_in_folder)


def _judge_of(
    file: Path, rel: str, panel: Mapping[str, Judge], filed: dict[str, str]
) -> tuple[Judge | None, list[Issue]]:
    """The judge a scorecard's name names, filed in ``filed``; or why its scores cannot count.

    A second card of the same judge (``gk-01.yaml`` beside ``gk-01.yml``) is refused.
    """
    named = file_name_ok(file.name, SCORECARD_SUFFIXES)
    judge = panel.get(file.stem) if named else None
    if judge is not None and judge.id in filed:
        other = filed[judge.id]
        return None, [make_issue("scorecard-twice", rel, 1, 1, "file", judge=judge.id, other=other)]
    if judge is not None:
        filed[judge.id] = rel
        return judge, []
    if not named:
        suggestion = suggest_file(file.name)
        issue = make_issue(
            "bad-scorecard-name", rel, 1, 1, "file", value=file.name, suggestion=suggestion
        )
        return None, [issue]
    hint = did_you_mean(close_matches(file.stem, list(panel)))
    return None, [make_issue("judge-not-on-panel", rel, 1, 1, "file", judge=file.stem, hint=hint)]


def _cards(
    source: Source,
    judge: Judge,
    item: LoadedContest,
    entered: Mapping[str, Record],
    by_id: Mapping[str, Record],
    vocab: Vocabulary,
) -> tuple[list[Card], list[Card], list[Issue]]:
    """One judge's valid cards: those that count, those a conflict of interest keeps apart."""
    counted: list[Card] = []
    excluded: list[Card] = []
    issues: list[Issue] = []
    rules = item.contest.conflict_of_interest
    for entry_id, values in source.meta.items():
        card, found = _card(source, judge, str(entry_id), values, item, entered, by_id)
        issues += found
        if card is None:
            continue
        reason = conflict(judge, entered[card.entry], rules, vocab)
        if reason is None:
            counted.append(card)
            continue
        excluded.append(card)
        issues.append(
            finding(
                source,
                "conflict-of-interest",
                (card.entry,),
                card.entry,
                WARNING,
                key=True,
                judge=judge.id,
                entry=card.entry,
                conflict=phrase(f"conflict-{reason}"),  # conflict-declared, -agency, -province
            )
        )
    return counted, excluded, issues


def scorecard_files(folder: Path, root: Path) -> tuple[list[Path], list[Path]]:
    """The files of a scores folder, and the folders in it (refused: never read).

    Only the folder itself is read, never its subfolders: a backup copy inside it would
    count a judge twice. In the repository a link is never followed (``check`` reports
    it); a committee's own ``--scores`` folder may link where it likes.
    """
    inside = folder.is_relative_to(root)
    if (inside and link_on_the_way(folder, root) is not None) or not folder.is_dir():
        return [], []
    files: list[Path] = []
    folders: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or (inside and path.is_symlink()):
            continue
        (folders if path.is_dir() else files).append(path)
    return files, folders


def _card(
    source: Source,
    judge: Judge,
    entry_id: str,
    values: Any,
    item: LoadedContest,
    entered: Mapping[str, Record],
    by_id: Mapping[str, Record],
) -> tuple[Card | None, list[Issue]]:
    """One entry of a scorecard, or the located reasons it cannot count."""
    refused = _not_scorable(source, entry_id, values, item.id, entered, by_id)
    if refused is not None:
        return None, refused
    criteria = {c.id: c for c in item.contest.criteria}
    scores, issues = _scores(source, entry_id, values, criteria)
    issues += _missing_scores(source, entry_id, values, criteria)
    if issues:
        return None, issues
    comment = values.get(COMMENT)
    return Card(judge.id, entry_id, scores, comment if isinstance(comment, str) else None), []


def _not_scorable(
    source: Source,
    entry_id: str,
    values: Any,
    contest_id: str,
    entered: Mapping[str, Record],
    by_id: Mapping[str, Record],
) -> list[Issue] | None:
    """Why no score is read for ``entry_id`` (an empty list: its record says why), or None."""
    path = (entry_id,)
    if entry_id not in by_id:
        hint = did_you_mean(close_matches(entry_id, list(entered)))
        return [
            finding(source, "unknown-entry", path, entry_id, key=True, value=entry_id, hint=hint)
        ]
    if entry_id not in entered:
        if contest_id in by_id[entry_id].initiative.contests:
            return []  # entered but not eligible: the record's own finding says why
        return [
            finding(
                source, "not-entered", path, entry_id, key=True, value=entry_id, contest=contest_id
            )
        ]
    if not isinstance(values, dict):
        return [finding(source, "scores-not-mapping", path, entry_id, value=entry_id)]
    return None


def _scores(
    source: Source, entry_id: str, values: dict[Any, Any], criteria: Mapping[str, Criterion]
) -> tuple[dict[str, float], list[Issue]]:
    """The scores an entry's values give each criterion, and what is wrong with the others."""
    issues: list[Issue] = []
    scores: dict[str, float] = {}
    for key, value in values.items():
        at = (entry_id, key)
        name = f"{entry_id}.{key}"
        if at in source.reported:
            continue
        if key == COMMENT:
            issues += _comment_findings(source, at, name, value)
            continue
        criterion = criteria.get(key)
        if criterion is None:
            issues.append(unknown_criterion(source, at, str(key), list(criteria)))
            continue
        limit = f"{criterion.max:g}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = "để trống / empty" if value is None else repr(value)
            issues.append(finding(source, "score-not-number", at, name, value=shown, max=limit))
        elif not 0 <= value <= criterion.max:
            issues.append(
                finding(
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
    return scores, issues


def _comment_findings(
    source: Source, at: tuple[str | int, ...], name: str, value: Any
) -> list[Issue]:
    """A judge's remark is text, and a few paragraphs at most."""
    if value is not None and not isinstance(value, str):
        return [finding(source, "comment-not-text", at, name)]
    if isinstance(value, str) and len(value) > COMMENT_LENGTH:
        return [finding(source, "too-long", at, name, length=len(value), limit=COMMENT_LENGTH)]
    return []


def _missing_scores(
    source: Source, entry_id: str, values: dict[Any, Any], criteria: Mapping[str, Criterion]
) -> list[Issue]:
    """Every criterion is scored: one finding for each left out, at the entry's key."""
    return [
        finding(
            source,
            "missing-score",
            (entry_id,),
            entry_id,
            key=True,
            criterion=key,
            label=criterion.label,
            max=f"{criterion.max:g}",
        )
        for key, criterion in criteria.items()
        if key not in values
    ]


def _coverage(data: ContestData, folder: Path, root: Path) -> Iterator[Issue]:
    """Entries seen by too few judges; a published result with nothing to rank."""
    assert data.source is not None
    contest = data.contest
    if data.scorecards == 0:
        if contest.published:
            shown = relative_name(folder, root) + "/"
            yield finding(
                data.source, "published-without-scores", ("published",), "published", folder=shown
            )
        return
    judges: dict[str, int] = defaultdict(int)
    for card in data.cards:
        judges[card.entry] += 1
    for record in data.entries:
        if judges[record.id] < contest.min_judges:
            yield finding(
                data.source,
                "too-few-judges",
                ("min_judges",),
                "min_judges",
                WARNING,
                entry=record.id,
                count=judges[record.id],
                min=contest.min_judges,
            )
