"""``check`` and the page agree on every link a body may write (Hypothesis).

A contributor learns from ``check`` what the page will drop: a link ``check`` refuses must
lose its address on the page, and a link it accepts must keep it. Addresses are drawn
with their characters sometimes written as HTML entities (``https&#58;//``, ``&#109;ailto``),
which Markdown and the browser decode: ``check`` must read them decoded too.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.body.html import render_body
from generator.body.safety import scan_body

SCHEMES = ["https", "http", "mailto", "javascript", "data", "ftp", "HTTPS", "vbscript"]
REST = ["//daklak.gov.vn/", "//dichvucong.gov.vn/p/home.html?a=1&b=2", "so@daklak.gov.vn",
        "alert(1)", "text/html,x", "//", "", "//bao.vn/đường"]  # fmt: skip


def entities(text: str, which: list[bool]) -> str:
    """``text`` with some characters written as numeric entities."""
    return "".join(
        f"&#{ord(c)};" if encode else c
        for c, encode in zip(text, which + [False] * len(text), strict=False)
    )


@st.composite
def addresses(draw: st.DrawFn) -> str:
    scheme, rest = draw(st.sampled_from(SCHEMES)), draw(st.sampled_from(REST))
    plain = f"{scheme}:{rest}" if draw(st.booleans()) or not rest else rest  # never empty
    colon = plain.find(":")
    encoded = draw(
        st.one_of(
            st.just([]),  # as typed
            st.just([n == colon for n in range(len(plain))]),  # https&#58;//
            st.just([n == 0 for n in range(len(plain))]),  # &#104;ttps:
            st.just([True] * len(plain)),  # every character
            st.lists(st.booleans(), max_size=len(plain)),
        )
    )
    return entities(plain, encoded)


@given(url=addresses())
def test_a_link_check_accepts_is_a_link_the_page_keeps(url: str) -> None:
    body = f"Xem [trang]({url}) nhé."
    refused = bool(scan_body(body).findings)
    page = BeautifulSoup(render_body(body), "html.parser")
    link = page.find("a")
    kept = link is not None and link.get("href") is not None
    assert refused is not kept, (html.unescape(url), page)
