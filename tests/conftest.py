"""Shared fixtures: the project root, and small repositories written into ``tmp_path``."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

import generator
from generator.places import name_key
from generator.text import slug
from generator.vocab import load_vocabulary

# Playwright is imported inside the browser fixtures: a run of `-m "not browser"` needs none
if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "data"
# A C locale with neither UTF-8 mode nor coercion: the locale's codec is ASCII, which, like
# Windows' cp1252, cannot write Vietnamese. For child processes' environments.
ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}

MakeTree = Callable[[dict[str, str | bytes]], Path]

# Properties (Hypothesis): the same examples on every run and every machine, so a red CI run
# is a bug, not bad luck, and a mutant is judged the same each time; few enough that the
# fast suite stays quick. ``HYPOTHESIS_PROFILE=explore`` looks wider, at random, locally.
settings.register_profile(
    "default",
    derandomize=True,
    database=None,  # derandomized: nothing to remember between runs
    max_examples=40,
    deadline=None,  # a shared 2-core machine: timing says nothing about correctness
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(  # failures are remembered in .hypothesis/ (git-ignored)
    "explore",
    settings.get_profile("default"),
    derandomize=False,
    database=DirectoryBasedExampleDatabase(PROJECT / ".hypothesis" / "examples"),
    max_examples=2_000,
)
settings.register_profile(  # bench/mutation.py: a verdict is all it needs, not a small example
    "mutation", settings.get_profile("default"), phases=[Phase.explicit, Phase.generate]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Tests make their own repositories in tmp_path. Run under `git rebase --exec` or a hook,
# git's variables (GIT_DIR, GIT_INDEX_FILE...) would point those commands at this project's
# repository instead: a test's `git init` once turned it bare and committed over a branch.
for _name in subprocess.run(
    ["git", "rev-parse", "--local-env-vars"], capture_output=True, text=True, check=False
).stdout.split():
    os.environ.pop(_name, None)


def shared(scope: str) -> Callable[[str, pytest.Config], str]:
    """``scope`` for an expensive fixture, except while mutmut records which test reaches
    which function: then every test builds its own, so the record names all of them and
    a mutant is tried by every test that could kill it (``bench/mutation.py``)."""

    def decide(fixture_name: str, config: pytest.Config) -> str:
        return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else scope

    return decide


@pytest.fixture(autouse=True)
def _cold_caches_under_mutation() -> None:
    """Under mutation testing, each test recomputes what the generator caches.

    ``bench/mutation.py`` (mutmut) forks its workers from a process whose caches are
    already filled, and runs only the tests it saw call a function: a mutant in the
    province table or the slug function would otherwise never run, or never be tried.
    """
    if "MUTANT_UNDER_TEST" in os.environ:
        load_vocabulary.cache_clear()
        slug.cache_clear()
        name_key.cache_clear()


def child_environment(**changes: str) -> dict[str, str]:
    """The environment for a child process that runs the generator under test.

    The child imports the same ``generator`` as this process (under mutmut, the mutated
    copy). While mutmut records which test reaches which function it is told
    ``MUTANT_UNDER_TEST=""``: a child cannot report there, nor load mutmut's settings
    from the test's folder.
    """
    env = {**os.environ, **changes}
    if env.get("MUTANT_UNDER_TEST") == "stats":
        env["MUTANT_UNDER_TEST"] = ""
    paths = [changes.get("PYTHONPATH", ""), str(Path(generator.__file__).resolve().parents[1])]
    env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    return env


def valid_record(**changes: str) -> str:
    """The minimal valid record of ``tests/data/check/valid-minimal.md``, with edits."""
    text = (FIXTURES / "check" / "valid-minimal.md").read_text(encoding="utf-8")
    for old, new in changes.items():
        key = old.replace("_", "-") if old not in text else old
        assert key in text, key
        text = text.replace(key, new, 1)
    return text


@pytest.fixture
def make_tree(tmp_path: Path) -> MakeTree:
    """Write ``{relative path: text or bytes}`` under ``tmp_path`` and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
        return tmp_path

    return make


# One Chromium for every browser test of the session (Debian's, driven by Playwright):
# a second Playwright instance in the same process cannot start.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `python3 dev.py test`"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Every page of every browser test reports what its Content-Security-Policy refused: the
# site must work under its policy (theme/overrides/partials/csp.html), so by default a test
# fails on any violation. The listener is injected by Playwright, which the policy cannot stop.
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (e) => {
  window.__skCspViolation(`${e.effectiveDirective} refused ${e.blockedURI || "(inline)"}`
    + ` at ${e.sourceFile}:${e.lineNumber}`);
}, true);"""


@pytest.fixture
def csp_violations() -> list[str]:
    """What the policy refused on ``page``; a test that expects refusals empties it."""
    return []


@pytest.fixture
def page(browser: Browser, csp_violations: list[str]) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN")
    context.expose_function("__skCspViolation", lambda text: csp_violations.append(text))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    yield page
    context.close()
    assert csp_violations == [], "the Content-Security-Policy refused what the site needs"
