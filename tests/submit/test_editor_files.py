"""VS Code: the task puts every finding in the Problems panel; the snippet offers real ids."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import yaml

from generator.schema import Level, Status
from generator.vocab import load_vocabulary

from ..check.test_fuzz import run_main
from ..conftest import PROJECT

VSCODE = PROJECT / ".vscode"


def jsonc(path: Path) -> dict:
    """JSON with ``//`` comments, as VS Code writes its settings."""
    lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(re.sub(r"^\s*//.*$", "", line) for line in lines)
    return json.loads(text)


def test_the_task_reads_every_finding_of_check(tmp_path: Path) -> None:
    task = jsonc(VSCODE / "tasks.json")["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    record = tmp_path / "initiatives" / "dak-lak" / "x.md"
    record.parent.mkdir(parents=True)
    record.write_text("---\ntitle: x: y\n---\n", encoding="utf-8")
    record.with_name("y.md").write_text("---\ntitle: Thử\nprovince: Atlantis\n---\n", "utf-8")
    _, out, _ = run_main("--root", str(tmp_path), "check")
    findings = out.splitlines()[:-1]  # the last line is the count
    assert len(findings) >= 3
    for line in findings:
        match = re.match(pattern["regexp"], line)
        assert match, line
        assert (tmp_path / match[pattern["file"]]).is_file()
        assert int(match[pattern["line"]]) >= 1 and match[pattern["severity"]] == "error"
    assert task["command"] == "python3 dev.py check"


def test_the_snippet_offers_the_models_ids() -> None:
    snippet = jsonc(VSCODE / "sangkien.code-snippets")["Hồ sơ sáng kiến"]["body"]
    choices = {
        line.split(":")[0].strip(): re.search(r"\|(.+)\|", line)[1].split(",")
        for line in snippet
        if "|" in line
    }
    assert sorted(choices["level"]) == sorted(get_args(Level))
    assert sorted(choices["status"]) == sorted(get_args(Status))
    assert sorted(choices["domains"]) == sorted(load_vocabulary().domain_ids)


def test_the_pre_commit_hook_runs_check_on_records_and_contests() -> None:
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        data = yaml.safe_load((PROJECT / name).read_text(encoding="utf-8"))
        hooks = data["repos"][0]["hooks"] if "repos" in data else data
        files = re.compile(hooks[0]["files"])
        assert "check" in hooks[0]["entry"]
        assert files.search("initiatives/dak-lak/ngay-thu-6-nhanh.md")
        assert files.search("contests/hoi-thi/scores/gk-01.yml")
        assert not files.search("docs/dong-gop.md") and not files.search("generator/cli.py")
