"""The generated Markdown and data for the fixture repository, compared with tests/golden.

A template change shows up here as a reviewable diff; regenerate deliberately with
``tools/regen_golden.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..conftest import PROJECT

GOLDEN = PROJECT / "tests" / "golden"


def _regen_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("regen_golden", PROJECT / "tools/regen_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_files_match_the_golden_copies(tmp_path: Path) -> None:
    tree = _regen_module().generated_tree(tmp_path)
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_bytes()
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
    assert sorted(tree) == sorted(golden)
    changed = [path for path in tree if tree[path] != golden[path]]
    assert changed == [], "review, then run tools/regen_golden.py"
