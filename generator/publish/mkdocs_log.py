"""MkDocs' warnings as located issues: on the record or hand-written page they concern.

MkDocs names the page under ``docs/`` ("Doc file 'sang-kien/x.md' contains a link …").
A generated page is traced back to the record (or data file) that produced it, and a
hand-written page's link to the line that holds it, so nobody is sent to ``mkdocs.yml``
for a problem in their own file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..issues import Issue, make_issue
from ..layout import CONFIG_FILE
from .outputs import Origin

_PROBLEM = re.compile(r"^(WARNING|ERROR)\s*-\s*(.*)$")
_DOC_FILE = re.compile(r"'([^']+\.md)'")
_LINK = re.compile(r"contains (?:a|an unrecognized relative) link '([^']+)'")


def mkdocs_issues(output: str, origins: Mapping[str, Origin], docs_dir: Path) -> list[Issue]:
    """One issue per MkDocs warning or error in ``output``, placed where it can be fixed."""
    issues = []
    for line in output.splitlines():
        match = _PROBLEM.match(line.strip())
        if match is None:
            continue
        detail = " ".join(match.group(2).split())
        issues.append(_locate(detail, origins, docs_dir))
    return issues


def _locate(detail: str, origins: Mapping[str, Origin], docs_dir: Path) -> Issue:
    page = _DOC_FILE.search(detail)
    if page is not None and page.group(1) in origins:
        origin = origins[page.group(1)]
        return make_issue(
            "mkdocs-page", origin.path, origin.line, origin.column, origin.field, detail=detail
        )
    if page is not None and (docs_dir / page.group(1)).is_file():
        path = docs_dir / page.group(1)
        line, column = _link_position(path, detail)
        relpath = f"{docs_dir.name}/{page.group(1)}"
        return make_issue("mkdocs-page", relpath, line, column, "file", detail=detail)
    return make_issue("mkdocs-failed", CONFIG_FILE, 1, 1, "build", detail=detail)


def _link_position(path: Path, detail: str) -> tuple[int, int]:
    """Where the link MkDocs complains about is written in the page (else its first line)."""
    link = _LINK.search(detail)
    if link is None:
        return 1, 1
    target = f"]({link.group(1)}"
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        column = text.find(target)
        if column >= 0:
            return number, column + len("](") + 1  # 1-based, at the target
    return 1, 1
