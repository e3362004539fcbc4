"""How ``sangkien check`` and ``sangkien build`` grow on the shapes that used to hang them.

    .venv/bin/python bench/adversarial.py [--shapes NAME ...] [--factor K] [--copies M]
                                          [--repeat R] [--timeout S] [--no-build]

Issue 21 ("one record must not hang or swamp the build") names four shapes each of which
took quadratic time or worse (killed after 120 s): a province padded with 300,000 spaces,
runs of 1 to 1,000 backticks, 40,000 ``[``, 300,000 ``<a ``; this benchmark adds the others
found since (``generator/body/shape.py`` says why each is slow). For each shape it writes
copies of one record into a temporary repository (the project's configuration, theme and
hand-written pages, no other record) at two sizes, n and K·n characters, and times the
real commands in a child process: ``sangkien check``, and ``sangkien build`` where the
check passes (a refused record never reaches the build). Times are the best of R runs;
the growth is that of the records' own share, the time less the same command on as many
plain records (starting Python, MkDocs, Pagefind): about K for a scan that reads the
text once, K² for one that reads it again for every bracket. A check uses at least M
copies, more when their share is under 0.5 s (so that the growth measured is theirs, not
the noise of a shared machine); a build uses M. A run over the timeout shows "> S s".
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOLUTION = 0.02  # seconds: a share under this is noise, its growth is not shown
TARGET = 0.5  # seconds of a check that are the records' own: well above the noise
MAX_BYTES = 400 * 1024 * 1024  # the most written for one shape

PLAIN = """\
---
title: Ngày thứ 6 nhanh
summary: Mỗi thứ Sáu, UBND xã ưu tiên giải quyết hồ sơ ngay trong ngày cho người dân.
province: {province}
agency: UBND xã Bình Hòa
level: commune
domains: [procedures]
status: active
started: "2023-11"
sources:
  - title: Sáng kiến thúc đẩy cải cách hành chính
    publisher: Báo Đắk Lắk
    date: "2024-11-06"
    url: https://baodaklak.vn/bai-viet
---

{body}
"""


@dataclass(frozen=True)
class Shape:
    name: str
    size: int  # n, in characters of the field or the body
    make: Callable[[int], str]  # n → the province (field shapes) or the body
    field: bool = False  # the shape is the province, not the body

    def record(self, n: int) -> str:
        text = self.make(n)
        if self.field:
            return PLAIN.format(province=text, body="Nội dung.")
        return PLAIN.format(province="Đắk Lắk", body=text)


def lines_of(unit: str, width: int = 2000, block: int = 150) -> Callable[[int], str]:
    """``unit`` repeated into lines of about ``width`` characters, a blank line after every
    ``block`` lines: a body within the size and shape limits, of ``n`` characters."""

    def make(n: int) -> str:
        line = unit * max(1, width // len(unit))
        text = (line + "\n") * (n // (len(line) + 1))
        rest = (n - len(text) - 1) // len(unit) * len(unit)  # whole units, to about n
        text += line[:rest] + "\n"
        lines = text.splitlines(keepends=True)
        return "\n".join("".join(lines[at : at + block]) for at in range(0, len(lines), block))

    return make


TABLE = "| Xã | Hồ sơ |\n|---|---|\n" + "| xã Bình Hòa, huyện Krông Ana | 1234 |\n" * 148 + "\n"


def backtick_runs(n: int) -> str:
    """Runs of 1, 2, 3… backticks up to about ``n`` characters (1 to 1,000: 501,500)."""
    count = int(math.sqrt(2 * n))
    return " ".join("`" * k for k in range(1, count + 1))


SHAPES = [
    # the four of issue 21, refused by their size: at a quarter of it and at it (the file
    # limit is 1 MB), and the brackets at it and four times it
    Shape("province + 300,000 spaces", 75_000, lambda n: "Đắk" + " " * n + "Lắk", field=True),
    Shape("backtick runs 1…1,000", 125_000, backtick_runs),
    Shape("40,000 [", 40_000, lambda n: "[" * n),  # a quarter is within the size limit
    Shape("300,000 <a", 225_000, lambda n: "<a " * (n // 3)),
    # found since, refused by size
    Shape("reference + spaces", 75_000, lambda n: "[a]:" + " " * (n // 2) + "\n" + " " * (n // 2)),
    # within the size limits, refused by a shape rule
    Shape("lines of [", 7_000, lines_of("[")),
    Shape("lines of <a", 7_000, lines_of("<a ")),
    Shape("lines of <a b='", 7_000, lines_of("<a b='")),
    Shape("unclosed comments", 7_000, lines_of("<!-- ")),
    Shape("apostrophe addresses", 7_000, lines_of("[a](it's) ")),
    Shape("links in addresses", 7_000, lines_of("[a](b ")),
    Shape("nested list markers", 7_000, lines_of("- ", width=200)),
    Shape(
        "references to one footnote",
        7_000,
        lambda n: lines_of("[^1]")(n) + "\n[^1]: https://x.vn/a\n",
    ),
    Shape("one block of headings", 7_000, lambda n: "## chữ chữ chữ\n" * (n // 15)),
    # within the limits and accepted: the build is timed too
    Shape("links", 7_000, lines_of("[hồ sơ](https://x.vn/a) ")),
    Shape("closed tags", 7_000, lines_of("<b>đậm</b> ")),
    Shape("angle brackets", 7_000, lines_of("<")),
    Shape("code spans", 7_000, lines_of("`a` ``b`` ")),
    Shape("emphasis", 7_000, lines_of("*a* **b** _c_ ")),
    Shape("headings in blocks", 7_000, lines_of("## chữ", width=40)),
    Shape("table rows", 7_000, lambda n: TABLE * max(1, n // len(TABLE))),
    Shape("lists 8 deep", 7_000, lines_of("- " * 8 + "chữ", width=40)),
]


def sangkien() -> str:
    beside = Path(sys.executable).with_name("sangkien")
    return str(beside) if beside.exists() else shutil.which("sangkien") or "sangkien"


def repository(folder: Path) -> Path:
    """The site's configuration, theme and hand-written pages, and no record yet."""
    root = folder / "repo"
    root.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "docs").mkdir()
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "index.md":  # generated
            shutil.copy2(page, root / "docs" / page.name)
    (root / "initiatives" / "dak-lak").mkdir(parents=True)
    return root


def timed(command: str, root: Path, repeat: int, timeout: float) -> tuple[float, int | None]:
    """Best seconds of ``repeat`` runs and the exit code (``None``: killed at ``timeout``)."""
    best, code = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [sangkien(), "--root", str(root), command],
                cwd=root,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return math.inf, None
        best, code = min(best, time.perf_counter() - start), done.returncode
    return best, code


def write(root: Path, record: str, copies: int) -> int:
    """``copies`` of ``record``, each with a title of its own; the bytes written."""
    folder = root / "initiatives" / "dak-lak"
    for old in folder.glob("*.md"):
        old.unlink()
    size = 0
    for n in range(copies):
        text = record.replace("title: Ngày thứ 6 nhanh", f"title: Ngày thứ 6 nhanh số {n}")
        size += (folder / f"mau-{n}.md").write_bytes(text.encode("utf-8"))
    return size


@dataclass
class Bench:
    """The repository, the options, and the plain records' times for each number of copies."""

    root: Path
    repeat: int
    timeout: float
    plain: dict[tuple[str, int], float] = field(default_factory=dict)

    def time(self, command: str, record: str, copies: int) -> tuple[float, int | None]:
        write(self.root, record, copies)
        return timed(command, self.root, self.repeat, self.timeout)

    def base(self, command: str, copies: int) -> float:
        """The same command on as many plain records."""
        if (command, copies) not in self.plain:
            record = PLAIN.format(province="Đắk Lắk", body="Nội dung.")
            self.plain[command, copies] = self.time(command, record, copies)[0]
        return self.plain[command, copies]

    def calibrated(self, small: str, large: str, least: int) -> tuple[int, float, int | None]:
        """Copies enough for the records' share of a check at n to pass ``TARGET`` seconds
        (at most ``MAX_BYTES`` written at K·n), with the check's time and exit code."""
        copies = least
        room = max(least, MAX_BYTES // max(1, len(large.encode("utf-8"))))
        while True:
            check, code = self.time("check", small, copies)
            share = check - self.base("check", copies)
            if share >= TARGET or math.isinf(check) or copies >= room:
                return copies, check, code
            copies = min(room, math.ceil(copies * 1.5 * TARGET / max(share, 0.005)))


def shown(seconds: float, timeout: float) -> str:
    return f"> {timeout:.0f} s" if math.isinf(seconds) else f"{seconds:.2f} s"


def growth(small: float, large: float, base: float) -> str:
    """How much longer the records' own share took at K·n than at n."""
    if math.isinf(large):
        return "hangs"
    own_small, own_large = small - base, large - base
    if own_large < RESOLUTION:
        return f"< {RESOLUTION * 1000:.0f} ms"
    return f"{own_large / max(own_small, RESOLUTION / 4):.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", metavar="NAME", help="only shapes naming this")
    parser.add_argument("--factor", type=int, default=4, help="K: the second size is K·n")
    parser.add_argument("--copies", type=int, default=20, help="at least M records a shape")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--no-build", action="store_true", help="time the check only")
    options = parser.parse_args()
    shapes = [s for s in SHAPES if not options.shapes or any(w in s.name for w in options.shapes)]
    k, least, limit = options.factor, options.copies, options.timeout
    with tempfile.TemporaryDirectory(prefix="sangkien-adversarial-") as folder:
        bench = Bench(repository(Path(folder)), options.repeat, limit)
        print(
            f"{least} plain records: check {shown(bench.base('check', least), 0)}"
            + ("" if options.no_build else f", build {shown(bench.base('build', least), 0)}")
        )
        print(
            f"| shape | n | records | check | {k}·n | check | growth"
            f" | build (n) | build ({k}·n) | growth |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for shape in shapes:
            n, small, large = shape.size, shape.record(shape.size), shape.record(k * shape.size)
            copies, first, code = bench.calibrated(small, large, least)
            second, _ = bench.time("check", large, copies)
            row = [shape.name, f"{n:,}", f"{copies:,}", shown(first, limit), f"{k * n:,}"]
            row += [shown(second, limit), growth(first, second, bench.base("check", copies))]
            if options.no_build or code != 0:
                row += ["—", "—", "—"]  # refused: the build checks first and stops
            else:
                built = bench.time("build", small, least)[0]
                built_large = bench.time("build", large, least)[0]
                base = bench.base("build", least)
                row += [shown(built, limit), shown(built_large, limit)]
                row += [growth(built, built_large, base)]
            print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
