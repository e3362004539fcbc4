"""A Python-Markdown extension, named in ``mkdocs.yml``, for links to other sites.

External links get ``rel="noopener"`` (and ``external``), so a page opened from the
showcase can never reach back into it. Being a Markdown extension rather than an
MkDocs hook, it works with every engine that reads ``markdown_extensions``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

EXTERNAL_PREFIXES = ("http://", "https://", "//")


class ExternalLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(EXTERNAL_PREFIXES):
                rel = set((link.get("rel") or "").split()) | {"noopener", "external"}
                link.set("rel", " ".join(sorted(rel)))


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ExternalLinks(md), "sangkien_external_links", 5)


def makeExtension(**kwargs: Any) -> ExternalLinksExtension:
    return ExternalLinksExtension(**kwargs)
