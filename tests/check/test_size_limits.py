"""A record, a contest file or a scorecard too big to be one is refused, with the limit.

Every text field and every list has a length limit (``schema.py``, ``contests/model.py``):
a title is a line, not a megabyte, and ten thousand tags would make ten thousand pages.
The limits reach the JSON Schema, so the editors and the web editor know them too.
"""

from __future__ import annotations

import json

from generator.check import check_paths
from generator.jsonschema import schema_text
from generator.schema import MANY, NAME_LENGTH

from ..conftest import MakeTree, valid_record


def texts(root: object, name: str = "a.md") -> list[str]:
    return [issue.as_text() for issue in check_paths(root, [root / name]).issues]  # type: ignore[operator]


def test_a_province_padded_to_a_third_of_a_megabyte_is_one_located_error(
    make_tree: MakeTree,
) -> None:
    province = "Đắk" + " " * 300_000 + "Lắk"
    root = make_tree({"a.md": valid_record(**{"province: Đắk Lắk": f"province: {province}"})})
    assert texts(root) == [
        "a.md:4:11: error: province: dài 300006 ký tự, tối đa 100; hãy rút gọn"
        " — is 300006 characters long, at most 100 allowed; shorten it"
    ]


def test_ten_thousand_tags_are_one_error_not_ten_thousand_pages(make_tree: MakeTree) -> None:
    tags = ", ".join(f"từ khóa {n}" for n in range(10_000))
    root = make_tree({"a.md": valid_record(**{"tags: [một cửa]": f"tags: [{tags}]"})})
    assert texts(root) == [
        "a.md:9:7: error: tags: tối đa 20 mục, hiện có 10000; hãy giữ những mục chính"
        " — at most 20 items allowed, has 10000; keep the main ones"
    ]


def test_a_tag_is_a_keyword_not_a_sentence(make_tree: MakeTree) -> None:
    tag = "một cửa " * 13
    root = make_tree({"a.md": valid_record(**{"tags: [một cửa]": f"tags: [{tag}]"})})
    assert texts(root) == [
        "a.md:9:8: error: tags[0]: dài 103 ký tự, tối đa 100; hãy rút gọn"
        " — is 103 characters long, at most 100 allowed; shorten it"
    ]


def test_the_json_schema_states_the_limits_for_the_editors() -> None:
    schema = json.loads(schema_text())
    properties = schema["properties"]
    assert properties["tags"]["maxItems"] == MANY
    assert properties["tags"]["items"]["maxLength"] == NAME_LENGTH
    assert properties["title"]["maxLength"] == 200
    citation = schema["$defs"]["Citation"]["properties"]
    assert citation["title"]["maxLength"] == 300
    assert citation["url"]["anyOf"][0]["maxLength"] == 2000
