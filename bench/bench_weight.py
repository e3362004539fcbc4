"""What a visitor downloads at national scale, in headless Chromium: one part of bench_scale.

    .venv/bin/python bench/bench_weight.py [COUNT]     # default 10,000 records

Builds COUNT synthetic records (``synthetic.py``) with ``sangkien build`` in a temporary
repository and measures, as ``bench_scale.py`` does in its full run (its
``visitor_downloads``): the home page, an initiative page (the largest), the filter page
until all its data is in, the search page until its first result, and the home page then a
search typed in its header box, each in a fresh browser context; requests reaching the
server and bytes, each body gzip-compressed. Also the largest HTML page.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import (
    KB,
    output_figures,
    prepare_repo,
    run,
    sangkien,
    views,
    visitor_downloads,
)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="sangkien-bench-") as folder:
        root = prepare_repo(Path(folder), count)
        start = time.perf_counter()
        run([sangkien(), "--root", str(root), "build"], root)
        seconds = time.perf_counter() - start
        output = output_figures(root / "site")
        visits, chromium = visitor_downloads(root / "site", output["initiative_page"])
    print(f"records: {count:,}; sangkien build {seconds:.0f} s; {output['html_pages']:,} pages")
    print(f"largest page: {output['largest_page']} {output['largest_page_kb']:.0f} KB")
    print(f"initiative page HTML: {output['initiative_page_kb']:.0f} KB (largest)")
    print(f"Chromium {chromium}")
    print("| view | requests | sent | gzip |")
    print("|---|---:|---:|---:|")
    for view in views(""):
        v = visits[view.key]
        print(
            f"| {view.label} | {v['requests']} | {v['bytes'] / KB:,.0f} KB "
            f"| {v['gzip'] / KB:,.0f} KB |"
        )


if __name__ == "__main__":
    main()
