"""Build real sites from small fixture repositories in temporary folders."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.build import BuildResult, build
from generator.layout import MANIFEST
from generator.settings import load_settings

from ..conftest import FIXTURES, PROJECT, shared

if TYPE_CHECKING:
    from playwright.sync_api import Page

SITE_FIXTURE = FIXTURES / "site"
MakeProject = Callable[..., Path]


def hand_written_docs() -> list[Path]:
    """The project's own docs/ pages, without anything a local build generated."""
    docs = PROJECT / "docs"
    try:
        generated = set(json.loads((docs / MANIFEST).read_text(encoding="utf-8")))
    except OSError:
        generated = set()
    return [
        path
        for path in docs.rglob("*")
        if path.is_file()
        and path.name != MANIFEST
        and path.relative_to(docs).as_posix() not in generated
    ]


def make_project(
    root: Path, initiatives: Path | None = SITE_FIXTURE, contests: Path | None = None
) -> Path:
    """A repository like the project's: its mkdocs.yml, theme and docs, fixture records."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "theme", root / "theme")
    for page in hand_written_docs():
        target = root / "docs" / page.relative_to(PROJECT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, target)
    if initiatives is not None:
        shutil.copytree(initiatives, root / "initiatives")
    if contests is not None:
        shutil.copytree(contests, root / "contests")
    return root


@pytest.fixture(scope=shared("session"))
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture repository, built once for all read-only assertions."""
    root = make_project(tmp_path_factory.mktemp("project"))
    result: BuildResult = build(root)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    assert result.site_dir is not None
    return result.site_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "repo")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A built site served on a free loopback port, as a visitor's browser reaches it."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def broken_links(site: Path) -> list[str]:
    """Every internal ``href``/``src`` of every page that does not lead to a file of ``site``.

    Relative links resolve from the page, root-relative ones (the 404 page's) and links
    to the site's own address from the site root; ``//host`` links are always wrong.
    """
    site_url = load_settings(site.parent).site_url
    root_path = urlsplit(site_url).path or "/"
    broken = []
    for page in sorted(site.rglob("*.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in html.find_all(["a", "link", "script", "img", "source", "iframe", "form"]):
            for attribute in ("href", "src", "action"):
                url = str(tag.get(attribute) or "")
                where = f"{page.relative_to(site)} → {url}"
                if url.startswith("//"):
                    broken.append(f"{where} (protocol-relative)")
                    continue
                if site_url and url.startswith(site_url):
                    url = root_path + url[len(site_url) :]
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path:
                    continue  # another site, mailto:, or an anchor on the same page
                path = unquote(parts.path)
                if path.startswith("/"):
                    target = site / path[len(root_path) :]
                else:
                    target = page.parent / path
                if target.is_dir():
                    target = target / "index.html"
                if not target.resolve().is_file() or not target.resolve().is_relative_to(site):
                    broken.append(where)
    return broken


AXE = PROJECT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[tuple[str, str, list[object]]]:
    """axe-core's serious and critical findings on the page as loaded (rule, impact, where)."""
    assert AXE.exists(), "axe-core is missing: run `python3 dev.py test`"
    # evaluated, not added as a <script>: the page's policy refuses inline scripts
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document)")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
