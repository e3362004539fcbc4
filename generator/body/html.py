"""A record's Markdown body as it goes into its page: rendered, sanitised, then re-emitted.

The body is converted to HTML here, with the Markdown features a body may use, and
cleaned by ``safety.sanitize_html``; the page receives that HTML as raw blocks, which
every engine reading ``mkdocs.yml`` (MkDocs, Zensical) passes through untouched. So
the page is safe by construction, whatever the engine's own Markdown settings allow.

Top-level headings are re-emitted as Markdown headings (text only), so the engine
still gives them anchors and lists them in the page's table of contents.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache

from markdown import Markdown

from ..text import md_escape
from .mdext import ExternalLinksExtension
from .safety import OffsetParser, sanitize_html

ImageUrl = Callable[[str], "str | None"]
BODY_EXTENSIONS = ["tables", "admonition", "footnotes", "sane_lists"]
BODY_CLASS = "sk-body"
_HEADINGS = {f"h{level}" for level in range(1, 7)}
_VOID = {"br", "hr", "img", "wbr"}
_TAGS = re.compile(r"<[^>]*>")


@cache
def _markdown() -> Markdown:
    """One converter for every body: building one costs as much as converting a body.

    Bodies are rendered one after another (``reset`` clears footnotes between them).
    """
    return Markdown(
        extensions=[*BODY_EXTENSIONS, ExternalLinksExtension()],
        extension_configs={
            "tables": {"use_align_attribute": True},
            "footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d"},
        },
        output_format="html",
    )


def body_html(text: str, image_url: ImageUrl = lambda src: None) -> str:
    """The body as sanitised HTML (tables with ``align``, admonitions, footnotes)."""
    return sanitize_html(_markdown().reset().convert(text), image_url)


def render_body(text: str, image_url: ImageUrl = lambda src: None) -> str:
    """The body for the page: raw HTML blocks, with top-level headings as Markdown."""
    safe = body_html(text, image_url)
    blocks: list[str] = []
    position = 0
    for start, end, level in _top_level_headings(safe):
        blocks.append(_raw_block(safe[position:start]))
        title = html.unescape(_TAGS.sub("", safe[start:end]))
        blocks.append("#" * level + " " + md_escape(title))
        position = end
    blocks.append(_raw_block(safe[position:]))
    return "\n\n".join(block for block in blocks if block)


def _raw_block(fragment: str) -> str:
    fragment = fragment.strip()
    return f'<div class="{BODY_CLASS}">\n{fragment}\n</div>' if fragment else ""


def _top_level_headings(fragment: str) -> list[tuple[int, int, int]]:
    finder = _HeadingFinder(fragment)
    finder.feed(fragment)
    finder.close()
    return finder.found


class _HeadingFinder(OffsetParser):
    """Offsets of the headings that are not nested in another element."""

    def __init__(self, text: str) -> None:
        super().__init__(text, convert_charrefs=False)
        self.depth = 0
        self.open: tuple[int, int] | None = None  # (start offset, level)
        self.found: list[tuple[int, int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth == 0 and tag in _HEADINGS:
            self.open = (self._offset(), int(tag[1]))
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0 and self.open is not None:
            start, level = self.open
            self.found.append((start, self._offset() + len(f"</{tag}>"), level))
            self.open = None
