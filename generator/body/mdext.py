"""The project's Python-Markdown extension, named in ``mkdocs.yml``.

External links get ``rel="noopener"`` (and ``external``), so a page opened from the
showcase can never reach back into it; heading ids never take a theme element's id
(``heading_ids``). Being a Markdown extension rather than an MkDocs hook, it works with
every engine that reads ``markdown_extensions``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from . import heading_ids

EXTERNAL_PREFIXES = ("http://", "https://", "//")


class ExternalLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(EXTERNAL_PREFIXES):
                rel = set((link.get("rel") or "").split()) | {"noopener", "external"}
                link.set("rel", " ".join(sorted(rel)))


class ExternalLinksExtension(Extension):
    """External links only: what record bodies need (``html.py``), which have no anchors."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ExternalLinks(md), "sangkien_external_links", 5)


class SiteExtension(ExternalLinksExtension):
    """The site's pages: external links, and heading ids clear of the theme's."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        heading_ids.register(md)


def makeExtension(**kwargs: Any) -> SiteExtension:
    return SiteExtension(**kwargs)
