"""Write the generated GitHub issue form (``.github/ISSUE_TEMPLATE/de-xuat-sang-kien.yml``)."""

from __future__ import annotations

from pathlib import Path

from generator.editors.issue_form import issue_form_text
from generator.layout import ISSUE_FORM

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    target = ROOT / ISSUE_FORM
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(issue_form_text(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
