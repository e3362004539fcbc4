"""Findings as data: every stage reports problems as ``Issue`` values, never by raising."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from .messages import EN, VI, Values, Wording, fields_of, fill
from .visible import visible


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue(Wording):
    """One problem in one file, located where an editor can jump to it.

    ``field`` is the key path in the front matter (``metrics[1].value``), or one of
    ``file``, ``front-matter``, ``body``, ``id`` for problems that are not a field's.
    A finding holds its message code and the values the message names; its text, in
    Vietnamese (``message``) and English (``message_en``), is made from the catalogue
    (``messages.py``) when it is read.
    """

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    code: str
    values: Values = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @cached_property
    def message(self) -> str:
        return fill(self.code, self.values, VI)

    @cached_property
    def message_en(self) -> str:
        return fill(self.code, self.values, EN)

    def in_language(self, language: int) -> str:
        """The message alone, as a line that quotes the finding shows it."""
        return self.message_en if language == EN else self.message

    @property
    def shown_path(self) -> str:
        """The path as printed: a file name's invisible characters named (``visible``)."""
        return visible(self.path)

    def as_text(self) -> str:
        return visible(
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.field}: "
            f"{self.message} — {self.message_en}"
        )

    def as_dict(self) -> dict[str, object]:
        """The finding as ``--format json`` prints it: its place, code and both texts."""
        return {
            "path": visible(self.path),
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "field": visible(self.field),
            "code": self.code,
            "message": visible(self.message),
            "message_en": visible(self.message_en),
        }


def make_issue(
    code: str,
    path: str,
    line: int,
    column: int,
    field: str,
    severity: Severity = Severity.ERROR,
    **values: object,
) -> Issue:
    """A finding of ``code`` with the values its message names (all of them, or a
    ``KeyError`` now rather than when the message is read)."""
    missing = [name for name in fields_of(code) if name not in values]
    if missing:
        raise KeyError(f"{code}: no value for {', '.join(sorted(missing))}")
    held = tuple((name, _held(value)) for name, value in values.items())
    return Issue(path, line, column, severity, field, code, held)


def _held(value: object) -> object:
    """``value`` as a finding keeps it: findings are hashable, so a list is kept as text
    (what its message would show anyway)."""
    try:
        hash(value)
    except TypeError:
        return str(value)
    return value


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(issue.is_error for issue in issues)


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Order by file, then position, so reports read top to bottom like the files."""
    return sorted(issues, key=lambda i: (i.path, i.line, i.column, i.field, i.code))
