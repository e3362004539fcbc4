"""One home for the addresses of the generated site.

Like MkDocs' ``File``, a generated page has a source path under ``docs/``
(``sang-kien/x.md``) and a URL relative to the site root (``sang-kien/x/``, the site
uses directory URLs). Every producer (``render``, ``export``) and every page template asks
this module for both; nothing else spells a section's folder. ``mkdocs.yml``'s
``not_in_nav`` and ``.gitignore`` list the same folders, and a test keeps them in step.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

INITIATIVES = "sang-kien"
PROVINCES = "tinh"
DOMAINS = "linh-vuc"
TAGS = "the"
YEARS = "nam"
STATUSES = "trang-thai"
CONTESTS = "cuoc-thi"
DATA = "du-lieu"
# Folders whose whole content is generated, and the one generated page outside them.
SECTIONS = (INITIATIVES, PROVINCES, DOMAINS, TAGS, YEARS, STATUSES, CONTESTS, DATA)
HOME_SOURCE = "index.md"
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
        return posixpath.relpath(self.src, posixpath.dirname(other.src) or ".")


HOME = PagePath(HOME_SOURCE)


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


def initiative_file(record_id: str, name: str) -> str:
    """A file published beside an initiative's page (its images): ``sang-kien/<id>/<name>``."""
    return f"{INITIATIVES}/{record_id}/{name}"


def data_file(name: str) -> str:
    """An open-data file: ``du-lieu/<name>``."""
    return f"{DATA}/{name}"


def contest_data(contest_id: str) -> str:
    """A published contest result: ``du-lieu/cuoc-thi/<id>.json``."""
    return data_file(f"{CONTESTS}/{contest_id}.json")


def relative(target: str, page: PagePath) -> str:
    """A link from ``page``'s URL to a site file, as the built HTML must write it."""
    return posixpath.relpath(target, page.url or ".")
