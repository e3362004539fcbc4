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

_D_LETTERS = (("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"))
_D_MAP = str.maketrans(dict(_D_LETTERS))
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")


def fold(text: str) -> str:
    """Lower-case ASCII-ish text without tone marks: ``"Đắk Lắk"`` → ``"dak lak"``.

    Called for every title, summary and place of every record (duplicates, places, the
    search's folded terms), so the marks go in one regular-expression pass rather than a
    Python test per character (and ``đ`` by ``replace``: ``translate`` with a table is
    slower than four replaces).
    """
    if text.isascii():
        return text.lower()
    for letter, plain_letter in _D_LETTERS:
        text = text.replace(letter, plain_letter)
    stripped = _combining_marks().sub("", unicodedata.normalize("NFD", text.lower()))
    if stripped.isascii() or all(ord(ch) <= 0xFFFF for ch in stripped):
        return stripped
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))  # astral marks


def fold_title(text: str) -> str:
    """A title or name folded for comparing with another: ``fold``, and runs of white space
    as one space (a title pasted with double spaces is the same title)."""
    return plain(fold(text))


def has_d(word: str) -> bool:
    """Whether ``word`` has a letter ``fold`` turns into d: đ, Đ, or their look-alikes ð, Ð."""
    return any(letter in word for letter, _ in _D_LETTERS)


@lru_cache(maxsize=1)
def _combining_marks() -> re.Pattern[str]:
    """Every combining mark of the Basic Multilingual Plane (built once, in 3 ms)."""
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile(f"[{re.escape(marks)}]")


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
