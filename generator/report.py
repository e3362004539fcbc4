"""Print findings and the commands' own lines: the only module that writes messages to the
terminal (a command's data, a schema or a ranking, goes to standard output as it is)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Protocol, TextIO

from .issues import Issue
from .messages import Count, line
from .visible import visible


class Reporter(Protocol):
    def report(self, issues: Sequence[Issue], checked: int, out: TextIO) -> None: ...


class TextReporter:
    """``path:line:col: severity: field: message — English`` lines, then a count.

    ``errors_only`` keeps a failed build's report to what must be fixed; the count
    still says how many warnings ``sangkien check`` would show.
    """

    def __init__(self, errors_only: bool = False) -> None:
        self.errors_only = errors_only

    def report(self, issues: Sequence[Issue], checked: int, out: TextIO) -> None:
        for issue in issues:
            if issue.is_error or not self.errors_only:
                self.finding(issue, out)
        print(totals(issues, checked), file=out)

    def finding(self, issue: Issue, out: TextIO) -> None:
        """One finding's line, without the count: a command's single complaint."""
        print(issue.as_text(), file=out)


def totals(issues: Sequence[Issue], checked: int) -> str:
    """The closing line: files checked, errors and warnings, in both languages."""
    errors = sum(issue.is_error for issue in issues)
    warnings = Count(len(issues) - errors, "warning")
    return line(
        "checked", files=Count(checked, "file"), errors=Count(errors, "error"), warnings=warnings
    )


def say(code: str, out: TextIO | None = None, **values: object) -> None:
    """Print the line ``messages.LINES[code]`` to ``out`` (standard output by default)."""
    print(line(code, **values), file=out)


class JsonReporter:
    """The same findings as one JSON document, for CI annotations and editors."""

    def report(self, issues: Sequence[Issue], checked: int, out: TextIO) -> None:
        errors = sum(issue.is_error for issue in issues)
        document = {
            "checked": checked,
            "errors": errors,
            "warnings": len(issues) - errors,
            "issues": [issue.as_dict() for issue in issues],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")


class GithubReporter:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line.

    ``::error file=PATH,line=N,col=M,title=CODE::field: tiếng Việt — English``, escaped as
    the runner expects (``%``, CR and LF in the message; also ``:`` and ``,`` in values).
    ``errors_only`` is for a failed build: the whole repository's warnings on every pull
    request would bury the one error that stopped it.
    """

    def __init__(self, errors_only: bool = False) -> None:
        self.errors_only = errors_only

    def report(self, issues: Sequence[Issue], checked: int, out: TextIO) -> None:
        for issue in issues:
            if self.errors_only and not issue.is_error:
                continue
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", issue.shown_path),
                    ("line", issue.line),
                    ("col", issue.column),
                    ("title", f"sangkien {issue.code}"),
                )
            )
            message = visible(f"{issue.field}: {issue.message} — {issue.message_en}")
            print(f"::{issue.severity} {properties}::{_escape_data(message)}", file=out)
        print(totals(issues, checked), file=out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
