"""Names and links under ``initiatives/`` and ``contests/`` (issue 21, ``repopaths.py``).

Every folder, record and image is named like an id, with a lower-case extension; a
symbolic link is refused and never read. Each case runs the real command and compares
whole messages, position included.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ..conftest import MakeTree, valid_record
from ..contests.conftest import ContestRepo
from .test_fuzz import run_main

XSS_FOLDER = 'x"><img src=x onerror=alert(1)>'
FOLDER_VI = (
    "tên thư mục '{name}' không dùng được trong địa chỉ trang; tên thư mục chỉ dùng chữ thường "
    "không dấu, số và dấu gạch ngang: hãy đổi tên thư mục thành '{new}'"
)
FOLDER_EN = (
    "folder name '{name}' cannot be part of a page address; use lower-case ASCII letters, "
    "digits and hyphens: rename the folder '{new}'"
)
LINK = (
    "error: file: đây là liên kết tượng trưng (symlink), không được đọc; hãy thay bằng tệp hoặc "
    "thư mục thật, hoặc xóa nó — this is a symbolic link, which is never followed; replace it "
    "with the real file or folder, or remove it"
)


def check(root: Path, *args: str) -> tuple[int | str, list[str]]:
    code, out, err = run_main("--root", str(root), "check", *args)
    assert err == ""
    return code, out.splitlines()[:-1]  # the findings, without the closing count


def folder_line(path: str, name: str, new: str) -> str:
    vi, en = FOLDER_VI.format(name=name, new=new), FOLDER_EN.format(name=name, new=new)
    return f"{path}:1:1: error: file: {vi} — {en}"


def test_a_folder_that_breaks_out_of_the_edit_link_is_refused(make_tree: MakeTree) -> None:
    rel = f"initiatives/dak-lak/{XSS_FOLDER}/edit-xss.md"
    root = make_tree({rel: valid_record()})
    expected = [folder_line(rel, XSS_FOLDER, "x-img-src-x-onerror-alert-1")]
    assert check(root) == (1, expected)
    assert check(root, str(root / rel)) == (1, expected)  # one file, as a pull request names it


def test_every_folder_under_the_province_is_an_id(make_tree: MakeTree) -> None:
    rel = "initiatives/dak-lak/Năm 2024/Quý_1/a.md"
    root = make_tree({rel: valid_record()})
    assert check(root) == (
        1,
        [folder_line(rel, "Năm 2024", "nam-2024"), folder_line(rel, "Quý_1", "quy-1")],
    )


def test_a_province_folder_misnamed_is_said_once(make_tree: MakeTree) -> None:
    root = make_tree({"initiatives/Đắk Lắk/a.md": valid_record()})
    code, lines = check(root)
    assert code == 1
    assert [line.split(": ")[2] for line in lines] == ["province"]  # wrong-folder alone
    assert "move it to initiatives/dak-lak/" in lines[0]


def test_a_bad_file_name_is_told_a_free_id(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/ngay-thu-6.md": valid_record(),
            "initiatives/dak-lak/Ngay Thu 6.md": valid_record(
                **{"Ngày thứ 6 nhanh": "Một cửa thứ Bảy"}
            ),
        }
    )
    assert check(root) == (
        1,
        [
            "initiatives/dak-lak/Ngay Thu 6.md:1:1: error: id: tên tệp 'Ngay Thu 6' không dùng "
            "được làm mã sáng kiến; chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "
            "'ngay-thu-6-2.md' — file name 'Ngay Thu 6' is not a valid id; use lower-case ASCII "
            "letters, digits and hyphens, e.g. 'ngay-thu-6-2.md'"
        ],
    )


def test_an_image_name_with_a_hash_is_refused_where_it_is_written(make_tree: MakeTree) -> None:
    record = valid_record(
        **{"tags: [một cửa]": "tags: [một cửa]\nimages:\n  - src: anh/so-do#1.png\n    alt: Sơ đồ"}
    )
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": record + "\n![Sơ đồ](anh/so-do#1.png)\n",
            "initiatives/dak-lak/anh/so-do#1.png": b"\x89PNG",
        }
    )
    message = (
        "error: {field}: đường dẫn ảnh 'anh/so-do#1.png' có tên không dùng được trong địa chỉ "
        "trang; thư mục và tệp ảnh chỉ dùng chữ thường không dấu, số và dấu gạch ngang, đuôi "
        "viết thường: hãy đổi tên thành 'anh/so-do-1.png' và ghi đường dẫn đó ở đây — image path "
        "'anh/so-do#1.png' has a name a page address cannot carry; image folders and files use "
        "lower-case ASCII letters, digits and hyphens, with a lower-case extension: rename it "
        "'anh/so-do-1.png' and write that path here"
    )
    assert check(root) == (
        1,
        [
            f"initiatives/dak-lak/a.md:11:10: {message.format(field='images[0].src')}",
            f"initiatives/dak-lak/a.md:26:10: {message.format(field='body')}",
        ],
    )


def test_an_svg_is_refused_with_what_to_do(make_tree: MakeTree) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    )
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record() + "\n![Sơ đồ](anh/so-do.svg)\n",
            "initiatives/dak-lak/anh/so-do.svg": svg,
        }
    )
    assert check(root) == (
        1,
        [
            "initiatives/dak-lak/a.md:23:10: error: body: ảnh 'anh/so-do.svg' là SVG nên không "
            "được nhận: SVG là một chương trình chứ không chỉ là hình, nó chạy được mã trên trang; "
            "hãy xuất hình ra PNG (sơ đồ, biểu đồ) hoặc WebP, JPG (ảnh chụp) rồi dùng tệp đó — "
            "image 'anh/so-do.svg' is an SVG, which is refused: an SVG is a program, not just a "
            "picture, and can run script on the site; export it as PNG (diagrams, charts) or "
            "WebP, JPG (photos) and use that file"
        ],
    )


# --- symbolic links --------------------------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the repository that a link would have the checker print."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("---\ntitle: SECRET_TOKEN=hunter2\n---\n", encoding="utf-8")
    return path


def test_a_record_that_is_a_link_is_refused_unread(make_tree: MakeTree, secret: Path) -> None:
    root = make_tree({"repo/initiatives/dak-lak/a.md": valid_record()}) / "repo"
    (root / "initiatives" / "dak-lak" / "b.md").symlink_to(secret)
    expected = [f"initiatives/dak-lak/b.md:1:1: {LINK}"]
    assert check(root) == (1, expected)
    assert check(root, str(root / "initiatives" / "dak-lak" / "b.md")) == (1, expected)
    code, out, _ = run_main("--root", str(root), "check", "--format", "github")
    assert (
        code == 1
        and "hunter2" not in out
        and out.startswith(
            "::error file=initiatives/dak-lak/b.md,line=1,col=1,title=sangkien symlink::"
        )
    )


def test_a_dangling_link_is_refused_like_any_other(make_tree: MakeTree) -> None:
    root = make_tree({"initiatives/dak-lak/a.md": valid_record()})
    (root / "initiatives" / "dak-lak" / "b.md").symlink_to(root / "nowhere.md")
    named = str(root / "initiatives" / "dak-lak" / "b.md")
    assert check(root, named) == (1, [f"initiatives/dak-lak/b.md:1:1: {LINK}"])


def test_a_folder_that_is_a_link_is_refused_and_not_entered(
    make_tree: MakeTree, secret: Path
) -> None:
    root = make_tree({"repo/initiatives/dak-lak/a.md": valid_record()}) / "repo"
    (root / "initiatives" / "cao-bang").symlink_to(secret.parent, target_is_directory=True)
    (root / "initiatives").rename(root / "that")
    (root / "initiatives").symlink_to(root / "that", target_is_directory=True)
    assert check(root) == (1, [f"initiatives/:1:1: {LINK}"])
    (root / "initiatives").unlink()
    (root / "that").rename(root / "initiatives")
    assert check(root) == (1, [f"initiatives/cao-bang/:1:1: {LINK}"])


def test_an_image_through_a_link_is_refused(make_tree: MakeTree, tmp_path: Path) -> None:
    root = make_tree({"repo/initiatives/dak-lak/a.md": valid_record() + "\n![x](anh/x.png)\n"})
    root = root / "repo"
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    (root / "initiatives" / "dak-lak" / "anh").mkdir()
    (root / "initiatives" / "dak-lak" / "anh" / "x.png").symlink_to(tmp_path / "x.png")
    assert check(root) == (
        1,
        [
            "initiatives/dak-lak/a.md:23:6: error: body: ảnh 'anh/x.png' đi qua một liên kết "
            "tượng trưng (symlink), không được đọc; hãy chép tệp ảnh thật vào cạnh hồ sơ — image "
            "'anh/x.png' goes through a symbolic link, which is never followed; copy the real "
            "image file next to the record",
            f"initiatives/dak-lak/anh/x.png:1:1: {LINK}",
        ],
    )


def test_a_contest_file_linked_to_the_environment_is_never_read(make_tree: MakeTree) -> None:
    root = make_tree({"initiatives/dak-lak/a.md": valid_record()})
    (root / "contests" / "x").mkdir(parents=True)
    (root / "contests" / "x" / "contest.yml").symlink_to("/proc/self/environ")
    os.environ["SANGKIEN_TEST_SECRET"] = "hunter2"
    try:
        for form in ("text", "github"):
            code, out, _ = run_main("--root", str(root), "check", "--format", form)
            assert code == 1 and "hunter2" not in out and "PATH=" not in out
        assert check(root) == (1, [f"contests/x/contest.yml:1:1: {LINK}"])
        code, _, err = run_main("--root", str(root), "judge", "x")
        assert code == 1 and f"contests/x/contest.yml:1:1: {LINK}" in err
        assert "hunter2" not in err
    finally:
        del os.environ["SANGKIEN_TEST_SECRET"]


def test_links_anywhere_under_contests_are_refused(make_tree: MakeTree, secret: Path) -> None:
    root = make_tree({"repo/initiatives/dak-lak/a.md": valid_record()}) / "repo"
    (root / "contests" / "y" / "scores").mkdir(parents=True)
    (root / "contests" / "y" / "contest.yml").write_text(
        "title: Hội thi\norganiser: Sở Nội vụ\nyear: 2025\n", encoding="utf-8"
    )
    (root / "contests" / "y" / "scores" / "gk-01.yml").symlink_to(secret)
    (root / "contests" / "z").symlink_to(secret.parent, target_is_directory=True)
    assert check(root) == (
        1,
        [f"contests/y/scores/gk-01.yml:1:1: {LINK}", f"contests/z/:1:1: {LINK}"],
    )


def test_changed_since_sees_a_bad_folder_and_a_link(tmp_path: Path, secret: Path) -> None:
    root = tmp_path / "repo"
    (root / "initiatives" / "dak-lak").mkdir(parents=True)
    (root / "initiatives" / "dak-lak" / "a.md").write_text(valid_record(), encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    folder = root / "initiatives" / "dak-lak" / "Moi_2025"
    folder.mkdir()
    (folder / "b.md").write_text(valid_record(**{"Ngày thứ 6 nhanh": "Một cửa"}), "utf-8")
    (root / "initiatives" / "dak-lak" / "c.md").symlink_to(secret)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "pull request"], check=True)
    code, lines = check(root, "--changed-since", "HEAD~1")
    rel = "initiatives/dak-lak/Moi_2025/b.md"
    assert (code, lines) == (
        1,
        [folder_line(rel, "Moi_2025", "moi-2025"), f"initiatives/dak-lak/c.md:1:1: {LINK}"],
    )


# --- contests ------------------------------------------------------------------------


def test_a_contest_folder_and_a_scorecard_are_named_as_ids(tmp_path: Path) -> None:
    repo = ContestRepo(tmp_path / "repo")
    repo.record("a", contests=())
    repo.contest("Hội thi 2025")
    repo.contest()
    repo.scores("GK 01", {"a": (1, 1, 1)})
    code, issues = repo.check()
    assert code == 1
    assert [(i["path"], i["line"], i["field"], i["message_en"]) for i in issues] == [
        (
            "contests/Hội thi 2025/contest.yml",
            1,
            "id",
            "'Hội thi 2025' cannot be used as an id; use lower-case letters without marks, "
            "digits and hyphens, e.g. 'hoi-thi-2025'",
        ),
        (
            "contests/hoi-thi/scores/GK 01.yml",
            1,
            "file",
            "scorecard name 'GK 01.yml' must be the judge's id (lower-case ASCII letters, "
            "digits, hyphens) ending in .yml; rename it 'gk-01.yml'",
        ),
    ]
