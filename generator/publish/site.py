"""The whole collection as one immutable value, with the indexes the pages need.

Like MkDocs' ``Files``, it is built once from validated records and only read after,
so every page sees the same, consistent data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..contests import ContestView
from ..places import Province
from ..records import Record
from ..text import fold, slug
from ..vocab import Domain, Vocabulary

RELATED_LIMIT = 5
RELATED_SCAN = 100


def newest_first(records: Iterable[Record]) -> list[Record]:
    """Newest start first; ties by title, read the Vietnamese way, then by id."""
    ordered = sorted(records, key=lambda r: (fold(r.initiative.title), r.id))
    return sorted(ordered, key=lambda r: r.initiative.started, reverse=True)


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str  # the spelling most records use


@dataclass(frozen=True)
class Site:
    records: tuple[Record, ...]
    vocab: Vocabulary
    contests: tuple[ContestView, ...] = ()

    def contests_of(self, record: Record) -> list[tuple[ContestView, str | None]]:
        """The real contests ``record`` entered, with its prize once results are public."""
        return [
            (view, view.ranking.prize_of(record.id) if view.ranking else None)
            for view in self.contests
            if record.id in {r.id for r in view.data.entries} and not view.data.contest.illustrative
        ]

    @cached_property
    def by_id(self) -> dict[str, Record]:
        return {record.id: record for record in self.records}

    @cached_property
    def newest(self) -> list[Record]:
        return newest_first(self.records)

    @cached_property
    def by_province(self) -> dict[str, list[Record]]:
        """Today's province slug → its records (including those of its former provinces)."""
        groups: dict[str, list[Record]] = {p.slug: [] for p in self.vocab.places.current}
        for record in self.newest:
            groups[record.place.current.slug].append(record)
        return groups

    @cached_property
    def by_domain(self) -> dict[str, list[Record]]:
        groups: dict[str, list[Record]] = {domain_id: [] for domain_id in self.vocab.domains}
        for record in self.newest:
            for domain in record.domains:
                groups[domain.id].append(record)
        return groups

    @cached_property
    def tags(self) -> dict[str, Tag]:
        """Each tag by its slug, named by the spelling the most records use (then the first
        in order): one record writing a spelling twenty times is still one record."""
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        for record in self.records:
            for name in dict.fromkeys(record.initiative.tags):
                spellings[slug(name)][name] += 1
        return {
            key: Tag(key, min(counter, key=lambda n: (-counter[n], n)))
            for key, counter in sorted(spellings.items())
        }

    @cached_property
    def by_tag(self) -> dict[str, list[Record]]:
        groups: dict[str, list[Record]] = {key: [] for key in self.tags}
        for record in self.newest:
            for key in self._tag_keys[record.id]:
                groups[key].append(record)
        return groups

    @cached_property
    def by_year(self) -> dict[int, list[Record]]:
        groups: dict[int, list[Record]] = defaultdict(list)
        for record in self.newest:
            groups[record.year].append(record)
        return dict(sorted(groups.items(), reverse=True))

    @cached_property
    def by_status(self) -> dict[str, list[Record]]:
        groups: dict[str, list[Record]] = {status: [] for status in self.vocab.statuses}
        for record in self.newest:
            groups[record.initiative.status].append(record)
        return groups

    @property
    def provinces_with_records(self) -> list[Province]:
        return [p for p in self.vocab.places.current if self.by_province[p.slug]]

    @property
    def domains(self) -> list[Domain]:
        return list(self.vocab.domains.values())

    @cached_property
    def _tag_keys(self) -> dict[str, tuple[str, ...]]:
        """Each record's tag slugs, computed once (they are needed on every page)."""
        return {
            r.id: tuple(dict.fromkeys(slug(name) for name in r.initiative.tags))
            for r in self.records
        }

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {record.id: rank for rank, record in enumerate(self.newest)}

    @cached_property
    def _domain_ids(self) -> dict[str, frozenset[str]]:
        return {record.id: frozenset(d.id for d in record.domains) for record in self.records}

    def tag_slugs(self, record: Record) -> list[Tag]:
        return [self.tags[key] for key in self._tag_keys[record.id]]

    def related(self, record: Record) -> list[Record]:
        """Closest initiatives: shared tags weigh most, then domains, then the province.

        Only the newest ``RELATED_SCAN`` records of each shared tag and of the province
        are scored, so the cost per page stays bounded however large the collection.
        """
        shared: Counter[str] = Counter()
        for key in self._tag_keys[record.id]:
            shared.update(other.id for other in self.by_tag[key][:RELATED_SCAN])
        province = record.place.current.slug
        for other in self.by_province[province][:RELATED_SCAN]:
            shared.setdefault(other.id, 0)  # same province, no shared tag
        del shared[record.id]
        domains = self._domain_ids[record.id]

        def score(other_id: str) -> int:
            other = self.by_id[other_id]
            same_domains = len(domains & self._domain_ids[other_id])
            same_place = other.place.current.slug == province
            return 3 * shared[other_id] + 2 * same_domains + int(same_place)

        scored = [(score(other_id), other_id) for other_id in shared]
        ranked = sorted(
            (pair for pair in scored if pair[0] > 1),
            key=lambda pair: (-pair[0], self._rank[pair[1]]),
        )
        return [self.by_id[other_id] for _, other_id in ranked[:RELATED_LIMIT]]

    def replicas(self, record: Record) -> list[tuple[str, Record | Province | None]]:
        """``replicated_in`` entries, each resolved to a record or a province when known."""
        resolved: list[tuple[str, Record | Province | None]] = []
        for name in record.initiative.replicated_in:
            place = self.vocab.places.resolve(name)
            target = self.by_id.get(name) or (place.current if place else None)
            resolved.append((name, target))
        return resolved


def build_site(
    records: Iterable[Record], vocab: Vocabulary, contests: Iterable[ContestView] = ()
) -> Site:
    return Site(tuple(sorted(records, key=lambda r: r.id)), vocab, tuple(contests))
