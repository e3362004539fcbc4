"""Properties of the ranking, for any scores the judges may give (Hypothesis).

The worked examples of ``test_ranking.py`` fix a few numbers; these say what must hold for
all of them: the result does not depend on the order of judges, scorecard files or
entries; a trimmed mean is the mean of the sorted middle; a judge who gives everyone the
same scores never reorders a z-score ranking; equal entries share their rank and prize.
The contest and records are real (checked once); the scorecards are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check import check_paths
from generator.contests.model import Card, Contest, ContestData
from generator.contests.score import Ranking, rank
from generator.records import Record

from .conftest import BASE, ContestRepo

ENTRIES = ("e1", "e2", "e3", "e4", "e5", "e6")
JUDGES = tuple(f"gk-{n}" for n in range(1, 8))
WEIGHTS = {c["id"]: c["weight"] for c in BASE["criteria"]}  # a judge's total is Σ score × weight
MAXIMA = {c["id"]: c["max"] for c in BASE["criteria"]}
METHODS = ("mean", "trimmed-mean", "z-score")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Record]:
    """Six valid entries of a real contest, as ``check`` gives them to the ranking."""
    repo = ContestRepo(tmp_path_factory.mktemp("ranking") / "repo")
    for entry in ENTRIES:
        repo.record(entry)
    repo.contest()
    result = check_paths(repo.root)
    assert result.ok, [i.as_text() for i in result.issues]
    return {r.id: r for r in result.records}


def score(criterion: str) -> st.SearchStrategy[float]:
    """A criterion's score: often a round number (so totals tie), sometimes a half point."""
    top = int(MAXIMA[criterion])
    return st.one_of(
        st.sampled_from([0, top // 2, top]), st.integers(0, 2 * top).map(lambda n: n / 2)
    )


def cards_strategy(full: bool = False) -> st.SearchStrategy[list[Card]]:
    """Scorecards of up to 7 judges over up to 6 entries; ``full``: every judge scores all."""

    @st.composite
    def draw_cards(draw: st.DrawFn) -> list[Card]:
        entries = ENTRIES[: draw(st.integers(1, len(ENTRIES)))]
        # five judges is where trimming starts: drawn often, like a contest's usual panel
        judges = JUDGES[: draw(st.one_of(st.just(5), st.integers(1, len(JUDGES))))]
        cards = []
        for entry in entries:
            for judge in judges:
                if full or not cards or draw(st.booleans()):  # never an empty contest
                    scores = {c: draw(score(c)) for c in WEIGHTS}
                    cards.append(Card(judge, entry, scores))
        return cards

    return draw_cards()


def contest_data(
    records: dict[str, Record], cards: Sequence[Card], method: str, **changes: Any
) -> ContestData:
    fields = {**BASE, "method": method, **changes}
    entered = sorted({card.entry for card in cards} | {ENTRIES[0]})
    return ContestData(
        "hoi-thi",
        "contests/hoi-thi/contest.yml",
        Contest.model_validate(fields),
        tuple(records[e] for e in entered),
        tuple(cards),
    )


def own_total(card: Card) -> float:
    return math.fsum(value * WEIGHTS[key] for key, value in card.scores.items())


def lines(ranking: Ranking) -> list[tuple[Any, ...]]:
    """What a reader of the result sees, without naming the judges."""
    return [
        (line.rank, line.id, line.score, line.prize, line.judges, sorted(line.totals.values()))
        for line in ranking.ranked
    ]


TWINS = (ENTRIES[0], ENTRIES[-1])


def with_twin(cards: list[Card], data: st.DataObject, always: bool = False) -> list[Card]:
    """The cards, with the last entry given exactly the first one's (a tie on everything)."""
    first, twin = TWINS
    kept = [card for card in cards if card.entry != twin]
    if not always and not data.draw(st.booleans(), label="a twin"):
        return kept
    return kept + [replace(card, entry=twin) for card in cards if card.entry == first]


contest_options = st.fixed_dictionaries(
    {
        "method": st.sampled_from(METHODS),
        "min_judges": st.integers(1, 3),
        "prizes": st.sampled_from(
            [
                [{"label": "Giải Nhất", "count": 1}, {"label": "Giải Nhì", "count": 2}],
                [{"label": "Giải A", "count": 3}],
            ]
        ),
    }
)


@settings(max_examples=60)  # cheap: no file is read or written
@given(cards=cards_strategy(), options=contest_options, data=st.data())
def test_the_ranking_does_not_depend_on_the_order_of_judges_files_or_entries(
    records: dict[str, Record], cards: list[Card], options: dict[str, Any], data: st.DataObject
) -> None:
    """Renaming the judges (so their scorecard files are read in another order) and
    shuffling the cards and the entries changes nothing a reader sees, ties included."""
    cards = with_twin(cards, data)
    first = rank(contest_data(records, cards, **options))
    names = data.draw(st.permutations(JUDGES), label="judges renamed")
    renamed = [replace(card, judge=names[JUDGES.index(card.judge)]) for card in cards]
    shuffled = data.draw(st.permutations(renamed), label="cards in another order")
    other = contest_data(records, shuffled, **options)
    entries = data.draw(st.permutations(other.entries), label="entries in another order")
    second = rank(replace(other, entries=tuple(entries)))
    assert lines(second) == lines(first)


@settings(max_examples=60)  # cheap: no file is read or written
@given(
    cards=st.one_of(cards_strategy(full=True), cards_strategy()),
    method=st.sampled_from(["mean", "trimmed-mean"]),
)
def test_a_trimmed_mean_is_the_mean_of_the_sorted_middle(
    records: dict[str, Record], cards: list[Card], method: str
) -> None:
    """From five judges on, one lowest and one highest total are dropped, whoever gave them."""
    ranking = rank(contest_data(records, cards, method))
    for line in ranking.ranked:
        totals = sorted(own_total(c) for c in cards if c.entry == line.id)
        if not totals:
            assert line.score is None and line.rank is None
            continue
        kept = totals[1:-1] if method == "trimmed-mean" and len(totals) >= 5 else totals
        assert line.score is not None
        assert math.isclose(line.score, sum(kept) / len(kept), rel_tol=1e-12, abs_tol=1e-9)


@settings(max_examples=60)  # cheap: no file is read or written
@given(cards=cards_strategy(full=True), data=st.data())
def test_a_judge_who_gives_everyone_the_same_never_reorders_a_z_score_ranking(
    records: dict[str, Record], cards: list[Card], data: st.DataObject
) -> None:
    """Every judge scored every entry; one more, who gives all the same scores, adds no
    information: the order and the ranks stay (the scores shown may move together)."""
    before = rank(contest_data(records, cards, "z-score"))
    same = {c: data.draw(score(c), label=c) for c in WEIGHTS}
    entries = sorted({card.entry for card in cards})
    extra = [Card("gk-9", entry, same) for entry in entries]
    panel = [*BASE["panel"], {"id": "gk-9", "name": "Giám khảo 9", "unit": "Đơn vị 9"}]
    after = rank(contest_data(records, [*cards, *extra], "z-score", panel=panel))
    assert [(line.rank, line.id) for line in after.ranked] == [
        (line.rank, line.id) for line in before.ranked
    ]


@settings(max_examples=60)  # cheap: no file is read or written
@given(cards=cards_strategy(), options=contest_options, data=st.data())
def test_equal_entries_share_their_rank_and_prize(
    records: dict[str, Record], cards: list[Card], options: dict[str, Any], data: st.DataObject
) -> None:
    """Two entries with the same judges' same scores tie: one rank, one prize (ex aequo);
    ranks are competition ranks (1, 1, 3) down a list that never climbs."""
    cards = with_twin(cards, data, always=True)
    model, twin = TWINS
    ranking = rank(contest_data(records, cards, **options))
    by_id = {line.id: line for line in ranking.ranked}
    assert (by_id[twin].rank, by_id[twin].score, by_id[twin].prize) == (
        by_id[model].rank,
        by_id[model].score,
        by_id[model].prize,
    )
    ranked = [line for line in ranking.ranked if line.rank is not None]
    for position, line in enumerate(ranked):
        assert line.rank is not None
        if position == 0 or line.rank != ranked[position - 1].rank:
            assert line.rank == position + 1  # a new rank counts everyone above it
        else:
            assert line.score == ranked[position - 1].score
        if position:
            previous = ranked[position - 1].score
            assert line.score is not None and previous is not None
            assert line.score <= previous + 1e-9
    for line in ranking.ranked:
        if line.prize is not None:
            assert line.judges >= options["min_judges"]
