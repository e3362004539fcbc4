"""Refuse Markdown bodies that would put active content into a public page.

Checked at ``sangkien check`` time, so an officer learns about it in the pull request;
the renderer sanitises again as a second line of defence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_RULES: tuple[tuple[re.Pattern[str], tuple[str, str]], ...] = (
    (
        re.compile(
            r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|form|meta|link|style)\b",
            re.IGNORECASE,
        ),
        ("thẻ <{0}>", "the HTML tag <{0}>"),
    ),
    (
        re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE),
        ("thuộc tính sự kiện {0}=", "an inline event handler {0}="),
    ),
    (
        re.compile(r"(javascript|vbscript)\s*:", re.IGNORECASE),
        ("liên kết '{0}:'", "a '{0}:' link"),
    ),
)


def unsafe_spans(body: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(line_index, column, what_vi, what_en)`` for each unsafe construct outside code."""
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
        for pattern, what in _RULES:
            for match in pattern.finditer(visible):
                name = match.group(1).lower()
                yield index, match.start() + 1, what[0].format(name), what[1].format(name)
