"""Text as it may be shown in a message: every invisible or controlling character named.

A finding echoes what a file holds (a value, a file name) to a terminal, a GitHub
annotation or an editor. Printed as is, ESC ``\\x1b[2K`` erases the terminal's line, a
line break forges a second finding, a right-to-left override reverses the text that
follows, and a zero-width space hides in plain sight. So each control (C0 and C1, DEL),
format character (bidi controls, zero-width characters, the byte-order mark), line and
paragraph separator, noncharacter and lone surrogate is shown as ``U+001B``.

A file name the file system could not decode (or that a C locale decoded as ASCII)
carries its bytes as surrogates (``os.fsdecode``): they are read back as UTF-8 first, so
``nhận.md`` is shown as itself and an invalid byte as ``\\xff``.
"""

from __future__ import annotations

import re
import unicodedata

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]")


def visible(text: str) -> str:
    """``text`` with each character a reader could not see, or that acts, as ``U+XXXX``."""
    if text.isprintable():  # almost always: nothing to name (isprintable is stricter)
        return text
    if _ESCAPED_BYTES.search(text):
        text = _from_file_system(text)
    return "".join(f"U+{ord(char):04X}" if is_hidden(char) else char for char in text)


def is_hidden(char: str) -> bool:
    """Whether ``char`` is one that ``visible`` names instead of printing."""
    code = ord(char)
    return (
        unicodedata.category(char) in _HIDDEN_CATEGORIES
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE  # U+FFFE, U+FFFF and their kin in every plane
    )


def _from_file_system(text: str) -> str:
    """The bytes ``os.fsdecode`` escaped, read as UTF-8; undecodable bytes as ``\\xff``."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # other lone surrogates too: leave them to be named
        return text
    return raw.decode("utf-8", "backslashreplace")
