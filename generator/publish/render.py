"""Render the site's generated pages as Markdown with front matter, from Jinja templates.

The output is plain Markdown (plus ``md_in_html`` blocks) that any engine reading
``mkdocs.yml`` can build. The pages' own links are relative ``.md`` links, so MkDocs'
strict mode checks every one of them; record bodies arrive as sanitised HTML from
``body/html.py``, which no engine's Markdown settings can reopen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import urls
from ..body.html import render_body
from ..body.safety import link_allowed
from ..contests import METHOD_NAMES
from ..formats import date_vi, number_vi
from ..layout import DOMAINS_DATA, PAGE_TEMPLATES, PROVINCES_DATA
from ..load.repopaths import image_path_suggestion, link_on_the_way
from ..records import Record
from ..settings import SiteSettings
from ..text import md_escape, plain, slug
from ..urls import PagePath
from .charts import Bar, bar_chart, tile_map
from .feeds import FEED_TITLE, province_feed_title
from .outputs import Origin, Outputs
from .search import search_meta
from .site import Site

_LINK_UNSAFE = re.compile(r"[<>\\\s]")
_BACKTICKS = re.compile(r"`+")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: much faster per page


def md_link(text: object, url: str) -> str:
    """``text`` linked to ``url`` when it is an address a page may link to, else plain text.

    The destination is written ``<...>`` with ``<>``, space, backslash and newlines
    percent-encoded, so no URL can end the link early (the checker refuses such URLs).
    """
    if not link_allowed(url):
        return md_escape(text)
    target = _LINK_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)
    return f"[{md_escape(text)}](<{target}>)"


def meta_text(text: object) -> str:
    """One-line text for page front matter: the theme puts it into HTML unescaped.

    Every text field of the front matter (title, description, breadcrumbs' titles,
    feed_title, status_label) goes through here, since Material prints ``page.title`` and
    ``page.meta.description`` as they are; the project's templates print these fields as
    they are too, and escape the URLs (edit_url, breadcrumbs' url, feed, moved_to).
    """
    return html.escape(plain(str(text)), quote=True)


def md_code(text: object) -> str:
    """``text`` as an inline code span, whatever backticks it holds: fenced by one more
    backtick than its longest run (CommonMark), so it can never close the span early."""
    text = plain(str(text))
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest else text
    return f"{fence}{padded}{fence}"


class Renderer:
    """Renders pages from the templates into ``outputs``, each with its origin."""

    def __init__(
        self, site: Site, templates: Path, outputs: Outputs, settings: SiteSettings
    ) -> None:
        self.site = site
        self.outputs = outputs
        self.settings = settings
        self.env = Environment(
            loader=FileSystemLoader(templates),
            undefined=StrictUndefined,
            autoescape=False,  # Markdown, not HTML: user text goes through ``md``
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            md=md_escape,
            md_link=md_link,
            md_code=md_code,
            date_vi=lambda value: md_escape(date_vi(value)),  # a date, or what a record says
            number_vi=number_vi,
            chart_bar=lambda entry, href: Bar(entry.name, entry.count, href(entry.path)),
            domain_bar=lambda d, href: Bar(
                d.short, len(site.by_domain[d.id]), href(urls.domain(d.id))
            ),
            province_tile=lambda p, href: (
                p.slug,
                p.name,
                len(site.by_province[p.slug]),
                href(urls.province(p.slug)),
            ),
        )
        self.env.globals.update(
            site=site,
            statuses=site.vocab.statuses,
            levels=site.vocab.levels,
            urls=urls,
            bar_chart=bar_chart,
            tile_map=tile_map,
        )

    def page(
        self, path: PagePath, template: str, meta: dict[str, Any], origin: Origin, **context: Any
    ) -> None:
        """One page: YAML front matter from ``meta``, body from ``template``."""

        def link(target: PagePath) -> str:
            return target.link_from(path)

        def href(target: PagePath) -> str:
            """The same page's URL for raw HTML (charts), which no engine rewrites."""
            return urls.relative(target.url, path)

        body = self.env.get_template(template).render(link=link, href=href, **context)
        meta.setdefault("edit_url", None)  # generated: nothing to edit under docs/
        meta.setdefault("search_body", False)  # Pagefind indexes initiatives and contests
        meta.setdefault("feed", urls.feed())
        meta.setdefault("feed_title", meta_text(FEED_TITLE))
        head = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        self.outputs.add(path.src, f"---\n{head}---\n\n{body.strip()}\n", origin)


PAGE_SIZE = 100  # initiatives per listing page: no page grows with the collection


@dataclass(frozen=True)
class Pager:
    """Where a listing page sits among its pages (one page: no pager is shown)."""

    number: int
    pages: tuple[PagePath, ...]
    total: int  # initiatives in the whole listing

    @property
    def previous(self) -> PagePath | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> PagePath | None:
        return self.pages[self.number] if self.number < len(self.pages) else None


def paged(
    r: Renderer,
    first: PagePath,
    template: str,
    meta: dict[str, Any],
    origin: Origin,
    records: list[Record],
    **context: Any,
) -> None:
    """A listing of ``records`` as pages of ``PAGE_SIZE``, each linking to the others."""
    chunks = [records[n : n + PAGE_SIZE] for n in range(0, len(records), PAGE_SIZE)] or [[]]
    pages = tuple(urls.listing_page(first, n) for n in range(1, len(chunks) + 1))
    for number, (path, chunk) in enumerate(zip(pages, chunks, strict=True), 1):
        page_meta = dict(meta)
        if number > 1:  # (listings are never indexed for search: see Renderer.page)
            page_meta["title"] = f"{meta['title']} — trang {number}"
        pager = Pager(number, pages, len(records))
        r.page(path, template, page_meta, origin, records=chunk, pager=pager, **context)


def crumbs(*pairs: tuple[str, PagePath]) -> list[dict[str, str]]:
    """Breadcrumb trail for the theme: titles with site-relative directory URLs."""
    trail = [{"title": "Trang chủ", "url": urls.HOME.url}]
    trail += [{"title": meta_text(title), "url": page.url} for title, page in pairs]
    return trail


def render_pages(
    site: Site, templates: Path, root: Path, outputs: Outputs, settings: SiteSettings
) -> None:
    """Every generated page, and the images published beside initiatives, into ``outputs``."""
    renderer = Renderer(site, templates, outputs, settings)
    _home(renderer)
    _initiatives(site, renderer, root)
    _provinces(site, renderer)
    for facet in FACETS:
        facet.render(site, renderer)
    _contests(site, renderer)
    _search(renderer)
    _finder(renderer)


def _template_origin(template: str) -> Origin:
    return Origin(f"{PAGE_TEMPLATES}/{template}", label=f"'{template}'")


def _finder(r: Renderer) -> None:
    meta = {"title": "Tra cứu", "hide": ["toc"], "breadcrumbs": crumbs()}
    page = urls.finder_page()
    data = urls.relative(urls.finder_index(), page)
    r.page(page, "finder.md.j2", meta, _template_origin("finder.md.j2"), data=data)


def _search(r: Renderer) -> None:
    meta = {"title": "Tìm kiếm", "hide": ["toc"], "breadcrumbs": crumbs()}
    r.page(urls.search_page(), "search.md.j2", meta, _template_origin("search.md.j2"))


def _home(r: Renderer) -> None:
    meta = {
        "title": "Sáng kiến cải cách hành chính",
        "description": "Nơi công bố, tra cứu và đánh giá các sáng kiến cải cách hành "
        "chính của các địa phương Việt Nam.",
        "hide": ["navigation", "toc"],
    }
    r.page(urls.HOME, "home.md.j2", meta, _template_origin("home.md.j2"))


def _initiatives(site: Site, r: Renderer, root: Path) -> None:
    for record in site.records:
        render_initiative(r, record, root)


def render_initiative(r: Renderer, record: Record, root: Path) -> None:
    """One initiative's page and the images it publishes (``sangkien serve`` renders one alone)."""
    path = urls.initiative(record.id)
    origin = Origin(record.relpath, label=f"sáng kiến '{record.id}'", field="id")
    province = record.place.current
    images = []
    for index, image in enumerate(record.initiative.images):
        name = f"{index + 1}-{PurePosixPath(image.src).name}"
        images.append(PagePath(urls.initiative_file(record.id, name)))
        r.outputs.add(images[-1].src, _beside(record, root, image.src), origin)
    meta = {
        "title": meta_text(record.initiative.title),
        "description": meta_text(record.initiative.summary),
        "template": "initiative.html",
        "breadcrumbs": crumbs(
            ("Tỉnh, thành", urls.province_index()),
            (province.name, urls.province(province.slug)),
        ),
        "status": record.initiative.status,
        "status_label": meta_text(r.site.vocab.statuses[record.initiative.status].name),
        "search_body": True,
        "edit_url": r.settings.edit_url(record.relpath),
    }
    body = render_body(record.body, _body_images(record, root, path, r.outputs))
    r.page(
        path,
        "initiative.md.j2",
        meta,
        origin,
        record=record,
        i=record.initiative,
        images=images,
        body=body,
        search_meta=search_meta(record),
    )


_CONFLICT_WORDS = {
    "agency": "sáng kiến của chính đơn vị mình",
    "province": "sáng kiến của tỉnh, thành mình",
}


def _contests(site: Site, r: Renderer) -> None:
    """The "Cuộc thi" section: an index and a page per contest (the ranking once published)."""
    index = urls.contest_index()
    meta: dict[str, Any] = {"title": "Cuộc thi", "breadcrumbs": crumbs()}
    r.page(
        index,
        "contests.md.j2",
        meta,
        _template_origin("contests.md.j2"),
        contests=site.contests,
    )
    for view in site.contests:
        contest = view.data.contest
        rules = [_CONFLICT_WORDS[rule] for rule in contest.conflict_of_interest]
        conflicts = "; ".join([*rules, "sáng kiến mình đã tự khai trong 'conflicts'"])
        meta = {
            "title": meta_text(contest.title),
            "description": meta_text(f"{contest.organiser}, {contest.year}"),
            "breadcrumbs": crumbs(("Cuộc thi", index)),
            "search_body": True,
        }
        origin = Origin(view.data.relpath, label=f"cuộc thi '{view.id}'")
        r.page(
            urls.contest(view.id),
            "contest.md.j2",
            meta,
            origin,
            view=view,
            method=METHOD_NAMES[contest.method] if contest.method else None,
            criteria={criterion.id: criterion for criterion in contest.criteria},
            conflicts=conflicts,
            data=PagePath(urls.contest_data(view.id)),
        )


def _beside(record: Record, root: Path, src: str) -> Path:
    """A file named relative to the record's own folder."""
    return (root / record.relpath).parent / src


def _publishable(record: Record, root: Path, src: str) -> Path | None:
    """The image file ``src`` names beside the record, if it may be published: a file of
    the repository with an id for a name and a picture's extension, reached through no
    link (``sangkien check`` says why any other is refused)."""
    file = _beside(record, root, src)
    try:
        if image_path_suggestion(src) is not None or link_on_the_way(file, root) is not None:
            return None
        return file if file.is_file() and file.resolve().is_relative_to(root.resolve()) else None
    except (OSError, ValueError):  # the checker reports these names
        return None


def _body_images(
    record: Record, root: Path, page: PagePath, outputs: Outputs
) -> Callable[[str], str | None]:
    """Publish each image the body shows beside the page; return its address from the page."""
    published: dict[str, str] = {}

    def image_url(src: str) -> str | None:
        if src not in published:
            file = _publishable(record, root, src)
            if file is None:
                return None
            name = f"anh-{len(published) + 1}-{file.name}"
            target = urls.initiative_file(record.id, name)
            outputs.add(target, file, Origin(record.relpath, field="body"))
            published[src] = urls.relative(target, page)
        return published[src]

    return image_url


def _provinces(site: Site, r: Renderer) -> None:
    index = urls.province_index()
    data = Origin(PROVINCES_DATA, label="danh mục tỉnh, thành")
    r.page(index, "provinces.md.j2", {"title": "Tỉnh, thành", "breadcrumbs": crumbs()}, data)
    for province in site.vocab.places.current:
        meta = {
            "title": meta_text(province.name),
            "description": meta_text(f"Sáng kiến cải cách hành chính của {province.full_name}"),
            "breadcrumbs": crumbs(("Tỉnh, thành", index)),
        }
        if site.by_province[province.slug]:
            meta["feed"] = urls.province_feed(province.slug)
            meta["feed_title"] = meta_text(province_feed_title(province))
        paged(
            r,
            urls.province(province.slug),
            "province.md.j2",
            meta,
            Origin(PROVINCES_DATA, label=f"tỉnh '{province.name}'"),
            site.by_province[province.slug],
            province=province,
            formers=site.vocab.places.former_of(province),
        )
    current = {p.slug for p in site.vocab.places.current}
    for former in site.vocab.places.former:
        if former.slug in current or former.merged_into is None:
            continue
        target = site.vocab.places.by_slug[former.merged_into]
        meta = {
            "title": meta_text(f"{former.name} (trước 07/2025)"),
            "template": "moved.html",
            "moved_to": urls.province(target.slug).url,
            "breadcrumbs": crumbs(("Tỉnh, thành", index)),
        }
        r.page(
            urls.province(former.slug),
            "moved.md.j2",
            meta,
            Origin(PROVINCES_DATA, label=f"tỉnh cũ '{former.name}'"),
            former=former,
            province=target,
        )


@dataclass(frozen=True)
class FacetEntry:
    """One value of a facet (a domain, a tag, a year, a status) and its page."""

    path: PagePath
    name: str
    description: str
    count: int


@dataclass(frozen=True)
class Facet:
    """A way to group initiatives (domain, tag, year, status): an index, a page per value."""

    title: str
    index: Callable[[], PagePath]
    entry: Callable[[Any], PagePath]
    groups: Callable[[Site], dict[Any, list[Record]]]
    label: Callable[[Site, Any], str]
    origin: Callable[[Site, Any], Origin]
    describe: Callable[[Site, Any], str] = lambda site, key: ""
    chart: bool = True  # a bar per value above the list (not for hundreds of tags)

    def render(self, site: Site, r: Renderer) -> None:
        index = self.index()
        grouped = self.groups(site)
        entries = [
            FacetEntry(self.entry(key), self.label(site, key), self.describe(site, key), len(rs))
            for key, rs in grouped.items()
        ]
        meta = {"title": meta_text(self.title), "breadcrumbs": crumbs()}
        origin = _template_origin("facets.md.j2")
        r.page(
            index, "facets.md.j2", meta, origin, title=self.title, entries=entries, chart=self.chart
        )
        for key, entry, records in zip(grouped, entries, grouped.values(), strict=True):
            meta = {"title": meta_text(entry.name), "breadcrumbs": crumbs((self.title, index))}
            origin = self.origin(site, key)
            paged(r, entry.path, "listing.md.j2", meta, origin, records, entry=entry)


def _tag_origin(site: Site, key: str) -> Origin:
    """The newest record that uses the tag, at the tag itself."""
    record = site.by_tag[key][0]
    index = next(n for n, name in enumerate(record.initiative.tags) if slug(name) == key)
    line, column = record.position("tags", index)
    name = record.initiative.tags[index]
    return Origin(record.relpath, line, column, f"tags[{index}]", f"từ khóa '{name}'")


def _year_origin(site: Site, year: int) -> Origin:
    record = site.by_year[year][0]
    line, column = record.position("started")
    return Origin(record.relpath, line, column, "started", f"năm {year}")


FACETS = [
    Facet(
        "Lĩnh vực",
        urls.domain_index,
        urls.domain,
        lambda s: s.by_domain,
        lambda s, k: s.vocab.domains[k].name,
        lambda s, k: Origin(DOMAINS_DATA, label=f"lĩnh vực '{k}'"),
        lambda s, k: s.vocab.domains[k].description,
    ),
    Facet(
        "Từ khóa",
        urls.tag_index,
        urls.tag,
        lambda s: s.by_tag,
        lambda s, k: s.tags[k].name,
        _tag_origin,
        chart=False,
    ),
    Facet(
        "Năm bắt đầu",
        urls.year_index,
        urls.year,
        lambda s: s.by_year,
        lambda s, k: f"Năm {k}",
        _year_origin,
    ),
    Facet(
        "Tình trạng",
        urls.status_index,
        urls.status,
        lambda s: s.by_status,
        lambda s, k: s.vocab.statuses[k].name,
        lambda s, k: _template_origin("listing.md.j2"),
    ),
]
