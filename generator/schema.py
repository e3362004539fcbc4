"""The record format: what an initiative file's front matter may contain.

``sangkien check`` validates with this pydantic model, and the JSON Schema for editors is
generated from it (``jsonschema.py``). The field reference in ``docs/dong-gop.md`` is
written by hand; a test checks that it names every field. Strict mode: YAML's guesses
are not coerced into the expected type, they are reported.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .text import slug

Level = Literal["province", "district", "commune"]
Status = Literal["proposed", "piloting", "active", "scaled", "ended", "unknown"]
# Values a record's writer may have inferred rather than read in a source (``inferred``).
Inferable = Literal["started", "ended", "status", "level", "agency", "locality", "recognition"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# What a browser starts a tag at: "<" or "</" right before a letter ("a < b" is text).
_TAG = re.compile(r"</?([a-zA-Z][^\s/>]*)")
_LINE_BREAK = re.compile("[\t\n\r\v\f\x85\u2028\u2029]")
_URL_FORBIDDEN = re.compile(r"[\s<>\"\\`{}|^]")
_HOST = re.compile(r"[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}")
# The JSON Schema's reading of an address: http(s), a host with a letters-only top-level
# domain (no "localhost"), a port from 1 to 65535, none of the characters that could end a
# Markdown link. Balanced parentheses are the one rule a pattern cannot check.
_LABEL = r"[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?"
_PORT = r"(6553[0-5]|655[0-2]\d|65[0-4]\d\d|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3})"
_SAFE = r"[^\s<>\"\\`{}|^]"
_USER = r"[^\s<>\"\\`{}|^/?#@]"
URL_PATTERN = (
    rf"^https?://({_USER}+@)?({_LABEL}\.)+[A-Za-z\u00a1-\uffff]{{2,}}"
    rf"(:{_PORT})?([/?#]{_SAFE}*)?$"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@" + _HOST.pattern)
MIN_YEAR, MAX_YEAR = 1945, 2100
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _year_as_text(value: object) -> object:
    """``started: 2024`` is read as a number; a bare year is still a valid date."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def partial_date(value: object) -> str | None:
    """``value`` as a valid ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text, else ``None``.

    Shared by the model and by the checks that compare dates across fields, so both
    agree on what a date is.
    """
    value = _year_as_text(value)
    match = _DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None or not MIN_YEAR <= int(match[1]) <= MAX_YEAR:
        return None
    if match[2]:
        month = int(match[2])
        if not 1 <= month <= 12:
            return None
        if match[3] and not 1 <= int(match[3]) <= calendar.monthrange(int(match[1]), month)[1]:
            return None
    return str(value)


def date_period(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a valid partial date covers: ``2025-07`` → 1 to 31 July 2025.

    A partial date is a period, not a point: compared as text, ``"2025-07"`` sorts before
    ``"2025-07-01"`` although that month begins on that day.
    """
    parts = [int(part) for part in value.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    first = datetime.date(year, month or 1, day or 1)
    if day:
        return first, first
    if month:
        return first, first.replace(day=calendar.monthrange(year, month)[1])
    return first, datetime.date(year, 12, 31)


def _check_date(value: str) -> str:
    if partial_date(value) is None:
        raise PydanticCustomError("bad-date", "bad date {value}", {"value": value})
    return value


def _check_year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise PydanticCustomError("bad-year", "bad year {value}", {"value": value})
    return value


def _check_plain(value: str) -> str:
    match = _TAG.search(value)
    if match:
        raise PydanticCustomError("html-in-text", "html {tag}", {"tag": f"<{match[1]}>"})
    return value


def _check_one_line(value: str) -> str:
    """A title, a name, a label is one line: shown on one line of a card, a table, a feed.

    A block scalar (``title: |``) or an escape (``"a\\nb"``) can put a line break or a
    tab inside; paragraphs (``summary``, ``quote``) may hold them as white space.
    """
    match = _LINE_BREAK.search(value)
    if match:
        char, index = f"U+{ord(match[0]):04X}", match.start() + 1
        raise PydanticCustomError("not-one-line", "{char}", {"char": char, "index": index})
    return value


def _check_url(value: str) -> str:
    """An ``http``/``https`` address that parses, names a host, and cannot end a Markdown
    link early: no white space, ``<``, ``>``, ``"`` or unbalanced parentheses."""
    if not _url_is_safe(value):
        raise PydanticCustomError("bad-url", "bad url {value}", {"value": value})
    return value


def _url_is_safe(value: str) -> bool:
    if _URL_FORBIDDEN.search(value) or not _balanced(value):
        return False
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and port_ok and bool(_HOST.fullmatch(host))


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _check_email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise PydanticCustomError("bad-email", "bad email {value}", {"value": value})
    return value


def _check_key(value: str) -> str:
    """An id that is also a file name and a URL part: ``hieu-qua``, ``gk-01``."""
    if not _KEY.fullmatch(value):
        suggestion = slug(value) or "ma-moi"
        raise PydanticCustomError("bad-key", "{value}", {"value": value, "suggestion": suggestion})
    return value


def _not_negative(value: float) -> float:
    if value < 0:
        raise PydanticCustomError("negative", "negative {value}", {"value": f"{value:g}"})
    return value


# Size limits: a title is a line, not a megabyte, and a list of ten thousand tags would make
# ten thousand pages. Picked from the bundled records and the source articles with a wide
# margin (the longest bundled name is 29 characters, line 112, source title 65, quote 536;
# no record has more than 4 tags, 4 figures or 2 sources); docs/dong-gop.md lists them.
NAME_LENGTH = 100  # a name or a keyword: province, tag, unit, phone, id
LINE_LENGTH = 200  # one line: title, agency, label, publisher, alt text, caption
SOURCE_TITLE_LENGTH = 300  # the title of an article or a decision, which can be long
PARAGRAPH_LENGTH = 400  # summary
QUOTE_LENGTH = 600  # the sentence a figure comes from
URL_LENGTH = 2000  # what browsers and servers reliably accept
EMAIL_LENGTH = 254  # RFC 5321's longest address
MANY = 20  # items of a list: tags, sources, recognitions, images, contests entered
METRICS = 30  # figures of one record
REPLICAS = 100  # places and initiatives that copied one (34 provinces, 63 former ones)

# Every text field is shown on pages as plain text: HTML tags in it are refused early.
_PLAIN = AfterValidator(_check_plain)
_ONE_LINE = AfterValidator(_check_one_line)


def _trimmed(limit: int) -> StringConstraints:
    """Trimmed, not empty, at most ``limit`` characters."""
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=limit)


# Texts: trimmed, not empty, length-limited, no HTML tags (pages show them as text).
Name = Annotated[str, _trimmed(NAME_LENGTH), _PLAIN, _ONE_LINE]
Text = Annotated[str, _trimmed(LINE_LENGTH), _PLAIN, _ONE_LINE]
ShortText = Text  # the name contest files and the older code use for a one-line text
SourceTitle = Annotated[str, _trimmed(SOURCE_TITLE_LENGTH), _PLAIN, _ONE_LINE]
PlainParagraph = Annotated[str, _trimmed(PARAGRAPH_LENGTH), _PLAIN]
Quote = Annotated[str, _trimmed(QUOTE_LENGTH), _PLAIN]
# The JSON Schema's reading of a date, as strict as ``partial_date``: years 1945–2100,
# real months and days, 29 February in leap years only.
_YEAR = r"(19(4[5-9]|[5-9]\d)|20\d\d|2100)"
_LEAP = r"(19(48|5[26]|6[048]|7[26]|8[048]|9[26])|20([02468][048]|[13579][26]))"
_MONTH_DAY = (
    r"((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)"
    r"|02-(0[1-9]|1\d|2[0-8]))"
)
DATE_PATTERN = rf"^({_YEAR}(-(0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP}-02-29)$"
PartialDate = Annotated[
    str,
    BeforeValidator(_year_as_text),
    AfterValidator(_check_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
            ],
            "examples": ["2023", "2023-06", "2023-06-15"],
        }
    ),
]
Year = Annotated[
    int,
    AfterValidator(_check_year),
    WithJsonSchema({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}),
]
Amount = Annotated[
    float, AfterValidator(_not_negative), WithJsonSchema({"type": "number", "minimum": 0})
]
Url = Annotated[
    str,
    _trimmed(URL_LENGTH),
    AfterValidator(_check_url),
    WithJsonSchema(
        {"type": "string", "pattern": URL_PATTERN, "format": "uri", "maxLength": URL_LENGTH}
    ),
]
Key = Annotated[
    str,
    StringConstraints(max_length=NAME_LENGTH),
    AfterValidator(_check_key),
    WithJsonSchema(
        {"type": "string", "pattern": "^" + _KEY.pattern + "$", "maxLength": NAME_LENGTH}
    ),
]
Email = Annotated[
    str,
    _trimmed(EMAIL_LENGTH),
    AfterValidator(_check_email),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^" + _EMAIL.pattern + "$",
            "format": "email",
            "maxLength": EMAIL_LENGTH,
        }
    ),
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Metric(_Record):
    """A number the locality reports, e.g. 70 businesses joined, overdue dossiers 341 → 6."""

    label: Text = Field(description="Chỉ số đo gì / what is measured")
    value: Amount = Field(description="Giá trị (số, dấu chấm thập phân) / the value (a number)")
    unit: Name = Field(description="Đơn vị: 'hồ sơ', '%', 'doanh nghiệp' / unit")
    baseline: Amount | None = Field(
        default=None, description="Giá trị trước khi áp dụng / the value before"
    )
    as_of: PartialDate | None = Field(
        default=None, description="Số liệu tính đến ngày / date of the figure"
    )


class Citation(_Record):
    """Where the facts come from: an article, a report, a decision."""

    title: SourceTitle = Field(description="Tiêu đề bài viết hoặc văn bản / title of the source")
    publisher: Text = Field(description="Cơ quan, tờ báo đăng tải / publisher")
    date: PartialDate = Field(description="Ngày đăng / publication date")
    url: Url | None = Field(default=None, description="Địa chỉ trên mạng / web address")
    quote: Quote | None = Field(
        default=None,
        description=(
            "Câu trích nguyên văn từ nguồn làm căn cứ cho số liệu (một câu, không phải cả bài) "
            "/ the source's sentence the facts come from"
        ),
    )


class Recognition(_Record):
    """An award or acknowledgement, e.g. recognised by the central government in 2023."""

    title: Text = Field(description="Hình thức ghi nhận / what was awarded")
    by: Text = Field(description="Cơ quan ghi nhận / awarded by")
    year: Year = Field(description="Năm / year")


class Contact(_Record):
    """A unit to ask about the initiative: never a private person without their unit."""

    unit: Text = Field(description="Đơn vị đầu mối / contact unit")
    email: Email | None = Field(default=None, description="Thư điện tử của đơn vị / e-mail")
    phone: Name | None = Field(
        default=None, description="Số điện thoại, đặt trong dấu nháy / phone, quoted"
    )


class Image(_Record):
    """A picture stored in the repository next to the record."""

    src: Text = Field(description="Đường dẫn tương đối tới ảnh / path relative to the file")
    alt: Text = Field(description="Mô tả ảnh cho người khiếm thị (bắt buộc) / alt text")
    caption: Text | None = Field(default=None, description="Chú thích / caption")


class Initiative(_Record):
    """One administrative-reform initiative (sáng kiến cải cách hành chính)."""

    title: Text = Field(
        description="Tên sáng kiến như địa phương gọi (tối đa 200 ký tự) / name of the initiative"
    )
    title_en: Text | None = Field(default=None, description="Tên tiếng Anh / English name")
    summary: PlainParagraph = Field(
        description="Tóm tắt một đoạn, chữ thuần, tối đa 400 ký tự / one-paragraph summary"
    )
    summary_en: PlainParagraph | None = Field(
        default=None, description="Tóm tắt tiếng Anh / English summary"
    )
    province: Name = Field(
        description=(
            "Tỉnh/thành nơi làm ra sáng kiến, ghi theo tên lúc đó (34 tỉnh hiện nay hoặc 63 tỉnh "
            "trước 07/2025) / the province as named at the time"
        )
    )
    locality: Text | None = Field(
        default=None,
        description="Xã/phường/huyện theo tên lúc đó / commune, ward or district as then named",
    )
    agency: Text = Field(description="Cơ quan, đơn vị chủ trì / the lead unit")
    level: Level = Field(
        description=(
            "Cấp: province (tỉnh), district (huyện, chỉ trước 01/07/2025), commune (xã) / level"
        )
    )
    domains: list[Name] = Field(
        min_length=1,
        max_length=3,
        description="1–3 lĩnh vực của Chỉ số CCHC (PAR Index) / 1–3 PAR Index areas",
    )
    tags: list[Name] = Field(
        default=[], max_length=MANY, description="Từ khóa tiếng Việt / free keywords"
    )
    status: Status = Field(
        description=(
            "Tình trạng: proposed (đề xuất), piloting (thí điểm), active (đang áp dụng), "
            "scaled (nhân rộng), ended (đã kết thúc), unknown (nguồn không nêu) / status"
        )
    )
    started: PartialDate = Field(description="Bắt đầu: YYYY, YYYY-MM hoặc YYYY-MM-DD / started")
    ended: PartialDate | None = Field(
        default=None, description="Kết thúc, không trước ngày bắt đầu / ended"
    )
    metrics: list[Metric] = Field(
        default=[], max_length=METRICS, description="Số liệu kết quả / reported figures"
    )
    sources: list[Citation] = Field(
        min_length=1, max_length=MANY, description="Ít nhất một nguồn / at least one source"
    )
    recognition: list[Recognition] = Field(
        default=[], max_length=MANY, description="Ghi nhận, khen thưởng"
    )
    replicated_in: list[Name] = Field(
        default=[],
        max_length=REPLICAS,
        description="Mã sáng kiến hoặc tỉnh/thành đã nhân rộng / ids or provinces that copied it",
    )
    contests: list[Key] = Field(
        default=[],
        max_length=MANY,
        description="Mã các cuộc thi tham dự / ids of the contests entered",
    )
    inferred: list[Inferable] = Field(
        default=[],
        max_length=len(get_args(Inferable)),
        description=(
            "Các trường do người viết hồ sơ suy ra, nguồn không nêu trực tiếp (trang ghi "
            "'khoảng', 'ước đoán') / fields inferred by the record's writer, not stated by a source"
        ),
    )
    contact: Contact | None = Field(default=None, description="Đơn vị liên hệ / contact unit")
    images: list[Image] = Field(default=[], max_length=MANY, description="Ảnh minh họa / pictures")
