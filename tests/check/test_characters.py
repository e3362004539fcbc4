"""Control characters and their kin: located, bilingual errors, never a traceback.

The fixtures ``*-control-character.md``, ``*-line-separator.md``, ``*-noncharacter.md``,
``body-stray-bom.md`` and ``valid-unicode-text.md`` hold the exact messages; these tests
cover every code point of the rules and the paths around the YAML reader.
"""

from __future__ import annotations

import pytest
import yaml

from generator import yamlplain
from generator.check import check_paths
from generator.load import sources
from generator.yamlplain import PlainDocument

from ..conftest import MakeTree, valid_record

CONTROLS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]


def findings(root, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.as_text() for i in check_paths(root, [root / name]).issues]


@pytest.mark.parametrize("code_point", CONTROLS, ids=[f"U+{c:04X}" for c in CONTROLS])
def test_every_control_character_in_the_front_matter_is_located(
    make_tree: MakeTree, code_point: int
) -> None:
    text = valid_record(**{"agency: UBND": f"agency: UBND{chr(code_point)}"})
    root = make_tree({"a.md": text})
    (line,) = findings(root, "a.md")
    char = f"U+{code_point:04X}"
    assert line.startswith(f"a.md:6:13: error: agency: ký tự điều khiển {char} không ")
    assert f" — control character {char} is not allowed; " in line


@pytest.mark.parametrize("code_point", CONTROLS, ids=[f"U+{c:04X}" for c in CONTROLS])
def test_every_control_character_in_the_body_is_located(
    make_tree: MakeTree, code_point: int
) -> None:
    root = make_tree({"a.md": valid_record(**{"Nội dung.": f"Nội{chr(code_point)} dung."})})
    (line,) = findings(root, "a.md")
    assert line.startswith(f"a.md:21:4: error: body: ký tự điều khiển U+{code_point:04X} ")


def test_tab_cr_and_lf_in_the_body_are_text(make_tree: MakeTree) -> None:
    root = make_tree({"a.md": valid_record(**{"Nội dung.": "Nội\tdung.\r\n\r\nHết."})})
    assert findings(root, "a.md") == []


def test_one_bad_file_does_not_stop_the_others(make_tree: MakeTree) -> None:
    """The reported crash: one such file anywhere broke every check and build."""
    bad = valid_record(**{"title: Ngày thứ 6 nhanh": "title: Khác\x16"})
    root = make_tree(
        {"initiatives/dak-lak/hong.md": bad, "initiatives/dak-lak/tot.md": valid_record()}
    )
    assert check_paths(root, [root / "initiatives/dak-lak/tot.md"]).issues == []
    result = check_paths(root)
    assert [(i.path, i.line, i.column, i.code) for i in result.issues] == [
        ("initiatives/dak-lak/hong.md", 2, 12, "control-character")
    ]


def test_lone_carriage_returns_count_as_line_breaks(make_tree: MakeTree) -> None:
    """YAML reads a lone CR as a line break; so must the positions we report."""
    text = valid_record(**{"province: Đắk Lắk": "province: Dak Lakk"}).replace("\n", "\r")
    root = make_tree({"a.md": text.encode()})
    (line,) = findings(root, "a.md")
    assert line.startswith("a.md:4:11: error: province: không có tỉnh/thành 'Dak Lakk'")


@pytest.mark.parametrize("loader", ["C", "Python"])
def test_a_reader_error_is_located_at_the_character_it_names(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, loader: str
) -> None:
    """The last line of defence should a character slip past ``for_yaml``.

    libyaml reports a byte offset, PyYAML a character index: both land on the character.
    """
    monkeypatch.setattr(sources, "for_yaml", lambda text: text)
    if loader == "Python":
        monkeypatch.setattr(yamlplain, "Loader", yaml.SafeLoader)
    root = make_tree({"a.md": valid_record(**{"Krông": "Kr\x16ông"})})
    assert [i.as_text() for i in check_paths(root, [root / "a.md"]).issues if i.line == 5] == [
        "a.md:5:32: error: front-matter: ký tự điều khiển U+0016 không được phép; hãy xóa ký "
        "tự vô hình này ở đúng dòng và cột đã nêu (thường lẫn vào khi dán từ Word hoặc PDF) — "
        "control character U+0016 is not allowed; delete this invisible character at the line "
        "and column given (it usually comes from pasting from Word or a PDF)"
    ] * 2  # once from the scan of the file, once from the reader


def test_an_unmarked_yaml_error_is_still_a_located_finding(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(text: str, first_line: int = 1) -> PlainDocument:
        raise yaml.YAMLError("something odd\nmore detail")

    monkeypatch.setattr(sources, "read_plain", fail)
    root = make_tree({"a.md": valid_record()})
    assert findings(root, "a.md") == [
        "a.md:2:1: error: front-matter: lỗi cú pháp YAML: something odd; hãy kiểm tra dấu hai "
        "chấm, dấu nháy và thụt lề — YAML syntax error: something odd; check colons, quotes "
        "and indentation"
    ]
