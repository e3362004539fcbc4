"""One home for the addresses of the generated site.

Like MkDocs' ``File``, a generated page has a source path under ``docs/``
(``sang-kien/x.md``) and a URL relative to the site root (``sang-kien/x/``, the site
uses directory URLs). Every producer (``render``, ``export``, ``feeds``, ``admin``) and
every page template asks this module for both; nothing else spells a section's folder,
nor the hand-written pages they link to (the guides). ``mkdocs.yml``'s ``not_in_nav`` and
``.gitignore`` list the same folders, and a test keeps them in step. (The repository's
own folders and files are ``layout.py``'s.)
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

INITIATIVES = "sang-kien"
PROVINCES = "tinh"
DOMAINS = "linh-vuc"
TAGS = "the"
YEARS = "nam"
STATUSES = "trang-thai"
CONTESTS = "cuoc-thi"
DATA = "du-lieu"
ADMIN = "gui-sang-kien"  # the web editor (``admin.py``)
SCHEMA = "schema"  # the record format, at the address its ``$id`` names
SEARCH = "tim-kiem"  # the search page (Pagefind); mkdocs.yml's extra.search_page names it
FINDER = "tra-cuu"  # the filter page, and its data under du-lieu/
# Folders whose whole content is generated, and the one generated page outside them.
SECTIONS = (
    INITIATIVES, PROVINCES, DOMAINS, TAGS, YEARS, STATUSES, CONTESTS, DATA, ADMIN, SCHEMA,
    SEARCH, FINDER,
)  # fmt: skip
FILES_ONLY = (DATA, SCHEMA)  # sections of files, no pages
HOME_SOURCE = "index.md"
PAGE_PREFIX = "trang-"  # a listing's later pages: trang-2, trang-3…
# A slug that would make a page's path one the site already uses for something else.
RESERVED_SLUGS = frozenset({"index"})


@dataclass(frozen=True, order=True)
class PagePath:
    """A generated page: where its Markdown goes under ``docs/``, and its URL."""

    src: str

    @property
    def url(self) -> str:
        """The page's URL relative to the site root, as MkDocs gives it (``""`` is home)."""
        stem = self.src.removesuffix(".md")
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def link_from(self, other: PagePath) -> str:
        """A relative Markdown link from ``other``'s source to this page's source."""
        return _relative(self.src, posixpath.dirname(other.src))


@lru_cache(maxsize=65_536)
def _relative(target: str, folder: str) -> str:
    """``posixpath.relpath(target, folder)`` for the generator's clean relative paths.

    Pages link to the same few hundred listing pages hundreds of thousands of times at
    national scale; ``relpath`` asks the operating system for the current folder each time.
    """
    parts, base = target.split("/"), folder.split("/") if folder else []
    common = 0
    while common < min(len(parts) - 1, len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


HOME = PagePath(HOME_SOURCE)
# Hand-written pages (docs/) that generated pages and the web editor link to.
ABOUT = PagePath("gioi-thieu.md")
CONTRIBUTOR_GUIDE = PagePath("dong-gop.md")
CONTEST_GUIDE = PagePath("hoi-dong-thi.md")
LOGO = "assets/logo.svg"  # the site's logo and favicon (mkdocs.yml's theme.logo)


def _index(section: str) -> PagePath:
    return PagePath(f"{section}/index.md")


def _entry(section: str, key: object) -> PagePath:
    return PagePath(f"{section}/{key}.md")


def initiative(record_id: str) -> PagePath:
    return _entry(INITIATIVES, record_id)


def province_index() -> PagePath:
    return _index(PROVINCES)


def province(slug: str) -> PagePath:
    return _entry(PROVINCES, slug)


def domain_index() -> PagePath:
    return _index(DOMAINS)


def domain(domain_id: str) -> PagePath:
    return _entry(DOMAINS, domain_id)


def tag_index() -> PagePath:
    return _index(TAGS)


def tag(slug: str) -> PagePath:
    return _entry(TAGS, slug)


def year_index() -> PagePath:
    return _index(YEARS)


def year(value: int) -> PagePath:
    return _entry(YEARS, value)


def status_index() -> PagePath:
    return _index(STATUSES)


def status(value: str) -> PagePath:
    return _entry(STATUSES, value)


def contest_index() -> PagePath:
    return _index(CONTESTS)


def contest(contest_id: str) -> PagePath:
    return _entry(CONTESTS, contest_id)


def listing_page(first: PagePath, number: int) -> PagePath:
    """Page ``number`` of a long listing: ``nam/2023/trang-2/``; the first is ``first``."""
    if number == 1:
        return first
    return PagePath(f"{first.src.removesuffix('.md')}/{PAGE_PREFIX}{number}.md")


def initiative_file(record_id: str, name: str) -> str:
    """A file published beside an initiative's page (its images): ``sang-kien/<id>/<name>``."""
    return f"{INITIATIVES}/{record_id}/{name}"


def data_file(name: str) -> str:
    """An open-data file: ``du-lieu/<name>``."""
    return f"{DATA}/{name}"


def contest_data(contest_id: str) -> str:
    """A published contest result: ``du-lieu/cuoc-thi/<id>.json``."""
    return data_file(f"{CONTESTS}/{contest_id}.json")


def admin_page() -> PagePath:
    """The web editor's page when the build has no editor: how to contribute instead."""
    return _index(ADMIN)


def admin_file(name: str) -> str:
    """A file of the web editor: ``gui-sang-kien/<name>`` (its page, config, bundle)."""
    return f"{ADMIN}/{name}"


def search_page() -> PagePath:
    return _index(SEARCH)


def finder_page() -> PagePath:
    return _index(FINDER)


def finder_index() -> str:
    """The filter page's vocabularies and list of chunks: ``du-lieu/tra-cuu/index.json``."""
    return data_file(f"{FINDER}/index.json")


def finder_chunk(number: int) -> str:
    return data_file(f"{FINDER}/{number}.json")


def feed() -> str:
    """The Atom feed of the newest initiatives: ``du-lieu/moi-nhat.xml``."""
    return data_file("moi-nhat.xml")


def province_feed(slug: str) -> str:
    """A province's Atom feed: ``du-lieu/tinh/<slug>.xml``."""
    return data_file(f"{PROVINCES}/{slug}.xml")


def schema_file(name: str) -> str:
    """A published JSON Schema: ``schema/<name>``."""
    return f"{SCHEMA}/{name}"


def relative(target: str, page: PagePath) -> str:
    """A link from ``page``'s URL to a site file, as the built HTML must write it."""
    return posixpath.relpath(target or ".", page.url or ".")  # "" is the home page
