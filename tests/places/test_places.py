"""Provinces before and after 1 July 2025: the data, and exact resolution of spellings."""

from __future__ import annotations

import functools
import importlib.util
import random
import shutil
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from generator.places import PlaceRef, Places, Province, _edits, load_places, name_key
from generator.text import fold, slug
from generator.vocab import load_vocabulary

from ..conftest import PROJECT


def places() -> Places:
    """Loaded in each test, not at import: mutation testing must see the code run."""
    return load_vocabulary().places


@pytest.mark.parametrize(
    ("spelling", "current", "former"),
    [
        ("Đắk Lắk", "Đắk Lắk", None),
        ("Đăk Lăk", "Đắk Lắk", None),
        ("Dak Lak", "Đắk Lắk", None),
        ("daklak", "Đắk Lắk", None),
        ("Tỉnh Đắk Lắk", "Đắk Lắk", None),
        ("Đắc Lắc", "Đắk Lắk", None),
        ("Tỉnh Phú Yên", "Đắk Lắk", "Phú Yên"),
        ("phu yen", "Đắk Lắk", "Phú Yên"),
        # Thừa Thiên Huế became the city of Huế on 2025-01-01, the name it keeps today.
        ("Thừa Thiên Huế", "Huế", None),
        ("Thừa Thiên - Huế", "Huế", None),
        ("TP.HCM", "Hồ Chí Minh", None),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh", None),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh", None),
        ("Bình Dương", "Hồ Chí Minh", "Bình Dương"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"),
        ("Quảng Bình", "Quảng Trị", "Quảng Bình"),
        ("Kiên Giang", "An Giang", "Kiên Giang"),
        ("Tiền Giang", "Đồng Tháp", "Tiền Giang"),
        ("Hoà Bình", "Phú Thọ", "Hòa Bình"),
        ("Cao Bằng", "Cao Bằng", None),
        ("Hanoi", "Hà Nội", None),
        ("  HÀ   NỘI ", "Hà Nội", None),
        # "Thành phố" with a non-breaking space, with none, and the forms of "TP."
        ("Thành\u00a0phố Hồ Chí Minh", "Hồ Chí Minh", None),
        ("Thànhphố Cần Thơ", "Cần Thơ", None),
        ("THÀNH PHỐ HUẾ", "Huế", None),
        ("T.P. Hồ Chí Minh", "Hồ Chí Minh", None),
        ("T.P Đà Nẵng", "Đà Nẵng", None),
        ("TP Cần Thơ", "Cần Thơ", None),
        ("Tp. Hải Phòng", "Hải Phòng", None),
        ("Tp.Hải Phòng", "Hải Phòng", None),
        ("TPHCM", "Hồ Chí Minh", None),
        ("Tỉnh\u00a0Cao Bằng", "Cao Bằng", None),
        # "(cũ)"/"cũ" for a former province, English "Province"/"City"
        ("Quảng Bình (cũ)", "Quảng Trị", "Quảng Bình"),
        ("Quảng Bình cũ", "Quảng Trị", "Quảng Bình"),
        ("tỉnh Quảng Bình(cũ)", "Quảng Trị", "Quảng Bình"),
        ("Quang Binh cu", "Quảng Trị", "Quảng Bình"),
        ("Phú Yên - cũ", "Đắk Lắk", "Phú Yên"),
        ("Dak Lak Province", "Đắk Lắk", None),
        ("Kien Giang province", "An Giang", "Kiên Giang"),
        ("Can Tho City", "Cần Thơ", None),
        ("Hue City", "Huế", None),
        ("Ho Chi Minh City", "Hồ Chí Minh", None),
        # abbreviations and other spellings, from the aliases in provinces.yml
        ("TT-Huế", "Huế", None),
        ("TT Huế", "Huế", None),
        ("TTH", "Huế", None),
        ("Đắc Lắk", "Đắk Lắk", None),
        ("Đắk Lắc", "Đắk Lắk", None),
        ("Dac Lak", "Đắk Lắk", None),
        # the Icelandic eth (U+00D0) that some keyboards give for "Đ"
        ("\u00d0ắk Lắk", "Đắk Lắk", None),
        ("\u00d0ắk Nông", "Lâm Đồng", "Đắk Nông"),
        ("\u00d0à Nẵng", "Đà Nẵng", None),
    ],
)
def test_spellings_resolve_to_current_and_former(
    spelling: str, current: str, former: str | None
) -> None:
    place = places().resolve(spelling)
    assert place is not None
    assert place.current.name == current
    assert (place.former.name if place.former else None) == former


def test_unknown_names_are_not_guessed_but_suggested() -> None:
    assert places().resolve("Dak Lakk") is None
    assert places().resolve("Sài Gòn Mới") is None
    assert places().suggest("Dak Lakk") == ["Đắk Lắk"]
    assert places().suggest("Quang Tr")[0] == "Quảng Trị"


def test_every_name_within_a_typo_is_suggested_not_only_the_likeliest() -> None:
    """Within one edit of three provinces: all three, however the others rank by likeness."""
    assert places().suggest("Hangiang") == ["Hà Giang", "An Giang", "Hậu Giang"]
    assert places().suggest("Engiang") == ["An Giang"]  # ranked below "Hà Giang" by likeness


def test_normalised_key_handles_d_and_prefixes() -> None:
    assert name_key("Đồng Tháp") == "dongthap"
    assert name_key("TP. Cần Thơ") == name_key("Cần Thơ") == "cantho"


@pytest.mark.parametrize("spelling", ["T. Phú Yên", "Quảng Bìnhcũ", "Tỉnh", "cũ"])
def test_prefixes_and_suffixes_are_only_dropped_as_whole_words(spelling: str) -> None:
    # "T." is not "T.P.", and "cũ" glued to the name is not the word "cũ"
    assert places().resolve(spelling) is None


def _names(province: Province) -> tuple[str, ...]:
    return (province.name, province.full_name, province.name_en, province.slug, *province.aliases)


def test_every_name_and_alias_resolves_to_its_own_province() -> None:
    for province in places().current:
        for name in _names(province):
            assert places().resolve(name) == PlaceRef(province), name
    for province in places().former:
        current = places().by_slug[province.merged_into or ""]
        former = province if province.name != current.name else None
        for name in _names(province):
            assert places().resolve(name) == PlaceRef(current, former), name


def _verify_script() -> ModuleType:
    path = PROJECT / "tools" / "verify_provinces.py"
    spec = importlib.util.spec_from_file_location("verify_provinces", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_verify_script_uses_the_resolvers_key_and_finds_the_keys_unambiguous() -> None:
    script = _verify_script()
    spellings = [name for p in places().current + places().former for name in _names(p)]
    spellings += ["Thành\u00a0phố Huế", "T.P. Huế", "Tp.Huế", "Huế (cũ)", "Hue City", "Ðà Nẵng"]
    assert [script.normalise(n) for n in spellings] == [name_key(n) for n in spellings]
    data = yaml.safe_load(script.DATA.read_text(encoding="utf-8"))
    assert script.check_keys(data["current"], data["former"]) == []


@pytest.mark.parametrize("eth", ["Ðắk Lắk", "ðắk lắk", "ÐẮK LẮK"])
def test_the_icelandic_eth_folds_like_d_for_keys_slugs_and_sorting(eth: str) -> None:
    # U+00D0/U+00F0 look like "Đ"/"đ" and some keyboards type them instead.
    assert fold(eth) == fold("Đắk Lắk") == "dak lak"
    assert slug(eth) == slug("Đắk Lắk") == "dak-lak"
    assert name_key(eth) == "daklak"


def test_there_are_34_current_and_63_former_provinces() -> None:
    assert len(places().current) == 34
    assert len(places().former) == 63
    assert len({p.code for p in places().current}) == 34
    assert len({p.code for p in places().former}) == 63
    assert len({p.slug for p in places().current}) == 34


def test_every_former_province_is_part_of_one_current_province() -> None:
    current = {p.slug for p in places().current}
    assert all(p.merged_into in current for p in places().former)
    covered = {p.merged_into for p in places().former}
    assert covered == current  # every current province comes from at least one former one
    unchanged = [p for p in places().current if len(places().former_of(p)) == 1]
    assert len(unchanged) == 11


def test_no_key_points_at_two_current_provinces() -> None:
    owner: dict[str, str] = {}
    for province in places().current + places().former:
        target = province.merged_into or province.slug
        names = (province.name, province.full_name, province.name_en, *province.aliases)
        for key in {name_key(n) for n in names}:
            assert owner.setdefault(key, target) == target, (key, province.name)


def test_current_slugs_match_the_initiatives_folders() -> None:
    folders = {p.name for p in (PROJECT / "initiatives").iterdir() if p.is_dir()}
    assert folders <= {p.slug for p in places().current}


@pytest.mark.parametrize(
    ("typo", "hint"),
    [
        ("Dak Lakk", "Đắk Lắk"),
        ("Quang Tr", "Quảng Trị"),
        ("Ha Noii", "Hà Nội"),
        ("Ho Chi Mihn", "Hồ Chí Minh"),  # two letters swapped: one edit
        ("Binh Duongg", "Bình Dương"),
        ("Thua Thien Hueee", "Thừa Thiên Huế"),  # two edits, long enough; an alias
        ("Ba Ria Vung Tao", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_typos_of_a_province_are_still_hinted(typo: str, hint: str) -> None:
    assert places().resolve(typo) is None
    assert places().suggest(typo)[0] == hint


# Places that share letters with a province they are not in. The old hints, on a 0.6
# similarity cutoff, were the province in brackets: a contributor who took one would have
# filed the record in the wrong province.
MISLEADING = [
    ("Krông Ana", "Đắk Lắk"),  # [Long An, Đồng Nai]
    ("huyện Krông Ana", "Đắk Lắk"),
    ("Cam Lộ", "Quảng Trị"),  # [Cà Mau]
    ("Hợp Giang", "Cao Bằng"),  # [Hà Giang, Hậu Giang, An Giang]
    ("Thoại Sơn", "An Giang"),  # [Hòa Bình, Thái Bình, Hải Phòng]
    ("TP. Rạch Giá", "An Giang"),  # [Bắc Giang]
    ("Đồng Hới", "Quảng Trị"),  # [Đồng Nai, Đồng Tháp]
    ("Gia Lâm", "Hà Nội"),  # [Gia Lai], and one edit away: only localities.yml can tell
    ("Đắk Song", "Lâm Đồng"),  # [Đắk Nông]
    ("Thanh Hà", "Hải Phòng"),  # [Thanh Hóa]
    ("Long Xuyên", None),  # [Long An, ...]; a city of An Giang not in localities.yml
    ("Thái Hòa", None),  # [Thanh Hóa, Thái Bình, Khánh Hòa]; a town of Nghệ An
    ("Cao Lãnh", None),  # [Cao Bằng, Cần Thơ]; a city of Đồng Tháp
    ("Sơn Tây", None),  # [Sơn La]; a town of Hà Nội
    ("Hà Tiên", None),  # [Hà Tĩnh, ...]; a city of Kiên Giang
    ("Vĩnh Yên", None),  # [Vĩnh Long, Phú Yên, Nghệ An]; a city of Vĩnh Phúc
]


@pytest.mark.parametrize(("name", "province_now"), MISLEADING)
def test_a_place_that_is_not_a_province_is_never_hinted_as_a_look_alike(
    name: str, province_now: str | None
) -> None:
    assert places().resolve(name) is None
    locality = places().locality(name)
    assert (locality.now.name if locality else None) == province_now
    if locality is None:
        assert places().suggest(name) == []


def test_every_locality_is_found_by_each_spelling_and_never_taken_for_a_province() -> None:
    assert places().localities
    keys: dict[str, str] = {}
    for locality in places().localities:
        assert locality.then.merged_into == locality.now.slug, locality.name
        for name in (locality.name, *locality.aliases):
            for spelling in (name, locality.label.replace(locality.name, name), f"{name} (cũ)"):
                assert places().locality(spelling) == locality, spelling
                assert places().resolve(spelling) is None, spelling  # else unreachable
            assert keys.setdefault(name_key(name), locality.name) == locality.name, name


def test_a_locality_in_a_province_merged_elsewhere_is_rejected_when_loaded(
    tmp_path: Path,
) -> None:
    data = PROJECT / "generator" / "data"
    broken = (data / "localities.yml").read_text(encoding="utf-8")
    broken = broken.replace("province_then: quang-binh", "province_then: quang-nam")
    (tmp_path / "localities.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match="Đồng Hới: Quảng Nam is not part of Quảng Trị"):
        load_places(data / "provinces.yml", tmp_path / "localities.yml")


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("Quang Ngay", ["Quảng Ngãi"]),  # 9 letters, one edit: a typo
        ("Quyng Ngay", []),  # 9 letters, two edits: too far
        ("Tuyin Quanq", ["Tuyên Quang"]),  # 10 letters, two edits: still a typo
        ("Tuyin Quonq", []),  # 10 letters, three edits
    ],
)
def test_a_hint_is_given_only_within_a_typo(typed: str, hint: list[str]) -> None:
    assert places().suggest(typed) == hint


def _reference_edits(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook recursion (small inputs only)."""

    @functools.cache
    def d(i: int, j: int) -> int:
        if not i or not j:
            return i or j
        best = min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            best = min(best, d(i - 2, j - 2) + 1)
        return best

    return d(len(a), len(b))


def test_the_typo_distance_counts_inserts_deletes_replacements_and_swaps() -> None:
    assert [
        _edits(a, b)
        for a, b in [
            ("", "abc"),
            ("abc", ""),
            ("ab", "ba"),
            ("daklak", "dalkak"),
            ("caomau", "camau"),
            ("abc", "abc"),
        ]
    ] == [3, 3, 1, 1, 1, 0]
    rng = random.Random(7)
    pairs = [
        ("".join(rng.choice("abc") for _ in range(rng.randrange(6))),
         "".join(rng.choice("abc") for _ in range(rng.randrange(6))))
        for _ in range(400)
    ]  # fmt: skip
    assert [_edits(a, b) for a, b in pairs] == [_reference_edits(a, b) for a, b in pairs]


def test_a_name_that_normalises_to_nothing_is_no_key(tmp_path: Path) -> None:
    data = (PROJECT / "generator/data/provinces.yml").read_text(encoding="utf-8")
    data = data.replace("aliases: [HN, Thủ đô Hà Nội]", "aliases: [HN, Thủ đô Hà Nội, Tỉnh]")
    (tmp_path / "provinces.yml").write_text(data, encoding="utf-8")
    shutil.copy(PROJECT / "generator/data/localities.yml", tmp_path / "localities.yml")
    loaded = load_places(tmp_path / "provinces.yml", tmp_path / "localities.yml")
    assert loaded.resolve("Tỉnh") is None and loaded.resolve("") is None
    assert loaded.resolve("HN") is not None


def test_a_locality_is_known_by_its_other_spellings() -> None:
    """``localities.yml`` lists "Ban Mê Thuột" as another spelling of Buôn Ma Thuột."""
    found = places().locality("Ban Mê Thuột")
    assert found is not None and found == places().locality("Buôn Ma Thuột")
