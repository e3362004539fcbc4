"""A record's front matter after one pass of the model: what the rules after it may read.

The model (``schema.Initiative``) judges every field once. The rules across fields read
its verdict instead of judging the raw values again: a value the YAML reader or the model
refused is already reported, so the rules that need it are skipped; a value that passed is
read as the model typed it. The province is resolved and the start date read here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..issues import Issue
from ..load.sources import Source
from ..places import PlaceRef
from ..schema import NAME_LENGTH, Initiative, partial_date
from ..vocab import Vocabulary
from ..yamlplain import KeyPath
from .model_errors import issues_from_validation

# Errors on a list's length: the list is refused as a whole, but its items passed and are
# still checked (four domains are each told what is wrong with them).
_COUNTS = frozenset({"too_short", "too_long"})


@dataclass(frozen=True)
class Front:
    """The model's result for one source, and the values the rules share."""

    source: Source
    model: Initiative | None
    issues: list[Issue]  # the model's findings, in its order
    refused: frozenset[KeyPath]  # values the reader or the model refused: reported once
    place: PlaceRef | None  # the province resolved, for the record and the rules across records

    def passed(self, *path: Any) -> bool:
        """Whether the value at ``path`` and every value holding it passed."""
        if not self.refused:  # most records: nothing refused, nothing to look up
            return True
        return not any(path[: n + 1] in self.refused for n in range(len(path)))

    def text(self, key: str) -> str | None:
        """A text field that passed, as the model typed it (trimmed); else ``None``."""
        return self._typed(key, _trimmed)

    def date(self, key: str) -> str | None:
        """A date field that passed, as the model typed it (a year as text); else ``None``."""
        return self._typed(key, partial_date)

    def _typed(self, key: str, read: Callable[[object], str | None]) -> str | None:
        """The model's value of ``key``; when another field failed, the value as ``read``."""
        if not self.passed(key):
            return None
        if self.model is not None:
            value = getattr(self.model, key)
            return value if isinstance(value, str) else None
        return read(self.source.meta.get(key))

    def strings(self, key: str, limit: int) -> list[tuple[int, str]]:
        """The items of a list of texts that passed, numbered, as written; none when the
        list is over ``limit`` (the model reports that once, instead of every item)."""
        items = enumerate(listed(self.source, key, limit))
        if not self.refused:
            return [(index, item) for index, item in items if isinstance(item, str)]
        return [(i, item) for i, item in items if isinstance(item, str) and self.passed(key, i)]


def _trimmed(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None


def read_front(source: Source, vocab: Vocabulary) -> Front:
    """Validate ``source`` against the model once, and resolve its province once."""
    refused = set(source.reported)
    try:
        model: Initiative | None = Initiative.model_validate(source.meta)
        issues: list[Issue] = []
    except ValidationError as error:
        model, issues = None, issues_from_validation(error, source, Initiative)
        refused.update(
            tuple(detail["loc"]) for detail in error.errors() if detail["type"] not in _COUNTS
        )
    return Front(source, model, issues, frozenset(refused), province_of(source, vocab))


def listed(source: Source, key: str, limit: int) -> list[Any]:
    """The list ``key`` holds, to be checked item by item; empty when it is over its limit
    (the model reports that once, instead of ten thousand items each being looked up)."""
    value = source.meta.get(key)
    return value if isinstance(value, list) and len(value) <= limit else []


def province_of(source: Source, vocab: Vocabulary) -> PlaceRef | None:
    """The province a record names, read as written: the rules across records compare
    every record's title and province, whether or not it was checked on its own."""
    name = written(source, "province", NAME_LENGTH)
    return vocab.places.resolve(name) if name else None


def written(source: Source, key: str, limit: int) -> str | None:
    """The trimmed text of ``key`` as written; ``None`` when absent, empty or over
    ``limit``. For records read but not checked one by one (``check --changed-since``)."""
    value = source.meta.get(key)
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit:
        return None
    return value.strip()
