"""Find initiative files and split each into its front matter and Markdown body.

Nothing here raises on bad content: every problem becomes an ``Issue`` and the file is
skipped or kept as far as it could be read, so one run reports every file's problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .issues import Issue, Severity
from .messages import make_issue
from .yamlplain import KeyPath, Position, read_plain

MAX_FILE_BYTES = 1_000_000
BOM = b"\xef\xbb\xbf"
FENCE = "---"


@dataclass(frozen=True)
class Source:
    """One initiative file as read from disk: its data, where each part was, and its body.

    Positions are 1-based ``(line, column)`` in the file itself, so they can be
    reported as they are.
    """

    path: Path
    relpath: str
    meta: dict[str, Any]
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    reported: frozenset[KeyPath] = frozenset()  # paths the reader already flagged

    @property
    def stem(self) -> str:
        return self.path.stem

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where ``path`` was written, falling back to its nearest written parent."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the sorted list of ``.md`` files to check."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                found.update(Path(dirpath, name) for name in filenames if name.endswith(".md"))
        else:
            found.add(path)
    return sorted(found)


def relative_name(path: Path, root: Path) -> str:
    """``path`` as reported: relative to the repository root when inside it."""
    for candidate, base in ((path, root), (path.resolve(), root.resolve())):
        if candidate.is_relative_to(base):
            return candidate.relative_to(base).as_posix()
    return path.as_posix()


def load_sources(paths: Iterable[Path], root: Path) -> tuple[list[Source], list[Issue]]:
    sources: list[Source] = []
    issues: list[Issue] = []
    for path in paths:
        source, found = load_source(path, root)
        issues += found
        if source is not None:
            sources.append(source)
    return sources, issues


def load_source(path: Path, root: Path) -> tuple[Source | None, list[Issue]]:
    """Read one file; return ``None`` as the source when nothing usable could be read."""
    rel = relative_name(path, root)
    issues: list[Issue] = []
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [make_issue("unreadable", rel, 1, 1, "file", reason=error.strerror or error)]
    if len(raw) > MAX_FILE_BYTES:
        issue = make_issue("file-too-large", rel, 1, 1, "file", size=len(raw), limit=MAX_FILE_BYTES)
        return None, [issue]
    if raw.startswith(BOM):
        issues.append(make_issue("bom", rel, 1, 1, "file", Severity.WARNING))
        raw = raw[len(BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = f"0x{raw[error.start]:02X}"
        return None, [*issues, make_issue("not-utf8", rel, line, column, "file", byte=byte)]
    text = text.replace("\r\n", "\n")  # CRLF files are fine; positions count lines alike
    source, found = split_source(path, rel, text)
    return source, issues + found


def split_source(path: Path, rel: str, text: str) -> tuple[Source | None, list[Issue]]:
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return None, [make_issue("front-matter-missing", rel, 1, 1, "front-matter")]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        return None, [make_issue("front-matter-unclosed", rel, 1, 1, "front-matter")]
    yaml_lines = lines[1:end]
    tabs = [
        make_issue("tab", rel, number + 2, line.index("\t") + 1, "front-matter")
        for number, line in enumerate(yaml_lines)
        if "\t" in line
    ]
    if tabs:
        return None, tabs
    try:
        doc = read_plain("\n".join(yaml_lines) + "\n", first_line=2)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        problem = error.problem or error.context or "?"
        return None, [make_issue("yaml-syntax", rel, line, column, "front-matter", problem=problem)]

    values, keys = doc.values, doc.keys
    issues = [
        make_issue(p.code, rel, p.position[0], p.position[1], _field(p.path), **p.params)
        for p in doc.problems
    ]
    meta = doc.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        kind = "danh sách / a list" if isinstance(meta, list) else f"'{meta}'"
        issues.append(make_issue("front-matter-not-mapping", rel, 2, 1, "front-matter", kind=kind))
        return None, issues
    values.setdefault((), (1, 1))
    source = Source(
        path=path,
        relpath=rel,
        meta=meta,
        values=values,
        keys=keys,
        body="\n".join(lines[end + 1 :]),
        body_line=end + 2,
        reported=frozenset(p.path for p in doc.problems),
    )
    return source, issues


def _field(path: KeyPath) -> str:
    return field_name(path) or "front-matter"


def field_name(path: KeyPath) -> str:
    """``("metrics", 1, "value")`` → ``metrics[1].value``, the way the issue text shows it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
