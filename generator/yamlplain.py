"""Read YAML as plain data, with the position of every key and value.

PyYAML's ``safe_load`` follows YAML 1.1: ``no`` becomes ``False``, ``0123`` becomes 83
and ``2024-11-06`` a ``date``. Records are written by hand, so those readings would
slip through as silent surprises. This reader walks the parser's events instead (the
C parser when PyYAML has it) and keeps every scalar's text: plain ``true``/``false``,
decimal numbers and null are typed, everything YAML 1.1 would read differently is
reported, and tags, anchors, aliases and duplicate keys are refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode

from .characters import decoded_strays, may_hold_strays

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RESOLVER = yaml.resolver.Resolver()
# The first characters of every implicitly typed scalar (numbers, booleans, null...): any
# other plain scalar is text, known without running the resolver's regular expressions.
_TYPED_FIRST = frozenset(key for key in RESOLVER.yaml_implicit_resolvers if key)
assert None not in RESOLVER.yaml_implicit_resolvers  # no resolver matches any first character

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column, counted in the YAML text

_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_TAG = "tag:yaml.org,2002:"
_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")
MAX_NUMBER_LENGTH = 40  # longer than any real figure, short enough to show in a message
MAX_DEPTH = 20  # records nest three levels (sources[0].title); more is a typo or an attack
MAX_NAMED = 5  # characters named in one finding; the first few tell what to delete


@dataclass(frozen=True)
class Problem:
    """A finding of the reader, to be turned into an ``Issue`` by the caller."""

    code: str
    path: KeyPath
    position: Position
    params: dict[str, Any] = field(default_factory=dict)
    warning: bool = False  # the value is kept as read; the writer should still look


@dataclass
class PlainDocument:
    """The data of one YAML document and where each part of it was written."""

    data: Any = None
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_data_file(path: Path) -> Any:
    """A reference data file of the project (trusted YAML), read with the fast C loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def read_plain(text: str, first_line: int = 1) -> PlainDocument:
    """Parse ``text``; raise ``yaml.MarkedYAMLError`` only for syntax errors.

    ``first_line`` is the line of the file where ``text`` starts, so that positions
    (and messages that cite lines) are counted in the file, not in the YAML block.
    """
    events = list(yaml.parse(text, Loader=Loader))
    doc = PlainDocument()
    walker = _Walker(events, doc, first_line - 1, text)
    doc.data = walker.document()
    return doc


class _Walker:
    def __init__(
        self, events: list[Event], doc: PlainDocument, line_offset: int, text: str
    ) -> None:
        self.events = events
        self.index = 0
        self.doc = doc
        self.line_offset = line_offset
        self.text = text
        self._lines: list[str] | None = None

    def position(self, event: Event) -> Position:
        mark = event.start_mark
        if mark is None:
            return (1 + self.line_offset, 1)
        return (mark.line + 1 + self.line_offset, mark.column + 1)

    def document(self) -> Any:
        while self.index < len(self.events):
            event = self.events[self.index]
            if isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent | AliasEvent):
                return self.value(())
            self.index += 1
        return None

    def next(self) -> Event:
        event = self.events[self.index]
        self.index += 1
        return event

    def problem(self, code: str, path: KeyPath, event: Event, **params: Any) -> None:
        self.doc.problems.append(Problem(code, path, self.position(event), params))

    def warning(self, code: str, path: KeyPath, event: Event, **params: Any) -> None:
        self.doc.problems.append(Problem(code, path, self.position(event), params, True))

    def value(self, path: KeyPath) -> Any:
        event = self.next()
        self.doc.values[path] = self.position(event)
        if len(path) > MAX_DEPTH and isinstance(event, MappingStartEvent | SequenceStartEvent):
            # Walked recursively, so refuse before Python's recursion limit is reached.
            # Told once, at the field's outermost item, which also hushes the model's
            # complaints about the same value.
            outer = path[:2]
            self.doc.problems.append(
                Problem("yaml-too-deep", outer, self.doc.values[outer], {"limit": MAX_DEPTH})
            )
            self.skip_collection()
            return None
        if isinstance(event, AliasEvent):
            self.problem("yaml-alias", path, event, anchor=event.anchor)
            return None
        anchor, tag = getattr(event, "anchor", None), getattr(event, "tag", None)
        if anchor:
            self.problem("yaml-anchor", path, event, anchor=anchor)
        if tag and tag != "!":
            self.problem("yaml-tag", path, event, tag=tag.replace(_TAG, "!!"))
        if isinstance(event, MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, SequenceStartEvent):
            return self.sequence(path)
        assert isinstance(event, ScalarEvent)
        return self.scalar(event, path)

    def skip_collection(self) -> None:
        """Step past the rest of a collection whose start event was just read."""
        depth = 1
        while depth:
            event = self.next()
            if isinstance(event, MappingStartEvent | SequenceStartEvent):
                depth += 1
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                depth -= 1

    def sequence(self, path: KeyPath) -> list[Any]:
        items: list[Any] = []
        while not isinstance(self.events[self.index], SequenceEndEvent):
            items.append(self.value((*path, len(items))))
        self.index += 1
        return items

    def mapping(self, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(self.events[self.index], MappingEndEvent):
            key_event = self.events[self.index]
            if not isinstance(key_event, ScalarEvent):
                self.problem("yaml-complex-key", path, key_event)
                self.value((*path, f"?{self.index}"))  # consume the key
                self.value((*path, f"?{self.index}"))  # and its value
                continue
            self.index += 1
            key = key_event.value
            key_path = (*path, key)
            if may_hold_strays(key):
                self.decoded(key_event, key_path)
            if key in result:
                first_line = self.doc.keys[key_path][0]
                self.problem("duplicate-key", key_path, key_event, key=key, first_line=first_line)
                self.value((*path, f"{key}#dup{self.index}"))
                continue
            self.doc.keys[key_path] = self.position(key_event)
            result[key] = self.value(key_path)
        self.index += 1
        return result

    def decoded(self, event: ScalarEvent, path: KeyPath) -> None:
        """Report what a decoded string holds that no value may, whatever its writing.

        The scan of the file's text (``characters``) sees characters written as they are;
        a double-quoted value also decodes escapes (``"\\x1b[2K"``, ``"\\0"``, ``"\\u202e"``),
        which reach the feeds, the CSV and the terminal unless refused here.
        """
        raw = self.source_of(event) if event.style == '"' else None
        found = decoded_strays(event.value, raw)
        if found:
            named = [f"U+{ord(char):04X}" for char in found[:MAX_NAMED]]
            more = "…" if len(found) > MAX_NAMED else ""
            self.problem("escaped-character", path, event, chars=", ".join(named) + more)

    def source_of(self, event: Event) -> str:
        """The text the event was read from, as written in the file."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        start, end = event.start_mark, event.end_mark
        if start is None or end is None:
            return self.text
        lines = self._lines[start.line : end.line + 1]
        if not lines:
            return ""
        lines[-1] = lines[-1][: end.column]  # the last line first: it may be the first too
        lines[0] = lines[0][start.column :]
        return "\n".join(lines)

    def scalar(self, event: ScalarEvent, path: KeyPath) -> Any:
        text = event.value
        if may_hold_strays(text):
            self.decoded(event, path)
        if event.style or not event.implicit[0]:  # C parser: "" for plain, Python: None
            return text  # quoted or block scalars are always text
        if text and text[0] not in _TYPED_FIRST:
            return text
        tag = RESOLVER.resolve(ScalarNode, text, (True, False)).removeprefix(_TAG)
        if tag == "null":
            return None
        if tag == "bool":
            if text.lower() in ("true", "false"):
                return text.lower() == "true"
            # Kept as the text it is (a text field takes it; a yes/no field refuses it), and
            # told: another YAML 1.1 reader would see a boolean. Web editors write YAML 1.2
            # and leave such words bare, so this must not stop a record.
            self.warning("yaml-ambiguous-bool", path, event, value=text)
            return text
        if tag in ("int", "float"):
            return self.number(event, path, tag)
        return text  # str, timestamp (kept as written), merge and value keys

    def number(self, event: ScalarEvent, path: KeyPath, tag: str) -> Any:
        """A plain scalar YAML 1.1 resolves as a number: typed if plain decimal, else reported.

        Python refuses to convert integers of more than 4,300 digits, and PyYAML's own
        constructor raises on shapes its resolver accepts (``0x_``, ``0b_``), so length
        is checked first and YAML's reading is taken only if it can be made.
        """
        text = event.value
        if len(text) > MAX_NUMBER_LENGTH:
            self.problem("yaml-number-too-long", path, event, length=len(text))
            return text
        if tag == "int" and _DECIMAL_INT.fullmatch(text):
            return int(text)
        if tag == "float" and _DECIMAL_FLOAT.fullmatch(text):
            number = float(text)
            if math.isfinite(number):
                if _THOUSANDS.fullmatch(text):  # "1.250": 1250 as Vietnamese write it?
                    whole, decimal = text.replace(".", ""), f"{number:g}"
                    self.warning("thousands-dot", path, event, value=text, whole=whole,
                                 decimal=decimal)  # fmt: skip
                return number
            self.problem("yaml-not-finite", path, event, value=text)  # 1e400 overflows
            return text
        try:
            reading = yaml.safe_load(text)
        except (ValueError, yaml.YAMLError):
            self.problem("yaml-malformed-number", path, event, value=text)
            return text
        if isinstance(reading, float) and not math.isfinite(reading):
            self.problem("yaml-not-finite", path, event, value=text)
        else:  # kept as text, as for booleans above: a number field refuses it
            self.warning("yaml-ambiguous-number", path, event, value=text, reading=reading)
        return text
