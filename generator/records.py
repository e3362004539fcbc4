"""A validated initiative, with what the site needs beside the front matter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .places import PlaceRef
from .schema import Initiative
from .vocab import Domain
from .yamlplain import KeyPath, Position


@dataclass(frozen=True)
class Record:
    id: str
    relpath: str
    initiative: Initiative
    place: PlaceRef
    domains: tuple[Domain, ...]
    body: str
    # Where each value was written, so later stages can still point at the line.
    positions: Mapping[KeyPath, Position] = field(default_factory=dict, compare=False)

    @property
    def year(self) -> int:
        return int(self.initiative.started[:4])

    def position(self, *path: str | int) -> Position:
        """The line and column of ``path`` in the record file (of the file when unknown)."""
        return self.positions.get(path, (1, 1))
