"""``check --changed-since REF``: a pull request's check looks at what it touched."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ..check.test_fuzz import run_main
from ..conftest import FIXTURES


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "site", root / "initiatives")
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "de-xuat")
    return root


def test_only_the_changed_files_are_reported(tmp_path: Path) -> None:
    root = repository(tmp_path)
    code, out, err = run_main("--root", str(root), "check", "--changed-since", "main")
    assert (code, err) == (0, "") and "Không có hồ sơ nào thay đổi" in out
    committed = root / "initiatives/cao-bang/hen-gio-tra-ket-qua.md"
    committed.write_text(committed.read_text("utf-8").replace("level: commune", "level: xa"))
    git(root, "commit", "-qam", "edit")
    untracked = root / "initiatives/cao-bang/moi.md"
    untracked.write_text(committed.read_text("utf-8").replace("Hẹn giờ", "Gọi điện"), "utf-8")
    # A file nobody touched, broken before the branch: not this pull request's business.
    code, out, _ = run_main("--root", str(root), "check", "--format", "json",
                            "--changed-since", "main")  # fmt: skip
    assert code == 1
    assert '"path": "initiatives/cao-bang/hen-gio-tra-ket-qua.md"' in out
    assert '"path": "initiatives/cao-bang/moi.md"' in out
    assert '"checked": 2' in out


def test_rules_across_records_still_see_the_whole_repository(tmp_path: Path) -> None:
    root = repository(tmp_path)
    copy = root / "initiatives/dak-lak/ban-sao.md"
    copy.parent.mkdir(exist_ok=True)
    original = next((root / "initiatives/cao-bang").glob("*.md"))
    copy.write_text(original.read_text("utf-8").replace("Cao Bằng", "Đắk Lắk"), "utf-8")
    shutil.copy(original, root / "initiatives/dak-lak" / original.name)  # the same id
    code, out, _ = run_main("--root", str(root), "check", "--changed-since", "main")
    assert code == 1 and "duplicate-id" not in out  # text output names no codes
    assert f"initiatives/dak-lak/{original.name}:1:1: error: id:" in out


def test_an_unknown_reference_is_a_usage_error(tmp_path: Path) -> None:
    root = repository(tmp_path)
    code, out, err = run_main("--root", str(root), "check", "--changed-since", "khong-co")
    assert (code, out) == (2, "") and "khong-co" in err


def test_a_reference_that_reads_as_an_option_is_a_usage_error(tmp_path: Path) -> None:
    """``--changed-since=--output=FILE`` was handed to ``git diff`` as its option: it wrote
    (or emptied) FILE, and the check reported no change and passed with nothing checked."""
    root = repository(tmp_path)
    broken = root / "initiatives/cao-bang/hen-gio-tra-ket-qua.md"
    broken.write_text(broken.read_text("utf-8").replace("level: commune", "level: xa"))
    victim = tmp_path / "victim"
    for ref in (f"--output={victim}", "-p", "--no-index"):
        code, out, err = run_main("--root", str(root), "check", f"--changed-since={ref}")
        assert (code, out) == (2, ""), ref
        assert err.startswith(f"sangkien check: không đọc được thay đổi từ git so với '{ref}'")
    assert list(tmp_path.iterdir()) == [root]  # nothing written beside the repository


def _full_reading(path: Path) -> dict[str, object]:
    from generator.load.sources import load_source

    source, _ = load_source(path, path.parent)
    return {} if source is None else source.meta


def test_the_quick_reading_of_untouched_records_agrees_with_the_full_one() -> None:
    """Untouched records are peeked at (title, province): never a different reading."""
    from generator.load.sources import peek_source

    from ..conftest import PROJECT

    files = sorted((PROJECT / "initiatives").rglob("*.md"))
    files += sorted((FIXTURES / "check").glob("*.md"))
    peeked = 0
    for path in files:
        quick = peek_source(path, path.parent)
        if quick is None:
            continue  # read in full instead
        peeked += 1
        full = _full_reading(path)
        if not full:
            continue  # YAML broken elsewhere: the full reading has nothing to compare
        assert {k: full.get(k) for k in quick.meta} == quick.meta, path.name
        assert set(quick.meta) == {k for k in ("title", "province") if k in full}, path.name
    assert peeked > 30  # the bundled records are plain enough to be peeked at


def test_anything_less_plain_is_read_in_full(tmp_path: Path) -> None:
    from generator.load.sources import peek_source

    cases = {
        "quoted": 'title: "Một cửa"\nprovince: Huế',
        "continued": "title: Một cửa\n  liên thông\nprovince: Huế",
        "continued after a blank line": "title: Một cửa\n\n  liên thông\nprovince: Huế",
        "comment": "title: Một cửa # tạm\nprovince: Huế",
        "number": "title: 2023\nprovince: Huế",
        "yes": "title: Một cửa\nprovince: yes",
        "colon": "title: Một cửa: liên thông\nprovince: Huế",
        "twice": "title: Một cửa\ntitle: Hai cửa\nprovince: Huế",
        "contests": "title: Một cửa\nprovince: Huế\ncontests: [hoi-thi]",
        "stray": "title: Một\u0085cửa\nprovince: Huế",
        "unclosed": "title: Một cửa\nprovince: Huế\n",
    }
    for name, head in cases.items():
        path = tmp_path / "a.md"
        closing = "" if name == "unclosed" else "\n---\n"
        path.write_text(f"---\n{head}{closing}Nội dung.\n", encoding="utf-8")
        assert peek_source(path, tmp_path) is None, name
    for ending in ("\n", "\r\n"):
        text = "---\ntitle: Một cửa  \nprovince: Huế\nlevel: commune\n---\n"
        path.write_bytes(text.replace("\n", ending).encode("utf-8"))
        quick = peek_source(path, tmp_path)
        assert quick is not None and quick.meta == {"title": "Một cửa", "province": "Huế"}
        assert quick.meta == {k: v for k, v in _full_reading(path).items() if k in quick.meta}


# --- git changes as officers make them (issue 29): each one is seen ----------------------

RECORD = "initiatives/cao-bang/nhan-tra-tai-nha.md"
NAMED = "initiatives/cao-bang/hen-gio-tra-ket-qua.md"  # tuyen-pho's replicated_in names it
SHOWN = "initiatives/dak-lak/anh/quay-ma-qr.png"  # tuyen-pho shows it
SHOWER = "initiatives/dak-lak/tuyen-pho-khong-tien-mat.md"


def changed_since(root: Path) -> tuple[int | str, dict[str, object]]:
    """``check --changed-since main --format json``: exit status and the report."""
    code, out, err = run_main("--root", str(root), "check", "--format", "json",
                              "--changed-since", "main")  # fmt: skip
    assert err == "" and "Traceback" not in out
    return code, json.loads(out)


def reported(document: dict[str, object]) -> set[str]:
    return {issue["path"] for issue in document["issues"]}  # type: ignore[attr-defined, index]


def errors(document: dict[str, object]) -> list[tuple[str, int, int, str]]:
    """Each error as (path, line, column, code)."""
    issues: list[dict[str, object]] = document["issues"]  # type: ignore[assignment]
    return [
        (str(i["path"]), int(i["line"]), int(i["column"]), str(i["code"]))  # type: ignore[call-overload]
        for i in issues
        if i["severity"] == "error"
    ]


def texts(root: Path) -> list[str]:
    """The text report's finding lines (not the closing count)."""
    _, out, _ = run_main("--root", str(root), "check", "--changed-since", "main")
    return out.splitlines()[:-1]


def commit(root: Path, message: str = "change") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


NAMES = {
    "space": "initiatives/cao-bang/nhan tra.md",
    "quote": 'initiatives/cao-bang/nhan"tra.md',
    "apostrophe": "initiatives/cao-bang/nhan'tra.md",
    "backslash": "initiatives/cao-bang/nhan\\tra.md",
    "vietnamese": "initiatives/cao-bang/nhận-trả.md",
    "nfd": "initiatives/cao-bang/nha\u0323n-tra.md",
    "vietnamese folder": "initiatives/cao bằng/nhan-tra.md",
    "tab": "initiatives/cao-bang/nhan\ttra.md",
    "newline": "initiatives/cao-bang/nhan\ntra.md",
    "invalid utf-8": "initiatives/cao-bang/nhan\udcfftra.md",  # byte 0xFF, as os.fsdecode has it
}


@pytest.mark.parametrize("how", ["committed", "staged", "untracked"])
@pytest.mark.parametrize("name", sorted(NAMES))
def test_a_record_is_seen_whatever_its_name(tmp_path: Path, name: str, how: str) -> None:
    """git quotes such names in its default output; read unquoted they were skipped."""
    root = repository(tmp_path)
    added = root / NAMES[name]
    added.parent.mkdir(exist_ok=True)
    added.write_text((root / RECORD).read_text("utf-8").replace("tận nhà", "tận nơi"), "utf-8")
    if how != "untracked":
        git(root, "add", "-A")
    if how == "committed":
        git(root, "commit", "-q", "-m", "add")
    code, document = changed_since(root)
    assert document["checked"] == 1
    # Its name is not a valid id: an error; a tab is named, never printed.
    shown = NAMES[name].replace("\t", "U+0009").replace("\n", "U+000A").replace("\udcff", "\\xff")
    assert reported(document) == {shown}
    assert code == 1


def test_a_modified_record_is_checked_and_a_valid_one_passes(tmp_path: Path) -> None:
    root = repository(tmp_path)
    record = root / RECORD
    record.write_text(record.read_text("utf-8").replace("Nội dung", "Nội dung mới"), "utf-8")
    commit(root)
    code, document = changed_since(root)
    assert (code, document["checked"], errors(document)) == (0, 1, [])
    assert reported(document) == {RECORD}  # its warning: a source without an address


def test_a_renamed_record_is_checked_under_its_new_name(tmp_path: Path) -> None:
    root = repository(tmp_path)
    git(root, "mv", RECORD, "initiatives/cao-bang/nhan-tra-ho-so-tai-nha.md")
    commit(root, "rename")
    code, document = changed_since(root)
    assert (code, document["checked"], errors(document)) == (0, 1, [])
    assert reported(document) == {"initiatives/cao-bang/nhan-tra-ho-so-tai-nha.md"}


def test_a_record_renamed_and_broken_in_one_commit_fails(tmp_path: Path) -> None:
    """git pairs the two names (``R``): a filter without R saw "no record changed"."""
    root = repository(tmp_path)
    new = "initiatives/cao-bang/nhan-tra-ho-so-tai-nha.md"
    git(root, "mv", RECORD, new)
    text = (root / new).read_text("utf-8")
    (root / new).write_text(text.replace("level: commune", "level: xa"), "utf-8")
    commit(root, "rename and edit")
    log = subprocess.run(["git", "-C", str(root), "show", "--name-status", "--format="],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert log.startswith("R")  # the case under test: a rename, not a delete and an add
    code, document = changed_since(root)
    assert code == 1 and reported(document) == {new}


def test_deleting_a_record_checks_the_records_that_name_it(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / NAMED).unlink()
    commit(root, "delete")
    assert texts(root) == [
        f"{SHOWER}:27:17: error: replicated_in[0]: 'hen-gio-tra-ket-qua' không phải mã sáng kiến "
        "hay tên tỉnh/thành đã biết — 'hen-gio-tra-ket-qua' is neither a known initiative id "
        "nor a province"
    ]


def test_renaming_a_record_also_checks_the_records_that_named_its_old_id(tmp_path: Path) -> None:
    root = repository(tmp_path)
    git(root, "mv", NAMED, "initiatives/cao-bang/hen-gio.md")
    commit(root, "rename")
    code, document = changed_since(root)
    assert errors(document) == [(SHOWER, 27, 17, "unknown-replica")]
    assert document["checked"] == 2  # the renamed record and the one that named it
    assert code == 1


def test_deleting_a_record_nobody_names_is_seen_and_passes(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / RECORD).unlink()  # not even committed: the working tree counts
    code, out, _ = run_main("--root", str(root), "check", "--changed-since", "main")
    assert (code, out) == (
        0,
        "Không có hồ sơ hay tệp cuộc thi nào cần kiểm tra so với main: 1 tệp đã xóa không "
        "còn được tệp nào nhắc đến. — No record or contest file to check since main: no "
        "other file names the 1 deleted.\n",
    )


def test_an_added_picture_is_no_record_and_a_picture_no_record_shows_is_a_warning(
    tmp_path: Path,
) -> None:
    root = repository(tmp_path)
    picture = root / "initiatives/dak-lak/anh/so-do.png"
    picture.write_bytes((root / SHOWN).read_bytes())
    commit(root, "add a picture")
    code, document = changed_since(root)
    assert code == 0  # a warning: the pull request's check passes
    assert texts(root) == [
        "initiatives/dak-lak/anh/so-do.png:1:1: warning: file: không hồ sơ nào hiển thị ảnh "
        "này nên nó không lên trang; hãy thêm ảnh vào 'images' (hoặc nội dung) của sáng kiến "
        "cần nó, hoặc xóa ảnh — no record shows this picture, so it is not published; add it "
        "to the 'images' (or the body) of the initiative it belongs to, or delete it"
    ]
    # The record that shows it comes in the same pull request: the record is checked.
    shower = root / SHOWER
    shower.write_text(shower.read_text("utf-8").replace("anh/quay-ma-qr.png)", "anh/so-do.png)"))
    commit(root, "show it")
    code, document = changed_since(root)
    assert (code, document["checked"], document["issues"]) == (0, 1, [])


def test_a_replaced_picture_checks_the_records_that_show_it(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / SHOWN).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    commit(root, "replace the picture")
    code, document = changed_since(root)
    assert (code, document["checked"], document["issues"]) == (0, 1, [])


def test_a_deleted_picture_fails_the_records_that_show_it(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / SHOWN).unlink()
    commit(root, "delete the picture")
    code, document = changed_since(root)
    assert code == 1
    assert errors(document) == [
        (SHOWER, 32, 10, "image-missing"),  # images[0].src
        (SHOWER, 48, 20, "image-missing"),  # the body shows it twice
        (SHOWER, 48, 55, "image-missing"),
    ]


def test_a_file_that_is_neither_record_nor_picture_is_a_warning(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / "initiatives/cao-bang/ho-so.docx").write_bytes(b"PK\3\4")
    code, document = changed_since(root)
    assert code == 0
    assert [(i["path"], i["code"]) for i in document["issues"]] == [  # type: ignore[attr-defined, index]
        ("initiatives/cao-bang/ho-so.docx", "not-a-record")
    ]


def project_repository(tmp_path: Path) -> Path:
    """The bundled records and contests, committed: a contest with its scorecards."""
    from ..conftest import PROJECT

    root = tmp_path / "repo"
    for folder in ("initiatives", "contests"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "base")
    git(root, "checkout", "-q", "-b", "de-xuat")
    return root


def test_a_changed_scorecard_is_checked_as_a_scorecard_not_as_a_record(tmp_path: Path) -> None:
    root = project_repository(tmp_path)
    card = root / "contests/vi-du-hoi-thi-dak-lak-2025/scores/gk-01.yml"
    card.write_text(card.read_text("utf-8") + "# đã soát lại\n", "utf-8")
    contest = root / "contests/vi-du-hoi-thi-dak-lak-2025/contest.yml"
    contest.write_text(contest.read_text("utf-8") + "# đã soát lại\n", "utf-8")
    commit(root)
    code, document = changed_since(root)
    assert (code, document["issues"]) == (0, [])
    assert document["checked"] == 2


def test_the_real_command_sees_a_vietnamese_name_under_a_locale_that_cannot_spell_it(
    tmp_path: Path,
) -> None:
    """A bare C locale decodes file names as ASCII: the name still reaches the report."""
    import sys

    from ..conftest import ASCII_LOCALE, child_environment

    root = repository(tmp_path)
    name = NAMES["vietnamese"]
    (root / name).write_text((root / RECORD).read_text("utf-8"), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--changed-since", "main"],
        cwd=root,
        env=child_environment(**ASCII_LOCALE),
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith(f"{name}:1:1: error: id: tên tệp 'nhận-trả'")


def test_naming_a_picture_checks_the_records_that_show_it(tmp_path: Path) -> None:
    root = repository(tmp_path)
    shower = root / SHOWER
    shower.write_text(shower.read_text("utf-8").replace("level: province", "level: tinh"))
    code, out, _ = run_main("--root", str(root), "check", "--format", "json", str(root / SHOWN))
    document = json.loads(out)
    assert code == 1 and document["checked"] == 1
    assert errors(document) == [(SHOWER, 9, 8, "use-id")]
