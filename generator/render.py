"""Render the site's generated pages as Markdown with front matter, from Jinja templates.

The output is plain Markdown (plus ``md_in_html`` blocks) that any engine reading
``mkdocs.yml`` can build; links are relative ``.md`` links so MkDocs' strict mode
checks every one of them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .places import Province
from .records import Record
from .site import LEVEL_NAMES, STATUS_NAMES, Site
from .text import plain

Pages = dict[str, str]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#])")
HOME = "index.md"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: much faster per page


def md_escape(text: object) -> str:
    """Make user text literal in Markdown: no accidental emphasis, links or HTML.

    ``<`` and ``>`` become entities, not backslash escapes: Python-Markdown does not
    treat ``\\<`` as an escape, so the backslash would show on the page.
    """
    text = plain(str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def date_vi(value: str) -> str:
    """``2023-06`` → ``06/2023``; ``2024-11-06`` → ``06/11/2024``: how dates are read in Vietnam."""
    return "/".join(reversed(value.split("-")))


def number_vi(value: float) -> str:
    """Vietnamese digit grouping: 257190 → ``257.190``, 68.8 → ``68,8``."""
    whole, _, fraction = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    text = whole.replace(",", ".")
    return f"{text},{fraction}" if fraction else text


def initiative_path(record: Record) -> str:
    return f"sang-kien/{record.id}.md"


def province_path(province: Province) -> str:
    return f"tinh/{province.slug}.md"


def image_path(record: Record, index: int) -> str:
    """Images sit beside the page's URL: ``sang-kien/<id>/<n>-<name>``."""
    name = PurePosixPath(record.initiative.images[index].src).name
    return f"sang-kien/{record.id}/{index + 1}-{name}"


def image_assets(site: Site, root: Path) -> dict[str, Path]:
    """Generated path → the image file in the repository to copy there."""
    return {
        image_path(record, index): (root / record.relpath).parent / image.src
        for record in site.records
        for index, image in enumerate(record.initiative.images)
    }


class Renderer:
    def __init__(self, site: Site, templates: Path) -> None:
        self.env = Environment(
            loader=FileSystemLoader(templates),
            undefined=StrictUndefined,
            autoescape=False,  # Markdown, not HTML: user text goes through ``md``
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(md=md_escape, date_vi=date_vi, number_vi=number_vi)
        self.env.globals.update(
            site=site,
            statuses=STATUS_NAMES,
            levels=LEVEL_NAMES,
            initiative_path=initiative_path,
            province_path=province_path,
        )

    def page(self, path: str, template: str, meta: dict[str, Any], **context: Any) -> str:
        """One page: YAML front matter from ``meta``, body from ``template``."""
        here = posixpath.dirname(path)

        def link(target: str) -> str:
            return posixpath.relpath(target, here or ".")

        body = self.env.get_template(template).render(link=link, path=path, **context)
        head = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{head}---\n\n{body.strip()}\n"


def crumbs(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    """Breadcrumb trail for the theme: titles with site-relative directory URLs."""
    trail = [{"title": "Trang chủ", "url": ""}]
    trail += [{"title": title, "url": _url(path)} for title, path in pairs]
    return trail


def _url(path: str) -> str:
    stem = path.removesuffix(".md")
    if stem.endswith("index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def render_pages(site: Site, templates: Path) -> Pages:
    renderer = Renderer(site, templates)
    pages: Pages = {}
    for render in PAGE_SETS:
        pages.update(render(site, renderer))
    return pages


def _home(site: Site, r: Renderer) -> Pages:
    meta = {
        "title": "Sáng kiến cải cách hành chính",
        "description": "Nơi công bố, tra cứu và đánh giá các sáng kiến cải cách hành "
        "chính của các địa phương Việt Nam.",
        "hide": ["navigation", "toc"],
    }
    return {HOME: r.page(HOME, "home.md.j2", meta)}


def _initiatives(site: Site, r: Renderer) -> Pages:
    pages: Pages = {}
    for record in site.records:
        path = initiative_path(record)
        province = record.place.current
        meta = {
            "title": plain(record.initiative.title),
            "description": plain(record.initiative.summary),
            "template": "initiative.html",
            "breadcrumbs": crumbs(
                ("Tỉnh, thành", "tinh/index.md"), (province.name, province_path(province))
            ),
            "status": record.initiative.status,
            "status_label": STATUS_NAMES[record.initiative.status][0],
        }
        images = [image_path(record, n) for n in range(len(record.initiative.images))]
        pages[path] = r.page(
            path, "initiative.md.j2", meta, record=record, i=record.initiative, images=images
        )
    return pages


def _provinces(site: Site, r: Renderer) -> Pages:
    index = "tinh/index.md"
    pages = {
        index: r.page(index, "provinces.md.j2", {"title": "Tỉnh, thành", "breadcrumbs": crumbs()})
    }
    for province in site.vocab.places.current:
        path = province_path(province)
        meta = {
            "title": province.name,
            "description": f"Sáng kiến cải cách hành chính của {province.full_name}",
            "breadcrumbs": crumbs(("Tỉnh, thành", index)),
        }
        pages[path] = r.page(
            path,
            "province.md.j2",
            meta,
            province=province,
            records=site.by_province[province.slug],
            formers=site.vocab.places.former_of(province),
        )
    current = {p.slug for p in site.vocab.places.current}
    for former in site.vocab.places.former:
        if former.slug in current or former.merged_into is None:
            continue
        path = f"tinh/{former.slug}.md"
        target = site.vocab.places.by_slug[former.merged_into]
        meta = {
            "title": f"{former.name} (trước 07/2025)",
            "template": "moved.html",
            "moved_to": _url(province_path(target)),
            "breadcrumbs": crumbs(("Tỉnh, thành", index)),
        }
        pages[path] = r.page(path, "moved.md.j2", meta, former=former, province=target)
    return pages


@dataclass(frozen=True)
class FacetEntry:
    """One value of a facet (a domain, a tag, a year, a status) and its page."""

    path: str
    name: str
    description: str
    count: int


def _facets() -> list[Callable[[Site, Renderer], Pages]]:
    return [
        _facet(
            "linh-vuc",
            "Lĩnh vực",
            lambda s: s.by_domain,
            lambda s, k: s.vocab.domains[k].name,
            lambda s, k: s.vocab.domains[k].description,
        ),
        _facet("the", "Từ khóa", lambda s: s.by_tag, lambda s, k: s.tags[k].name),
        _facet("nam", "Năm bắt đầu", lambda s: s.by_year, lambda s, k: f"Năm {k}"),
        _facet("trang-thai", "Tình trạng", lambda s: s.by_status, lambda s, k: STATUS_NAMES[k][0]),
    ]


def _facet(
    kind: str,
    title: str,
    groups: Callable[[Site], dict[Any, list[Record]]],
    label: Callable[[Site, Any], str],
    describe: Callable[[Site, Any], str] = lambda site, key: "",
) -> Callable[[Site, Renderer], Pages]:
    def render(site: Site, r: Renderer) -> Pages:
        index = f"{kind}/index.md"
        grouped = groups(site)
        entries = [
            FacetEntry(f"{kind}/{key}.md", label(site, key), describe(site, key), len(records))
            for key, records in grouped.items()
        ]
        pages = {
            index: r.page(
                index,
                "facets.md.j2",
                {"title": title, "breadcrumbs": crumbs()},
                title=title,
                entries=entries,
            )
        }
        for entry, records in zip(entries, grouped.values(), strict=True):
            meta = {"title": entry.name, "breadcrumbs": crumbs((title, index))}
            pages[entry.path] = r.page(
                entry.path, "listing.md.j2", meta, entry=entry, records=records
            )
        return pages

    return render


PAGE_SETS: list[Callable[[Site, Renderer], Pages]] = [_home, _initiatives, _provinces, *_facets()]
