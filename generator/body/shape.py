r"""The size and shape of a record's body: what keeps the parsers that read it linear.

Three parsers we do not control read the body: ``html.parser`` (the check's own scan in
``safety.py``), Python-Markdown (the page, ``html.py``) and, through the page, MkDocs.
Each takes quadratic time or worse on shapes no officer writes, and one record could
stop every build: 40,000 ``[`` make Python-Markdown read to the end of the paragraph once
per bracket, six times over; 300,000 ``<a `` make ``html.parser`` read to the end of the
body once per tag; list markers nested on one line exhaust its recursion. This module
reads the body once and reports, each at its line and column, what the parsers could not
read in linear time. ``sangkien check`` refuses those bodies, and the build checks first,
so no parser ever receives one. The rules, and what each prevents:

- size: at most ``MAX_CHARS`` characters and ``MAX_LINES`` lines of at most ``MAX_LINE``
  characters, and at most ``MAX_BLOCK`` lines without a blank line between them
  (Python-Markdown reads the rest of a block again for each heading or rule in it, so
  the cost of a block grows with its lines times its length);
- nesting: at most ``MAX_NESTING`` levels of lists, quotes and indentation on one line;
- links: a ``[`` is closed by ``]`` on its line and in its table cell, at most
  ``MAX_BRACKETS`` deep (Python-Markdown reads from each ``[`` to its ``]``, or to the end
  of the paragraph when there is none); a link's address ``(...)`` is closed on its line,
  holds no other link's address, and a quote in it belongs to the title
  (``[a](url "title")``: an apostrophe in an address makes the parser read to the end of
  the paragraph); no backtick in a link, since a code span hides brackets from the
  parser but not from this count;
- footnotes: at most ``MAX_FOOTNOTE_MARKS`` marks ``[^`` (references and definitions):
  Python-Markdown numbers each further reference to one footnote by trying ``2``, ``3``,
  ``4``… in turn, so 7,000 references to one footnote took 30 s to render;
- HTML: a tag ``<x ...>`` ends with ``>`` and each quoted attribute value ends before
  that ``>``; ``</x>``, ``<!x>``, ``<![x]]>`` and ``<?x?>`` have their end, and a comment
  ``<!--`` its ``-->`` (``html.parser`` reads from a construct it cannot close to the end
  of the body, then tries again one character later).

A literal bracket or angle bracket is always possible: ``\[``, ``&lt;``. Measured with
``bench/adversarial.py``: every shape it knows grows linearly once these hold.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_CHARS = 30_000  # the longest bundled body has 1,554; a whole source article, 9,689
MAX_LINES = 1_000  # the longest bundled body has 13 lines; a source article pasted, 74
MAX_LINE = 3_000  # the longest line of a bundled body or a source article: 1,222
MAX_BLOCK = 200  # lines of one paragraph, list or table; a source article's longest: 16
MAX_NESTING = 8  # levels of lists, quotes and indentation one line may open
MAX_BRACKETS = 3  # "[![a](b.png)](c)" is 2 deep
# Every "[^", escaped or in code too: "\\[^1]" is a reference, and a count of the marks
# cannot be misled by how a label is spelt. A source article's longest list of notes: 12.
MAX_FOOTNOTE_MARKS = 100
FOOTNOTE_MARK = "[^"

# Python-Markdown's backslash escapes: "\[" is no bracket to it, "\\[" is one.
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!")
_LINK_CHARS = re.compile(r"[\\\[\]()|]")
_TITLE_LINK_CHARS = re.compile(r"[\\\[\]()|\"]")  # on an admonition's line
_CONTAINER = re.compile(r" {0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?")
_CANDIDATE = re.compile(r"<[A-Za-z/!?]")
_VALUE_QUOTE = re.compile(r"=\s*([\"'])")
_COMMENT_END = re.compile(r"--(?:\s*|!)>")
_GT = re.compile(">")
_PI_END = re.compile(r"\?>")
_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_SECTION_END = re.compile(r"\]\s*\]\s*>")
_MS_SECTION_END = re.compile(r"\]\s*>")
_QUOTES = "\"'"


@dataclass(frozen=True)
class ShapeFinding:
    """One place of the body that a parser could not read in linear time."""

    offset: int
    code: str
    params: dict[str, object] = field(default_factory=dict)


def body_shape(body: str) -> list[ShapeFinding]:
    """Every rule the body breaks, in the order of the text.

    A body over ``MAX_CHARS`` is only told so: it must be cut anyway, and what it holds
    is read once it fits.
    """
    if len(body) > MAX_CHARS:
        return [ShapeFinding(MAX_CHARS, "body-too-long", {"length": len(body), "limit": MAX_CHARS})]
    found: list[ShapeFinding] = []
    lines = body.split("\n")
    count = len(lines) - (lines[-1] == "")  # a final line break opens no new line
    if count > MAX_LINES:
        at = sum(len(line) + 1 for line in lines[:MAX_LINES])
        found.append(ShapeFinding(at, "body-too-many-lines", {"count": count, "limit": MAX_LINES}))
    start, block = 0, 0
    for line in lines:
        if len(line) > MAX_LINE:
            params: dict[str, object] = {"length": len(line), "limit": MAX_LINE}
            found.append(ShapeFinding(start + MAX_LINE, "line-too-long", params))
        block = block + 1 if line.strip() else 0
        if block == MAX_BLOCK + 1:
            found.append(ShapeFinding(start, "block-too-long", {"limit": MAX_BLOCK}))
        found += _nesting(line, start)
        found += _links(line, start)
        start += len(line) + 1
    found += _footnote_marks(body)
    found += (
        ShapeFinding(at, "html-unclosed", {"start": what}) for at, what in unclosed_html(body)
    )
    return sorted(found, key=lambda finding: finding.offset)


def _nesting(line: str, start: int) -> Iterator[ShapeFinding]:
    """Lists, quotes and indented blocks a line opens: each is parsed again inside the last."""
    if not line.strip():
        return  # a blank line, whatever its spaces
    depth, at = 0, 0
    while depth <= MAX_NESTING:
        if line.startswith("    ", at) or line.startswith("\t", at):
            at += 1 if line[at] == "\t" else 4
        else:
            marker = _CONTAINER.match(line, at)
            if marker is None:
                return
            at = marker.end()
        depth += 1
    yield ShapeFinding(start + at, "nesting-too-deep", {"limit": MAX_NESTING})


def _footnote_marks(body: str) -> list[ShapeFinding]:
    """The footnote mark ``[^`` that is one too many, told once with how many there are."""
    count = body.count(FOOTNOTE_MARK)
    if count <= MAX_FOOTNOTE_MARKS:
        return []
    at = -1
    for _ in range(MAX_FOOTNOTE_MARKS + 1):
        at = body.find(FOOTNOTE_MARK, at + 1)
    params: dict[str, object] = {"count": count, "limit": MAX_FOOTNOTE_MARKS}
    return [ShapeFinding(at, "footnotes-too-many", params)]


class _Segment:
    """The brackets and parentheses of one line (or table cell) read so far."""

    def __init__(self, line: str, start: int, findings: list[ShapeFinding]) -> None:
        self.line = line
        self.start = start
        self.findings = findings
        self.brackets: list[int] = []  # open "[" not yet closed
        self.parens: list[int] = []  # open "(" not yet closed
        self.addresses: set[int] = set()  # the "(" among them that open a link's address
        self.backticks = [m.start() for m in re.finditer("`", line)]
        self.quotes = {q: [m.start() for m in re.finditer(q, line)] for q in _QUOTES}

    def add(self, at: int, code: str, **params: object) -> None:
        self.findings.append(ShapeFinding(self.start + at, code, params))

    def count(self, positions: list[int], low: int, high: int) -> int:
        """How many of ``positions`` lie strictly between ``low`` and ``high``."""
        return bisect_left(positions, high) - bisect_right(positions, low)

    def open_bracket(self, at: int) -> None:
        self.brackets.append(at)
        if len(self.brackets) == MAX_BRACKETS + 1:
            self.add(at, "brackets-too-deep", limit=MAX_BRACKETS)

    def close_bracket(self, at: int) -> None:
        if not self.brackets:
            return  # a "]" that closes nothing costs the parser nothing
        opened = self.brackets.pop()
        if self.count(self.backticks, opened, at):
            self.add(opened, "link-code")
        if self.line.startswith("(", at + 1):
            if self.addresses:
                self.add(at + 1, "link-in-address")
            self.addresses.add(at + 1)

    def close_paren(self, at: int) -> None:
        if not self.parens:
            return
        opened = self.parens.pop()
        if opened not in self.addresses:
            return
        self.addresses.discard(opened)
        if self.count(self.backticks, opened, at):
            self.add(opened, "link-code")
        if any(self.count(self.quotes[q], opened, at) for q in _QUOTES) and not self._titled(
            opened, at
        ):
            self.add(opened, "link-quote")

    def _titled(self, opened: int, closed: int) -> bool:
        """Whether the address ends with a quoted title, as Python-Markdown reads one: the
        last character before ")" (spaces aside) is a quote that occurs twice in it."""
        last = closed - 1
        while last > opened and self.line[last] == " ":
            last -= 1
        quote = self.line[last]
        return quote in _QUOTES and self.count(self.quotes[quote], opened, closed) >= 2

    def end(self) -> None:
        """The end of the line or cell: what is still open is never closed."""
        for at in self.brackets:
            self.add(at, "bracket-unclosed")
        for at in self.parens:
            if at in self.addresses:
                self.add(at, "link-unclosed")
        self.brackets, self.parens, self.addresses = [], [], set()


def _links(line: str, start: int) -> list[ShapeFinding]:
    """Brackets and link addresses of one line, read the way Python-Markdown's link patterns
    scan them: each of its scans must end on the line, so it costs what it reads."""
    findings: list[ShapeFinding] = []
    if "[" not in line:
        return findings
    segment = _Segment(line, start, findings)
    titled = line.lstrip().startswith("!!!")  # an admonition's title is read on its own
    skip = -1
    for match in (_TITLE_LINK_CHARS if titled else _LINK_CHARS).finditer(line):
        at, char = match.start(), match[0]
        if at <= skip:
            continue
        if char == "\\":
            if at + 1 < len(line) and line[at + 1] in _ESCAPABLE:
                skip = at + 1
        elif char == "[":
            segment.open_bracket(at)
        elif char == "]":
            segment.close_bracket(at)
        elif char == "(":
            segment.parens.append(at)
        elif char == ")":
            segment.close_paren(at)
        else:  # "|" between table cells, '"' around an admonition's title
            segment.end()
    segment.end()
    return findings


class _Search:
    """A pattern's first match, remembering the last answer: a run of constructs before one
    ``>`` is then searched once for their common end, not once each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[re.Pattern[str], tuple[int, int]] = {}  # pattern → (from, found end)

    def end(self, pattern: re.Pattern[str], at: int) -> int:
        """Where the first match at or after ``at`` ends, -1 if there is none."""
        searched, found = self.memo.get(pattern, (len(self.text) + 1, -1))
        if searched <= at and (found < 0 or found > at):
            return found
        match = pattern.search(self.text, at)
        found = -1 if match is None else match.end()
        self.memo[pattern] = (at, found)
        return found


def unclosed_html(text: str) -> list[tuple[int, str]]:
    """``(offset, what)`` of each ``<`` that opens an HTML construct the parsers would read
    to the end of the body to close: a tag without its ``>``, or with a quoted attribute
    value not closed before it; an end tag, a declaration or an instruction without its
    end; a comment without ``-->``."""
    found: list[tuple[int, str]] = []
    search = _Search(text)
    no_comment_end = len(text) + 1  # comments opening from here on have no end
    bad_quote: tuple[int, int] = (-1, -1)  # (a ">", the last unclosed value before it)
    at = 0
    while (match := _CANDIDATE.search(text, at)) is not None:
        p = match.start()
        end = -1
        if text.startswith("<!--", p):
            if p < no_comment_end:
                close = _COMMENT_END.search(text, p + 4)
                if close is None:
                    no_comment_end = p
                elif close[0] == "-->":  # both parsers close it there
                    end = close.end()
        elif text[p + 1] in "!?":
            end = search.end(_declaration_end(text, p), p)
        else:
            end = search.end(_GT, p)
            if end >= 0 and text[p + 1] != "/":
                if bad_quote[0] != end:
                    bad_quote = (end, _last_unclosed_value(text, p, end))
                if p < bad_quote[1]:
                    end = -1
        if end < 0:
            found.append((p, text[p : p + 12].split("\n")[0]))
            at = p + 1
        else:
            at = end
    return found


def _declaration_end(text: str, at: int) -> re.Pattern[str]:
    """What ends ``<!...`` or ``<?...`` for both parsers: Python-Markdown ends an
    instruction only at ``?>``, html.parser a marked section ``<![cdata[`` only at ``]]>``."""
    if text.startswith("<?", at):
        return _PI_END
    if text.startswith("<![", at):
        name = _NAME.match(text, at + 3)
        kind = name[0].lower() if name else ""
        if kind in ("temp", "cdata", "ignore", "include", "rcdata"):
            return _SECTION_END
        if kind in ("if", "else", "endif"):
            return _MS_SECTION_END
    return _GT


def _last_unclosed_value(text: str, start: int, gt: int) -> int:
    """Where the last attribute value between ``start`` and ``gt`` opens a quote it does
    not close before ``gt`` (-1 when every one is closed): a tag that holds it would read
    on past the ``>``, possibly to the end of the body."""
    last = -1
    for value in _VALUE_QUOTE.finditer(text, start, gt):
        if text.find(value[1], value.end(), gt) < 0:
            last = value.start()
    return last
