"""What judges receive: blind packets, blank scorecards, and a fair, repeatable assignment."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import yaml

from .conftest import SOURCE_URL, ContestRepo


def test_packets_leave_out_who_made_the_entry(repo: ContestRepo, tmp_path: Path) -> None:
    repo.record("a", title="Một cửa số", agency="UBND xã Hòa Thắng Bí Mật")
    (repo.root / "initiatives/dak-lak/a.md").write_text(
        (repo.root / "initiatives/dak-lak/a.md").read_text(encoding="utf-8").replace(
            "level: commune", "level: commune\nlocality: Xã Địa Bàn Kín\n"
            "contact: {unit: Văn phòng Liên Hệ Kín, email: lienhe@example.gov.vn}"
        ) + "\n<script>alert(1)</script>\n",
        encoding="utf-8",
    )  # fmt: skip
    repo.contest()
    packets = tmp_path / "goi"
    code, _, err = repo.run("judge", "hoi-thi", "--packets", str(packets))
    assert code == 1 and "a.md:" in err and "<script>" in err  # the record must be fixed first
    path = repo.root / "initiatives/dak-lak/a.md"
    path.write_text(path.read_text("utf-8").replace("<script>alert(1)</script>", ""), "utf-8")
    code, _out, err = repo.run("judge", "hoi-thi", "--packets", str(packets))
    assert code == 0, err
    html = (packets / "gk-01.html").read_text(encoding="utf-8")
    assert "Một cửa số" in html and "Tóm tắt của Một cửa số." in html and "Nội dung của" in html
    for hidden in ("Bí Mật", "Địa Bàn Kín", "Liên Hệ Kín", "lienhe@", SOURCE_URL, "Báo Đắk Lắk"):
        assert hidden not in html, hidden
    assert "<script" not in html and "http" not in html.split("</style>")[1]


def test_a_blank_scorecard_is_refused_until_filled_in(repo: ContestRepo, tmp_path: Path) -> None:
    repo.record("a")
    repo.record("b")
    repo.contest()
    packets = tmp_path / "goi"
    assert repo.run("judge", "hoi-thi", "--packets", str(packets))[0] == 0
    blank = (packets / "gk-01.yml").read_text(encoding="utf-8")
    assert "tinh-moi:  # Tính mới, 0–30" in blank
    card = repo.root / "contests/hoi-thi/scores/gk-01.yml"
    card.parent.mkdir(parents=True)
    card.write_text(blank, encoding="utf-8")
    code, issues = repo.check()
    assert code == 1 and {i["code"] for i in issues} == {"score-not-number"}
    assert len(issues) == 6  # two entries × three criteria, each on its own line
    filled = yaml.safe_load(blank)
    for scores in filled.values():
        scores.update({"tinh-moi": 10, "hieu-qua": 20, "nhan-rong": 10})
    card.write_text(yaml.safe_dump(filled, allow_unicode=True), encoding="utf-8")
    assert repo.check() == (0, [])


def test_assignment_gives_k_judges_each_without_conflicts_and_even_loads(
    repo: ContestRepo, tmp_path: Path
) -> None:
    for n in range(12):
        repo.record(f"s-{n:02d}", agency="UBND xã Một" if n < 4 else f"UBND xã {n}")
    panel = [{"id": f"gk-{n}", "name": f"GK {n}", "unit": f"Sở {n}"} for n in range(1, 7)]
    panel[0]["unit"] = "UBND xã Một"  # gk-1 may not score s-00 … s-03
    repo.contest(panel=panel)

    def assignment(seed: int) -> list[tuple[str, str]]:
        folder = tmp_path / f"seed-{seed}"
        code, _, err = repo.run("judge", "hoi-thi", "--packets", str(folder), "--assign", "3",
                                "--seed", str(seed))  # fmt: skip
        assert code == 0, err
        with (folder / "phan-cong.csv").open(encoding="utf-8") as table:
            return [(row["judge"], row["entry"]) for row in csv.DictReader(table)]

    pairs = assignment(7)
    per_entry = Counter(entry for _, entry in pairs)
    assert set(per_entry.values()) == {3} and len(per_entry) == 12
    assert not {("gk-1", f"s-{n:02d}") for n in range(4)} & set(pairs)
    loads = Counter(judge for judge, _ in pairs)
    assert max(loads.values()) - min(loads.values()) <= 1 and sum(loads.values()) == 36
    assert assignment(7) == pairs  # the same seed, the same assignment
    assert assignment(8) != pairs
    packet = (tmp_path / "seed-7" / "gk-1.yml").read_text(encoding="utf-8")
    assert sorted(yaml.safe_load(packet)) == sorted(e for j, e in pairs if j == "gk-1")


def test_assignment_says_when_the_panel_is_too_small(repo: ContestRepo, tmp_path: Path) -> None:
    repo.record("a", agency="Sở Một")
    panel = [
        {"id": "gk-1", "name": "A", "unit": "Sở Một"},
        {"id": "gk-2", "name": "B", "unit": "Sở Hai"},
    ]
    repo.contest(panel=panel)
    code, _, err = repo.run("judge", "hoi-thi", "--packets", str(tmp_path / "p"), "--assign", "2")
    assert code == 1 and "a: chỉ có 1 giám khảo" in err


def test_packets_never_write_over_a_filled_scorecard(repo: ContestRepo, tmp_path: Path) -> None:
    """Writing the packets again into the folder where a judge had filled in the scorecard
    replaced it with a blank one: the judge's scores were lost without a word."""
    repo.record("a")
    repo.contest()
    packets = tmp_path / "goi"
    assert repo.run("judge", "hoi-thi", "--packets", str(packets))[0] == 0
    assert repo.run("judge", "hoi-thi", "--packets", str(packets))[0] == 0  # still blank: fine
    card = packets / "gk-02.yml"
    filled = card.read_text("utf-8").replace("tinh-moi:  #", "tinh-moi: 25  #")
    card.write_text(filled, "utf-8")
    code, out, err = repo.run("judge", "hoi-thi", "--packets", str(packets))
    assert (code, out) == (2, "")
    assert err == (
        f"sangkien judge: {card} đã có điểm hoặc nhận xét của giám khảo; không ghi đè: hãy"
        " chuyển phiếu này đi, hoặc ghi hồ sơ vào một thư mục khác — already holds a judge's"
        " scores or comments; not overwritten: move it away, or write the packets to another"
        " folder\n"
    )
    assert card.read_text("utf-8") == filled
