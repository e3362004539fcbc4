"""Mutation testing: does the fast suite notice a small bug in the modules that matter?

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python bench/mutation.py run [--max-children N] [MUTANT ...]  # mutmut, then table
    .venv/bin/python bench/mutation.py recheck                                # see below
    .venv/bin/python bench/mutation.py summary                                # table only

``run`` calls ``mutmut run`` (configured in ``[tool.mutmut]`` of ``pyproject.toml``:
the modules, the files the tests read, ``-m "not browser"``); mutmut copies the tree
into ``mutants/`` (git-ignored) and remembers results there, so a second run only
re-tests what changed. Names may be globs (``"generator.write*"``). Not in CI: a full
run takes hours on a 2-core machine.

``recheck`` runs each survivor again in a fresh interpreter against the whole fast suite.
mutmut forks its workers from a process that has already imported the package and
runs only the tests it saw call the function: code that runs at import time
(``render._facets``) or once behind a cache (the province table in ``places``) never
sees the mutant there, so it "survives" although the suite kills it.

The summary counts mutants listed in ``bench/mutation-equivalent.txt`` (``name  # why``)
as equivalent, not as survivors; record the figures in ``bench/mutation-summary.md``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "bench" / "mutation-equivalent.txt"
RECHECKED = MUTANTS / "recheck.json"
STATUS = {0: "survived", 1: "killed", 3: "killed", 36: "timeout", 37: "killed", None: "unchecked"}
FAST_SUITE = ["-x", "-q", "-m", "not browser", "-p", "no:cacheprovider", "tests"]


def equivalent_mutants() -> set[str]:
    """Mutants a reviewer judged equivalent: no test can tell them from the original."""
    lines = EQUIVALENT.read_text(encoding="utf-8").splitlines() if EQUIVALENT.exists() else []
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


def results() -> dict[str, str]:
    """Mutant name → killed / survived / equivalent / timeout / unchecked / other."""
    equivalent = equivalent_mutants()
    rechecked = json.loads(RECHECKED.read_text("utf-8")) if RECHECKED.exists() else {}
    found: dict[str, str] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            status = STATUS.get(code, "other")
            if status == "survived" and rechecked.get(name):
                status = "killed"  # by the fast suite in a fresh interpreter
            found[name] = "equivalent" if status == "survived" and name in equivalent else status
    return found


def summary() -> str:
    by_module: dict[str, Counter[str]] = {}
    for name, status in results().items():
        module = name.split(".x")[0] if ".x" in name else name.rsplit(".", 1)[0]
        by_module.setdefault(module, Counter())[status] += 1
    head = "| module | mutants | killed | survived | equivalent | timeout | unchecked | score |"
    rows = [head, "|---|---|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        rows.append(_row(module, counts))
    rows.append(_row("**all**", total))
    return "\n".join(rows)


def _row(name: str, counts: Counter[str]) -> str:
    """Score = killed (a timeout counts: the test run did not pass) / checked non-equivalent."""
    killed = counts["killed"] + counts["timeout"]
    judged = killed + counts["survived"] + counts["other"]
    score = f"{100 * killed / judged:.1f} %" if judged else "–"
    cells = [sum(counts.values()), counts["killed"], counts["survived"], counts["equivalent"],
             counts["timeout"], counts["unchecked"], score]
    return f"| {name} | " + " | ".join(str(cell) for cell in cells) + " |"


def survivors() -> list[str]:
    return sorted(name for name, status in results().items() if status == "survived")


def recheck() -> None:
    """Run each survivor in a fresh interpreter against the fast suite; remember kills."""
    done: dict[str, bool] = json.loads(RECHECKED.read_text("utf-8")) if RECHECKED.exists() else {}
    for name in survivors():
        if name in done:
            continue
        env = {**os.environ, "MUTANT_UNDER_TEST": name}
        command = [sys.executable, "-m", "pytest", *FAST_SUITE]
        run = subprocess.run(command, cwd=MUTANTS, env=env, capture_output=True, check=False)
        done[name] = run.returncode != 0
        print(f"{'killed  ' if done[name] else 'survived'} {name}", flush=True)
        RECHECKED.write_text(json.dumps(done, indent=1), encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"]:
        mutmut = Path(sys.executable).with_name("mutmut")
        subprocess.run([str(mutmut), "run", *argv[1:]], cwd=ROOT, check=False)
    elif argv[:1] == ["recheck"]:
        recheck()
    elif argv[:1] != ["summary"]:
        print(__doc__)
        return 2
    print(summary())
    print("\nsurvivors:", *survivors(), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
