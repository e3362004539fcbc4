"""The published JSON Schema is generated from the model and agrees with the checker."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.publish.jsonschema import SCHEMA_PATH, schema_text

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
    ("name", "keyword", "path"),
    [
        ("field-unknown.md", "additionalProperties", []),
        ("domains-unknown.md", "enum", ["domains", 0]),
        ("metrics-negative.md", "minimum", ["metrics", 0, "value"]),
        ("level-invalid.md", "enum", ["level"]),
        ("sources-missing.md", "required", []),
        ("started-bad-date.md", "anyOf", ["started"]),
        ("sources-bad-url.md", "anyOf", ["sources", 0, "url"]),
        ("domains-too-many.md", "maxItems", ["domains"]),
    ],
)
def test_schema_rejects_what_the_checker_rejects(
    name: str, keyword: str, path: list[str | int]
) -> None:
    """For the same reason, at the same place: a fixture failing otherwise is noticed."""
    schema = json.loads(schema_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [
        (error.validator, list(error.absolute_path))
        for error in validator.iter_errors(front_matter(name))
    ]
    assert errors == [(keyword, path)]
