"""How the build behaves: atomic, deterministic, never overwrites hand-written pages."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.build import build
from generator.cli import main
from generator.publish.mkdocs_log import mkdocs_issues
from generator.publish.outputs import Origin

from ..conftest import ASCII_LOCALE, child_environment, valid_record


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Imported first by every Python process that has it on PYTHONPATH (MkDocs' too): the
# clock reads 2033-05-18 and the time zone is another, so any date taken from the machine
# differs from a build made today.
FAKE_CLOCK = """
import datetime as _dt, time as _time
_FAKE = 2_000_000_000.0
_gmtime, _localtime, _strftime = _time.gmtime, _time.localtime, _time.strftime
_time.time = lambda: _FAKE
_time.time_ns = lambda: int(_FAKE) * 10**9
_time.gmtime = lambda secs=None: _gmtime(_FAKE if secs is None else secs)
_time.localtime = lambda secs=None: _localtime(_FAKE if secs is None else secs)
_time.strftime = lambda fmt, t=None: _strftime(fmt, _time.localtime() if t is None else t)
class _Date(_dt.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_FAKE)
class _Datetime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_FAKE, tz)
    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_FAKE)
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_FAKE)
_dt.date, _dt.datetime = _Date, _Datetime
"""
BUILD = (
    "import sys; from pathlib import Path; from generator.build import build; "
    "sys.exit(0 if build(Path(sys.argv[1]), Path(sys.argv[2])).ok else 1)"
)


def elsewhere_and_later(tmp_path: Path) -> dict[str, str]:
    """An environment with another clock, time zone, hash seed, SOURCE_DATE_EPOCH and locale.

    The locale's codec is ASCII, as cp1252 is on a Windows runner: neither can write "ế",
    so a file opened without ``encoding="utf-8"`` fails or differs.
    """
    (tmp_path / "clock").mkdir()
    (tmp_path / "clock" / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    return child_environment(
        PYTHONPATH=str(tmp_path / "clock"),
        PYTHONHASHSEED="12345",
        TZ="Pacific/Kiritimati",
        SOURCE_DATE_EPOCH="1893456000",  # 2030-01-01, as a CI runner might set it
        **ASCII_LOCALE,
    )


def test_two_builds_of_the_same_input_are_byte_identical(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    assert build(project, first).ok
    env = elsewhere_and_later(tmp_path)
    probe = (
        "import codecs, datetime, locale, time; "
        "print(datetime.date.today(), time.strftime('%Y'), "
        "codecs.lookup(locale.getpreferredencoding()).name)"
    )
    shown = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert shown.stdout == "2033-05-18 2033 ascii\n"  # the clock and locale reach children
    subprocess.run(
        [sys.executable, "-c", BUILD, str(project), str(second)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    assert tree_digest(first) == tree_digest(second)
    assert len(tree_digest(first)) > 50


@pytest.mark.parametrize("inherited", [None, "1893456000"])
def test_build_dates_come_from_the_content_only(
    project: Path, monkeypatch: pytest.MonkeyPatch, inherited: str | None
) -> None:
    if inherited is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", inherited)  # CI runners often set one
    assert build(project).ok
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-11-06</lastmod>" in sitemap  # the newest date the records cite
    assert "2030" not in sitemap


def test_the_new_site_replaces_the_old_one_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At every step of the swap a complete site is in place; the old one goes last."""
    assert build(project).ok
    final, fresh = project / "site", project / "site.new"
    steps: list[str] = []
    rmtree, rename = shutil.rmtree, Path.rename

    def spy_rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        assert (final / "index.html").is_file(), f"no site while removing {path}"
        assert Path(path) != final
        steps.append(f"rmtree {Path(path).name}")
        rmtree(path, *args, **kwargs)

    def spy_rename(self: Path, target: Path) -> Path:
        if self == final:
            assert (fresh / "index.html").is_file(), "old site moved away before the new is ready"
        steps.append(f"rename {self.name} {Path(target).name}")
        return rename(self, target)

    monkeypatch.setattr(shutil, "rmtree", spy_rmtree)
    monkeypatch.setattr(Path, "rename", spy_rename)
    assert build(project).ok
    assert steps[-3:] == ["rename site site.old", "rename site.new site", "rmtree site.old"]
    assert (final / "index.html").is_file() and not fresh.exists()


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
    located = "initiatives/cao-bang/hong.md:4:11: error: province:"
    assert f"{located} không có tỉnh/thành 'Atlantis'" in err
    assert "Build failed; the previous site is untouched." in err
    assert ": warning: " not in err  # a failed build lists what must be fixed
    assert "1 lỗi, 3 cảnh báo" in err
    assert tree_digest(project / "site") == before
    assert not (project / "docs" / "sang-kien" / "hong.md").exists()


def test_control_character_fails_the_build_and_keeps_the_previous_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project), "build"]) == 0
    before = tree_digest(project / "site")
    broken = project / "initiatives" / "dak-lak" / "hong.md"
    record = valid_record(**{"title: Ngày thứ 6 nhanh": "title: Ngày\x16 thứ 6", "Nội": "\x00Nội"})
    broken.write_text(record, "utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "build"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines()[:2] == [
        "initiatives/dak-lak/hong.md:2:12: error: title: ký tự điều khiển U+0016 không "
        "được phép; hãy xóa ký tự vô hình này ở đúng dòng và cột đã nêu (thường lẫn vào khi dán "
        "từ Word hoặc PDF) — control character U+0016 is not allowed; delete this invisible "
        "character at the line and column given (it usually comes from pasting from Word or a PDF)",
        "initiatives/dak-lak/hong.md:21:1: error: body: ký tự điều khiển U+0000 không được phép; "
        "hãy xóa ký tự vô hình này ở đúng dòng và cột đã nêu (thường lẫn vào khi dán từ Word "
        "hoặc PDF) — control character U+0000 is not allowed; delete this invisible character "
        "at the line and column given (it usually comes from pasting from Word or a PDF)",
    ]
    assert "Build failed; the previous site is untouched." in err
    assert "Traceback" not in err + out
    assert tree_digest(project / "site") == before
    assert not (project / "docs" / "sang-kien" / "hong.md").exists()


def test_a_body_no_parser_can_read_in_time_never_reaches_the_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """40,000 "[" kept Python-Markdown busy for good; the build checks first and stops."""
    hostile = project / "initiatives" / "dak-lak" / "ngoac.md"
    hostile.write_text(valid_record() + ("[" * 2000 + "\n") * 10, "utf-8")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "initiatives/dak-lak/ngoac.md:22:1: error: body: dấu '[' không có ']' đóng trên cùng dòng"
    )
    assert "và 19990 chỗ khác trong nội dung" in err
    assert "Build failed; the previous site is untouched." in err
    assert not (project / "site").exists()
    assert not (project / "docs" / "sang-kien" / "ngoac.md").exists()


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
        "mkdocs-page",
        "docs/gioi-thieu.md",
        lines + 2,
        11,
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
    assert data["count"] == 4 and data["licence"] == "CC BY 4.0"
    assert data["schema"] == "https://sangkien.github.io/schema/initiative.schema.json"
    by_id = {item["id"]: item for item in data["initiatives"]}
    phu_yen = by_id["mot-cua-phu-yen"]
    assert (phu_yen["province"], phu_yen["province_as_named"]) == ("Đắk Lắk", "Phú Yên")
    assert (phu_yen["province_code"], phu_yen["province_slug"]) == ("66", "dak-lak")
    assert phu_yen["url"] == "https://sangkien.github.io/sang-kien/mot-cua-phu-yen/"
    assert by_id["tuyen-pho-khong-tien-mat"]["metrics"][1]["value"] == 68.8
    raw = (built_site / "du-lieu/initiatives.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as "this is UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == sorted(by_id)
    row = next(r for r in rows if r["id"] == "mot-cua-phu-yen")
    assert (row["province"], row["province_as_named"]) == ("Đắk Lắk", "Phú Yên")
    assert row["url"] == phu_yen["url"]
    street = next(r for r in rows if r["id"] == "tuyen-pho-khong-tien-mat")
    assert street["metrics"] == (
        "Doanh nghiệp đồng ý tham gia: 70 doanh nghiệp (tính đến 2024-11); "
        "Thanh toán trực tuyến: 68,8 % (trước: 30)"
    )
    assert street["recognition"] == "Sáng kiến được Trung ương ghi nhận — Bộ Nội vụ, 2023"
    assert street["domains"] == "digital-government; impact"


def test_open_data_follows_its_schema(built_site: Path) -> None:
    import jsonschema

    from generator.publish.jsonschema import initiative_schema

    schema = initiative_schema()
    resolved = {"province", "province_as_named", "province_code", "province_slug", "id", "url"}
    for item in json.loads((built_site / "du-lieu/initiatives.json").read_text("utf-8"))[
        "initiatives"
    ]:
        record = {k: v for k, v in item.items() if k not in resolved}
        jsonschema.validate({**record, "province": item["province_as_named"]}, schema)
    published = (built_site / "schema/initiative.schema.json").read_text(encoding="utf-8")
    assert json.loads(published) == schema


def test_project_site_builds_from_the_bundled_initiatives(tmp_path: Path) -> None:
    from ..conftest import PROJECT
    from .conftest import broken_links, make_project

    root = make_project(tmp_path / "repo", PROJECT / "initiatives", PROJECT / "contests")
    result = build(root)
    assert result.ok, [i.as_text() for i in result.issues]
    pages = list((root / "site" / "sang-kien").glob("*/index.html"))
    assert len(pages) == len(list((PROJECT / "initiatives").rglob("*.md"))) > 20
    assert broken_links(root / "site") == []
    example = (root / "site/cuoc-thi/vi-du-hoi-thi-dak-lak-2025/index.html").read_text("utf-8")
    assert "Ví dụ minh họa" in example and "data-contest-ranking" in example
    assert (root / "site/du-lieu/cuoc-thi/vi-du-hoi-thi-dak-lak-2025.json").is_file()
    shutil.rmtree(root)


def test_the_content_date_is_the_newest_date_any_record_cites(project: Path) -> None:
    import calendar

    from generator.build import content_epoch
    from generator.check import check_paths
    from generator.publish.site import build_site
    from generator.vocab import load_vocabulary

    vocab = load_vocabulary()
    records = check_paths(project).records
    newest = max(
        [r.initiative.started for r in records]
        + [s.date for r in records for s in r.initiative.sources]
    )
    assert newest == "2024-11-06"  # a source's date, later than every start
    midnight = calendar.timegm((2024, 11, 6, 0, 0, 0))
    assert content_epoch(build_site(records, vocab)) == midnight
    year_only = [
        dataclasses.replace(
            r, initiative=r.initiative.model_copy(update={"started": "2023", "sources": []})
        )
        for r in records[:1]
    ]
    assert content_epoch(build_site(year_only, vocab)) == calendar.timegm((2023, 1, 1, 0, 0, 0))
    assert content_epoch(build_site([], vocab)) == calendar.timegm((2025, 7, 1, 0, 0, 0))


def test_a_failure_mkdocs_does_not_explain_is_still_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs killed without a word (out of memory, say): the build still says it failed."""
    import generator.build as build_module

    def silent_failure(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, -9, stdout="", stderr="")

    monkeypatch.setattr(build_module.subprocess, "run", silent_failure)
    result = build(project)
    assert not result.ok and result.site_dir is None
    (issue,) = result.issues
    where = (issue.code, issue.path, issue.line, issue.column, issue.field)
    assert where == ("mkdocs-failed", "mkdocs.yml", 1, 1, "build")
    assert "exit status -9" in issue.message
    assert not (project / "site.new").exists() and not (project / "site").exists()


def test_a_build_says_how_many_initiatives_it_published(project: Path) -> None:
    result = build(project)
    records = list((project / "initiatives").rglob("*.md"))
    assert result.ok and result.initiatives == len(records) > 2
    assert result.site_dir == project / "site"
