"""The benchmark's regression check: ratios only, 25 % of slack, and what it is run on.

CI (``.github/workflows/bench.yml``) runs ``bench/bench_scale.py --compare
bench/results.json`` at 1,000 records; these tests hold the comparison's rule without
running the benchmark, and that the committed results and the README agree.
"""

from __future__ import annotations

import importlib
import json
import sys

import yaml

from ..conftest import PROJECT

BENCH = PROJECT / "bench"
sys.path.insert(0, str(BENCH))
bench_scale = importlib.import_module("bench_scale")

RATIOS = {"check_floor": 4.0, "generate_plain": 0.5, "build_plain": 5.0, "memory_plain": 1.5}


def result(count: int, **ratios: float) -> dict[str, object]:
    return {"count": count, "ratios": {**RATIOS, **ratios}}


def test_only_a_ratio_worse_by_more_than_a_quarter_fails() -> None:
    committed = {"results": [result(100, build_plain=9.0), result(1000)]}
    measured = [
        result(1000, check_floor=4.99, generate_plain=0.2, build_plain=6.26, memory_plain=1.5)
    ]
    found = bench_scale.compare(committed, measured)
    assert [(c.count, c.ratio) for c in found] == [(1000, name) for name in RATIOS]
    assert [c.ratio for c in found if c.regressed] == ["build_plain"]  # 5.0 → 6.26: +25.2 %
    text, status = bench_scale.judge(found, "bench/results.json", 0.25)
    assert status == 1
    assert "REGRESSED" in text and "build ÷ plain MkDocs" in text
    assert "1 of 4 ratios regressed." in text


def test_better_or_slightly_worse_passes_and_seconds_are_never_compared() -> None:
    committed = {"results": [{**result(1000), "seconds": {"build": 10.0}}]}
    measured = [{**result(1000, check_floor=5.0, build_plain=2.0), "seconds": {"build": 99.0}}]
    found = bench_scale.compare(committed, measured)
    assert not any(c.regressed for c in found)
    assert {c.ratio for c in found} == set(bench_scale.RATIOS)
    assert bench_scale.judge(found, "f", 0.25)[1] == 0
    stricter = bench_scale.compare(committed, measured, tolerance=0.2)
    assert [c.ratio for c in stricter if c.regressed] == ["check_floor"]


def test_a_count_the_file_lacks_is_not_compared() -> None:
    found = bench_scale.compare({"results": [result(100)]}, [result(1000, build_plain=50.0)])
    assert found == []
    text, status = bench_scale.judge(found, "f", 0.25)
    assert status == 2 and "Nothing to compare" in text


def test_the_committed_results_can_be_compared_at_1000() -> None:
    data = json.loads((BENCH / "results.json").read_text(encoding="utf-8"))
    assert {"date", "machine", "versions", "results"} <= set(data)
    assert data["machine"]["cpus"] and data["machine"]["cpu_model"]
    at_1000 = [r for r in data["results"] if r["count"] == bench_scale.COMPARE_COUNT]
    assert at_1000 and set(at_1000[0]["ratios"]) == set(bench_scale.RATIOS)
    assert all(value > 0 for value in at_1000[0]["ratios"].values())
    assert not any(k.startswith("error") for k in at_1000[0]["check_findings"])


def test_the_readme_quotes_the_results_tables() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    results = (BENCH / "results.md").read_text(encoding="utf-8")
    rows = [line for line in results.splitlines() if line.startswith("|")]
    assert rows
    missing = [row for row in rows if row not in readme]
    assert not missing, "copy bench/results.md's tables into README.md's performance section"


def test_ci_compares_at_1000_on_pull_requests_that_touch_the_build() -> None:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/bench.yml").read_text("utf-8"))
    paths = workflow[True]["pull_request"]["paths"]  # YAML 1.1 reads the key "on" as true
    assert set(paths) == {"generator/**", "theme/**", "mkdocs.yml", "pyproject.toml", "bench/**"}
    commands = " ".join(s.get("run", "") for s in workflow["jobs"]["bench"]["steps"])
    assert "bench/bench_scale.py --compare bench/results.json --counts 1000" in commands
    assert "--no-browser" in commands
