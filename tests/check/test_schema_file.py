"""The published JSON Schema is generated from the model and agrees with the checker."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.jsonschema import SCHEMA_PATH, schema_text

from ..conftest import FIXTURES, PROJECT

CHECK = FIXTURES / "check"


def front_matter(name: str) -> object:
    text = (CHECK / name).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_committed_schema_is_up_to_date() -> None:
    committed = (PROJECT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "run: sangkien schema"


@pytest.mark.parametrize("name", ["valid-minimal.md", "valid-full.md", "valid-former-province.md"])
def test_schema_accepts_valid_records(name: str) -> None:
    schema = json.loads(schema_text())
    jsonschema.validate(front_matter(name), schema)


@pytest.mark.parametrize(
    "name",
    [
        "field-unknown.md",
        "domains-unknown.md",
        "metrics-negative.md",
        "level-invalid.md",
        "sources-missing.md",
        "started-bad-date.md",
        "sources-bad-url.md",
        "domains-too-many.md",
    ],
)
def test_schema_rejects_what_the_checker_rejects(name: str) -> None:
    schema = json.loads(schema_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(front_matter(name), schema)
