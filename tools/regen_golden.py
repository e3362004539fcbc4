"""Rewrite ``tests/golden/`` from what the generator writes for ``tests/data/site``
(the initiatives) and ``tests/data/contests``.

Run ``.venv/bin/python tools/regen_golden.py`` after a deliberate change to a page
template or the open data, then review the diff like code: it is what visitors get.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import generate  # noqa: E402
from generator.layout import DOCS_DIR, MANIFEST  # noqa: E402
from generator.publish.write import owned_files  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
FIXTURE = ROOT / "tests" / "data" / "site"
CONTESTS = ROOT / "tests" / "data" / "contests"


def generated_tree(workdir: Path) -> dict[str, bytes]:
    """Generate the fixture repository's pages in ``workdir``; return path → bytes."""
    shutil.copytree(ROOT / "theme", workdir / "theme")
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    shutil.copytree(FIXTURE, workdir / "initiatives")
    shutil.copytree(CONTESTS, workdir / "contests")
    (workdir / DOCS_DIR).mkdir()
    _, issues, site, _ = generate(workdir)
    assert site is not None and not issues, issues
    docs = workdir / DOCS_DIR
    return {path: (docs / path).read_bytes() for path in sorted(owned_files(docs))}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tree = generated_tree(Path(folder))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, data in tree.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"{len(tree)} files in {GOLDEN.relative_to(ROOT)} (manifest {MANIFEST} not kept)")


if __name__ == "__main__":
    main()
