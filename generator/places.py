"""Provinces before and after the 1 July 2025 merger, read from ``data/provinces.yml``.

Resolution is exact on a normalised key (case, spaces, punctuation, tone marks, "đ", the
"Tỉnh"/"Thành phố"/"TP." prefixes and the "(cũ)"/"Province"/"City" suffixes), never a
fuzzy guess; close names are only offered as suggestions in error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .messages import close_matches
from .text import compact, fold

MERGER_DATE = "2025-07-01"
# On folded text. "Tỉnh", "Thành phố" with any space or none between (a non-breaking one
# too), "TP", "Tp.", "TP." and "T.P."; a dotted "T.P" must end there, so that "T. Phú Yên"
# keeps its "P".
_PREFIX = re.compile(r"^\W*(?:tinh|thanh\W*pho|tp\.?|t\.\s*p(?![a-z])\.?)")
# "(cũ)" or "cũ" (former) and the English "Province" and "City", as whole last words only:
# no name of a province ends in one of these words.
_SUFFIX = re.compile(r"(?:\W+(?:cu|province|city))+\W*$")


def name_key(name: str) -> str:
    """The key two spellings of one province share: ``"Tỉnh Đăk Lăk"`` → ``"daklak"``."""
    return compact(_SUFFIX.sub("", _PREFIX.sub("", fold(name))))


@dataclass(frozen=True)
class Province:
    code: str
    slug: str
    name: str
    full_name: str
    name_en: str
    kind: str
    aliases: tuple[str, ...] = ()
    merged_into: str | None = None  # for former provinces: the current province's slug


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
    """Lookup of current and former provinces by any known spelling."""

    def __init__(self, current: list[Province], former: list[Province]) -> None:
        self.current = current
        self.former = former
        self.by_slug = {p.slug: p for p in current}
        self.former_by_slug = {p.slug: p for p in former}
        self._current_keys: dict[str, Province] = {}
        self._former_keys: dict[str, Province] = {}
        for province in current:
            for key in _keys(province):
                self._current_keys[key] = province
        for province in former:
            for key in _keys(province):
                self._former_keys[key] = province
        self._names = sorted(
            {p.name for p in current} | {p.name for p in former}, key=lambda n: (fold(n), n)
        )

    def resolve(self, name: str) -> PlaceRef | None:
        key = name_key(name)
        if key in self._current_keys:
            return PlaceRef(self._current_keys[key])
        former = self._former_keys.get(key)
        if former is None or former.merged_into is None:
            return None
        current = self.by_slug[former.merged_into]
        return PlaceRef(current, former if former.name != current.name else None)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Known names closest to ``name``, best first (for "did you mean")."""
        by_key: dict[str, str] = {}
        for known in self._names:
            by_key.setdefault(name_key(known), known)
        keys = close_matches(name_key(name), list(by_key), limit)
        return [by_key[key] for key in keys]

    def former_of(self, current: Province) -> list[Province]:
        """Former provinces that are now part of ``current``, its namesake included."""
        return [p for p in self.former if p.merged_into == current.slug]


def _keys(province: Province) -> set[str]:
    names = (province.name, province.full_name, province.name_en, province.slug, *province.aliases)
    return {name_key(name) for name in names} - {""}


def _province(entry: dict[str, Any]) -> Province:
    return Province(
        code=str(entry["code"]),
        slug=entry["slug"],
        name=entry["name"],
        full_name=entry["full_name"],
        name_en=entry["name_en"],
        kind=entry["kind"],
        aliases=tuple(entry.get("aliases") or ()),
        merged_into=entry.get("merged_into"),
    )


def load_places(path: Path) -> Places:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Places(
        [_province(entry) for entry in data["current"]],
        [_province(entry) for entry in data["former"]],
    )
