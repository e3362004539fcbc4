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


def _full_reading(path: Path) -> dict[str, object]:
    from generator.sources import load_source

    source, _ = load_source(path, path.parent)
    return {} if source is None else source.meta


def test_the_quick_reading_of_untouched_records_agrees_with_the_full_one() -> None:
    """Untouched records are peeked at (title, province): never a different reading."""
    from generator.sources import peek_source

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
    from generator.sources import peek_source

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
