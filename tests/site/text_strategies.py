"""Hypothesis strategies for the text a record may hold, built from the record model.

Each one-line field draws words that are hard for a page generator: Vietnamese letters
precomposed and decomposed (NFD), ``Đ``/``đ``, XML and HTML specials (``&``, ``<``,
quotes), Markdown punctuation, entity look-alikes and very long words, within the
length the model allows. ``check`` is the judge of what is accepted; the tests only
build what it accepts.

Left out for now: C0/C1 control characters, bidi controls and zero-width characters.
``check`` is being taught to refuse them (another change); once it does, add them here
so the property covers their refusal too.
"""

from __future__ import annotations

import typing
import unicodedata
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from generator.schema import Initiative

VIETNAMESE = (
    "Đắk", "Lắk", "đường", "Sở", "Công", "Thương", "Hòa", "Thắng", "xã", "một", "cửa",
    "tiền", "mặt", "Buôn", "Ma", "Thuột", "ĐIỆN", "TỬ", "Quảng", "Ngãi", "hộ", "tịch",
    "Ủy", "ban", "nhân", "dân", "phường", "Bắc", "Kạn", "nghĩa", "ưu", "tiên",
)  # fmt: skip
SPECIAL = (
    "&", "&&", "<", "< =", ">", "->", "-->", "]]>", '"', "'", "\"'\"", "*", "**", "_", "__",
    "[", "]", "](x)", "#", "|", "\\", "`", "{", "}", "{:", "{{", "}}", "{%", "%}", "!", "~",
    "&amp;", "&lt;b&gt;", "&#60;", "&#x3C;", "&copy", "&nbsp;", "<3", "a&b", "x>y", "(", ")",
    "1.", "-", "+", ":", ";", "?", "/", "%", "$", "@", "<!--", "<!x>", "<?", "<![CDATA[",
)  # fmt: skip
# Characters to draw words from: letters with every Vietnamese mark, digits and the specials
# above. No "<", which only the tokens place, never before a letter (a tag to ``check``).
ALPHABET = "".join(
    sorted(
        set("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩị")
        | set("óòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠÉÈÍÌÓÒÚÙÝ0123456789&>\"'*_[]#|\\`{}!~()")
    )
)


def nfd(word: str) -> str:
    """The same word with its marks as separate combining characters (as macOS writes)."""
    return unicodedata.normalize("NFD", word)


words = st.one_of(
    st.sampled_from(VIETNAMESE),
    st.sampled_from(VIETNAMESE).map(nfd),
    st.sampled_from(SPECIAL),
    st.text(ALPHABET, min_size=1, max_size=10),
    st.sampled_from(VIETNAMESE).map(lambda w: w * 12),  # a long word: no place to break it
)


def max_length(model: type[BaseModel], name: str) -> int | None:
    """The model's length limit for a text field (``None``: unlimited)."""
    annotation: Any = model.model_fields[name].annotation
    found = [*model.model_fields[name].metadata]
    if typing.get_origin(annotation) is list:
        found += [*typing.get_args(typing.get_args(annotation)[0])[1:]]
    limits = [getattr(m, "max_length", None) for m in found]
    return next((limit for limit in limits if limit is not None), None)


def one_line(model: type[BaseModel], name: str, most: int = 12) -> st.SearchStrategy[str]:
    """A one-line text for ``model.name``: words, mostly spaced, within its length limit."""
    limit = max_length(model, name) or 300
    spaced = st.lists(words, min_size=1, max_size=most).map(" ".join)
    joined = st.lists(words, min_size=2, max_size=4).map("".join)
    # a word that starts with a letter: a tag must make a slug, a title be a name
    return (
        st.tuples(st.sampled_from(VIETNAMESE), st.one_of(spaced, joined, st.just("")))
        .map(lambda parts: f"{parts[0]} {parts[1]}".strip()[:limit].strip())
        .filter(lambda text: not text.endswith("<"))
    )


def initiative_texts() -> st.SearchStrategy[dict[str, Any]]:
    """The record's free-text fields, drawn from the model's own limits."""
    return st.fixed_dictionaries(
        {
            "title": one_line(Initiative, "title"),
            "summary": one_line(Initiative, "summary", most=30),
            "agency": one_line(Initiative, "agency"),
            "tags": st.lists(one_line(Initiative, "tags", most=3), max_size=3),
        },
        optional={
            "title_en": one_line(Initiative, "title_en"),
            "summary_en": one_line(Initiative, "summary_en", most=30),
        },
    )
