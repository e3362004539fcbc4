"""The contributor guide documents every field of the record format, with working links."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import urls
from generator.body import shape
from generator.publish.jsonschema import schema_text
from generator.schema import Initiative

from ..conftest import PROJECT
from .test_fuzz import run_main


def fields(model: type[BaseModel]) -> set[str]:
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
            for inner in (arg, *getattr(arg, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    names |= fields(inner)
    return names


def test_every_field_is_documented_in_vietnamese() -> None:
    guide = (PROJECT / "docs" / "dong-gop.md").read_text(encoding="utf-8")
    missing = sorted(name for name in fields(Initiative) if f"`{name}`" not in guide)
    assert missing == []
    assert len(fields(Initiative)) > 30


def test_guide_links_work_where_it_is_read_on_github() -> None:
    """The guide is read in the repository too: its relative links must name committed files,
    never generated pages (those exist only on the published site)."""
    guide = (PROJECT / "docs" / "dong-gop.md").read_text(encoding="utf-8")
    prose = re.sub(r"`[^`]*`", "", guide)  # examples in code are not links
    targets = re.findall(r"\]\(([^)\s]+)\)", prose)
    relative = [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:", t) and t[0] != "#"]
    generated = [t for t in relative if t.split("/")[0] in urls.SECTIONS or t == urls.HOME_SOURCE]
    missing = [t for t in relative if not (PROJECT / "docs" / t).is_file()]
    assert (generated, missing) == ([], [])
    assert "https://sangkien.github.io/the/" in targets


def test_the_guides_example_is_a_template_check_will_not_let_through(tmp_path: Path) -> None:
    """Copied as it is, the example fails exactly on its blanks, each named on its line."""
    guide = (PROJECT / "docs" / "dong-gop.md").read_text(encoding="utf-8")
    example = guide.split("```markdown\n", 1)[1].split("```", 1)[0]
    record = tmp_path / "initiatives" / "dak-lak" / "vi-du.md"
    record.parent.mkdir(parents=True)
    record.write_text(example, encoding="utf-8")
    code, out, _ = run_main("--root", str(tmp_path), "check", "--format", "json")
    issues = json.loads(out)["issues"]
    assert code == 1
    assert {(i["code"], i["field"]) for i in issues if i["severity"] == "error"} == {
        ("placeholder", "sources[0].url"),
        ("placeholder", "sources[0].quote"),
        ("placeholder", "body"),
    }


def schema_limits(schema: dict[str, Any]) -> set[tuple[str, str]]:
    """``("metrics[].unit", "100 ký tự")``, ``("tags", "20 mục")``: every limit the published
    schema states, named the way the guide names fields."""
    defs = schema["$defs"]
    found: set[tuple[str, str]] = set()

    def walk(name: str, node: dict[str, Any]) -> None:
        node = defs[node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node
        for choice in node.get("anyOf", ()):
            walk(name, choice)
        for key, unit in (("maxLength", "ký tự"), ("maxItems", "mục")):
            if key in node:
                found.add((name, f"{node[key]:,} {unit}".replace(",", ".")))
        for field, sub in node.get("properties", {}).items():
            walk(f"{name}.{field}" if name else field, sub)
        if "items" in node:
            walk(f"{name}[]", node["items"])

    walk("", schema)
    return found


def test_the_guide_states_every_limit_of_the_record_and_the_body() -> None:
    guide = (PROJECT / "docs" / "dong-gop.md").read_text(encoding="utf-8")
    table = guide.split("### Giới hạn độ dài", 1)[1].split("\n\n")[2]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    stated = {
        (name, limit.strip(" |").split(" (")[0])
        for names, limit in rows
        for name in re.findall(r"`([^`]+)`", names)
    }
    wanted = {
        (name.removesuffix("[]"), limit) for name, limit in schema_limits(json.loads(schema_text()))
    }
    assert wanted - stated == set()
    body = next(limit for names, limit in rows if names == "| phần nội dung")
    numbers = (shape.MAX_CHARS, shape.MAX_LINES, shape.MAX_LINE, shape.MAX_BLOCK)
    assert all(f"{n:,}".replace(",", ".") in body for n in numbers), body
