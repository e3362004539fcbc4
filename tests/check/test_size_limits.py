"""A record, a contest file or a scorecard too big to be one is refused, with the limit.

Every text field and every list has a length limit (``schema.py``, ``contests/model.py``):
a title is a line, not a megabyte, and ten thousand tags would make ten thousand pages.
The limits reach the JSON Schema, so the editors and the web editor know them too.
"""

from __future__ import annotations

import json

from generator.check import check_paths
from generator.publish.jsonschema import schema_text
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


def test_a_list_over_its_limit_is_not_also_looked_up_item_by_item(make_tree: MakeTree) -> None:
    """Ten thousand places each looked up and suggested for would take minutes."""
    places = ", ".join(f"Nơi {n}" for n in range(10_000))
    root = make_tree({"a.md": valid_record(**{"tags: [một cửa]": f"replicated_in: [{places}]"})})
    assert texts(root) == [
        "a.md:9:16: error: replicated_in: tối đa 100 mục, hiện có 10000; hãy giữ những mục"
        " chính — at most 100 items allowed, has 10000; keep the main ones"
    ]


def test_figures_are_compared_with_the_quotes_read_once(make_tree: MakeTree) -> None:
    metrics = "".join(f"  - {{label: a, value: {n}, unit: b}}\n" for n in range(30))
    numbers = [" ".join(map(str, range(n, 300))) for n in range(20)]
    quotes = "".join(
        f"  - {{title: t, publisher: p, date: '2024', quote: '{q}'}}\n" for q in numbers
    )
    record = valid_record(
        **{"sources:\n": f"metrics:\n{metrics}sources:\n{quotes}", "tags: [một cửa]": "tags: []"}
    )
    root = make_tree({"a.md": record})
    found = check_paths(root, [root / "a.md"]).issues
    assert [i.code for i in found if i.code == "metric-not-quoted"] == []


def test_a_file_reports_a_hundred_findings_then_how_many_more(make_tree: MakeTree) -> None:
    keys = "".join(f"khoa-{n}: 1\n" for n in range(20_000))
    root = make_tree({"a.md": valid_record(**{"title:": keys + "title:"})})
    found = texts(root)
    assert len(found) == 101
    assert found[0] == (
        "a.md:2:1: error: khoa-0: trường 'khoa-0' không có trong định dạng hồ sơ"
        " — unknown field 'khoa-0'"
    )
    assert found[-1] == (
        "a.md:102:1: error: file: và 19900 lỗi, cảnh báo khác trong tệp này; hãy sửa những"
        " lỗi trên rồi kiểm tra lại — and 19900 more problems in this file; fix the ones"
        " above and check again"
    )
