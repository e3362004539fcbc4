"""Closed lists the records refer to: provinces, known localities and the 8 PAR Index domains.

They are data (``generator/data/*.yml``), not code, so a merger or a renamed area is an
edit to a YAML file.
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
class Vocabulary:
    places: Places
    domains: dict[str, Domain]  # in the PAR Index's own order

    @property
    def domain_ids(self) -> list[str]:
        return list(self.domains)


def load_domains(path: Path) -> dict[str, Domain]:
    entries = load_data_file(path)
    return {entry["id"]: Domain(**entry) for entry in entries}


@cache
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    return Vocabulary(
        places=load_places(data_dir / "provinces.yml", data_dir / "localities.yml"),
        domains=load_domains(data_dir / "domains.yml"),
    )
