"""The hand-made semantic mutations stay applicable as the code changes.

``bench/mutation.py semantic`` applies each one by finding its exact text: a mutation
whose text was rewritten away would silently test nothing, so it fails here instead.
"""

from __future__ import annotations

import importlib
import sys

from ..conftest import PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
MUTATIONS = importlib.import_module("semantic_mutations").MUTATIONS  # bench/: no package


def test_each_mutation_names_its_text_exactly_once_and_why() -> None:
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS) >= 33
    for mutation in MUTATIONS:
        text = (PROJECT / mutation.file).read_text(encoding="utf-8")
        assert text.count(mutation.find) == 1, mutation.name
        assert mutation.find != mutation.replace and mutation.why, mutation.name
    equivalent = [m for m in MUTATIONS if m.equivalent]
    assert all(len(m.equivalent) > 40 for m in equivalent)  # a reason, not a label
