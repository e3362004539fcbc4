"""``sangkien build``: check, generate pages and data, then let MkDocs make ``site/``.

The build is atomic: MkDocs writes into a fresh folder beside ``site/`` and only a
successful build replaces it, so a failed build leaves the previous site untouched.
It is deterministic: the only date MkDocs may use (sitemap, gzip header) is set from
the content through ``SOURCE_DATE_EPOCH``, never from the build machine's clock. An
inherited ``SOURCE_DATE_EPOCH`` (many CI runners set one) is overridden: the site's
dates describe the content, so the same records give the same site everywhere.
"""

from __future__ import annotations

import calendar
import contextlib
import ctypes
import dataclasses
import gc
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .check import CheckResult, check_paths
from .contests import public_view
from .editors.admin import add_admin_files
from .issues import Issue, has_errors, make_issue
from .layout import CONFIG_FILE, DOCS_DIR, PAGE_TEMPLATES, SITE_DIR
from .publish.export import export_open_data
from .publish.mkdocs_log import mkdocs_issues
from .publish.outputs import Origin, Outputs
from .publish.render import render_pages
from .publish.site import Site, build_site
from .publish.write import find_conflicts, write_outputs
from .settings import load_settings
from .vocab import load_vocabulary


@dataclass
class BuildResult:
    check: CheckResult
    issues: list[Issue] = field(default_factory=list)
    site_dir: Path | None = None
    initiatives: int = 0

    @property
    def ok(self) -> bool:
        return self.check.ok and not has_errors(self.issues)


class Generated(NamedTuple):
    check: CheckResult
    issues: list[Issue]
    site: Site | None  # None: nothing was written
    origins: dict[str, Origin]  # generated path under docs/ → what produced it


def generate(root: Path, scores: Path | None = None) -> Generated:
    """Check, then write generated pages and data into ``docs/`` (nothing if invalid)."""
    result = check_paths(root, scores=scores)
    if not result.ok:
        return Generated(result, [], None, {})
    contests = [public_view(data) for data in result.contests]
    site = build_site(result.records, load_vocabulary(), contests)
    outputs = collect_outputs(site, root)
    docs_dir = root / DOCS_DIR
    conflicts = outputs.issues + find_conflicts(outputs.files, docs_dir)
    if conflicts:
        return Generated(result, conflicts, None, outputs.origins)
    failed = write_outputs(outputs.files, docs_dir)
    if failed:
        return Generated(result, failed, None, outputs.origins)
    return Generated(result, [], site, outputs.origins)


def collect_outputs(site: Site, root: Path) -> Outputs:
    """Every generated file with its origin; colliding paths are reported, not replaced."""
    outputs = Outputs()
    settings = load_settings(root)
    render_pages(site, root / PAGE_TEMPLATES, root, outputs, settings)
    data = Origin("generator/publish/export.py", label="dữ liệu mở")
    for path, content in export_open_data(site, settings).items():
        outputs.add(path, content, data)
    add_admin_files(outputs, root, site.vocab, settings)
    return outputs


def content_epoch(site: Site) -> int:
    """A timestamp that depends on the content only: the newest date any record cites."""
    dates = [r.initiative.started for r in site.records]
    dates += [s.date for r in site.records for s in r.initiative.sources]
    newest = max(dates, default="2025-07-01")
    year, month, day = [*newest.split("-"), "01", "01"][:3]
    return calendar.timegm((int(year), int(month), int(day), 0, 0, 0))


def build(root: Path, site_dir: Path | None = None, scores: Path | None = None) -> BuildResult:
    check, issues, site, origins = generate(root, scores)
    result = BuildResult(check, issues)
    if site is None:
        return result
    epoch, count = content_epoch(site), len(site.records)
    # The records are written out: let them go before MkDocs and Pagefind run beside this
    # process, so the build's peak memory is theirs, not theirs plus ours.
    result.check = dataclasses.replace(check, records=[], contests=[], sources=[])
    del check, site
    _release_memory()
    final = site_dir or root / SITE_DIR
    fresh = final.with_name(final.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    # Each stage that fails says so and removes what it made; site/ is replaced last.
    failed = run_mkdocs(root, fresh, epoch, origins)
    indexed = None if failed else index_search(fresh)
    swapped = None if failed or indexed else _replace(final, fresh)
    failed += [issue for issue in (indexed, swapped) if issue is not None]
    if failed:
        shutil.rmtree(fresh, ignore_errors=True)
        result.issues += failed
        return result
    result.site_dir = final
    result.initiatives = count
    return result


def run_mkdocs(root: Path, fresh: Path, epoch: int, origins: dict[str, Origin]) -> list[Issue]:
    """``mkdocs build --strict`` into ``fresh``; its warnings and errors as located issues."""
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(epoch)  # the content's date wins
    command = [
        *(sys.executable, "-m", "mkdocs", "build", "--strict"),
        *("--config-file", str(root / CONFIG_FILE), "--site-dir", str(fresh)),
    ]
    try:
        done = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, check=False
        )
    except OSError as error:  # could not even start (no memory for a process, say)
        return [make_issue("mkdocs-failed", CONFIG_FILE, 1, 1, "build", detail=str(error))]
    if done.returncode == 0:
        return []
    found = mkdocs_issues(done.stderr + done.stdout, origins, root / DOCS_DIR)
    status = f"exit status {done.returncode}"
    return found or [make_issue("mkdocs-failed", CONFIG_FILE, 1, 1, "build", detail=status)]


def _release_memory() -> None:
    """Free what the records held, and hand the freed heap back to the system (glibc)."""
    gc.collect()
    with contextlib.suppress(AttributeError, OSError):  # glibc only; elsewhere it stays
        ctypes.CDLL(None).malloc_trim(0)


def index_search(site: Path) -> Issue | None:
    """Pagefind's index of the built site (``pagefind/``); an issue when it cannot be made."""
    command = [
        *(sys.executable, "-m", "pagefind", "--site", str(site), "--silent"),
        # permalink marks (¶) are not words, and not part of a result's title
        *("--exclude-selectors", ".headerlink"),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        return make_issue("search-index-failed", CONFIG_FILE, 1, 1, "build", detail=str(error))
    if done.returncode == 0:
        return None
    detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"{done.returncode}"]
    return make_issue("search-index-failed", CONFIG_FILE, 1, 1, "build", detail=detail[0])


def _replace(final: Path, fresh: Path) -> Issue | None:
    """Swap the new site in with two renames, so readers never see a half-built site.

    When the second rename fails, the previous site is renamed back: a failed swap leaves
    ``site/`` as it was, like any other failed stage.
    """
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    moved = False
    try:
        if final.exists():
            final.rename(old)
            moved = True
        fresh.rename(final)
    except OSError as error:
        if moved:
            old.rename(final)
        shown = final.name + "/"
        reason = error.strerror or str(error)
        return make_issue("swap-failed", shown, 1, 1, "build", site=shown, reason=reason)
    shutil.rmtree(old, ignore_errors=True)
    return None
