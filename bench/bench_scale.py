"""National scale: check, generate and build against a plain MkDocs build of as many pages.

    .venv/bin/python bench/bench_scale.py [COUNT ...]     # default: 100 1000 10000

For each COUNT, in one run: COUNT generated records (bench_check.make_collection); the
parse floor (read every file, PyYAML's C loader on its front matter); ``sangkien check``;
the generator stage alone (pages and data into docs/); the whole ``sangkien build`` (check,
generate, MkDocs, Pagefind) in a subprocess; and, as the baseline, a plain MkDocs Material
build (its default search plugin included) of COUNT ordinary pages made of the same text.
Peak memory is the largest resident set of the subprocesses. Prints one table with the
ratios the targets of issue 11 are stated in; what a visitor downloads is
``bench_weight.py``'s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import baseline, make_collection  # noqa: E402

from generator.build import generate  # noqa: E402
from generator.check import check_paths  # noqa: E402

# Pages out of the navigation, as the site's own generated pages are: with MkDocs' automatic
# navigation every page would list all the others (3 MB a page at 10,000).
PLAIN_CONFIG = (
    "site_name: Baseline\ntheme:\n  name: material\n  language: vi\n"
    "nav:\n  - index.md\nnot_in_nav: |\n  /p*.md\n"
)


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds and peak memory (MB) of a subprocess (its own, through ``wait4``)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command[0]} failed in {cwd}")
    return seconds, usage.ru_maxrss // 1024


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def plain_site(root: Path, records: Path) -> None:
    """COUNT ordinary pages: each record's title as heading, its summary and body as text."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    for n, path in enumerate(sorted(records.rglob("*.md"))):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = yaml.safe_load(head.removeprefix("---\n")) or {}
        text = f"# {meta.get('title', n)}\n\n{meta.get('summary', '')}\n\n{body}"
        (docs / f"p{n}.md").write_text(text, encoding="utf-8")


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        root.mkdir()
        for name in ("mkdocs.yml",):
            (root / name).write_bytes((ROOT / name).read_bytes())
        subprocess.run(["cp", "-r", str(ROOT / "theme"), str(root / "theme")], check=True)
        docs = root / "docs"
        docs.mkdir()
        for page in (ROOT / "docs").glob("*.md"):
            if page.name != "index.md":
                (docs / page.name).write_bytes(page.read_bytes())
        make_collection(root, count)
        fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        start = time.perf_counter()
        baseline(root, fast)
        floor = time.perf_counter() - start
        start = time.perf_counter()
        check_paths(root)
        check = time.perf_counter() - start
        start = time.perf_counter()
        generate(root)
        stage = time.perf_counter() - start
        sangkien = Path(sys.executable).with_name("sangkien")
        build, build_mb = run([str(sangkien), "--root", str(root), "build"], root)
        site = root / "site"
        largest = max(f.stat().st_size for f in site.rglob("*.html")) / 1024
        plain = Path(folder) / "plain"
        plain_site(plain, root / "initiatives")
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"]
        base, base_mb = run(mkdocs, plain)
        return {
            "count": count,
            "floor": floor,
            "check": check,
            "generate": stage,
            "build": build,
            "baseline": base,
            "build_mb": build_mb,
            "base_mb": base_mb,
            "site_mb": size_mb(site),
            "base_site_mb": size_mb(plain / "site"),
            "largest_kb": largest,
        }


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [100, 1000, 10000]
    rows = [measure(count) for count in counts]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(
        "| records | check (× parse floor) | generate | build | plain MkDocs | build ÷ plain "
        "| peak MB (plain) | site MB (plain) | largest page |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['count']:,} | {r['check']:.1f} s ({r['check'] / r['floor']:.1f}×) "
            f"| {r['generate']:.1f} s | {r['build']:.0f} s | {r['baseline']:.0f} s "
            f"| {r['build'] / r['baseline']:.2f}× | {r['build_mb']:.0f} ({r['base_mb']:.0f}) "
            f"| {r['site_mb']:.0f} ({r['base_site_mb']:.0f}) | {r['largest_kb']:.0f} KB |"
        )


if __name__ == "__main__":
    main()
