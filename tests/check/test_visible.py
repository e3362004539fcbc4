"""A finding never prints a control or invisible character: each is named, ``U+001B``.

What a message echoes (a file name, a value, a key) reaches a terminal, a GitHub
annotation and editors: ESC would rewrite the terminal, a line break forge a finding, a
right-to-left override reverse the rest of the line.
"""

from __future__ import annotations

import json

import pytest

from generator.visible import visible

from ..check.test_fuzz import run_main
from ..conftest import MakeTree, valid_record


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Đắk Lắk", "Đắk Lắk"),
        ("tab\there", "tabU+0009here"),
        ("\x1b[2K", "U+001B[2K"),
        ("nul\0", "nulU+0000"),
        ("del\x7f c1\x85", "delU+007F c1U+0085"),
        ("\u202eabc\u202c", "U+202EabcU+202C"),
        ("a\u200bb\u200dc\ufeff", "aU+200BbU+200DcU+FEFF"),
        ("line\u2028para\u2029", "lineU+2028paraU+2029"),
        ("non\ufffe\uffff\ufdd0\U0001fffe", "nonU+FFFEU+FFFFU+FDD0U+1FFFE"),
        ("lone \ud800", "lone U+D800"),
        ("nbsp\u00a0and private\ue000", "nbsp\u00a0and private\ue000"),  # seen, kept
        ("nha\u0323n", "nha\u0323n"),  # NFD marks are letters' parts
        # file names as a C locale decodes them (os.fsdecode): their UTF-8 read back
        ("nh\udce1\udcba\udcadn.md", "nhận.md"),
        ("x\udcff.md", "x\\xff.md"),
    ],
)
def test_visible_names_what_a_reader_cannot_see(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert visible(shown) == shown


NAME = "initiatives/dak-lak/a\x1b[2K\u202eb\nc.md"
SHOWN = "initiatives/dak-lak/aU+001B[2KU+202EbU+000Ac.md"


@pytest.fixture
def hostile_name(make_tree: MakeTree) -> str:
    """A valid record whose file name carries ESC, a right-to-left override and a newline."""
    return str(make_tree({NAME: valid_record(), "mkdocs.yml": ""}))


def test_the_text_report_names_the_characters_of_a_file_name(hostile_name: str) -> None:
    code, out, _ = run_main("--root", hostile_name, "check")
    assert code == 1
    assert out.splitlines() == [
        f"{SHOWN}:1:1: error: id: tên tệp 'aU+001B[2KU+202EbU+000Ac' không dùng được làm mã "
        "sáng kiến; chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ 'a-2kb-c.md' — "
        "file name 'aU+001B[2KU+202EbU+000Ac' is not a valid id; use lower-case ASCII letters, "
        "digits and hyphens, e.g. 'a-2kb-c.md'",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo. — Checked 1 file: 1 error, 0 warnings.",
    ]


def test_annotations_and_json_name_them_too(hostile_name: str) -> None:
    _, out, _ = run_main("--root", hostile_name, "check", "--format", "github")
    annotation = out.splitlines()[0]
    assert annotation.startswith(f"::error file={SHOWN},line=1,col=1,title=sangkien bad-id::id:")
    _, out, _ = run_main("--root", hostile_name, "check", "--format", "json")
    (issue,) = json.loads(out)["issues"]
    assert issue["path"] == SHOWN and "aU+001B[2KU+202EbU+000Ac" in issue["message_en"]
    for output in (annotation, out):
        assert not any(char in output for char in "\x1b\u202e")
