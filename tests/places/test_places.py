"""Provinces before and after 1 July 2025: the data, and exact resolution of spellings."""

from __future__ import annotations

import pytest

from generator.places import name_key
from generator.text import fold, slug
from generator.vocab import load_vocabulary

PLACES = load_vocabulary().places


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
    ],
)
def test_spellings_resolve_to_current_and_former(
    spelling: str, current: str, former: str | None
) -> None:
    place = PLACES.resolve(spelling)
    assert place is not None
    assert place.current.name == current
    assert (place.former.name if place.former else None) == former


def test_unknown_names_are_not_guessed_but_suggested() -> None:
    assert PLACES.resolve("Dak Lakk") is None
    assert PLACES.resolve("Sài Gòn Mới") is None
    assert PLACES.suggest("Dak Lakk") == ["Đắk Lắk"]
    assert PLACES.suggest("Quang Tr")[0] == "Quảng Trị"


def test_normalised_key_handles_d_and_prefixes() -> None:
    assert name_key("Đồng Tháp") == "dongthap"
    assert name_key("TP. Cần Thơ") == name_key("Cần Thơ") == "cantho"


@pytest.mark.parametrize("eth", ["Ðắk Lắk", "ðắk lắk", "ÐẮK LẮK"])
def test_the_icelandic_eth_folds_like_d_for_keys_slugs_and_sorting(eth: str) -> None:
    # U+00D0/U+00F0 look like "Đ"/"đ" and some keyboards type them instead.
    assert fold(eth) == fold("Đắk Lắk") == "dak lak"
    assert slug(eth) == slug("Đắk Lắk") == "dak-lak"
    assert name_key(eth) == "daklak"


def test_there_are_34_current_and_63_former_provinces() -> None:
    assert len(PLACES.current) == 34
    assert len(PLACES.former) == 63
    assert len({p.code for p in PLACES.current}) == 34
    assert len({p.code for p in PLACES.former}) == 63
    assert len({p.slug for p in PLACES.current}) == 34


def test_every_former_province_is_part_of_one_current_province() -> None:
    current = {p.slug for p in PLACES.current}
    assert all(p.merged_into in current for p in PLACES.former)
    covered = {p.merged_into for p in PLACES.former}
    assert covered == current  # every current province comes from at least one former one
    unchanged = [p for p in PLACES.current if len(PLACES.former_of(p)) == 1]
    assert len(unchanged) == 11


def test_no_key_points_at_two_current_provinces() -> None:
    owner: dict[str, str] = {}
    for province in PLACES.current + PLACES.former:
        target = province.merged_into or province.slug
        names = (province.name, province.full_name, province.name_en, *province.aliases)
        for key in {name_key(n) for n in names}:
            assert owner.setdefault(key, target) == target, (key, province.name)


def test_current_slugs_match_the_initiatives_folders() -> None:
    from ..conftest import PROJECT

    folders = {p.name for p in (PROJECT / "initiatives").iterdir() if p.is_dir()}
    assert folders <= {p.slug for p in PLACES.current}
