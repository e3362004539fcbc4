"""The statuses and levels the record model allows are named once, in ``generator/data/``.

The model (``schema.py``) says which values a record may write; the data files say what
each is called on the pages, in the forms and in the checker's messages. Neither may
know a value the other does not, and pages list them in the model's order.
"""

from __future__ import annotations

from typing import get_args

from generator.schema import Level, Status
from generator.vocab import load_vocabulary


def test_every_status_the_model_allows_is_named_in_its_order() -> None:
    statuses = load_vocabulary().statuses
    assert list(statuses) == list(get_args(Status))
    assert all(s.name and s.name_en for s in statuses.values())
    assert statuses["unknown"].name == "Chưa rõ" and statuses["unknown"].name_en == "Not stated"


def test_every_level_the_model_allows_is_named_in_its_order() -> None:
    levels = load_vocabulary().levels
    assert list(levels) == list(get_args(Level))
    assert [level.name for level in levels.values()] == ["Cấp tỉnh", "Cấp huyện", "Cấp xã"]
