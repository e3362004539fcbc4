"""``sangkien serve``: edits to initiatives regenerate the pages MkDocs live-reloads."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.serve import regenerate

from ..conftest import valid_record


def test_edit_regenerates_page_and_bad_edit_keeps_last_good(project: Path) -> None:
    assert regenerate(project)
    page = project / "docs" / "sang-kien" / "hen-gio-tra-ket-qua.md"
    record = project / "initiatives" / "cao-bang" / "hen-gio-tra-ket-qua.md"
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


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return str(response.read().decode("utf-8"))


def test_serve_previews_and_picks_up_an_edit(project: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/sang-kien/hen-gio-tra-ket-qua/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "--root",
            str(project),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        html = _wait_for(url, "tin nhắn")
        assert "Hẹn giờ trả kết quả qua tin nhắn" in html
        record = project / "initiatives" / "cao-bang" / "hen-gio-tra-ket-qua.md"
        record.write_text(record.read_text("utf-8").replace("qua tin nhắn", "qua Zalo"), "utf-8")
        assert "Hẹn giờ trả kết quả qua Zalo" in _wait_for(url, "qua Zalo")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url: str, needle: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        try:
            html = _get(url)
            if needle in html:
                return html
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}: {html[:200]}")
