"""``sangkien new``: a valid record in the right folder, from options or from prompts."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.editors.new import Draft, fill
from generator.vocab import load_vocabulary

from ..check.test_fuzz import run_main

OPTIONS = [
    "--title", "Đường dây nóng đất đai",
    "--summary", "Người dân gọi một số điện thoại để hỏi về thủ tục đất đai.",
    "--province", "Phú Yên",
    "--agency", "Sở Tài nguyên và Môi trường tỉnh Phú Yên",
    "--level", "province",
    "--domain", "procedures",
    "--domain", "digital-government",
    "--status", "unknown",
    "--started", "2024",
    "--source-title", "Đường dây nóng về đất đai",
    "--source-publisher", "Báo Phú Yên",
    "--source-date", "2024-05-02",
    "--source-url", "https://baophuyen.vn/bai-viet",
]  # fmt: skip


def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "initiatives").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    return root


def test_every_field_as_an_option_writes_a_file_that_passes_check(tmp_path: Path) -> None:
    root = repository(tmp_path)
    code, out, err = run_main("--root", str(root), "new", *OPTIONS)
    assert (code, err) == (0, ""), err
    path = root / "initiatives/dak-lak/duong-day-nong-dat-dai.md"  # Phú Yên is now Đắk Lắk
    assert "initiatives/dak-lak/duong-day-nong-dat-dai.md" in out
    text = path.read_text(encoding="utf-8")
    assert "province: Phú Yên\n" in text and "## Cách làm" in text  # the name as given
    assert run_main("--root", str(root), "check", "--strict", str(path))[0] == 0
    code, _, err = run_main("--root", str(root), "new", *OPTIONS)
    assert code == 1 and "không ghi đè" in err  # never overwritten
    assert path.read_text(encoding="utf-8") == text


def test_missing_or_wrong_options_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    root = repository(tmp_path)
    wrong = [*OPTIONS[:-2]]
    wrong[wrong.index("--started") + 1] = "2024-13"
    wrong[wrong.index("--province") + 1] = "Atlantis"
    code, out, err = run_main("--root", str(root), "new", *wrong[2:])  # no --title
    assert (code, out) == (1, "")
    assert "--title: thiếu trường bắt buộc 'title'" in err
    assert "--province: không có tỉnh/thành 'Atlantis'" in err
    assert "--started: ngày '2024-13' không hợp lệ" in err
    assert "Nothing was written" in err
    assert list((root / "initiatives").rglob("*.md")) == []


def test_prompts_ask_again_until_the_draft_is_valid(tmp_path: Path) -> None:
    root = repository(tmp_path)
    answers = iter([
        "Hẹn giờ trả kết quả", "Tin nhắn báo giờ trả kết quả.", "Cao Bang", "UBND phường",
        "3", "3,7", "9", "2023-02-31", "Bài", "Báo Cao Bằng", "2023-10-27", "",
        # asked again: the status (9 is no choice) and the date (no 31 February)
        "6", "2023-02",
    ])  # fmt: skip
    shown: list[str] = []
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    draft = Draft()
    assert fill(draft, root, load_vocabulary(), answer, shown.append) == []
    assert draft.values["level"] == "commune" and draft.values["status"] == "unknown"
    assert draft.values["domains"] == ["procedures", "digital-government"]
    assert any("ngày '2023-02-31' không hợp lệ" in line for line in shown)
    assert "  1. Cấp tỉnh (province)" in shown
    # fields are named as the web editor and the issue form name them (data/fields.yml)
    assert asked[3] == "Cơ quan chủ trì / lead unit: "
    assert asked[9] == "Nguồn: Nơi đăng / publisher: "
    assert asked[10] == "Nguồn: Ngày đăng (YYYY-MM-DD) / publication date: "


def test_the_guides_short_command_runs_the_checker() -> None:
    """``python3 dev.py check`` is ``sangkien check``, installed on first use."""
    import os
    import subprocess
    import sys

    if "MUTANT_UNDER_TEST" in os.environ:  # dev.py would make a venv without mutmut
        pytest.skip("dev.py installs its own environment; not under mutation testing")

    from ..conftest import PROJECT

    fixture = PROJECT / "tests/data/check/level-vietnamese.md"
    done = subprocess.run(
        [sys.executable, "dev.py", "check", str(fixture)],
        cwd=PROJECT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "hãy viết 'commune'" in done.stdout
