"""A long listing's pages link up as a chain, first → last and back (Hypothesis).

For any number of initiatives and any page size, every listing a record is in (its
province, domain, status, year and tags) is walked through its pager from the first page
by "Sau ›" and back from the last by "‹ Trước": each page is visited once, in order, the
numbered links name the pages walked, and the pages together list every initiative once,
newest first. The generated pages are read for many sizes; one real site, with pages of
two, is walked the same way in the HTML MkDocs built.
"""

from __future__ import annotations

import dataclasses
import math
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import urls
from generator.build import build, collect_outputs
from generator.check import check_paths
from generator.publish import render
from generator.publish.site import Site, build_site
from generator.records import Record
from generator.text import fold, slug
from generator.vocab import load_vocabulary

from ..conftest import shared, valid_record
from .conftest import make_project

PREVIOUS, NEXT = "‹ Trước", "Sau ›"
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def listings(site: Site, record: Record) -> list[urls.PagePath]:
    """The first page of every listing ``record`` appears in."""
    i = record.initiative
    found = [
        urls.province(record.place.current.slug),
        urls.status(i.status),
        urls.year(record.year),
        *(urls.domain(d.id) for d in record.domains),
        *(urls.tag(slug(name)) for name in i.tags),
    ]
    return found


def walk(first: str, links: Callable[[str], dict[str, list[str]]]) -> list[str]:
    """Pages from ``first`` by "next" to the end, checked against the way back by "previous"."""
    forward = [first]
    assert PREVIOUS not in links(first), f"{first} has a page before the first"
    while NEXT in links(forward[-1]):
        (target,) = links(forward[-1])[NEXT]
        assert target not in forward, f"{forward[-1]} → {target}: a loop"
        forward.append(target)
    back = [forward[-1]]
    while PREVIOUS in links(back[-1]):
        (target,) = links(back[-1])[PREVIOUS]
        assert target not in back, f"{back[-1]} ← {target}: a loop"
        back.append(target)
    assert back == forward[::-1], "the way back is not the way there"
    for number, page in enumerate(forward, 1):  # "Trang 1 2 3": each number names its page
        named = {int(text): targets for text, targets in links(page).items() if text.isdigit()}
        expected = {n: [p] for n, p in enumerate(forward, 1) if n != number}
        assert named == (expected if len(forward) > 1 else {}), page
    return forward


def markdown_links(files: dict[str, object]) -> Callable[[str], dict[str, list[str]]]:
    """A generated page's Markdown links by text, each resolved to a page's source path."""

    def links(src: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for text, target in _LINK.findall(str(files[src])):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), target))
            found.setdefault(text, []).append(resolved)
        return found

    return links


@pytest.fixture(scope="module")
def model_record(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Record]:
    root = make_project(tmp_path_factory.mktemp("pager") / "repo", initiatives=None)
    folder = root / "initiatives" / "dak-lak"
    folder.mkdir(parents=True)
    (folder / "mau.md").write_text(valid_record(), encoding="utf-8")
    (record,) = check_paths(root).records
    return root, record


def copies(record: Record, drawn: list[tuple[str, str]]) -> list[Record]:
    """Records like ``record``, one per (start date, title), each with its own id."""
    return [
        dataclasses.replace(
            record,
            id=f"ban-{n:02d}",
            relpath=f"initiatives/dak-lak/ban-{n:02d}.md",
            initiative=record.initiative.model_copy(
                update={"started": started, "title": f"{title} {n}"}
            ),
        )
        for n, (started, title) in enumerate(drawn)
    ]


def newest_first(records: list[Record]) -> list[str]:
    """The order listings promise: newest start first, then by title read the Vietnamese
    way (Đ among the D's, marks ignored), then by id."""
    by_title = sorted(records, key=lambda r: (fold(r.initiative.title), r.id))
    ordered = sorted(by_title, key=lambda r: r.initiative.started, reverse=True)
    return [urls.initiative(r.id).src for r in ordered]


STARTS = ["2021", "2022-05", "2023-11", "2024-01-02"]
# Title words whose Vietnamese order differs from the ids' and from code-point order
TITLES = ["Đường dây nóng", "Dân vận khéo", "Ánh sáng", "Bưu điện", "Ếch", "em bé", "Zalo"]


@settings(max_examples=25)
@given(
    drawn=st.lists(st.tuples(st.sampled_from(STARTS), st.sampled_from(TITLES)), max_size=13),
    size=st.integers(1, 5),
)
def test_every_listing_is_a_chain_of_pages_with_each_record_once(
    model_record: tuple[Path, Record], drawn: list[tuple[str, str]], size: int
) -> None:
    root, record = model_record
    site = build_site(copies(record, drawn) or [record], load_vocabulary())
    with mock.patch.object(render, "PAGE_SIZE", size):
        files = collect_outputs(site, root).files
    links = markdown_links(files)
    for first in listings(site, site.records[0]):
        pages = walk(first.src, links)
        shown = [  # the initiatives each page links to, page after page
            target
            for page in pages
            for targets in links(page).values()
            for target in targets
            if target.startswith(f"{urls.INITIATIVES}/")
        ]
        group = [src for src in newest_first(list(site.records)) if src in shown]
        assert len(pages) == max(1, math.ceil(len(group) / size)), first.src
        assert shown == group  # each once, newest first, page after page
    assert len(site.records) == len(drawn or [record])


@pytest.fixture(scope=shared("module"))
def site_of_pages_of_two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture records and five more in Đắk Lắk, built with listing pages of two."""
    root = make_project(tmp_path_factory.mktemp("pages-of-two") / "repo")
    for n in range(5):
        record = valid_record(**{"title: Ngày thứ 6 nhanh": f"title: Phiên thứ {n} nhanh"})
        (root / "initiatives" / "dak-lak" / f"phien-{n}.md").write_text(record, "utf-8")
    with mock.patch.object(render, "PAGE_SIZE", 2):
        result = build(root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    return root / "site"


def test_the_built_pagers_chain_first_to_last_and_back(site_of_pages_of_two: Path) -> None:
    site = site_of_pages_of_two

    def links(src: str) -> dict[str, list[str]]:
        page = site / src
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found: dict[str, list[str]] = {}
        for nav in soup.select("nav.sk-pager"):
            for a in nav.find_all("a"):
                target = (page.parent / str(a["href"])).resolve() / "index.html"
                found.setdefault(a.get_text(), []).append(target.relative_to(site).as_posix())
        return found

    walked = {
        first: walk(first, links)
        for first in ("tinh/dak-lak/index.html", "linh-vuc/procedures/index.html")
    }
    assert walked["tinh/dak-lak/index.html"] == [
        "tinh/dak-lak/index.html",
        "tinh/dak-lak/trang-2/index.html",
        "tinh/dak-lak/trang-3/index.html",
        "tinh/dak-lak/trang-4/index.html",
    ]  # seven initiatives (two of them from the former Phú Yên) in pages of two
    assert len(walked["linh-vuc/procedures/index.html"]) >= 3
