"""The "Cuộc thi" section of a built site: nothing of the judging shows before publication."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build

from ..site.conftest import broken_links, make_project
from .conftest import ContestRepo

# Odd scores, so their figures cannot appear on a page by chance:
# total 13.25 + 2 × 27.75 + 11.5 = 80.25 (gk-01) and 20 + 60 + 20 = 100 (gk-02)
SECRET_SCORES = ("80.25", "80,25", "13.25", "13,25", "27.75", "27,75")
COMMENT = "Nhận xét kín của giám khảo số một"
PRIZE = "Giải Sen Vàng"
JUDGE = "Trần Thị Bí Danh"


def site_files(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".md", ".txt")
    }


def contest_repo(tmp_path: Path, **contest: object) -> ContestRepo:
    repo = ContestRepo(make_project(tmp_path / "repo", initiatives=None))
    repo.record("mot-cua-so", title="Một cửa số xã Hòa Thắng")
    repo.record("tra-tai-nha", title="Trả kết quả tại nhà", agency="UBND xã Ea Kao")
    panel = [
        {"id": "gk-01", "name": JUDGE, "unit": "Sở Tư pháp"},
        {"id": "gk-02", "name": "Lê Văn Hai", "unit": "Sở Nội vụ"},
    ]
    prizes = [{"label": PRIZE, "count": 1}]
    repo.contest(panel=panel, prizes=prizes, **contest)
    repo.scores("gk-01", {"mot-cua-so": {"tinh-moi": 13.25, "hieu-qua": 27.75, "nhan-rong": 11.5,
                                         "comment": COMMENT},
                          "tra-tai-nha": (10, 10, 10)})  # fmt: skip
    repo.scores("gk-02", {"mot-cua-so": (20, 30, 20), "tra-tai-nha": (10, 10, 10)})
    return repo


def built(repo: ContestRepo) -> dict[str, str]:
    result = build(repo.root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    assert broken_links(repo.root / "site") == []
    return site_files(repo.root / "site")


def test_unpublished_contest_shows_rules_and_entries_and_nothing_of_the_judging(
    tmp_path: Path,
) -> None:
    repo = contest_repo(tmp_path)
    files = built(repo)
    page = files["cuoc-thi/hoi-thi/index.html"]
    assert "Hội thi sáng kiến thử" in page and "Tính mới" in page and "Đang chấm" in page
    assert "Một cửa số xã Hòa Thắng" in page and "Trả kết quả tại nhà" in page
    conflicts = "sáng kiến của chính đơn vị mình; sáng kiến mình đã tự khai trong"
    assert f"Giám khảo không chấm {conflicts}" in page  # the contest's rule, then the judge's own
    assert "data-contest-ranking" not in page
    assert "Dự thi" in files["sang-kien/mot-cua-so/index.html"]
    for name, text in files.items():
        for secret in (*SECRET_SCORES, PRIZE, JUDGE, COMMENT, "90.12", "90,13"):
            assert secret not in text, (name, secret)
    assert not any(name.startswith("du-lieu/cuoc-thi/") for name in files)
    assert COMMENT not in "".join(p.read_text("utf-8") for p in (repo.root / "docs").rglob("*.*")
                                  if p.suffix in (".md", ".json"))  # fmt: skip


def test_published_contest_shows_the_ranking_the_judge_command_gives(tmp_path: Path) -> None:
    repo = contest_repo(tmp_path, published=True)
    files = built(repo)
    page = files["cuoc-thi/hoi-thi/index.html"]
    # mot-cua-so: (80.25 + 100) / 2 = 90.125 → 90.13 in the data; tra-tai-nha: 40
    assert "data-contest-ranking" in page and "Đã công bố" in page
    assert "90,13" in page or "90,12" in page  # shown with the Vietnamese decimal comma
    assert PRIZE in page and JUDGE in page
    winner = files["sang-kien/mot-cua-so/index.html"]
    assert PRIZE in winner and "Ghi nhận" in winner
    assert PRIZE not in files["sang-kien/tra-tai-nha/index.html"]
    published = json.loads(files["du-lieu/cuoc-thi/hoi-thi.json"])
    assert published == repo.judge()
    assert [(r["id"], r["score"], r["prize"]) for r in published["ranking"]] == [
        ("mot-cua-so", 90.12, PRIZE),  # round(90.125, 2): binary floats round half to even
        ("tra-tai-nha", 40.0, None),
    ]
    for name, text in files.items():
        assert COMMENT not in text, name
    listing = files["cuoc-thi/index.html"]
    assert "Hội thi sáng kiến thử" in listing and "Đã công bố" in listing


def test_an_illustrative_contest_says_so_and_awards_nothing_on_initiative_pages(
    tmp_path: Path,
) -> None:
    repo = contest_repo(tmp_path, published=True, illustrative=True)
    files = built(repo)
    assert "Ví dụ minh họa" in files["cuoc-thi/hoi-thi/index.html"]
    assert "ví dụ minh họa" in files["cuoc-thi/index.html"]
    winner = files["sang-kien/mot-cua-so/index.html"]
    assert PRIZE not in winner and "Dự thi" not in winner
    assert json.loads(files["du-lieu/cuoc-thi/hoi-thi.json"])["illustrative"] is True


def test_a_contest_known_from_a_report_shows_its_sources_not_rules(tmp_path: Path) -> None:
    from .test_checks import documented

    repo = ContestRepo(make_project(tmp_path / "repo", initiatives=None))
    repo.record("a", contests=())
    documented(repo)
    page = built(repo)["cuoc-thi/hoi-thi/index.html"]
    assert "Ghi lại từ nguồn" in page and "khoảng 2023" in page
    assert "Cổng thông tin tỉnh An Giang" in page and 'href="https://angiang.gov.vn/bai"' in page
    for absent in ("Tiêu chí chấm", "Cách xếp hạng", "Điều kiện dự thi", "Sáng kiến dự thi"):
        assert absent not in page, absent


def test_scorecards_kept_outside_the_repository_publish_the_same_ranking(
    tmp_path: Path,
) -> None:
    """The committee keeps its scorecards private and names them at publication time."""
    repo = contest_repo(tmp_path, published=True)
    private = tmp_path / "rieng"
    private.mkdir()
    (repo.root / "contests" / "hoi-thi" / "scores").rename(private / "hoi-thi")
    assert not build(repo.root).ok  # published, and no scorecards in the repository
    code, _, err = repo.run("build", "--scores", str(private))
    assert (code, err) == (0, "")
    files = site_files(repo.root / "site")
    ranking = json.loads(files["du-lieu/cuoc-thi/hoi-thi.json"])["ranking"]
    assert [(r["id"], r["score"], r["prize"]) for r in ranking] == [
        ("mot-cua-so", 90.12, PRIZE),
        ("tra-tai-nha", 40.0, None),
    ]
    assert "data-contest-ranking" in files["cuoc-thi/hoi-thi/index.html"]


def test_a_contest_named_like_the_contest_index_is_told_to_rename_it(tmp_path: Path) -> None:
    """``cuoc-thi/index.md`` lists the contests: the check says so before any build."""
    repo = ContestRepo(make_project(tmp_path / "repo", initiatives=None))
    repo.record("a", contests=("index",))
    repo.contest("index")
    code, issues = repo.check()
    assert code == 1
    first = issues[0]
    where = (first["path"], first["line"], first["field"], first["code"])
    assert where == ("contests/index/contest.yml", 1, "id", "reserved-slug")
    assert first["message_en"] == (
        "'index' would take the address 'cuoc-thi/', which the site uses for something else; "
        "choose another name"
    )
    assert not build(repo.root).ok
    assert not (repo.root / "site").exists()
