"""A deterministic mutator: broken copies of the bundled records, to prove no input crashes.

Each mutant is a bundled ``initiatives/**/*.md`` file with one to three edits of the
kinds a hand-edited file really suffers (lines deleted, duplicated, swapped or shifted,
truncation, stray YAML tokens, odd Unicode, flipped bytes, invalid UTF-8), plus a few
shapes aimed at the YAML reader's corners (malformed numbers, very long numbers,
deep nesting). The same seed always gives the same mutants, so a failure reproduces.
Used by ``tests/check/test_fuzz.py`` and ``bench/fuzz_check.py``.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((PROJECT / "initiatives").rglob("*.md"))

YAML_TOKENS = [
    ":", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object ", "!!str ",
    "? ", "|", ">", "%YAML 1.1", "---", "...", "#", "'", '"', "@", "`", "<<: ", "!",
]  # fmt: skip
ODD_TEXT = [
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x16", "\x1b[31m", "\x7f", "\x85", "\x9b",
    "\ufeff", "\u200f", "\u200e", "\u202e", "\u2066", "\u200d", "\u200b", "\u00ad",
    "\u0301", "\u0323\u0302", "\u2028", "\u2029", "\ufffe", "\uffff", "\ufffd", "\U0010ffff",
    "\U0001f600", "\ue000", "\ufdd0", "\t", "\r", "\u3000", "\u00a0",
]  # fmt: skip
NUMBERISH = [
    "0b_", "0x_", "._", "0o7", "0x1F", "0b101", "1_000", "1:30", "190:20:30", ".inf",
    "-.inf", ".nan", "1e400", "-0", "+1", "0.", ".5", "1" * 5000, "9" * 400 + ".5",
    "~", "null", "yes", "Off", "2024-13-45", "2024-02-30T25:61:00Z",
]  # fmt: skip
EXTRA_FIELDS = [
    "images:\n  - src: " + "a" * 300 + ".png\n    alt: x",
    "images:\n  - src: anh/" + "đ" * 200 + ".png\n    alt: x",
    "images:\n  - src: ../../../../../etc/passwd\n    alt: x",
    "images:\n  - src: /dev/null\n    alt: x",
    "images:\n  - src: .\n    alt: x",
    "images: [{src: '', alt: ''}, 3, null, [x]]",
    "metrics: [{label: a, value: 1e400}, {label: b, value: -0.0, baseline: .nan}]",
    "metrics: [{}, [], x]",
    "started: 99999999999",
    "ended: 0000-00-00",
    "recognition: [{year: 1" + "0" * 30 + ", title: x}]",
    "contact: {email: 'a@b.cc', phone: 1, name: [x]}",
    "replicated_in: [" + "x" * 1000 + ", Đắk Lắk, 7, null, {a: b}]",
    "domains: [procedures, procedures, " + "y" * 500 + ", 1, [2]]",
    "tags: " + "[t, " * 5 + "t" + "]" * 5,
    "level: district",
    "province: " + "Đắk Lắk " * 200,
]
BODY_MARKUP = [
    "![a](a\x00.png)", "![b](" + "b" * 5000 + ".png)", '<img src="\x00">', "<img src=>",
    "[x](javascript:alert(1))", '<a href="&#0;">x</a>', "<scr<script>ipt>", "![z](../../x.png)",
    "<!--", "<![CDATA[x", "<?php echo 1 ?>", "<!DOCTYPE x>", "&#xD800;", "&#x110000;",
    "[r]: <>", "![](<>)", "<a href='", "<" * 500, "[" * 500 + "](x)", "```\n<script>",
    "![x](anh/a.png 'title')", "<img src=anh/%00.png>", "<math><mi xlink:href=x>",
]  # fmt: skip
INVALID_UTF8 = [b"\xff", b"\xc3", b"\xe0\x80", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf8\x88"]


@dataclass(frozen=True)
class Mutant:
    """One broken record: where it came from, what was done to it, and its bytes."""

    origin: Path
    edits: tuple[str, ...]
    data: bytes


def mutants(count: int, seed: int = 13, files: Sequence[Path] = BUNDLED) -> Iterator[Mutant]:
    """``count`` mutants of ``files`` (the bundled records), the same ones for the same seed."""
    rng = random.Random(seed)
    originals = [(path, path.read_bytes()) for path in files]
    for _ in range(count):
        origin, data = rng.choice(originals)
        edits = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            name, mutate = rng.choice(MUTATIONS)
            data = mutate(rng, data)
            edits.append(name)
        yield Mutant(origin, tuple(edits), data)


def _line_index(rng: random.Random, lines: list[bytes]) -> int:
    """Mostly a front-matter line (the first 25), where the parser is exercised."""
    if rng.random() < 0.8:
        return rng.randrange(min(len(lines), 25))
    return rng.randrange(len(lines))


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    lines = data.split(b"\n")
    index = _line_index(rng, lines)
    line = lines[index]
    at = rng.randrange(len(line) + 1)
    lines[index] = line[:at] + piece + line[at:]
    return b"\n".join(lines)


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    del lines[_line_index(rng, lines)]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    index = _line_index(rng, lines)
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    a, b = _line_index(rng, lines), _line_index(rng, lines)
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def shift_indent(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    index = _line_index(rng, lines)
    shift = rng.choice((-4, -2, -1, 1, 2, 3, 4))
    line = lines[index]
    lines[index] = b" " * shift + line if shift > 0 else line[min(-shift, len(line)) :]
    return b"\n".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def yaml_token(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(YAML_TOKENS).encode())


def odd_unicode(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(ODD_TEXT).encode("utf-8", "surrogatepass"))


def nfd_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    index = _line_index(rng, lines)
    text = lines[index].decode("utf-8", "surrogateescape")
    lines[index] = unicodedata.normalize("NFD", text).encode("utf-8", "surrogateescape")
    return b"\n".join(lines)


def flip_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def invalid_utf8(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(INVALID_UTF8))


def numberish_value(rng: random.Random, data: bytes) -> bytes:
    """Replace a value (after ``key: ``) with something YAML 1.1 may read as a number."""
    return _set_value(rng, data, rng.choice(NUMBERISH))


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    """A value nested hundreds of levels deep, in flow or block style."""
    depth = rng.choice((30, 200, 600, 1200))
    style = rng.randrange(3)
    if style == 0:
        value = "[" * depth + "x" + "]" * depth
    elif style == 1:
        value = "{a: " * depth + "x" + "}" * depth
    else:
        value = "".join(f"\n{'  ' * level}- " for level in range(depth)) + "x"
    return _set_value(rng, data, value)


def extra_field(rng: random.Random, data: bytes) -> bytes:
    """A known field with an awkward value, put right after the opening fence."""
    snippet = rng.choice(EXTRA_FIELDS).encode()
    head, newline, rest = data.partition(b"\n")
    return head + newline + snippet + b"\n" + rest


def body_markup(rng: random.Random, data: bytes) -> bytes:
    """Links, images and raw HTML of the odd kinds, at the end of the body."""
    return data + b"\n" + rng.choice(BODY_MARKUP).encode("utf-8", "surrogatepass") + b"\n"


def _set_value(rng: random.Random, data: bytes, value: str) -> bytes:
    lines = data.split(b"\n")
    index = _line_index(rng, lines)
    key, colon, _ = lines[index].partition(b": ")
    if colon:
        lines[index] = key + b": " + value.encode()
    return b"\n".join(lines)


MUTATIONS: list[tuple[str, Callable[[random.Random, bytes], bytes]]] = [
    ("delete-line", delete_line),
    ("duplicate-line", duplicate_line),
    ("swap-lines", swap_lines),
    ("shift-indent", shift_indent),
    ("truncate", truncate),
    ("yaml-token", yaml_token),
    ("odd-unicode", odd_unicode),
    ("nfd-line", nfd_line),
    ("flip-byte", flip_byte),
    ("invalid-utf8", invalid_utf8),
    ("numberish-value", numberish_value),
    ("deep-nesting", deep_nesting),
    ("extra-field", extra_field),
    ("body-markup", body_markup),
]
