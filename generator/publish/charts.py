"""Charts and the province map, drawn at build time as accessible SVG with a table beside.

No script and no request: each picture is SVG in the page, named for screen readers
(``role="group"`` named by its title: its bars and tiles are links), followed by the
same numbers as a table. Every bar and tile is a link to its listing, reachable with the
keyboard. Colours come from CSS classes, so the light and dark schemes both apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from ..vocab import DATA_DIR
from ..yamlplain import load_data_file

TILEMAP_FILE = DATA_DIR / "tilemap.yml"
BAR_HEIGHT, BAR_GAP, BAR_WIDTH = 22, 6, 260
CHAR_WIDTH = 8  # of the 13 px label font, generously: no label may be cut off
TILE, TILE_GAP = 46, 4
SHADES = 5  # colour classes sk-shade-0 (none) … sk-shade-4 (most)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: str  # relative to the page the chart is on


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """Horizontal bars, longest first as given, then the numbers as a table."""
    top = max((bar.count for bar in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    # wide enough for the longest label: a shortened one would not match the link's name
    label_width = max((len(bar.label) for bar in bars), default=10) * CHAR_WIDTH + 12
    width = label_width + BAR_WIDTH + 50
    items = []
    for n, bar in enumerate(bars):
        y = n * (BAR_HEIGHT + BAR_GAP)
        length = round(BAR_WIDTH * bar.count / top)
        label = escape(bar.label)
        # One <text> holding the label and the count, a space between: the link's visible
        # text then reads "Cải cách thể chế 3", as its name does (WCAG "label in name").
        items.append(
            f'<a href="{escape(bar.href)}" aria-label="{label} {bar.count} sáng kiến">'
            f'<rect class="sk-bar" x="{label_width}" y="{y}" width="{max(length, 1)}" '
            f'height="{BAR_HEIGHT}"></rect>'
            f'<text y="{y + 16}"><tspan x="0">{label}</tspan> '
            f'<tspan x="{label_width + length + 6}">{bar.count}</tspan></text></a>'
        )
    svg = (
        f'<svg class="sk-chart" id="{chart_id}" role="group" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title"><title id="{chart_id}-title">{escape(title)}'
        f"</title>{''.join(items)}</svg>"
    )
    rows = "".join(
        f'<tr><td><a href="{escape(b.href)}">{escape(b.label)}</a></td><td>{b.count}</td></tr>'
        for b in bars
    )
    table = (
        f'<details class="sk-chart-table"><summary>Bảng số liệu: {escape(title)}</summary>'
        f"<table><thead><tr><th>Mục</th><th>Số sáng kiến</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details>"
    )
    return f'<figure class="sk-figure">{svg}{table}</figure>'


@cache
def tile_positions(path: Path = TILEMAP_FILE) -> dict[str, tuple[int, int]]:
    return {slug: (row, column) for slug, (row, column) in load_data_file(path).items()}


def shade(count: int, top: int) -> int:
    """0 for none, else 1–4 by share of the largest count (equal steps, read in the key)."""
    if count == 0 or top == 0:
        return 0
    return min(SHADES - 1, 1 + (SHADES - 2) * count // top)


def _two_lines(name: str) -> list[str]:
    """A province's whole name on one or two lines: "Tuyên Quang", "Hồ Chí / Minh"."""
    words = name.split()
    if len(name) <= 8 or len(words) == 1:
        return [name]
    middle = (len(words) + 1) // 2
    return [" ".join(words[:middle]), " ".join(words[middle:])]


def tile_map(map_id: str, title: str, tiles: Sequence[tuple[str, str, int, str]]) -> str:
    """``tiles``: (slug, name, count, href) per province. Each tile links to its page."""
    positions = tile_positions()
    top = max((count for _, _, count, _ in tiles), default=0)
    rows = 1 + max(row for row, _ in positions.values())
    columns = 1 + max(column for _, column in positions.values())
    step = TILE + TILE_GAP
    items = []
    for slug, name, count, href in tiles:
        row, column = positions[slug]
        x, y = column * step, row * step
        middle = x + TILE / 2
        spans = [
            f'<tspan x="{middle}" y="{y + 13 + 10 * n}">{escape(line)}</tspan>'
            for n, line in enumerate(_two_lines(name))
        ]
        spans.append(f'<tspan x="{middle}" y="{y + 40}" class="sk-tile-count">{count}</tspan>')
        items.append(
            f'<a href="{escape(href)}" aria-label="{escape(name)} {count} sáng kiến">'
            f'<rect class="sk-tile sk-shade-{shade(count, top)}" x="{x}" y="{y}" '
            f'width="{TILE}" height="{TILE}" rx="4"></rect>'
            f'<text text-anchor="middle">{" ".join(spans)}</text></a>'
        )
    svg = (
        f'<svg class="sk-map" id="{map_id}" role="group" '
        f'viewBox="0 0 {columns * step} {rows * step}" width="{columns * step}" '
        f'height="{rows * step}" aria-labelledby="{map_id}-title">'
        f'<title id="{map_id}-title">{escape(title)}</title>{"".join(items)}</svg>'
    )
    key = "".join(
        f'<span class="sk-key"><span class="sk-swatch sk-shade-{n}"></span>{label}</span>'
        for n, label in enumerate(("0", "ít", "", "", "nhiều"))
        if label
    )
    return f'<figure class="sk-figure sk-figure--map">{svg}<figcaption>{key}</figcaption></figure>'
