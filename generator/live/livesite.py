"""MkDocs' side of ``sangkien serve``: build the whole site once, then only what changed.

The server is MkDocs' own live-reload server; the builder it runs is ``SiteBuilder``.
It keeps the last build's files, navigation and templates in memory (through a plugin
added to the configuration, for serve only), so a changed page is rendered alone, the
way Hugo's fast render does it: its Markdown, its template, the same navigation.
Anything else (a page added or removed, a new title in the navigation, ``mkdocs.yml``)
is a dirty build: MkDocs renders the pages whose Markdown is newer than their HTML, and
every page when the navigation changed, since each page shows it. Files a dirty build
leaves behind (a deleted record's page) are removed, as a full build would not have them.

MkDocs' ``_populate_page`` and ``_build_page`` are private; ``mkdocs<2`` is pinned and a
failure there falls back to the dirty build, which uses MkDocs' public ``build`` only.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs import utils
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _timestamp
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_DIRTY_WARNING = "A 'dirty' build is being performed"
PLUGIN = "sangkien-serve"
log = logging.getLogger(__name__)


class DocsChanges:
    """Paths changed under ``docs/`` since the last build began, and the builds' progress."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.paths: set[str] = set()
        self.unknown = False  # a folder came or went: let MkDocs compare every file
        self.building = False
        self.started = 0.0
        self.shown = 0.0  # when the newest finished build began (time.monotonic())

    def add(self, path: str | None) -> None:
        """A changed file, relative to ``docs/`` (``None``: something else changed)."""
        with self.cond:
            if path is None:
                self.unknown = True
            else:
                self.paths.add(path)

    def take(self) -> tuple[set[str], bool]:
        with self.cond:
            taken, unknown = self.paths, self.unknown
            self.paths, self.unknown = set(), False
            self.building, self.started = True, time.monotonic()
            return taken, unknown

    def done(self) -> None:
        with self.cond:
            self.building, self.shown = False, self.started
            self.cond.notify_all()

    def wait_shown(self, since: float, timeout: float) -> bool:
        """Wait until a build begun after ``since`` is done and no other is due."""

        def shown() -> bool:
            return self.shown >= since and not (self.paths or self.unknown or self.building)

        with self.cond:
            return self.cond.wait_for(shown, timeout)


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; with ``strict: true`` that would fail it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


def nav_signature(items: list[Any]) -> tuple[Any, ...]:
    """What every page shows of the navigation: titles and addresses, in order."""
    return tuple(
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            nav_signature(item.children or []),
        )
        for item in items
    )


class _Keep(BasePlugin):
    """Serve only: keeps each build for fast renders; a changed navigation rebuilds all."""

    def __init__(self, builder: SiteBuilder) -> None:
        super().__init__()
        self.builder = builder
        self.seen: dict[str, Any] = {}

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        # A dirty build reads only changed pages: the navigation's own titles come first.
        for page in nav.pages:
            if page.markdown is None:
                page.read_source(config)
        signature = (self.builder.config_stamp, nav_signature(nav.items))
        if signature != self.builder.signature:
            utils.clean_directory(config.site_dir)  # every page shows the navigation
            self.builder.signature = signature
        in_nav = {page.file.src_uri for page in nav.pages}
        self.seen.update(config=config, files=files, nav=nav, in_nav=in_nav)
        # Another plugin may gather all pages (a search index, a blog): no fast renders.
        self.seen["alone"] = set(config.plugins) == {PLUGIN}

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> None:
        self.seen["env"] = env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        for file in self.seen["files"].documentation_pages():
            if file.page is not None and file.src_uri not in self.seen["in_nav"]:
                forget(file.page)
        if self.seen["alone"]:
            sweep(config, self.seen["files"])
            self.builder.model = self.seen


def sweep(config: MkDocsConfig, files: Files) -> None:
    """Remove what a dirty build left of pages and files no longer in ``docs/``.

    A full build starts from an empty folder; a dirty one only adds, so a deleted
    record's page would still be served.
    """
    site_dir = os.path.abspath(config.site_dir)
    made = {os.path.normpath(file.abs_dest_path) for file in files}
    made |= {os.path.join(site_dir, name) for name in config.theme.static_templates}
    made |= {path + ".gz" for path in made if path.endswith("sitemap.xml")}
    for folder, _, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.join(folder, name)
            if path not in made:
                os.remove(path)
        if folder != site_dir and not os.listdir(folder):
            os.rmdir(folder)


def forget(page: Page) -> None:
    """A page outside the navigation is shown on no other page: keep no rendered copy."""
    page.markdown, page.content, page.toc = None, None, []  # type: ignore[assignment]


class SiteBuilder:
    """The builder MkDocs' server runs: a fast render when it can, else a dirty build."""

    def __init__(self, config_file: Path, site_dir: str, dev_addr: str) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.dev_addr = dev_addr
        config = load_config(config_file=str(config_file), site_dir=site_dir, dev_addr=dev_addr)
        self.host, self.port = config.dev_addr
        # Served where the site will be published (a fork's /name/ too), as MkDocs does.
        path = urlsplit(config.site_url or "/").path
        self.mount_path = ("/" + path.lstrip("/")).rstrip("/") + "/"
        self.serve_url = f"http://{self.host}:{self.port}{self.mount_path}"
        self.config = config
        self.changes = DocsChanges()
        self.settle: Callable[[], list[str]] = list  # files to put back before a build
        self.model: dict[str, Any] | None = None  # the last good build
        self.signature: tuple[Any, ...] | None = None
        self.config_stamp = self._config_stamp()
        self.fast_pages = 0  # pages rendered alone so far
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())

    def _config_stamp(self) -> tuple[int, int] | None:
        try:
            status = self.config_file.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def load_config(self) -> MkDocsConfig:
        config = load_config(
            config_file=str(self.config_file), site_dir=self.site_dir, dev_addr=self.dev_addr
        )
        config.site_url = self.serve_url
        config.plugins[PLUGIN] = _Keep(self)
        return config

    def __call__(self) -> None:
        """One build, after changes: what MkDocs' live-reload server runs."""
        for path in self.settle():
            self.changes.add(path)
        paths, unknown = self.changes.take()
        try:
            stamp = self._config_stamp()
            if stamp == self.config_stamp and not unknown and self.fast(paths):
                return
            self.config_stamp = stamp
            self.dirty()
        finally:
            self.changes.done()

    def dirty(self) -> None:
        log.info("Building the pages that changed (dirty build)")
        self.model = None  # set again when the build succeeds
        build(self.load_config(), serve_url=self.serve_url, dirty=True)

    def fast(self, paths: set[str]) -> bool:
        """Render these changed files alone; False when only a dirty build can be trusted.

        A page of the navigation may be rendered alone too, as long as its title (all
        that other pages show of it) stays the same.
        """
        if self.model is None:
            return False
        config, files, nav, env = (self.model[k] for k in ("config", "files", "nav", "env"))
        in_nav = self.model["in_nav"]
        docs_dir = os.path.abspath(config.docs_dir)
        pages: list[Page] = []
        static: list[File] = []
        for path in sorted(paths):
            file = files.get_file_from_path(path)
            if file is None or file.abs_src_path != os.path.join(docs_dir, *path.split("/")):
                return False  # a new file, or not one MkDocs publishes from docs/
            if not os.path.isfile(file.abs_src_path):
                return False  # removed
            if file.is_documentation_page():
                if file.page is None:
                    return False
                pages.append(file.page)
            elif path in config.extra_templates:
                return False
            else:
                static.append(file)
        try:
            for page in pages:
                title = page.title
                _populate_page(page, config, files)
                if page.file.src_uri in in_nav and page.title != title:
                    return False  # every page shows the new title: a dirty build does all
            for file in static:
                file.copy_file()
            shown = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            for page in pages:
                _build_page(page, config, shown, nav, env)
                if page.file.src_uri not in in_nav:
                    forget(page)
        except Exception:  # MkDocs logged which page; the dirty build reports it as usual
            return False
        self.fast_pages += len(pages)
        log.info("Rendered alone: %d pages, %d other files", len(pages), len(static))
        return True


RELOAD_SCRIPT = "/livereload/script.js"  # under the prefix MkDocs' server keeps for itself
# MkDocs' reload script, reading the page's epoch and request id from its own tag.
_RELOAD_JS = _SCRIPT_TEMPLATE.substitute(
    epoch="Number(document.currentScript.dataset.epoch)",
    request_id="document.currentScript.dataset.requestId",
).encode()


class LiveServer(LiveReloadServer):
    """MkDocs' live-reload server, told of changes by ``sangkien serve``'s own watcher.

    MkDocs writes its reload script into each page; the pages' Content-Security-Policy
    refuses inline scripts, so here the page loads it from the server instead.
    """

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ["PATH_INFO"] == RELOAD_SCRIPT:
            headers = [
                ("Content-Type", "text/javascript"),
                ("Content-Length", str(len(_RELOAD_JS))),
            ]
            start_response("200 OK", headers)
            return [_RELOAD_JS]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = (
            f'<script src="{RELOAD_SCRIPT}" data-epoch="{epoch}"'
            f' data-request-id="{_timestamp()}"></script>'
        )
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag.encode() + content[end:]

    def request_build(self) -> None:
        """What MkDocs' own watcher does on a change: build once things are quiet."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()
