"""A visitor in headless Chromium: navigation, search, no foreign requests, accessibility."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from ..conftest import PROJECT
from .conftest import serve_folder

AXE = PROJECT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"

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


def test_search_finds_an_initiative(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("textbox", name="Tìm kiếm").first.click()
    page.keyboard.type("tin nhắn")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert "Hẹn giờ trả kết quả qua tin nhắn" in page.locator(".md-search-result").inner_text()


def test_missing_page_shows_the_vietnamese_404(page: Page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"


@pytest.mark.parametrize(
    "path", ["", "tinh/dak-lak/", "sang-kien/tuyen-pho-khong-tien-mat/", "linh-vuc/"]
)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation(
    page: Page, base_url: str, path: str, scheme: str
) -> None:
    assert AXE.exists(), "axe-core is missing: run `python3 dev.py test`"
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
