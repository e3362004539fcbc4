"""A visitor in headless Chromium: navigation, search, no foreign requests, accessibility."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..conftest import PROJECT
from .conftest import serious_violations, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


def test_visitor_goes_home_province_initiative_domain(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url)
    assert page.title().startswith("Sáng kiến cải cách hành chính")
    assert page.locator(".sk-stats li").first.inner_text().split() == ["4", "sáng", "kiến"]

    page.locator("article").get_by_role("link", name="Đắk Lắk", exact=True).click()
    assert page.url == base_url + "tinh/dak-lak/"
    assert page.locator("h1").inner_text().startswith("Tỉnh Đắk Lắk")
    assert page.get_by_text("Phú Yên (trước 07/2025), nay thuộc Đắk Lắk").is_visible()

    page.get_by_role("link", name="Tuyến phố thanh toán không tiền mặt").click()
    assert page.url == base_url + "sang-kien/tuyen-pho-khong-tien-mat/"
    assert page.locator(".sk-status").inner_text() == "Nhân rộng"
    crumbs = page.locator(".sk-breadcrumbs li").all_inner_texts()
    assert [c.strip("› \n") for c in crumbs][:3] == ["Trang chủ", "Tỉnh, thành", "Đắk Lắk"]
    assert page.get_by_role("img", name="Khách hàng quét mã QR tại quầy hàng").is_visible()

    page.locator(".sk-card").get_by_role("link", name="Chính quyền điện tử, Chính quyền số").click()
    assert page.url == base_url + "linh-vuc/digital-government/"
    assert page.locator("h1").inner_text().startswith("Xây dựng và phát triển Chính quyền")
    assert page.get_by_role("link", name="Hẹn giờ trả kết quả qua tin nhắn").is_visible()

    foreign = [url for url in requested if not url.startswith(base_url)]
    assert foreign == []
    assert len(requested) > 10


def first_result(page: Page, query: str) -> str:
    """Type ``query`` into the header's search box, as a visitor does; the first result."""
    page.get_by_role("searchbox", name="Tìm sáng kiến").first.fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent !== ''"
    )
    results = page.locator("[data-search-results] > *")
    if results.count() == 0:
        return ""
    return results.first.locator("a").first.inner_text()


NFD = unicodedata.normalize("NFD", "người cao tuổi")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thanh toan khong tien mat", "Tuyến phố thanh toán không tiền mặt"),
        ("thanh toán không tiền mặt", "Tuyến phố thanh toán không tiền mặt"),
        ("tin nhắn", "Hẹn giờ trả kết quả qua tin nhắn"),
        ("tin nhan", "Hẹn giờ trả kết quả qua tin nhắn"),
        ("nguoi cao tuoi", "Nhận và trả hồ sơ tại nhà cho người cao tuổi"),
        (NFD, "Nhận và trả hồ sơ tại nhà cho người cao tuổi"),
        ("một cửa", "Một cửa liên thông tại huyện"),
        ("mot cua lien thong", "Một cửa liên thông tại huyện"),
        ("mặt", "Tuyến phố thanh toán không tiền mặt"),  # one accented syllable
        ("phan chu trinh", "Tuyến phố thanh toán không tiền mặt"),
    ],
)
def test_search_finds_what_vietnamese_people_type(
    page: Page, base_url: str, query: str, expected: str
) -> None:
    page.goto(base_url)
    assert first_result(page, query) == expected


@pytest.mark.parametrize("query", ["dak lak", "daklak", "Đắk Lắk", "Dak Lak"])
def test_dak_lak_is_found_however_it_is_typed(page: Page, base_url: str, query: str) -> None:
    page.goto(base_url + "tinh/")
    first = first_result(page, query)
    assert first in ("Tuyến phố thanh toán không tiền mặt", "Một cửa liên thông tại huyện")
    item = page.locator("[data-search-results] > *").first
    assert "Đắk Lắk" in item.inner_text() or "Phú Yên" in item.inner_text()  # the place


def test_search_results_show_place_domain_and_a_marked_excerpt(page: Page, base_url: str) -> None:
    page.goto(base_url)
    assert first_result(page, "tien mat") == "Tuyến phố thanh toán không tiền mặt"
    item = page.locator("[data-search-results] > *").first
    assert "Đắk Lắk" in item.locator(".sk-search-result__meta").inner_text()
    assert item.locator(".sk-search-result__excerpt mark").count() >= 1
    # the search page keeps the query in its address: a result list can be shared
    shared = page.url
    page.goto(shared)
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent !== ''"
    )
    assert page.locator("#sk-search-query").input_value() == "tien mat"


def test_nothing_found_says_so(page: Page, base_url: str) -> None:
    page.goto(base_url)
    assert first_result(page, "xyzzyq") == ""
    assert "Không tìm thấy" in page.locator("[data-search-status]").inner_text()


def test_missing_page_shows_the_vietnamese_404(page: Page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"


@pytest.mark.parametrize(
    "path",
    [
        "",
        "tinh/dak-lak/",
        "sang-kien/tuyen-pho-khong-tien-mat/",
        "linh-vuc/",
        "tim-kiem/?q=mot+cua",
        "tra-cuu/?tinh=dak-lak",
        "tinh/",
    ],
)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation(
    page: Page, base_url: str, path: str, scheme: str
) -> None:
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    assert serious_violations(page) == []


def test_the_province_map_is_links_a_keyboard_reaches(page: Page, base_url: str) -> None:
    page.goto(base_url + "tinh/")
    tiles = page.locator("#sk-ban-do a")
    assert tiles.count() == 34
    cao_bang = page.locator("#sk-ban-do a[aria-label^='Cao Bằng']")
    assert cao_bang.get_attribute("aria-label") == "Cao Bằng 2 sáng kiến"
    cao_bang.focus()  # an <a href> in SVG takes focus like any link
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Cao")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tinh/cao-bang/")
    assert page.locator("h1").inner_text().startswith("Tỉnh Cao Bằng")


def test_results_come_ten_at_a_time_and_more_on_request(page: Page, tmp_path: Path) -> None:
    """Each shown result costs a download: ten first, the next ten on "Xem thêm"."""
    from generator.build import build

    from .conftest import make_project

    root = make_project(tmp_path / "repo", initiatives=None)
    folder = root / "initiatives" / "cao-bang"
    folder.mkdir(parents=True)
    original = (PROJECT / "tests/data/site/cao-bang/hen-gio-tra-ket-qua.md").read_text("utf-8")
    for n in range(13):
        text = original.replace("title: Hẹn giờ", f"title: Lịch hẹn số {n} - Hẹn giờ")
        (folder / f"hen-gio-{n}.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.ok and result.site_dir is not None
    with serve_folder(result.site_dir) as url:
        page.goto(url + "tim-kiem/?q=lich+hen")
        results = page.locator("[data-search-results] > *")
        page.wait_for_function(
            "() => document.querySelectorAll('[data-search-results] > *').length"
        )
        more = page.get_by_role("button", name="Xem thêm kết quả")
        assert results.count() == 10 and more.is_visible()
        assert "13 kết quả" in page.locator("[data-search-status]").inner_text()
        more.click()
        page.wait_for_function(
            "() => document.querySelectorAll('[data-search-results] > *').length > 10"
        )
        assert results.count() == 13 and not more.is_visible()
        titles = results.locator(".sk-search-result__title").all_inner_texts()
        assert len(set(titles)) == 13  # the next ones, not the first ten again
