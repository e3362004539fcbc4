"""On what authority a record says what it says: quoted figures, values marked inferred.

Every figure should be backed by the sentence it comes from (``sources[].quote``), so a
later edit cannot invent a number unnoticed. Vietnamese writes 257.190 and 68,8 where
English writes 257,190 and 68.8: a number in a quote is read both ways, and a figure is
backed when either reading equals it. A value the record's writer inferred (the year of
the article taken as the start, say) is listed in ``inferred`` and must exist.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..issues import Issue, Severity, make_issue
from ..load.sources import Source, field_name
from ..schema import MANY, METRICS
from .front import Front

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def readings(token: str) -> set[float]:
    """``"257.190"`` → {257190, 257.19}; ``"68,8"`` → {68.8, 688}: both conventions."""
    found = set()
    for text in (token.replace(".", "").replace(",", "."), token.replace(",", "")):
        try:
            found.add(float(text))
        except ValueError:  # "1.2.3" read the English way: not a number
            continue
    return found


def numbers_in(text: str) -> set[float]:
    return {value for token in _NUMBER.findall(text) for value in readings(token)}


def is_quoted(value: float, quotes: Iterable[str] | set[float]) -> bool:
    """Whether ``value`` is written in one of ``quotes`` (or is one of these numbers)."""
    numbers = quotes if isinstance(quotes, set) else quoted_numbers(quotes)
    if value in numbers:
        return True
    return any(math.isclose(value, number, rel_tol=1e-9, abs_tol=1e-9) for number in numbers)


def quoted_numbers(quotes: Iterable[str]) -> set[float]:
    """Every reading of every number in ``quotes``, read once for all of a record's figures."""
    return set().union(*(numbers_in(quote) for quote in quotes))


def check_evidence(front: Front) -> Iterator[Issue]:
    source = front.source
    yield from _check_placeholders(source)
    yield from _check_inferred(front)
    yield from _check_quoted_figures(source)


PLACEHOLDERS = frozenset({"...", "…", "x", "xx", "xxx", "todo", "tbd", "?", "??", "-", "n/a"})
_EXAMPLE_HOST = re.compile(r"^https?://([^/]*\.)?example\.(com|org|net)(/|$)", re.IGNORECASE)


def is_placeholder(value: str) -> bool:
    """A template's blank: ``...``, ``TODO``, ``https://example.com``, ``https://bao.vn/...``."""
    text = value.strip()
    if text.lower() in PLACEHOLDERS:
        return True
    is_url = text.lower().startswith(("http://", "https://"))
    return is_url and (bool(_EXAMPLE_HOST.match(text)) or text.endswith(("...", "…")))


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _check_placeholders(source: Source) -> Iterator[Issue]:
    for path, value in _strings(source.meta, ()):
        if is_placeholder(value) and path not in source.reported:
            yield _issue(source, "placeholder", path, field_name(path), value=value.strip())
    for number, line in enumerate(source.body.split("\n")):
        if line.strip() in ("...", "…"):
            line_no = source.body_line + number
            yield make_issue("placeholder", source.relpath, line_no, 1, "body", value=line.strip())


def _issue(source: Source, code: str, path: tuple[Any, ...], field: str, **params: Any) -> Issue:
    line, column = source.position(path)
    severity = params.pop("severity", Severity.ERROR)
    return make_issue(code, source.relpath, line, column, field, severity, **params)


def _check_inferred(front: Front) -> Iterator[Issue]:
    source, names = front.source, front.source.meta.get("inferred")
    seen: set[str] = set()
    for index, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str) or not front.passed("inferred", index):
            continue  # the model reports what is not a field name
        field = f"inferred[{index}]"
        if name in seen:
            yield _issue(source, "duplicate-item", ("inferred", index), field, value=name)
        elif source.meta.get(name) in (None, "", []):
            yield _issue(source, "inferred-missing", ("inferred", index), field, value=name)
        seen.add(name)


def _check_quoted_figures(source: Source) -> Iterator[Issue]:
    """Each figure against the numbers of every quote, read once: not once per figure."""
    citations, metrics = source.meta.get("sources"), source.meta.get("metrics")
    if not isinstance(metrics, list) or len(metrics) > METRICS:
        return  # the model reports a list over its limit
    if not isinstance(citations, list):
        citations = []
    if len(citations) > MANY:
        return
    quotes = quoted_numbers(
        citation["quote"]
        for citation in citations
        if isinstance(citation, dict) and isinstance(citation.get("quote"), str)
    )
    for index, metric in enumerate(metrics):
        if not isinstance(metric, dict):
            continue
        for key in ("value", "baseline"):
            value = metric.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                continue  # not a figure: the model says what is wrong with it
            if not is_quoted(value, quotes):
                path = ("metrics", index, key)
                yield _issue(
                    source,
                    "metric-not-quoted",
                    path,
                    f"metrics[{index}].{key}",
                    value=f"{value:g}",
                    severity=Severity.WARNING,
                )
