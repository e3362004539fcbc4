"""Turn pydantic's validation errors into located, bilingual ``Issue`` values."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..aliases import meant
from ..issues import Issue, make_issue
from ..load.sources import Source, field_name
from ..messages import MESSAGES, Phrase, Term, close_matches, did_you_mean, phrase
from ..vocab import Vocabulary, load_vocabulary

# What a field expected, by pydantic's error type (``PHRASES``: ``expected-*``).
_EXPECTED = {
    "string_type": "expected-text",
    "float_type": "expected-number",
    "int_type": "expected-whole-number",
    "bool_type": "expected-true-false",
    "list_type": "expected-list",
    "model_type": "expected-pairs",
    "dict_type": "expected-pairs",
}


def _received(value: Any) -> Phrase:
    if isinstance(value, bool):
        return phrase("received-boolean")
    if isinstance(value, int | float):
        return phrase("received-number")
    if isinstance(value, list):
        return phrase("received-list")
    if isinstance(value, dict):
        return phrase("received-mapping")
    return phrase("received-text")


def _shown(value: Any) -> str:
    if isinstance(value, list | dict):
        return ""
    text = repr(value) if isinstance(value, str) else str(value).lower()
    return text if len(text) <= 60 else text[:57] + "..."


HINTED = 100  # errors of one file that get a "did you mean"; check reports 100 a file


def issues_from_validation(
    error: ValidationError, source: Source, model: type[BaseModel]
) -> list[Issue]:
    issues: list[Issue] = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        if any(loc[: n + 1] in source.reported for n in range(len(loc))):
            continue  # the YAML reader already explained this value
        issues.append(_issue(detail, loc, source, model, hint=len(issues) < HINTED))
    return issues


def _issue(
    detail: ErrorDetails, loc: tuple[Any, ...], source: Source, model: type, hint: bool = True
) -> Issue:
    kind, value, ctx = detail["type"], detail["input"], detail.get("ctx") or {}
    name = field_name(loc)
    line, column = source.position(loc)

    def issue(code: str, **params: Any) -> Issue:
        return make_issue(code, source.relpath, line, column, name, **params)

    if kind == "missing":
        line, column = source.position(loc[:-1])
        return issue("missing", key=loc[-1])
    if kind == "extra_forbidden":
        line, column = source.position(loc, key=True)
        return issue(
            "unknown-field",
            key=loc[-1],
            hint=did_you_mean(_close_fields(loc, model) if hint else []),
        )
    if (value is None and kind in _EXPECTED) or kind == "string_too_short":
        return issue("empty")
    if kind in _EXPECTED:
        expected = phrase(_EXPECTED[kind])
        return issue(
            "wrong-type", expected=expected, received=_received(value), value=_shown(value)
        )
    if kind == "string_too_long":
        return issue("too-long", length=len(value.strip()), limit=ctx["max_length"])
    if kind in ("too_short", "too_long"):
        low, high = _list_bounds(loc, model)
        if high is None:
            return issue("list-too-short", min=low, count=len(value))
        if low == 0:  # only a limit against swamping the site: say the limit alone
            return issue("list-too-long", max=high, count=len(value))
        return issue("list-size", min=low, max=high, count=len(value))
    if kind == "literal_error":
        list_name = next((part for part in reversed(loc) if isinstance(part, str)), "")
        kind_of_list = {"level": "level", "levels": "level", "status": "status"}.get(list_name)
        found = use_id(kind_of_list, value) if kind_of_list else None
        if found is not None:
            return issue("use-id", **found)
        return issue("not-one-of", value=value, choices=ctx["expected"].replace(" or ", ", "))
    if kind in MESSAGES:
        return issue(kind, **ctx)
    # A pydantic error this catalogue does not know yet: still located, still readable.
    return make_issue(
        "wrong-type",
        source.relpath,
        line,
        column,
        name,
        expected=phrase("expected-other", kind=kind, words=detail["msg"]),
        received="",
        value=_shown(value),
    )


def use_id(kind: str, value: object, vocab: Vocabulary | None = None) -> dict[str, Any] | None:
    """The values of a ``use-id`` finding, made here for the model's closed lists (level,
    status) and for the domains rule alike: the id a word written for it stands for in
    list ``kind``, and that id's label; ``None`` when the word stands for no id."""
    intended = meant(kind, value)
    if intended is None:
        return None
    label = _label(kind, intended, vocab or load_vocabulary())
    return {"value": value, "id": intended, "label": label}


def _label(kind: str, key: str, vocab: Vocabulary) -> Phrase:
    if kind == "level":
        name = vocab.levels[key].name
        return phrase("level-label", name=Term(name.lower(), name), id=key)
    if kind == "domains":
        domain = vocab.domains[key]
        return phrase("domain-label", name=Term(domain.name, domain.name_en), id=key)
    status = vocab.statuses[key]
    return phrase("status-label", name=Term(status.name, status.name_en), id=key)


def _field_model(loc: tuple[Any, ...], model: type) -> type[BaseModel] | None:
    """The pydantic model that holds the last key of ``loc``."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _model_in(info.annotation)
        if current is None:
            return None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _close_fields(loc: tuple[Any, ...], model: type) -> list[str]:
    owner = _field_model(loc, model)
    if owner is None:
        return []
    return close_matches(str(loc[-1]), list(owner.model_fields))


def _list_bounds(loc: tuple[Any, ...], model: type) -> tuple[int, int | None]:
    owner = _field_model(loc, model)
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    low: int = 0
    high: int | None = None
    for constraint in getattr(info, "metadata", []):
        low = getattr(constraint, "min_length", None) or low
        high = getattr(constraint, "max_length", None) or high
    return low, high
