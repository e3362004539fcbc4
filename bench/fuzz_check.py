"""A larger fuzz run than the test suite's: does any broken record crash ``sangkien check``?

    .venv/bin/python bench/fuzz_check.py [COUNT] [--seed N] [--keep DIR]   # default 5,000, seed 1

Makes COUNT mutants of the bundled records with ``tests/fuzzing.py`` (the suite's
``tests/check/test_fuzz.py`` runs 600 with seed 13), checks each as the only record of a
repository through ``generator.cli.main``, and prints how many inputs, how many crashed
(an exception, the last-resort guard's exit 3, or anything on stderr), the exit codes
and the time taken. ``--keep DIR`` saves each crashing input there to reproduce it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.cli import main  # noqa: E402
from tests.fuzzing import Mutant, mutants  # noqa: E402


def check_one(root: Path, number: int, mutant: Mutant) -> tuple[str, str]:
    """Check one mutant; return its outcome (``exit N`` or the exception) and stderr."""
    target = root / "initiatives" / mutant.origin.parent.name / f"m{number}-{mutant.origin.name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mutant.data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            outcome = f"exit {main(['--root', str(root), 'check', str(target)])}"
        except BaseException as error:
            outcome = f"raised {type(error).__name__}: {str(error)[:100]}"
    target.unlink()
    return outcome, err.getvalue()


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="save crashing inputs in this folder")
    args = parser.parse_args()
    outcomes: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for number, mutant in enumerate(mutants(args.count, args.seed)):
            outcome, err = check_one(Path(folder), number, mutant)
            outcomes[outcome if outcome.startswith("exit") else "raised"] += 1
            if outcome not in ("exit 0", "exit 1") or err:
                crashes[f"{outcome} {err.strip()[:160]}".strip()] += 1
                print(
                    f"crash: mutant {number} (seed {args.seed}) of {mutant.origin.name}, "
                    f"{', '.join(mutant.edits)}: {outcome} {err.strip()[:160]}"
                )
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    (args.keep / f"seed{args.seed}-m{number}.md").write_bytes(mutant.data)
    elapsed = time.perf_counter() - start
    print(f"inputs: {args.count}  (seed {args.seed})")
    print(f"crashed: {sum(crashes.values())}  ({len(crashes)} distinct)")
    print("outcomes: " + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    print(f"time: {elapsed:.1f} s  ({args.count / elapsed:,.0f} inputs/s)")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main_bench()
