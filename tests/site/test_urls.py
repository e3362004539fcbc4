"""One home for the site's URLs: ``generator/urls.py``; everything else asks it."""

from __future__ import annotations

import re

import pytest
import yaml

from generator import urls
from generator.urls import PagePath

from ..conftest import PROJECT

_SECTIONS = "|".join(map(re.escape, urls.SECTIONS))
SECTION = re.compile(rf"""["'`/(]((?:{_SECTIONS})/)""")


def test_no_module_or_template_spells_a_section_folder() -> None:
    """A folder name in a string or a link outside urls.py is a URL built by hand."""
    files = [*PROJECT.glob("generator/*.py"), *PROJECT.glob("theme/**/*.j2"),
             *PROJECT.glob("theme/**/*.html")]  # fmt: skip
    found = []
    for file in files:
        if file.name == "urls.py":
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if file.suffix == ".py" else line
            if SECTION.search(code) and '"""' not in code and "``" not in code:
                found.append(f"{file.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert found == []


def test_mkdocs_keeps_every_generated_section_out_of_the_navigation() -> None:
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    not_in_nav = re.search(r"not_in_nav: \|\n((?:  .*\n)+)", text)
    assert not_in_nav is not None
    patterns = {line.strip() for line in not_in_nav.group(1).splitlines()}
    listed = {section for section in urls.SECTIONS if section not in urls.FILES_ONLY}
    assert {p.strip("/").split("/")[0] for p in patterns} == listed


def test_git_ignores_exactly_the_generated_sections() -> None:
    ignored = set((PROJECT / ".gitignore").read_text(encoding="utf-8").splitlines())
    for section in urls.SECTIONS:
        assert f"/docs/{section}/" in ignored, section
    assert f"/docs/{urls.HOME_SOURCE}" in ignored


def test_navigation_points_at_the_generated_indexes() -> None:
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    nav = yaml.safe_load(text)
    targets = {value for entry in nav for value in entry.values() if isinstance(value, str)}
    indexes = [urls.HOME, urls.province_index(), urls.domain_index(), urls.tag_index(),
               urls.year_index(), urls.status_index()]  # fmt: skip
    assert {page.src for page in indexes} <= targets


@pytest.mark.parametrize(
    ("page", "url"),
    [
        (urls.HOME, ""),
        (urls.province_index(), "tinh/"),
        (urls.province("dak-lak"), "tinh/dak-lak/"),
        (urls.initiative("ngay-thu-6-nhanh"), "sang-kien/ngay-thu-6-nhanh/"),
        (urls.year(2023), "nam/2023/"),
        (PagePath("a/index-cu.md"), "a/index-cu/"),
    ],
)
def test_page_urls_are_mkdocs_directory_urls(page: PagePath, url: str) -> None:
    assert page.url == url


def test_links_between_pages_are_relative_to_the_source() -> None:
    here = urls.initiative("x")
    assert urls.province("dak-lak").link_from(here) == "../tinh/dak-lak.md"
    assert urls.HOME.link_from(here) == "../index.md"
    assert urls.tag_index().link_from(urls.HOME) == "the/index.md"
    assert urls.relative(urls.initiative_file("x", "1-a.png"), here) == "1-a.png"
