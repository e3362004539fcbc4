"""What a record's Markdown body may put on a public page, and the two places it is enforced.

One allowlist, two uses:

* ``scan_body`` reads the body *source* at ``sangkien check`` time and points at each
  construct the page would not show (a tag, an attribute, a link), with its line and
  column, so the officer learns about it in the pull request;
* ``sanitize_html`` cleans the body's rendered HTML with nh3 (Ammonia) when the page is
  generated, so the page is safe even where the friendly check misses something.

Links may only go to ``http``/``https``/``mailto`` addresses or to an anchor on the same
page (footnotes); images only to files of the repository (relative paths), so a page
never makes the visitor's browser contact another host.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from ..messages import Phrase, phrase
from .shape import unclosed_html

# Tags Python-Markdown produces for the body's Markdown (tables, admonitions, footnotes),
# and the few inline tags officers use by hand.
BODY_TAGS = frozenset(
    {
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "div"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
        *("a", "img", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark"),
        *("sub", "sup", "small", "abbr", "code", "kbd", "samp", "var", "q", "cite", "span"),
    }
)
BODY_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "abbr": {"title"},
}
ADMONITIONS = frozenset(
    {
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    }
)
BODY_CLASSES: dict[str, set[str]] = {
    "div": {"admonition", "footnote", *ADMONITIONS},
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
}
# Removed with everything inside them: their content is code or a document of its own.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "object", "embed", "applet", "frame", "frameset"}
    | {"noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "svg", "math"}
    | {"title", "head", "meta", "link", "base"}
)
# Tags that run code, load content or take input: refused by the check, not merely dropped.
ACTIVE_TAGS = DROPPED_WITH_CONTENT | {
    "form", "input", "button", "option", "video", "audio", "source", "track", "picture",
    "portal", "isindex", "keygen", "marquee", "canvas", "dialog",
}  # fmt: skip
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "poster", "background", "cite"}
    | {"xlink:href", "srcset", "srcdoc", "ping", "longdesc", "lowsrc", "dynsrc", "manifest"}
)
LINK_RELS = frozenset({"noopener", "noreferrer", "external", "nofollow"})
_FOOTNOTE_ID = re.compile(r"fn(ref)?:[\w-]+(:\d+)?")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside a URL's scheme


def _plain_url(url: str) -> str:
    return _INVISIBLE.sub("", html.unescape(url))


def link_allowed(url: str) -> bool:
    """A link the page may keep: http(s) to a host, ``mailto:``, or an in-page ``#anchor``."""
    plain = _plain_url(url)
    if plain.startswith("#"):
        return True
    try:
        parts = urlsplit(plain)
    except ValueError:
        return False
    if parts.scheme.lower() == "mailto":
        return bool(parts.path)
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.hostname)


def image_allowed(src: str) -> bool:
    """An image the page may show: a file beside the record, never another host's."""
    plain = _plain_url(src)
    try:
        parts = urlsplit(plain)
    except ValueError:
        return False
    return bool(plain) and not (parts.scheme or parts.netloc or plain.startswith(("/", "\\")))


def _keep_attribute(name: str, value: str, image_url: Callable[[str], str | None]) -> str | None:
    if name == "href":
        return value if link_allowed(value) else None
    if name == "src":
        return image_url(value) if image_allowed(value) else None
    if name == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    if name == "rel":
        kept = [token for token in value.split() if token in LINK_RELS]
        return " ".join(kept) or None
    return value


def sanitize_html(fragment: str, image_url: Callable[[str], str | None] = lambda src: None) -> str:
    """The rendered body with only the allowlisted tags, attributes, classes and URLs.

    ``image_url`` maps an image's relative path to the address of its published copy
    (``None`` drops the ``src``: the image is not published).
    """
    return nh3.clean(
        fragment,
        tags=set(BODY_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in BODY_ATTRIBUTES.items()},
        attribute_filter=lambda tag, name, value: _keep_attribute(name, value, image_url),
        allowed_classes={tag: set(names) for tag, names in BODY_CLASSES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True)
class Finding:
    """One construct of the body source that the page would not show as written."""

    offset: int  # in the body text
    what: Phrase  # the construct, as the finding names it


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# ``[text](destination`` and ``![alt](destination``; a destination may hold balanced ().
# The text stops at the next bracket, and a destination in <> at the next <, so that each
# candidate is read once: "[[[[" or "](<(<(<" cost one pass, not one pass per bracket.
_INLINE_LINK = re.compile(r"(!?)\[[^\[\]\n]*\]\(\s*(<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)")
# ``[name]: destination``; the destination may start on the next line. The spaces before
# and after that line break are two repeats that must not both match the same run.
# ``[^name]: text`` is a footnote, not a link: its text is read like the rest of the body.
_REFERENCE = re.compile(
    r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)", re.MULTILINE
)
_ACTIVE_TAG = re.compile(
    r"<\s*(" + "|".join(sorted(ACTIVE_TAGS, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE
)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")


def _mask_code(body: str) -> str:
    """The body with code blanked out (same length), since code is shown, never run."""
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            lines[index] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = " " * len(line)
    masked = "\n".join(lines)
    return _blank(masked, _code_spans(masked))


def _code_spans(text: str) -> list[tuple[int, int]]:
    r"""The code spans of ``text``: a run of backticks up to the next run of the same length.

    A run with no such later run may still open a span with its last backticks
    (``"```a``"`` holds the span ``"``a``"``). Found run by run with a queue of the runs of
    each length, in linear time: the regular expression this replaces,
    ``(`+)(?!`).*?(?<!`)\1(?!`)``, read to the end of the body for every run that has no
    closing run (a body of runs of 1 to 1,000 backticks took minutes).
    """
    runs = [match.span() for match in _BACKTICKS.finditer(text)]
    later: dict[int, deque[int]] = defaultdict(deque)  # run length → indexes of such runs
    for index, (start, end) in enumerate(runs):
        later[end - start].append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        closer = None
        for length in range(end - start, 0, -1):  # the whole run first, then shorter tails
            queue = later[length]
            while queue and queue[0] <= index:
                queue.popleft()
            if queue:
                closer = queue[0]
                break
        if closer is None:
            index += 1
            continue
        spans.append((end - length, runs[closer][1]))
        index = closer + 1
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (line breaks kept), same length."""
    chars = list(text)
    for start, end in spans:
        for at in range(start, end):
            if chars[at] != "\n":
                chars[at] = " "
    return "".join(chars)


def _markdown_links(text: str) -> tuple[list[tuple[int, str, bool]], str]:
    """``(offset, destination, is_image)`` of every Markdown link, and ``text`` with the
    destinations blanked, so that what is left to read as HTML is only HTML."""
    links: list[tuple[int, str, bool]] = []
    for pattern, group in ((_REFERENCE, 1), (_AUTOLINK, 1), (_INLINE_LINK, 2)):
        matches = list(pattern.finditer(text))
        for match in matches:
            image = pattern is _INLINE_LINK and bool(match.group(1))
            links.append((match.start(group), match.group(group).strip("<>"), image))
        text = _blank(text, [match.span(group) for match in matches])
    return links, text


@dataclass(frozen=True)
class BodyScan:
    """What the body source shows, read once: findings, and images from the repository."""

    findings: list[Finding]
    images: list[tuple[int, str]]  # (offset, src), to check that each file is there


def scan_body(body: str) -> BodyScan:
    """Each tag, attribute or link the page would drop or refuse, and the images it keeps."""
    links, text = _markdown_links(_mask_code(body))
    findings = [
        _bad_link(offset, target, image=image)
        for offset, target, image in links
        if target and not (image_allowed if image else link_allowed)(target)
    ]
    images = [
        (offset, target) for offset, target, image in links if image and image_allowed(target)
    ]
    # A construct html.parser cannot close makes it read to the end of the text, once per
    # construct: hide each from it (the check refuses them, see shape.py).
    parsed_text = _blank(text, [(at, at + 1) for at, _ in unclosed_html(text)])
    scanner = _TagScanner(parsed_text)
    scanner.feed(parsed_text)
    scanner.close()
    findings += scanner.findings
    images += scanner.images
    # A browser and Python's parser can disagree on malformed markup ("<!--><script>"):
    # an active tag is reported wherever it appears, parsed or not.
    parsed = {finding.offset for finding in scanner.findings}
    for match in _ACTIVE_TAG.finditer(text):
        if match.start() not in parsed:
            tag = match.group(1).lower()
            findings.append(Finding(match.start(), phrase("html-tag", tag=tag)))
    return BodyScan(findings, images)


def _bad_link(offset: int, url: str, image: bool) -> Finding:
    shown = _plain_url(url)[:60]
    if image:
        return Finding(offset, phrase("image-from", url=shown))
    return Finding(offset, phrase("link-to", url=shown))


class OffsetParser(HTMLParser):
    """An HTML parser that tells where in its text the current tag starts, as an offset."""

    def __init__(self, text: str, *, convert_charrefs: bool) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def parse_html_declaration(self, i: int) -> int:
        """``<!`` that Python cannot name (``<![x]>``, ``<![ a``) is, to a browser, a bogus
        comment up to the next ``>``; Python before 3.13 raises ``AssertionError`` instead."""
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i)
            if end < 0:
                return -1  # not closed: read as text, the way the parser ends any such tail
            self.handle_decl(self.rawdata[i + 2 : end])
            return end + 1


class _TagScanner(OffsetParser):
    """Finds raw HTML in the body the way a browser reads it (tags may span lines)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, convert_charrefs=True)
        self.findings: list[Finding] = []
        self.images: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        offset = self._offset()
        if tag not in BODY_TAGS:
            self.findings.append(Finding(offset, phrase("html-tag", tag=tag)))
            return
        allowed = BODY_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed | {"class"}:  # on*=, style=, srcdoc=… are never allowed
                self.findings.append(Finding(offset, phrase("html-attribute", name=name, tag=tag)))
            elif name in URL_ATTRIBUTES and value is not None:
                allowed_url = image_allowed if name == "src" else link_allowed
                if not allowed_url(value):
                    self.findings.append(_bad_link(offset, value, image=name == "src"))
                elif name == "src":
                    self.images.append((offset, value))

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        """Read on after <script>/<style> as markup: report what follows them too."""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_decl(self, decl: str) -> None:
        what = phrase("html-declaration", declaration=decl[:20])
        self.findings.append(Finding(self._offset(), what))

    def handle_pi(self, data: str) -> None:
        self.findings.append(Finding(self._offset(), phrase("html-instruction")))

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)
