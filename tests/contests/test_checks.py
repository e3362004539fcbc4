"""Contest files, entries and scorecards get the same located, bilingual findings as records."""

from __future__ import annotations

from pathlib import Path

from .conftest import CONTEST, ContestRepo

CARD = "contests/hoi-thi/scores/gk-01.yml"
FILE = "contests/hoi-thi/contest.yml"


def found(issues: list[dict]) -> list[tuple[str, str, int, str, str]]:
    return [(i["code"], i["path"], i["line"], i["field"], i["severity"]) for i in issues]


def test_every_scorecard_problem_is_reported_in_one_run_on_its_line(repo: ContestRepo) -> None:
    repo.record("a")
    repo.record("b")
    repo.record("khong-du-thi", contests=())
    repo.contest()
    repo.scores(
        "gk-01",
        {},
        text="""\
a:
  tinh-moi: 31
  hieu-qua: nhiều
  nhan-rong: 20
  hieu-qa: 5
b:
  tinh-moi: 10
  hieu-qua: 10
  comment: 5
khong-du-thi: {tinh-moi: 1, hieu-qua: 1, nhan-rong: 1}
khong-co: {tinh-moi: 1, hieu-qua: 1, nhan-rong: 1}
""",
    )
    repo.scores("gk-99", {"a": (1, 1, 1)})
    code, issues = repo.check()
    assert code == 1
    assert found(issues) == [
        ("score-out-of-range", CARD, 2, "a.tinh-moi", "error"),
        ("score-not-number", CARD, 3, "a.hieu-qua", "error"),
        ("unknown-criterion", CARD, 5, "a.hieu-qa", "error"),
        ("missing-score", CARD, 6, "b", "error"),
        ("comment-not-text", CARD, 9, "b.comment", "error"),
        ("not-entered", CARD, 10, "khong-du-thi", "error"),
        ("unknown-entry", CARD, 11, "khong-co", "error"),
        ("judge-not-on-panel", "contests/hoi-thi/scores/gk-99.yml", 1, "file", "error"),
    ]
    by_code = {i["code"]: i for i in issues}
    assert by_code["score-out-of-range"]["message"] == (
        "điểm 31 nằm ngoài khoảng 0–30 của tiêu chí 'tinh-moi'"
    )
    assert by_code["score-out-of-range"]["message_en"] == (
        "score 31 is outside criterion 'tinh-moi''s range 0–30"
    )
    assert "'nhiều'" in by_code["score-not-number"]["message"]
    assert "có phải: 'hieu-qua'?" in by_code["unknown-criterion"]["message"]
    assert "'nhan-rong' (Khả năng nhân rộng, từ 0 đến 30)" in by_code["missing-score"]["message"]
    assert "contests: [hoi-thi]" in by_code["not-entered"]["message"]
    assert "'gk-99.yml'" in by_code["judge-not-on-panel"]["message"]
    code, out, _ = repo.run("judge", "hoi-thi")
    assert code == 1 and out == ""  # no ranking from scorecards with errors


def test_a_blank_score_is_reported_as_not_yet_given(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest()
    repo.scores("gk-01", {}, text="a:\n  tinh-moi:\n  hieu-qua: 1\n  nhan-rong: 1\n")
    _, issues = repo.check()
    assert found(issues) == [("score-not-number", CARD, 2, "a.tinh-moi", "error")]
    assert "để trống / empty" in issues[0]["message"]


def test_the_contest_file_is_checked_like_a_record(repo: ContestRepo) -> None:
    repo.record("a", contests=())
    path = repo.contest(
        criteria=[
            {"id": "tinh-moi", "label": "Tính mới", "max": 30},
            {"id": "tinh-moi", "label": "Lặp", "max": 0},
            {"id": "Hiệu quả", "label": "Hiệu quả", "max": 40},
        ],
        tie_break=["hieu-qua"],
        closes="2025-01-31",
        method="median",
        eligibility={"provinces": ["Tây Nguyên"], "domains": ["thu-tuc"]},
    )
    text = path.read_text(encoding="utf-8").splitlines()

    def line(snippet: str) -> int:
        return next(n for n, row in enumerate(text, 1) if snippet in row)

    code, issues = repo.check()
    rel = "contests/hoi-thi/contest.yml"
    assert code == 1
    assert found(issues) == sorted(
        [
            ("not-positive", rel, line("max: 0"), "criteria[1].max", "error"),
            ("bad-key", rel, line("id: Hiệu quả"), "criteria[2].id", "error"),
            ("not-one-of", rel, line("method: median"), "method", "error"),
        ],
        key=lambda f: (f[2], f[3]),
    )
    assert "'hieu-qua'" in next(i for i in issues if i["code"] == "bad-key")["message"]
    path.write_text("\n".join(text).replace("method: median", "method: mean")
                    .replace("max: 0", "max: 10").replace("id: Hiệu quả", "id: hieu-qua-2")
                    + "\n", encoding="utf-8")  # fmt: skip
    _, issues = repo.check()
    assert [(i["code"], i["field"]) for i in issues] == [
        ("closes-before-opens", "closes"),
        ("duplicate-item", "criteria[1].id"),
        ("unknown-criterion", "tie_break[0]"),
        ("unknown-province", "eligibility.provinces[0]"),
        ("unknown-domain", "eligibility.domains[0]"),
    ]
    assert "có phải: 'hieu-qua-2'?; các tiêu chí: tinh-moi, hieu-qua-2" in issues[2]["message"]
    assert "không có tỉnh/thành 'Tây Nguyên'" in issues[3]["message"]


def test_entries_must_name_a_contest_they_may_enter(repo: ContestRepo) -> None:
    repo.contest(
        eligibility={
            "provinces": ["Đắk Lắk"],
            "levels": ["commune"],
            "domains": ["procedures"],
            "started_after": "2023",
        }
    )
    repo.record("ok", started="2023-05")
    repo.record("sai-ten", contests=("hoi-thii",))
    repo.record("tinh-khac", province="Cao Bằng", folder="cao-bang")
    repo.record("cap-tinh", level="province", domains=("institutions",))
    repo.record("cu-qua", started="2019")
    repo.record("muon-qua", started="2025-07")
    code, issues = repo.check()
    assert code == 1
    codes = {Path(i["path"]).stem: (i["code"], i["field"]) for i in issues}
    assert codes == {
        "sai-ten": ("unknown-contest", "contests[0]"),
        "tinh-khac": ("not-eligible", "contests[0]"),
        "cap-tinh": ("not-eligible", "contests[0]"),
        "cu-qua": ("not-eligible", "contests[0]"),
        "muon-qua": ("started-after-close", "contests[0]"),
    }
    messages = {Path(i["path"]).stem: i["message"] for i in issues}
    assert "có phải: 'hoi-thi'?" in messages["sai-ten"]
    assert "chỉ nhận sáng kiến của Đắk Lắk" in messages["tinh-khac"]
    assert "chỉ nhận cấp commune; chỉ nhận lĩnh vực procedures" in messages["cap-tinh"]
    assert "bắt đầu từ 2023" in messages["cu-qua"]
    assert "2025-07" in messages["muon-qua"] and "2025-06-30" in messages["muon-qua"]
    record = (repo.root / "initiatives/dak-lak/sai-ten.md").read_text(encoding="utf-8")
    contests_line = record.splitlines().index("contests:") + 2  # the list item below it
    assert next(i for i in issues if i["code"] == "unknown-contest")["line"] == contests_line


def test_a_former_province_admits_only_records_made_under_it(repo: ContestRepo) -> None:
    repo.contest(eligibility={"provinces": ["Phú Yên"]})
    repo.record("mot-cua-phu-yen", province="Phú Yên")
    repo.record("dak-lak-nay")
    _, issues = repo.check()
    assert [(Path(i["path"]).stem, i["code"]) for i in issues] == [("dak-lak-nay", "not-eligible")]


def test_a_copy_of_a_model_the_province_already_applied_is_flagged(repo: ContestRepo) -> None:
    repo.contest()
    repo.record("cu", title="Ngày thứ Sáu nhanh", started="2022", contests=())
    repo.record("moi", title="Ngày thứ sáu nhanh hơn", started="2024")
    repo.record("khac", title="Thanh toán không tiền mặt", started="2024")
    code, issues = repo.check()
    assert code == 0
    assert [(Path(i["path"]).stem, i["code"], i["severity"]) for i in issues] == [
        ("moi", "similar-title", "warning"),  # any record
        ("moi", "similar-to-earlier", "warning"),  # a contest entry: không trùng lắp
    ]
    assert all("initiatives/dak-lak/cu.md" in issue["message"] for issue in issues)


def test_a_published_contest_needs_its_scorecards(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest(published=True)
    code, issues = repo.check()
    assert (code, [i["code"] for i in issues]) == (1, ["published-without-scores"])
    assert "contests/hoi-thi/scores/" in issues[0]["message"]


def test_scorecards_kept_outside_the_repository(repo: ContestRepo, tmp_path: Path) -> None:
    repo.record("a")
    repo.contest(published=True)
    private = tmp_path / "rieng" / "hoi-thi"
    private.mkdir(parents=True)
    (private / "gk-01.yml").write_text("a: {tinh-moi: 20, hieu-qua: 30, nhan-rong: 20}\n")
    (private / "ghi-chu.txt").write_text("not a scorecard")
    code, issues = repo.check("--scores", str(tmp_path / "rieng"))
    assert code == 0
    assert [i["code"] for i in issues] == ["not-a-scorecard"]
    assert repo.judge("--scores", str(tmp_path / "rieng"))["ranking"][0]["score"] == 100.0
    # the contest's own folder is not the layout (tests/contests/test_scores_folder.py)
    code, _, err = repo.run("judge", "hoi-thi", "--scores", str(private))
    assert code == 1
    assert f"{private}/gk-01.yml:1:1: error: file: phiếu chấm phải nằm trong" in err


def test_a_contest_folder_without_its_file(repo: ContestRepo) -> None:
    repo.record("a", contests=())
    (repo.root / "contests" / "quen-tep").mkdir(parents=True)
    code, issues = repo.check()
    assert (code, found(issues)) == (
        1,
        [("contest-file-missing", "contests/quen-tep/", 1, "file", "error")],
    )


def test_checking_named_files_reports_on_those_files(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest()
    repo.scores("gk-01", {"a": (99, 1, 1)})
    record = str(repo.root / "initiatives" / "dak-lak" / "a.md")
    assert repo.check(record) == (0, [])
    code, issues = repo.check(str(repo.root / "contests"))
    assert code == 1 and [i["code"] for i in issues] == ["score-out-of-range"]


def test_judge_says_which_contests_exist(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest()
    code, out, err = repo.run("judge", "hoi-thi-khac")
    assert (code, out) == (2, "") and "hoi-thi" in err
    code, _, err = repo.run("judge", "hoi-thi", "--assign", "2")
    assert code == 2 and "--packets" in err


def documented(repo: ContestRepo, **changes: object) -> Path:
    """A contest known only from a news report: no criteria, method or panel."""
    path = repo.root / "contests" / "hoi-thi" / "contest.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "title: Hội thi tìm kiếm giải pháp cải cách hành chính huyện An Phú",
        "organiser: Huyện An Phú",
        "year: 2023",
        "inferred: [year]",
        "sources:",
        "  - title: Nghiên cứu mô hình, giải pháp cải cách hành chính",
        "    publisher: Cổng thông tin tỉnh An Giang",
        '    date: "2023-08-15"',
        "    url: https://angiang.gov.vn/bai",
        *(f"{key}: {value}" for key, value in changes.items()),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_contest_known_from_a_report_is_recorded_not_judged(repo: ContestRepo) -> None:
    repo.record("a", contests=())
    documented(repo)
    assert repo.check() == (0, [])
    code, out, err = repo.run("judge", "hoi-thi")
    assert (code, out) == (1, "") and "không chấm trên trang" in err
    documented(repo, published="true")
    code, issues = repo.check()
    assert (code, [(i["code"], i["line"]) for i in issues]) == (1, [("rules-missing", 1)])
    assert "'criteria', 'method', 'panel'" in issues[0]["message"]
    documented(repo)
    repo.scores("gk-01", {"a": (1, 1, 1)})
    code, issues = repo.check()
    assert (code, [i["code"] for i in issues]) == (1, ["rules-missing"])
    assert "có phiếu chấm" in issues[0]["message"]


def test_an_id_without_letters_gets_a_placeholder_suggestion(repo: ContestRepo) -> None:
    """``%%`` slugs to nothing: the message still shows what an id looks like."""
    repo.record("a", contests=())
    repo.contest(criteria=[{"id": "%%", "label": "Tính mới", "max": 30}])
    _, issues = repo.check()
    bad = next(i for i in issues if i["code"] == "bad-key")
    assert "'%%' không dùng được làm mã" in bad["message"] and "ví dụ 'ma-moi'" in bad["message"]


def test_a_contest_file_has_size_limits(repo: ContestRepo) -> None:
    repo.record("a", contests=())
    panel = [{"id": f"gk-{n}", "name": f"Giám khảo {n}", "unit": "Sở"} for n in range(101)]
    repo.contest(panel=panel, organiser="Sở Nội vụ " * 30)
    code, issues = repo.check()
    assert code == 1
    assert [(i["line"], i["field"], i["message_en"]) for i in issues] == [
        (2, "organiser", "is 299 characters long, at most 200 allowed; shorten it"),
        (35, "panel", "at most 100 items allowed, has 101; keep the main ones"),
    ]


def test_a_judges_comment_is_remarks_not_a_file(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest()
    card = {"tinh-moi": 1, "hieu-qua": 1, "nhan-rong": 1, "comment": "x" * 2001}
    repo.scores("gk-01", {"a": card})
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message"]) for i in issues] == [
        (CARD, 5, "a.comment", "dài 2001 ký tự, tối đa 2000; hãy rút gọn")
    ]


def test_a_contest_has_upper_bounds_on_its_numbers(repo: ContestRepo) -> None:
    """``max: 1.7e+308`` overflowed the judges' totals and stopped ``judge`` and every build
    (exit 3); the check passed."""
    repo.record("a")
    repo.record("b")
    criteria = [
        {"id": "tinh-moi", "label": "Tính mới", "max": 1.7e308, "weight": 1.7e308},
        {"id": "hieu-qua", "label": "Hiệu quả", "max": 1000, "weight": 100},
    ]
    repo.contest(criteria=criteria, tie_break=[], published=True)
    repo.scores(
        "gk-01", {"a": {"tinh-moi": 1.7e308, "hieu-qua": 1000}, "b": {"tinh-moi": 1, "hieu-qua": 1}}
    )
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message_en"]) for i in issues[:2]] == [
        (FILE, 9, "criteria[0].max", "1.7e+308 is too big: at most 1000"),
        (FILE, 10, "criteria[0].weight", "1.7e+308 is too big: at most 100"),
    ]
    assert {i["code"] for i in issues[2:]} == {"unknown-contest"}  # the contest is not read
    code, _, err = repo.run("judge", CONTEST)
    assert code == 1 and "internal error" not in err


def test_a_prize_has_at_most_a_thousand_places(repo: ContestRepo) -> None:
    """A prize of ``count: 100000000000`` places passed the check, then the ranking listed
    every place and filled the memory of ``judge`` and of every build."""
    repo.record("a")
    repo.contest(prizes=[{"label": "Giải Nhất", "count": 100_000_000_000}], published=True)
    repo.scores("gk-01", {"a": (1, 1, 1)})
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message_en"]) for i in issues[:1]] == [
        (FILE, 28, "prizes[0].count", "100000000000 is too big: at most 1000"),
    ]
    assert {i["code"] for i in issues[1:]} == {"unknown-contest"}  # the contest is not read


def test_a_judge_files_one_scorecard(repo: ContestRepo) -> None:
    """``gk-01.yaml`` or ``gk-01.YML`` beside ``gk-01.yml`` was read as another scorecard of
    the same judge: counted three times, that judge turned the ranking over (b, then a),
    and the check said nothing."""
    repo.record("a")
    repo.record("b")
    repo.contest()
    repo.scores("gk-01", {"a": (10, 10, 10), "b": (20, 20, 20)})
    repo.scores("gk-02", {"a": (10, 10, 10), "b": (20, 20, 20)})
    card = repo.root / "contests/hoi-thi/scores/gk-01.yml"
    stuffed = card.read_text("utf-8").replace("10", "30").replace("20", "0")
    for name in ("gk-01.yaml", "gk-01.YML"):
        (card.parent / name).write_text(stuffed, "utf-8")
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message_en"]) for i in issues] == [
        (
            "contests/hoi-thi/scores/gk-01.YML",
            1,
            "file",
            "scorecard name 'gk-01.YML' must be the judge's id (lower-case ASCII letters,"
            " digits, hyphens) ending in .yml; rename it 'gk-01.yml'",
        ),
        (
            "contests/hoi-thi/scores/gk-01.yaml",
            1,
            "file",
            "judge 'gk-01' already has the scorecard contests/hoi-thi/scores/gk-01.yml; a judge"
            " files one scorecard, named <judge-id>.yml: merge the scores into it and delete"
            " this file",
        ),
    ]
    assert repo.run("judge", CONTEST)[0] == 1


def test_a_record_enters_a_contest_once(repo: ContestRepo) -> None:
    """``contests: [hoi-thi, hoi-thi]`` listed the entry twice in the ranking: it took two
    places, and a rival below it lost its prize (c, third, fell to fourth)."""
    repo.record("a", contests=(CONTEST, CONTEST))
    repo.record("b")
    repo.record("c")
    repo.contest()
    repo.scores("gk-01", {"a": (10, 10, 10), "b": (20, 20, 20), "c": (5, 5, 5)})
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message_en"]) for i in issues] == [
        (CARD, 1, "a", "no initiative with the id 'a' (or its record has errors)"),
        (
            "initiatives/dak-lak/a.md",
            13,
            "contests[1]",
            "'hoi-thi' is listed twice; remove the repeat",
        ),
    ]
