"""Every text a user reads is made from the catalogue (``messages.py``), in both languages.

A finding holds its code and values; values that read differently in each language
(suggestions, reasons, vocabulary names) are worded by the catalogue when the finding is
read, so no module composes half a sentence in Vietnamese and the other half in English.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from generator.issues import make_issue
from generator.messages import EN, VI, Count, Joined, Term, did_you_mean, line, phrase

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
# the functions that make a finding or a line from the catalogue, under every name used
FINDING_MAKERS = {"make_issue", "finding", "_issue", "issue", "phrase", "say", "line"}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def test_a_finding_holds_values_and_is_worded_when_read() -> None:
    issue = make_issue(
        "unknown-province",
        "a.md",
        4,
        11,
        "province",
        value="Dak Lakk",
        hint=did_you_mean(["Đắk Lắk"]),
    )
    assert issue.values == (("value", "Dak Lakk"), ("hint", did_you_mean(["Đắk Lắk"])))
    assert issue.message == "không có tỉnh/thành 'Dak Lakk'; có phải: 'Đắk Lắk'?"
    assert issue.message_en == "unknown province 'Dak Lakk'; did you mean: 'Đắk Lắk'?"
    assert list(json.loads(json.dumps(issue.as_dict()))) == [
        *("path", "line", "column", "severity", "field", "code", "message", "message_en"),
    ]


def test_no_suggestion_says_nothing_in_either_language() -> None:
    issue = make_issue(
        "unknown-province", "a.md", 1, 1, "province", value="X", hint=did_you_mean([])
    )
    assert (issue.message, issue.message_en) == ("không có tỉnh/thành 'X'", "unknown province 'X'")


def test_worded_values_read_in_the_messages_language() -> None:
    reasons = Joined(
        (phrase("only-levels", levels="commune"), phrase("only-started-from", date="2020"))
    )
    assert reasons.in_language(VI) == "chỉ nhận cấp commune; chỉ nhận sáng kiến bắt đầu từ 2020"
    assert reasons.in_language(EN) == "only levels commune; only those started from 2020"
    label = phrase("status-label", name=Term("Đang áp dụng", "Active"), id="active")
    assert (label.in_language(VI), label.in_language(EN)) == (
        'tình trạng "Đang áp dụng" (active)',
        "Active",
    )


def test_counts_are_plural_in_english_only() -> None:
    assert line(
        "checked", files=Count(1, "file"), errors=Count(2, "error"), warnings=Count(0, "warning")
    ) == ("Đã kiểm tra 1 tệp: 2 lỗi, 0 cảnh báo. — Checked 1 file: 2 errors, 0 warnings.")


def test_a_missing_value_is_refused_when_the_finding_is_made() -> None:
    try:
        make_issue("unknown-province", "a.md", 1, 1, "province", value="X")
    except KeyError as error:
        assert "hint" in str(error)
    else:
        raise AssertionError("a finding without its hint was made")


def test_no_module_hands_a_finding_half_sentences() -> None:
    """``hint_vi=…, hint_en=…`` was how text slipped out of the catalogue: values only."""
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in FINDING_MAKERS:
                for keyword in node.keywords:
                    if keyword.arg and keyword.arg.endswith(("_vi", "_en")):
                        found.append(f"{path.name}:{node.lineno}: {keyword.arg}=")
    assert found == []


def test_the_commands_print_only_through_report() -> None:
    tree = ast.parse((GENERATOR / "cli.py").read_text(encoding="utf-8"))
    prints = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    ]
    assert prints == []
