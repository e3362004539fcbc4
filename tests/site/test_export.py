"""Open data keeps each record's own order of domains, whatever the hash seed."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_paths
from generator.publish.export import export_open_data
from generator.publish.site import build_site
from generator.vocab import load_vocabulary

from ..conftest import PROJECT, MakeTree, valid_record

# Neither alphabetical nor the PAR Index order: the contributor's, main domain first.
DOMAINS = ["digital-government", "procedures", "impact"]
EXPORT = """
import csv, io, sys
from pathlib import Path
from generator.check import check_paths
from generator.publish.export import export_open_data
from generator.publish.site import build_site
from generator.vocab import load_vocabulary
result = check_paths(Path(sys.argv[1]))
data = export_open_data(build_site(result.records, load_vocabulary()))
row, = csv.DictReader(io.StringIO(data["du-lieu/initiatives.csv"].lstrip("\\ufeff")))
print(row["domains"])
"""


@pytest.fixture
def root(make_tree: MakeTree) -> Path:
    record = valid_record(**{"domains: [procedures]": f"domains: [{', '.join(DOMAINS)}]"})
    return make_tree({"initiatives/dak-lak/a.md": record})


def test_csv_and_json_list_domains_in_the_records_order(root: Path) -> None:
    result = check_paths(root)
    assert result.ok
    data = export_open_data(build_site(result.records, load_vocabulary()))
    (row,) = csv.DictReader(io.StringIO(data["du-lieu/initiatives.csv"].lstrip("\ufeff")))
    assert row["domains"] == "digital-government; procedures; impact"
    assert row["tags"] == "một cửa"
    (item,) = json.loads(data["du-lieu/initiatives.json"])["initiatives"]
    assert item["domains"] == DOMAINS


@pytest.mark.parametrize("seed", ["0", "1", "2", "3"])
def test_csv_domain_order_does_not_depend_on_the_hash_seed(root: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", EXPORT, str(root)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "digital-government; procedures; impact\n"


def test_a_metric_cell_gives_its_baseline_and_date_only_when_known(make_tree: MakeTree) -> None:
    metrics = """metrics:
  - label: Hồ sơ trễ hạn
    value: 6
    baseline: 341
    unit: hồ sơ
    as_of: "2023"
  - label: Thời gian chờ
    value: 15
    unit: phút
  - label: Hồ sơ trực tuyến
    value: 1200
    unit: hồ sơ
    as_of: "2024-06"
sources:"""
    source = "trễ hạn 6 hồ sơ (năm trước 341), chờ 15 phút, 1.200 hồ sơ trực tuyến"
    record = valid_record(
        **{"sources:": metrics, "    url: https://baodaklak.vn/bai-viet": "    url: "
           f"https://baodaklak.vn/bai-viet\n    quote: {source}"}
    )  # fmt: skip
    result = check_paths(make_tree({"initiatives/dak-lak/a.md": record}))
    assert result.ok, [i.as_text() for i in result.issues]
    data = export_open_data(build_site(result.records, load_vocabulary()))
    (row,) = csv.DictReader(io.StringIO(data["du-lieu/initiatives.csv"].lstrip("\ufeff")))
    assert row["metrics"] == (
        "Hồ sơ trễ hạn: 6 hồ sơ (trước: 341, tính đến 2023); Thời gian chờ: 15 phút; "
        "Hồ sơ trực tuyến: 1.200 hồ sơ (tính đến 2024-06)"
    )
