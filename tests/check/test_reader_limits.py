"""Shapes the fuzzer found that crashed the YAML reader, under both PyYAML parsers.

The exact messages are in the ``metrics-*-number*``, ``metrics-overflow`` and
``tags-too-deep`` fixtures; here every shape also goes through the pure-Python parser,
which has no nesting limit of its own (libyaml stops at 1,000 levels).
"""

from __future__ import annotations

import pytest
import yaml

from generator import yamlplain
from generator.check import check_paths

from ..conftest import MakeTree, valid_record

DEPTH = 600  # Python's default recursion limit of 1,000 used to give way at about 500
NESTED = {
    "flow": "[" * DEPTH + "x" + "]" * DEPTH,
    "flow-mapping": "[" + "{a: " * DEPTH + "x" + "}" * DEPTH + "]",
    "block": "".join(f"\n{'  ' * (level + 1)}- " for level in range(DEPTH)) + "x",
}


@pytest.fixture(params=["C", "Python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "Python":
        monkeypatch.setattr(yamlplain, "Loader", yaml.SafeLoader)
    return str(request.param)


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_deep_nesting_is_a_located_error(make_tree: MakeTree, loader: str, shape: str) -> None:
    root = make_tree({"a.md": valid_record(**{"tags: [một cửa]": f"tags: {NESTED[shape]}"})})
    found = check_paths(root, [root / "a.md"]).issues
    line = 11 if shape == "block" else 9  # where the value of tags[0] starts
    assert [(i.line, i.field, i.code) for i in found] == [(line, "tags[0]", "yaml-too-deep")]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0x_", "yaml-malformed-number"),
        ("0b_", "yaml-malformed-number"),
        ("1" * 5000, "yaml-number-too-long"),
        ("0" + "7" * 5000, "yaml-number-too-long"),  # octal: its reading has 4,500 digits
        ("1.5e+400", "yaml-not-finite"),
    ],
    ids=["hex", "binary", "long-decimal", "long-octal", "overflow"],
)
def test_numbers_yaml_cannot_read_are_located_errors(
    make_tree: MakeTree, loader: str, value: str, code: str
) -> None:
    record = valid_record(
        **{"sources:": f"metrics:\n  - {{label: a, unit: b,\n     value: {value}}}\nsources:"}
    )
    root = make_tree({"a.md": record})
    found = check_paths(root, [root / "a.md"]).issues
    assert [(i.line, i.column, i.field, i.code) for i in found] == [
        (14, 13, "metrics[0].value", code)
    ]
