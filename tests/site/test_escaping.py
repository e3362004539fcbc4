"""User text reaches the page as text: what the contributor typed, never live HTML.

Markup itself is refused by ``check`` and inert even when the check is bypassed
(``test_hostile_input.py``); here, symbols that are not markup read as typed.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.build import build
from generator.publish.render import md_code

from ..conftest import shared, valid_record
from .conftest import make_project

SYMBOLS = "A < B > C & D"


@pytest.fixture(scope=shared("module"))
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("escaping"), initiatives=None)
    folder = root / "initiatives" / "dak-lak"
    folder.mkdir(parents=True)
    text = valid_record(**{"title: Ngày thứ 6 nhanh": f"title: '{SYMBOLS}'"})
    (folder / "ky-hieu.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    return root / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def heading(site: Path, path: str) -> str:
    """The page's title as a visitor reads it (without the ¶ permalink)."""
    h1 = page(site, path).select_one("article h1")
    assert h1 is not None
    for permalink in h1.select(".headerlink"):
        permalink.decompose()
    return str(h1.get_text())


def test_symbols_in_a_title_read_exactly_as_written(site: Path) -> None:
    assert heading(site, "sang-kien/ky-hieu/index.html") == SYMBOLS
    listed = page(site, "tinh/dak-lak/index.html").find("a", href="../../sang-kien/ky-hieu/")
    assert listed is not None and listed.get_text() == SYMBOLS
    trail = page(site, "sang-kien/ky-hieu/index.html").select(".sk-breadcrumbs li")
    assert trail[-1].get_text(strip=True) == SYMBOLS
    head = page(site, "sang-kien/ky-hieu/index.html").head
    assert head is not None and head.title is not None
    assert head.title.get_text() == f"{SYMBOLS} - Sáng kiến cải cách hành chính"


@pytest.mark.parametrize(
    "value",
    ["hoi-thi-2025", "a`b", "``", "x`<img src=x onerror=alert(1)>`", "x\\`y"],
)
def test_a_code_span_holds_any_value_as_text(value: str) -> None:
    """Ids and keywords printed as code (``contests: [id]``) cannot close the span early."""
    html = BeautifulSoup(markdown.markdown(f"Ghi {md_code(value)} nhé."), "html.parser")
    code = html.find_all("code")
    assert [c.get_text() for c in code] == [value]
    assert html.find("img") is None
    assert md_code("hoi-thi-2025") == "`hoi-thi-2025`"  # as written by hand, when it can be
