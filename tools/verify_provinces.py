"""Check generator/data/provinces.yml against the PyPI package ``vietnam-provinces``.

The package needs Python >= 3.12, so run this in a throwaway venv, from the repository root:

    PYENV_VERSION=3.12.1 python -m venv /tmp/vp312
    /tmp/vp312/bin/pip install "vietnam-provinces>=2026.9" pyyaml
    /tmp/vp312/bin/python tools/verify_provinces.py [path/to/provinces.yml]

It compares the 34 current units (code, name, kind), the 63 former ones (code, name) and each
former unit's ``merged_into`` with the package, and checks that every name, full name, English
name and alias normalises to a key that names one province only. It also checks each entry of
generator/data/localities.yml: a unit of that kind and name in its province then, and the only one
of its level with that name. Every discrepancy is printed;
the exit status is 0 when the only ones left are in KNOWN_UPSTREAM_ERRORS.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "generator" / "data" / "provinces.yml"

# (old code, new code) links that the package has and Nghị quyết 202/2025/QH15 has not.
KNOWN_UPSTREAM_ERRORS: dict[tuple[int, int], str] = {
    # One Long An ward (old code 27691, district 794) is filed under province 82 in the
    # package's ward conversion table, which adds a false Tiền Giang -> Tây Ninh link.
    (82, 80): "Tiền Giang -> Tây Ninh: Tiền Giang was merged into Đồng Tháp only",
}

# generator.places.name_key, restated so that this script runs without installing the
# generator; tests/places/test_places.py checks that the two agree on every name.
D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
PREFIX = re.compile(r"^\W*(?:tinh|thanh\W*pho|tp\.?|t\.\s*p(?![a-z])\.?)")
SUFFIX = re.compile(r"(?:\W+(?:cu|province|city))+\W*$")


def normalise(name: str) -> str:
    """The resolver's key: no diacritics, prefix or suffix, only lower-case letters and digits."""
    text = unicodedata.normalize("NFD", name.translate(D_MAP).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", SUFFIX.sub("", PREFIX.sub("", text)))


def new_tone_style(name: str) -> str:
    """Put the tone mark of "oa", "oe", "uy" on the second vowel: "Hòa Bình" -> "Hoà Bình"."""
    text = unicodedata.normalize("NFD", name)
    text = re.sub("(?i)(o)([\u0300\u0301\u0303\u0309\u0323])([ae])", r"\1\3\2", text)
    text = re.sub("(?i)(u)([\u0300\u0301\u0303\u0309\u0323])(y)", r"\1\3\2", text)
    return unicodedata.normalize("NFC", text)


def short_name(full_name: str) -> str:
    return re.sub(r"^(Thành phố|Tỉnh) ", "", full_name)


def check_entries(
    entries: list[dict[str, Any]],
    upstream: dict[int, tuple[str, str]],
    label: str,
    problems: list[str],
) -> None:
    ours = {int(e["code"]): e for e in entries}
    if len(ours) != len(entries) or list(ours) != sorted(ours):
        problems.append(f"{label}: codes are duplicated or not in order")
    for code in sorted(ours.keys() | upstream.keys()):
        if code not in ours or code not in upstream:
            where = "package" if code not in ours else "ours"
            problems.append(f"{label} {code:02d}: only in {where}")
            continue
        e, (name, kind) = ours[code], upstream[code]
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["slug"]):
            problems.append(f"{label} {code:02d}: bad slug {e['slug']!r}")
        for text in (e["name"], e["full_name"], e["name_en"], *e["aliases"]):
            if text != unicodedata.normalize("NFC", text):
                problems.append(f"{label} {code:02d}: {text!r} is not NFC")
        if new_tone_style(e["name"]) != new_tone_style(short_name(name)):
            problems.append(f"{label} {code:02d}: name {e['name']!r}, package {name!r}")
        elif e["name"] != short_name(name):
            print(f"note: {label} {code:02d}: {e['name']!r}, package {name!r} (tone placement)")
        prefix = "Thành phố " if e["kind"] == "city" else "Tỉnh "
        if e["kind"] != kind or e["full_name"] != prefix + e["name"]:
            problems.append(f"{label} {code:02d}: {e['kind']}/{e['full_name']!r}, package {name!r}")


def check_keys(current: list[dict[str, Any]], former: list[dict[str, Any]]) -> list[str]:
    """Each key names one entry, or a former unit and the same-named current one it became.

    An alias must also add a key that the entry's names do not already give.
    """
    problems: list[str] = []
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for label, entries in (("current", current), ("former", former)):
        for e in entries:
            keys = {normalise(e[field]) for field in ("name", "full_name", "name_en")}
            for alias in e["aliases"]:
                if normalise(alias) in keys:
                    problems.append(f"{label} {e['slug']}: alias {alias!r} is derivable")
                keys.add(normalise(alias))
            for key in keys:
                owners[key].add((label, e["slug"]))
    name_key = {e["slug"]: normalise(e["name"]) for e in current}
    into = {e["slug"]: (e["merged_into"], normalise(e["name"])) for e in former}
    for key, who in sorted(owners.items()):
        if not key:
            problems.append(f"empty key for {sorted(who)}")
        curr = [slug for label, slug in who if label == "current"]
        pair_ok = len(curr) == 1 and all(
            label == "current" or into[slug] == (curr[0], name_key[curr[0]]) for label, slug in who
        )
        if len(who) > 1 and not pair_ok:
            problems.append(f"key {key!r} is ambiguous: {sorted(who)}")
    return problems


def check_localities(path: Path, former: list[dict[str, Any]]) -> list[str]:
    """Each locality is a unit of that name and kind in its province, and the only one of its
    level (district, or commune and ward) with that name in the country."""
    from vietnam_provinces.legacy import District, Ward

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    code_of = {e["slug"]: int(e["code"]) for e in former}
    district_kinds = {"huyện", "quận", "thị xã", "thành phố"}
    kind_word = re.compile(r"^(huyện|quận|thị xã|thành phố|phường|xã|thị trấn) ")
    units: dict[tuple[bool, str], list[tuple[str, int]]] = defaultdict(list)
    for unit in (*District.iter_all(), *Ward.iter_all()):
        name = unit.name.lower()
        key = (isinstance(unit, District), normalise(kind_word.sub("", name)))
        units[key].append((name, unit.province_code.value))
    problems: list[str] = []
    for e in data["localities"]:
        level = e["kind"] in district_kinds
        found = units.get((level, normalise(e["name"])), [])
        wanted = (f"{e['kind']} {e['name']}".lower(), code_of[e["province_then"]])
        if len(found) != 1:
            problems.append(f"locality {e['name']}: {len(found)} units of that level: {found}")
        elif normalise(found[0][0]) != normalise(wanted[0]) or found[0][1] != wanted[1]:
            problems.append(f"locality {e['name']}: package has {found[0]}, ours {wanted}")
    return problems


def main() -> int:
    # Imported here, not at the top, so that tests can use normalise() and check_keys()
    # without the package.
    from vietnam_provinces import Province, VietNamDivisionType
    from vietnam_provinces._province_conversion_2025 import OLD_TO_NEW
    from vietnam_provinces.legacy import Province as LegacyProvince

    def kind_of(division_type: str) -> str:
        city = division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
        return "city" if city else "province"

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    current: list[dict[str, Any]] = data["current"]
    former: list[dict[str, Any]] = data["former"]
    problems: list[str] = []
    known: list[str] = []

    new_up = {p.code.value: (p.name, kind_of(p.division_type)) for p in Province.iter_all()}
    old_up = {p.code.value: (p.name, kind_of(p.division_type)) for p in LegacyProvince.iter_all()}
    check_entries(current, new_up, "current", problems)
    check_entries(former, old_up, "former", problems)

    code_of = {e["slug"]: int(e["code"]) for e in current}
    for e in former:
        old, into = int(e["code"]), code_of.get(e["merged_into"])
        if into is None:
            problems.append(f"former {old:02d}: merged_into {e['merged_into']!r} is not current")
            continue
        links = {ref.code for ref in OLD_TO_NEW[old].new_provinces} if old in OLD_TO_NEW else set()
        if into not in links:
            problems.append(f"former {old:02d} {e['name']}: ours -> {into:02d}, package {links}")
        for new in sorted(links - {into}):
            if (old, new) in KNOWN_UPSTREAM_ERRORS:
                known.append(f"{old:02d} -> {new:02d}: {KNOWN_UPSTREAM_ERRORS[old, new]}")
            else:
                problems.append(f"former {old:02d} {e['name']}: package also links it to {new:02d}")

    problems += check_keys(current, former)
    problems += check_localities(path.with_name("localities.yml"), former)

    for line in known:
        print(f"known upstream error, ours is right: {line}")
    for line in problems:
        print(f"DISCREPANCY: {line}")
    print(
        f"{len(current)} current, {len(former)} former: "
        f"{len(problems)} discrepancies, {len(known)} known upstream errors"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
