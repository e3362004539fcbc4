"""The contributor guide documents every field of the record format."""

from __future__ import annotations

from pydantic import BaseModel

from generator.schema import Initiative

from ..conftest import PROJECT


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
