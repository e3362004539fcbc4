"""How long ``sangkien check`` takes on a national-scale collection, against a baseline.

    .venv/bin/python bench/bench_check.py [COUNT]     # default 10,000 records

It writes COUNT synthetic records (``synthetic.py``: varied titles, all provinces and
domains, quoted metrics, former province names) into a temporary repository, then
times, in the same run:

- baseline: read every file and parse its front matter with PyYAML's C ``safe_load``,
  the least any YAML-front-matter tool must do;
- check: the full ``check_paths`` (events walk, model, places, cross-record checks);
- pure-Python YAML: the same baseline with PyYAML's pure-Python loader, for scale.

and prints seconds and ratios to the baseline, and the findings by code.
``make_collection`` is ``synthetic.make_collection``, kept here for the scripts that
import it from this module.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from synthetic import make_collection  # noqa: E402

from generator.check import check_paths  # noqa: E402
from generator.vocab import load_vocabulary  # noqa: E402

__all__ = ["baseline", "make_collection"]


def baseline(root: Path, loader: type) -> int:
    count = 0
    for path in sorted((root / "initiatives").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        yaml.load(text.split("---\n", 2)[1], Loader=loader)
        count += 1
    return count


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_collection(root, count)
        load_vocabulary()  # warm: read once per process anyway
        fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        base = timed(lambda: baseline(root, fast))
        result: list[object] = []
        check = timed(lambda: result.append(check_paths(root)))
        slow = timed(lambda: baseline(root, yaml.SafeLoader))
        outcome = result[0]
        print(f"records: {count}  (libyaml: {fast is not yaml.SafeLoader})")
        print(f"baseline C safe_load     {base:7.2f} s   1.00x")
        print(
            f"sangkien check           {check:7.2f} s   {check / base:5.2f}x  "
            f"({count / check:,.0f} records/s, "
            f"{sum(i.is_error for i in outcome.issues)} errors)"
        )  # type: ignore[attr-defined]
        print(f"pure-Python safe_load    {slow:7.2f} s   {slow / base:5.2f}x")
        found = Counter(f"{i.severity}: {i.code}" for i in outcome.issues)  # type: ignore[attr-defined]
        for code, number in sorted(found.items()):
            print(f"  {number:6,}  {code}")


if __name__ == "__main__":
    main()
