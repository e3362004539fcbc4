"""What a visitor downloads: page weights at national scale, in headless Chromium.

    .venv/bin/python bench/bench_weight.py [COUNT]     # default 10,000 records

Builds COUNT generated records (see bench_check.py) with ``sangkien build`` (MkDocs and
Pagefind), serves the site on 127.0.0.1 and, in a fresh browser context each, counts every
response of: opening the home page; an initiative page; the filter page until its data is
in; the search page until the first result of a query. Bytes are what the server sent and,
beside, each body gzip-compressed (the test server does not compress; a real one does).
The largest HTML page is reported too. Prints a table the README quotes.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import make_collection  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from generator.build import build  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def weigh(page: Page, url: str, ready: str) -> tuple[int, int, int]:
    """(requests, bytes sent, gzip bytes) of loading ``url`` until ``ready`` holds."""
    bodies: list[bytes] = []
    page.on("response", lambda r: bodies.append(r.body()) if r.ok else None)
    page.goto(url)
    page.wait_for_function(ready, timeout=120_000)
    page.wait_for_load_state("networkidle")
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("mkdocs.yml",):
            (root / name).write_text((ROOT / name).read_text("utf-8"), encoding="utf-8")
        for name in ("theme", "docs"):
            src = ROOT / name
            for file in src.rglob("*"):
                if file.is_file() and not _generated(file.relative_to(ROOT)):
                    target = root / file.relative_to(ROOT)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(file.read_bytes())
        make_collection(root, count)
        start = time.perf_counter()
        result = build(root)
        seconds = time.perf_counter() - start
        assert result.ok, [i.as_text() for i in (result.check.issues + result.issues)[:5]]
        site = root / "site"
        pages = list(site.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        record = next(site.glob("sang-kien/*/index.html"))
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        views = [
            ("home page", base, "document.readyState === 'complete'"),
            (
                "an initiative page",
                base + record.parent.relative_to(site).as_posix() + "/",
                "document.readyState === 'complete'",
            ),
            (
                "filter page, all data in",
                base + "tra-cuu/",
                "document.querySelector('[data-finder][data-ready]') !== null",
            ),
            (
                "search, first result",
                base + "tim-kiem/?q=thanh+toan+khong+tien+mat",
                "document.querySelector('[data-search-results] > *') !== null",
            ),
        ]
        rows = []
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox"]
            )
            for name, url, ready in views:
                context = chromium.new_context()
                rows.append((name, *weigh(context.new_page(), url, ready)))
                context.close()
            chromium.close()
        server.shutdown()
        print(f"records: {count}; sangkien build {seconds:.0f} s; {len(pages)} HTML pages")
        print(f"largest page: {largest.relative_to(site)} {largest.stat().st_size / 1024:.0f} KB")
        print(f"initiative page HTML: {record.stat().st_size / 1024:.0f} KB")
        print("| view | requests | sent | gzip |")
        print("|---|---:|---:|---:|")
        for name, requests, sent, packed in rows:
            print(f"| {name} | {requests} | {sent / 1024:,.0f} KB | {packed / 1024:,.0f} KB |")


def _generated(relative: Path) -> bool:
    """Files under docs/ that a build wrote: the benchmark builds its own."""
    return relative.parts[0] == "docs" and (
        len(relative.parts) > 2 or relative.name in ("index.md", ".generated.json")
    )


if __name__ == "__main__":
    main()
