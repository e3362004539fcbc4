"""A heading never takes an element id of the theme: ``## __config`` leaves the page working.

A record's body (and a hand-written page) may have headings whose anchors would be
Material's ids (``__config``, ``__drawer``…) or the project's (``sk-search-box``…); those
get ``h-`` in front, the permalink and the table of contents follow, and the theme's
script still finds its own elements.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag

from generator.body.heading_ids import is_theme_id
from generator.build import build

from ..conftest import FIXTURES, shared, valid_record
from .conftest import make_project, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Page

HEADINGS = [
    *("__config", "__drawer", "__search", "__palette_0", "sk-search-box", "Bối cảnh"),
    "Chữ {: #__toc }",  # a body has no attr_list: read as text
]
BODY = "\n\n".join(f"## {title}\n\nĐoạn {n}." for n, title in enumerate(HEADINGS))
PAGE = "sang-kien/tieu-de-trung-ma/index.html"
HAND_WRITTEN = """# Trang viết tay

## __toc

Chữ.

## Tiêu đề có mã riêng {: #__nav_1 }

Chữ.
"""


def write_project(root: Path) -> Path:
    make_project(root, initiatives=None, contests=FIXTURES / "contests")
    record = valid_record().replace("## Bối cảnh\n\nNội dung.", BODY)
    folder = root / "initiatives" / "dak-lak"
    folder.mkdir(parents=True)
    (folder / "tieu-de-trung-ma.md").write_text(record, encoding="utf-8")
    (root / "docs" / "viet-tay.md").write_text(HAND_WRITTEN, encoding="utf-8")
    text = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace("- gioi-thieu.md", "- gioi-thieu.md\n      - viet-tay.md"), "utf-8"
    )
    return root


@pytest.fixture(scope=shared("module"))
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("ids") / "repo")
    result = build(root)
    assert result.ok and result.site_dir is not None, [i.as_text() for i in result.issues]
    return result.site_dir


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def heading_ids(html: BeautifulSoup) -> dict[str, str]:
    """Each article heading's text (without the ¶) → its id."""
    article = html.find("article")
    assert isinstance(article, Tag)
    found = {}
    for heading in article.find_all(["h2", "h3"]):
        for permalink in heading.select(".headerlink"):
            permalink.decompose()
        found[heading.get_text(strip=True)] = str(heading.get("id"))
    return found


def test_body_headings_that_would_take_a_theme_id_are_moved_aside(site: Path) -> None:
    ids = heading_ids(soup(site, PAGE))
    assert {title: ids[title] for title in HEADINGS} == {
        "__config": "h-__config",
        "__drawer": "h-__drawer",
        "__search": "h-__search",
        "__palette_0": "h-__palette_0",
        "sk-search-box": "h-sk-search-box",
        "Bối cảnh": "boi-canh",
        "Chữ {: #__toc }": "chu-__toc",
    }
    # the permalinks and the table of contents lead to the moved ids
    html = soup(site, PAGE)
    permalinks = {str(a["href"]) for a in html.select("article .headerlink")}
    assert {"#h-__config", "#h-sk-search-box"} <= permalinks
    toc = {str(a["href"]) for a in html.select(".md-nav--secondary a")}
    assert {"#h-__config", "#h-__drawer", "#boi-canh"} <= toc
    # and the theme's own elements keep theirs, once each
    assert [str(tag.name) for tag in html.select("#__config")] == ["script"]
    assert [str(tag.name) for tag in html.select("#__drawer")] == ["input"]
    assert [str(tag.name) for tag in html.select("#sk-search-box")] == ["input"]


def test_a_hand_written_page_cannot_take_a_theme_id_either(site: Path) -> None:
    ids = heading_ids(soup(site, "viet-tay/index.html"))
    assert ids == {"__toc": "h-__toc", "Tiêu đề có mã riêng": "h-__nav_1"}


def page_id_problems(site: Path) -> dict[str, list[str]]:
    """Every page: ids used twice, and heading ids that are a theme's. Every id that is not
    a heading's is the theme's (``__``, ``sk-``) or a footnote's: the rule covers them all."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        html = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        problems = [
            f"{v} ×{n}" for v, n in Counter(t["id"] for t in html.select("[id]")).items() if n > 1
        ]
        for tag in html.select("[id]"):
            value = str(tag["id"])
            is_heading = tag.name in ("h1", "h2", "h3", "h4", "h5", "h6")
            if is_heading and is_theme_id(value):
                problems.append(f"<{tag.name} id={value}>")
            if not is_heading and not is_theme_id(value) and not value.startswith("fn"):
                problems.append(f"<{tag.name} id={value}> is neither the theme's nor a heading's")
        if problems:
            found[file.relative_to(site).as_posix()] = problems
    return found


def test_no_page_has_a_heading_with_a_theme_id_or_an_id_twice(site: Path) -> None:
    assert page_id_problems(site) == {}


def test_zensical_moves_the_same_headings(tmp_path: Path) -> None:
    from generator.build import generate

    root = write_project(tmp_path / "repo")
    _, issues, generated, _ = generate(root)
    assert generated is not None and not issues
    zensical = Path(sys.executable).parent / "zensical"
    done = subprocess.run(
        [str(zensical), "build", "--config-file", "mkdocs.yml"],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    ids = heading_ids(soup(root / "site", PAGE))
    assert ids["__config"] == "h-__config" and ids["sk-search-box"] == "h-sk-search-box"
    assert page_id_problems(root / "site") == {}


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


@pytest.mark.browser
def test_the_theme_still_works_and_the_anchor_leads_to_the_heading(
    page: Page, base_url: str
) -> None:
    from playwright.sync_api import expect

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1200, "height": 600})
    page.goto(base_url + "sang-kien/tieu-de-trung-ma/")
    # Material's script read its configuration and runs: the palette toggles
    page.locator("label[for='__palette_1']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # "back to top" appears when scrolling up
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -200)
    expect(page.locator(".md-top")).to_be_visible()
    # the header's search box is still the project's
    page.locator("#sk-search-box").fill("mot cua")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=mot+cua")
    page.go_back()
    # the heading's permalink leads to it
    heading = page.locator("#h-__config")
    heading.hover()
    heading.locator(".headerlink").click()
    assert page.url.endswith("#h-__config")
    assert page.evaluate("() => document.querySelector(':target').textContent").startswith(
        "__config"
    )
    assert errors == []
