"""Every decoded string is checked, and look-alike text is refused where values are names.

A double-quoted YAML value decodes escapes: ``title: "…\\0\\x0b\\x1b[2K"`` held no control
character in the file's text, so it passed the scan of the text and made both Atom feeds
ill-formed and ESC reach the CSV and the terminal. Bidi controls and zero-width
characters make a title look like another's. The fixtures ``*-escaped-*``, ``*-bidi-*``,
``*-zero-width*`` and ``*-not-one-line*`` hold the exact messages; these tests cover each
code point, keys, contest files, scorecards, both YAML readers, and what stays allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import yamlplain
from generator.check import check_paths

from ..conftest import PROJECT, MakeTree, valid_record

NEVER = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
NEVER += [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x2028, 0x2029]
BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]


def escape(code_point: int) -> str:
    """The code point as a double-quoted YAML value writes it."""
    return f"\\U{code_point:08x}" if code_point > 0xFFFF else f"\\u{code_point:04x}"


def found(root: Path, name: str = "a.md") -> list[tuple[int, int, str, str]]:
    """(line, column, field, code) of each finding for one file."""
    return [(i.line, i.column, i.field, i.code) for i in check_paths(root, [root / name]).issues]


@pytest.mark.parametrize("code_point", NEVER, ids=[f"U+{c:04X}" for c in NEVER])
def test_every_control_written_as_an_escape_is_refused_at_its_value(
    make_tree: MakeTree, code_point: int
) -> None:
    record = valid_record(**{"agency: UBND xã": f'agency: "UBND{escape(code_point)} xã"'})
    root = make_tree({"a.md": record.replace(' xã" Bình Hòa', ' xã Bình Hòa"')})
    (issue,) = check_paths(root, [root / "a.md"]).issues
    assert (issue.line, issue.column, issue.field, issue.code) == (
        6,
        9,
        "agency",
        "escaped-character",
    )
    assert issue.message_en.startswith(f"the value holds U+{code_point:04X}, written as an escape")


@pytest.mark.parametrize(
    "code_point", BIDI + ZERO_WIDTH, ids=[f"U+{c:04X}" for c in BIDI + ZERO_WIDTH]
)
def test_every_bidi_or_zero_width_escape_is_refused(make_tree: MakeTree, code_point: int) -> None:
    record = valid_record(
        **{"title: Ngày thứ 6 nhanh": f'title: "Ngày thứ 6{escape(code_point)} nhanh"'}
    )
    root = make_tree({"a.md": record})
    assert found(root) == [(2, 8, "title", "escaped-character")]


@pytest.mark.parametrize("code_point", BIDI, ids=[f"U+{c:04X}" for c in BIDI])
def test_every_bidi_control_is_refused_where_it_is_written(
    make_tree: MakeTree, code_point: int
) -> None:
    char = chr(code_point)
    record = valid_record(
        **{"title: Ngày thứ 6 nhanh": f"title: Ngày{char} thứ 6", "Nội dung.": f"Nội{char} dung."}
    )
    root = make_tree({"a.md": record})
    assert found(root) == [(2, 12, "title", "bidi-control"), (21, 4, "body", "bidi-control")]


@pytest.mark.parametrize("code_point", ZERO_WIDTH, ids=[f"U+{c:04X}" for c in ZERO_WIDTH])
def test_zero_width_characters_are_refused_in_values_and_kept_in_the_body(
    make_tree: MakeTree, code_point: int
) -> None:
    char = chr(code_point)
    record = valid_record(
        **{"agency: UBND": f"agency: UBND{char}", "Nội dung.": f"Nội{char} dung."}
    )
    root = make_tree({"a.md": record})
    body = [(21, 4, "body", "stray-bom")] if char == "\ufeff" else []  # a warning, as before
    assert found(root) == [(6, 13, "agency", "zero-width"), *body]


def test_a_double_quoted_value_is_reported_once_whether_written_or_escaped(
    make_tree: MakeTree,
) -> None:
    """Written as is, the scan of the text points at the character; escaped, at the value."""
    record = valid_record(**{"title: Ngày thứ 6 nhanh": 'title: "Ngày\u202e thứ \\u202e6"'})
    root = make_tree({"a.md": record})
    assert found(root) == [(2, 8, "title", "escaped-character"), (2, 13, "title", "bidi-control")]
    record = valid_record(**{"title: Ngày thứ 6 nhanh": 'title: "Ngày\u202e thứ 6"'})
    root = make_tree({"a.md": record})
    assert found(root) == [(2, 13, "title", "bidi-control")]


def test_keys_are_decoded_strings_too(make_tree: MakeTree) -> None:
    root = make_tree({"a.md": valid_record(**{"status: active": 'status: active\n"a\\0b": 1'})})
    (issue,) = check_paths(root, [root / "a.md"]).issues
    assert issue.as_text().startswith(
        "a.md:11:1: error: aU+0000b: giá trị chứa U+0000, viết bằng mã thoát trong dấu nháy kép"
    )


def test_a_finding_names_five_characters_at_most(make_tree: MakeTree) -> None:
    escapes = "".join(f"\\x{code:02x}" for code in range(1, 9))
    record = valid_record(**{"agency: UBND xã": f'agency: "UBND{escapes} xã'})
    root = make_tree({"a.md": record.replace(" Bình Hòa\n", ' Bình Hòa"\n', 1)})
    (issue,) = check_paths(root, [root / "a.md"]).issues
    assert "the value holds U+0001, U+0002, U+0003, U+0004, U+0005…, written" in issue.message_en


@pytest.mark.parametrize("loader", ["C", "Python"])
def test_both_yaml_readers_give_the_same_findings(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, loader: str
) -> None:
    if loader == "Python":
        monkeypatch.setattr(yamlplain, "Loader", yaml.SafeLoader)
    record = valid_record(**{"title: Ngày thứ 6 nhanh": 'title: "Ngày\\e[2K \\N\\L\\P\\_"'})
    root = make_tree({"a.md": record})
    (issue,) = check_paths(root, [root / "a.md"]).issues
    assert issue.message_en.startswith("the value holds U+001B, U+0085, U+2028, U+2029, written")


def test_tabs_and_line_breaks_are_white_space_in_paragraphs_only(make_tree: MakeTree) -> None:
    record = valid_record(
        **{
            "summary: Mỗi thứ Sáu,": 'summary: "Mỗi thứ Sáu,\\t\\n',
            "người dân.": 'người dân."',
            "tags: [một cửa]": 'tags: ["một\\ncửa"]',
        }
    )
    root = make_tree({"a.md": record})
    assert found(root) == [(9, 8, "tags[0]", "not-one-line")]


# --- contests and scorecards are read by the same reader ---------------------------------

CONTEST = "contests/vi-du-hoi-thi-dak-lak-2025"


@pytest.fixture
def contest(tmp_path: Path) -> Path:
    import shutil

    for folder in ("initiatives", "contests"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    return tmp_path


def contest_findings(root: Path) -> list[tuple[str, int, int, str, str]]:
    issues = check_paths(root).issues
    return [(i.path, i.line, i.column, i.field, i.code) for i in issues if CONTEST in i.path]


def test_a_contest_file_refuses_escapes_and_look_alike_names(contest: Path) -> None:
    file = contest / CONTEST / "contest.yml"
    text = file.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    organiser = next(line for line in text.splitlines() if line.startswith("organiser:"))
    text = text.replace(title, 'title: "Hội thi\\x1b[2K"').replace(organiser, f"{organiser}\u200b")
    file.write_text(text, "utf-8")
    lines = text.splitlines()
    at = lines.index('title: "Hội thi\\x1b[2K"') + 1, lines.index(f"{organiser}\u200b") + 1
    assert contest_findings(contest) == [
        (f"{CONTEST}/contest.yml", at[0], 8, "title", "escaped-character"),
        (f"{CONTEST}/contest.yml", at[1], len(organiser) + 1, "organiser", "zero-width"),
    ]


def test_a_judges_comment_may_hold_lines_and_tabs_but_no_control(contest: Path) -> None:
    card = contest / CONTEST / "scores/gk-01.yml"
    text = card.read_text("utf-8")
    first_entry = next(
        line for line in text.splitlines() if line and not line.startswith(("#", " "))
    )
    card.write_text(
        text.replace(first_entry, f'{first_entry}\n  comment: "Tốt.\\n\\tRõ ràng."', 1), "utf-8"
    )
    assert contest_findings(contest) == []
    card.write_text(
        text.replace(first_entry, f'{first_entry}\n  comment: "Tốt.\\x9b2J"', 1), "utf-8"
    )
    assert contest_findings(contest) == [
        (f"{CONTEST}/scores/gk-01.yml", 5, 12, "ngay-thu-6-nhanh.comment", "escaped-character")
    ]
