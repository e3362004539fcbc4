"""``--scores DIR``: the layout is ``DIR/<contest-id>/<judge-id>.yml`` and nothing else.

A contest reads its own folder only (``DIR/<id>/``, else ``contests/<id>/scores/``), never
``DIR`` itself or a sibling's, and never a subfolder: a decoy contest cannot publish
another contest's private scores, and the committee guide's own commands work.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from ..conftest import PROJECT
from ..site.conftest import make_project
from .conftest import CONTEST, ContestRepo
from .test_site import SECRET_SCORES, contest_repo, site_files

DECOY = "hoi-thi-mo"


def private_scores(repo: ContestRepo, tmp_path: Path) -> Path:
    """Move the contest's scorecards out of the repository, as the committee keeps them."""
    private = tmp_path / "rieng"
    private.mkdir()
    (repo.root / "contests" / CONTEST / "scores").rename(private / CONTEST)
    return private


def test_a_decoy_contest_never_reads_another_contests_private_scores(tmp_path: Path) -> None:
    repo = contest_repo(tmp_path)  # unpublished; its scores are private below
    private = private_scores(repo, tmp_path)
    # The hostile pull request: a published contest with the same panel, entering the
    # same two initiatives, with no scorecards of its own.
    panel = yaml.safe_load((repo.root / "contests" / CONTEST / "contest.yml").read_text())["panel"]
    decoy = repo.contest(DECOY, title="Hội thi mở", panel=panel, published=True)
    repo.record("mot-cua-so", title="Một cửa số xã Hòa Thắng", contests=(CONTEST, DECOY))
    repo.record("tra-tai-nha", title="Trả kết quả tại nhà", agency="UBND xã Ea Kao",
                contests=(CONTEST, DECOY))  # fmt: skip
    code, issues = repo.check("--scores", str(private))
    line = decoy.read_text(encoding="utf-8").splitlines().index("published: true") + 1
    assert code == 1
    assert [(i["path"], i["line"], i["code"]) for i in issues if i["severity"] == "error"] == [
        (f"contests/{DECOY}/contest.yml", line, "published-without-scores")
    ]
    assert issues[0]["message_en"] == (
        f"the contest says 'published: true' but there is no scorecard in contests/{DECOY}/"
        "scores/; add the scorecards (or give --scores the private folder that holds a folder "
        "named after the contest) and build again"
    )

    repo.scores("gk-01", {"mot-cua-so": (1, 1, 1), "tra-tai-nha": (2, 2, 2)}, contest_id=DECOY)
    code, _, err = repo.run("build", "--scores", str(private))
    assert (code, err) == (0, "")
    files = site_files(repo.root / "site")
    ranking = json.loads(files[f"du-lieu/cuoc-thi/{DECOY}.json"])["ranking"]
    assert [(r["id"], r["score"]) for r in ranking] == [("tra-tai-nha", 8.0), ("mot-cua-so", 4.0)]
    leaked = [(name, s) for name, text in files.items() for s in SECRET_SCORES if s in text]
    assert leaked == []


def test_a_subfolder_of_a_scores_folder_is_refused_not_counted(
    repo: ContestRepo, tmp_path: Path
) -> None:
    repo.record("a")
    repo.contest()
    card = repo.scores("gk-01", {"a": (20, 30, 20)})
    (card.parent / "ban-cu").mkdir()
    shutil.copy(card, card.parent / "ban-cu" / "gk-01.yml")  # a backup: the judge again
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["column"], i["field"]) for i in issues] == [
        (f"contests/{CONTEST}/scores/ban-cu/", 1, 1, "file")
    ]
    assert issues[0]["message"] == (
        "thư mục con trong thư mục phiếu chấm không được đọc: một bản sao lưu sẽ tính điểm một "
        "giám khảo hai lần; hãy chuyển thư mục này ra ngoài"
    )
    assert issues[0]["message_en"] == (
        "a folder inside a scores folder is not read: a backup copy would count a judge twice; "
        "move this folder out"
    )
    private = tmp_path / "rieng"
    private.mkdir()
    card.parent.rename(private / CONTEST)
    code, issues = repo.check("--scores", str(private))
    assert [(i["path"], i["code"]) for i in issues] == [
        (f"{private}/{CONTEST}/ban-cu/", "scores-subfolder")
    ]
    (private / CONTEST / "ban-cu" / "gk-01.yml").unlink()
    (private / CONTEST / "ban-cu").rmdir()
    assert repo.judge("--scores", str(private))["ranking"][0]["score"] == 100.0


def test_what_the_scores_folder_holds_besides_contest_folders_is_said(
    repo: ContestRepo, tmp_path: Path
) -> None:
    repo.record("a")
    repo.contest()
    private = tmp_path / "rieng"
    (private / CONTEST).mkdir(parents=True)
    (private / CONTEST / "gk-01.yml").write_text("a: {tinh-moi: 20, hieu-qua: 30, nhan-rong: 20}\n")
    (private / "gk-02.yml").write_text("a: {tinh-moi: 1, hieu-qua: 1, nhan-rong: 1}\n")
    (private / "hoi-thii").mkdir()
    (private / "ghi-chu.txt").write_text("not a scorecard")
    code, issues = repo.check("--scores", str(private))
    assert code == 1
    assert [(i["path"], i["line"], i["column"], i["field"], i["message_en"]) for i in issues] == [
        (
            f"{private}/gk-02.yml",
            1,
            1,
            "file",
            f"scorecards belong in their contest's folder ({private}/<contest-id>/<judge-id>.yml)"
            ", so this file is not read; move it into its contest's folder (if "
            f"{private} is a contest's folder already, give its parent folder to --scores)",
        ),
        (
            f"{private}/hoi-thii/",
            1,
            1,
            "file",
            "there is no contest 'hoi-thii' (contests/hoi-thii/contest.yml); did you mean: "
            "'hoi-thi'?; a scores folder is named after its contest's id, or its scorecards are "
            "not read",
        ),
    ]
    code, _, err = repo.run("judge", CONTEST, "--scores", str(private))
    assert code == 1 and f"{private}/gk-02.yml:1:1: error: file: " in err


def test_a_scores_folder_that_is_not_there_is_a_usage_error(repo: ContestRepo) -> None:
    repo.record("a")
    repo.contest()
    for command in (["check"], ["build"], ["judge", CONTEST]):
        code, out, err = repo.run(*command, "--scores", str(repo.root / "khong-co"))
        assert (code, out) == (2, "")
        assert err == (
            f"sangkien {command[0]}: không có thư mục phiếu chấm / no such scores folder: "
            f"{repo.root / 'khong-co'}\n"
        )


def test_the_committee_guides_commands_work_beside_the_bundled_contests(tmp_path: Path) -> None:
    """``docs/hoi-dong-thi.md`` shows how to keep scores private; its commands, run as
    written in a copy of the repository with the bundled contests, do what it says."""
    guide = (PROJECT / "docs" / "hoi-dong-thi.md").read_text(encoding="utf-8")
    commands = [
        line.split("#")[0].split()
        for line in re.findall(r"^sangkien .*--scores.*$", guide, flags=re.MULTILINE)
    ]
    assert [c[:2] for c in commands] == [["sangkien", "check"], ["sangkien", "judge"],
                                         ["sangkien", "build"]]  # fmt: skip
    contest = commands[1][2]
    root = make_project(tmp_path / "repo", initiatives=PROJECT / "initiatives",
                        contests=PROJECT / "contests")  # fmt: skip
    repo = ContestRepo(root)
    repo.contest(contest)
    repo.record("mot-cua-rieng", contests=(contest,))
    repo.record("tra-tai-nha-rieng", agency="UBND xã Ea Kao", contests=(contest,))
    private = tmp_path / "phieu-cham-rieng" / contest
    private.mkdir(parents=True)
    (private / "gk-01.yml").write_text(
        "mot-cua-rieng: {tinh-moi: 20, hieu-qua: 30, nhan-rong: 20}\n"
        "tra-tai-nha-rieng: {tinh-moi: 10, hieu-qua: 10, nhan-rong: 10}\n",
        encoding="utf-8",
    )
    run = [
        [str(tmp_path / "phieu-cham-rieng") if arg == "~/phieu-cham-rieng" else arg for arg in c]
        for c in commands
    ]
    code, out, _ = repo.run(*run[0][1:])
    assert code == 0 and " 0 lỗi" in out.splitlines()[-1]
    code, out, _ = repo.run(*run[1][1:], "--format", "json")
    assert code == 0
    ranking = json.loads(out)["ranking"]
    assert [(r["id"], r["score"]) for r in ranking] == [
        ("mot-cua-rieng", 100.0),
        ("tra-tai-nha-rieng", 40.0),
    ]
    code, _, err = repo.run(*run[2][1:])
    assert code == 0 and "Build failed" not in err  # the bundled records' warnings only
    published = json.loads(
        (root / "site" / "du-lieu" / "cuoc-thi" / "vi-du-hoi-thi-dak-lak-2025.json").read_text()
    )
    assert len(published["ranking"]) == 6  # the bundled example keeps its own scorecards
