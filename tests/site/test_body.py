"""A record's body on its page: sanitised HTML, with only top-level headings made Markdown."""

from __future__ import annotations

from generator.body.html import render_body


def test_only_top_level_headings_reach_the_table_of_contents() -> None:
    body = (
        "## Bối cảnh\n\nĐoạn đầu.\n\n"
        '!!! note "Ghi chú"\n    Một đoạn.\n\n    ## Bên trong\n\n    Đoạn cuối.\n\n'
        "## Kết quả\n\nXong.\n"
    )
    page = render_body(body)
    assert "## Bối cảnh" in page and "## Kết quả" in page
    assert "## Bên trong" not in page  # nested in the admonition: stays HTML, in its box
    inner = page.index("Bên trong")
    assert page.rfind('<div class="sk-body">', 0, inner) > page.index("## Bối cảnh")
    assert page.index("## Kết quả") > inner


def test_character_references_do_not_move_the_headings() -> None:
    page = render_body("Trước &amp; sau &#272;ắk.\n\n## Đắk &amp; Lắk\n\nCuối.\n")
    assert "## Đắk &amp; Lắk" in page or "## Đắk & Lắk" in page.replace("\\&", "&")
    assert page.rstrip().endswith("Cuối.</p>\n</div>")
