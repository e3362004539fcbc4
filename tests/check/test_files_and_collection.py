"""Checks on raw files (encodings, sizes, line ends) and across records (ids, duplicates)."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

import pytest

from generator.check import check_paths

from ..conftest import MakeTree, valid_record


def texts(root, *paths) -> list[str]:  # type: ignore[no-untyped-def]
    return [issue.as_text() for issue in check_paths(root, [root / p for p in paths]).issues]


def test_crlf_line_ends_are_accepted(make_tree: MakeTree) -> None:
    root = make_tree({"a.md": valid_record().replace("\n", "\r\n").encode()})
    result = check_paths(root, [root / "a.md"])
    assert result.issues == [] and len(result.records) == 1


def test_crlf_positions_count_lines_like_lf(make_tree: MakeTree) -> None:
    text = valid_record(**{"province: Đắk Lắk": "province: Dak Lakk"})
    root = make_tree({"a.md": text.replace("\n", "\r\n").encode()})
    assert texts(root, "a.md")[0].startswith("a.md:4:11: error: province: ")


def test_byte_order_mark_is_a_warning_and_the_record_still_reads(make_tree: MakeTree) -> None:
    root = make_tree({"a.md": b"\xef\xbb\xbf" + valid_record().encode()})
    result = check_paths(root, [root / "a.md"])
    assert [i.as_text() for i in result.issues] == [
        "a.md:1:1: warning: file: tệp bắt đầu bằng BOM; hãy lưu dạng UTF-8 không có BOM"
        " — file starts with a byte-order mark; save it as UTF-8 without BOM"
    ]
    assert len(result.records) == 1


def test_non_utf8_file_names_line_and_byte(make_tree: MakeTree) -> None:
    text = valid_record().replace("Nội dung.", "Nội dung: @")
    root = make_tree({"a.md": text.encode("utf-8").replace(b"@", b"Ng\xe0y")})
    assert texts(root, "a.md") == [
        "a.md:21:13: error: file: tệp không phải UTF-8 (byte 0xE0 không đọc được); hãy lưu lại "
        "với bảng mã UTF-8 — file is not UTF-8 (cannot decode byte 0xE0); save it again as UTF-8"
    ]


def test_file_over_one_megabyte_is_refused_unread(make_tree: MakeTree) -> None:
    root = make_tree({"big.md": valid_record() + "x" * 1_000_001})
    (line,) = texts(root, "big.md")
    assert line.startswith("big.md:1:1: error: file: tệp nặng 1000")
    assert "vượt giới hạn 1000000 byte" in line and "over the 1000000-byte limit" in line


def test_same_id_in_two_folders_collides(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/ngay-thu-6.md": valid_record(),
            "initiatives/cao-bang/ngay-thu-6.md": valid_record(
                **{"province: Đắk Lắk": "province: Cao Bằng", "Ngày thứ 6 nhanh": "Thứ Sáu"}
            ),
        }
    )
    assert texts(root) == [
        "initiatives/dak-lak/ngay-thu-6.md:1:1: error: id: mã sáng kiến 'ngay-thu-6' trùng với "
        "tệp initiatives/cao-bang/ngay-thu-6.md; hãy đổi tên một trong hai tệp — id "
        "'ngay-thu-6' collides with initiatives/cao-bang/ngay-thu-6.md; rename one of the files"
    ]


def test_nfc_and_nfd_file_names_collide(make_tree: MakeTree) -> None:
    name = "ngày-thứ-6"
    root = make_tree(
        {
            f"initiatives/dak-lak/{unicodedata.normalize('NFC', name)}.md": valid_record(),
            f"initiatives/dak-lak/{unicodedata.normalize('NFD', name)}.md": valid_record(),
        }
    )
    found = check_paths(root).issues
    assert [i.code for i in found if i.is_error].count("bad-id") == 2
    assert [i.code for i in found].count("duplicate-id") == 1
    bad_id = next(i for i in found if i.code == "bad-id")
    assert "ví dụ 'ngay-thu-6.md'" in bad_id.message


def test_same_title_and_province_is_a_warning(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(),
            "initiatives/dak-lak/b.md": valid_record(**{"title: Ngày thứ 6": "title: NGÀY THỨ 6"}),
        }
    )
    assert texts(root) == [
        "initiatives/dak-lak/b.md:2:8: warning: title: trùng tên và tỉnh/thành với "
        "initiatives/dak-lak/a.md; nếu là cùng một sáng kiến, hãy gộp hai tệp — same title "
        "and province as initiatives/dak-lak/a.md; if it is the same initiative, merge the files"
    ]


def test_file_in_another_provinces_folder_is_an_error(make_tree: MakeTree) -> None:
    """Its page would be filed under the wrong province: not a matter of taste."""
    root = make_tree({"initiatives/cao-bang/a.md": valid_record()})
    assert texts(root) == [
        "initiatives/cao-bang/a.md:1:1: error: province: tệp nằm trong thư mục 'cao-bang' "
        "nhưng tỉnh/thành hiện nay là Đắk Lắk; hãy chuyển tệp vào initiatives/dak-lak/ — file "
        "is in folder 'cao-bang' but its current province is Đắk Lắk; move it to "
        "initiatives/dak-lak/"
    ]


def test_unreadable_file_is_reported_with_the_reason(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"a.md": valid_record(), "b.md": valid_record()})
    read_bytes = Path.read_bytes

    def no_permission(path: Path) -> bytes:  # the tests run as root: chmod would not do
        if path.name == "a.md":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", no_permission)
    assert texts(root, "a.md", "b.md") == [
        "a.md:1:1: error: file: không đọc được tệp: Permission denied — cannot read the file: "
        "Permission denied"
    ]


def test_former_province_file_belongs_in_todays_folder(make_tree: MakeTree) -> None:
    record = valid_record(**{"province: Đắk Lắk": "province: Phú Yên"})
    root = make_tree({"initiatives/dak-lak/a.md": record})
    assert texts(root) == []


def test_replicated_in_accepts_ids_and_provinces(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(
                **{"sources:": "replicated_in: [b, Quảng Bình, tp hcm]\nsources:"}
            ),
            "initiatives/dak-lak/b.md": valid_record(**{"Ngày thứ 6 nhanh": "Khác"}),
        }
    )
    assert texts(root) == []


def test_checking_one_file_still_sees_collisions_with_the_rest(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/x.md": valid_record(),
            "initiatives/cao-bang/x.md": valid_record(**{"Đắk Lắk": "Cao Bằng"}),
        }
    )
    found = check_paths(root, [root / "initiatives/dak-lak/x.md"]).issues
    assert [i.code for i in found] == ["duplicate-id"]


def test_bad_start_date_is_reported_once_not_compared(make_tree: MakeTree) -> None:
    record = valid_record(**{'started: "2023-11"': 'started: "11/2023"\nended: "2024"'})
    root = make_tree({"a.md": record})
    assert [i.code for i in check_paths(root, [root / "a.md"]).issues] == ["bad-date"]


def test_bare_year_counts_as_a_date_for_the_merger_checks(make_tree: MakeTree) -> None:
    record = valid_record(
        **{'started: "2023-11"': "started: 2026", "province: Đắk Lắk": "province: Phú Yên"}
    )
    root = make_tree({"a.md": record})
    found = check_paths(root, [root / "a.md"]).issues
    assert [i.code for i in found] == ["former-province-after-merger"]


def test_body_images_with_impossible_names_are_reported_not_raised(make_tree: MakeTree) -> None:
    body = "\n![a](a\x00.png)\n![b](" + "b" * 5000 + ".png)\n![c](../../ngoai.png)\n"
    root = make_tree({"a.md": valid_record() + body})
    found = check_paths(root, [root / "a.md"]).issues
    assert [(i.line, i.code) for i in found if "image" in i.code] == [
        (23, "bad-image-name"),  # a NUL is no character of a name
        (24, "image-missing"),  # a name too long for the system
        (25, "image-outside"),
    ]


@pytest.mark.parametrize(
    ("summary", "warned"),
    [
        ("Ngày thứ 6 nhanh.", True),
        ("NGÀY THỨ 6 NHANH!!! — …", True),
        ("Ngày thứ 6 nhanh: giải quyết hồ sơ trong ngày.", False),
        ("Nhanh ngày thứ 6.", False),
    ],
)
def test_a_summary_that_only_repeats_the_title_is_a_warning(
    make_tree: MakeTree, summary: str, warned: bool
) -> None:
    line = "summary: Mỗi thứ Sáu, UBND xã ưu tiên giải quyết hồ sơ ngay trong ngày cho người dân."
    root = make_tree({"a.md": valid_record(**{line: f"summary: '{summary}'"})})
    codes = [i.code for i in check_paths(root, [root / "a.md"]).issues]
    assert codes == (["summary-repeats-title"] if warned else [])


def test_a_file_name_without_letters_gets_a_placeholder_suggestion(make_tree: MakeTree) -> None:
    root = make_tree({"%%%.md": valid_record()})
    (issue,) = check_paths(root, [root / "%%%.md"]).issues
    assert issue.code == "bad-id" and "e.g. 'ten-sang-kien.md'" in issue.message_en


def test_same_title_is_found_past_a_record_without_one(make_tree: MakeTree) -> None:
    title = "title: Ngày thứ 6 nhanh\n"
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(**{title: ""}),
            "initiatives/dak-lak/b.md": valid_record(),
            "initiatives/dak-lak/c.md": valid_record(),
        }
    )
    codes = [(Path(i.path).name, i.code) for i in check_paths(root).issues]
    assert codes == [("a.md", "missing"), ("c.md", "same-title-and-province")]


def test_the_same_title_in_another_province_is_no_duplicate(make_tree: MakeTree) -> None:
    cao_bang = valid_record(**{"province: Đắk Lắk": "province: Cao Bằng"})
    root = make_tree(
        {"initiatives/dak-lak/a.md": valid_record(), "initiatives/cao-bang/b.md": cao_bang}
    )
    assert check_paths(root).issues == []


def test_a_checked_file_hears_of_an_untouched_duplicate_whatever_their_order(
    make_tree: MakeTree,
) -> None:
    """A pull request that edits the earlier of two same-titled files is still told, on
    the title's line; a near twin is named with its title."""
    monday = "Ngày thứ Hai một cửa nhanh gọn"
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(),
            "initiatives/dak-lak/b.md": valid_record(),
            "initiatives/dak-lak/c.md": valid_record(**{"Ngày thứ 6 nhanh": monday}),
            "initiatives/dak-lak/d.md": valid_record(**{"Ngày thứ 6 nhanh": monday + " hơn"}),
        }
    )
    checked = [root / "initiatives/dak-lak/a.md", root / "initiatives/dak-lak/c.md"]
    assert [i.as_text() for i in check_paths(root, checked).issues] == [
        "initiatives/dak-lak/a.md:2:8: warning: title: trùng tên và tỉnh/thành với"
        " initiatives/dak-lak/b.md; nếu là cùng một sáng kiến, hãy gộp hai tệp — same title"
        " and province as initiatives/dak-lak/b.md; if it is the same initiative, merge the"
        " files",
        "initiatives/dak-lak/c.md:2:8: warning: title: tên rất gần với sáng kiến đã có cùng"
        f" tỉnh, thành: initiatives/dak-lak/d.md ('{monday} hơn'); nếu là cùng một sáng kiến,"
        " hãy sửa tệp đã có thay vì thêm tệp mới — the title is very close to an initiative of"
        f" the same province: initiatives/dak-lak/d.md ('{monday} hơn'); if it is the same"
        " one, edit that file instead of adding a new one",
    ]


@pytest.mark.parametrize(("year", "accepted"), [(1944, False), (1945, True), (2100, True),
                                                (2101, False)])  # fmt: skip
def test_recognition_years_run_from_1945_to_2100(
    make_tree: MakeTree, year: int, accepted: bool
) -> None:
    recognition = f"recognition: [{{title: Bằng khen, by: UBND tỉnh, year: {year}}}]\nsources:"
    root = make_tree({"a.md": valid_record(**{"sources:": recognition})})
    codes = [i.code for i in check_paths(root, [root / "a.md"]).issues]
    assert codes == ([] if accepted else ["bad-year"])


@pytest.mark.parametrize(
    ("province", "code"),
    [
        ("province: Đắk Lắk\nprovince: Dak Lakk", "duplicate-key"),
        ("province: !!str Dak Lakk", "yaml-tag"),
    ],
)
def test_a_province_the_reader_refused_is_not_reported_twice(
    make_tree: MakeTree, province: str, code: str
) -> None:
    root = make_tree({"initiatives/dak-lak/a.md": valid_record(**{"province: Đắk Lắk": province})})
    assert [i.code for i in check_paths(root).issues] == [code]  # no "unknown-province"


@pytest.mark.parametrize(
    ("old", "new", "codes"),
    [
        ("province: Đắk Lắk", "province: <b>Dak Lakk</b>", ["html-in-text"]),
        ("domains: [procedures]", "domains: [<b>x</b>]", ["html-in-text"]),
        ("tags: [một cửa]", 'tags: ["!\\n!"]', ["not-one-line"]),
        ("status: active", "status: active\ncontests: [Bad Key, Bad Key]", ["bad-key"] * 2),
        ('started: "2023-11"', 'started: !!str 2023-11\nended: "2020"', ["yaml-tag"]),
        ("status: active", "status: active\ninferred: [foo]", ["not-one-of"]),
    ],
)
def test_a_value_the_model_or_reader_refused_is_not_judged_again(
    make_tree: MakeTree, old: str, new: str, codes: list[str]
) -> None:
    """One pass: the rules across fields read the model's verdict, so a refused value is
    told once, not also called an unknown province or domain, a repeat, a missing field,
    or compared."""
    root = make_tree({"initiatives/dak-lak/a.md": valid_record(**{old: new})})
    assert [i.code for i in check_paths(root).issues] == codes


def test_a_named_file_is_checked_whatever_sorts_before_it(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(**{"Ngày thứ 6 nhanh": "Ngày thứ Hai"}),
            "initiatives/dak-lak/b.md": valid_record(**{"level: commune": "level: xa"}),
        }
    )
    issues = check_paths(root, [root / "initiatives/dak-lak/b.md"]).issues
    assert [(i.path, i.field) for i in issues] == [("initiatives/dak-lak/b.md", "level")]


def test_an_id_that_names_a_province_is_refused(make_tree: MakeTree) -> None:
    """``replicated_in`` takes record ids and province names, and an id came first: a new
    record saved as ``ha-noi.md`` took over every ``replicated_in: [ha-noi]`` of the other
    records, whose pages then linked to it (its title shown) instead of Hà Nội's page."""
    root = make_tree(
        {
            "initiatives/dak-lak/ngay-thu-6.md": valid_record(
                **{"status: active": "status: active\nreplicated_in: [ha-noi]"}
            ),
            "initiatives/ha-noi/ha-noi.md": valid_record(
                **{"province: Đắk Lắk": "province: Hà Nội", "Ngày thứ 6 nhanh": "Trang khác"}
            ),
        }
    )
    assert texts(root) == [
        "initiatives/ha-noi/ha-noi.md:1:1: error: id: mã sáng kiến 'ha-noi' đọc được là tên"
        " tỉnh, thành 'Hà Nội', nên 'replicated_in' của hồ sơ khác không còn phân biệt được;"
        " hãy đổi tên tệp theo tên sáng kiến — the initiative id 'ha-noi' reads as the"
        " province 'Hà Nội', so the other records' 'replicated_in' could no longer tell them"
        " apart; rename the file after the initiative's title"
    ]
