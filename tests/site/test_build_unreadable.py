"""A record YAML cannot read fails the build with a located finding, never a traceback.

Issue 13: a control character in one record's front matter crashed PyYAML, and with it
every ``sangkien build``. Now the build reports it like any other error and leaves the
previous site in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import valid_record
from .test_build import tree_digest


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
