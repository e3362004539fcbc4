"""Numbers and dates written the Vietnamese way, wherever a person reads them.

Pages (``render``) and the open data's readable cells (``export``) write a figure or a
date the same way, so they are made here once: ``257.190``, ``68,8``, ``06/11/2024``.
"""

from __future__ import annotations


def date_vi(value: str) -> str:
    """``2023-06`` → ``06/2023``; ``2024-11-06`` → ``06/11/2024``: how dates are read in Vietnam."""
    return "/".join(reversed(value.split("-")))


def number_vi(value: float) -> str:
    """Vietnamese digit grouping: 257190 → ``257.190``, 68.8 → ``68,8``."""
    whole, _, fraction = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    text = whole.replace(",", ".")
    return f"{text},{fraction}" if fraction else text
