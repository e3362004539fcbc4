"""How the build behaves: atomic, deterministic, never overwrites hand-written pages."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.mkdocs_log import mkdocs_issues
from generator.outputs import Origin

from ..conftest import valid_record


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_the_same_input_are_byte_identical(project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(project, first).ok
    assert build(project, second).ok
    assert tree_digest(first) == tree_digest(second)
    assert len(tree_digest(first)) > 50


def test_build_does_not_use_the_machine_clock(project: Path) -> None:
    assert build(project).ok
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-11-06</lastmod>" in sitemap  # the newest date the records cite


def test_broken_record_leaves_the_previous_site_untouched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project), "build"]) == 0
    before = tree_digest(project / "site")
    broken = project / "initiatives" / "cao-bang" / "hong.md"
    broken.write_text(valid_record(**{"province: Đắk Lắk": "province: Atlantis"}), "utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "initiatives/cao-bang/hong.md:4:11: error: province: không có tỉnh/thành 'Atlantis'" in err
    assert "Build failed; the previous site is untouched." in err
    assert ": warning: " not in err  # a failed build lists what must be fixed
    assert "1 lỗi, 3 cảnh báo" in err
    assert tree_digest(project / "site") == before
    assert not (project / "docs" / "sang-kien" / "hong.md").exists()


def test_mkdocs_failure_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project).ok
    before = tree_digest(project / "site")
    page = project / "docs" / "gioi-thieu.md"
    lines = page.read_text("utf-8").count("\n")
    page.write_text(page.read_text("utf-8") + "\nXem [gãy](khong-co-trang-nay.md)\n", "utf-8")
    result = build(project)
    assert not result.ok
    (issue,) = result.issues
    assert (issue.code, issue.path, issue.line, issue.column) == (
        "mkdocs-page", "docs/gioi-thieu.md", lines + 2, 11
    )
    assert "khong-co-trang-nay.md" in issue.message
    assert tree_digest(project / "site") == before
    assert not (project / "site.new").exists()


def test_mkdocs_warnings_point_at_the_record_that_made_the_page(tmp_path: Path) -> None:
    origins = {"sang-kien/a.md": Origin("initiatives/dak-lak/a.md", field="id")}
    log = (
        "INFO    -  Building documentation...\n"
        "WARNING -  Doc file 'sang-kien/a.md' contains a link '../x.md', but the target "
        "'x.md' is not found among documentation files.\n"
        "WARNING -  Config value 'plugins': something else\n"
        "Aborted with 2 warnings in strict mode!\n"
    )
    issues = mkdocs_issues(log, origins, tmp_path)
    assert [(i.code, i.path, i.line, i.field) for i in issues] == [
        ("mkdocs-page", "initiatives/dak-lak/a.md", 1, "id"),
        ("mkdocs-failed", "mkdocs.yml", 1, "build"),
    ]
    assert issues[0].message == (
        "MkDocs không dựng được trang từ tệp này: Doc file 'sang-kien/a.md' contains a link "
        "'../x.md', but the target 'x.md' is not found among documentation files."
    )


def test_generated_pages_never_overwrite_hand_written_ones(project: Path) -> None:
    hand_written = project / "docs" / "tinh" / "index.md"
    hand_written.parent.mkdir(parents=True)
    hand_written.write_text("# Viết tay\n", "utf-8")
    result = build(project)
    assert not result.ok
    assert [i.as_text().split(" — ")[0] for i in result.issues] == [
        "docs/tinh/index.md:1:1: error: file: trang viết tay này trùng đường dẫn với một trang "
        "được sinh tự động; hãy đổi tên hoặc chuyển nó"
    ]
    assert hand_written.read_text("utf-8") == "# Viết tay\n"


def test_removed_record_removes_its_generated_page(project: Path) -> None:
    assert build(project).ok
    (project / "initiatives" / "cao-bang" / "hen-gio-tra-ket-qua.md").unlink()
    record = project / "initiatives" / "dak-lak" / "tuyen-pho-khong-tien-mat.md"
    record.write_text(record.read_text("utf-8").replace("hen-gio-tra-ket-qua, ", ""), "utf-8")
    assert build(project).ok
    assert not (project / "docs" / "sang-kien" / "hen-gio-tra-ket-qua.md").exists()
    assert not (project / "site" / "sang-kien" / "hen-gio-tra-ket-qua").exists()
    assert (project / "docs" / "gioi-thieu.md").exists()


def test_open_data_matches_the_records(built_site: Path) -> None:
    data = json.loads((built_site / "du-lieu" / "initiatives.json").read_text("utf-8"))
    assert data["count"] == 4
    by_id = {item["id"]: item for item in data["initiatives"]}
    phu_yen = by_id["mot-cua-phu-yen"]
    assert phu_yen["province"] == "Phú Yên" and phu_yen["province_former"] == "Phú Yên"
    assert phu_yen["province_current"] == {"code": "66", "slug": "dak-lak", "name": "Đắk Lắk"}
    assert by_id["tuyen-pho-khong-tien-mat"]["metrics"][1]["value"] == 68.8
    rows = list(csv.DictReader(io.StringIO((built_site / "du-lieu/initiatives.csv").read_text())))
    assert [row["id"] for row in rows] == sorted(by_id)
    assert rows[1]["province_as_named"] == "Phú Yên" and rows[1]["province"] == "Đắk Lắk"


def test_project_site_builds_from_the_bundled_initiatives(tmp_path: Path) -> None:
    from ..conftest import PROJECT
    from .conftest import broken_links, make_project

    root = make_project(tmp_path / "repo", PROJECT / "initiatives")
    result = build(root)
    assert result.ok, [i.as_text() for i in result.issues]
    pages = list((root / "site" / "sang-kien").glob("*/index.html"))
    assert len(pages) == len(list((PROJECT / "initiatives").rglob("*.md"))) > 20
    assert broken_links(root / "site") == []
    shutil.rmtree(root)
