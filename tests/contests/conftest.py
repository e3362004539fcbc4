"""Small contests written into ``tmp_path``: records, ``contest.yml`` and scorecards."""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..check.test_fuzz import run_main

CONTEST = "hoi-thi"
SOURCE_URL = "https://baodaklak.vn/bai-bao"
# Three criteria; a judge's total is tinh-moi + 2 × hieu-qua + nhan-rong (at most 140).
BASE: dict[str, Any] = {
    "title": "Hội thi sáng kiến thử",
    "organiser": "Sở Nội vụ tỉnh Đắk Lắk",
    "year": 2025,
    "opens": "2025-03-01",
    "closes": "2025-06-30",
    "criteria": [
        {"id": "tinh-moi", "label": "Tính mới", "max": 30, "weight": 1},
        {"id": "hieu-qua", "label": "Hiệu quả", "max": 40, "weight": 2},
        {"id": "nhan-rong", "label": "Khả năng nhân rộng", "max": 30, "weight": 1},
    ],
    "method": "mean",
    "min_judges": 1,
    "tie_break": ["hieu-qua", "tinh-moi"],
    "conflict_of_interest": ["agency"],
    "prizes": [{"label": "Giải Nhất", "count": 1}, {"label": "Giải Nhì", "count": 1}],
    "panel": [
        {"id": f"gk-0{n}", "name": f"Giám khảo {n}", "unit": f"Đơn vị {n}"} for n in range(1, 6)
    ],
    "published": False,
}


WORDS = (
    "bưu điện", "mã QR", "một cửa", "tin nhắn", "người cao tuổi", "hộ kinh doanh",
    "đất đai", "giấy phép", "học sinh", "nông dân", "thuế", "y tế", "bảo hiểm", "hộ tịch",
    "doanh nghiệp", "thanh niên", "điện tử", "phản ánh", "lao động", "nhà ở",
)  # fmt: skip


def distinct_title(record_id: str) -> str:
    """A title of its own for each id, so no two test records read as duplicates."""
    n = zlib.crc32(record_id.encode())
    picked = [WORDS[(n >> shift) % len(WORDS)] for shift in (0, 7, 14)]
    return f"{' '.join(dict.fromkeys(picked)).capitalize()} {record_id}"


def record_text(
    title: str,
    *,
    agency: str = "UBND xã Hòa Thắng",
    province: str = "Đắk Lắk",
    level: str = "commune",
    domains: tuple[str, ...] = ("procedures",),
    started: str = "2024",
    contests: tuple[str, ...] = (CONTEST,),
) -> str:
    meta = {
        "title": title,
        "summary": f"Tóm tắt của {title}.",
        "province": province,
        "agency": agency,
        "level": level,
        "domains": list(domains),
        "status": "active",
        "started": started,
        "contests": list(contests),
        "sources": [
            {"title": "Bài báo", "publisher": "Báo Đắk Lắk", "date": "2025", "url": SOURCE_URL}
        ],
    }
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n\nNội dung của {title}.\n"


class ContestRepo:
    """A repository with records, one contest and its scorecards, and the commands on it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "initiatives" / "dak-lak").mkdir(parents=True, exist_ok=True)
        if not (root / "mkdocs.yml").exists():
            (root / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")

    def record(self, record_id: str, folder: str = "dak-lak", **fields: Any) -> Path:
        path = self.root / "initiatives" / folder / f"{record_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = fields.pop("title", distinct_title(record_id))
        path.write_text(record_text(title, **fields), encoding="utf-8")
        return path

    def contest(self, contest_id: str = CONTEST, **changes: Any) -> Path:
        path = self.root / "contests" / contest_id / "contest.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {**BASE, **changes}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    def scores(
        self, judge: str, cards: Mapping[str, Any], contest_id: str = CONTEST, text: str = ""
    ) -> Path:
        """A scorecard; ``(a, b, c)`` stands for tinh-moi, hieu-qua, nhan-rong."""
        path = self.root / "contests" / contest_id / "scores" / f"{judge}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            entry: dict(zip(("tinh-moi", "hieu-qua", "nhan-rong"), value, strict=True))
            if isinstance(value, tuple)
            else value
            for entry, value in cards.items()
        }
        body = text or yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path.write_text(body, encoding="utf-8")
        return path

    def run(self, *args: str) -> tuple[int | str, str, str]:
        return run_main("--root", str(self.root), *args)

    def judge(self, *args: str, contest_id: str = CONTEST) -> dict[str, Any]:
        code, out, err = self.run("judge", contest_id, "--format", "json", *args)
        assert code == 0, err
        return json.loads(out)

    def check(self, *args: str) -> tuple[int | str, list[dict[str, Any]]]:
        code, out, err = self.run("check", "--format", "json", *args)
        assert err == "", err
        return code, json.loads(out)["issues"]


@pytest.fixture
def repo(tmp_path: Path) -> ContestRepo:
    return ContestRepo(tmp_path / "repo")


def by_id(result: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {line["id"]: line for line in result["ranking"]}
