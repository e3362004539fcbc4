"""Each fixture under ``tests/data/check`` gives exactly the findings in its ``.expected``.

The messages are what officers read, so whole lines are compared, position included.
Regenerate after a deliberate change with ``tools/regen_check_expected.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_paths

from ..conftest import FIXTURES

CHECK = FIXTURES / "check"
CASES = sorted(CHECK.glob("*.md"))


@pytest.mark.parametrize("fixture", CASES, ids=[case.stem for case in CASES])
def test_fixture_reports_exactly_the_expected_findings(fixture: Path) -> None:
    expected = fixture.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = check_paths(CHECK, [fixture])
    assert [issue.as_text() for issue in result.issues] == expected
    assert result.ok == (not any(": error: " in line for line in expected))


def test_every_fixture_has_an_expectation_and_every_expectation_a_fixture() -> None:
    fixtures = {path.stem for path in CHECK.glob("*.md")}
    expectations = {path.stem for path in CHECK.glob("*.expected")}
    assert fixtures == expectations


def test_valid_fixtures_are_valid_and_invalid_ones_are_not() -> None:
    for fixture in CASES:
        expected = fixture.with_suffix(".expected").read_text(encoding="utf-8")
        if fixture.stem.startswith("valid-"):
            assert expected == "", fixture.name
        elif fixture.stem not in ("body-code-is-fine",):
            assert expected != "", fixture.name


def test_one_run_reports_problems_of_every_file() -> None:
    bad = [CHECK / "province-unknown.md", CHECK / "yaml-syntax.md", CHECK / "Bad_Name.md"]
    result = check_paths(CHECK, bad)
    assert sorted({issue.path for issue in result.issues}) == sorted(p.name for p in bad)
    assert result.checked == 3


def test_unquoted_date_is_kept_as_written() -> None:
    result = check_paths(CHECK, [CHECK / "valid-unquoted-date.md"])
    (record,) = result.records
    assert record.initiative.started == "2023-11-03"
    assert record.initiative.ended == "2024"


def test_former_province_record_carries_both_names() -> None:
    (record,) = check_paths(CHECK, [CHECK / "valid-former-province.md"]).records
    assert record.initiative.province == "Tỉnh Phú Yên"
    assert record.place.current.name == "Đắk Lắk"
    assert record.place.former is not None and record.place.former.name == "Phú Yên"
    assert record.place.label == "Phú Yên (trước 07/2025)"


def test_full_record_keeps_every_field() -> None:
    (record,) = check_paths(CHECK, [CHECK / "valid-full.md"]).records
    initiative = record.initiative
    assert initiative.metrics[0].value == 6 and initiative.metrics[0].baseline == 341
    assert initiative.metrics[1].value == 68.8
    assert initiative.contact is not None and initiative.contact.phone == "0262 3123 456"
    assert initiative.images[0].alt.startswith("Người dân")
    assert initiative.replicated_in == ["Cao Bằng", "TP.HCM"]
    assert [d.id for d in record.domains] == ["procedures"]
