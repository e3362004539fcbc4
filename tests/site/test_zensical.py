"""The same generated docs/ and mkdocs.yml build with Zensical, Material's successor.

Material for MkDocs reaches end of life on 2027-05-05; this keeps the move a non-event.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import generate

from .test_csp import site_policy_problems


def test_zensical_builds_the_generated_site(project: Path) -> None:
    _, issues, site, _ = generate(project)
    assert site is not None and not issues
    zensical = Path(sys.executable).parent / "zensical"
    done = subprocess.run(
        [str(zensical), "build", "--config-file", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = project / "site"
    page = BeautifulSoup(
        (built / "sang-kien/mot-cua-phu-yen/index.html").read_text("utf-8"), "html.parser"
    )
    assert page.find("html")["lang"] == "vi"
    card = page.select_one(".sk-card").get_text(" ", strip=True)
    assert "Phú Yên (trước 07/2025)" in card
    assert [li.get_text(strip=True) for li in page.select(".sk-breadcrumbs li")][:3] == [
        "Trang chủ",
        "Tỉnh, thành",
        "Đắk Lắk",
    ]
    for generated in (
        "tinh/dak-lak",
        "linh-vuc/procedures",
        "the/ma-qr",
        "nam/2023",
        "trang-thai/active",
        "tinh/phu-yen",
    ):
        assert (built / generated / "index.html").is_file(), generated
    assert (built / "du-lieu/initiatives.json").is_file()
    # Zensical's inline scripts are Material's (base.html is the project's own): the same
    # policy allows them, and no page needs what it refuses
    assert site_policy_problems(built) == {}
