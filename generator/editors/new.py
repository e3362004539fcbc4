"""``sangkien new``: write a new, valid initiative file in the right folder.

Every field comes from an option or, when the terminal is interactive, from a prompt in
Vietnamese. The draft is checked with the same rules as ``sangkien check`` before anything
is written; a field that fails is asked again (interactive) or reported (scripts). The
file lands in today's province folder while keeping the province as given ("Phú Yên" →
``initiatives/dak-lak/``), and an existing file is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

from ..issues import Issue
from ..layout import CONTENT_DIR
from ..load.sources import split_source
from ..places import PlaceRef
from ..rules.validate import validate_source
from ..schema import Level, Status
from ..text import slug
from ..vocab import Vocabulary
from .fieldlabels import field_labels

BODY = """
## Bối cảnh

<!-- Vì sao cần sáng kiến: vấn đề của người dân, doanh nghiệp trước khi có nó. -->

## Cách làm

<!-- Làm gì, ai làm, từ khi nào. -->

## Kết quả

<!-- Số liệu và chuyển biến, theo đúng nguồn. -->
"""
# Each draft value: the record field it fills, what to type (Vietnamese), and the English.
# The field's Vietnamese name is the forms' (data/fields.yml), as the web editor and the
# issue form show it; a part of a source is named with its list ("Nguồn: Nơi đăng").
ASKED: dict[str, tuple[str, str, str]] = {
    "title": ("title", "", "title"),
    "summary": ("summary", " (một đoạn)", "summary"),
    "province": ("province", " (tên lúc làm ra sáng kiến)", "province as named then"),
    "agency": ("agency", "", "lead unit"),
    "level": ("level", "", "level"),
    "domains": ("domains", " (số, cách nhau bởi dấu phẩy)", "domains (numbers, comma-separated)"),
    "status": ("status", "", "status"),
    "started": ("started", " (YYYY, YYYY-MM hoặc YYYY-MM-DD)", "started"),
    "source_title": ("sources.title", "", "source title"),
    "source_publisher": ("sources.publisher", "", "publisher"),
    "source_date": ("sources.date", " (YYYY-MM-DD)", "publication date"),
    "source_url": ("sources.url", " (https://…, có thể bỏ trống)", "source URL (optional)"),
}


def _prompt(field: str, what: str, english: str) -> str:
    labels = field_labels()
    parent, _, part = field.rpartition(".")
    name = f"{labels[parent]}: {labels[field]}" if part and parent else labels[field]
    return f"{name}{what} / {english}"


PROMPTS: dict[str, str] = {value: _prompt(*asked) for value, asked in ASKED.items()}
# Which draft value each front-matter field comes from, to ask again the right question.
ASKED_FOR = {"sources": "source_title", "id": "title"}


@dataclass
class Draft:
    values: dict[str, Any] = field(default_factory=dict)

    def front_matter(self) -> dict[str, Any]:
        v = self.values
        source = {
            "title": v.get("source_title"),
            "publisher": v.get("source_publisher"),
            "date": v.get("source_date"),
        }
        if v.get("source_url"):
            source["url"] = v["source_url"]
        meta = {
            "title": v.get("title"),
            "summary": v.get("summary"),
            "province": v.get("province"),
            "agency": v.get("agency"),
            "level": v.get("level"),
            "domains": v.get("domains"),
            "status": v.get("status"),
            "started": v.get("started"),
            "sources": [{key: value for key, value in source.items() if value is not None}],
        }
        return {key: value for key, value in meta.items() if value is not None}  # missing

    def text(self) -> str:
        head = yaml.safe_dump(self.front_matter(), allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{head}---\n{BODY}"


def target(root: Path, draft: Draft, vocab: Vocabulary) -> Path | None:
    place: PlaceRef | None = vocab.places.resolve(str(draft.values.get("province") or ""))
    record_id = slug(str(draft.values.get("title") or ""))
    if place is None or not record_id:
        return None
    return root / CONTENT_DIR / place.current.slug / f"{record_id}.md"


def problems(root: Path, draft: Draft, vocab: Vocabulary) -> list[Issue]:
    """What ``sangkien check`` would say of the file, before it is written."""
    path = target(root, draft, vocab) or root / CONTENT_DIR / "moi.md"
    rel = path.relative_to(root).as_posix()
    source, issues = split_source(path, rel, draft.text())
    if source is None:
        return issues
    _, found = validate_source(source, vocab, root)
    return issues + [issue for issue in found if issue.is_error]


def field_of(issue: Issue) -> str:
    """The draft value an issue is about: ``sources[0].date`` → ``source_date``."""
    name = issue.field.split("[")[0].split(".")[0]
    if name == "sources" and "." in issue.field:
        return "source_" + issue.field.rsplit(".", 1)[1]
    return ASKED_FOR.get(name, name)


def choices(vocab: Vocabulary) -> dict[str, list[tuple[str, str]]]:
    """The closed lists, as (value, Vietnamese label) pairs, for the prompts."""
    return {
        "level": [(level, vocab.levels[level].name) for level in get_args(Level)],
        "status": [(status, vocab.statuses[status].name) for status in get_args(Status)],
        "domains": [(d.id, d.name) for d in vocab.domains.values()],
    }


def ask(
    name: str, vocab: Vocabulary, read: Callable[[str], str], write: Callable[[str], None]
) -> Any:
    """One prompt; closed lists are shown numbered and answered by number or id."""
    options = choices(vocab).get(name)
    if options:
        for number, (value, label) in enumerate(options, 1):
            write(f"  {number}. {label} ({value})")
    answer = read(f"{PROMPTS[name]}: ").strip()
    if not options:
        return answer or None
    picked = [_pick(part.strip(), options) for part in answer.split(",") if part.strip()]
    return picked if name == "domains" else (picked[0] if picked else None)


def _pick(answer: str, options: Sequence[tuple[str, str]]) -> str:
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1][0]
    return answer


def fill(
    draft: Draft,
    root: Path,
    vocab: Vocabulary,
    read: Callable[[str], str],
    write: Callable[[str], None],
    rounds: int = 5,
) -> list[Issue]:
    """Ask for what is missing, then again for what fails the check, a few rounds at most."""
    for name in PROMPTS:
        if draft.values.get(name) in (None, "", []) and name != "source_url":
            draft.values[name] = ask(name, vocab, read, write)
    if draft.values.get("source_url") is None:
        draft.values["source_url"] = ask("source_url", vocab, read, write)
    for _ in range(rounds):
        found = problems(root, draft, vocab)
        if not found:
            return []
        for issue in found:
            write(f"  ✗ {issue.field}: {issue.message} — {issue.message_en}")
        for name in dict.fromkeys(field_of(issue) for issue in found):
            if name in PROMPTS:
                draft.values[name] = ask(name, vocab, read, write)
    return problems(root, draft, vocab)


def write_record(root: Path, draft: Draft, vocab: Vocabulary) -> Path:
    """Write the checked draft; the caller made sure ``problems`` is empty."""
    path = target(root, draft, vocab)
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # never overwrite
        out.write(draft.text())
    return path
