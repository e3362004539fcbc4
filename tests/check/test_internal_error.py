"""The last resort in ``cli.main``: a bug of ours is one bilingual line, not a traceback.

Bad input never gets here (``test_fuzz.py`` proves that for hundreds of broken
records); these tests force an exception inside the pipeline to see the guard work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import INTERNAL_ERROR, main
from generator.rules import validate

from ..conftest import MakeTree, valid_record


def explode(*args: object) -> None:
    raise KeyError("boom")


def test_an_unexpected_exception_names_the_file_and_asks_for_a_report(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree({"initiatives/dak-lak/a.md": valid_record()})
    monkeypatch.setattr(validate, "_check_body", explode)
    monkeypatch.delenv("SANGKIEN_TRACEBACK", raising=False)
    assert main(["--root", str(root), "check"]) == INTERNAL_ERROR == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "initiatives/dak-lak/a.md:1:1: error: file: lỗi nội bộ của sangkien (KeyError: 'boom'); "
        "đây không phải lỗi của bạn: xin báo cho nhóm phát triển, kèm tệp liên quan và kết quả "
        "khi chạy lại lệnh với SANGKIEN_TRACEBACK=1 — internal error in sangkien (KeyError: "
        "'boom'); not your mistake: please report it with the file concerned and the output of "
        "the command run again with SANGKIEN_TRACEBACK=1\n"
    )


def test_without_a_file_the_message_has_no_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("no schema today")

    monkeypatch.setattr("generator.cli.schema_text", broken)
    assert main(["--root", str(tmp_path), "schema", "--output", "-"]) == INTERNAL_ERROR
    err = capsys.readouterr().err
    assert err.startswith("sangkien: error: lỗi nội bộ của sangkien (RuntimeError: no schema ")
    assert "Traceback" not in err


def test_the_traceback_is_there_for_developers_who_ask(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"initiatives/dak-lak/a.md": valid_record()})
    monkeypatch.setattr(validate, "_check_body", explode)
    monkeypatch.setenv("SANGKIEN_TRACEBACK", "1")
    with pytest.raises(KeyError, match="boom"):
        main(["--root", str(root), "check"])
