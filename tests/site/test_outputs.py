"""Every generated path has one producer; a second one is a located error naming both."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator import build as build_module
from generator import urls
from generator.build import generate
from generator.check import CheckResult, check_paths
from generator.publish.outputs import Origin, Outputs

from ..conftest import FIXTURES
from .conftest import make_project


def test_second_producer_of_a_path_is_reported_not_written() -> None:
    outputs = Outputs()
    outputs.add("the/index.md", "tag index", Origin("theme/pages/facets.md.j2", label="'facets'"))
    outputs.add(
        "the/index.md", "tag page", Origin("initiatives/a.md", 9, 17, "tags[1]", "từ khóa 'Index'")
    )
    assert outputs.files == {"the/index.md": "tag index"}
    (issue,) = outputs.issues
    assert issue.as_text() == (
        "initiatives/a.md:9:17: error: tags[1]: từ khóa 'Index' tạo ra trang the/index.md, nhưng "
        "'facets' (theme/pages/facets.md.j2:1) đã tạo ra trang đó; hãy đổi tên một trong hai — "
        "từ khóa 'Index' produces the/index.md, which 'facets' (theme/pages/facets.md.j2:1) "
        "already produces; rename one of them"
    )


def test_a_tag_named_index_cannot_replace_the_tag_index(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the checker's reserved-slug error bypassed, the generator still refuses."""
    checked = check_paths(project)
    record = checked.records[0]
    tagged = record.initiative.model_copy(update={"tags": ["Index"]})
    records = [dataclasses.replace(record, initiative=tagged), *checked.records[1:]]
    monkeypatch.setattr(
        build_module, "check_paths", lambda root, **_: CheckResult(len(records), records, [])
    )
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    _, issues, site, _ = generate(project)
    assert site is None
    assert [(i.code, i.path, i.line, i.column, i.field) for i in issues] == [
        ("output-collision", record.relpath, *record.position("tags", 0), "tags[0]")
    ]
    assert record.position("tags", 0) != (1, 1)  # located at the tag itself
    assert "the/index.md" in issues[0].message and "facets.md.j2" in issues[0].message
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_every_generated_file_names_what_made_it(project: Path) -> None:
    """Origins are what a collision message shows: the file (and field) to look at."""
    from generator.build import collect_outputs
    from generator.check import check_paths
    from generator.publish.site import build_site
    from generator.vocab import load_vocabulary

    site = build_site(check_paths(project).records, load_vocabulary())
    origins = collect_outputs(site, project).origins
    record = "initiatives/dak-lak/tuyen-pho-khong-tien-mat.md"
    page = origins["sang-kien/tuyen-pho-khong-tien-mat.md"]
    assert (page.path, page.field, page.label) == (
        record,
        "id",
        "sáng kiến 'tuyen-pho-khong-tien-mat'",
    )
    image = origins["sang-kien/tuyen-pho-khong-tien-mat/1-quay-ma-qr.png"]
    assert (image.path, image.field) == (record, "id")
    body_images = [o for path, o in origins.items() if "/anh-" in path]
    assert body_images and all(o.field == "body" and o.path.startswith("initiatives/")
                               for o in body_images)  # fmt: skip
    home = origins["index.md"]
    assert (home.path, home.label) == ("theme/pages/home.md.j2", "'home.md.j2'")
    # every page a template makes alone points at that template, a file one can open
    made_by_templates = {path: o for path, o in origins.items() if o.path.startswith("theme/")}
    for page in (urls.HOME, urls.search_page(), urls.finder_page(), urls.contest_index()):
        assert page.src in made_by_templates
    for template in made_by_templates.values():
        assert (project / template.path).is_file(), template
        assert template.label == f"'{Path(template.path).name}'"
    province = origins["tinh/dak-lak.md"]
    assert (province.path, province.label) == ("generator/data/provinces.yml", "tỉnh 'Đắk Lắk'")
    former = origins["tinh/phu-yen.md"]
    assert (former.path, former.label) == ("generator/data/provinces.yml", "tỉnh cũ 'Phú Yên'")
    # a tag and a year point at the newest record that uses them, on the line
    tag, newest = origins["the/ma-qr.md"], "initiatives/dak-lak/mot-cua-phu-yen.md"
    assert (tag.path, tag.label) == (newest, "từ khóa 'Mã QR'")
    assert tag.field == "tags[1]"
    assert (tag.line, tag.column) == tag_position(project / newest, "Mã QR")
    year = origins["nam/2023.md"]
    assert (year.path, year.field, year.label) == (record, "started", "năm 2023")
    assert (year.line, year.column) == tag_position(project / record, '"2023-06"')
    data = origins["du-lieu/initiatives.csv"]
    assert (data.path, data.label) == ("generator/publish/export.py", "dữ liệu mở")
    provinces = origins["tinh/index.md"]
    assert (provinces.path, provinces.label) == ("generator/data/provinces.yml",
                                                 "danh mục tỉnh, thành")  # fmt: skip


def test_a_contest_page_names_its_contest_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "repo", contests=FIXTURES / "contests")
    generated = generate(project)
    assert generated.site is not None, [i.as_text() for i in generated.issues]
    page = generated.origins["cuoc-thi/hoi-thi-mau.md"]
    assert (page.path, page.label) == ("contests/hoi-thi-mau/contest.yml", "cuộc thi 'hoi-thi-mau'")


def tag_position(path: Path, text: str) -> tuple[int, int]:
    """Line and column (1-based) of ``text`` in the file, as the checker counts them."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(text)


def test_link_destinations_cannot_end_a_markdown_link_early() -> None:
    from generator.publish.render import md_link

    assert md_link("Bài", "https://bao.vn/a b<c>") == "[Bài](<https://bao.vn/a%20b%3Cc%3E>)"
    assert md_link("Bài", "https://bao.vn/a/b") == "[Bài](<https://bao.vn/a/b>)"
