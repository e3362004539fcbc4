"""The ranking as the committee reads it: a text table, JSON for tools, CSV for the minutes.

The JSON is also what the site publishes (``du-lieu/cuoc-thi/<id>.json``), so the result
anyone can download is the one ``sangkien judge`` prints. Judges' comments are for the
committee: they appear only in the text report, and only when asked for.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..spreadsheet import number_cell, text_cell
from .score import TRIM_FROM, Ranked, Ranking

METHOD_NAMES: dict[str, tuple[str, str]] = {
    "mean": ("điểm trung bình của các giám khảo", "mean of the judges' totals"),
    "trimmed-mean": (
        "điểm trung bình sau khi bỏ một điểm cao nhất và một điểm thấp nhất"
        f" (khi có từ {TRIM_FROM} giám khảo)",
        f"mean after dropping the highest and lowest total (with {TRIM_FROM} judges or more)",
    ),
    "z-score": (
        "điểm chuẩn hóa theo từng giám khảo (z-score), quy về thang điểm của cuộc thi",
        "each judge's totals standardised (z-score), shown on the contest's scale",
    ),
}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def as_data(ranking: Ranking) -> dict[str, Any]:
    """The published result: no comments, scores rounded to 2 decimals."""
    data = ranking.contest
    contest = data.contest
    return {
        "contest": data.id,
        "title": contest.title,
        "organiser": contest.organiser,
        "year": contest.year,
        "method": ranking.method,
        "min_judges": contest.min_judges,
        "tie_break": list(contest.tie_break),
        "criteria": [
            {"id": c.id, "label": c.label, "max": c.max, "weight": c.weight}
            for c in contest.criteria
        ],
        "illustrative": contest.illustrative,
        "ranking": [_line(line, ranking) for line in ranking.ranked],
    }


def _line(line: Ranked, ranking: Ranking) -> dict[str, Any]:
    return {
        "rank": line.rank,
        "id": line.id,
        "title": line.title,
        "score": _round(line.score),
        "judges": line.judges,
        "prize": line.prize,
        "criteria": {key: _round(value) for key, value in line.criteria.items()},
        "spread": _round(line.spread),
        "disagreement": ranking.disagreement(line),
        "short_of_judges": line.short_of_judges,
        "excluded": list(line.excluded),
    }


def as_json(ranking: Ranking) -> str:
    return json.dumps(as_data(ranking), ensure_ascii=False, indent=2) + "\n"


CSV_HEAD = ["rank", "id", "title", "score", "judges", "prize"]


def as_csv(ranking: Ranking) -> str:
    """One row per entry, criterion means as columns; UTF-8 with BOM so Excel reads it."""
    criteria = [c.id for c in ranking.contest.contest.criteria]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CSV_HEAD, *criteria, "excluded", "note"])
    for line in ranking.ranked:  # text cells never run as formulas (``spreadsheet``)
        writer.writerow(
            [
                "" if line.rank is None else line.rank,
                text_cell(line.id),
                text_cell(line.title),
                "" if line.score is None else number_cell(line.score),
                line.judges,
                text_cell(line.prize or ""),
                *(number_cell(line.criteria[c]) if c in line.criteria else "" for c in criteria),
                text_cell(" ".join(line.excluded)),
                text_cell(_note(line, ranking)[1]),
            ]
        )
    return "\ufeff" + out.getvalue()


def _note(line: Ranked, ranking: Ranking) -> tuple[str, str]:
    notes: list[tuple[str, str]] = []
    if line.rank is None:
        notes.append(("chưa có điểm", "not scored yet"))
    elif line.short_of_judges:
        minimum = ranking.contest.contest.min_judges
        notes.append((f"ít hơn {minimum} giám khảo", f"fewer than {minimum} judges"))
    if ranking.disagreement(line):
        notes.append(("giám khảo chấm chênh lệch lớn", "judges disagree widely"))
    return "; ".join(n[0] for n in notes), "; ".join(n[1] for n in notes)


def as_text(ranking: Ranking, comments: bool = False) -> str:
    data = ranking.contest
    contest = data.contest
    method_vi, method_en = METHOD_NAMES[ranking.method]
    lines = [
        f"{contest.title} ({data.id})",
        f"Cách tính / method: {ranking.method} — {method_vi} / {method_en}",
        f"Xếp bằng nhau phân định theo / tie-break: {', '.join(contest.tie_break) or '—'}",
        "",
    ]
    criteria = [c.id for c in contest.criteria]
    rows = [["Hạng", "Điểm", "GK", "Giải", "Mã sáng kiến", *criteria, "Ghi chú"]]
    for line in ranking.ranked:
        rows.append(
            [
                "–" if line.rank is None else str(line.rank),
                "–" if line.score is None else f"{line.score:.2f}",
                str(line.judges),
                line.prize or "",
                line.id,
                *(f"{line.criteria[c]:.2f}" if c in line.criteria else "–" for c in criteria),
                _note(line, ranking)[0],
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    lines.append("")
    for line in ranking.ranked:
        lines.append(f"{line.id}: {line.title}")
        if line.excluded:
            lines.append(
                f"    không tính / excluded (xung đột lợi ích): {', '.join(line.excluded)}"
            )
    if comments:
        lines += ["", "Nhận xét của giám khảo (chỉ dành cho hội đồng) / judges' comments:"]
        for card in sorted(data.cards, key=lambda c: (c.entry, c.judge)):
            if card.comment:
                lines.append(f"  {card.entry} · {card.judge}: {card.comment}")
    return "\n".join(lines) + "\n"
