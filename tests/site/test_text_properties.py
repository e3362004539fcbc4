"""Any text the model accepts reaches every output as that text (Hypothesis).

For drawn titles, summaries, agencies and tags (``text_strategies``), two records go
through the real ``check`` and the generator: every Atom feed must be well-formed XML
that gives back the fields exactly, the open data must give them back, and each page that
shows a record, converted by Python-Markdown with the site's own extensions (what MkDocs
does to it), must show the text as text: no element made of it, no entity left over.
Building a whole MkDocs site per example would take seconds each, so one real site is
built, once, from a handful of the nastiest values: its HTML, feeds and sitemap are
parsed the same way.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import assume, given, note
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator import urls
from generator.build import build, collect_outputs
from generator.check import check_paths
from generator.publish.outputs import Outputs
from generator.publish.site import Site, build_site
from generator.records import Record
from generator.text import plain, slug
from generator.vocab import load_vocabulary

from ..conftest import shared
from .conftest import make_project
from .text_strategies import initiative_texts, nfd

ATOM = "{http://www.w3.org/2005/Atom}"
PLACES = (("dak-lak", "Đắk Lắk"), ("cao-bang", "Cao Bằng"))


def record_file(texts: dict[str, Any], province: str) -> str:
    meta = {
        **{k: v for k, v in texts.items() if k not in ("tags",)},
        "province": province,
        "level": "commune",
        "domains": ["procedures"],
        "tags": texts["tags"],
        "status": "active",
        "started": "2023-11",
        "sources": [
            {
                "title": "Bài báo",
                "publisher": "Báo Đắk Lắk",
                "date": "2024-11-06",
                "url": "https://baodaklak.vn/bai-viet",
            }
        ],
    }
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n\nNội dung.\n"


def write_records(root: Path, drawn: list[dict[str, Any]]) -> None:
    shutil.rmtree(root / "initiatives", ignore_errors=True)
    for n, (texts, (folder, province)) in enumerate(zip(drawn, PLACES, strict=False)):
        path = root / "initiatives" / folder / f"ban-ghi-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_file(texts, province), encoding="utf-8")


def shown(text: str) -> str:
    """What a reader sees of a one-line text: spaces collapsed, marks composed (NFC)."""
    return unicodedata.normalize("NFC", plain(text))


class Markdown:
    """Generated pages as MkDocs turns them into HTML: front matter, then the body."""

    def __init__(self, root: Path) -> None:
        config = load_config(str(root / "mkdocs.yml"))
        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
        )

    def page(self, text: str) -> tuple[dict[str, Any], BeautifulSoup]:
        body, meta = get_data(text)
        self.md.reset()
        return meta, BeautifulSoup(self.md.convert(body), "html.parser")


def text_of(element: Any) -> str:
    """An element's text as read, without the ¶ permalinks ``toc`` adds to headings."""
    for permalink in element.select(".headerlink"):
        permalink.decompose()
    return unicodedata.normalize("NFC", element.get_text())


def assert_feeds_give_back(files: dict[str, Any], records: list[Record]) -> None:
    feeds = [path for path in files if path.endswith(".xml")]
    assert urls.feed() in feeds and len(feeds) == 1 + len({r.place.current.slug for r in records})
    for path in feeds:
        root = ET.fromstring(files[path])  # well-formed, or this raises
        entries = {e.findtext(f"{ATOM}id"): e for e in root.iter(f"{ATOM}entry")}
        for record in records:
            url = next((u for u in entries if u and u.endswith(f"/sang-kien/{record.id}/")), None)
            if url is None:
                continue  # another province's feed
            entry = entries[url]
            i = record.initiative
            assert entry.findtext(f"{ATOM}title") == i.title, path
            assert entry.findtext(f"{ATOM}summary") == i.summary, path
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == i.agency, path


def assert_open_data_gives_back(files: dict[str, Any], records: list[Record]) -> None:
    published = json.loads(files[urls.data_file("initiatives.json")])["initiatives"]
    data = {item["id"]: item for item in published}
    raw = files[urls.data_file("initiatives.csv")]
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.lstrip("\ufeff")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    for record in records:
        i = record.initiative
        item, row = data[record.id], rows[record.id]
        assert (item["title"], item["summary"], item["agency"]) == (i.title, i.summary, i.agency)
        assert item["tags"] == i.tags
        assert (row["title"], row["summary"], row["agency"]) == (i.title, i.summary, i.agency)


def assert_pages_show(files: dict[str, Any], site: Site, md: Markdown) -> None:
    for record in site.records:
        i = record.initiative
        page = urls.initiative(record.id)
        meta, soup = md.page(files[page.src])
        assert shown(html.unescape(meta["title"])) == shown(i.title)  # the theme writes it as is
        assert shown(html.unescape(meta["description"])) == shown(i.summary)
        h1 = soup.find("h1")
        assert h1 is not None and text_of(h1) == shown(i.title)
        assert not h1.find(True), h1  # nothing in the title became an element
        lead = soup.select_one("p.sk-lead")
        assert lead is not None and text_of(lead) == shown(i.summary)
        card = soup.select_one(".sk-card")
        assert card is not None
        items = [text_of(li) for li in card.find_all("li")]
        assert f"Đơn vị chủ trì: {shown(i.agency)}" in items, items
        tag_links = [text_of(a) for a in card.find_all("a") if "/the/" in f"/{a['href']}"]
        # a tag shows as the spelling most records give it ("Hỏi đáp" and "Hỏi & đáp": one tag)
        names = {shown(site.tags[slug(name)].name) for name in i.tags}
        assert sorted(tag_links) == sorted(names), tag_links
        if i.title_en:
            english = soup.select_one(".sk-title-en")
            assert english is not None and text_of(english) == shown(i.title_en)
        listings = [urls.province(record.place.current.slug), urls.domain("procedures")]
        listings += [urls.tag(slug(name)) for name in i.tags]
        for listing in listings:
            _, soup = md.page(files[listing.src])
            target = page.link_from(listing)
            links = [a for a in soup.find_all("a") if a.get("href") == target]
            assert [text_of(a) for a in links] == [shown(i.title)], listing.src


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Markdown]:
    root = make_project(tmp_path_factory.mktemp("text") / "repo", initiatives=None)
    return root, Markdown(root)


@given(drawn=initiative_texts().flatmap(lambda a: initiative_texts().map(lambda b: [a, b])))
def test_any_accepted_text_reaches_feeds_data_and_pages_as_text(
    repository: tuple[Path, Markdown], drawn: list[dict[str, Any]]
) -> None:
    root, md = repository
    write_records(root, drawn)
    result = check_paths(root)
    note("\n".join(issue.as_text() for issue in result.issues))
    assume(result.ok)  # what check refuses never reaches the generator
    assert len(result.records) == 2
    site = build_site(result.records, load_vocabulary())
    outputs: Outputs = collect_outputs(site, root)
    assert outputs.issues == []
    assert_feeds_give_back(outputs.files, list(site.records))
    assert_open_data_gives_back(outputs.files, list(site.records))
    assert_pages_show(outputs.files, site, md)


# The nastiest values, built once into a real site by MkDocs.
NASTY: list[dict[str, Any]] = [
    {
        "title": "Sở Công Thương & Du lịch <3 \"trích\" 'đơn' *không* _nghiêng_ [x](y) # | \\",
        "summary": "A < B > C & D; &amp; &lt;b&gt; &#60;i> <!-- kín --> <?x ?> ]]> {{ x }} "
        "{% raw %} `mã` ~~gạch~~",
        "agency": "Sở Công Thương & Du lịch",
        "tags": ["Hỏi & đáp", "Đ <= 5"],
        "title_en": 'Trade & Tourism "quoted" <3',
    },
    {
        "title": nfd("Đường dây nóng Đắk Lắk: Ủy ban nhân dân phường Hòa Thắng"),
        "summary": nfd("Tóm tắt viết dạng NFD, như macOS lưu tên: đường, Đắk Lắk, nghĩa."),
        "agency": nfd("Ủy ban nhân dân xã Hòa Thắng"),
        "tags": [nfd("điện tử")],
    },
    {
        "title": "Khôngdấucách" * 16,
        "summary": "Mộttừrấtdàikhôngcóchỗngắt" * 14,
        "agency": "UBND & HĐND " + "x" * 150,
        "tags": ["#1", "[thẻ]"],
    },
]


@pytest.fixture(scope=shared("module"))
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Record]]:
    root = make_project(tmp_path_factory.mktemp("nasty") / "repo", initiatives=None)
    for n, (texts, (folder, province)) in enumerate(
        zip(NASTY, itertools.cycle(PLACES), strict=False)
    ):
        path = root / "initiatives" / folder / f"kho-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_file(texts, province), encoding="utf-8")
    records = check_paths(root).records
    result = build(root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    return root / "site", records


def test_the_real_site_shows_the_nastiest_text_as_text(
    nasty_site: tuple[Path, list[Record]],
) -> None:
    site, records = nasty_site
    assert len(records) == len(NASTY)
    for record in records:
        i = record.initiative
        page = BeautifulSoup(
            (site / "sang-kien" / record.id / "index.html").read_text("utf-8"), "html.parser"
        )
        h1 = page.select_one("article h1")
        assert h1 is not None and text_of(h1) == shown(i.title)
        assert page.title is not None
        assert text_of(page.title) == f"{shown(i.title)} - Sáng kiến cải cách hành chính"
        description = page.find("meta", attrs={"name": "description"})
        assert description is not None and shown(description["content"]) == shown(i.summary)
        og_title = page.find("meta", attrs={"property": "og:title"})
        assert og_title is not None and shown(og_title["content"]) == shown(i.title)
        trail = page.select(".sk-breadcrumbs li")
        assert unicodedata.normalize("NFC", trail[-1].get_text(strip=True)) == shown(i.title)
        lead = page.select_one("p.sk-lead")
        assert lead is not None and text_of(lead) == shown(i.summary)


def test_the_real_sites_feeds_and_sitemap_are_well_formed(
    nasty_site: tuple[Path, list[Record]],
) -> None:
    site, records = nasty_site
    files = {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*.xml")}
    assert "sitemap.xml" in files
    sitemap = ET.fromstring(files.pop("sitemap.xml"))
    locations = [
        loc.text or "" for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    for record in records:
        assert any(loc.endswith(f"/sang-kien/{record.id}/") for loc in locations)
    assert_feeds_give_back(files, records)
