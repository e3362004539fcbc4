"""Findings as data: every stage reports problems as ``Issue`` values, never by raising."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from .visible import visible


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one file, located where an editor can jump to it.

    ``field`` is the key path in the front matter (``metrics[1].value``), or one of
    ``file``, ``front-matter``, ``body``, ``id`` for problems that are not a field's.
    Messages come in Vietnamese first (``message``) and English (``message_en``).
    """

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    code: str
    message: str
    message_en: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

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
        data = asdict(self)
        data["severity"] = str(self.severity)
        for key in ("path", "field", "message", "message_en"):
            data[key] = visible(data[key])
        return data


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(issue.is_error for issue in issues)


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Order by file, then position, so reports read top to bottom like the files."""
    return sorted(issues, key=lambda i: (i.path, i.line, i.column, i.field, i.code))
