"""``sangkien judge``'s policy: refuse what cannot be judged, then rank or write packets.

The command line only parses; what a committee may ask for, which findings stop a ranking
and how the result is printed are decided here. The check itself is the caller's (the
``check`` stage sits above the rooms), handed in as a function so it runs only once the
request is known to be sound.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..issues import Issue, has_errors
from ..layout import CONTESTS_DIR
from ..report import TextReporter, say
from ..schema import _KEY
from ..visible import visible
from ..vocab import load_vocabulary
from .model import ContestData
from .report import as_csv, as_json, as_text
from .score import rank

USAGE = 2  # the exit status of a request that cannot be judged as asked
RANKING_FORMATS = ("text", "json", "csv")


@dataclass(frozen=True)
class JudgeRequest:
    """What the committee asked for: one contest, ranked (``format``) or sent out as packets."""

    contest: str
    scores: Path | None = None  # the scorecards' folder, when kept outside the repository
    format: str = "text"  # one of RANKING_FORMATS
    comments: bool = False  # the judges' remarks beside the ranking (committee only)
    packets: Path | None = None  # write blind packets here instead of ranking
    assign: int | None = None  # judges per entry, with ``packets``
    seed: int = 0


class Checked(Protocol):
    """What judging reads from the check of the whole repository."""

    @property
    def issues(self) -> list[Issue]: ...
    @property
    def contests(self) -> list[ContestData]: ...
    @property
    def contest_files(self) -> dict[str, set[str]]: ...


def no_scores_folder(command: str, scores: Path | None) -> bool:
    """``--scores DIR`` names a folder that is not there: said, rather than no scores read.

    Every command that takes ``--scores`` (check, build, judge) refuses it the same way.
    """
    if scores is None or scores.is_dir():
        return False
    say("no-scores-folder", sys.stderr, command=command, folder=scores)
    return True


def judge(request: JudgeRequest, root: Path, check: Callable[[], Checked]) -> int:
    """Check everything the contest depends on, then rank it or write the judges' packets."""
    if _refused(request, root):
        return USAGE
    data = _judgeable(request.contest, check())
    if data is None:
        return 1
    if request.packets is not None:
        return _write_packets(data, request.packets, request.assign, request.seed)
    sys.stdout.write(_ranking_text(data, request))
    return 0


def _refused(request: JudgeRequest, root: Path) -> bool:
    """An unknown contest, a missing scores folder, ``--assign`` without packets: said."""
    folder = root / CONTESTS_DIR
    # A contest is named by its folder's id: "..", "." or "../initiatives" are folders too,
    # and were judged as a contest with errors and no finding to say which.
    known = sorted(p.name for p in folder.glob("*/") if p.is_dir() and _KEY.fullmatch(p.name))
    if request.contest not in known:
        shown = visible(request.contest)
        say("no-contest", sys.stderr, contest=shown, folder=folder, known=", ".join(known) or "—")
        return True
    if no_scores_folder("judge", request.scores):
        return True
    if request.assign is not None and (request.packets is None or request.assign < 1):
        say("assign-needs-packets", sys.stderr)
        return True
    return False


def _judgeable(contest_id: str, result: Checked) -> ContestData | None:
    """The contest, once its own findings are reported and none of them stops judging."""
    files = result.contest_files.get(contest_id, set())
    mine = _findings_of(files, result.issues)
    data = next((c for c in result.contests if c.id == contest_id), None)
    if mine:
        TextReporter().report(mine, len(files), sys.stderr)
    if data is None or has_errors(mine):
        say("contest-has-errors", sys.stderr)
        return None
    if data.contest.missing_rules:
        missing = ", ".join(data.contest.missing_rules)
        say("contest-not-judged", sys.stderr, contest=contest_id, missing=missing)
        return None
    return data


def _findings_of(files: set[str], issues: Sequence[Issue]) -> list[Issue]:
    """The contest's own findings, and what keeps an entry's record from counting."""
    return [
        issue
        for issue in issues
        if issue.path in files and (issue.is_error or issue.path.startswith(CONTESTS_DIR))
    ]


def _write_packets(data: ContestData, folder: Path, per_entry: int | None, seed: int) -> int:
    """Each judge's blind packet and blank scorecard; never over a card already filled in."""
    # imported here: ranking needs none of the packets' HTML
    from .packets import assign, filled_scorecards, write_packets

    filled = filled_scorecards(data, folder)
    for card in filled:
        say("scorecard-filled", sys.stderr, card=visible(str(card)))
    if filled:
        return USAGE
    assignment, short = assign(data, load_vocabulary(), per_entry, seed)
    written = write_packets(data, assignment, folder)
    for item in short:
        say("too-few-free-judges", sys.stderr, entry=item.entry, found=item.found)
    say("packets-written", count=len(written), folder=folder)
    return 1 if short else 0


def _ranking_text(data: ContestData, request: JudgeRequest) -> str:
    """The ranking in the format asked for, with the judges' remarks only if asked."""
    ranking = rank(data)
    if request.format == "json":
        return as_json(ranking)
    if request.format == "csv":
        return as_csv(ranking)
    return as_text(ranking, comments=request.comments)
