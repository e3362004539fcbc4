"""Rewrite ``tests/data/check/*.expected`` from what ``sangkien check`` reports now.

Run ``.venv/bin/python tools/regen_check_expected.py`` after changing a message on
purpose, then review the diff like code: these files are the messages users read.
"""

from __future__ import annotations

from pathlib import Path

from generator.check import check_paths

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "check"


def main() -> None:
    for fixture in sorted(FIXTURES.glob("*.md")):
        result = check_paths(FIXTURES, [fixture])
        lines = [issue.as_text() + "\n" for issue in result.issues]
        fixture.with_suffix(".expected").write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
