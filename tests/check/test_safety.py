"""What a body may hold: the allowlist as the checker reads it and as nh3 applies it.

``test_hostile_input.py`` proves hostile records are refused and inert; these pin the
policy's edges: which links and images pass, what each finding says, and that the
checker and the sanitiser agree on harmless markup.
"""

from __future__ import annotations

import pytest

from generator.body.safety import (
    image_allowed,
    link_allowed,
    sanitize_html,
    scan_body,
)
from generator.messages import EN, VI


def findings(body: str) -> list[tuple[int, str, str]]:
    return [
        (f.offset, f.what.in_language(VI), f.what.in_language(EN)) for f in scan_body(body).findings
    ]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://dichvucong.gov.vn/p/home.html", True),
        ("http://baodaklak.vn", True),
        ("mailto:sct@daklak.gov.vn", True),
        ("#fn:1", True),
        ("HTTPS://A.VN/", True),
        ("mailto:", False),
        ("https://", False),
        ("//evil.example/", False),
        ("/tinh/", False),
        ("khac.md", False),
        ("javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("jav&#x61;script:alert(1)", False),
        ("data:text/html,x", False),
        ("http://[::1", False),  # does not parse
    ],
)
def test_links_go_to_web_pages_mail_or_this_page(url: str, allowed: bool) -> None:
    assert link_allowed(url) is allowed


@pytest.mark.parametrize(
    ("src", "allowed"),
    [
        ("anh/quay.png", True),
        ("quay.png", True),
        ("", False),
        ("/etc/anh.png", False),
        ("\\\\may-chu\\anh.png", False),
        ("https://tracker.example/p.gif", False),
        ("//tracker.example/p.gif", False),
        ("data:image/png;base64,AAAA", False),
        ("http://[::1", False),  # does not parse
    ],
)
def test_images_are_files_beside_the_record(src: str, allowed: bool) -> None:
    assert image_allowed(src) is allowed


def test_each_finding_names_what_the_page_would_drop() -> None:
    long_url = "https://tracker.example/" + "a" * 80
    body = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n'
        "<?php echo 1; ?>\n"
        f'<img src="{long_url}" alt="x">\n'
        '<a href="javascript:alert(1)">x</a>\n'
        '<p style="color:red">x</p>\n'
        "<center>x</center>\n"
    )
    at = body.index
    assert findings(body) == [
        (0, "khai báo <!DOCTYPE html PUBLIC >", "the declaration <!DOCTYPE html PUBLIC >"),
        (at("<?php"), "chỉ thị <?...>", "an instruction <?...>"),
        (at("<img"), f"ảnh từ địa chỉ '{long_url[:60]}'", f"an image from '{long_url[:60]}'"),
        (at("<a "), "liên kết 'javascript:alert(1)'", "a link to 'javascript:alert(1)'"),
        (at("<p "), "thuộc tính style= của thẻ <p>", "the attribute style= on <p>"),
        (at("<center"), "thẻ <center>", "the HTML tag <center>"),
    ]


def test_markup_the_page_keeps_is_not_reported() -> None:
    body = (
        '<a href="https://ok.example/" title="Cổng">ok</a> <sup id="fnref:1">1</sup> '
        '<abbr title="Ủy ban nhân dân">UBND</abbr> <div class="admonition note">x</div> '
        '<img src="anh/quay.png" alt="Quầy"> ![Quầy](anh/b.png) `<script>` a < b > c'
    )
    assert findings(body) == []
    at = body.index
    assert scan_body(body).images == [(at("anh/b"), "anh/b.png"), (at("<img"), "anh/quay.png")]


def test_the_sanitiser_keeps_the_allowlist_and_drops_the_rest() -> None:
    html = (
        '<p class="lead">x <a href="//evil.example/" class="footnote-ref">a</a>'
        ' <a href="https://ok.vn/" rel="external noopener bookmark" onclick="x()">b</a>'
        ' <img src="anh/a.png" alt="A"> <img src="https://t.example/p.gif" alt="T"></p>'
        '<div class="admonition tip evil"><p class="admonition-title">Mẹo</p></div>'
        '<ol><li id="fn:1">c</li><li id="__search">d</li></ol><script>alert(1)</script>'
    )
    assert sanitize_html(html, lambda src: "1-" + src.rsplit("/", 1)[-1]) == (
        '<p class="">x <a class="footnote-ref">a</a>'
        ' <a href="https://ok.vn/" rel="external noopener">b</a>'
        ' <img src="1-a.png" alt="A"> <img alt="T"></p>'
        '<div class="admonition tip"><p class="admonition-title">Mẹo</p></div>'
        '<ol><li id="fn:1">c</li><li>d</li></ol>'
    )


def test_code_is_shown_not_run_and_what_follows_it_is_checked() -> None:
    body = (
        "```html\n<script>a</script>\n```\n"
        "Sau khối mã: `<iframe>` <https://ok.vn/> <SCRIPT>\n"
        "~~~~\n<style>x</style>\n~~~~\n"
        '![ảnh ngoài](https://t.example/p.gif) <a href="java&#9;script:x">tải</a> <form>\n'
        "[r]: <vbscript:y>\n<!--><Object>-->\n"
    )
    at = body.index
    assert sorted(findings(body)) == [
        (at("<SCRIPT"), "thẻ <script>", "the HTML tag <script>"),
        (at("https://t"), "ảnh từ địa chỉ 'https://t.example/p.gif'",
         "an image from 'https://t.example/p.gif'"),
        (at('<a href="java'), "liên kết 'javascript:x'", "a link to 'javascript:x'"),
        (at("<form"), "thẻ <form>", "the HTML tag <form>"),
        (at("<vbscript"), "liên kết 'vbscript:y'", "a link to 'vbscript:y'"),
        (at("<Object"), "thẻ <object>", "the HTML tag <object>"),
    ]  # fmt: skip


def test_only_images_of_the_repository_are_listed_to_check() -> None:
    body = "[tải](tai-lieu.pdf) ![ngoài](https://t.example/p.gif) ![có dấu cách](<anh/a b.png>)"
    assert scan_body(body).images == [(body.index("<anh/a b"), "anh/a b.png")]
    assert [what for _, _, what in findings(body)] == [
        "a link to 'tai-lieu.pdf'",
        "an image from 'https://t.example/p.gif'",
    ]  # a destination in <...> is not read as an HTML tag


def test_the_sanitiser_removes_what_markdown_never_makes() -> None:
    html = (
        "<details><summary>Tóm</summary>ý</details><center>giữa</center>"
        "<noscript>ẩn</noscript><textarea>nhập</textarea><!-- ghi chú --><p>hết</p>"
    )
    assert sanitize_html(html) == "Tómýgiữa<p>hết</p>"


def test_a_destination_loses_only_its_angle_brackets() -> None:
    body = "![X](X.png) ![Y](<XanhX.png>)"
    assert scan_body(body).images == [(5, "X.png"), (body.index("<Xanh"), "XanhX.png")]


def test_the_sanitiser_keeps_links_of_the_web_and_mail_only() -> None:
    html = (
        '<a href="tel:0262">gọi</a><a href="ftp://x.example/a">tải</a><a href="sms:1">nhắn</a>'
        '<a href="https://x.example/">web</a><a href="mailto:a@x.example">thư</a>'
    )
    assert sanitize_html(html) == (
        "<a>gọi</a><a>tải</a><a>nhắn</a>"
        '<a href="https://x.example/">web</a><a href="mailto:a@x.example">thư</a>'
    )


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Xem <![x]> nhé", [(4, "the declaration <![x]>")]),
        ("<![i](a\nb.png)", []),  # not closed: text
        ("a <![ b", []),
        ("<![if x]>", [(0, "the declaration <!if x>")]),
        (
            "<b>đậm</b> <![x]><img src=x onerror=alert(1)>",  # read on just after its ">"
            [(11, "the declaration <![x]>"), (17, "the attribute onerror= on <img>")],
        ),
        ("<br/><img src=x onerror=alert(1) />", [(5, "the attribute onerror= on <img>")]),
        (
            "<![x]> <img src=x onerror=alert(1)>",
            [(0, "the declaration <![x]>"), (7, "the attribute onerror= on <img>")],
        ),
    ],
)
def test_a_bogus_declaration_is_found_not_crashed_on(body: str, found: list[object]) -> None:
    """Python before 3.13 raises AssertionError on ``<![`` it cannot name."""
    assert [(f.offset, f.what.in_language(EN)) for f in scan_body(body).findings] == found


def test_a_footnote_is_no_link_reference() -> None:
    """``[^1]: Theo báo cáo…`` is a footnote (the contributor guide offers them), and was
    reported as "a link to 'Theo'": every footnote that did not start with an address was
    refused. What a footnote holds is still checked like the rest of the body."""
    body = (
        "Kết quả[^1] và[^nguon].\n\n"
        "[^1]: Theo báo cáo của Sở, [xem](https://ok.vn/a).\n"
        "[^nguon]: [độc](javascript:alert(1)) <https://ok.vn/b>\n"
        "[ref]: Theo\n"
    )
    at = body.index
    assert sorted(findings(body)) == [
        (at("javascript"), "liên kết 'javascript:alert(1)'", "a link to 'javascript:alert(1)'"),
        (at("Theo\n"), "liên kết 'Theo'", "a link to 'Theo'"),
    ]
