"""On what authority a record speaks: quoted figures and values marked as inferred."""

from __future__ import annotations

import pytest

from generator.rules.evidence import is_quoted, readings

from ..contests.conftest import ContestRepo, repo  # noqa: F401 (fixture)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (257190, "Số hóa 257.190 hồ sơ từ 01/01 đến 15/9/2023."),  # Vietnamese thousands
        (68.8, "tỷ lệ thanh toán trực tuyến đạt 68,8%"),  # Vietnamese decimal comma
        (68.8, "online payments reached 68.8%"),
        (257190, "257,190 dossiers"),
        (0, "không còn hồ sơ trễ hạn (0 hồ sơ)"),
        (97.78, "đạt 97,78% đúng hạn"),
        (1835, "1.835 thủ tục hành chính"),
    ],
)
def test_figures_are_found_in_quotes_written_either_way(value: float, quote: str) -> None:
    assert is_quoted(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [(257190, "257 hồ sơ"), (68.8, "68 hoặc 8"), (6, "341 hồ sơ"), (100, "10%"), (30, "")],
)
def test_other_figures_are_not(value: float, quote: str) -> None:
    assert not is_quoted(value, [quote])


def test_a_number_is_read_both_ways() -> None:
    assert readings("257.190") == {257190.0, 257.19}
    assert readings("1.2.3") == {123.0}


def metrics_record(quote: str | None) -> str:
    lines = [
        "---",
        "title: Giảm hồ sơ trễ hạn",
        "summary: Hồ sơ trễ hạn giảm mạnh nhờ nhắc việc.",
        "province: Quảng Trị",
        "agency: UBND huyện Cam Lộ",
        "level: district",
        "domains: [procedures]",
        "status: unknown",
        'started: "2023"',
        "inferred: [started, ended, started]",
        "metrics:",
        "  - {label: Hồ sơ trễ hạn, value: 6, baseline: 341, unit: hồ sơ}",
        "sources:",
        "  - title: Cam Lộ cải cách hành chính",
        "    publisher: Báo Quảng Trị",
        '    date: "2024"',
        "    url: https://baoquangtri.vn/bai",
    ]
    if quote is not None:
        lines.append(f"    quote: {quote}")
    return "\n".join([*lines, "---", "", "Nội dung."]) + "\n"


def test_inferred_fields_must_exist_and_figures_need_a_quote(
    repo: ContestRepo,  # noqa: F811
) -> None:
    path = repo.root / "initiatives" / "quang-tri" / "tre-han.md"
    path.parent.mkdir(parents=True)
    path.write_text(metrics_record(None), encoding="utf-8")
    code, issues = repo.check()
    assert code == 1
    assert [(i["code"], i["line"], i["field"], i["severity"]) for i in issues] == [
        ("inferred-missing", 10, "inferred[1]", "error"),
        ("duplicate-item", 10, "inferred[2]", "error"),
        ("metric-not-quoted", 12, "metrics[0].value", "warning"),
        ("metric-not-quoted", 12, "metrics[0].baseline", "warning"),
    ]
    assert "'ended'" in issues[0]["message"]
    assert "con số 341" in issues[3]["message"]
    quote = "Số hồ sơ trễ hạn giảm từ 341 hồ sơ (năm 2022) xuống còn 6 hồ sơ (năm 2023)."
    path.write_text(
        metrics_record(quote).replace("[started, ended, started]", "[started]"), "utf-8"
    )
    assert repo.check() == (0, [])
    path.write_text(metrics_record("x" * 601).replace(", ended, started", ""), "utf-8")
    code, issues = repo.check()
    found = {(i["code"], i["field"]) for i in issues}
    assert code == 1 and ("too-long", "sources[0].quote") in found
