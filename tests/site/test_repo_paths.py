"""Names under ``initiatives/`` reach page addresses: a bad one is refused before MkDocs runs.

``anh/so-do#1.png`` used to pass the check and then fail MkDocs' strict build for every
later pull request; a folder named ``x"><img src=x onerror=alert(1)>`` used to pass and
put script in the page's edit link. Both are refused by the real ``build`` with a located
message, the previous site untouched; renamed as suggested, the image is published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from ..check.test_fuzz import run_main
from ..conftest import valid_record
from .conftest import SITE_FIXTURE, broken_links
from .test_build import tree_digest

PICTURE = SITE_FIXTURE / "dak-lak" / "anh" / "quay-ma-qr.png"
HASH_NAME = (
    "đường dẫn ảnh 'anh/so-do#1.png' có tên không dùng được trong địa chỉ trang; thư mục và "
    "tệp ảnh chỉ dùng chữ thường không dấu, số và dấu gạch ngang, đuôi viết thường: hãy đổi "
    "tên thành 'anh/so-do-1.png' và ghi đường dẫn đó ở đây — image path 'anh/so-do#1.png' has "
    "a name a page address cannot carry; image folders and files use lower-case ASCII "
    "letters, digits and hyphens, with a lower-case extension: rename it 'anh/so-do-1.png' "
    "and write that path here"
)


def test_bad_names_are_refused_before_mkdocs_and_fixed_as_suggested(project: Path) -> None:
    assert run_main("--root", str(project), "build")[0] == 0
    before = tree_digest(project / "site")
    folder = project / "initiatives" / "dak-lak"
    shutil.copy(PICTURE, folder / "anh" / "so-do#1.png")
    record = valid_record(**{"Ngày thứ 6 nhanh": "Sơ đồ quy trình một cửa"})
    (folder / "so-do.md").write_text(record + "\n![Sơ đồ](anh/so-do#1.png)\n", "utf-8")
    hostile = folder / 'x"><img src=x onerror=alert(1)>'
    hostile.mkdir()
    (hostile / "edit-xss.md").write_text(valid_record(**{"Ngày thứ 6 nhanh": "Sửa"}), "utf-8")

    code, out, err = run_main("--root", str(project), "build", "--format", "github")
    assert code == 1 and "Build failed; the previous site is untouched." in err
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert errors == [
        "::error file=initiatives/dak-lak/so-do.md,line=23,col=10,title=sangkien "
        f"bad-image-name::body: {HASH_NAME}",
        '::error file=initiatives/dak-lak/x"><img src=x onerror=alert(1)>/edit-xss.md,'
        "line=1,col=1,title=sangkien bad-folder-name::file: tên thư mục 'x\"><img src=x "
        "onerror=alert(1)>' không dùng được trong địa chỉ trang; tên thư mục chỉ dùng chữ "
        "thường không dấu, số và dấu gạch ngang: hãy đổi tên thư mục thành "
        "'x-img-src-x-onerror-alert-1' — folder name 'x\"><img src=x onerror=alert(1)>' cannot "
        "be part of a page address; use lower-case ASCII letters, digits and hyphens: rename "
        "the folder 'x-img-src-x-onerror-alert-1'",
    ]
    assert tree_digest(project / "site") == before

    (folder / "anh" / "so-do#1.png").rename(folder / "anh" / "so-do-1.png")
    (folder / "so-do.md").write_text(record + "\n![Sơ đồ](anh/so-do-1.png)\n", "utf-8")
    hostile.rename(folder / "x-img-src-x-onerror-alert-1")
    assert run_main("--root", str(project), "build")[0] == 0
    site = project / "site"
    page = BeautifulSoup(
        (site / "sang-kien" / "so-do" / "index.html").read_text("utf-8"), "html.parser"
    )
    (image,) = [img for img in page.select("article img") if img.get("alt") == "Sơ đồ"]
    assert (site / "sang-kien" / "so-do" / str(image["src"])).read_bytes() == PICTURE.read_bytes()
    edit = page.select_one('a[href$="/initiatives/dak-lak/so-do.md"]')  # "Sửa trang này"
    assert edit is not None
    assert broken_links(site) == []
