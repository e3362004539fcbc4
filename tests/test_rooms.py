"""The generator's rooms (README, "Layout"): each room imports only the shared modules and
the rooms below it, so a change to the CSV columns stays in ``publish/`` and a change to a
rule in ``rules/``. Read from the source, as a reviewer reads it: no module is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import PROJECT

PACKAGE = PROJECT / "generator"
STAGES = {"cli", "build", "check"}  # the commands' stage calls: they may use every room
SHARED = "(shared)"
# Each room and what it may import besides itself, lowest first.
MAY_IMPORT: dict[str, set[str]] = {
    SHARED: set(),
    "load": {SHARED},
    "body": {SHARED, "load"},
    "rules": {SHARED, "load", "body"},
    "contests": {SHARED, "load", "body", "rules"},
    "publish": {SHARED, "load", "body", "contests"},
    "editors": {SHARED, "load", "body", "rules", "contests", "publish"},
    "live": {SHARED, "load", "body", "rules", "contests", "publish", "editors", "(stages)"},
    "(stages)": {SHARED, "load", "body", "rules", "contests", "publish", "editors", "live"},
}


def room_of(parts: list[str], package: Path = PACKAGE) -> str:
    """The room of ``generator.<parts>``: a folder, the stage calls, or the shared modules."""
    if len(parts) > 1 or (parts and (package / parts[0]).is_dir()):
        return parts[0]
    return "(stages)" if parts and parts[0] in STAGES else SHARED


def imports(root: Path = PACKAGE) -> list[tuple[str, str, str]]:
    """(importing file, its room, the room it imports) for every import inside the package."""
    found = []
    for path in sorted(root.rglob("*.py")):
        package = list(path.relative_to(root).parent.parts)
        own = room_of([*package, path.stem] if package else [path.stem], root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)]
                names = node.module.split(".") if node.module else [node.names[0].name]
                target = [*base, *names]
                if target and target[0] != "__version__":
                    rel = path.relative_to(root).as_posix()
                    found.append((rel, own, room_of(target, root)))
            elif isinstance(node, ast.Import | ast.ImportFrom):  # absolute: from outside only
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert not (module or "").startswith("generator"), (path, "import it relatively")
    return found


def test_the_rooms_are_the_folders_the_readme_names() -> None:
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert rooms == set(MAY_IMPORT) - {SHARED, "(stages)"}
    layout = (PROJECT / "README.md").read_text(encoding="utf-8")
    for room in rooms:
        assert f"`generator/{room}/`" in layout, room


def upward(root: Path = PACKAGE) -> list[str]:
    return [
        f"{file} ({own}) imports {target}"
        for file, own, target in imports(root)
        if target != own and target not in MAY_IMPORT[own]
    ]


def test_every_import_runs_down_to_a_lower_room_or_the_shared_modules() -> None:
    assert upward() == []


@pytest.mark.parametrize(("one", "other"), [("rules", "publish"), ("publish", "rules")])
def test_checking_and_publishing_never_import_each_other(one: str, other: str) -> None:
    assert not [file for file, own, target in imports() if own == one and target == other]


def test_an_import_up_a_floor_is_caught(tmp_path: Path) -> None:
    """The reading itself, on a small package: a shared module reaching into a room, a rule
    reaching into publishing (also from inside a function), and what is allowed."""
    files = {
        "text.py": "from .rules.validate import x\n",
        "rules/__init__.py": "",
        "rules/validate.py": "def f():\n    from ..publish import render\nfrom ..text import y\n",
        "publish/__init__.py": "",
        "publish/render.py": "from ..contests import rank\nfrom . import site\n",
        "contests/__init__.py": "from .score import rank\n",
        "cli.py": "from .publish.render import z\nfrom . import __version__\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert upward(tmp_path) == [
        "rules/validate.py (rules) imports publish",
        "text.py ((shared)) imports rules",
    ]
