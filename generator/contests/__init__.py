"""Contests: committees define a contest, judges file scorecards, the generator ranks.

This module is the room's front door: code outside ``contests/`` imports from here, never
from the modules behind it, so what the rest of the generator relies on is this list.
``check_contests`` joins contests, scorecards and entries for the ``check`` stage;
``public_view`` and ``ContestView`` are what the site may publish of them; ``rank`` and the
``as_*`` formats are the ranking; ``judge`` is the ``sangkien judge`` command.
"""

from __future__ import annotations

from .check import check_contests
from .judge import RANKING_FORMATS, JudgeRequest, judge, no_scores_folder
from .model import ContestData
from .report import METHOD_NAMES, as_csv, as_json, as_text
from .score import ContestView, public_view, rank

__all__ = [
    "METHOD_NAMES",
    "RANKING_FORMATS",
    "ContestData",
    "ContestView",
    "JudgeRequest",
    "as_csv",
    "as_json",
    "as_text",
    "check_contests",
    "judge",
    "no_scores_folder",
    "public_view",
    "rank",
]
