"""The filter page "Tra cứu" in Chromium: facets, their counts, text, sorting, the address."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


def open_finder(page: Page, base_url: str, query: str = "") -> None:
    page.goto(base_url + "tra-cuu/" + query)
    page.wait_for_selector("[data-finder][data-ready]")


def titles(page: Page) -> list[str]:
    return page.locator("[data-finder-results] > li > a").all_inner_texts()


def count_of(page: Page, facet: str, value: str) -> str:
    box = page.locator(f"label:has(input[data-facet='{facet}'][value='{value}'])")
    return box.locator(".sk-finder__count").inner_text()


ALL = {
    "Tuyến phố thanh toán không tiền mặt",
    "Một cửa liên thông tại huyện",
    "Hẹn giờ trả kết quả qua tin nhắn",
    "Nhận và trả hồ sơ tại nhà cho người cao tuổi",
}


def test_everything_newest_first_without_a_choice(page: Page, base_url: str) -> None:
    open_finder(page, base_url)
    assert set(titles(page)) == ALL
    assert page.locator("[data-finder-status]").inner_text() == "4 sáng kiến"


def test_each_facet_filters_and_counts_follow(page: Page, base_url: str) -> None:
    open_finder(page, base_url)
    # Đắk Lắk today includes the former Phú Yên: two initiatives
    assert count_of(page, "tinh", "dak-lak") == "(2)"
    page.locator("input[data-facet='tinh'][value='dak-lak']").check()
    assert set(titles(page)) == {"Tuyến phố thanh toán không tiền mặt",
                                 "Một cửa liên thông tại huyện"}  # fmt: skip
    assert "tinh=dak-lak" in page.url
    # other facets now count within Đắk Lắk only
    assert count_of(page, "tinh-trang", "active") in ("(1)", "(2)")
    page.locator("input[data-facet='linh-vuc'][value='digital-government']").check()
    assert titles(page) == ["Tuyến phố thanh toán không tiền mặt"]
    assert "linh-vuc=digital-government" in page.url
    page.get_by_role("button", name="Bỏ mọi lựa chọn").click()
    assert set(titles(page)) == ALL and "tinh=" not in page.url


@pytest.mark.parametrize(
    ("facet", "value", "expected"),
    [
        ("cap", "commune", {"Hẹn giờ trả kết quả qua tin nhắn",
                            "Nhận và trả hồ sơ tại nhà cho người cao tuổi"}),
        ("nam", "2024", {"Một cửa liên thông tại huyện"}),
        ("tinh-trang", "ended", {"Hẹn giờ trả kết quả qua tin nhắn"}),
    ],
)  # fmt: skip
def test_level_year_and_status_filters(
    page: Page, base_url: str, facet: str, value: str, expected: set[str]
) -> None:
    open_finder(page, base_url)
    page.locator(f"input[data-facet='{facet}'][value='{value}']").check()
    assert set(titles(page)) == expected


def test_text_filter_folds_marks_and_d(page: Page, base_url: str) -> None:
    open_finder(page, base_url)
    page.get_by_label("Có chữ").fill("nguoi cao tuoi")
    assert titles(page) == ["Nhận và trả hồ sơ tại nhà cho người cao tuổi"]
    page.get_by_label("Có chữ").fill("dak lak")
    assert "Tuyến phố thanh toán không tiền mặt" in titles(page)
    assert "q=dak+lak" in page.url or "q=dak%20lak" in page.url
    page.get_by_label("Có chữ").fill("ubnd huyen tuy an")  # the agency, folded in the browser
    assert titles(page) == ["Một cửa liên thông tại huyện"]
    page.get_by_label("Có chữ").fill("buon ma thuot")  # the locality
    assert titles(page) == ["Tuyến phố thanh toán không tiền mặt"]


def test_a_shared_address_restores_the_same_view(page: Page, base_url: str) -> None:
    open_finder(page, base_url, "?tinh=cao-bang&q=tin&sap-xep=ten")
    assert titles(page) == ["Hẹn giờ trả kết quả qua tin nhắn"]
    assert page.get_by_label("Có chữ").input_value() == "tin"
    assert page.locator("input[data-facet='tinh'][value='cao-bang']").is_checked()
    assert page.get_by_label("Sắp xếp").input_value() == "ten"


def test_sorting_by_name_reads_the_vietnamese_way(page: Page, base_url: str) -> None:
    open_finder(page, base_url, "?sap-xep=ten")
    # H, M(ột), N(hận), T: "Một" sorts as M, not after Z as its code points would
    assert titles(page) == [
        "Hẹn giờ trả kết quả qua tin nhắn",
        "Một cửa liên thông tại huyện",
        "Nhận và trả hồ sơ tại nhà cho người cao tuổi",
        "Tuyến phố thanh toán không tiền mặt",
    ]


def test_the_data_is_compact_and_complete(built_site: Path) -> None:
    index = json.loads((built_site / "du-lieu/tra-cuu/index.json").read_text("utf-8"))
    assert index["count"] == 4 and index["chunks"] == ["0.json"]
    assert len(index["provinces"]) == 34 and len(index["domains"]) == 8
    rows = json.loads((built_site / "du-lieu/tra-cuu/0.json").read_text("utf-8"))
    assert len(rows) == 4 and all(len(row) == len(index["fields"]) for row in rows)
