"""Fault injection: each stage of ``sangkien build`` fails in turn, and the site stays.

A built site is made once; each test copies it, makes one stage fail (the check, a write
into ``docs/``, a full disk, MkDocs, Pagefind, either rename of the final swap) and runs
the real command. The previous ``site/`` must be byte-identical afterwards, nothing may
be left beside it, the exit status must be 1 and the message must say where and what,
never a traceback or an internal error. A fault that leaves ``docs/`` half-written must
not stop the next build.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import build as build_module
from generator.cli import main
from generator.publish.write import owned_files

from ..conftest import shared, valid_record
from .conftest import make_project
from .test_build import tree_digest

FAILED = (
    "Dựng trang thất bại; trang cũ được giữ nguyên. — Build failed; the previous site is untouched."
)
DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture(scope=shared("module"))
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("faults") / "repo")
    assert main(["--root", str(root), "build"]) == 0
    return root


@pytest.fixture
def repo(built: Path, tmp_path: Path) -> Path:
    """A copy of the built repository, for one test to break."""
    root = tmp_path / "repo"
    shutil.copytree(built, root, symlinks=True)
    return root


def build_fails(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run ``sangkien build``, expect exit 1 with the site untouched; the error lines."""
    before = tree_digest(root / "site")
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 1
    out, err = capsys.readouterr()
    assert tree_digest(root / "site") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site"]
    assert "Traceback" not in out + err and "lỗi nội bộ" not in err
    lines = err.splitlines()
    assert lines[-1] == FAILED
    return [line for line in lines if ": error: " in line]


def builds_again(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 0, capsys.readouterr().err
    assert (root / "site" / "index.html").is_file()


def test_a_record_the_check_refuses(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = repo / "initiatives" / "dak-lak" / "hong.md"
    broken.write_text(valid_record(**{"level: commune": "level: xa"}), "utf-8")
    (error,) = build_fails(repo, capsys)
    assert error.startswith("initiatives/dak-lak/hong.md:7:8: error: level: ")
    assert not (repo / "docs" / "sang-kien" / "hong.md").exists()


def fail_writes(
    monkeypatch: pytest.MonkeyPatch, error: OSError, name: str = "", from_path: str = ""
) -> list[str]:
    """Writes into ``docs/`` raise ``error``: of a file named ``name``, or of every path from
    ``from_path`` on (in the order they are written: sorted). The paths written before."""
    write_bytes = Path.write_bytes
    written: list[str] = []

    def faulty(self: Path, data: Any) -> int:
        if "docs" in self.parts:
            path = self.as_posix().split("/docs/", 1)[1]
            if (name and name in self.name) or (from_path and path >= from_path):
                raise error
            written.append(path)
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", faulty)
    return written


def generates_again(root: Path) -> None:
    """The next build's generator stage (the one a half-written ``docs/`` could upset) works."""
    check, issues, site, _ = build_module.generate(root)
    assert check.ok and issues == [] and site is not None


def test_a_generated_page_docs_will_not_take(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = repo / "initiatives" / "cao-bang" / "nhan-tra-tai-nha.md"
    record.write_text(record.read_text("utf-8") + "\nMột dòng mới.\n", "utf-8")
    fail_writes(monkeypatch, PermissionError(errno.EACCES, "Permission denied"), name="nhan")
    assert build_fails(repo, capsys) == [
        "docs/sang-kien/nhan-tra-tai-nha.md:1:1: error: file: không ghi được tệp sinh ra này: "
        "Permission denied; hãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục docs/, rồi "
        "dựng lại (trang cũ được giữ nguyên) — cannot write this generated file: Permission "
        "denied; check the free disk space and that docs/ is writable, then build again (the "
        "previous site is kept)"
    ]
    monkeypatch.undo()
    generates_again(repo)


def test_a_disk_that_fills_up_half_way_through_docs(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new record's page is written, the listings after it are not: the next build
    takes the half-written files for the generator's own, not for hand-written pages."""
    new = repo / "initiatives" / "dak-lak" / "moi.md"
    new.write_text(valid_record(**{"title: Ngày thứ 6 nhanh": "title: Một sáng kiến mới"}))
    written = fail_writes(monkeypatch, DISK_FULL, from_path="the/")
    (error,) = build_fails(repo, capsys)
    assert (
        error.startswith("docs/the/") and ":1:1: error: file: không ghi được tệp sinh ra" in error
    )
    assert "No space left on device" in error
    assert "sang-kien/moi.md" in written and (repo / "docs" / "sang-kien" / "moi.md").is_file()
    monkeypatch.undo()
    assert set(written) <= owned_files(repo / "docs")
    builds_again(repo, capsys)
    assert (repo / "site" / "sang-kien" / "moi" / "index.html").is_file()


def test_a_disk_already_full_for_the_list_of_generated_files(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_text = Path.write_text

    def full(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.name == ".generated.json":
            raise DISK_FULL
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    (error,) = build_fails(repo, capsys)
    assert error.startswith("docs/.generated.json:1:1: error: file: không ghi được tệp sinh ra")


def test_a_folder_where_a_generated_file_goes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the generator's to remove: refused like a hand-written page, before any write."""
    shutil.rmtree(repo / "docs" / "sang-kien")
    (repo / "docs" / "sang-kien" / "nhan-tra-tai-nha.md").mkdir(parents=True)
    (repo / "docs" / ".generated.json").unlink()
    errors = build_fails(repo, capsys)
    assert (
        "docs/sang-kien/nhan-tra-tai-nha.md:1:1: error: file: trang viết tay này trùng đường "
        "dẫn với một trang được sinh tự động; hãy đổi tên hoặc chuyển nó — this hand-written "
        "page has the path of a generated page; rename or move it"
    ) in errors


Fake = Callable[[list[str]], "subprocess.CompletedProcess[str] | None"]


def fake_stage(monkeypatch: pytest.MonkeyPatch, fake: Fake) -> None:
    """MkDocs and Pagefind in the build, answered by ``fake`` where it returns a result, and
    else by a quick stand-in that succeeds (MkDocs writes one page, Pagefind nothing)."""

    real = subprocess.run

    def faked(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        if "mkdocs" not in command and "pagefind" not in command:
            return real(command, **kwargs)  # git, asked which pages it tracks
        found = fake(command)
        if found is not None:
            return found
        if "mkdocs" in command:
            fresh = Path(command[command.index("--site-dir") + 1])
            fresh.mkdir()
            (fresh / "index.html").write_text("<p>bản mới</p>", "utf-8")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(build_module.subprocess, "run", faked)


def test_mkdocs_fails_after_writing_half_a_site(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def mkdocs(command: list[str]) -> subprocess.CompletedProcess[str] | None:
        if "mkdocs" not in command:
            return None
        half = Path(command[command.index("--site-dir") + 1])
        (half / "tinh").mkdir(parents=True)
        (half / "index.html").write_text("<p>một nửa</p>", "utf-8")
        error = "ERROR    -  [Errno 28] No space left on device: 'site.new/tinh/index.html'\n"
        return subprocess.CompletedProcess(command, 1, stdout="", stderr=error)

    fake_stage(monkeypatch, mkdocs)
    assert build_fails(repo, capsys) == [
        "mkdocs.yml:1:1: error: build: MkDocs không dựng được trang: [Errno 28] No space left on "
        "device: 'site.new/tinh/index.html' — MkDocs could not build the site: [Errno 28] No "
        "space left on device: 'site.new/tinh/index.html'"
    ]


def test_pagefind_fails(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def pagefind(command: list[str]) -> subprocess.CompletedProcess[str] | None:
        if "pagefind" not in command:
            return None
        return subprocess.CompletedProcess(command, 1, "", "Error: Failed to write index\n")

    fake_stage(monkeypatch, pagefind)
    (error,) = build_fails(repo, capsys)
    assert error.startswith("mkdocs.yml:1:1: error: build: ")
    assert "Error: Failed to write index" in error


def test_pagefind_cannot_start(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def pagefind(command: list[str]) -> subprocess.CompletedProcess[str] | None:
        if "pagefind" in command:
            raise OSError(errno.ENOMEM, "Cannot allocate memory")
        return None

    fake_stage(monkeypatch, pagefind)
    (error,) = build_fails(repo, capsys)
    assert error.startswith("mkdocs.yml:1:1: error: build: ") and "Cannot allocate memory" in error


@pytest.mark.parametrize("moving", ["site", "site.new"])
def test_the_final_swap_fails(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, moving: str
) -> None:
    """Either rename of the swap fails: the previous site is where it was, whole."""
    rename = Path.rename

    def faulty(self: Path, target: Any) -> Path:
        if self.name == moving:
            raise OSError(errno.EBUSY, "Device or resource busy")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", faulty)
    fake_stage(monkeypatch, lambda command: None)
    assert build_fails(repo, capsys) == [
        "site/:1:1: error: build: không thay được site/ bằng bản vừa dựng: Device or resource "
        "busy; trang cũ được giữ nguyên, hãy kiểm tra quyền ghi và chỗ trống trên đĩa rồi dựng "
        "lại — cannot replace site/ with the new build: Device or resource busy; the previous "
        "site is kept; check write permission and free disk space, then build again"
    ]
