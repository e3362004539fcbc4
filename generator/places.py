"""Provinces before and after the 1 July 2025 merger, read from ``data/provinces.yml``, and
the former districts and wards of ``data/localities.yml`` that people write in their place.

Resolution is exact on a normalised key (case, spaces, punctuation, tone marks, "đ", the
"Tỉnh"/"Thành phố"/"TP." prefixes and the "(cũ)"/"Province"/"City" suffixes), never a
fuzzy guess; close names are only offered as suggestions in error messages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .messages import close_matches
from .text import compact, fold
from .yamlplain import load_data_file

MERGER_DATE = "2025-07-01"
# On folded text. "Tỉnh", "Thành phố" with any space or none between (a non-breaking one
# too), "TP", "Tp.", "TP." and "T.P."; a dotted "T.P" must end there, so that "T. Phú Yên"
# keeps its "P".
_PREFIX = re.compile(r"^\W*(?:tinh|thanh\W*pho|tp\.?|t\.\s*p(?![a-z])\.?)")
# "(cũ)" or "cũ" (former) and the English "Province" and "City", as whole last words only:
# no name of a province ends in one of these words.
_SUFFIX_WORDS = frozenset({"cu", "province", "city"})
_NON_WORD = re.compile(r"(\W+)")


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The key two spellings of one province share: ``"Tỉnh Đăk Lăk"`` → ``"daklak"``.

    Cached: ten thousand records name the same few dozen provinces."""
    return compact(_without_suffix(_PREFIX.sub("", fold(name))))


def _without_suffix(text: str) -> str:
    r"""``text`` without its last words "cu", "province" and "city" (and what follows them).

    Read word by word from the end: the regular expression this replaces,
    ``(?:\W+(?:cu|province|city))+\W*$``, tried every start in a run of spaces and took
    minutes on "Đắk" + 300,000 spaces + "Lắk".
    """
    parts = _NON_WORD.split(text)  # words at even indexes, the runs between at odd ones
    word = len(parts) - 1 if parts[-1] else len(parts) - 3
    cut = None
    while word >= 2 and parts[word] in _SUFFIX_WORDS:
        cut, word = word - 1, word - 2
    return text if cut is None else "".join(parts[:cut])


@dataclass(frozen=True)
class Province:
    code: str
    slug: str
    name: str
    full_name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    merged_into: str | None = None  # for former provinces: the current province's slug


@dataclass(frozen=True)
class Locality:
    """A district, town or ward of before 07/2025: not a province, but it says which one."""

    name: str
    kind: str  # the Vietnamese word: "huyện", "thành phố", "phường", ...
    kind_en: str
    then: Province  # the province it was in, as a former province
    now: Province  # the current province that one is part of
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How to write it in ``locality:``, e.g. "huyện Krông Ana"."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class PlaceRef:
    """Where an initiative was made: today's province and, if renamed, the one of then."""

    current: Province
    former: Province | None = None  # set only when the name of then differs from today's

    @property
    def label(self) -> str:
        if self.former is None:
            return self.current.name
        return f"{self.former.name} (trước 07/2025)"


class Places:
    """Lookup of current and former provinces by any known spelling, and of known localities."""

    def __init__(
        self, current: list[Province], former: list[Province], localities: Sequence[Locality] = ()
    ) -> None:
        self.current = current
        self.former = former
        self.localities = list(localities)
        self.by_slug = {p.slug: p for p in current}
        self._current_keys: dict[str, Province] = {}
        self._former_keys: dict[str, Province] = {}
        for province in current:
            for key in _keys(province):
                self._current_keys[key] = province
        for province in former:
            for key in _keys(province):
                self._former_keys[key] = province
        self._locality_keys = {key: loc for loc in self.localities for key in _locality_keys(loc)}
        names = sorted({p.name for p in current + former}, key=lambda n: (fold(n), n))
        aliases = sorted(
            {a for p in current + former for a in p.aliases}, key=lambda n: (fold(n), n)
        )
        self._suggestible: dict[str, str] = {}
        for known in names + aliases:  # a name before an alias with the same key
            self._suggestible.setdefault(name_key(known), known)

    def resolve(self, name: str) -> PlaceRef | None:
        key = name_key(name)
        if key in self._current_keys:
            return PlaceRef(self._current_keys[key])
        former = self._former_keys.get(key)
        if former is None or former.merged_into is None:
            return None
        current = self.by_slug[former.merged_into]
        return PlaceRef(current, former if former.name != current.name else None)

    def locality(self, name: str) -> Locality | None:
        """The known district, town or ward of before 07/2025 that ``name`` names, if any."""
        return self._locality_keys.get(name_key(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Province names ``name`` may be a misspelling of, best first (for "did you mean").

        Only names within a typo of ``name``: one edit on the normalised key, two from 10
        letters up. Other places share many letters with a province ("Cam Lộ" and "Cà Mau",
        "Hợp Giang" and "Hà Giang"), and a contributor who takes such a hint files the
        record in the wrong province: no hint is better.
        """
        key = name_key(name)
        reach = 1 if len(key) < 10 else 2
        ranked = close_matches(key, list(self._suggestible), len(self._suggestible))
        return [self._suggestible[k] for k in ranked if _edits(key, k) <= reach][:limit]

    def former_of(self, current: Province) -> list[Province]:
        """Former provinces that are now part of ``current``, its namesake included."""
        return [p for p in self.former if p.merged_into == current.slug]


def _edits(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``a`` into ``b``."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb)))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _keys(province: Province) -> set[str]:
    names = (province.name, province.full_name, province.name_en, province.slug, *province.aliases)
    return {name_key(name) for name in names} - {""}


def _locality_keys(locality: Locality) -> set[str]:
    """Its name and aliases, alone and after the kind word: "Krông Ana", "huyện Krông Ana"."""
    names = (locality.name, *locality.aliases)
    return {name_key(f"{kind}{name}") for name in names for kind in ("", locality.kind + " ")}


def _province(entry: dict[str, Any]) -> Province:
    return Province(
        code=str(entry["code"]),
        slug=entry["slug"],
        name=entry["name"],
        full_name=entry["full_name"],
        name_en=entry["name_en"],
        aliases=tuple(entry.get("aliases") or ()),
        merged_into=entry.get("merged_into"),
    )


def _localities(
    data: dict[str, Any], current: list[Province], former: list[Province]
) -> list[Locality]:
    kinds: dict[str, str] = data["kinds"]
    now = {p.slug: p for p in current}
    then = {p.slug: p for p in former}
    localities = []
    for entry in data["localities"]:
        locality = Locality(
            name=entry["name"],
            kind=entry["kind"],
            kind_en=kinds[entry["kind"]],
            then=then[entry["province_then"]],
            now=now[entry["province_now"]],
            aliases=tuple(entry.get("aliases") or ()),
        )
        if locality.then.merged_into != locality.now.slug:
            raise ValueError(
                f"{locality.name}: {locality.then.name} is not part of {locality.now.name}"
            )
        localities.append(locality)
    return localities


def load_places(path: Path, localities_path: Path) -> Places:
    """Provinces from ``path`` and known localities from ``localities_path``."""
    data = load_data_file(path)
    current = [_province(entry) for entry in data["current"]]
    former = [_province(entry) for entry in data["former"]]
    localities = load_data_file(localities_path)
    return Places(current, former, _localities(localities, current, former))
