"""The Vietnamese name of every record field, kept once for every form that asks for them.

The web editor (``admin``), the GitHub issue form (``issue_form``) and ``sangkien new``'s
prompts (``new``) label the same fields the same way. The names are data
(``data/fields.yml``); the forms' hints come from the model's field descriptions, and
``new`` adds to a name only what to type (``YYYY-MM-DD``).
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
