"""``check --changed-since REF``: a pull request's check looks at what it touched."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

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
