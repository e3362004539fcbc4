"""Which source addresses a record may give: web pages that parse, and nothing that could
end a Markdown link early (the page emits them as ``<...>`` destinations anyway)."""

from __future__ import annotations

import pytest

from generator.check import check_paths

from ..conftest import MakeTree, valid_record


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://baodaklak.vn/xa-hoi/sang-kien-202411.html", True),
        ("http://caobang.gov.vn/tin?id=12#muc-2", True),
        ("https://vi.wikipedia.org/wiki/Đắk_Lắk_(tỉnh)", True),
        ("https://a.bc/x_(y)_(z)", True),
        ("https://baodaklak.vn:1/a", True),  # the lowest port
        ("https://baodaklak.vn:0/a", False),  # port 0 is no port
        ("https://a.bc/x)y", False),
        ("https://a.bc/(x", False),
        ("https://a.bc/x)(y", False),
        ("https://a.bc/x y", False),
        ('https://a.bc/x"y', False),
        ("https://a.bc:99999/", False),
        ("https://localhost/", False),
        ("ftp://a.bc/x", False),
        ("//a.bc/x", False),
    ],
)
def test_source_url(make_tree: MakeTree, url: str, accepted: bool) -> None:
    quoted = "'" + url.replace("'", "''") + "'"
    record = valid_record(**{"url: https://baodaklak.vn/bai-viet": f"url: {quoted}"})
    root = make_tree({"a.md": record})
    codes = [i.code for i in check_paths(root, [root / "a.md"]).issues]
    assert codes == ([] if accepted else ["bad-url"])
