"""The contest format: what ``contests/<id>/contest.yml`` may contain.

Field names follow the committee's own vocabulary and stay fixed, so contests written
by hand and by other tools agree. Like the record model, it is strict: YAML's guesses
are reported, not coerced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..load.sources import Source
from ..records import Record
from ..schema import MANY, REPLICAS, Citation, Key, Level, Name, PartialDate, Text, Year, _Record

Method = Literal["mean", "trimmed-mean", "z-score"]
ConflictRule = Literal["agency", "province"]
# Size limits, as for records (schema.py): a contest file must not swamp the site either.
PANEL = 100  # judges of one contest
CONFLICTS = 500  # entries one judge declares a conflict with
DOMAINS = 8  # the PAR Index areas
# Upper bounds on the numbers: ``max: 1.7e+308`` overflowed the judges' totals and stopped
# ``judge`` and every build, and a prize of ``count: 100000000000`` places filled the memory.
# Committees score out of 10, 30 or 100, weigh a criterion 1 to 3 times, give a few prizes.
MAX_POINTS = 1000  # a criterion's highest score
MAX_WEIGHT = 100  # a criterion's weight in the total
MAX_PLACES = 1000  # places of one prize


def _positive(value: float) -> float:
    if value <= 0:
        raise PydanticCustomError("not-positive", "{value}", {"value": f"{value:g}"})
    return value


def _at_most(limit: int) -> AfterValidator:
    def check(value: float) -> float:
        if value > limit:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            params = {"value": shown, "limit": limit}
            raise PydanticCustomError("number-too-big", "{value}", params)
        return value

    return AfterValidator(check)


def _up_to(limit: int) -> WithJsonSchema:
    return WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": limit})


Count = Annotated[int, AfterValidator(_positive), WithJsonSchema({"type": "integer", "minimum": 1})]
Places = Annotated[
    int,
    AfterValidator(_positive),
    _at_most(MAX_PLACES),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_PLACES}),
]
Points = Annotated[float, AfterValidator(_positive), _at_most(MAX_POINTS), _up_to(MAX_POINTS)]
Weight = Annotated[float, AfterValidator(_positive), _at_most(MAX_WEIGHT), _up_to(MAX_WEIGHT)]


class Criterion(_Record):
    """One scoring criterion: a judge gives 0..max; the total weighs it by ``weight``."""

    id: Key = Field(description="Mã tiêu chí / criterion id, e.g. hieu-qua")
    label: Text = Field(description="Tên tiêu chí / label, e.g. Hiệu quả")
    max: Points = Field(description="Điểm tối đa / highest score")
    weight: Weight = Field(default=1, description="Hệ số / weight in the total")


class Prize(_Record):
    label: Text = Field(description="Tên giải / prize, e.g. Giải Nhất")
    count: Places = Field(description="Số giải / how many")


class Judge(_Record):
    id: Key = Field(description="Mã giám khảo = tên tệp phiếu chấm / id, the scorecard's name")
    name: Text = Field(description="Họ tên / name")
    unit: Text = Field(description="Đơn vị công tác / the judge's unit")
    province: Name | None = Field(default=None, description="Tỉnh, thành / province")
    conflicts: list[Key] = Field(
        default=[],
        max_length=CONFLICTS,
        description="Mã sáng kiến giám khảo không chấm / entries the judge declares",
    )


class Eligibility(_Record):
    """Who may enter; each key narrows the field, an absent key does not."""

    provinces: list[Name] = Field(
        default=[], max_length=REPLICAS, description="Tỉnh, thành (tên nay hoặc cũ)"
    )
    levels: list[Level] = Field(default=[], max_length=3, description="Cấp / levels")
    domains: list[Name] = Field(default=[], max_length=DOMAINS, description="Lĩnh vực / domain ids")
    started_after: PartialDate | None = Field(default=None, description="Bắt đầu từ / from")


class Contest(_Record):
    title: Text = Field(description="Tên cuộc thi / contest title")
    organiser: Text = Field(description="Cơ quan tổ chức / organiser")
    year: Year = Field(description="Năm / year")
    opens: PartialDate | None = Field(default=None, description="Bắt đầu nhận hồ sơ / opens")
    closes: PartialDate | None = Field(default=None, description="Hết hạn nhận hồ sơ / closes")
    eligibility: Eligibility = Field(default=Eligibility(), description="Điều kiện dự thi")
    criteria: list[Criterion] = Field(
        default=[], max_length=MANY, description="Tiêu chí chấm / criteria"
    )
    method: Method | None = Field(default=None, description="Cách tổng hợp điểm / method")
    min_judges: Count = Field(default=1, description="Số giám khảo tối thiểu mỗi sáng kiến")
    tie_break: list[Key] = Field(
        default=[], max_length=MANY, description="Tiêu chí phân định khi bằng điểm"
    )
    conflict_of_interest: list[ConflictRule] = Field(
        default=["agency"],
        max_length=2,
        description="Điều gì là xung đột lợi ích / what makes a conflict",
    )
    prizes: list[Prize] = Field(
        default=[], max_length=MANY, description="Cơ cấu giải / prizes, best first"
    )
    panel: list[Judge] = Field(
        default=[], max_length=PANEL, description="Hội đồng giám khảo / the judges"
    )
    published: bool = Field(default=False, description="Công bố kết quả / results public")
    illustrative: bool = Field(
        default=False, description="Ví dụ minh họa, điểm không có thật / an example, not real"
    )
    # A contest known from a report (judged elsewhere) has sources and no judging rules.
    sources: list[Citation] = Field(
        default=[], max_length=MANY, description="Nguồn / where it is reported"
    )
    inferred: list[Literal["year", "opens", "closes"]] = Field(
        default=[],
        max_length=3,
        description="Trường do người viết suy ra / values inferred, not stated",
    )

    @property
    def missing_rules(self) -> list[str]:
        """What a contest judged here needs and this one lacks (empty: it can be judged)."""
        present = {"criteria": self.criteria, "method": self.method, "panel": self.panel}
        return [key for key, value in present.items() if not value]

    @property
    def max_total(self) -> float:
        return sum(c.max * c.weight for c in self.criteria)


@dataclass(frozen=True)
class Card:
    """One judge's scores for one entry, as the scorecard gives them."""

    judge: str
    entry: str
    scores: Mapping[str, float]
    comment: str | None = None


@dataclass(frozen=True)
class ContestData:
    """A valid contest with what the ranking needs; scores only once they were read."""

    id: str
    relpath: str
    contest: Contest
    entries: tuple[Record, ...]  # entered, eligible, valid; by id
    cards: tuple[Card, ...] = ()  # the scores that count
    excluded: tuple[Card, ...] = ()  # scores left out for a conflict of interest
    scorecards: int = 0  # scorecard files read
    source: Source | None = field(default=None, compare=False, repr=False)

    def judge(self, judge_id: str) -> Judge:
        return next(j for j in self.contest.panel if j.id == judge_id)
