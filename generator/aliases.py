"""The id meant by what an officer typed: ``xã`` → ``commune``, ``Chính phủ số`` → a domain.

Records keep ids, so these are never accepted silently; the checker answers with the id.
Matching is by meaning, not spelling distance: the Vietnamese labels of each closed list
and the words in ``data/aliases.yml`` are compared after folding case, tone marks and đ
("Chinh phu so" finds it too); ``digital`` finds ``digital-government`` as a word of it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .text import compact
from .vocab import DATA_DIR, load_vocabulary
from .yamlplain import load_data_file

ALIASES_FILE = DATA_DIR / "aliases.yml"


@cache
def _table(path: Path = ALIASES_FILE) -> dict[str, dict[str, str]]:
    """List name → folded word → id, from the labels and the aliases file."""
    words: dict[str, dict[str, list[str]]] = load_data_file(path)
    vocab = load_vocabulary()
    labels: dict[str, dict[str, list[str]]] = {
        "level": {v.id: [v.name, v.name.removeprefix("Cấp ")] for v in vocab.levels.values()},
        "status": {s.id: [s.name, s.name_en] for s in vocab.statuses.values()},
        "domains": {d.id: [d.name, d.short, d.name_en] for d in vocab.domains.values()},
    }
    table: dict[str, dict[str, str]] = {}
    for kind, by_id in labels.items():
        found = table.setdefault(kind, {})
        for key, names in [*by_id.items(), *words.get(kind, {}).items()]:
            for name in names:
                found.setdefault(compact(name), key)
            found.setdefault(compact(key), key)
    return table


def meant(kind: str, value: object) -> str | None:
    """The id ``value`` stands for in list ``kind`` (``level``, ``status``, ``domains``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    table = _table()[kind]
    key = compact(value)
    if key in table:
        return table[key]
    ids = sorted(set(table.values()))
    # one word of an id ("digital" → digital-government), if it names a single id
    by_word = [i for i in ids if compact(value) in {compact(w) for w in i.split("-")}]
    return by_word[0] if len(by_word) == 1 else None
