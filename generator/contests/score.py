"""Rank a contest's entries from the judges' scores: the same files give the same result.

A judge's total for an entry is the sum of score × weight. The ``method`` chosen in
``contest.yml`` combines the totals (the anchors are what committee tools do):

- ``mean``: the mean of the judges' totals (Award Force: an entry seen by fewer judges is
  not penalised, as it would be by a sum);
- ``trimmed-mean``: the mean after dropping one highest and one lowest total, only when
  at least ``TRIM_FROM`` judges scored the entry (LiveJudge);
- ``z-score``: each judge's totals standardised over the entries that judge scored
  (population standard deviation; a judge who gave everyone the same contributes 0),
  averaged per entry (Evalato). Shown on the contest's scale: mean + z × standard
  deviation of all totals.

Ties on the score are broken by the means of the ``tie_break`` criteria in order; still
equal, the entries share a rank (1, 1, 3). Sums use ``math.fsum`` and comparisons a fixed
precision, so neither the order of the files nor float rounding changes a rank.

Prizes go down the ranking to entries with at least ``min_judges`` judges; entries that
share a rank share its prize (ex aequo), so a tie never splits a prize between them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import Card, ContestData, Prize

TRIM_FROM = 5
PRECISION = 9  # decimals compared when ranking: float noise never decides a rank
DISAGREEMENT = 0.25  # judges' totals this far apart (share of the highest total) are flagged


@dataclass(frozen=True)
class Ranked:
    """One entry's line in the result."""

    rank: int | None  # None: no judge's score counts yet
    id: str
    title: str
    score: float | None
    judges: int
    prize: str | None
    criteria: dict[str, float]  # criterion id → mean raw score
    totals: dict[str, float]  # judge id → weighted total
    excluded: tuple[str, ...]  # judges whose score was left out (conflict of interest)
    short_of_judges: bool  # fewer than min_judges: ranked, marked, no prize

    @property
    def spread(self) -> float:
        """Highest minus lowest judge total: how far the judges disagree."""
        return max(self.totals.values()) - min(self.totals.values()) if self.totals else 0.0


@dataclass(frozen=True)
class Ranking:
    contest: ContestData
    ranked: tuple[Ranked, ...]

    @property
    def method(self) -> str:
        """A ranking exists only for contests with their rules (``missing_rules`` empty)."""
        return self.contest.contest.method or "mean"

    def disagreement(self, line: Ranked) -> bool:
        """Judges' totals more than ``DISAGREEMENT`` of the highest possible total apart."""
        return len(line.totals) > 1 and line.spread > DISAGREEMENT * self.contest.contest.max_total

    def prize_of(self, entry_id: str) -> str | None:
        return next((line.prize for line in self.ranked if line.id == entry_id), None)


def total(card: Card, data: ContestData) -> float:
    return math.fsum(card.scores[c.id] * c.weight for c in data.contest.criteria)


def rank(data: ContestData) -> Ranking:
    contest = data.contest
    cards: dict[str, list[Card]] = defaultdict(list)
    for card in sorted(data.cards, key=lambda c: (c.entry, c.judge)):
        cards[card.entry].append(card)
    scores = _scores(data, cards)
    excluded: dict[str, list[str]] = defaultdict(list)
    for card in sorted(data.excluded, key=lambda c: c.judge):
        excluded[card.entry].append(card.judge)

    def key(record_id: str) -> tuple[float, ...]:
        means = _criterion_means(cards[record_id])
        tie = [means[c] for c in contest.tie_break]
        return tuple(-round(value, PRECISION) for value in (scores[record_id], *tie))

    scored = sorted((r for r in data.entries if r.id in scores), key=lambda r: (key(r.id), r.id))
    unscored = [r for r in data.entries if r.id not in scores]
    ranks = _shared_ranks([key(r.id) for r in scored])
    eligible = [r for r in scored if len(cards[r.id]) >= contest.min_judges]
    prizes = _prizes(contest.prizes, [key(r.id) for r in eligible])
    prize_by_id = {r.id: p for r, p in zip(eligible, prizes, strict=True)}
    lines = []
    for record, position in [*zip(scored, ranks, strict=True), *((r, None) for r in unscored)]:
        entry_cards = cards[record.id]
        lines.append(
            Ranked(
                rank=position,
                id=record.id,
                title=record.initiative.title,
                score=scores.get(record.id),
                judges=len(entry_cards),
                prize=prize_by_id.get(record.id),
                criteria=_criterion_means(entry_cards),
                totals={card.judge: total(card, data) for card in entry_cards},
                excluded=tuple(excluded[record.id]),
                short_of_judges=len(entry_cards) < contest.min_judges,
            )
        )
    return Ranking(data, tuple(lines))


def _scores(data: ContestData, cards: dict[str, list[Card]]) -> dict[str, float]:
    method = data.contest.method or "mean"
    totals = {entry: [total(card, data) for card in found] for entry, found in cards.items()}
    if method == "mean":
        return {entry: _mean(values) for entry, values in totals.items()}
    if method == "trimmed-mean":
        return {entry: _mean(_trimmed(values)) for entry, values in totals.items()}
    return _z_scores(data, cards)


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _trimmed(values: list[float]) -> list[float]:
    """Drop one highest and one lowest total, only with ``TRIM_FROM`` judges or more."""
    return sorted(values)[1:-1] if len(values) >= TRIM_FROM else values


def _pstdev(values: Sequence[float]) -> float:
    mean = _mean(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def _z_scores(data: ContestData, cards: dict[str, list[Card]]) -> dict[str, float]:
    """Mean z-score per entry, rescaled to the contest's points for display."""
    by_judge: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for entry, found in cards.items():
        for card in found:
            by_judge[card.judge].append((entry, total(card, data)))
    z: dict[str, list[float]] = defaultdict(list)
    for judge_totals in by_judge.values():
        values = [value for _, value in judge_totals]
        mean, spread = _mean(values), _pstdev(values)
        for entry, value in judge_totals:
            z[entry].append((value - mean) / spread if spread > 0 else 0.0)
    everything = [value for found in by_judge.values() for _, value in found]
    if not everything:
        return {}
    scale_mean, scale_spread = _mean(everything), _pstdev(everything)
    return {entry: scale_mean + _mean(values) * scale_spread for entry, values in z.items()}


def _criterion_means(cards: Sequence[Card]) -> dict[str, float]:
    if not cards:
        return {}
    return {key: _mean([card.scores[key] for card in cards]) for key in cards[0].scores}


def _shared_ranks(keys: Sequence[tuple[float, ...]]) -> list[int]:
    """Competition ranking over sorted keys: equal keys share the better rank (1, 1, 3)."""
    ranks: list[int] = []
    for position, key in enumerate(keys):
        same = position > 0 and key == keys[position - 1]
        ranks.append(ranks[-1] if same else position + 1)
    return ranks


def _prizes(prizes: Sequence[Prize], keys: Sequence[tuple[float, ...]]) -> list[str | None]:
    """Each place, from the top, takes the next prize slot; a shared rank shares its prize."""
    slots = [prize.label for prize in prizes for _ in range(prize.count)]
    return [slots[rank - 1] if rank <= len(slots) else None for rank in _shared_ranks(keys)]


@dataclass(frozen=True)
class ContestView:
    """A contest as the site may show it: the ranking only once the results are published.

    An unpublished contest reaches the site stripped of its scores, so no page or data
    file can show them, whatever a template does.
    """

    data: ContestData
    ranking: Ranking | None

    @property
    def id(self) -> str:
        return self.data.id


def public_view(data: ContestData) -> ContestView:
    if data.contest.published:
        return ContestView(data, rank(data))
    return ContestView(replace(data, cards=(), excluded=()), None)
