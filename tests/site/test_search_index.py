"""The Pagefind index the build makes: every page in it, in Vietnamese, without the ¶ marks.

The browser tests search through it; these read the index files themselves, so a broken
index is caught by the fast suite too.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import build as build_module
from generator.build import index_search
from generator.issues import Issue, Severity


def fragments(site: Path) -> list[dict[str, Any]]:
    """Pagefind's page fragments: gzip, then the ``pagefind_dcd`` signature, then JSON."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd") :]))
    return found


def test_every_searchable_page_is_indexed_in_vietnamese(built_site: Path) -> None:
    searchable = {
        "/" + page.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
        for page in built_site.rglob("index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    }
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["vi"]
    assert entry["languages"]["vi"]["page_count"] == len(searchable)
    initiatives = {f"/sang-kien/{page.name}/" for page in (built_site / "sang-kien").iterdir()}
    assert len(initiatives) >= 4 and initiatives <= searchable
    assert {fragment["url"].replace("//", "/") for fragment in fragments(built_site)} == searchable


def test_heading_permalinks_are_not_indexed(built_site: Path) -> None:
    page = built_site / "sang-kien" / "hen-gio-tra-ket-qua" / "index.html"
    assert 'class="headerlink"' in page.read_text(encoding="utf-8")  # the marks are there
    indexed = fragments(built_site)
    assert not [f["url"] for f in indexed if "¶" in f["content"] or "¶" in f["meta"]["title"]]
    (initiative,) = [f for f in indexed if f["url"] == "/sang-kien/hen-gio-tra-ket-qua/"]
    assert initiative["meta"]["title"] == "Hẹn giờ trả kết quả qua tin nhắn"


def search_failure(detail: str) -> tuple[object, ...]:
    """What a reader sees of the finding: its place, code and both texts."""
    return (
        "mkdocs.yml",
        1,
        1,
        Severity.ERROR,
        "build",
        "search-index-failed",
        f"không tạo được chỉ mục tìm kiếm (Pagefind): {detail}; trang cũ được giữ nguyên",
        f"the search index (Pagefind) could not be made: {detail}; the previous site is kept",
    )


def shown(issue: Issue | None) -> tuple[object, ...]:
    assert issue is not None
    place = (issue.path, issue.line, issue.column, issue.severity, issue.field, issue.code)
    return (*place, issue.message, issue.message_en)


def test_a_failed_index_says_pagefinds_last_words(tmp_path: Path) -> None:
    assert shown(index_search(tmp_path)) == search_failure(
        "Most likely, the directory passed to Pagefind was empty or did not contain any html files."
    )


@pytest.mark.parametrize(
    ("stdout", "stderr", "detail"),
    [("", "", "3"), ("on stdout\nlast words\n", "", "last words"), ("out", "err", "err")],
)
def test_a_failed_index_says_what_it_can(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stdout: str, stderr: str, detail: str
) -> None:
    def failing(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 3, stdout, stderr)

    monkeypatch.setattr(build_module.subprocess, "run", failing)
    assert shown(index_search(tmp_path)) == search_failure(detail)
