"""The GitHub issue form "Đề xuất sáng kiến", generated from the record model and vocabularies.

For officers who will use neither git nor the web editor: one form field per record field
(same ids, same closed lists), so a maintainer turns an issue into a record by copying
values. ``tools/regen_github.py`` writes it; a test keeps the committed file current and
validates it against GitHub's published issue-form schema.
"""

from __future__ import annotations

from typing import Any, get_args

import yaml

from .schema import Inferable, Initiative, Level, Status
from .site import LEVEL_NAMES, STATUS_NAMES
from .vocab import Vocabulary, load_vocabulary

FORM_PATH = ".github/ISSUE_TEMPLATE/de-xuat-sang-kien.yml"
BODY = "body"
# Record fields that are lists of objects: one per line, parts separated by " | ".
TABLES = {
    "metrics": "label | value | unit | baseline | as_of",
    "sources": "title | publisher | date | url | quote",
    "recognition": "title | by | year",
    "images": "alt | caption  (kéo thả ảnh vào đây / drop the picture here)",
}


LABELS = {
    "title": "Tên sáng kiến",
    "title_en": "Tên tiếng Anh",
    "summary": "Tóm tắt",
    "summary_en": "Tóm tắt tiếng Anh",
    "province": "Tỉnh, thành (tên lúc làm ra sáng kiến)",
    "locality": "Xã, phường, huyện",
    "agency": "Đơn vị chủ trì",
    "level": "Cấp",
    "domains": "Lĩnh vực (1–3)",
    "tags": "Từ khóa",
    "status": "Tình trạng",
    "started": "Bắt đầu",
    "ended": "Kết thúc",
    "metrics": "Số liệu",
    "sources": "Nguồn",
    "recognition": "Ghi nhận, khen thưởng",
    "images": "Ảnh",
    "replicated_in": "Nhân rộng tại",
    "contests": "Cuộc thi tham dự",
    "inferred": "Giá trị suy ra (nguồn không nêu trực tiếp)",
    "contact": "Đơn vị liên hệ",
}


def _description(name: str) -> str:
    return Initiative.model_fields[name].description or ""


def _required(name: str) -> bool:
    return Initiative.model_fields[name].is_required()


def _field(kind: str, name: str, **attributes: Any) -> dict[str, Any]:
    label = f"{LABELS[name]} ({name})"
    attributes = {"label": label, "description": _description(name), **attributes}
    field: dict[str, Any] = {"type": kind, "id": name, "attributes": attributes}
    if kind != "checkboxes":
        field["validations"] = {"required": _required(name)}
    return field


def province_options(vocab: Vocabulary) -> list[str]:
    """Today's 34, then the provinces of before 07/2025 (a record names the one of then)."""
    current = [p.name for p in vocab.places.current]
    former = [f"{p.name} (cũ)" for p in vocab.places.former if p.name not in current]
    return current + former


def issue_form(vocab: Vocabulary | None = None) -> dict[str, Any]:
    vocab = vocab or load_vocabulary()
    levels = [f"{level} — {LEVEL_NAMES[level]}" for level in get_args(Level)]
    statuses = [f"{status} — {STATUS_NAMES[status][0]}" for status in get_args(Status)]
    domains = [f"{d.id} — {d.name}" for d in vocab.domains.values()]
    fields: list[dict[str, Any]] = [
        _field("input", "title"),
        _field("input", "title_en"),
        _field("textarea", "summary"),
        _field("textarea", "summary_en"),
        _field("dropdown", "province", options=province_options(vocab)),
        _field("input", "locality"),
        _field("input", "agency"),
        _field("dropdown", "level", options=levels),
        _field("dropdown", "domains", options=domains, multiple=True),
        _field("input", "tags", placeholder="thanh toán không tiền mặt, mã QR"),
        _field("dropdown", "status", options=statuses),
        _field("input", "started", placeholder="2023-06"),
        _field("input", "ended", placeholder="2024-12"),
    ]
    for name, shape in TABLES.items():
        fields.append(_field("textarea", name, placeholder=shape))
    fields += [
        _field("input", "replicated_in"),
        _field("input", "contests"),
        _field(
            "checkboxes",
            "inferred",
            options=[{"label": name} for name in get_args(Inferable)],
        ),
        _field("textarea", "contact", placeholder="unit | email | phone"),
        {
            "type": "textarea",
            "id": BODY,
            "attributes": {
                "label": "Nội dung / body",
                "description": "Bối cảnh, cách làm, kết quả, bài học (Markdown, tiêu đề bắt "
                "đầu bằng ##) / context, approach, results, lessons",
                "value": "## Bối cảnh\n\n## Cách làm\n\n## Kết quả\n",
            },
            "validations": {"required": True},
        },
    ]
    intro = (
        "Mỗi ô ứng với một trường của hồ sơ sáng kiến (xem **Đóng góp sáng kiến** trên trang). "
        "Chỉ ghi điều nguồn nói; con số nào cũng cần câu trích của nguồn. Người duyệt sẽ "
        "chuyển đề xuất thành hồ sơ và mở yêu cầu gộp (pull request).\n\n"
        "Each box is one field of the record format; maintainers turn the proposal into a "
        "record and open the pull request."
    )
    return {
        "name": "Đề xuất sáng kiến",
        "description": "Gửi một sáng kiến cải cách hành chính mà không cần git / propose an "
        "initiative without git",
        "title": "[Sáng kiến] ",
        "labels": ["sáng kiến mới"],
        BODY: [{"type": "markdown", "attributes": {"value": intro}}, *fields],
    }


def issue_form_text(vocab: Vocabulary | None = None) -> str:
    head = "# Generated by tools/regen_github.py from the record model: do not edit by hand.\n"
    return head + yaml.safe_dump(issue_form(vocab), allow_unicode=True, sort_keys=False, width=1000)
