"""Find characters that do not belong in a record: control characters and their kin.

PyYAML refuses control characters outright (and used to crash the checker with a
traceback), and both it and libyaml read NEL, U+2028 and U+2029 as line breaks, so a
value silently splits and every later position shifts. In the body such characters
would reach the published page. What is reported in the text of a file:

- error: C0 controls other than TAB, LF and CR; DEL; the C1 controls U+0080–U+009F
  (NEL included); the 66 noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every
  plane; YAML refuses some, none is text);
- U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: an error in the front matter,
  where YAML reads them as line breaks; a warning in the body, where Markdown does not
  and browsers disagree;
- bidirectional controls, an error anywhere: the embeddings, overrides and isolates
  U+202A–U+202E and U+2066–U+2069, and the marks LRM, RLM and ALM (U+200E, U+200F,
  U+061C). They change the order in which text is displayed: a title written backwards
  between U+202E marks looks like another record's, and marks alone can swap two
  figures of a sentence, so a page (or a pull request's diff) would show other text
  than the file holds. Vietnamese never needs them; a right-to-left quotation displays
  in the right order without them;
- zero-width characters U+200B–U+200D and U+2060, an error in the front matter, where
  values are names that are compared, searched, sorted and exported: two titles that
  look the same would differ. The body may hold them: ZWJ and ZWNJ shape other scripts
  and emoji, the zero-width space marks where a long word may break, and none of them
  reorders or replaces visible text;
- U+FEFF after the start of the file (a byte-order mark left by joining files): an
  error in the front matter (a zero-width character), a warning in the body.

Allowed: TAB in the body (the front matter has its own ``tab`` check), LF and CR line
ends, and all other text: combining marks, NFD text, soft hyphens, private use.

These are the characters written as they are. Those a double-quoted YAML value writes
as escapes (``"\x1b"``, ``"\u202e"``) are found in the decoded values (``decoded_strays``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .issues import Issue, Severity, make_issue

MAX_REPORTED = 10  # per file; a file full of them is in the wrong encoding, not mistyped
PLACEHOLDER = "\ufffd"  # what YAML reads instead: printable, one column wide, visible
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"  # those of the other planes: ``_ASTRAL``
# One range holds the noncharacters of planes 1–16 (U+1FFFE … U+10FFFF) and whatever lies
# between them, filtered by ``_wanted``: listing the 32 code points in a character class
# makes every scan ten times slower.
_ASTRAL = "\U0001fffe-\U0010ffff"
_SEPARATORS = "\u2028\u2029"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
_STRAY = re.compile(
    f"[{_CONTROLS}{_NONCHARACTERS}{_ASTRAL}{_SEPARATORS}{BIDI_CONTROLS}{ZERO_WIDTH}]"
)
_UNREADABLE = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_ASTRAL}{_SEPARATORS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# In a decoded value: what no value may hold however it was written. TAB and LF may be
# white space in a paragraph or a comment (one-line fields refuse them: ``schema``); CR
# cannot be written but as an escape (line ends are normalised), and is no text.
_NEVER_DECODED = re.compile(f"[\r{_CONTROLS}{_NONCHARACTERS}{_ASTRAL}{_SEPARATORS}\ud800-\udfff]")
_ESCAPABLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")
# A quick first look for ``decoded_strays``, as a bound method: almost no value holds any.
may_hold_strays = re.compile(f"{_NEVER_DECODED.pattern}|{_ESCAPABLE.pattern}").search


def is_noncharacter(char: str) -> bool:
    """U+FDD0–U+FDEF, and the last two code points of every plane (U+FFFE, U+10FFFF…)."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _wanted(char: str) -> bool:
    """Whether a match of the patterns above is one of ours: every match but ``_ASTRAL``'s
    letters (CJK, emoji, private use) between the noncharacters of planes 1–16."""
    return char <= "\uffff" or is_noncharacter(char)


@dataclass(frozen=True)
class Stray:
    """One character to report, at its 1-based line and column in the text searched."""

    line: int
    column: int
    char: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"


def find_strays(text: str) -> list[Stray]:
    """Every character of ``text`` that the rules above report, in order."""
    found: list[Stray] = []
    line, line_start, searched = 1, 0, 0
    for match in _STRAY.finditer(text):  # count lines as we go: a 1 MB file stays linear
        if not _wanted(match[0]):
            continue
        start = match.start()
        breaks = text.count("\n", searched, start)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", searched, start) + 1
        searched = start
        found.append(Stray(line, start - line_start + 1, match[0]))
    return found


def is_stray(char: str) -> bool:
    """Whether ``char`` is one of ours to name, for errors raised by the YAML reader."""
    return _STRAY.fullmatch(char) is not None and _wanted(char)


def for_yaml(text: str) -> str:
    """``text`` with every character YAML refuses or reads as a line break made harmless.

    Each becomes U+FFFD, so lines and columns stay where they were and the rest of the
    front matter is still read and checked: one run reports every problem.
    """
    return _UNREADABLE.sub(_placeholder, text)


def _placeholder(match: re.Match[str]) -> str:
    return PLACEHOLDER if _wanted(match[0]) else match[0]


def decoded_strays(text: str, raw: str | None = None) -> list[str]:
    """The characters of a decoded YAML string that no value may hold, each once, in order.

    ``raw`` is what the file says where a double-quoted value was written, for the
    characters the scan of the text already reports when written as they are (bidi
    controls, zero-width characters): they count here only when written as escapes.
    Without ``raw`` (a plain, single-quoted or block value, which has no escapes) those
    are left to that scan.
    """
    found = {char for char in _NEVER_DECODED.findall(text) if _wanted(char)}
    if raw is not None:  # more of them than the file shows: the others were escapes
        found |= {char for char in _ESCAPABLE.findall(text) if text.count(char) > raw.count(char)}
    return sorted(found, key=text.index)


def stray_issues(rel: str, strays: list[Stray], front_matter_end: int) -> list[Issue]:
    """Issues for ``strays``; lines up to ``front_matter_end`` are front matter."""
    strays = [s for s in strays if _kind(s.char, s.line <= front_matter_end) is not None]
    issues = [stray_issue(rel, s, s.line <= front_matter_end) for s in strays[:MAX_REPORTED]]
    rest = strays[MAX_REPORTED:]
    if rest:
        kinds = {_severity(s.char, s.line <= front_matter_end) for s in rest}
        severity = Severity.ERROR if Severity.ERROR in kinds else Severity.WARNING
        more = make_issue(
            "more-stray-characters",
            rel,
            rest[0].line,
            rest[0].column,
            "file",
            severity,
            count=len(rest),
        )
        issues.append(more)
    return issues


def stray_issue(rel: str, stray: Stray, in_front_matter: bool) -> Issue:
    """The finding for one character; what is fatal in YAML may be harmless in Markdown."""
    code, severity = _kind(stray.char, in_front_matter) or ("control-character", Severity.ERROR)
    field = "front-matter" if in_front_matter else "body"
    return make_issue(code, rel, stray.line, stray.column, field, severity, char=stray.code_point)


def _severity(char: str, in_front_matter: bool) -> Severity:
    kind = _kind(char, in_front_matter)
    return Severity.WARNING if kind is None else kind[1]


def _kind(char: str, in_front_matter: bool) -> tuple[str, Severity] | None:
    """The message code and severity for one character (``None``: allowed there)."""
    if char in _SEPARATORS:
        return "line-separator", Severity.ERROR if in_front_matter else Severity.WARNING
    if _BIDI.fullmatch(char):
        return "bidi-control", Severity.ERROR
    if char == "\ufeff" and not in_front_matter:
        return "stray-bom", Severity.WARNING
    if _ESCAPABLE.fullmatch(char):  # the other zero-width characters, and U+FEFF
        return ("zero-width", Severity.ERROR) if in_front_matter else None
    if is_noncharacter(char):
        return "noncharacter", Severity.ERROR
    return "control-character", Severity.ERROR
