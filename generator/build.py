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

from .admin import add_admin_files
from .check import CheckResult, check_paths
from .contests.score import public_view
from .export import export_open_data
from .issues import Issue, has_errors
from .messages import make_issue
from .mkdocs_log import CONFIG, mkdocs_issues
from .outputs import Origin, Outputs
from .render import TEMPLATES, render_pages
from .settings import load_settings
from .site import Site, build_site
from .vocab import load_vocabulary
from .write import find_conflicts, write_outputs

DOCS_DIR = "docs"
SITE_DIR = "site"
TEMPLATES_DIR = TEMPLATES  # the page templates, also the origin of pages they alone make


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
    write_outputs(outputs.files, docs_dir)
    return Generated(result, [], site, outputs.origins)


def collect_outputs(site: Site, root: Path) -> Outputs:
    """Every generated file with its origin; colliding paths are reported, not replaced."""
    outputs = Outputs()
    settings = load_settings(root)
    render_pages(site, root / TEMPLATES_DIR, root, outputs, settings)
    data = Origin("generator/export.py", label="dữ liệu mở")
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
    result.check = dataclasses.replace(check, records=[], contests=[])
    del check, site
    _release_memory()
    final = site_dir or root / SITE_DIR
    fresh = final.with_name(final.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(epoch)  # the content's date wins
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(root / "mkdocs.yml"),
            "--site-dir",
            str(fresh),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        found = mkdocs_issues(done.stderr + done.stdout, origins, root / DOCS_DIR)
        status = f"exit status {done.returncode}"
        failed = make_issue("mkdocs-failed", CONFIG, 1, 1, "build", detail=status)
        result.issues += found or [failed]
        return result
    indexed = index_search(fresh)
    if indexed is not None:
        shutil.rmtree(fresh, ignore_errors=True)
        result.issues.append(indexed)
        return result
    _replace(final, fresh)
    result.site_dir = final
    result.initiatives = count
    return result


def _release_memory() -> None:
    """Free what the records held, and hand the freed heap back to the system (glibc)."""
    gc.collect()
    with contextlib.suppress(AttributeError, OSError):  # glibc only; elsewhere it stays
        ctypes.CDLL(None).malloc_trim(0)


def index_search(site: Path) -> Issue | None:
    """Pagefind's index of the built site (``pagefind/``); an issue when it cannot be made."""
    done = subprocess.run(
        # permalink marks (¶) are not words, and not part of a result's title
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--silent",
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0:
        return None
    detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"{done.returncode}"]
    return make_issue("search-index-failed", CONFIG, 1, 1, "build", detail=detail[0])


def _replace(final: Path, fresh: Path) -> None:
    """Swap the new site in with two renames, so readers never see a half-built site."""
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    fresh.rename(final)
    shutil.rmtree(old, ignore_errors=True)
