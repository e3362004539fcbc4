"""Closed lists the records refer to: provinces, known localities, the 8 PAR Index domains,
and the names of the statuses and levels the record model allows.

They are data (``generator/data/*.yml``), not code, so a merger, a renamed area or a
reworded status is an edit to a YAML file; every stage (the checker's messages, the
pages, the forms, the judges' packets) reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .places import Places, load_places
from .yamlplain import load_data_file

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    short: str
    name_en: str
    description: str
    description_en: str


@dataclass(frozen=True)
class Label:
    """A value of a closed list the record model fixes (``status``, ``level``), named."""

    id: str
    name: str  # as pages and forms show it
    name_en: str = ""  # as the checker's English says it, where it has its own words


@dataclass(frozen=True)
class Vocabulary:
    places: Places
    domains: dict[str, Domain]  # in the PAR Index's own order
    statuses: dict[str, Label]  # in the order pages list them
    levels: dict[str, Label]  # from the province down

    @property
    def domain_ids(self) -> list[str]:
        return list(self.domains)


def load_domains(path: Path) -> dict[str, Domain]:
    entries = load_data_file(path)
    return {entry["id"]: Domain(**entry) for entry in entries}


def load_labels(path: Path) -> dict[str, Label]:
    return {entry["id"]: Label(**entry) for entry in load_data_file(path)}


@cache
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    return Vocabulary(
        places=load_places(data_dir / "provinces.yml", data_dir / "localities.yml"),
        domains=load_domains(data_dir / "domains.yml"),
        statuses=load_labels(data_dir / "statuses.yml"),
        levels=load_labels(data_dir / "levels.yml"),
    )
