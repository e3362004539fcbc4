"""No contest file or scorecard, however broken, crashes ``check`` or ``judge``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..check.test_fuzz import line_count, run_main
from ..conftest import PROJECT
from ..fuzzing import mutants

EXAMPLE = PROJECT / "contests" / "vi-du-hoi-thi-dak-lak-2025"
FILES = sorted(EXAMPLE.rglob("*.yml"))
COUNT = 240


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example contest with the records that enter it."""
    root = tmp_path_factory.mktemp("contest-fuzz")
    for record in (PROJECT / "initiatives").rglob("*.md"):
        if "vi-du-hoi-thi-dak-lak-2025" in record.read_text(encoding="utf-8"):
            target = root / record.relative_to(PROJECT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(record, target)
    shutil.copytree(EXAMPLE, root / "contests" / EXAMPLE.name)
    return root


def test_broken_contest_files_get_located_findings_never_a_crash(repository: Path) -> None:
    judged = 0
    for mutant in mutants(COUNT, seed=29, files=FILES):
        target = repository / mutant.origin.relative_to(PROJECT)
        original = target.read_bytes()
        target.write_bytes(mutant.data)
        try:
            code, out, err = run_main("--root", str(repository), "check", "--format", "json")
            context = f"{mutant.origin.name} {mutant.edits}: {code} {err}"
            assert code in (0, 1) and err == "", context
            judge = run_main("--root", str(repository), "judge", EXAMPLE.name, "--format", "json")
            assert judge[0] in (0, 1) and "Traceback" not in judge[2], context
            judged += judge[0] == 0
        finally:
            target.write_bytes(original)
        if code == 1:
            rel = target.relative_to(repository).as_posix()
            assert f'"path": "{rel}"' in out, context
            assert all(1 <= n <= line_count(mutant.data) for n in _lines(out, rel)), context
    assert 0 < judged < COUNT  # some damage is harmless, most is not


def _lines(out: str, rel: str) -> list[int]:
    import json

    return [i["line"] for i in json.loads(out)["issues"] if i["path"] == rel]
