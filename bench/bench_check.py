"""How long ``sangkien check`` takes on a national-scale collection, against a baseline.

    .venv/bin/python bench/bench_check.py [COUNT]     # default 10,000 records

It writes COUNT records (the bundled initiatives, cycled over all 34 provinces with new
ids) into a temporary repository, then times, in the same run:

- baseline: read every file and parse its front matter with PyYAML's C ``safe_load``,
  the least any YAML-front-matter tool must do;
- check: the full ``check_paths`` (events walk, model, places, cross-record checks);
- pure-Python YAML: the same baseline with PyYAML's pure-Python loader, for scale.

and prints seconds and ratios to the baseline.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import check_paths  # noqa: E402
from generator.vocab import load_vocabulary  # noqa: E402


def make_collection(root: Path, count: int) -> None:
    bundled = sorted((ROOT / "initiatives").rglob("*.md"))
    provinces = load_vocabulary().places.current
    for n in range(count):
        source = bundled[n % len(bundled)]
        province = provinces[n % len(provinces)]
        text = source.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        lines = [
            f"province: {province.name}" if line.startswith("province:") else line
            for line in head.split("\n")
        ]
        lines = [
            f"title: Bản {n} - {line[7:]}" if line.startswith("title: ") else line for line in lines
        ]
        lines = [line for line in lines if not line.startswith("contests:")]  # no contests here
        target = root / "initiatives" / province.slug / f"{source.stem}-{n}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")


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


if __name__ == "__main__":
    main()
