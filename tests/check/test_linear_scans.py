"""Every scan over a record's text reads it in one pass: shapes that took minutes.

Each shape is big enough to hang the regular expression it replaced (killed after 120 s)
and is read here in well under a second; the test asserts the result, never a time
(``bench/adversarial.py`` measures the growth).
"""

from __future__ import annotations

from pathlib import Path

from generator.body.safety import scan_body
from generator.load.sources import peek_source
from generator.messages import EN
from generator.places import name_key
from generator.publish.search import folded_terms

from ..conftest import MakeTree, valid_record

SPACES = " " * 300_000


def findings(body: str) -> list[tuple[int, str]]:
    return [(f.offset, f.what.in_language(EN)) for f in scan_body(body).findings]


def test_a_province_with_a_long_run_of_spaces_keeps_its_key() -> None:
    assert name_key("Đắk" + SPACES + "Lắk") == "daklak"
    assert name_key("Đắk Lắk" + SPACES + "(cũ)" + SPACES) == "daklak"


def test_runs_of_one_to_a_thousand_backticks_are_code_found_in_one_pass() -> None:
    body = " ".join("`" * n for n in range(1, 1001)) + " <script>"
    assert findings(body) == [(len(body) - 8, "the HTML tag <script>")]


def test_a_code_span_still_hides_what_it_shows() -> None:
    body = "x ```a`` <script> `` <b onclick=x>"  # "``a``" is the code, the rest is not
    assert findings(body) == [(9, "the HTML tag <script>"), (21, "the attribute onclick= on <b>")]


def test_a_line_of_brackets_before_a_link_is_read_once() -> None:
    body = "[" * 200_000 + "\n[a](javascript:alert(1))"
    assert findings(body) == [(200_005, "a link to 'javascript:alert(1)'")]


def test_angle_destinations_stop_at_the_next_angle_bracket() -> None:
    body = "[a](<#x " * 50_000 + "[b](javascript:x)"
    assert findings(body) == [(len(body) - 13, "a link to 'javascript:x'")]


def test_a_reference_with_a_long_run_of_spaces_is_read_once() -> None:
    body = "[a]:" + SPACES + "\n" + SPACES + "\n[b]: javascript:x"
    assert findings(body) == [(len(body) - 12, "a link to 'javascript:x'")]


def test_search_terms_of_a_text_full_of_angle_brackets() -> None:
    assert folded_terms(["<" * 300_000 + " Đắk Lắk"]) == ["dak", "daklak"]


def test_a_plain_title_with_a_long_run_of_spaces_is_peeked(make_tree: MakeTree) -> None:
    title = "Ngày" + " " * 100_000 + "nhanh"
    root = make_tree({"a.md": valid_record(**{"Ngày thứ 6 nhanh": title})})
    source = peek_source(Path(root, "a.md"), root)
    assert source is not None
    assert source.meta == {"title": title, "province": "Đắk Lắk"}
