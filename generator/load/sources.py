"""Find initiative files and split each into its front matter and Markdown body.

Nothing here raises on bad content: every problem becomes an ``Issue`` and the file is
skipped or kept as far as it could be read, so one run reports every file's problems.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode
from yaml.reader import ReaderError

from ..characters import Stray, find_strays, for_yaml, is_stray, stray_issue, stray_issues
from ..issues import Issue, Severity, make_issue
from ..messages import phrase
from ..yamlplain import RESOLVER, KeyPath, Position, read_plain
from .repopaths import files_in

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
    """Expand files and folders into the sorted list of ``.md`` files to check.

    Links inside a folder are left out (``check`` reports them, see ``repopaths``).
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(file for file in files_in(path) if file.suffix == ".md")
        else:
            found.add(path)
    return sorted(found)


def relative_name(path: Path, root: Path) -> str:
    """``path`` as reported: relative to the repository root when inside it."""
    prefix = f"{root}{os.sep}" if str(root) != "." else ""
    name = str(path)
    if not prefix or name.startswith(prefix):  # the usual case, without touching the disk
        inside = name[len(prefix) :]
        if not inside.startswith(("..", os.sep)):
            return inside.replace(os.sep, "/")
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
    rel, text, issues = read_text(path, root)
    if text is None:
        return None, issues
    source, found = split_source(path, rel, text)
    return source, issues + found


# A one-line plain value after "key:", its trailing spaces already cut off (matching them
# here, after a lazy repeat, took quadratic time on a value with a long run of spaces).
_PLAIN_VALUE = re.compile(r" ([^\s\"'\[\]{}>|&*!%@`#,?:-][^#\t]*)")
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def peek_source(path: Path, root: Path) -> Source | None:
    """The title and province of a record the rules across records need, without YAML.

    A pull request's check validates the files it changed; the thousands of others are
    only compared with them (same id, a close title in the same province). Reading their
    one-line ``title:`` and ``province:`` is enough for that and several times cheaper
    than parsing. ``None`` when the file says anything less plain: read it in full then.
    (A file whose YAML is broken elsewhere is still compared by what it plainly says.)
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    end = text.find("\n---\n")
    if not text.startswith("---\n") or end < 0:
        return None
    head = text[3 : end + 1]  # "\n" + the front matter's lines, each ending with "\n"
    if "\n...\n" in head or "\ncontests:" in head:
        return None  # a document end; a contest's entries need the whole record
    meta: dict[str, Any] = {}
    for key in ("title", "province"):
        start = head.find(f"\n{key}:")
        if start < 0:
            continue
        stop = head.index("\n", start + 1)
        value = _PLAIN_VALUE.fullmatch(head[start + len(key) + 2 : stop].rstrip(" "))
        after = _BLANK_LINES.match(head, stop + 1).end()  # type: ignore[union-attr]
        if (
            value is None
            or not _plain_text(value[1])
            or head.find(f"\n{key}:", stop) >= 0  # written twice
            or head[after : after + 1] in (" ", "\t", "#")  # goes on, or a comment follows
        ):
            return None
        meta[key] = value[1]
    return Source(path=path, relpath=relative_name(path, root), meta=meta)


def _plain_text(value: str) -> bool:
    """Whether YAML reads ``value``, written plain, as exactly this text."""
    if ": " in value or value.endswith(":") or for_yaml(value) != value:
        return False
    return RESOLVER.resolve(ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"


def peek_sources(paths: Iterable[Path], root: Path) -> tuple[list[Source], list[Issue]]:
    """``peek_source`` for each file, ``load_source`` for those it cannot read plainly."""
    sources: list[Source] = []
    issues: list[Issue] = []
    for path in paths:
        peeked = peek_source(path, root)
        if peeked is None:
            source, found = load_source(path, root)
            issues += found
            peeked = source
        if peeked is not None:
            sources.append(peeked)
    return sources, issues


def load_yaml_source(path: Path, root: Path) -> tuple[Source | None, list[Issue]]:
    """A whole-YAML file (a contest, a scorecard), read with the same care as front matter."""
    rel, text, issues = read_text(path, root)
    if text is None:
        return None, issues
    lines = text.split("\n")
    found = stray_issues(rel, find_strays(text), len(lines))
    stop = len(lines) - 1 if lines[-1] == "" else len(lines)  # the final newline ends a line
    source, more = _yaml_block(path, rel, lines, 0, stop, found)
    # The parser marks the end of the text one line past the last: point at the last line.
    last = max(stop, 1)
    more = [dataclasses.replace(i, line=last, column=1) if i.line > last else i for i in more]
    if source is not None:
        for table in (source.values, source.keys):
            for key, (line, _) in table.items():
                if line > last:
                    table[key] = (last, 1)
    return source, issues + more


def read_text(path: Path, root: Path) -> tuple[str, str | None, list[Issue]]:
    """The file's name as reported, its text (``None`` if unusable) and what was wrong."""
    rel = relative_name(path, root)
    issues: list[Issue] = []
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or error
        return rel, None, [make_issue("unreadable", rel, 1, 1, "file", reason=reason)]
    if len(raw) > MAX_FILE_BYTES:
        issue = make_issue("file-too-large", rel, 1, 1, "file", size=len(raw), limit=MAX_FILE_BYTES)
        return rel, None, [issue]
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
        return rel, None, [*issues, make_issue("not-utf8", rel, line, column, "file", byte=byte)]
    # CRLF files are fine, and a lone CR (old Mac line ends) is a line break to YAML too:
    # normalise both so that our line numbers and the parser's agree.
    return rel, text.replace("\r\n", "\n").replace("\r", "\n"), issues


def split_source(path: Path, rel: str, text: str) -> tuple[Source | None, list[Issue]]:
    strays = find_strays(text)
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        missing = make_issue("front-matter-missing", rel, 1, 1, "front-matter")
        return None, [*stray_issues(rel, strays, 0), missing]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        unclosed = make_issue("front-matter-unclosed", rel, 1, 1, "front-matter")
        return None, [*stray_issues(rel, strays, len(lines)), unclosed]
    return _yaml_block(path, rel, lines, 1, end, stray_issues(rel, strays, end + 1))


def _yaml_block(
    path: Path, rel: str, lines: list[str], first: int, stop: int, found: list[Issue]
) -> tuple[Source | None, list[Issue]]:
    """Read ``lines[first:stop]`` as a YAML mapping; what follows the block is the body."""
    yaml_lines = lines[first:stop]
    tabs = [
        make_issue("tab", rel, number + first + 1, line.index("\t") + 1, "front-matter")
        for number, line in enumerate(yaml_lines)
        if "\t" in line
    ]
    if tabs:
        return None, found + tabs
    yaml_text = for_yaml("\n".join(yaml_lines) + "\n")
    try:
        doc = read_plain(yaml_text, first_line=first + 1)
    except yaml.YAMLError as error:
        return None, [*found, yaml_error_issue(rel, yaml_text, error, first_line=first + 1)]

    values, keys = doc.values, doc.keys
    found = [_in_field(issue, values, keys) for issue in found]
    issues = found + [
        make_issue(
            p.code,
            rel,
            p.position[0],
            p.position[1],
            _field(p.path),
            Severity.WARNING if p.warning else Severity.ERROR,
            **p.params,
        )
        for p in doc.problems
    ]
    meta = doc.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        kind = phrase("a-list") if isinstance(meta, list) else f"'{meta}'"
        line = first + 1
        issues.append(
            make_issue("front-matter-not-mapping", rel, line, 1, "front-matter", kind=kind)
        )
        return None, issues
    values.setdefault((), (1, 1))
    source = Source(
        path=path,
        relpath=rel,
        meta=meta,
        values=values,
        keys=keys,
        body="\n".join(lines[stop + 1 :]),
        body_line=stop + 2,
        reported=frozenset(p.path for p in doc.problems if not p.warning),
    )
    return source, issues


def yaml_error_issue(rel: str, text: str, error: yaml.YAMLError, first_line: int) -> Issue:
    """Any error PyYAML or libyaml raises, located in the file and told in both languages.

    Syntax errors carry a mark. A reader error (a character YAML refuses; ``for_yaml``
    should have replaced them all) carries only the character, so find it in the text.
    """
    line, column, problem = first_line, 1, str(error).split("\n")[0] or type(error).__name__
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or problem
        if error.context_mark is not None and "end of stream" in (error.problem or ""):
            # An unclosed quote or bracket runs to the end of the front matter: where it
            # opened is where the writer must look, not the closing "---".
            mark, problem = error.context_mark, f"{error.context}: {error.problem}"
        if mark is not None:
            line, column = mark.line + first_line, mark.column + 1
    elif isinstance(error, ReaderError) and isinstance(error.character, int):
        char = chr(error.character)
        problem = f"U+{error.character:04X}: {error.reason}"
        at = _reader_index(text, error)
        if at >= 0:
            line = text.count("\n", 0, at) + first_line
            column = at - (text.rfind("\n", 0, at) + 1) + 1
        if is_stray(char):
            return stray_issue(rel, Stray(line, column, char), in_front_matter=True)
    return make_issue("yaml-syntax", rel, line, column, "front-matter", problem=problem)


def _reader_index(text: str, error: ReaderError) -> int:
    """The offending character's index: PyYAML counts characters, libyaml UTF-8 bytes."""
    at = error.position
    if error.encoding != "unicode":
        at = len(text.encode("utf-8")[:at].decode("utf-8", "ignore"))
    if 0 <= at < len(text) and ord(text[at]) == error.character:
        return at
    return text.find(chr(error.character))


def _in_field(
    issue: Issue, values: dict[KeyPath, Position], keys: dict[KeyPath, Position]
) -> Issue:
    """A finding about the front matter as a whole, named after the field it sits in."""
    if issue.field != "front-matter":
        return issue
    at = (issue.line, issue.column)
    written = [(position, path) for table in (keys, values) for path, position in table.items()]
    before = [(position, path) for position, path in written if position <= at and path]
    if not before:
        return issue
    path = max(before, key=lambda pair: (pair[0], len(pair[1])))[1]
    return dataclasses.replace(issue, field=field_name(path))


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
