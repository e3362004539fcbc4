"""Search: what Pagefind indexes of a page, and the folded words it cannot make itself.

Pagefind (run by ``build`` over the built site) folds tone and vowel marks since 1.5, but
not đ, which has no Unicode decomposition: "dak lak" would miss "Đắk Lắk" and "duong"
"đường". Each initiative page therefore carries, hidden and out of the excerpt, its đ-words
folded ("dak", "duong") and its runs of capitalised words folded and joined ("daklak",
"buonmathuot"), as Pagefind metadata; and its place and domains as metadata the results
show. Measured on a Vietnamese test site: 30 of 30 queries found their page first with
this and the query wrapper in ``assets/search.js`` (see the project's research notes).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from ..records import Record
from ..text import fold, has_d

_WORD = re.compile(r"\w+")
# A tag ends at the next "<" too: "<<<<" is read in one pass, not one pass per "<".
_TAGS = re.compile(r"<[^<>]+>|[#*_`\[\]()>|!]")
_BREAK = re.compile(r"[^\w\s]+")


def folded_terms(texts: Iterable[str]) -> list[str]:
    """đ-words folded, and runs of 2+ capitalised words folded and joined, once each."""
    found: dict[str, None] = {}
    for raw in texts:
        text = unicodedata.normalize("NFC", html.unescape(_TAGS.sub(" ", raw)))
        for word in _WORD.findall(text):
            if has_d(word):  # the look-alike Ð too, as fold reads it
                found[fold(word)] = None
        for segment in _BREAK.split(text):
            run: list[str] = []
            for word in [*segment.split(), ""]:
                if word[:1].isupper():
                    run.append(word)
                    continue
                if len(run) >= 2:
                    found["".join(fold(w) for w in run)] = None
                run = []
    return list(found)


def search_meta(record: Record) -> str:
    """A hidden block of Pagefind metadata for the record's page (one line of raw HTML)."""
    i = record.initiative
    place = record.place.label
    domains = ", ".join(d.short for d in record.domains)
    texts = [
        i.title,
        i.summary,
        place,
        record.place.current.name,
        i.agency,
        i.locality or "",
        *i.tags,
        record.body,
    ]
    fold_words = " ".join(folded_terms(texts))
    e = html.escape
    return (
        "<div hidden data-pagefind-ignore data-search-exclude>"
        f'<span data-pagefind-meta="place">{e(place)}</span>'
        f'<span data-pagefind-meta="domain">{e(domains)}</span>'
        f'<span data-pagefind-meta="fold">{e(fold_words)}</span></div>'
    )
