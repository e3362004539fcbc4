"""Contest pages in headless Chromium: accessible in both colour schemes, nothing foreign."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from generator.build import build

from ..site.conftest import serious_violations, serve_folder
from .test_site import PRIZE, contest_repo

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def contest_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    repo = contest_repo(tmp_path_factory.mktemp("contest-site"), published=True)
    assert build(repo.root).ok
    with serve_folder(repo.root / "site") as url:
        yield url


@pytest.mark.parametrize("path", ["cuoc-thi/", "cuoc-thi/hoi-thi/", "sang-kien/mot-cua-so/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_contest_pages_have_no_serious_accessibility_violation(
    page: Page,
    contest_url: str,
    path: str,
    scheme: str,
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(contest_url + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if not url.startswith(contest_url)] == []
    assert serious_violations(page) == []


def test_a_visitor_goes_from_the_ranking_to_the_winner(
    page: Page,
    contest_url: str,
) -> None:
    page.goto(contest_url)
    page.get_by_role("link", name="Cuộc thi").first.click()
    page.get_by_role("link", name="Hội thi sáng kiến thử").click()
    ranking = page.locator("[data-contest-ranking]")
    assert PRIZE in ranking.inner_text()
    ranking.get_by_role("link", name="Một cửa số xã Hòa Thắng").click()
    assert page.locator("h1").inner_text().startswith("Một cửa số xã Hòa Thắng")
    assert PRIZE in page.locator("article").inner_text()
