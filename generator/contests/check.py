"""Check contests: their files, the records that enter them and the judges' scorecards.

Everything is reported the way ``sangkien check`` reports records (located, bilingual,
all problems in one run). What survives the checks is a ``ContestData``: the contest,
its eligible entries and the scores that count.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from ..issues import Issue, Severity, make_issue
from ..layout import CONTESTS_DIR, SCORES_DIR
from ..load.sources import Source, relative_name
from ..messages import Joined, Phrase, close_matches, did_you_mean, phrase
from ..places import PlaceRef
from ..records import Record
from ..schema import date_period
from ..text import fold_title
from ..vocab import Vocabulary
from .files import LoadedContest, load_contests
from .model import ContestData
from .scorecards import SCORECARD_SUFFIXES, read_scorecards

SIMILAR_TITLE = 0.85  # folded titles this alike are "the same model" (không trùng lắp)
WARNING = Severity.WARNING


class ContestsChecked(NamedTuple):
    contests: list[ContestData]
    issues: list[Issue]
    files: list[Path]  # contest files and scorecards read, for the count
    related: dict[str, set[str]]  # contest id → the files it depends on (entries included)


def check_contests(
    root: Path,
    records: Sequence[Record],
    vocab: Vocabulary,
    scores: Path | None = None,
    sources: Sequence[Source] = (),
) -> ContestsChecked:
    """Every contest under ``contests/``, checked against the records and scorecards.

    ``scores`` holds the scorecards kept outside the public repository, laid out as
    ``scores/<contest-id>/<judge-id>.yml`` (``scores_folder``).
    ``sources`` are all record files read, valid or not: a record that names a contest
    but has errors is one of the contest's files too, so ``judge`` does not lose it.
    """
    loaded, issues, files = load_contests(root, vocab)
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
    known = sorted({file.parent.name for file in files})  # valid or not
    stray = list(_scores_layout(scores, known, root)) if scores is not None else []
    issues += stray
    by_id = {record.id: record for record in records}
    contests = []
    for contest_id, item in sorted(loaded.items()):
        folder = scores_folder(root, contest_id, scores)
        data, found, cards = read_scorecards(item, entries[contest_id], by_id, folder, root, vocab)
        contests.append(data)
        issues += found
        files += cards
        related[contest_id] |= {i.path for i in found + stray} | {
            relative_name(f, root) for f in cards
        }
    return ContestsChecked(contests, issues, files, dict(related))


def scores_folder(root: Path, contest_id: str, scores: Path | None) -> Path:
    """Where a contest's scorecards are: its own folder, and no other.

    ``--scores DIR`` names the committee's private folder: ``DIR/<contest-id>/`` replaces
    ``contests/<contest-id>/scores/`` for the contests it has a folder for; the others keep
    their scorecards in the repository. Never ``DIR`` itself nor a sibling's folder: a
    published decoy contest with the same panel would publish another contest's scores.
    """
    private = scores / contest_id if scores is not None else None
    if private is not None and private.is_dir():
        return private
    return root / CONTESTS_DIR / contest_id / SCORES_DIR


def _scores_layout(scores: Path, contest_ids: Sequence[str], root: Path) -> Iterator[Issue]:
    """What ``--scores DIR`` holds besides a folder per contest: never read, so said.

    A scorecard in ``DIR`` itself (the layout is ``DIR/<contest-id>/<judge>.yml``), and a
    folder named after no contest (a typo would leave that contest without its scores).
    """
    if not scores.is_dir():
        return
    for path in sorted(scores.iterdir()):
        if path.name.startswith("."):
            continue
        rel = relative_name(path, root)
        if path.is_dir() and path.name not in contest_ids:
            hint = did_you_mean(close_matches(path.name, list(contest_ids)))
            yield make_issue(
                "scores-unknown-contest", rel + "/", 1, 1, "file", value=path.name, hint=hint
            )
        elif not path.is_dir() and path.suffix.lower() in SCORECARD_SUFFIXES:
            folder = relative_name(scores, root)
            yield make_issue("scores-outside-contest", rel, 1, 1, "file", folder=folder)


def check_entries(
    records: Sequence[Record], contests: Mapping[str, LoadedContest], vocab: Vocabulary
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
                hint = did_you_mean(close_matches(contest_id, list(contests)))
                issues.append(make_issue("unknown-contest", *where, value=contest_id, hint=hint))
                continue
            found = list(_eligibility(record, item, vocab, where))
            issues += found
            if not any(issue.is_error for issue in found):
                entries[contest_id].append(record)
                issues += _similar_to_earlier(record, records, where)
    return entries, issues


def _eligibility(
    record: Record, item: LoadedContest, vocab: Vocabulary, where: tuple[str, int, int, str]
) -> Iterator[Issue]:
    contest, rules, started = item.contest, item.contest.eligibility, record.initiative.started
    reasons: list[Phrase] = []
    if rules.provinces and not any(
        _same_province(record.place, vocab.places.resolve(name)) for name in rules.provinces
    ):
        reasons.append(phrase("only-provinces", names=", ".join(rules.provinces)))
    if rules.levels and record.initiative.level not in rules.levels:
        reasons.append(phrase("only-levels", levels=", ".join(rules.levels)))
    if rules.domains and not {d.id for d in record.domains} & set(rules.domains):
        reasons.append(phrase("only-domains", domains=", ".join(rules.domains)))
    if rules.started_after and date_period(started)[1] < date_period(rules.started_after)[0]:
        reasons.append(phrase("only-started-from", date=rules.started_after))
    if reasons:
        yield make_issue("not-eligible", *where, contest=item.id, reasons=Joined(tuple(reasons)))
    if contest.closes and date_period(started)[0] > date_period(contest.closes)[1]:
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
    title, start = fold_title(record.initiative.title), date_period(record.initiative.started)[0]
    for other in records:
        if other.id == record.id or other.place.current.slug != record.place.current.slug:
            continue
        if date_period(other.initiative.started)[0] >= start:
            continue
        other_title = fold_title(other.initiative.title)
        if difflib.SequenceMatcher(None, title, other_title).ratio() >= SIMILAR_TITLE:
            yield make_issue(
                "similar-to-earlier",
                *where,
                WARNING,
                other=other.relpath,
                title=other.initiative.title,
            )
