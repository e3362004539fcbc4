"""What each judge receives: a blind packet of their entries and a scorecard to fill in.

The packet leaves out what names the entrant (agency, locality, contact, sources,
pictures), so judges score the initiative, not the unit. With a large panel, ``assign``
gives each entry ``k`` judges: no judge with a conflict of interest, loads as even as
the conflicts allow, the same result for the same ``seed``.
"""

from __future__ import annotations

import html
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..body.html import body_html
from ..records import Record
from ..vocab import Vocabulary, load_vocabulary
from ..yamlplain import read_plain
from .model import ContestData, Judge
from .scorecards import COMMENT, conflict

ASSIGNMENT_FILE = "phan-cong.csv"


@dataclass(frozen=True)
class Shortage:
    """An entry that could not get ``k`` judges without a conflict of interest."""

    entry: str
    found: int


def eligible_judges(data: ContestData, record: Record, vocab: Vocabulary) -> list[Judge]:
    rules = data.contest.conflict_of_interest
    return [j for j in data.contest.panel if conflict(j, record, rules, vocab) is None]


def assign(
    data: ContestData, vocab: Vocabulary, k: int | None, seed: int = 0
) -> tuple[dict[str, list[Record]], list[Shortage]]:
    """Judge id → entries to score. Without ``k``, every judge gets every entry they may score.

    Greedy, most constrained first: entries with the fewest judges free of conflicts are
    placed first (ties in a seeded order), each with the ``k`` least-loaded of its judges
    (ties in a seeded judge order). In the usual case this keeps loads within one of
    each other; conflicts can make that impossible.
    """
    panel = [judge.id for judge in data.contest.panel]
    given: dict[str, list[Record]] = {judge: [] for judge in panel}
    shortages: list[Shortage] = []
    rng = random.Random(seed)
    order = {judge: rng.random() for judge in panel}
    free = {r.id: [j.id for j in eligible_judges(data, r, vocab)] for r in data.entries}
    entries = list(data.entries)
    if k is not None:
        draw = {r.id: rng.random() for r in entries}
        entries.sort(key=lambda r: (len(free[r.id]), draw[r.id]))
    for record in entries:
        judges = free[record.id]
        if k is not None:
            judges = sorted(judges, key=lambda j: (len(given[j]), order[j]))[:k]
            if len(judges) < k:
                shortages.append(Shortage(record.id, len(judges)))
        for judge in judges:
            given[judge].append(record)
    return {j: sorted(rs, key=lambda r: r.id) for j, rs in given.items()}, shortages


def write_packets(
    data: ContestData, assignment: Mapping[str, Sequence[Record]], folder: Path
) -> list[Path]:
    """``<judge>.html`` (the blind packet) and ``<judge>.yml`` (the scorecard) per judge."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for judge in data.contest.panel:
        records = assignment.get(judge.id, [])
        packet = folder / f"{judge.id}.html"
        packet.write_text(blind_packet(data, judge, records), encoding="utf-8")
        card = folder / f"{judge.id}.yml"
        card.write_text(blank_scorecard(data, judge, records), encoding="utf-8")
        written += [packet, card]
    rows = ["judge,entry"] + [f"{j},{r.id}" for j, rs in assignment.items() for r in rs]
    table = folder / ASSIGNMENT_FILE
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [*written, table]


def filled_scorecards(data: ContestData, folder: Path) -> list[Path]:
    """The scorecards in ``folder`` that writing the packets would replace and that a judge
    has written in. Packets are often written again into the same folder (an entry added,
    a typo mended), where a judge may have filled in a scorecard: that one is never
    replaced by a blank. A blank one is, freely."""
    cards = (folder / f"{judge.id}.yml" for judge in data.contest.panel)
    return [card for card in cards if card.is_file() and _written_in(card)]


def _written_in(card: Path) -> bool:
    """Any score or comment in ``card`` (or text that cannot be read as a scorecard)."""
    try:
        document = read_plain(card.read_text(encoding="utf-8")).data
    except (OSError, ValueError, yaml.YAMLError):  # ValueError: not UTF-8
        return True
    if document is None:
        return False
    if not isinstance(document, dict):
        return True
    for values in document.values():
        if not isinstance(values, dict):
            return values is not None
        if any(value not in (None, "") for value in values.values()):
            return True
    return False


def blank_scorecard(data: ContestData, judge: Judge, records: Sequence[Record]) -> str:
    """A scorecard with every entry and criterion, scores left empty for the judge."""
    contest = data.contest
    lines = [
        f"# Phiếu chấm / scorecard — {contest.title}",
        f"# Giám khảo / judge: {judge.id} ({judge.name})",
        "# Ghi điểm sau mỗi dấu hai chấm, từ 0 đến mức tối đa ghi bên cạnh; 'comment' là nhận",
        "# xét chỉ dành cho hội đồng (không bao giờ công bố). Lưu tệp với tên giữ nguyên.",
        "# Write each score after the colon, 0 to the maximum shown; 'comment' is for the",
        "# committee only (never published). Keep the file name.",
        "",
    ]
    for record in records:
        lines.append(f"{record.id}:  # {record.initiative.title}")
        for criterion in contest.criteria:
            lines.append(f"  {criterion.id}:  # {criterion.label}, 0–{criterion.max:g}")
        lines.append(f'  {COMMENT}: ""')
    if not records:
        lines.append("{}  # không có sáng kiến nào được giao / no entry assigned")
    return "\n".join(lines) + "\n"


def blind_packet(data: ContestData, judge: Judge, records: Sequence[Record]) -> str:
    """One self-contained HTML page, nothing loaded from elsewhere, no entrant named."""
    contest = data.contest
    e = html.escape
    criteria = "".join(
        f"<li>{e(c.label)} (<code>{e(c.id)}</code>): 0–{c.max:g}, hệ số / weight {c.weight:g}</li>"
        for c in contest.criteria
    )
    parts = [
        "<!doctype html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(contest.title)} — {e(judge.name)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}article{border-top:2px solid #555;margin-top:2rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem}</style>",
        "</head><body>",
        f"<h1>{e(contest.title)}</h1>",
        f"<p>Hồ sơ chấm của giám khảo / packet of judge <strong>{e(judge.name)}</strong> "
        f"(<code>{e(judge.id)}</code>): {len(records)} sáng kiến. Tên đơn vị, địa bàn, "
        "liên hệ và nguồn đã được ẩn / agency, locality, contact and sources are withheld.</p>",
        f"<h2>Tiêu chí / criteria</h2><ul>{criteria}</ul>",
    ]
    for record in records:
        parts.append(_entry(record))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _entry(record: Record) -> str:
    e = html.escape
    i = record.initiative
    vocab = load_vocabulary()
    domains = ", ".join(d.name for d in record.domains)
    metrics = "".join(
        f"<tr><td>{e(m.label)}</td><td>{m.value:g} {e(m.unit)}</td>"
        f"<td>{'' if m.baseline is None else f'{m.baseline:g} {e(m.unit)}'}</td></tr>"
        for m in i.metrics
    )
    table = (
        f"<table><tr><th>Chỉ số</th><th>Giá trị</th><th>Trước đó</th></tr>{metrics}</table>"
        if metrics
        else ""
    )
    # Body images are not published with the packet: no image, no request, no name shown.
    body = body_html(record.body)
    return (
        f'<article id="{e(record.id)}"><h2>{e(i.title)}</h2>'
        f"<p><code>{e(record.id)}</code> · {e(vocab.levels[i.level].name)} · {e(domains)} · "
        f"{e(vocab.statuses[i.status].name)} · bắt đầu {e(i.started)}</p>"
        f"<p>{e(i.summary)}</p>{table}{body}</article>"
    )
