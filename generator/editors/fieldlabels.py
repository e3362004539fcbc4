"""The Vietnamese name of every record field, kept once for every form that asks for them.

The web editor, the GitHub issue form and ``sangkien new`` label the same fields the same
way; the names are data (``data/fields.yml``), the hints come from the model itself.
"""

from __future__ import annotations

from functools import cache

from ..vocab import DATA_DIR
from ..yamlplain import load_data_file

FIELDS_FILE = DATA_DIR / "fields.yml"


@cache
def field_labels() -> dict[str, str]:
    """Field path (``sources.quote``) → its Vietnamese name."""
    return {str(key): str(value) for key, value in load_data_file(FIELDS_FILE).items()}
