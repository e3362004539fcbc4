"""Find characters that do not belong in a record: control characters and their kin.

PyYAML refuses control characters outright (and used to crash the checker with a
traceback), and both it and libyaml read NEL, U+2028 and U+2029 as line breaks, so a
value silently splits and every later position shifts. In the body such characters
would reach the published page. What is reported, anywhere in the file:

- error: C0 controls other than TAB, LF and CR; DEL; the C1 controls U+0080–U+009F
  (NEL included); the noncharacters U+FFFE and U+FFFF (YAML refuses them too);
- U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: an error in the front matter,
  where YAML reads them as line breaks; a warning in the body, where Markdown does not
  and browsers disagree;
- U+FEFF after the start of the file (a byte-order mark left by joining files): a
  warning, as the leading one is; it is invisible but changes what a value compares to.

Allowed: TAB in the body (the front matter has its own ``tab`` check), LF and CR line
ends, and all other text: format characters (ZWJ and ZWNJ, LRM/RLM and the other
bidirectional marks, soft hyphen, word joiner), combining marks, NFD text, private use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .issues import Issue, Severity
from .messages import make_issue

MAX_REPORTED = 10  # per file; a file full of them is in the wrong encoding, not mistyped
PLACEHOLDER = "\ufffd"  # what YAML reads instead: printable, one column wide, visible
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NONCHARACTERS = "\ufffe\uffff"
_SEPARATORS = "\u2028\u2029"
_STRAY = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_SEPARATORS}\ufeff]")
_UNREADABLE = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_SEPARATORS}]")


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
    return _STRAY.fullmatch(char) is not None


def for_yaml(text: str) -> str:
    """``text`` with every character YAML refuses or reads as a line break made harmless.

    Each becomes U+FFFD, so lines and columns stay where they were and the rest of the
    front matter is still read and checked: one run reports every problem.
    """
    return _UNREADABLE.sub(PLACEHOLDER, text)


def stray_issues(rel: str, strays: list[Stray], front_matter_end: int) -> list[Issue]:
    """Issues for ``strays``; lines up to ``front_matter_end`` are front matter."""
    issues = [stray_issue(rel, s, s.line <= front_matter_end) for s in strays[:MAX_REPORTED]]
    rest = strays[MAX_REPORTED:]
    if rest:
        kinds = {_kind(s.char, s.line <= front_matter_end)[1] for s in rest}
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
    code, severity = _kind(stray.char, in_front_matter)
    field = "front-matter" if in_front_matter else "body"
    return make_issue(code, rel, stray.line, stray.column, field, severity, char=stray.code_point)


def _kind(char: str, in_front_matter: bool) -> tuple[str, Severity]:
    """The message code and severity for one reported character, as the docstring says."""
    if char in _SEPARATORS:
        return "line-separator", Severity.ERROR if in_front_matter else Severity.WARNING
    if char == "\ufeff":
        return "stray-bom", Severity.WARNING
    if char in _NONCHARACTERS:
        return "noncharacter", Severity.ERROR
    return "control-character", Severity.ERROR
