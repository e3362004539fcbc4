"""A contest's rules at their edges: dates read as periods, scores kept until published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import build as build_module
from generator.publish.site import Site

from .conftest import ContestRepo
from .test_site import contest_repo


@pytest.mark.parametrize(
    ("started", "eligible"),
    [("2024", True), ("2024-06", True), ("2024-06-30", True), ("2024-05", False),
     ("2023", False), ("2024-05-31", False)],
)  # fmt: skip
def test_started_after_takes_an_entry_whose_period_reaches_the_date(
    repo: ContestRepo, started: str, eligible: bool
) -> None:
    """ "Started in 2024" may have started in June: a contest open to those started from
    2024-06 takes it, as it takes 2024-06 itself; May 2024 is wholly before."""
    repo.contest(eligibility={"started_after": "2024-06"}, closes=None)
    repo.record("mau", started=started)
    _, issues = repo.check()
    refused = [i["code"] for i in issues if i["code"] == "not-eligible"]
    assert refused == ([] if eligible else ["not-eligible"]), issues


def test_the_pages_never_receive_an_unpublished_contests_scores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only hidden by the templates: the renderer is given no score and no comment."""
    repo = contest_repo(tmp_path, published=False)
    given: list[Site] = []
    render_pages = build_module.render_pages

    def spy(site: Site, *args: Any) -> None:
        given.append(site)
        render_pages(site, *args)

    monkeypatch.setattr(build_module, "render_pages", spy)
    _, issues, site, _ = build_module.generate(repo.root)
    assert site is not None and issues == []
    (view,) = given[0].contests
    assert view.ranking is None
    assert (view.data.cards, view.data.excluded) == ((), ())
