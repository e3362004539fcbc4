"""A validated initiative, with what the site needs beside the front matter."""

from __future__ import annotations

from dataclasses import dataclass

from .places import PlaceRef
from .schema import Initiative
from .vocab import Domain


@dataclass(frozen=True)
class Record:
    id: str
    relpath: str
    initiative: Initiative
    place: PlaceRef
    domains: tuple[Domain, ...]
    body: str
    body_line: int

    @property
    def year(self) -> int:
        return int(self.initiative.started[:4])
