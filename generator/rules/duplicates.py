"""Likely duplicates: a title very close to another initiative's in the same province.

Today's province groups a former province with the one it merged into, so "Phú Yên" and
"Đắk Lắk" records are compared. Titles are compared folded (case, tone marks, đ, runs of
spaces: ``text.fold_title``, as contest entries are), and only
with candidates that share a distinctive word, found through an index: the cost grows with
the collection, not with its square, so 10,000 records stay quick.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text import fold_title

SIMILAR = 0.85  # SequenceMatcher ratio of folded titles that reads as "the same initiative"
COMMON = 40  # a word in more titles of a province than this picks no candidates
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Titled:
    """What the comparison needs of a record: its file, its province, its title."""

    relpath: str
    province: str  # today's province slug
    title: str


@dataclass(frozen=True)
class Duplicate:
    record: Titled
    other: Titled  # the one already there
    exact: bool


def likely_duplicates(
    records: Sequence[Titled], wanted: set[str] | None = None
) -> Iterator[Duplicate]:
    """For each record (of ``wanted``, if given), the closest earlier or untouched one.

    A pair is reported once, on its later file; when only some files are checked (a pull
    request), on the checked one, whatever the order.
    """
    if wanted is not None:  # titles are compared within a province: the wanted ones'
        provinces = {r.province for r in records if r.relpath in wanted}
        records = [r for r in records if r.province in provinces]
    folded = [fold_title(r.title) for r in records]
    words = [set(_WORD.findall(text)) for text in folded]
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, record in enumerate(records):
        for word in words[n]:
            index[record.province, word].append(n)
    for n, record in enumerate(records):
        if wanted is not None and record.relpath not in wanted:
            continue
        shared: Counter[int] = Counter()
        for word in words[n]:
            posting = index[record.province, word]
            if len(posting) <= COMMON:
                shared.update(posting)
        best: tuple[float, int] | None = None
        matcher = difflib.SequenceMatcher(None, folded[n])
        for m, count in shared.items():
            if m == n or not _reported_here(n, m, records, wanted):
                continue
            if count * 2 < min(len(words[n]), len(words[m])):
                continue  # fewer than half the words in common: not the same title
            matcher.set_seq2(folded[m])
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue  # upper bounds of ratio(), much cheaper to compute
            ratio = matcher.ratio()
            if ratio >= SIMILAR and (best is None or ratio > best[0]):
                best = (ratio, m)
        if best is not None:
            other = records[best[1]]
            exact = _WORD.findall(folded[n]) == _WORD.findall(folded[best[1]])
            yield Duplicate(record, other, exact)


def _reported_here(n: int, m: int, records: Sequence[Titled], wanted: set[str] | None) -> bool:
    if wanted is not None and records[m].relpath not in wanted:
        return True  # an untouched record: the checked one is the newcomer
    return m < n
