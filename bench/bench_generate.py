"""How long generating the pages takes at national scale, against ``check`` alone.

    .venv/bin/python bench/bench_generate.py [COUNT]    # default 10,000 records

Both run in the same process on the same generated collection (see bench_check.py):
the baseline is ``check_paths``; then ``generate`` (check + indexes + Markdown pages +
open data + writing docs/). MkDocs' own build of the pages is not timed here.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import make_collection  # noqa: E402

from generator.build import generate  # noqa: E402
from generator.check import check_paths  # noqa: E402


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_collection(root, count)
        shutil.copytree(ROOT / "theme", root / "theme")
        (root / "docs").mkdir()
        start = time.perf_counter()
        check_paths(root)
        check = time.perf_counter() - start
        start = time.perf_counter()
        _, issues, site, _ = generate(root)
        full = time.perf_counter() - start
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        print(f"records: {count}, pages written: {pages}, ok: {site is not None and not issues}")
        print(f"check (baseline)     {check:7.2f} s   1.00x")
        print(f"generate             {full:7.2f} s   {full / check:5.2f}x")


if __name__ == "__main__":
    main()
