"""Rankings worked out by hand: each method, exclusions, ties, prizes, reproducibility.

Scores are written ``(tinh-moi, hieu-qua, nhan-rong)``; a judge's total is
tinh-moi + 2 × hieu-qua + nhan-rong, at most 140.
"""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import CONTEST, ContestRepo, by_id


def test_mean_ranks_by_the_judges_mean_total_so_fewer_judges_are_not_penalised(
    repo: ContestRepo,
) -> None:
    for entry in ("a", "b", "c"):
        repo.record(entry)
    repo.contest()
    # a: 100, 120, 75 → 295 / 3 = 98.33      b: 60, 140 → 200 / 2 = 100      c: 30
    # (by the sum, a would win with 295 against 200)
    repo.scores("gk-01", {"a": (20, 30, 20), "b": (10, 20, 10)})
    repo.scores("gk-02", {"a": (25, 35, 25), "b": (30, 40, 30)})
    repo.scores("gk-03", {"a": (15, 25, 10), "c": (5, 10, 5)})
    result = repo.judge()
    assert result["contest"] == "hoi-thi" and result["method"] == "mean"
    assert [
        (r["rank"], r["id"], r["score"], r["judges"], r["prize"]) for r in result["ranking"]
    ] == [
        (1, "b", 100.0, 2, "Giải Nhất"),
        (2, "a", 98.33, 3, "Giải Nhì"),
        (3, "c", 30.0, 1, None),
    ]
    a = by_id(result)["a"]
    # criterion means: (20 + 25 + 15) / 3, (30 + 35 + 25) / 3, (20 + 25 + 10) / 3
    assert a["criteria"] == {"tinh-moi": 20.0, "hieu-qua": 30.0, "nhan-rong": 18.33}
    # spread 120 − 75 = 45, more than a quarter of 140 (35): flagged
    assert (a["spread"], a["disagreement"]) == (45.0, True)
    assert by_id(result)["c"]["disagreement"] is False  # one judge cannot disagree
    assert a["excluded"] == [] and a["short_of_judges"] is False


def five_judges(repo: ContestRepo) -> None:
    """d: totals 50, 100, 100, 100, 140 (5 judges)   e: 50, 100, 100, 140 (4 judges)."""
    low, mid, high = (10, 15, 10), (20, 30, 20), (30, 40, 30)  # 50, 100, 140
    repo.record("d")
    repo.record("e")
    repo.scores("gk-01", {"d": low, "e": low})
    repo.scores("gk-02", {"d": mid, "e": mid})
    repo.scores("gk-03", {"d": mid, "e": mid})
    repo.scores("gk-04", {"d": mid})
    repo.scores("gk-05", {"d": high, "e": high})


def test_trimmed_mean_drops_the_extremes_only_from_five_judges(repo: ContestRepo) -> None:
    five_judges(repo)
    repo.contest(method="trimmed-mean")
    result = by_id(repo.judge())
    assert result["d"]["score"] == 100.0  # 50 and 140 dropped: (100 + 100 + 100) / 3
    assert result["e"]["score"] == 97.5  # 4 judges, nothing dropped: 390 / 4
    repo.contest(method="mean")
    assert by_id(repo.judge())["d"]["score"] == 98.0  # 490 / 5


def test_z_score_weighs_a_harsh_and_a_lenient_judge_the_same(repo: ContestRepo) -> None:
    for entry in ("p", "q", "r"):
        repo.record(entry)
    repo.contest(method="z-score")
    repo.scores("gk-01", {"p": (10, 10, 10), "q": (10, 20, 10)})  # harsh: 40, 60
    repo.scores("gk-02", {"p": (30, 35, 30), "q": (20, 35, 20), "r": (30, 30, 30)})  # 130, 110, 120
    repo.scores("gk-03", {"r": (30, 40, 30)})  # 140, alone: no spread, z = 0
    # gk-01: mean 50, σ 10 → p −1, q +1
    # gk-02: mean 120, σ √(200/3) = 8.165 → p +1.2247, q −1.2247, r 0
    # mean z: p (−1 + 1.2247) / 2 = 0.1124; q −0.1124; r (0 + 0) / 2 = 0
    # scale: all totals 40, 60, 130, 110, 120, 140: mean 100, σ √(8200/6) = 36.968
    # shown: p 100 + 0.1124 × 36.968 = 104.15; r 100; q 95.85
    # (by the mean p and q tie at 85 and r leads with 130: the harsh judge decided)
    result = repo.judge()
    assert [(r["id"], r["score"]) for r in result["ranking"]] == [
        ("p", 104.15),
        ("r", 100.0),
        ("q", 95.85),
    ]


def test_ties_are_broken_by_the_tie_break_criteria_then_shared(repo: ContestRepo) -> None:
    for entry in ("t1", "t2", "t3", "t4"):
        repo.record(entry)
    repo.contest(prizes=[{"label": "Giải Nhất", "count": 1}, {"label": "Giải Nhì", "count": 2}])
    # all but t4 total 100; t2 has the best hieu-qua (35); t1 and t3 are equal everywhere
    repo.scores(
        "gk-01", {"t1": (20, 30, 20), "t2": (10, 35, 20), "t3": (20, 30, 20), "t4": (0, 0, 0)}
    )
    lines = [(r["rank"], r["id"], r["prize"]) for r in repo.judge()["ranking"]]
    # competition ranking: 1, 2, 2, 4; the shared 2nd place shares its prize
    assert lines == [
        (1, "t2", "Giải Nhất"),
        (2, "t1", "Giải Nhì"),
        (2, "t3", "Giải Nhì"),
        (4, "t4", None),
    ]


def test_a_shared_rank_never_splits_a_prize(repo: ContestRepo) -> None:
    for entry in ("u1", "u2", "u3"):
        repo.record(entry)
    repo.contest()  # Nhất ×1, Nhì ×1
    repo.scores("gk-01", {"u1": (20, 30, 20), "u2": (20, 30, 20), "u3": (10, 10, 10)})
    lines = [(r["rank"], r["id"], r["prize"]) for r in repo.judge()["ranking"]]
    # both first: both Nhất; the next entry is 3rd, past the two prize places
    assert lines == [(1, "u1", "Giải Nhất"), (1, "u2", "Giải Nhất"), (3, "u3", None)]


def test_a_conflicted_score_is_excluded_and_reported(repo: ContestRepo) -> None:
    repo.record("x", agency="ubnd xa hoa thang")  # the judge's unit, without marks
    repo.record("y", agency="UBND xã Ea Kao")
    panel = [
        {"id": "gk-01", "name": "A", "unit": "UBND xã Hòa Thắng"},
        {"id": "gk-02", "name": "B", "unit": "Sở Tư pháp"},
    ]
    repo.contest(panel=panel)
    card = repo.scores("gk-01", {"x": (30, 40, 30), "y": (20, 30, 20)})
    repo.scores("gk-02", {"x": (10, 20, 10), "y": (20, 30, 20)})
    result = by_id(repo.judge())
    # x counts only gk-02's 60: gk-01 (140) works in x's agency
    assert (result["x"]["score"], result["x"]["judges"], result["x"]["excluded"]) == (
        60.0,
        1,
        ["gk-01"],
    )
    assert result["y"]["excluded"] == []
    code, issues = repo.check()
    assert code == 0  # a warning: the score is set aside, the contest goes on
    [issue] = [i for i in issues if i["code"] == "conflict-of-interest"]
    assert (issue["path"], issue["line"], issue["severity"]) == (
        "contests/hoi-thi/scores/gk-01.yml",
        1,
        "warning",
    )
    assert card.read_text(encoding="utf-8").splitlines()[0].startswith("x:")
    assert "gk-01" in issue["message"] and "đơn vị" in issue["message"]


def test_province_and_declared_conflicts(repo: ContestRepo) -> None:
    repo.record("x")  # Đắk Lắk
    repo.record("y", province="Cao Bằng", folder="cao-bang")
    panel = [
        {"id": "gk-01", "name": "A", "unit": "Sở A", "province": "Phú Yên"},  # now Đắk Lắk
        {"id": "gk-02", "name": "B", "unit": "Sở B", "conflicts": ["y"]},
        {"id": "gk-03", "name": "C", "unit": "Sở C"},
    ]
    repo.contest(panel=panel, conflict_of_interest=["province"])
    for judge in ("gk-01", "gk-02", "gk-03"):
        repo.scores(judge, {"x": (20, 30, 20), "y": (20, 30, 20)})
    result = by_id(repo.judge())
    assert result["x"]["excluded"] == ["gk-01"] and result["y"]["excluded"] == ["gk-02"]


def test_entries_short_of_judges_are_ranked_marked_and_given_no_prize(repo: ContestRepo) -> None:
    for entry in ("v1", "v2", "v3"):
        repo.record(entry)
    repo.contest(min_judges=2)
    repo.scores("gk-01", {"v1": (30, 40, 30), "v2": (20, 30, 20), "v3": (10, 20, 10)})
    repo.scores("gk-02", {"v2": (20, 30, 20), "v3": (10, 20, 10)})
    lines = [
        (r["rank"], r["id"], r["prize"], r["short_of_judges"]) for r in repo.judge()["ranking"]
    ]
    assert lines == [
        (1, "v1", None, True),
        (2, "v2", "Giải Nhất", False),
        (3, "v3", "Giải Nhì", False),
    ]
    _code, issues = repo.check()
    assert [(i["code"], i["field"]) for i in issues] == [("too-few-judges", "min_judges")]
    assert "'v1'" in issues[0]["message"] and "1" in issues[0]["message"]


def test_an_entry_nobody_scored_is_listed_last_without_a_rank(repo: ContestRepo) -> None:
    repo.record("w1")
    repo.record("w2")
    repo.contest()
    repo.scores("gk-01", {"w1": (20, 30, 20)})
    assert [(r["id"], r["rank"], r["score"]) for r in repo.judge()["ranking"]] == [
        ("w1", 1, 100.0),
        ("w2", None, None),
    ]


def test_the_same_files_in_another_order_give_the_same_result(repo: ContestRepo) -> None:
    for entry in ("a", "b", "c"):
        repo.record(entry)
    repo.contest(method="z-score")
    cards = {
        "gk-01": {"a": (17, 23, 11), "b": (9, 31, 22), "c": (28, 12, 7)},
        "gk-02": {"a": (5, 39, 19), "b": (21, 18, 30), "c": (13, 27, 16)},
    }
    for judge, card in cards.items():
        repo.scores(judge, card)
    first = repo.judge()
    for judge, card in cards.items():  # entries in reverse order, judges' files rewritten
        repo.scores(judge, dict(reversed(card.items())))
    assert repo.judge() == first


def test_csv_is_for_the_minutes_and_text_for_the_committee(repo: ContestRepo) -> None:
    repo.record("a", title="Một cửa số")
    repo.contest()
    repo.scores("gk-01", {"a": {"tinh-moi": 20, "hieu-qua": 30, "nhan-rong": 20,
                                "comment": "Cần thêm số liệu."}})  # fmt: skip
    code, out, _ = repo.run("judge", "hoi-thi", "--format", "csv")
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0] == ["rank", "id", "title", "score", "judges", "prize", "tinh-moi",
                       "hieu-qua", "nhan-rong", "excluded", "note"]  # fmt: skip
    assert rows[1] == ["1", "a", "Một cửa số", "100.00", "1", "Giải Nhất", "20.00", "30.00",
                       "20.00", "", ""]  # fmt: skip
    code, out, _ = repo.run("judge", "hoi-thi")
    assert code == 0 and "Giải Nhất" in out and "mean" in out
    assert "Cần thêm số liệu." not in out  # comments only when asked for
    code, out, _ = repo.run("judge", "hoi-thi", "--comments")
    assert "a · gk-01: Cần thêm số liệu." in out
    assert "Cần thêm số liệu." not in repo.run("judge", "hoi-thi", "--format", "json")[1]


@pytest.mark.parametrize("method", ["mean", "trimmed-mean", "z-score"])
def test_every_method_is_printed_with_the_result(repo: ContestRepo, method: str) -> None:
    repo.record("a")
    repo.contest(method=method)
    repo.scores("gk-01", {"a": (20, 30, 20)})
    assert repo.judge()["method"] == method
    assert f"method: {method}" in repo.run("judge", "hoi-thi")[1]


@pytest.mark.parametrize("name", ["..", ".", "../initiatives", "scores", ""])
def test_judge_names_a_contest_by_its_id_never_by_a_path(repo: ContestRepo, name: str) -> None:
    """``..`` and ``../initiatives`` are folders too: they were judged as a contest with
    errors, and no finding said which. Now they are no contest, and the known ones listed."""
    repo.contest()
    code, out, err = repo.run("judge", name)
    assert (code, out) == (2, "")
    assert err.startswith(f"sangkien judge: không có cuộc thi '{name}' trong ")
    assert err.rstrip().endswith(f"no contest '{name}'; có / known: {CONTEST}")
