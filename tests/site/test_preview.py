"""``sangkien serve``'s quick way: an edited record's own page first, the rest after."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from generator.live.preview import Outcome, Previewer

from ..conftest import valid_record

RECORD = "initiatives/cao-bang/hen-gio-tra-ket-qua.md"
PAGE = "docs/sang-kien/hen-gio-tra-ket-qua.md"
LISTING = "docs/tinh/cao-bang.md"


@pytest.fixture
def started(project: Path) -> tuple[Previewer, io.StringIO]:
    out = io.StringIO()
    previewer = Previewer(project, out)
    assert previewer.full()
    out.truncate(0)
    out.seek(0)
    return previewer, out


def _edit(root: Path, old: str, new: str, name: str = RECORD) -> Path:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return path


def test_an_edit_shows_on_its_page_first_and_in_listings_after_the_full_run(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, out = started
    listing_before = (project / LISTING).read_bytes()
    path = _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    assert previewer.preview([path]) is Outcome.SHOWN
    assert "# Hẹn giờ trả kết quả qua Zalo" in (project / PAGE).read_text("utf-8")
    assert (project / LISTING).read_bytes() == listing_before  # not yet
    assert "Checked 1 file: 0 errors" in out.getvalue()
    assert previewer.full(report_all=False)
    assert "qua Zalo" in (project / LISTING).read_text("utf-8")
    assert "qua Zalo" in (project / PAGE).read_text("utf-8")
    assert not previewer.previews  # the full run has it now


def test_an_invalid_edit_is_reported_located_and_the_last_good_page_stays(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, out = started
    page = (project / PAGE).read_bytes()
    path = _edit(project, "province: Cao Bằng", "province: Atlantis")
    _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    assert previewer.preview([path]) is Outcome.INVALID
    assert (project / PAGE).read_bytes() == page
    report = out.getvalue()
    assert f"{RECORD}:4:11: error: province: không có tỉnh/thành 'Atlantis'" in report
    assert "unknown province 'Atlantis'" in report
    assert not previewer.full(report_all=False)  # the full run refuses it too
    assert (project / PAGE).read_bytes() == page


def test_saving_twice_within_a_full_run_never_goes_back(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, _ = started
    path = _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    assert previewer.preview([path]) is Outcome.SHOWN
    newer = (project / PAGE).read_bytes()
    # A full run that read the file before this save writes its older page…
    (project / PAGE).write_text("older\n", "utf-8")
    # …and the next build puts the preview back first.
    assert previewer.settle() == ["sang-kien/hen-gio-tra-ket-qua.md"]
    assert (project / PAGE).read_bytes() == newer
    assert previewer.settle() == []


def test_a_preview_the_full_check_refuses_is_taken_back(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, out = started
    before = (project / PAGE).read_bytes()
    path = _edit(project, "qua tin nhắn\n", "qua Zalo\n")
    assert previewer.preview([path]) is Outcome.SHOWN
    # A record with the same id appears in a folder read first: the edited one collides.
    twin = project / "initiatives" / "bac-ninh" / "hen-gio-tra-ket-qua.md"
    twin.parent.mkdir()
    twin.write_text(valid_record(**{"province: Đắk Lắk": "province: Bắc Ninh"}), "utf-8")
    assert previewer.preview([twin]) is Outcome.FULL  # a new file
    assert not previewer.full(report_all=False)
    assert f"{RECORD}:1:1: error: id:" in out.getvalue()
    assert (project / PAGE).read_bytes() == before
    assert not previewer.previews


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("tags: [tin nhắn]", "tags: [tin nhắn, một từ khóa mới]"),  # no page for it yet
        ('started: "2022-01"', 'started: "2011-01"'),  # no page for that year yet
        ("tags: [tin nhắn]", "tags: [tin nhắn]\ncontests: [thi-2025]"),  # a contest's entry
    ],
)
def test_what_the_quick_way_cannot_promise_takes_the_full_way(
    project: Path, started: tuple[Previewer, io.StringIO], old: str, new: str
) -> None:
    previewer, _ = started
    page = (project / PAGE).read_bytes()
    path = _edit(project, old, new)
    assert previewer.preview([path]) is Outcome.FULL
    assert (project / PAGE).read_bytes() == page


def test_new_deleted_and_other_files_take_the_full_way(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, _ = started
    new = project / "initiatives" / "cao-bang" / "moi.md"
    shutil.copy(project / RECORD, new)
    assert previewer.preview([new]) is Outcome.FULL
    template = project / "theme" / "pages" / "initiative.md.j2"
    assert previewer.preview([template]) is Outcome.FULL
    (project / RECORD).unlink()
    assert previewer.preview([project / RECORD]) is Outcome.FULL


def test_files_that_came_and_went_and_unchanged_pages_write_nothing(
    project: Path, started: tuple[Previewer, io.StringIO]
) -> None:
    previewer, _ = started
    gone = project / "initiatives" / "cao-bang" / "4913"  # vim checks it may write here
    assert previewer.preview([gone]) is Outcome.NONE
    page = project / PAGE
    stamp = page.stat().st_mtime_ns
    path = _edit(project, "Nội dung.", "Nội dung.\n")  # a blank line the page does not show
    assert previewer.preview([path]) is Outcome.SAME
    assert page.stat().st_mtime_ns == stamp


def test_the_first_run_reads_each_record_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting ``sangkien serve`` parses every record for the check and keeps that
    reading to check edits against, rather than parsing the whole collection again."""
    import generator.load.sources as sources

    parsed: list[str] = []
    split = sources.split_source

    def counting(path: Path, rel: str, text: str) -> object:
        parsed.append(rel)
        return split(path, rel, text)

    monkeypatch.setattr(sources, "split_source", counting)
    previewer = Previewer(project, io.StringIO())
    assert previewer.full()
    records = sorted(
        p.relative_to(project).as_posix() for p in project.rglob("initiatives/**/*.md")
    )
    assert sorted(parsed) == records
    assert sorted(previewer.sources) == sorted(project / r for r in records)
