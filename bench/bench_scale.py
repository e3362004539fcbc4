"""National scale (issue 11): check, generate and build against their baselines, in one run.

    .venv/bin/python bench/bench_scale.py [--counts N ...] [--out DIR] [--no-browser] [--repeat K]
    .venv/bin/python bench/bench_scale.py --compare bench/results.json [--counts 1000] [--out DIR]

For each N (default 100, 1,000 and 10,000), in a temporary git repository of N synthetic
records (``bench/synthetic.py``) with the project's ``mkdocs.yml``, theme and hand-written
pages, it measures:

- the parse floor: read every record and parse its front matter with PyYAML's C loader,
  the least any YAML-front-matter tool must do; and ``check`` (``check_paths``, in process);
- ``sangkien check --changed-since HEAD`` with 3 records edited, as a pull request's check
  runs it (a process of its own, start-up included);
- the generator stage alone (``generate``: check, pages and data into docs/, in process);
- the whole ``sangkien build`` (check, generate, MkDocs, Pagefind) in a process of its own,
  and its peak memory (the largest resident set of it and its children);
- the baseline: a plain MkDocs Material build (search plugin on, pages out of the
  navigation as ours are) of N ordinary pages made of the same titles, summaries and bodies;
- the output: its size, the largest HTML page, the largest initiative page;
- what a visitor downloads, in headless Chromium with a fresh cache for each view (home page,
  an initiative page, the filter page until all its data is in, the search page until its
  first result, and the home page then a search typed in its header box): requests reaching
  the server and bytes, each body counted gzip-compressed (as GitHub Pages serves it; as is
  when already compressed), the server sending ``Cache-Control: max-age=600`` like GitHub
  Pages. ``--no-browser`` leaves this out.

Each time is the best of ``--repeat`` runs. It prints the tables, with the ratios the
targets are stated in, and writes ``results.json`` and ``results.md`` into ``--out``
(default ``bench/``; the README's performance section quotes ``bench/results.md``).

``--compare FILE`` measures N=1,000 (or ``--counts``) and exits 1 only when one of the
ratios (check ÷ parse floor, generate ÷ plain MkDocs, build ÷ plain MkDocs, peak memory ÷
plain MkDocs) is more than ``--tolerance`` (25 %) worse than FILE's at the same N: ratios
of two measures taken on the same machine in the same run travel between machines,
seconds do not. It writes nothing unless ``--out`` is given. CI runs it on pull requests
(``.github/workflows/bench.yml``).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
for _path in (ROOT, BENCH):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from bench_check import baseline  # noqa: E402
from synthetic import make_collection  # noqa: E402

from generator.build import generate  # noqa: E402
from generator.check import check_paths  # noqa: E402
from generator.vocab import load_vocabulary  # noqa: E402

COUNTS = (100, 1000, 10_000)
COMPARE_COUNT = 1000
TOLERANCE = 0.25
CHROMIUM = Path("/usr/bin/chromium")
CHANGED = 3  # records a pull request edits
SEARCH_QUERY = "thanh toan khong tien mat"  # typed without marks, as most people do
# Pages out of the navigation, as the site's own generated pages are: with MkDocs' automatic
# navigation every page would list all the others (3 MB a page at 10,000).
PLAIN_CONFIG = (
    "site_name: Baseline\ntheme:\n  name: material\n  language: vi\n"
    "nav:\n  - index.md\nnot_in_nav: |\n  /p*.md\n"
)
# The ratios a regression is judged on: each is two measures of the same run, lower is better.
RATIOS = {
    "check_floor": "check ÷ parse floor",
    "generate_plain": "generate ÷ plain MkDocs",
    "build_plain": "build ÷ plain MkDocs",
    "memory_plain": "peak memory ÷ plain MkDocs",
}
KB = 1024
MB = 1024 * 1024


# --- the repository -------------------------------------------------------------------------


def prepare_repo(folder: Path, count: int) -> Path:
    """A repository in ``folder``: the site's configuration, theme and hand-written pages,
    ``count`` synthetic records, committed with git."""
    root = folder / "repo"
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "theme", root / "theme")
    docs = root / "docs"
    docs.mkdir()
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "index.md":  # generated
            shutil.copy2(page, docs / page.name)
    make_collection(root, count)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"{count} synthetic records")
    return root


def git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(
        ["git", "-C", str(root), *identity, "-c", "commit.gpgsign=false", *args], check=True
    )


def plain_site(root: Path, records: Path) -> None:
    """N ordinary pages: each record's title as heading, its summary and body as text."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    for n, path in enumerate(sorted(records.rglob("*.md"))):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = yaml.safe_load(head.removeprefix("---\n")) or {}
        text = f"# {meta.get('title', n)}\n\n{meta.get('summary', '')}\n\n{body}"
        (docs / f"p{n}.md").write_text(text, encoding="utf-8")


# --- timing ---------------------------------------------------------------------------------


def _cold() -> None:
    """Empty the generator's per-process caches, so that each run starts as a command does."""
    from generator import places, text

    for function in (getattr(text, "slug", None), getattr(places, "name_key", None)):
        clear = getattr(function, "cache_clear", None)
        if clear is not None:
            clear()


def best(repeat: int, action: Callable[[], object]) -> float:
    """The shortest of ``repeat`` runs of ``action``, in seconds."""
    times = []
    for _ in range(repeat):
        _cold()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


# Started from a small process of its own: a child forked (or vforked) from this benchmark
# would count this process's memory, as it stood when the child started, as its own.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(command: Sequence[str], cwd: Path) -> tuple[float, float, str]:
    """Seconds, peak memory and output of a command; a failure stops the benchmark.

    Peak memory (MB) is the larger of: the most the command and its children held at once
    (their resident sets summed, sampled every 0.1 s: a build holds its records while MkDocs
    runs), and the largest resident set any of them reached (``wait4``, not sampled).
    """
    with tempfile.TemporaryDirectory() as folder:
        peak, log = Path(folder) / "peak", Path(folder) / "log"
        with log.open("wb") as out:
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", _LAUNCHER, str(peak), *command],
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            together = 0
            while child.poll() is None:
                together = max(together, tree_rss(child.pid))
                time.sleep(0.1)
            seconds = time.perf_counter() - start
        output = log.read_text(encoding="utf-8", errors="replace")
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({child.returncode}) in {cwd}:\n{output}")
        largest = int(peak.read_text()) * KB  # ru_maxrss is in KB
        return seconds, max(together, largest) / MB, output


def tree_rss(launcher: int) -> int:
    """Bytes resident in the processes under ``launcher`` (itself left out), now."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # gone
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    below, frontier = set(), {launcher}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    total = 0
    for pid in below:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += pages * os.sysconf("SC_PAGE_SIZE")
    return total


def run_best(repeat: int, command: Sequence[str], cwd: Path) -> tuple[float, float, str]:
    """The shortest of ``repeat`` runs, with the largest peak memory of them."""
    runs = [run(command, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def sangkien() -> str:
    beside = Path(sys.executable).with_name("sangkien")
    return str(beside) if beside.exists() else shutil.which("sangkien") or "sangkien"


def changed_since(root: Path, repeat: int) -> tuple[float, int]:
    """Seconds of ``sangkien check --changed-since HEAD`` with ``CHANGED`` records edited,
    and the number of files it checked. The records are put back afterwards."""
    records = sorted((root / "initiatives").rglob("*.md"))
    edited = [records[0], records[len(records) // 2], records[-1]][:CHANGED]
    texts = {path: path.read_bytes() for path in edited}
    try:
        for path in edited:
            path.write_bytes(texts[path] + "\nCập nhật: số liệu mới của năm nay.\n".encode())
        command = [sangkien(), "--root", str(root), "check", "--changed-since", "HEAD"]
        seconds, _, output = run_best(repeat, command, root)
    finally:
        for path, text in texts.items():
            path.write_bytes(text)
    found = re.search(r"Checked (\d+) files?\b", output)
    return seconds, int(found[1]) if found else -1


# --- the output -----------------------------------------------------------------------------


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / MB


def output_figures(site: Path) -> dict[str, Any]:
    pages = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(pages, key=lambda p: (pages[p], p.as_posix()))
    # sang-kien/<id>/index.html only: a tag "sáng kiến" has pages the/sang-kien/trang-N/ too
    initiatives = {p: s for p, s in pages.items() if p.parent.parent == site / "sang-kien"}
    biggest = max(initiatives, key=lambda p: (initiatives[p], p.as_posix()))
    return {
        "site_mb": round(folder_mb(site), 2),
        "html_pages": len(pages),
        "largest_page_kb": round(pages[largest] / KB, 1),
        "largest_page": largest.parent.relative_to(site).as_posix() + "/",
        "initiative_page_kb": round(initiatives[biggest] / KB, 1),
        "initiative_page_median_kb": round(statistics.median(initiatives.values()) / KB, 1),
        "initiative_page": biggest.parent.relative_to(site).as_posix() + "/",
    }


# --- what a visitor downloads ---------------------------------------------------------------


class _Server(http.server.ThreadingHTTPServer):
    """Serves the site and counts what it sends: requests, bytes, gzip bytes."""

    daemon_threads = True

    def __init__(self, site: Path) -> None:
        self.site = site
        self.lock = threading.Lock()
        self.requests = 0
        self.bodies: list[tuple[str, bytes]] = []  # (path asked for, body sent)
        super().__init__(("127.0.0.1", 0), _Handler)

    def take(self) -> dict[str, Any]:
        """What was sent since the last call (and the 3 largest bodies), then start again."""
        with self.lock:
            bodies, requests = self.bodies, self.requests
            self.bodies, self.requests = [], 0
        packed = sorted(((_gzip_size(b), path) for path, b in bodies), reverse=True)
        return {
            "requests": requests,
            "bytes": sum(len(b) for _, b in bodies),
            "gzip": sum(size for size, _ in packed),
            "largest": [[path, size] for size, path in packed[:3]],
        }


def _gzip_size(body: bytes) -> int:
    """What a server that compresses sends: gzip, or the body as is when that is smaller
    (Pagefind's index files are compressed already)."""
    return min(len(body), len(gzip.compress(body, 6, mtime=0)))


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: _Server

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # args: the request, the client's address, the server
        super().__init__(*args, directory=str(args[2].site), **kwargs)

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.requests += 1
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        with self.server.lock:
            self.server.bodies.append((self.path, data))
        outputfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass(frozen=True)
class View:
    key: str
    label: str
    path: str
    ready: str  # a JavaScript function: the view is there (a function, not an expression,
    # since Playwright evaluates an expression with eval, which the site's policy refuses)
    search_box: bool = False  # then type SEARCH_QUERY in the header's box and wait for results


LOADED = "() => document.readyState === 'complete'"
RESULTS = "() => document.querySelector('[data-search-results] > *') !== null"


def views(initiative: str) -> list[View]:
    query = SEARCH_QUERY.replace(" ", "+")
    return [
        View("home", "home page", "", LOADED),
        View("initiative", "an initiative page", initiative, LOADED),
        View(
            "filter",
            "filter page, all data in",
            "tra-cuu/",
            "() => document.querySelector('[data-finder][data-ready]') !== null",
        ),
        View("search", "search page, first result", f"tim-kiem/?q={query}", RESULTS),
        View("home_search", "home page, then a search", "", LOADED, search_box=True),
    ]


def visitor_downloads(site: Path, initiative: str) -> tuple[dict[str, dict[str, Any]], str]:
    """For each view, in a fresh browser context: requests, bytes and gzip bytes sent."""
    from playwright.sync_api import sync_playwright

    server = _Server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    found: dict[str, dict[str, Any]] = {}
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
            )
            browser_version = chromium.version
            for view in views(initiative):
                context = chromium.new_context(locale="vi-VN")
                page = context.new_page()
                server.take()
                page.goto(base + view.path)
                page.wait_for_function(view.ready, timeout=180_000)
                if view.search_box:
                    page.wait_for_load_state("networkidle")
                    page.fill("[data-search-box]", SEARCH_QUERY)
                    page.press("[data-search-box]", "Enter")
                    page.wait_for_url("**/tim-kiem/**")
                    page.wait_for_function(RESULTS, timeout=180_000)
                page.wait_for_load_state("networkidle")
                found[view.key] = server.take()
                context.close()
            chromium.close()
    finally:
        server.shutdown()
        server.server_close()
    return found, browser_version


# --- one count ------------------------------------------------------------------------------


def measure(count: int, repeat: int = 1, browser: bool = True) -> dict[str, Any]:
    """Every figure for ``count`` records (see the module's docstring)."""
    load_vocabulary()  # read once per process, by a command as here
    with tempfile.TemporaryDirectory(prefix="sangkien-bench-") as folder:
        say(f"{count:,} records: writing the repository")
        root = prepare_repo(Path(folder), count)
        fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        say(f"{count:,} records: parse floor and check")
        floor = best(repeat, lambda: baseline(root, fast))
        outcome = []
        check = best(repeat, lambda: outcome.append(check_paths(root)))
        findings = Counter(f"{i.severity}: {i.code}" for i in outcome[-1].issues)
        if not outcome[-1].ok:
            raise SystemExit(f"the synthetic records have errors: {dict(findings)}")
        say(f"{count:,} records: check --changed-since")
        changed, checked = changed_since(root, repeat)
        say(f"{count:,} records: generate")
        stage = best(repeat, lambda: generate(root))
        say(f"{count:,} records: sangkien build")
        build, build_mb, _ = run_best(repeat, [sangkien(), "--root", str(root), "build"], root)
        say(f"{count:,} records: plain MkDocs")
        plain = Path(folder) / "plain"
        plain_site(plain, root / "initiatives")
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
        base, base_mb, _ = run_best(repeat, mkdocs, plain)
        site = root / "site"
        output = output_figures(site)
        output["plain_site_mb"] = round(folder_mb(plain / "site"), 2)
        result: dict[str, Any] = {
            "count": count,
            "seconds": {
                "parse_floor": round(floor, 3),
                "check": round(check, 3),
                "changed_since": round(changed, 3),
                "generate": round(stage, 3),
                "build": round(build, 2),
                "plain_mkdocs": round(base, 2),
            },
            "changed_since_files": checked,
            "memory_mb": {"build": round(build_mb), "plain_mkdocs": round(base_mb)},
            "ratios": {
                "check_floor": round(check / floor, 2),
                "generate_plain": round(stage / base, 3),
                "build_plain": round(build / base, 3),
                "memory_plain": round(build_mb / base_mb, 3),
            },
            "output": output,
            "check_findings": dict(sorted(findings.items())),
        }
        if browser:
            say(f"{count:,} records: what a visitor downloads (Chromium)")
            visits, chromium = visitor_downloads(site, output["initiative_page"])
            result["visitor"] = visits
            result["chromium"] = chromium
        return result


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


# --- the report -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        memory = f"{int(first[1]) / MB:.1f} GB"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor() or platform.machine(),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "load_at_start": round(load, 2) if load is not None else None,
    }


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name, package in (
        ("mkdocs", "mkdocs"),
        ("material", "mkdocs-material"),
        ("pagefind", "pagefind"),
        ("pyyaml", "pyyaml"),
        ("pydantic", "pydantic"),
    ):
        try:
            found[name] = version(package)
        except PackageNotFoundError:
            found[name] = "?"
    return found


def _kb(value: float) -> str:
    return f"{value:,.0f} KB"


def _s(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:,.0f} s"


def tables(results: Sequence[dict[str, Any]]) -> str:
    """The Markdown tables of ``results.md``."""
    lines = [
        "| records | check (÷ parse floor) | `--changed-since`, 3 files | generate (÷ plain) "
        "| build | plain MkDocs | build ÷ plain | peak MB (÷ plain) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s, ratio, mem = r["seconds"], r["ratios"], r["memory_mb"]
        lines.append(
            f"| {r['count']:,} | {_s(s['check'])} ({ratio['check_floor']:.1f}×) "
            f"| {_s(s['changed_since'])} | {_s(s['generate'])} ({ratio['generate_plain']:.2f}×) "
            f"| {_s(s['build'])} | {_s(s['plain_mkdocs'])} | {ratio['build_plain']:.2f}× "
            f"| {mem['build']:,} ({ratio['memory_plain']:.2f}×) |"
        )
    lines += [
        "",
        "| records | site MB (plain) | HTML pages | largest page | initiative page HTML (median) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        o = r["output"]
        lines.append(
            f"| {r['count']:,} | {o['site_mb']:,.1f} ({o['plain_site_mb']:,.1f}) "
            f"| {o['html_pages']:,} | {_kb(o['largest_page_kb'])} (`{o['largest_page']}`) "
            f"| {_kb(o['initiative_page_kb'])} ({_kb(o['initiative_page_median_kb'])}) |"
        )
    visited = [r for r in results if "visitor" in r]
    if visited:
        names = [view.label for view in views("")]
        lines += [
            "",
            "| records | " + " | ".join(names) + " |",
            "|---:|" + "---:|" * len(names),
        ]
        for r in visited:
            cells = [
                f"{_kb(v['gzip'] / KB)}, {v['requests']} req."
                for v in (r["visitor"][view.key] for view in views(""))
            ]
            lines.append(f"| {r['count']:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# (what, how it is read from a result, the limit, unit) at 10,000 records on 2 cores
TARGETS: tuple[tuple[str, Callable[[dict[str, Any]], float | None], float, str], ...] = (
    ("build ÷ plain MkDocs", lambda r: r["ratios"]["build_plain"], 1.10, "×"),
    ("check ÷ parse floor", lambda r: r["ratios"]["check_floor"], 2.0, "×"),
    ("`--changed-since`, 3 files", lambda r: r["seconds"]["changed_since"], 1.0, " s"),
    ("largest HTML page", lambda r: r["output"]["largest_page_kb"], 300, " KB"),
    ("initiative page HTML", lambda r: r["output"]["initiative_page_kb"], 60, " KB"),
    (
        "home page, then first search result (gzip)",
        lambda r: r["visitor"]["home_search"]["gzip"] / KB if "visitor" in r else None,
        300,
        " KB",
    ),
    ("peak memory", lambda r: r["memory_mb"]["build"], 2048, " MB"),
)


def targets(result: dict[str, Any]) -> str:
    lines = [
        f"| target (issue 11, at 10,000) | limit | at {result['count']:,} | met |",
        "|---|---:|---:|:---:|",
    ]
    for name, read, limit, unit in TARGETS:
        value = read(result)
        if value is None:
            lines.append(f"| {name} | {limit:g}{unit} | not measured | |")
            continue
        met = "yes" if value <= limit else "**no**"
        lines.append(f"| {name} | {limit:g}{unit} | {value:,.2f}{unit} | {met} |")
    return "\n".join(lines) + "\n"


def report(data: dict[str, Any]) -> str:
    m, v = data["machine"], data["versions"]
    head = (
        f"Measured {data['date']} by `{data['command']}`, on {m['cpus']} cores "
        f"({m['cpu_model']}, {m['memory']}), load {m['load_at_start']} at the start; "
        f"Python {v['python']}, MkDocs {v['mkdocs']}, Material {v['material']}, "
        f"Pagefind {v['pagefind']}"
    )
    chromium = next((r["chromium"] for r in data["results"] if "chromium" in r), None)
    head += f", Chromium {chromium}." if chromium else "."
    if data.get("note"):
        head += f" {data['note']}"
    body = [
        "<!-- Written by bench/bench_scale.py; README.md's performance section quotes it. -->",
        "# Benchmark results",
        "",
        head,
        f"Times are the best of {data['repeat']} run(s).",
        "",
        tables(data["results"]),
        "Visitor columns: bytes sent, each response gzip-compressed, and requests reaching the "
        "server, with a fresh browser cache for each view.",
        "",
        targets(max(data["results"], key=lambda r: r["count"])),
    ]
    return "\n".join(body)


# --- comparing with committed results -------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    count: int
    ratio: str
    committed: float
    measured: float
    tolerance: float

    @property
    def change(self) -> float:
        """How much worse (positive) or better (negative), as a fraction of the committed."""
        return self.measured / self.committed - 1

    @property
    def regressed(self) -> bool:
        return self.change > self.tolerance

    def as_text(self) -> str:
        verdict = "REGRESSED" if self.regressed else "ok"
        return (
            f"{self.count:>6,}  {RATIOS[self.ratio]:<28} {self.committed:8.2f} "
            f"{self.measured:8.2f}  {self.change:+7.1%}  {verdict}"
        )


def compare(
    committed: dict[str, Any], measured: Sequence[dict[str, Any]], tolerance: float = TOLERANCE
) -> list[Comparison]:
    """Each ratio of ``measured`` beside the committed one of the same count."""
    by_count = {r["count"]: r for r in committed.get("results", [])}
    found = []
    for result in measured:
        before = by_count.get(result["count"])
        if before is None:
            continue
        for ratio in RATIOS:
            old, new = before["ratios"].get(ratio), result["ratios"].get(ratio)
            if old and new is not None:
                found.append(Comparison(result["count"], ratio, old, new, tolerance))
    return found


def judge(comparisons: Sequence[Comparison], source: str, tolerance: float) -> tuple[str, int]:
    """The comparison as a table, and the exit status: 1 when a ratio regressed."""
    regressed = [c for c in comparisons if c.regressed]
    lines = [
        f"Ratios against {source} (worse by more than {tolerance:.0%} fails):",
        f"{'records':>6}  {'ratio':<28} {'committed':>8} {'now':>8}  {'change':>7}",
        *(c.as_text() for c in comparisons),
        f"{len(regressed)} of {len(comparisons)} ratios regressed.",
    ]
    if not comparisons:
        lines.append("Nothing to compare: no ratio was measured at a count the file has.")
    return "\n".join(lines), 1 if regressed else (0 if comparisons else 2)


# --- the command ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Issue 11's benchmark: check, generate and build against their baselines."
    )
    parser.add_argument("counts", nargs="*", type=int, metavar="N", help="as --counts")
    parser.add_argument("--counts", dest="counts_option", nargs="+", type=int, metavar="N")
    parser.add_argument("--out", type=Path, help="where to write results.json and results.md")
    parser.add_argument("--no-browser", action="store_true", help="leave out Chromium")
    parser.add_argument("--repeat", type=int, default=1, help="best of K runs (default 1)")
    parser.add_argument("--compare", type=Path, metavar="FILE", help="committed results.json")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument("--note", default="", help="a sentence for results.md")
    args = parser.parse_args(argv)
    counts = args.counts_option or args.counts
    if not counts:
        counts = [COMPARE_COUNT] if args.compare else list(COUNTS)
    committed = None
    if args.compare:
        committed = json.loads(args.compare.read_text(encoding="utf-8"))
        known = {r["count"] for r in committed.get("results", [])}
        if not set(counts) & known:
            parser.error(f"{args.compare} has no results for {counts}")
    browser = not args.no_browser
    if browser and not CHROMIUM.exists():
        parser.error(f"{CHROMIUM} is missing: install Chromium or pass --no-browser")

    results = [measure(count, args.repeat, browser) for count in counts]
    given = list(sys.argv[1:] if argv is None else argv)
    if "--note" in given:  # said after the command in results.md
        at = given.index("--note")
        del given[at : at + 2]
    command = shlex.join(["bench/bench_scale.py", *given])
    data = {
        "date": datetime.date.today().isoformat(),
        "command": command,
        "machine": machine(),
        "versions": versions(),
        "repeat": args.repeat,
        "note": args.note,
        "results": results,
    }
    text = report(data)
    print(text)
    out = args.out or (None if args.compare else BENCH)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (out / "results.md").write_text(text, encoding="utf-8")
        say(f"written: {out / 'results.json'}, {out / 'results.md'}")
    if committed is None:
        return 0
    comparisons = compare(committed, results, args.tolerance)
    text, status = judge(comparisons, f"{args.compare}", args.tolerance)
    print(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
