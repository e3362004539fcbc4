"""Vietnamese text: folding (place resolution, slugs, ordering by title) and making
user text literal in the generated Markdown.

Unicode decomposition strips tone marks but leaves "đ" alone (it is a letter of its
own, not "d" plus a mark), so it is mapped by hand. So is the Icelandic eth "Ð"/"ð"
(U+00D0/U+00F0), which looks the same as "Đ" and is what some keyboards and fonts give
for it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from slugify import slugify as _slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")


def fold(text: str) -> str:
    """Lower-case ASCII-ish text without tone marks: ``"Đắk Lắk"`` → ``"dak lak"``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def compact(text: str) -> str:
    """Folded text with everything but letters and digits removed."""
    return _NON_ALNUM.sub("", fold(text))


@lru_cache(maxsize=65_536)
def slug(text: str) -> str:
    """A URL slug of Vietnamese text, with "đ" kept as "d".

    Cached: python-slugify is slow per call, and the same tags recur on every page.
    """
    return _slugify(text.translate(_D_MAP))


def plain(text: str) -> str:
    """Collapse runs of white space, for comparing and displaying one-line texts."""
    return " ".join(text.split())


def md_escape(text: object) -> str:
    """Make user text literal in Markdown: no accidental emphasis, links or HTML.

    ``<`` and ``>`` become entities, not backslash escapes: Python-Markdown does not
    treat ``\\<`` as an escape, so the backslash would show on the page.
    """
    text = plain(str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)
