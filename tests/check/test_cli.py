"""The ``sangkien check`` command as a contributor and CI use it: output and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import (
    ASCII_LOCALE,
    FIXTURES,
    PROJECT,
    MakeTree,
    child_environment,
    valid_record,
)

CHECK = FIXTURES / "check"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(CHECK), "check", str(CHECK / "valid-full.md"))
    assert code == 0
    assert out == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo. — Checked 1 file: 0 errors, 0 warnings.\n"


def test_errors_exit_one_and_print_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(CHECK), "check", str(CHECK / "many-problems.md"))
    assert code == 1
    expected = (CHECK / "many-problems.expected").read_text(encoding="utf-8")
    assert out.startswith(expected)
    assert out.endswith("Checked 1 file: 5 errors, 1 warning.\n")


def test_warnings_alone_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    target = str(CHECK / "sources-without-url.md")
    assert run(capsys, "--root", str(CHECK), "check", target)[0] == 0
    assert run(capsys, "--root", str(CHECK), "check", "--strict", target)[0] == 1


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    code, _, err = run(capsys, "--root", str(CHECK), "check", str(CHECK / "khong-co.md"))
    assert code == 2 and "khong-co.md" in err


def test_json_format_carries_the_same_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--root",
        str(CHECK),
        "check",
        "--format",
        "json",
        str(CHECK / "province-unknown.md"),
    )
    document = json.loads(out)
    assert code == 1
    assert document["errors"] == 1 and document["checked"] == 1
    (issue,) = document["issues"]
    assert issue == {
        "path": "province-unknown.md",
        "line": 4,
        "column": 11,
        "severity": "error",
        "field": "province",
        "code": "unknown-province",
        "message": "không có tỉnh/thành 'Dak Lakk'; có phải: 'Đắk Lắk'?",
        "message_en": "unknown province 'Dak Lakk'; did you mean: 'Đắk Lắk'?",
    }


def test_default_is_the_whole_repository(
    make_tree: MakeTree, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree(
        {
            "mkdocs.yml": "site_name: x\n",
            "initiatives/dak-lak/a.md": valid_record(),
            "initiatives/dak-lak/b.md": valid_record(**{"province: Đắk Lắk": "province: Mars"}),
        }
    )
    monkeypatch.chdir(root / "initiatives")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.splitlines()[0].startswith("initiatives/dak-lak/b.md:4:11: error: province:")
    assert "Checked 2 files" in out


def check_in(folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``sangkien check`` as a separate process, the way CI runs it; its output is UTF-8."""
    command = [sys.executable, "-m", "generator.cli", "check"]
    return subprocess.run(
        command,
        cwd=folder,
        env=child_environment(**env),
        capture_output=True,
        encoding="utf-8",
        check=False,
    )


def test_console_script_runs_without_traceback_on_garbage(make_tree: MakeTree) -> None:
    root = make_tree({"initiatives/x/a.md": b"---\n\xff\xfe: [\n---\n", "mkdocs.yml": ""})
    done = check_in(root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.startswith("initiatives/x/a.md:2:1: error: file: tệp không phải UTF-8")


def test_findings_reach_a_console_whose_locale_cannot_write_vietnamese(
    make_tree: MakeTree,
) -> None:
    """A Windows pipe (cp1252) or a bare C locale cannot encode "ế": sangkien writes UTF-8."""
    record = valid_record(commune="cap-tinh")
    root = make_tree({"initiatives/dak-lak/a.md": record, "mkdocs.yml": ""})
    done = check_in(root, **ASCII_LOCALE)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout == check_in(root).stdout
    assert done.stdout.startswith(
        "initiatives/dak-lak/a.md:7:8: error: level: 'cap-tinh' là cấp tỉnh"
    )
    assert "— Checked 1 file: 1 error, 0 warnings." in done.stdout


def test_project_initiatives_pass() -> None:
    done = check_in(PROJECT)
    assert done.returncode == 0, done.stdout
    assert " 0 lỗi" in done.stdout


def test_project_bundles_the_initiatives_of_the_source_articles() -> None:
    files = sorted(Path(PROJECT, "initiatives").rglob("*.md"))
    assert len(files) > 20
    folders = {f.parent.name for f in files}
    assert {"dak-lak", "quang-tri", "cao-bang", "an-giang"} <= folders


def test_relative_path_argument_reads_each_file_once(
    make_tree: MakeTree, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"mkdocs.yml": "", "initiatives/dak-lak/a.md": valid_record()})
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "check", "initiatives")
    assert (code, out.splitlines()[0]) == (
        0,
        "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo. — Checked 1 file: 0 errors, 0 warnings.",
    )


def test_outside_a_repository_is_a_usage_error(
    make_tree: MakeTree, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree({"ghi-chu.txt": "không phải kho"})
    code, out, err = run(capsys, "--root", str(root), "check")
    assert (code, out) == (2, "")
    assert err == (
        f"sangkien check: không có thư mục initiatives/ trong {root}; hãy chạy lệnh trong kho "
        "sáng kiến, dùng --root, hoặc chỉ ra tệp cần kiểm tra — no initiatives/ folder in "
        f"{root}; run it inside the repository, pass --root, or name the files\n"
    )


def test_a_folder_without_records_is_a_usage_error(
    make_tree: MakeTree, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree({"initiatives/dak-lak/anh/a.png": b"png"})
    code, out, err = run(capsys, "--root", str(root), "check")
    assert (code, out) == (2, "")
    assert err == (
        f"sangkien check: không có tệp .md nào để kiểm tra trong {root / 'initiatives'} — "
        f"no .md file to check in {root / 'initiatives'}\n"
    )


def test_files_that_are_not_records_are_reported(
    make_tree: MakeTree, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(),
            "initiatives/dak-lak/anh/a.PNG": b"png",
            "initiatives/dak-lak/b.txt": "Sáng kiến",
            "initiatives/dak-lak/c.markdown": "Sáng kiến",
            "initiatives/dak-lak/d.docx": b"PK",
            "initiatives/dak-lak/.DS_Store": b"",
        }
    )
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "initiatives/dak-lak/b.txt:1:1",
        "initiatives/dak-lak/c.markdown:1:1",
        "initiatives/dak-lak/d.docx:1:1",
    ]
    assert lines[0] == (
        "initiatives/dak-lak/b.txt:1:1: warning: file: tệp không có đuôi .md nên không được kiểm "
        "tra và không lên trang; nếu là một sáng kiến, hãy lưu thành Markdown với đuôi .md (xem "
        "docs/dong-gop.md), nếu không hãy chuyển nó ra khỏi initiatives/ — not a .md file, so it "
        "is neither checked nor published; if it is an initiative, save it as Markdown ending in "
        ".md (see docs/dong-gop.md), otherwise move it out of initiatives/"
    )
    assert lines[-1].endswith("Checked 1 file: 0 errors, 3 warnings.")
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 1


def test_a_bare_yes_or_no_is_text_with_a_warning_as_web_editors_write_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Decap writes YAML 1.2 and leaves `no`, `on` or `0262…` bare: the record still passes
    (as the text written); the warning says another YAML 1.1 reader would see otherwise."""
    code, out, _ = run(capsys, "--root", str(CHECK), "check", str(CHECK / "yaml11-boolean.md"))
    assert code == 0 and ": warning: tags[1]:" in out
    assert (
        run(capsys, "--root", str(CHECK), "check", "--strict", str(CHECK / "yaml11-boolean.md"))[0]
        == 1
    )
