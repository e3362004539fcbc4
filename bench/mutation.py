"""Mutation testing: does the fast suite notice a small bug in the modules that matter?

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python bench/mutation.py run [--max-children N] [--fresh-stats] [MODULE ...]
    .venv/bin/python bench/mutation.py summary       # the table only
    .venv/bin/python bench/mutation.py verify [PREFIX [TEST ...]]   # see below
    .venv/bin/python bench/mutation.py semantic [--jobs N] [NAME ...]  # hand-made mutations

``run`` calls ``mutmut run`` (configured in ``[tool.mutmut]`` of ``pyproject.toml``:
the modules, the files the tests read, ``-m "not browser"``) and prints the table.
mutmut copies the tree into ``mutants/`` (git-ignored) and remembers each verdict there.
The first run judges every mutant; later runs judge, by name, only what is still open:
mutants not yet judged (new or changed code) and survivors, which today's tests may now
kill. Without names mutmut would skip the survivors; with globs it would judge every
matching mutant again. ``MODULE`` (``validate`` or ``generator.rules.validate``) limits it. Not
in CI: a first run takes hours on a 2-core machine.

``--fresh-stats`` makes mutmut record again which tests reach which function. Do it
after functions were rewritten or moved: its incremental record then misses tests, and
a mutant that only those tests would kill is reported as a survivor.

The tests recompute the generator's caches under mutation (``tests/conftest.py``):
mutmut forks its workers from a process that has already filled them, and a mutant in
the province table would otherwise never run.

Before any test, mutmut asks mypy (``type_check_command``, which runs ``mutation.py
mypy`` inside ``mutants/``): a mutant mypy refuses is counted as caught ("mypy" in the
table) without a test run, since the test command runs mypy and it could not land.

``verify`` applies each survivor to today's working tree and runs the fast suite (or the
given test files), restoring the file after each try: a quick look at whether new tests
kill a few survivors before a ``run`` confirms it.

The summary counts mutants listed in ``bench/mutation-equivalent.txt`` (``name  # why``)
as equivalent, not as survivors; record the figures in ``bench/mutation-summary.md``.

``semantic`` applies each hand-made mutation of ``bench/semantic_mutations.py`` (a whole
mistake: a sort dropped, an escape removed, a fold replaced by ``lower()``...) alone to a
fresh copy of the working tree (never to the tree itself), runs the fast suite there
(``-x``, Hypothesis without shrinking), and prints killed or survived for each and the
score; ``--jobs 2`` runs two copies at once. The verdicts are kept in
``mutants/semantic.json`` for ``summary``, which prints both scores. Needs no mutmut.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from semantic_mutations import MUTATIONS, Mutation  # beside this script

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "bench" / "mutation-equivalent.txt"
VERIFIED = MUTANTS / "verified.json"
# 33: no test reaches the mutant, so it survives; -24: SIGXCPU, mutmut's CPU-time limit
STATUS: dict[int | None, str] = {
    **{0: "survived", 33: "survived", 1: "killed", 3: "killed", 37: "mypy", None: "unchecked"},
    **{36: "timeout", -24: "timeout"},
}
# mypy errors that come from mutmut's layout, not from the mutation: each copy of a method
# annotates the same attributes ("already defined"), which the real class does once.
LAYOUT_ERRORS = {"no-redef"}
FAST_SUITE = ["-x", "-q", "-m", "not browser", "-p", "no:cacheprovider", "tests"]


def equivalent_mutants() -> set[str]:
    """Mutants a reviewer judged equivalent: no test can tell them from the original."""
    lines = EQUIVALENT.read_text(encoding="utf-8").splitlines() if EQUIVALENT.exists() else []
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


def results() -> dict[str, str]:
    """Mutant name → killed / survived / equivalent / timeout / unchecked / other."""
    equivalent = equivalent_mutants()
    verified = json.loads(VERIFIED.read_text("utf-8")) if VERIFIED.exists() else {}
    found: dict[str, str] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            status = STATUS.get(code, "other")
            if status == "survived" and name in verified:
                status = verified[name]  # killed by a later test, or its code is gone
            found[name] = "equivalent" if status == "survived" and name in equivalent else status
    return found


def module_of(name: str) -> str:
    """``generator.publish.render`` for ``generator.publish.render.x_paged__mutmut_9``."""
    return name.split(".x")[0] if ".x" in name else name.rsplit(".", 1)[0]


def summary() -> str:
    by_module: dict[str, Counter[str]] = {}
    for name, status in results().items():
        module = module_of(name)
        by_module.setdefault(module, Counter())[status] += 1
    head = (
        "| module | mutants | killed | mypy | survived | equivalent | gone | timeout | unchecked "
        "| score |"
    )
    rows = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        rows.append(_row(module, counts))
    rows.append(_row("**all**", total))
    return "\n".join(rows)


def _row(name: str, counts: Counter[str]) -> str:
    """Score = killed / judged, not equivalent. Killed: a test failed, the test run timed
    out, or mypy refused the mutant (the test command runs mypy, so it could not land).

    "gone": survivors whose code was rewritten since the run; they count for neither side.
    """
    killed = counts["killed"] + counts["mypy"] + counts["timeout"]
    judged = killed + counts["survived"] + counts["other"]
    score = f"{100 * killed / judged:.1f} %" if judged else "–"
    cells = [
        sum(counts.values()),
        counts["killed"],
        counts["mypy"],
        counts["survived"],
        counts["equivalent"],
        counts["gone"],
        counts["timeout"],
        counts["unchecked"],
        score,
    ]
    return f"| {name} | " + " | ".join(str(cell) for cell in cells) + " |"


def survivors() -> list[str]:
    return sorted(name for name, status in results().items() if status == "survived")


def verify(prefix: str = "", tests: list[str] | None = None) -> None:
    """Try each survivor again on today's code and tests: apply it to the working tree.

    A survivor found by a run on older code is either killed by a test written since,
    gone (the code it changed was rewritten), or still alive. The working tree is
    restored after each try. ``prefix`` limits it to some mutants
    (``generator.build``); ``tests`` to the test files that could kill them (faster,
    but a survivor then only means "not killed by these").
    """
    done: dict[str, str] = json.loads(VERIFIED.read_text("utf-8")) if VERIFIED.exists() else {}
    mutmut = Path(sys.executable).with_name("mutmut")
    for name in survivors():
        if name in done or not name.startswith(prefix):
            continue
        shown = subprocess.run(
            [str(mutmut), "show", name], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout
        done[name] = _try_mutant(shown, tests)
        print(f"{done[name]:8} {name}", flush=True)
        VERIFIED.write_text(json.dumps(done, indent=1, sort_keys=True), encoding="utf-8")


def _try_mutant(diff: str, tests: list[str] | None = None) -> str:
    """Apply a one-hunk ``mutmut show`` diff, run the fast suite, restore the file."""
    target = next((line[4:].strip() for line in diff.splitlines() if line.startswith("+++ ")), "")
    body = [line for line in diff.splitlines() if line[:1] in (" ", "-", "+")]
    body = [line for line in body if not line.startswith(("--- ", "+++ "))]
    old = "\n".join(line[1:] for line in body if line[:1] in (" ", "-"))
    new = "\n".join(line[1:] for line in body if line[:1] in (" ", "+"))
    path = ROOT / target
    if not target or not path.is_file():
        return "gone"
    original = path.read_text(encoding="utf-8")
    # mutmut shows a method's lines dedented as a function's: try them indented too
    for indent in ("", "    ", "        "):
        shifted_old = "\n".join(indent + line if line else line for line in old.split("\n"))
        if original.count(shifted_old) == 1:
            old = shifted_old
            new = "\n".join(indent + line if line else line for line in new.split("\n"))
            break
    else:
        return "gone"
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        suite = [*FAST_SUITE[:-1], *tests] if tests else FAST_SUITE
        command = [sys.executable, "-m", "pytest", *suite]
        run = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    finally:
        path.write_text(original, encoding="utf-8")
    return "killed" if run.returncode != 0 else "survived"


def type_check() -> int:
    """mypy over the mutants, in the JSON lines mutmut reads (``type_check_command``).

    mutmut runs this in ``mutants/`` before any test and marks every mutant mypy refuses
    as caught, which spares the test runs of about half of them. Unused ``type: ignore``
    comments and ``LAYOUT_ERRORS`` are left out: they would "catch" mutants the real
    code would not refuse.
    """
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "generator", "--output", "json", "--no-warn-unused-ignores"],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.strip() and json.loads(line)["code"] not in LAYOUT_ERRORS:
            print(line)
    return 0


def full_module(name: str) -> str:
    """``generator.rules.validate`` for ``validate``, ``rules.validate`` or itself."""
    short = name.removeprefix("generator.").replace(".", "/")
    found = sorted(Path("generator").glob(f"**/{short}.py"))
    if len(found) != 1:
        raise SystemExit(f"mutation: no single module named {name!r} in generator/")
    return ".".join(found[0].with_suffix("").parts)


def open_mutants(modules: list[str]) -> list[str]:
    """Mutants of ``modules`` (all if none) that are unjudged, or survived and are not
    listed as equivalent: what a run should judge (again)."""
    wanted = tuple(full_module(m) for m in modules)
    equivalent = equivalent_mutants()
    names = []
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            module = module_of(name)
            if wanted and module not in wanted:
                continue
            if code is None or (STATUS.get(code) == "survived" and name not in equivalent):
                names.append(name)
    return names


def run(argv: list[str]) -> None:
    children = (
        ["--max-children", argv[argv.index("--max-children") + 1]]
        if ("--max-children" in argv)
        else []
    )
    modules = [a for a in argv if not a.startswith("--") and a not in children]
    if "--fresh-stats" in argv:
        (MUTANTS / "mutmut-stats.json").unlink(missing_ok=True)
    if not any(MUTANTS.rglob("*.py.meta")):  # the first run: nothing judged yet
        names = [f"{full_module(m)}.*" for m in modules]
    else:
        names = open_mutants(modules)
        print(f"{len(names)} mutants to judge", flush=True)
        if not names:
            return
    mutmut = Path(sys.executable).with_name("mutmut")
    # mutmut runs ``type_check_command`` ("python bench/mutation.py mypy") by name
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    # Hypothesis without shrinking: a verdict is all a mutant needs
    env = {**os.environ, "PATH": path, "HYPOTHESIS_PROFILE": "mutation"}
    subprocess.run([str(mutmut), "run", *children, *names], cwd=ROOT, check=False, env=env)


SEMANTIC = MUTANTS / "semantic.json"
SEMANTIC_TIMEOUT = 1800  # seconds; a mutant that hangs the suite counts as killed
# The test that every mutation's text is in the code: it would "kill" them all.
GUARD = "tests/bench/test_semantic_mutations.py"


def copy_tree(target: Path) -> None:
    """The working tree as git sees it (tracked and new files, edits included) into
    ``target``; the npm tools are linked, not copied."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if (ROOT / "build").is_dir():
        (target / "build").symlink_to(ROOT / "build")


def try_semantic(mutation: Mutation, base: Path) -> dict[str, object]:
    """Apply ``mutation`` alone to a copy of ``base`` and run the fast suite there."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="semantic-") as folder:
        copy = Path(folder) / "tree"
        shutil.copytree(base, copy, symlinks=True)
        path = copy / mutation.file
        original = path.read_text(encoding="utf-8")
        if original.count(mutation.find) != 1:
            return {"status": "stale", "seconds": 0, "failed": ""}
        path.write_text(original.replace(mutation.find, mutation.replace), encoding="utf-8")
        env = {
            **os.environ,
            "PYTHONPATH": str(copy),  # MkDocs' and the CLI's children import the copy too
            "PYTHONDONTWRITEBYTECODE": "1",
            "HYPOTHESIS_PROFILE": "mutation",
        }
        try:
            run = subprocess.run(
                [sys.executable, "-m", "pytest", f"--ignore={GUARD}", *FAST_SUITE],
                cwd=copy,
                env=env,
                capture_output=True,
                text=True,
                timeout=SEMANTIC_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return {"status": "timeout", "seconds": SEMANTIC_TIMEOUT, "failed": ""}
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    return {
        "status": "killed" if run.returncode != 0 else "survived",
        "seconds": round(time.monotonic() - started),
        "failed": failed[0].split(" - ")[0] if failed else "",
    }


def semantic(argv: list[str]) -> None:
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 1
    names = [a for a in argv if not a.startswith("--") and a != str(jobs)]
    chosen = [m for m in MUTATIONS if not names or m.name in names]
    done: dict[str, dict[str, object]] = (
        json.loads(SEMANTIC.read_text("utf-8")) if SEMANTIC.exists() else {}
    )
    MUTANTS.mkdir(exist_ok=True)
    # one snapshot of the tree as it is now: edits made during the run do not leak in
    with (
        tempfile.TemporaryDirectory(prefix="semantic-base-") as base,
        ThreadPoolExecutor(max_workers=jobs) as pool,
    ):
        copy_tree(Path(base))
        verdicts = pool.map(lambda m: try_semantic(m, Path(base)), chosen)
        for mutation, verdict in zip(chosen, verdicts, strict=True):
            done[mutation.name] = verdict
            SEMANTIC.write_text(json.dumps(done, indent=1, sort_keys=True), encoding="utf-8")
            print(f"{verdict['status']:8} {verdict['seconds']:>5} s  {mutation.name}  "
                  f"{verdict['failed']}", flush=True)  # fmt: skip


def semantic_summary() -> str:
    """Each mutation's verdict and the score: killed ÷ (killed + survived), equivalents apart."""
    done = json.loads(SEMANTIC.read_text("utf-8")) if SEMANTIC.exists() else {}
    counts: Counter[str] = Counter()
    rows = ["| mutation | file | verdict | killed by (first failing test) |", "|---|---|---|---|"]
    for mutation in MUTATIONS:
        verdict = done.get(mutation.name, {"status": "not run", "failed": ""})
        status = str(verdict["status"])
        if mutation.equivalent:
            status = f"equivalent ({status})"
            counts["equivalent"] += 1
        else:
            counts["killed" if status in ("killed", "timeout") else status] += 1
        failed = str(verdict["failed"]).removeprefix("FAILED ").removeprefix("ERROR ")
        rows.append(f"| `{mutation.name}` | `{mutation.file}` | {status} | {failed} |")
    judged = counts["killed"] + counts["survived"]
    score = f"{100 * counts['killed'] / judged:.1f} %" if judged else "–"
    rows.append(
        f"\nsemantic score: {counts['killed']} killed of {judged} judged = {score} "
        f"({counts['equivalent']} equivalent, {counts['not run'] + counts['stale']} not run "
        f"or stale, of {len(MUTATIONS)})"
    )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    if argv[:1] == ["mypy"]:
        return type_check()
    if argv[:1] == ["semantic"]:
        semantic(argv[1:])
        print(semantic_summary())
        return 0
    if argv[:1] == ["run"]:
        run(argv[1:])
    elif argv[:1] == ["verify"]:
        # verify [PREFIX [TEST ...]]
        verify(argv[1] if len(argv) > 1 else "", argv[2:] or None)
    elif argv[:1] != ["summary"]:
        print(__doc__)
        return 2
    print("mutmut:")
    print(summary())
    print("\nsurvivors:", *survivors(), sep="\n  ")
    print("\nsemantic mutations (bench/semantic_mutations.py):")
    print(semantic_summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
