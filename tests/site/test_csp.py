"""The Content-Security-Policy: on every page, narrow, enough for the site, and enforced.

Every page carries one policy as a ``<meta>`` (``theme/overrides/partials/csp.html``):
scripts only from the site and the theme's few inline scripts by hash, no inline handler,
no inline style. The browser tests show Chromium refusing what an attacker would inject,
and the site working under the policy (every browser test fails on a violation: see the
``page`` fixture).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import build

from ..conftest import FIXTURES, shared
from .conftest import make_project, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

Policy = dict[str, list[str]]
# Keywords a page's script-src may hold besides hashes: no 'unsafe-inline', no 'unsafe-eval'.
SCRIPT_KEYWORDS = {"'self'", "'wasm-unsafe-eval'"}


def page_policy(html: BeautifulSoup) -> Policy:
    """The page's policy, directive → sources (the first ``<meta>`` is the one in force)."""
    meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert isinstance(meta, Tag), "no Content-Security-Policy"
    directives = (part.split() for part in str(meta["content"]).split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy_problems(html: BeautifulSoup, policy: Policy) -> list[str]:
    """What on the page the policy would refuse: inline scripts not hashed, handlers, styles."""
    problems = []
    for script in html.find_all("script"):
        if script.get("src") or script.get("type") == "application/json":  # data, not code
            continue
        if script_hash(script.string or "") not in policy["script-src"]:
            problems.append(f"inline script {script_hash(script.string or '')}: {script}"[:160])
    for tag in html.find_all(True):
        problems += [f"<{tag.name} {name}=…>" for name in tag.attrs if name.startswith("on")]
        if "style" in tag.attrs:
            problems.append(f"<{tag.name} style=…>")
    problems += [f"<style> {style}"[:80] for style in html.find_all("style")]
    return problems


def site_policy_problems(site: Path) -> dict[str, list[str]]:
    """What the policy would refuse on each page of ``site`` (but the web editor's, which
    has its own), and whether every page carries the same policy."""
    found: dict[str, list[str]] = {}
    policies: set[str] = set()
    for file in sorted(site.rglob("*.html")):
        html = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        if html.find("link", rel="cms-config-url"):  # Decap's page: generator/editors/csp.py
            continue
        policy = page_policy(html)
        policies.add(repr(policy))
        problems = policy_problems(html, policy)
        if problems:
            found[file.relative_to(site).as_posix()] = problems
    if len(policies) != 1:
        found["(site)"] = [f"{len(policies)} different policies"]
    return found


def test_the_policy_allows_scripts_from_the_site_only(built_site: Path) -> None:
    policy = page_policy(
        BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    )
    scripts = set(policy.pop("script-src"))
    assert "'self'" in scripts
    assert {s for s in scripts if not s.startswith("'sha256-")} <= SCRIPT_KEYWORDS
    assert policy == {
        "default-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_the_policy_comes_before_any_script(built_site: Path) -> None:
    """A ``<meta>`` policy governs only what the parser meets after it."""
    html = (built_site / "sang-kien/tuyen-pho-khong-tien-mat/index.html").read_text("utf-8")
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")


@pytest.fixture(scope=shared("module"))
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture repository with its contest: every kind of page."""
    root = make_project(tmp_path_factory.mktemp("csp"), contests=FIXTURES / "contests")
    result = build(root)
    assert result.ok and result.site_dir is not None, [i.as_text() for i in result.issues]
    return result.site_dir


def test_every_page_carries_the_policy_and_needs_nothing_it_refuses(site: Path) -> None:
    assert site_policy_problems(site) == {}


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


INITIATIVE = "sang-kien/tuyen-pho-khong-tien-mat/"
ARTICLE = '<article class="md-content__inner md-typeset">'
INJECTED = (
    '<img src="x" onerror="window.skPwned = (window.skPwned || 0) + 1">'
    "<script>window.skPwned = (window.skPwned || 0) + 10</script>"
    '<a id="sk-pwned-link" href="#x" onclick="window.skPwned = 100">x</a>'
)


def inject(page: Page, path: str, keep_policy: bool = True) -> None:
    """Serve ``path`` with an attacker's markup in its article, as if a template let it in."""

    def handle(route: Route) -> None:
        html = route.fetch().text()
        html = html.replace(ARTICLE, ARTICLE + INJECTED, 1)
        if not keep_policy:
            html = html.replace('http-equiv="Content-Security-Policy"', 'name="no-policy"')
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(f"**/{path}", handle)


@pytest.mark.browser
def test_chromium_refuses_an_injected_handler_and_script(
    page: Page, base_url: str, csp_violations: list[str]
) -> None:
    inject(page, INITIATIVE)
    page.goto(base_url + INITIATIVE)
    page.locator("#sk-pwned-link").click()
    page.wait_for_load_state("load")
    assert page.evaluate("window.skPwned") is None
    # the handler inserted later, by a script of the page, is refused too
    page.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML(
            "beforeend", '<img src="y" onerror="window.skPwned = 1000">')"""
    )
    page.wait_for_function("() => document.querySelectorAll('article img[src=y]').length === 1")
    page.wait_for_timeout(300)
    assert page.evaluate("window.skPwned") is None
    refused = {violation.split(" refused ")[0] for violation in csp_violations}
    assert refused == {"script-src-attr", "script-src-elem"}, csp_violations
    csp_violations.clear()


@pytest.mark.browser
def test_without_the_policy_the_same_injection_would_run(page: Page, base_url: str) -> None:
    """The control: what the test above injects does run on a page without the policy."""
    inject(page, INITIATIVE, keep_policy=False)
    page.goto(base_url + INITIATIVE)
    page.wait_for_function("() => window.skPwned === 11")  # the image's handler and the script
    page.locator("#sk-pwned-link").click()
    assert page.evaluate("window.skPwned") == 100


@pytest.mark.browser
def test_the_theme_works_under_the_policy(page: Page, base_url: str) -> None:
    """Material's own scripts (the inline ones by hash, the bundle) do their work: the
    palette is stored and restored, the drawer opens, "back to top" appears."""
    page.goto(base_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    stored = page.evaluate("localStorage.getItem('/.__palette')")
    assert stored is not None and '"scheme":"slate"' in stored
    page.goto(base_url + INITIATIVE)  # the inline palette script restores the choice
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"

    page.set_viewport_size({"width": 400, "height": 800})
    page.locator("label.md-header__button[for='__drawer']").click()
    assert page.locator("#__drawer").is_checked()
    page.locator("label.md-overlay").click(position={"x": 380, "y": 400})
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)  # Material shows "back to top" when scrolling up
    expect_visible = page.locator(".md-top")
    expect_visible.wait_for(state="visible")
    expect_visible.click()
    page.wait_for_function("() => window.scrollY === 0")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("", ".sk-stats li"),
        (INITIATIVE, ".sk-card"),
        ("tim-kiem/?q=mot+cua", "[data-search-results] > li"),
        ("tra-cuu/?tinh=dak-lak", "[data-finder-results] > li"),
        ("cuoc-thi/hoi-thi-mau/", "article h1"),
        ("tinh/", "#sk-ban-do a"),
        ("tinh/phu-yen/", "article h1"),
        ("gui-sang-kien/", "article h1"),
        ("404.html", "article h1"),
    ],
)
def test_every_kind_of_page_works_under_the_policy(
    page: Page, base_url: str, path: str, ready: str
) -> None:
    """Violations fail the test through the ``page`` fixture."""
    page.goto(base_url + path)
    page.locator(ready).first.wait_for()
    page.wait_for_load_state("networkidle")
