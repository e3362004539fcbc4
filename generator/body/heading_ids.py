"""Heading ids never take an element id of the theme: ``## __config`` must not stop the page.

Material finds its own elements by id (``__config``, ``__drawer``, ``__search``,
``__palette_0``, ``__nav_3``, ``__toc``…: all start with ``__``), and so do the project's
templates and scripts (``sk-search-box``, ``sk-finder-text``, the charts' ``sk-ban-do``…:
all start with ``sk-``). A heading whose anchor came out as one of them would make the
theme's script read the heading instead (a body heading ``## __config`` stopped every
script of its page). Such a heading's id gets ``h-`` in front: ``h-__config``.

The anchors are made by the ``toc`` extension; this wraps its slug function, so the id
is toc's own, kept unique by toc, and the permalink and the table of contents follow.
Explicit heading ids (``attr_list``'s ``{#id}``, hand-written pages only) are moved the
same way. Registered by ``mdext``, so every engine that reads ``markdown_extensions``
applies it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

THEME_ID_PREFIXES = ("__", "sk-")  # Material's element ids; the project's own
HEADING_PREFIX = "h-"
_HEADING = re.compile(r"h[1-6]")
Slugify = Callable[[str, str], str]


def is_theme_id(value: str) -> bool:
    """An id the theme's elements may use, which no heading may take."""
    return value.startswith(THEME_ID_PREFIXES)


def heading_id(value: str) -> str:
    """``value`` as a heading's id: moved aside (``h-…``) when it is a theme's id."""
    return HEADING_PREFIX + value if is_theme_id(value) else value


class _HeadingSlugify:
    """toc's slug function, with theme ids moved aside."""

    def __init__(self, slugify: Slugify) -> None:
        self.slugify = slugify

    def __call__(self, value: str, separator: str) -> str:
        return heading_id(self.slugify(value, separator))


class HeadingIds(Treeprocessor):
    """Runs just before ``toc`` (after ``attr_list``): guards the ids toc is about to make,
    and moves explicit heading ids that are a theme's."""

    def run(self, root: etree.Element) -> None:
        if "toc" in self.md.treeprocessors:
            toc = self.md.treeprocessors["toc"]
            slugify = getattr(toc, "slugify", None)
            if slugify is not None and not isinstance(slugify, _HeadingSlugify):
                toc.slugify = _HeadingSlugify(slugify)  # type: ignore[attr-defined]
        for element in root.iter():
            value = element.get("id")
            if value and isinstance(element.tag, str) and _HEADING.fullmatch(element.tag):
                element.set("id", heading_id(value))


def register(md: Markdown) -> None:
    """Before ``toc`` (5), after ``attr_list`` (8)."""
    md.treeprocessors.register(HeadingIds(md), "sangkien_heading_ids", 6)
