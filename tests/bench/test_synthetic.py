"""The benchmark's synthetic collection: the same bytes every run, valid, national in scope.

``bench/synthetic.py`` writes what ``bench/bench_scale.py`` and ``bench/bench_check.py``
measure; a collection the checker finds fault with, or that misses provinces, domains or
former province names, would measure something no real collection costs.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.check import check_paths
from generator.places import MERGER_DATE
from generator.vocab import load_vocabulary

from ..conftest import PROJECT

BENCH = PROJECT / "bench"
sys.path.insert(0, str(BENCH))
synthetic = importlib.import_module("synthetic")

COUNT = 80
# What a real collection also has: a source without an address, two titles alike.
TOLERATED = {"source-without-url", "similar-title", "same-title-and-province"}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.md")}


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.make_collection(root, COUNT)
    return root


def test_the_same_count_gives_the_same_bytes(collection: Path, tmp_path: Path) -> None:
    synthetic.make_collection(tmp_path / "again", COUNT)
    synthetic.make_collection(tmp_path / "fewer", COUNT // 2)
    written = files(collection)
    assert len(written) == COUNT
    assert files(tmp_path / "again") == written
    fewer = files(tmp_path / "fewer")  # record n does not depend on how many are written
    assert fewer.items() <= written.items() and len(fewer) == COUNT // 2
    other = tmp_path / "other-seed"
    synthetic.make_collection(other, COUNT // 2, seed=synthetic.SEED + 1)
    assert files(other) != fewer


def test_every_record_is_valid(collection: Path) -> None:
    result = check_paths(collection)
    assert result.ok, [i.as_text() for i in result.issues if i.is_error][:5]
    assert len(result.records) == COUNT
    codes = Counter(issue.code for issue in result.issues)
    assert set(codes) <= TOLERATED, codes
    assert sum(codes.values()) <= COUNT // 20, codes


def test_titles_vary(collection: Path) -> None:
    records = check_paths(collection).records
    titles = [r.initiative.title for r in records]
    assert len(set(titles)) == len(titles)
    assert len({t.split()[0] for t in titles}) >= 15  # not one pattern with a number in it
    assert all(len(r.body) > 600 for r in records)


def test_all_provinces_domains_and_former_names(collection: Path) -> None:
    records = check_paths(collection).records
    vocab = load_vocabulary()
    assert {r.place.current.slug for r in records} == {p.slug for p in vocab.places.current}
    assert {d for r in records for d in r.initiative.domains} == set(vocab.domain_ids)
    former = [r for r in records if r.place.former is not None]
    assert len(former) >= COUNT // 20
    assert all(r.relpath.split("/")[1] == r.place.current.slug for r in former)
    assert all(r.initiative.started < MERGER_DATE for r in former)
    levels = Counter(r.initiative.level for r in records)
    assert set(levels) == {"province", "district", "commune"}
    assert all(
        r.initiative.started < MERGER_DATE for r in records if r.initiative.level == "district"
    )
    assert len({t for r in records for t in r.initiative.tags}) >= 40
    assert sum(len(r.initiative.metrics) for r in records) >= COUNT
    assert any(r.initiative.status == "ended" and r.initiative.ended for r in records)
    assert any(r.initiative.recognition for r in records)
    assert any(r.initiative.contact for r in records)


def test_bench_check_still_offers_make_collection() -> None:
    bench_check = importlib.import_module("bench_check")
    assert bench_check.make_collection is synthetic.make_collection
