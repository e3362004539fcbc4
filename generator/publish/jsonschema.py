"""The record format as JSON Schema, for editors (YAML language servers) and other tools.

Generated from the pydantic model that ``sangkien check`` validates with, plus the closed
lists that live in data files (the 8 domains; province names as completion examples).
It describes fields and types; what the checker decides in code (real dates, URLs, place
names, rules across fields and files) is only approximated by patterns or left out, so
the checker stays the authority and a test keeps the committed file current.
"""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..schema import Initiative
from ..vocab import Vocabulary, load_vocabulary

SCHEMA_NAME = "initiative.schema.json"
SCHEMA_PATH = urls.schema_file(SCHEMA_NAME)  # in the repository, and on the site
SCHEMA_ID = "https://sangkien.github.io/" + SCHEMA_PATH


def initiative_schema(vocab: Vocabulary | None = None) -> dict[str, Any]:
    vocab = vocab or load_vocabulary()
    schema = Initiative.model_json_schema(mode="validation")
    properties = schema["properties"]
    properties["domains"]["items"] = {
        "type": "string",
        "enum": vocab.domain_ids,
        "description": "; ".join(f"{d.id}: {d.name}" for d in vocab.domains.values()),
    }
    names = [p.name for p in vocab.places.current] + [
        p.name for p in vocab.places.former if p.name not in {c.name for c in vocab.places.current}
    ]
    # Any common spelling is accepted ("Dak Lak", "TP.HCM"), so names are examples for
    # completion, not an enum that would reject valid variants.
    properties["province"]["examples"] = names
    for name in ("domains", "inferred"):  # the checker refuses a repeated item in these
        properties[name]["uniqueItems"] = True
    _plain_text(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


# The checker trims text and refuses HTML tags in it (``_check_plain``): say the same.
NOT_BLANK = r"\S"
HTML_TAG = r"</?[A-Za-z]"


def _plain_text(node: Any) -> None:
    """Every text field (a string with ``minLength``, no pattern of its own): not blank, no tag."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength") == 1 and "pattern" not in node:
            node["pattern"] = NOT_BLANK
            node["not"] = {"pattern": HTML_TAG}
        for value in node.values():
            _plain_text(value)
    elif isinstance(node, list):
        for item in node:
            _plain_text(item)


def schema_text(vocab: Vocabulary | None = None) -> str:
    return json.dumps(initiative_schema(vocab), ensure_ascii=False, indent=2) + "\n"
