"""``sangkien serve``: edits show in the browser, invalid ones are reported, pages stay right.

The served site is compared with a clean ``mkdocs build`` of the same ``docs/``: what is
rendered alone, or in a dirty build, must be the page a full build makes. Speed is
measured (README, issue 11), not asserted here.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.live.preview import Outcome
from generator.live.serve import POLL_ENV, Worker, regenerate, watch

from ..conftest import valid_record

if TYPE_CHECKING:
    from playwright.sync_api import Page

RECORD = "initiatives/cao-bang/hen-gio-tra-ket-qua.md"
PAGE = "sang-kien/hen-gio-tra-ket-qua/"
WAIT = 120  # seconds: generous, the machine may be busy


def test_edit_regenerates_page_and_bad_edit_keeps_last_good(project: Path) -> None:
    assert regenerate(project)
    page = project / "docs" / "sang-kien" / "hen-gio-tra-ket-qua.md"
    record = project / RECORD
    record.write_text(record.read_text("utf-8").replace("qua tin nhắn", "qua Zalo"), "utf-8")
    assert regenerate(project)
    assert "# Hẹn giờ trả kết quả qua Zalo" in page.read_text("utf-8")
    (project / "initiatives" / "cao-bang" / "hong.md").write_text(
        valid_record(**{"province: Đắk Lắk": "province: Atlantis"}), "utf-8"
    )
    assert not regenerate(project)
    assert "# Hẹn giờ trả kết quả qua Zalo" in page.read_text("utf-8")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """``sangkien serve`` in a subprocess, its address and what it printed."""

    def __init__(self, root: Path, log: Path) -> None:
        self.url = f"http://127.0.0.1:{_free_port()}/"
        self.log = log
        self.stderr = log.open("w", encoding="utf-8")
        address = self.url.removeprefix("http://").rstrip("/")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "--root",
                str(root),
                "serve",
                "--dev-addr",
                address,
            ],
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return 0, ""

    def wait_for(self, path: str, needle: str, present: bool = True) -> str:
        deadline = time.monotonic() + WAIT
        html = ""
        while time.monotonic() < deadline:
            _, html = self.get(path)
            if html and (needle in html) == present:
                return html
            time.sleep(0.3)
        raise AssertionError(f"{needle!r} {'never came' if present else 'stayed'} at {path}")

    def wait_status(self, path: str, status: int) -> None:
        deadline = time.monotonic() + WAIT
        while self.get(path)[0] != status:
            assert time.monotonic() < deadline, f"{path} never answered {status}"
            time.sleep(0.3)

    def wait_log(self, needle: str) -> str:
        deadline = time.monotonic() + WAIT
        while needle not in (text := self.log.read_text("utf-8")):
            assert time.monotonic() < deadline, f"{needle!r} never printed:\n{text[-2000:]}"
            time.sleep(0.3)
        return text

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.stderr.close()


@pytest.fixture
def served(project: Path, tmp_path: Path) -> Iterator[Served]:
    server = Served(project, tmp_path / "serve.log")
    try:
        server.wait_for(PAGE, "qua tin nhắn")
        yield server
    finally:
        server.stop()


def _edit(root: Path, old: str, new: str, name: str = RECORD) -> None:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_an_edit_shows_and_an_invalid_one_is_reported_and_changes_nothing(
    project: Path, served: Served
) -> None:
    _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    assert "Hẹn giờ trả kết quả qua Zalo" in served.wait_for(PAGE, "qua Zalo")
    served.wait_for("tinh/cao-bang/", "qua Zalo")  # the listing follows
    _edit(project, "province: Cao Bằng", "province: Atlantis")
    _edit(project, "qua Zalo\n", "qua thư\n")
    report = served.wait_log("unknown province 'Atlantis'")
    assert f"{RECORD}:4:11: error: province: không có tỉnh/thành 'Atlantis'" in report
    time.sleep(2)  # had it been written, MkDocs would have shown it by now
    assert "qua Zalo" in served.get(PAGE)[1]
    _edit(project, "province: Atlantis", "province: Cao Bằng")
    served.wait_for(PAGE, "qua thư")


@pytest.mark.browser
def test_an_open_page_reloads_itself_under_the_content_security_policy(
    project: Path, served: Served, page: Page
) -> None:
    """The reload script comes from the server, not written into the page: the policy
    refuses inline scripts (a violation would fail the test through ``page``)."""
    from playwright.sync_api import expect

    page.goto(served.url + PAGE)
    expect(page.locator("article h1")).to_contain_text("qua tin nhắn")
    _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    expect(page.locator("article h1")).to_contain_text("qua Zalo", timeout=WAIT * 1000)


def test_served_pages_are_those_of_a_clean_build(
    project: Path, served: Served, tmp_path: Path
) -> None:
    _edit(project, "qua tin nhắn\n", "qua Zalo\n")  # rendered alone
    served.wait_for("tinh/cao-bang/", "qua Zalo")
    _edit(project, "title: Giới thiệu\n", "title: Về trang này\n", "docs/gioi-thieu.md")
    served.wait_for(PAGE, "Về trang này")  # the navigation changed: every page again
    (project / "initiatives" / "cao-bang" / "nhan-tra-tai-nha.md").unlink()
    served.wait_status("sang-kien/nhan-tra-tai-nha/", 404)  # not left behind
    served.wait_for("tinh/cao-bang/", "nhan-tra-tai-nha", present=False)
    clean = tmp_path / "clean"
    env = dict(os.environ, SANGKIEN_SITE_URL=served.url)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(clean)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    reload_script = re.compile(r'<script src="/livereload/script\.js"[^>]*></script>')
    for page in [PAGE, "tinh/cao-bang/", "gioi-thieu/", "", "sang-kien/mot-cua-phu-yen/"]:
        built = (clean / page / "index.html").read_text("utf-8")
        deadline = time.monotonic() + WAIT
        while reload_script.sub("", served.get(page)[1]) != built:
            assert time.monotonic() < deadline, f"{page} is not the page a clean build makes"
            time.sleep(0.5)


class FakePreviewer:
    """Records what the worker asks; says every preview was shown."""

    def __init__(self) -> None:
        self.previewed: list[set[Path]] = []
        self.full_runs: list[bool] = []

    def preview(self, paths: set[Path]) -> Outcome:
        self.previewed.append(set(paths))
        return Outcome.SHOWN

    def full(self, report_all: bool = True) -> bool:
        self.full_runs.append(report_all)
        return True


@pytest.fixture(params=["notified", "polling"])
def watched(
    request: pytest.FixtureRequest, project: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[FakePreviewer, Worker, list[str | None]]]:
    if request.param == "polling":
        monkeypatch.setenv(POLL_ENV, "1")
    previewer = FakePreviewer()
    docs: list[str | None] = []
    worker = Worker(previewer, lambda since, timeout: True)  # type: ignore[arg-type]
    observer = watch(project, worker, docs.append)
    threads = [
        threading.Thread(target=run, daemon=True) for run in (worker.previews, worker.full_runs)
    ]
    for thread in threads:
        thread.start()
    try:
        yield previewer, worker, docs
    finally:
        worker.stop()
        observer.stop()
        observer.join()


def _settled(worker: Worker, check: Any) -> None:
    deadline = time.monotonic() + WAIT
    while not (worker.idle(1) and check()):
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_a_burst_of_saves_is_one_preview_then_one_full_run(
    project: Path, watched: tuple[FakePreviewer, Worker, list[str | None]]
) -> None:
    previewer, worker, docs = watched
    time.sleep(1.5)  # a polling observer's first look
    names = [
        "initiatives/cao-bang/hen-gio-tra-ket-qua.md",
        "initiatives/dak-lak/mot-cua-phu-yen.md",
    ]
    for name in names:
        _edit(project, "\n---\n", "\n---\n\n", name)
    (project / "initiatives" / ".hidden.md").write_text("x", "utf-8")  # an editor's file
    _settled(worker, lambda: previewer.full_runs)
    assert previewer.previewed == [{(project / name).resolve() for name in names}]
    assert previewer.full_runs == [False]
    (project / "docs" / "gioi-thieu.md").write_text("# Mới\n", "utf-8")
    deadline = time.monotonic() + WAIT
    while "gioi-thieu.md" not in docs:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_a_first_build_mkdocs_refuses_stops_serve_with_a_said_reason(
    project: Path, tmp_path: Path
) -> None:
    """A hand-written page linking to a page that does not exist: MkDocs' strict build
    stops, and serve says so in both languages, exits 1 and leaves no server running."""
    (project / "docs" / "ghi-chu.md").write_text("# Ghi chú\n\n[x](khong-co.md)\n", "utf-8")
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stderr:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "--root",
                str(project),
                "serve",
                "--dev-addr",
                f"127.0.0.1:{_free_port()}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            timeout=WAIT,
            check=False,
        )
    text = log.read_text("utf-8")
    assert run.returncode == 1, text[-2000:]
    assert "khong-co.md" in text
    assert "sangkien serve: MkDocs dừng lại (xem các cảnh báo ở trên) — MkDocs stopped: " in text
    assert "Traceback" not in text
