"""The JSON Schema (editors, the web editor) and ``sangkien check`` agree on every fixture.

For each checker rule a JSON Schema can state, the fields the checker rejects in a fixture
are exactly the fields the schema rejects. The rules it cannot state are listed in
``CHECKER_ONLY`` with the reason; a new rule must be put in one list or the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.check import check_paths
from generator.load.sources import field_name, load_source
from generator.messages import MESSAGES
from generator.publish.jsonschema import schema_text

from ..conftest import FIXTURES

CHECK = FIXTURES / "check"
# Per-field rules the schema states too.
SCHEMA_RULES = {
    "missing", "unknown-field", "wrong-type", "empty", "too-long", "list-size", "list-too-long",
    "list-too-short", "not-one-of", "use-id", "negative", "bad-date", "bad-year",
    "bad-url", "bad-email", "html-in-text", "unknown-domain", "bad-key",
    "duplicate-item",  # uniqueItems: domains and inferred
}  # fmt: skip
CHECKER_ONLY = {
    # the file and its YAML: the schema sees data, not text
    "file-too-large", "not-utf8", "bom", "unreadable", "control-character", "noncharacter",
    "line-separator", "stray-bom", "more-stray-characters", "yaml-malformed-number",
    "yaml-number-too-long", "yaml-too-deep", "internal-error", "front-matter-missing",
    "front-matter-unclosed", "front-matter-not-mapping", "tab", "yaml-syntax",
    "duplicate-key", "yaml-tag", "yaml-anchor", "yaml-alias", "yaml-complex-key",
    "yaml-ambiguous-bool", "yaml-ambiguous-number", "thousands-dot", "yaml-not-finite",
    # rules across fields, files, the folder tree or the calendar
    "ended-before-started", "district-after-merger", "former-province-after-merger",
    "started-in-future", "wrong-folder", "bad-id", "duplicate-id", "reserved-slug",
    "same-title-and-province", "similar-title", "unknown-replica", "replica-is-locality",
    "not-a-record",
    "image-missing", "image-outside", "image-type", "inferred-missing", "metric-not-quoted",
    # place names: any common spelling is accepted, so the schema lists them as examples
    "unknown-province", "province-is-locality",
    # the body is Markdown, outside the front matter
    "unsafe-html", "summary-repeats-title", "source-without-url", "placeholder",
    # the body's size and the shapes its parsers cannot read in linear time
    "body-too-long", "body-too-many-lines", "line-too-long", "block-too-long", "nesting-too-deep",
    "bracket-unclosed", "brackets-too-deep", "link-unclosed", "link-quote", "link-in-address",
    "link-code", "html-unclosed", "more-in-body", "more-in-file",
    # a tag must have letters to make a page address
    "tag-without-letters",
    # build and contests: other files
    "overwrite-hand-written", "output-collision", "mkdocs-page", "mkdocs-failed",
    "search-index-failed",
    "contest-file-missing", "not-positive", "closes-before-opens", "unknown-criterion",
    "unknown-contest", "not-eligible", "started-after-close", "judge-not-on-panel",
    "unknown-entry", "not-entered", "scores-not-mapping", "missing-score",
    "score-not-number", "score-out-of-range", "comment-not-text", "conflict-of-interest",
    "too-few-judges", "similar-to-earlier", "published-without-scores", "not-a-scorecard",
    "rules-missing",
    # names and links under initiatives/ and contests/: the folder tree, not the data
    "bad-folder-name", "bad-image-name", "image-svg", "image-symlink", "symlink",
    "bad-scorecard-name", "scores-subfolder", "scores-outside-contest", "scores-unknown-contest",
    # the pull-request check: files, not fields
    "image-not-shown",
    # characters as written or escaped in the file (see "the file and its YAML" above)
    "escaped-character", "bidi-control", "zero-width",
    # a line break inside a one-line text once trimmed: a pattern would have to skip the
    # white space around it, which backtracks (the checker's test is one linear search)
    "not-one-line",
    # build faults (issue 29): a write into docs/ or the final swap failed
    "write-failed", "swap-failed",
    # the red team of issue 21: the body's footnote marks; a contest's numbers
    "footnotes-too-many", "number-too-big", "runnable-in-docs", "scorecard-twice",
    "id-is-place",
}  # fmt: skip
# What a pattern cannot check: the fixtures that show it, and why.
LIMITS = {
    "sources-url-unbalanced": "balanced parentheses in an address",
}


def test_every_rule_is_in_one_list() -> None:
    assert SCHEMA_RULES.isdisjoint(CHECKER_ONLY)
    assert set(MESSAGES) == SCHEMA_RULES | CHECKER_ONLY


def schema_fields(data: object) -> set[str]:
    schema = json.loads(schema_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    fields = set()
    for found in validator.iter_errors(data):
        # an optional object (``contact``) fails as "none of null or the object": the
        # object's own error says where
        error = max([found, *found.context], key=lambda e: len(e.absolute_path))
        path = tuple(error.absolute_path)
        if error.validator == "required":
            path += (re.match(r"'(.+)' is a required property", error.message)[1],)
        elif error.validator == "uniqueItems":  # the checker points at the repeat
            items = error.instance
            fields |= {field_name((*path, n)) for n in range(len(items)) if items[n] in items[:n]}
            continue
        elif error.validator == "additionalProperties":
            for name in re.findall(r"'([^']+)'", error.message.split("(")[-1]):
                fields.add(field_name((*path, name)))
            continue
        fields.add(field_name(path))
    return fields


def comparable(fixture: Path) -> bool:
    source, issues = load_source(fixture, CHECK)
    return source is not None and not any(issue.is_error for issue in issues)


CASES = [p for p in sorted(CHECK.glob("*.md")) if comparable(p) and p.stem not in LIMITS]


@pytest.mark.parametrize("fixture", CASES, ids=[case.stem for case in CASES])
def test_schema_and_checker_reject_the_same_fields(fixture: Path) -> None:
    source, _ = load_source(fixture, CHECK)
    assert source is not None
    issues = check_paths(CHECK, [fixture]).issues
    checker = {i.field for i in issues if i.is_error and i.code in SCHEMA_RULES}
    assert schema_fields(source.meta) == checker


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_what_a_pattern_cannot_check_is_the_checkers_alone(name: str) -> None:
    fixture = CHECK / f"{name}.md"
    source, _ = load_source(fixture, CHECK)
    assert source is not None
    assert schema_fields(source.meta) == set()
    assert not check_paths(CHECK, [fixture]).ok


@pytest.mark.parametrize(
    "name",
    ["started-february-31", "started-year-0001", "title-only-spaces", "summary-html",
     "sources-url-localhost"],
)  # fmt: skip
def test_the_values_the_schema_used_to_accept_are_refused_by_both(name: str) -> None:
    assert f"{name}.md" in {case.name for case in CASES}
