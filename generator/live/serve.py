"""``sangkien serve``: a live preview that stays quick however many records there are.

The first build is whole: every page generated into ``docs/``, then MkDocs builds the
site into a temporary folder and serves it with its live-reload server. After that, as
Hugo's fast render and MkDocs' dirty builds do, only what changed is redone:

- The system tells of changes (inotify, FSEvents or ReadDirectoryChangesW, through
  watchdog, which MkDocs depends on): nothing is polled, and a burst of saves is taken
  together once ``QUIET``. ``SANGKIEN_POLL=1`` polls each second instead, for folders
  that report nothing (network drives, some containers and virtual machines).
- An edited record is checked alone (against the others, kept in memory) and its own
  page written first (``preview.py``); MkDocs renders that page alone against the site
  it keeps (``livesite.py``): the edit shows within seconds. Everything is then
  regenerated in the background, as ``sangkien build`` does, and MkDocs renders what
  that changed: listings, feeds, data.
- A new, deleted or renamed record, an image, a contest or a template takes the full
  way at once; a hand-written page under ``docs/`` is rendered like a generated one; a
  new title in the navigation or a change to ``mkdocs.yml`` rebuilds every page.

Findings are reported bilingual and located: the edited files' after a preview, every
finding after anything else (as ``sangkien check`` prints them), errors that block the
site after a background run. An invalid edit writes nothing: the last good page stays.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..build import generate
from ..layout import CONFIG_FILE, CONTENT_DIR, CONTESTS_DIR, DOCS_DIR, PAGE_TEMPLATES
from ..report import TextReporter, say
from .preview import Outcome, Previewer

QUIET = 0.2  # seconds without a change before a burst of saves is handled
SHOWN_WAIT = 30.0  # the background run waits at most this long for a preview to show
POLL_ENV = "SANGKIEN_POLL"  # 1: poll for changes instead of being told
POLL_SECONDS = 1.0
_IGNORED = {"opened", "closed_no_write", "attrib"}  # reading a file is no change
_CHANGES = {"created", "deleted", "moved"}  # of a folder: compare everything


def regenerate(root: Path) -> bool:
    """Check and regenerate every page, reporting every finding; False: nothing written."""
    result, issues, site, _ = generate(root)
    if result.issues or issues:
        TextReporter().report(result.issues + issues, result.checked, sys.stderr)
    return site is not None


def make_observer() -> Any:
    """watchdog's observer: the system's notifications, or polling when asked to."""
    if os.environ.get(POLL_ENV, "").strip() not in ("", "0"):
        from watchdog.observers.polling import PollingObserver

        return PollingObserver(timeout=POLL_SECONDS)
    from watchdog.observers import Observer

    return Observer()


def _handler(callback: Callable[[Any], None]) -> Any:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            callback(event)

    return Handler()


def _changed(event: Any, folder: Path) -> tuple[list[Path], bool] | None:
    """The files an event is about, and whether a folder came or went; None: no change.

    Hidden files and folders (``.git``, an editor's swap file, the generator's manifest)
    are neither checked nor published, so they change nothing.
    """
    if event.event_type in _IGNORED or (event.is_directory and event.event_type not in _CHANGES):
        return None
    paths = [Path(os.fsdecode(event.src_path))]
    if getattr(event, "dest_path", ""):
        paths.append(Path(os.fsdecode(event.dest_path)))
    shown = [p for p in paths if not any(n.startswith(".") for n in _parts(p, folder))]
    if not shown:
        return None
    return shown, bool(event.is_directory)


def _parts(path: Path, folder: Path) -> tuple[str, ...]:
    try:
        return path.relative_to(folder).parts
    except ValueError:
        return path.parts


class Worker:
    """Takes the record changes: previews first, the full run in the background after.

    Two threads: one previews each quiet burst of changes, the other regenerates
    everything whenever a preview or a change asks for it, one run at a time; a preview
    never waits for a full run.
    """

    def __init__(
        self,
        previewer: Previewer,
        shown: Callable[[float, float], bool],
        regenerated: Callable[[], None] = lambda: None,
    ) -> None:
        self.previewer = previewer
        self.shown = shown  # waits until MkDocs showed what was written since a time
        self.regenerated = regenerated  # after a full run that wrote the site
        self.cond = threading.Condition()
        self.paths: set[Path] = set()
        self.folders = False  # a folder came or went: the full way
        self.last_change = 0.0
        self.full_wanted = False
        self.report_all = False
        self.wrote_at: float | None = None  # a preview was written since (time.monotonic())
        self.stopped = False
        self.previewing = False
        self.running = False  # a full run

    def change(self, paths: list[Path], folder: bool) -> None:
        with self.cond:
            self.paths.update(paths)
            self.folders |= folder
            self.last_change = time.monotonic()
            self.cond.notify_all()

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify_all()

    def idle(self, timeout: float) -> bool:
        """Wait until no change is waiting and no run is under way (for tests)."""

        def quiet() -> bool:
            busy = self.previewing or self.running
            return not (self.paths or self.folders or self.full_wanted or busy)

        with self.cond:
            return self.cond.wait_for(quiet, timeout)

    def _next_burst(self) -> tuple[set[Path], bool] | None:
        with self.cond:
            while not self.stopped:
                if self.paths or self.folders:
                    wait = self.last_change + QUIET - time.monotonic()
                    if wait <= 0:
                        burst = (self.paths, self.folders)
                        self.paths, self.folders, self.previewing = set(), False, True
                        return burst
                    self.cond.wait(wait)
                else:
                    self.cond.wait()
            return None

    def previews(self) -> None:
        while (burst := self._next_burst()) is not None:
            paths, folders = burst
            before = time.monotonic()
            try:
                outcome = Outcome.FULL if folders else self.previewer.preview(paths)
            except Exception:  # our bug: say so, and let the full run have a go
                traceback.print_exc()
                outcome = Outcome.FULL
            with self.cond:
                if outcome is Outcome.SHOWN:
                    self.wrote_at = before
                if outcome in (Outcome.SHOWN, Outcome.SAME, Outcome.FULL):
                    self.full_wanted = True
                    self.report_all |= outcome is Outcome.FULL
                self.previewing = False
                self.cond.notify_all()

    def full_runs(self) -> None:
        while True:
            with self.cond:
                self.cond.wait_for(
                    lambda: (
                        self.stopped
                        or (
                            self.full_wanted and not (self.paths or self.folders or self.previewing)
                        )
                    )
                )
                if self.stopped:
                    return
                report_all, wrote_at = self.report_all, self.wrote_at
                self.full_wanted, self.report_all, self.wrote_at = False, False, None
                self.running = True
            if wrote_at is not None:  # let the preview show before the long run starts
                self.shown(wrote_at, SHOWN_WAIT)
            try:
                if self.previewer.full(report_all):
                    self.regenerated()
            except Exception:  # our bug: say so, keep serving the last good pages
                traceback.print_exc()
            finally:
                with self.cond:
                    self.running = False
                    self.cond.notify_all()


def watch(root: Path, worker: Worker, docs_changed: Callable[[str | None], None]) -> Any:
    """Start watching the records, contests, templates and ``docs/``; the observer."""
    observer = make_observer()
    docs = (root / DOCS_DIR).resolve()

    def on_docs(event: Any) -> None:
        found = _changed(event, docs)
        if found is None:
            return
        paths, folder = found
        if folder:
            docs_changed(None)
            return
        for path in paths:
            if path.is_relative_to(docs):
                docs_changed(path.relative_to(docs).as_posix())

    folders = [(root / name).resolve() for name in (CONTENT_DIR, CONTESTS_DIR, PAGE_TEMPLATES)]

    def on_content(event: Any) -> None:
        for folder in folders:
            if Path(os.fsdecode(event.src_path)).is_relative_to(folder):
                found = _changed(event, folder)
                if found is not None:
                    worker.change(*found)
                return

    def on_root(event: Any) -> None:  # a watched folder created after serve started
        path = Path(os.fsdecode(getattr(event, "dest_path", "") or event.src_path))
        if event.is_directory and path in folders and event.event_type in ("created", "moved"):
            observer.schedule(_handler(on_content), str(path), recursive=True)
            worker.change([path], True)

    if docs.is_dir():
        observer.schedule(_handler(on_docs), str(docs), recursive=True)
    for folder in folders:
        if folder.is_dir():
            observer.schedule(_handler(on_content), str(folder), recursive=True)
    if not all(folder.is_dir() for folder in folders):
        observer.schedule(_handler(on_root), str(root.resolve()), recursive=False)
    observer.start()
    return observer


def _interrupt_on_terminate() -> None:
    """Stopped by a service manager or a test (SIGTERM): clean up as after Ctrl+C."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def serve(root: Path, dev_addr: str) -> int:
    """Generate, build and serve the site at ``dev_addr``, keeping it up to date; exit status."""
    from mkdocs.exceptions import Abort

    from .livesite import LiveServer, SiteBuilder

    previewer = Previewer(root)
    if not previewer.full(report_all=True):
        return 1
    # MkDocs' own command shows its warnings; called from here, its strict build counted
    # them and stopped with "Aborted with 2 warnings" while nobody saw which.
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(shown)
    config_file = root / CONFIG_FILE
    site_dir = tempfile.mkdtemp(prefix="sangkien_serve_")
    builder = SiteBuilder(config_file, site_dir, dev_addr)
    builder.settle = previewer.settle
    server = LiveServer(builder, builder.host, builder.port, site_dir, builder.mount_path)
    config = builder.config

    def not_found(code: int) -> bytes | None:
        page = Path(site_dir, f"{code}.html")
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = not_found

    def docs_changed(path: str | None) -> None:
        builder.changes.add(path)
        server.request_build()

    # After a full run MkDocs compares every file by date (a dirty build): however many
    # pages it wrote, none is missed, even if the system dropped change notices.
    worker = Worker(previewer, builder.changes.wait_shown, lambda: docs_changed(None))

    config.plugins.on_startup(command="serve", dirty=True)
    _interrupt_on_terminate()
    observer = watch(root, worker, docs_changed)  # edits during the first build count
    for run in (worker.previews, worker.full_runs):
        threading.Thread(target=run, daemon=True).start()
    try:
        builder()  # the first build: everything
        server.watch(str(config_file))  # MkDocs' own watch: a change rebuilds everything
        for item in config.watch:
            server.watch(item)
        server.serve()
    except KeyboardInterrupt:
        pass
    except Abort as error:  # a strict build's warnings, already printed
        say("serve-stopped", sys.stderr, error=error)
        return 1
    finally:
        server.shutdown()
        worker.stop()
        observer.stop()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
        logging.getLogger("mkdocs").removeHandler(shown)
    return 0
