"""No input crashes the checker: hundreds of broken copies of the bundled records.

``tests/fuzzing.py`` makes the mutants (the same ones on every run). Each goes through
the real entry point, ``generator.cli.main``, in-process for speed; one collection of
all of them and a few single files also go through a subprocess, to prove that no
traceback reaches stderr. The assertions: ``check`` never raises, exits 0 or 1 (2 is
usage, 3 the last-resort guard, which must never be reached), writes nothing to
stderr, and names every failing file with a line inside it. A larger run:
``.venv/bin/python bench/fuzz_check.py 20000``.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import PROJECT
from ..fuzzing import BUNDLED, MUTATIONS, Mutant, mutants

COUNT = 600
MUTANTS = list(mutants(COUNT, seed=13))

CONTEST_FILES = sorted((PROJECT / "contests").rglob("*.yml"))  # contests and scorecards


def place(root: Path, number: int, mutant: Mutant) -> Path:
    """Where the mutant lives: its original province folder, a name of its own."""
    target = root / "initiatives" / mutant.origin.parent.name / f"m{number}-{mutant.origin.name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mutant.data)
    return target


def line_count(data: bytes) -> int:
    """Lines as the checker counts them: CRLF and lone CR are line breaks."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def run_main(*args: str) -> tuple[int | str, str, str]:
    """``main`` as the command line runs it: exit status (or what it raised), stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | str = main(list(args))
        except BaseException as error:  # the very thing under test: record, then fail
            code = f"raised {error!r}"
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the bundled records, untouched, that mutants are added to."""
    root = tmp_path_factory.mktemp("fuzz")
    for original in BUNDLED:
        target = root / original.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(original.read_bytes())
    shutil.copytree(PROJECT / "contests", root / "contests")  # some records enter a contest
    return root


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int | str, str, str]]:
    """Each mutant checked as the only record of a repository: ``rel → run_main``."""
    root = tmp_path_factory.mktemp("alone")
    shutil.copytree(PROJECT / "contests", root / "contests")
    results = {}
    for number, mutant in enumerate(MUTANTS):
        target = place(root, number, mutant)
        rel = target.relative_to(root).as_posix()
        results[rel] = run_main("--root", str(root), "check", "--format", "json", str(target))
        target.unlink()
    return results


def test_the_mutants_cover_every_kind_of_damage() -> None:
    kinds = Counter(edit for mutant in MUTANTS for edit in mutant.edits)
    assert set(kinds) == {name for name, _ in MUTATIONS}
    assert min(kinds.values()) >= 30


def test_no_mutant_crashes_check(alone: dict[str, tuple[int | str, str, str]]) -> None:
    outcomes: Counter[int | str] = Counter()
    for (rel, (code, out, err)), mutant in zip(alone.items(), MUTANTS, strict=True):
        context = f"{rel} ({mutant.edits}): {code} {err}"
        assert code in (0, 1) and err == "", context  # not 2 (usage), not 3 (the guard)
        document = json.loads(out)
        errors = [i for i in document["issues"] if i["severity"] == "error"]
        assert bool(errors) == (code == 1), context
        for issue in errors:
            assert issue["path"] == rel, context
            assert 1 <= issue["line"] <= line_count(mutant.data), (context, issue)
            assert issue["column"] >= 1, (context, issue)
        outcomes[code] += 1
    assert outcomes[1] > COUNT / 2 and outcomes[0] > 0  # the damage is real, and not all fatal


@pytest.fixture(scope="module")
def collection(repository: Path) -> Path:
    """Every mutant at once, beside the bundled records."""
    for number, mutant in enumerate(MUTANTS):
        place(repository, number, mutant)
    return repository


def test_one_run_over_every_mutant_names_each_broken_file(
    collection: Path, alone: dict[str, tuple[int | str, str, str]]
) -> None:
    """One run reports every file that fails on its own: one bad file stops no other.

    (The bundled records link to no id, so a mutant fails in company exactly when alone.)
    """
    code, out, err = run_main("--root", str(collection), "check", "--format", "json")
    assert (code, err) == (1, "")
    document = json.loads(out)
    failing = {i["path"] for i in document["issues"] if i["severity"] == "error"}
    assert failing == {rel for rel, (code, _, _) in alone.items() if code == 1}
    assert document["checked"] == COUNT + len(BUNDLED) + len(CONTEST_FILES)


def sangkien(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )


def test_no_traceback_reaches_stderr_through_the_real_command(collection: Path) -> None:
    done = sangkien("--root", str(collection), "check")
    assert (done.returncode, done.stderr) == (1, "")
    assert "Traceback" not in done.stdout
    checked = COUNT + len(BUNDLED) + len(CONTEST_FILES)
    assert done.stdout.splitlines()[-1].startswith(f"Đã kiểm tra {checked} tệp: ")


@pytest.mark.parametrize("kind", ["odd-unicode", "invalid-utf8", "deep-nesting", "truncate"])
def test_single_broken_files_through_the_real_command(collection: Path, kind: str) -> None:
    number, mutant = next((n, m) for n, m in enumerate(MUTANTS) if kind in m.edits)
    rel = f"initiatives/{mutant.origin.parent.name}/m{number}-{mutant.origin.name}"
    done = sangkien("--root", str(collection), "check", str(collection / rel))
    assert done.returncode in (0, 1) and done.stderr == ""
    if done.returncode == 1:
        assert done.stdout.startswith(f"{rel}:")
