"""Dates across fields: partial dates are periods, compared on both sides of the merger day.

``2025-07`` is a month that begins on 1 July 2025, the day the district level was
abolished and 63 provinces became 34: it counts as after the merger; ``2025`` and
``2025-06-30`` do not.
"""

from __future__ import annotations

import datetime

import pytest

from generator.check import check_paths
from generator.schema import date_period

from ..conftest import MakeTree, valid_record

BEFORE = ["2025-06-30", '"2025-06"', "2025", "2024-12-31"]
AFTER = ['"2025-07-01"', '"2025-07"', "2025-07-31", "2026", '"2025-12"']


def findings(make_tree: MakeTree, **changes: str) -> list[str]:
    root = make_tree({"a.md": valid_record(**changes)})
    return [issue.as_text() for issue in check_paths(root, [root / "a.md"]).issues]


def codes(make_tree: MakeTree, **changes: str) -> list[str]:
    root = make_tree({"a.md": valid_record(**changes)})
    return [issue.code for issue in check_paths(root, [root / "a.md"]).issues]


def district(started: str) -> dict[str, str]:
    return {"level: commune": "level: district", 'started: "2023-11"': f"started: {started}"}


def former(started: str) -> dict[str, str]:
    return {"province: Đắk Lắk": "province: Phú Yên", 'started: "2023-11"': f"started: {started}"}


@pytest.mark.parametrize("started", BEFORE)
def test_district_level_is_fine_before_the_merger(make_tree: MakeTree, started: str) -> None:
    assert codes(make_tree, **district(started)) == []


@pytest.mark.parametrize("started", AFTER)
def test_district_level_is_an_error_from_the_merger_day(make_tree: MakeTree, started: str) -> None:
    assert codes(make_tree, **district(started)) == ["district-after-merger"]


def test_district_level_on_the_merger_month_names_the_date(make_tree: MakeTree) -> None:
    assert findings(make_tree, **district('"2025-07"')) == [
        "a.md:7:8: error: level: cấp huyện đã bỏ từ 01/07/2025, nhưng sáng kiến bắt đầu "
        "2025-07; hãy chọn 'province' hoặc 'commune' — the district level was abolished on "
        "2025-07-01 but the initiative started 2025-07; use 'province' or 'commune'"
    ]


@pytest.mark.parametrize("started", BEFORE)
def test_former_province_is_fine_before_the_merger(make_tree: MakeTree, started: str) -> None:
    assert codes(make_tree, **former(started)) == []


@pytest.mark.parametrize("started", AFTER)
def test_former_province_is_a_warning_from_the_merger_day(
    make_tree: MakeTree, started: str
) -> None:
    assert codes(make_tree, **former(started)) == ["former-province-after-merger"]


def test_former_province_on_the_merger_day_names_both_provinces(make_tree: MakeTree) -> None:
    assert findings(make_tree, **former('"2025-07-01"')) == [
        "a.md:4:11: warning: province: tỉnh Phú Yên đã hợp nhất vào Đắk Lắk từ 01/07/2025, "
        "nhưng sáng kiến bắt đầu 2025-07-01; hãy ghi 'Đắk Lắk' — Phú Yên became part of "
        "Đắk Lắk on 2025-07-01 but the initiative started 2025-07-01; write 'Đắk Lắk'"
    ]


@pytest.mark.parametrize(
    ("started", "ended"),
    [
        ('"2024-05-02"', '"2024-05-02"'),  # a one-day initiative
        ('"2024-05"', '"2024-05"'),
        ('"2024-05"', "2024"),  # the year contains the month
        ("2024", '"2024-01"'),
        ('"2024-05-31"', '"2024-05"'),
        ('"2024-05"', '"2024-05-01"'),
    ],
)
def test_end_overlapping_the_start_is_accepted(
    make_tree: MakeTree, started: str, ended: str
) -> None:
    changes = {'started: "2023-11"': f"started: {started}\nended: {ended}"}
    assert codes(make_tree, **changes) == []


@pytest.mark.parametrize(
    ("started", "ended"),
    [
        ('"2024-05-02"', '"2024-05-01"'),
        ('"2024-05"', '"2024-04-30"'),
        ('"2024-05-01"', '"2024-04"'),
        ("2024", "2023"),
        ("2024", '"2023-12-31"'),
    ],
)
def test_end_wholly_before_the_start_is_an_error(
    make_tree: MakeTree, started: str, ended: str
) -> None:
    changes = {'started: "2023-11"': f"started: {started}\nended: {ended}"}
    assert codes(make_tree, **changes) == ["ended-before-started"]


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025", "2025-01-01", "2025-12-31"),
        ("2025-07", "2025-07-01", "2025-07-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2025-06-30", "2025-06-30", "2025-06-30"),
    ],
)
def test_a_partial_date_is_the_period_it_names(value: str, first: str, last: str) -> None:
    day = datetime.date.fromisoformat
    assert date_period(value) == (day(first), day(last))


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("1945", True),
        ("1944", False),
        ("2100", True),
        ("2101", False),
        (1945, True),
        (2023.5, False),
    ],
)
def test_years_run_from_1945_to_2100_and_a_year_is_a_whole_number(
    value: object, valid: bool
) -> None:
    from generator.schema import partial_date

    assert (partial_date(value) is not None) == valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2024-02-29", True), ("2023-02-29", False), ("2000-02-29", True), ("2100-02-29", False)],
)
def test_the_29th_of_february_only_in_leap_years(value: str, valid: bool) -> None:
    from generator.schema import partial_date

    assert (partial_date(value) is not None) == valid


def test_a_start_from_today_on_is_not_in_the_future(make_tree: MakeTree) -> None:
    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    started = 'started: "2023-11"'
    for now in (today.isoformat(), f'"{today:%Y-%m}"', str(today.year)):
        assert codes(make_tree, **{started: f"started: {now}"}) == [], now
    for later in (tomorrow.isoformat(), str(today.year + 1)):
        assert codes(make_tree, **{started: f"started: {later}"}) == ["started-in-future"], later
