"""A body the Markdown or HTML parsers could not read in linear time is refused, located.

The four shapes of issue 21 each stopped the build for good (killed after 120 s): runs of
1 to 1,000 backticks, 40,000 ``[``, 300,000 ``<a ``. They are refused by their size now,
and the same shapes within the size limit by the rule that keeps each parser linear
(``generator/body/shape.py``). Sizes are big enough to hang the old code; every test
asserts the result, never a time (``bench/adversarial.py`` measures the growth).
"""

from __future__ import annotations

import pytest

from generator.body.html import render_body
from generator.body.safety import scan_body
from generator.body.shape import MAX_CHARS, body_shape, unclosed_html
from generator.check import check_paths
from generator.messages import EN

from ..conftest import MakeTree, valid_record

LINE = 22  # valid-minimal.md: what is added to the body starts on this line


def check(make_tree: MakeTree, snippet: str) -> list[str]:
    root = make_tree({"a.md": valid_record() + snippet})
    return [issue.as_text() for issue in check_paths(root, [root / "a.md"]).issues]


def too_long(length: int) -> str:
    return (
        f"a.md:22:29977: error: body: nội dung dài {length} ký tự, tối đa 30000; hãy rút gọn,"
        " giữ phần chính và dẫn nguồn cho phần còn lại — the body is"
        f" {length} characters long, at most 30000 allowed; shorten it, keep the main points"
        " and cite the source for the rest"
    )


UNCLOSED = (
    "dấu '[' không có ']' đóng trên cùng dòng (và cùng ô của bảng); muốn viết dấu ngoặc"
    " vuông như chữ thường, hãy viết '\\[' — '[' is not closed by ']' on the same line (and"
    " table cell); write '\\[' for a literal bracket"
)


@pytest.mark.parametrize(
    ("snippet", "length"),
    [
        (" ".join("`" * n for n in range(1, 1001)), 501_524),
        ("[" * 40_000, 40_025),
        ("<a " * 300_000, 900_025),
    ],
    ids=["backtick-runs", "brackets", "open-tags"],
)
def test_the_shapes_of_issue_21_are_refused_by_their_size(
    make_tree: MakeTree, snippet: str, length: int
) -> None:
    assert check(make_tree, snippet + "\n") == [too_long(length)]


def test_a_line_of_brackets_is_refused_at_its_first_brackets(make_tree: MakeTree) -> None:
    found = check(make_tree, ("[" * 2000 + "\n") * 10)
    assert found[:2] == [
        f"a.md:22:1: error: body: {UNCLOSED}",
        f"a.md:22:2: error: body: {UNCLOSED}",
    ]
    assert found[4] == (
        "a.md:22:4: error: body: ngoặc vuông lồng nhau quá 3 tầng; hãy bớt ngoặc, hoặc viết"
        " '\\[' cho dấu ngoặc như chữ thường — square brackets nested more than 3 deep; remove"
        " some, or write '\\[' for a literal bracket"
    )
    assert len(found) == 21  # twenty, then how many more
    assert found[-1] == (
        "a.md:22:20: error: body: và 19990 chỗ khác trong nội dung, cần sửa như trên"
        " — and 19990 more places in the body, to fix as above"
    )


def test_open_tags_that_never_close_are_refused_each_where_it_opens(make_tree: MakeTree) -> None:
    found = check(make_tree, ("<a " * 900 + "\n") * 10)
    assert found[1] == (
        "a.md:22:4: error: body: '<a <a <a <a ' mở một thẻ HTML nhưng không đóng đúng cách"
        " (thiếu '>', dấu nháy của thuộc tính chưa đóng trước '>', hoặc chú thích thiếu"
        " '-->'); muốn viết dấu '<' như chữ thường, hãy viết '&lt;' — '<a <a <a <a ' opens an"
        " HTML tag that is not closed properly (no '>', an attribute's quote left open before"
        " the '>', or a comment without '-->'); write '&lt;' for a literal '<'"
    )
    assert found[-1].endswith("and 8980 more places in the body, to fix as above")


@pytest.mark.parametrize(
    ("snippet", "column", "message_en"),
    [
        ("x" * 3001, 3001, "the line is 3001 characters long, at most 3000 allowed; break it,"
         " or separate paragraphs with a blank line"),
        ("- " * 10 + "x", 19, "this line nests more than 8 levels (lists, '>' quotes or"
         " indentation); nest less or remove spaces at the start"),
        ("> " * 9 + "x", 19, "this line nests more than 8 levels (lists, '>' quotes or"
         " indentation); nest less or remove spaces at the start"),
        ("| [a | b] |", 3, "'[' is not closed by ']' on the same line (and table cell);"
         " write '\\[' for a literal bracket"),
        ('!!! note "[a" b]', 11, "'[' is not closed by ']' on the same line (and table cell);"
         " write '\\[' for a literal bracket"),
        ("[[[[a]]]] [b]", 4, "square brackets nested more than 3 deep; remove some, or write"
         " '\\[' for a literal bracket"),
        ("[a](https://x.vn/it's)", 4, "the link's address holds a quote; quotes only go around"
         " a title at its end, as in [text](https://… \"title\"); in the address write %27 for"
         " ' and %22 for \""),
        ("[a](https://x.vn/ [b](https://y.vn))", 22, "a link inside another link's address;"
         " separate the two links"),
        ("[a](https://x.vn/(b", 4, "the link's address opened with '(' is not closed by ')'"
         " on the same line; close it"),
        ("`[a` b]", 2, "a link holds a backtick (code) in its text or address; take the"
         " backtick out of the link"),
        ('<abbr title="a>b">x</abbr>', 1, "'<abbr title=' opens an HTML tag that is not closed"
         " properly (no '>', an attribute's quote left open before the '>', or a comment"
         " without '-->'); write '&lt;' for a literal '<'"),
        ("<!-- ghi chú", 1, "'<!-- ghi chú' opens an HTML tag that is not closed properly (no"
         " '>', an attribute's quote left open before the '>', or a comment without '-->');"
         " write '&lt;' for a literal '<'"),
    ],
    ids=["long-line", "nested-lists", "nested-quotes", "table-cell", "admonition-title",
         "deep-brackets", "quote-in-address", "link-in-address", "unclosed-address",
         "code-in-link", "gt-in-a-value", "unclosed-comment"],
)  # fmt: skip
def test_each_rule_points_at_its_place(
    make_tree: MakeTree, snippet: str, column: int, message_en: str
) -> None:
    root = make_tree({"a.md": valid_record() + snippet + "\n"})
    first = check_paths(root, [root / "a.md"]).issues[0]
    assert (first.line, first.column, first.field, first.message_en) == (
        LINE,
        column,
        "body",
        message_en,
    )


def test_a_thousand_lines_are_the_most(make_tree: MakeTree) -> None:
    assert check(make_tree, "x\n\n" * 498) == []  # and the 4 lines the body starts with
    assert check(make_tree, "x\n\n" * 498 + "x\n") == [
        "a.md:1018:1: error: body: nội dung có 1001 dòng, tối đa 1000; hãy rút gọn"
        " — the body has 1001 lines, at most 1000 allowed; shorten it"
    ]


def test_a_block_of_two_hundred_lines_is_the_most(make_tree: MakeTree) -> None:
    """Python-Markdown reads the rest of a block again for each heading in it."""
    assert check(make_tree, "\n" + "## a\n" * 200 + "\n" + "## b\n" * 200) == []
    assert check(make_tree, "\n" + "## a\n" * 201) == [
        "a.md:223:1: error: body: quá 200 dòng liền nhau không có dòng trống (một đoạn văn,"
        " danh sách hoặc bảng); hãy chèn một dòng trống để tách, hoặc chia bảng làm hai"
        " — more than 200 lines in a row without a blank line (one paragraph, list or"
        " table); insert a blank line to split them, or split the table in two"
    ]


def test_what_officers_write_passes() -> None:
    body = (
        "## Kết quả\n\n"
        'Theo [Báo Đắk Lắk](https://baodaklak.vn/bai "Bài gốc"), 70 doanh nghiệp [^1] tham gia'
        " (trong đó có 15 hộ kinh doanh); xem ![sơ đồ](anh/so-do.png) và [[1]](#fn:1).\n\n"
        "| Năm | Hồ sơ trễ hạn |\n|---|---|\n| 2022 | 341 |\n| 2023 | 6 |\n\n"
        '!!! note "Ghi chú [nguồn]"\n    Số liệu <abbr title="Ủy ban nhân dân">UBND</abbr>'
        " xã cung cấp.<br>\n\n- mục một\n    - mục con\n        > trích dẫn\n\n"
        '<!-- ghi chú\nnhiều dòng -->\n<img\n  src="anh/quay.png" alt="Quầy">\n\n'
        "[^1]: Theo [báo cáo](https://x.vn/a(b)c) của Sở, \\[chưa công bố\\].\n"
    )
    assert body_shape(body) == []


def test_a_body_at_the_size_limit_is_checked_and_rendered() -> None:
    paragraph = "Tổ công nghệ số cộng đồng [hỗ trợ](https://x.vn/a) người dân **nộp hồ sơ**.\n\n"
    body = paragraph * (MAX_CHARS // len(paragraph))
    assert body_shape(body) == []
    assert scan_body(body).findings == []
    page = render_body(body)
    assert page.count('<a href="https://x.vn/a"') == MAX_CHARS // len(paragraph)


def test_the_scanner_never_meets_a_tag_it_cannot_close() -> None:
    """The check's own HTML scan reads 300,000 unclosed tags in one pass (they are hidden
    from it, and refused by the shape rules)."""
    text = "<b onclick=x> " + "<a " * 100_000 + "<!--" + "<a b='" * 50_000
    assert scan_body(text).findings[0].what.in_language(EN) == "the attribute onclick= on <b>"
    assert len(unclosed_html(text)) == 150_001


def footnote_references(count: int) -> str:
    """``count`` references to one footnote, 700 to a line, then its definition."""
    refs = "[^1]" * count
    lines = [refs[at : at + 2800] for at in range(0, len(refs), 2800)]
    return "\n" + "\n".join(lines) + "\n\n[^1]: https://baodaklak.vn/nguon\n"


def test_references_to_one_footnote_are_counted(make_tree: MakeTree) -> None:
    """Python-Markdown numbers each further reference to a footnote by trying 2, 3, 4… in
    turn: 7,000 references to one footnote (28,000 characters) passed the check and took
    30 s to render. At most 100 footnote marks ``[^`` in a body, each refused where it is
    the 101st."""
    assert check(make_tree, footnote_references(99)) == []
    assert check(make_tree, footnote_references(7_000)) == [
        "a.md:23:401: error: body: nội dung có 7001 dấu chú thích '[^', tối đa 100; hãy giữ"
        " những chú thích chính, nhắc lại một chú thích bằng lời thay vì '[^…]' — the body has"
        " 7001 footnote marks '[^', at most 100 allowed; keep the main footnotes, and refer"
        " to one again in words rather than with '[^…]'"
    ]
