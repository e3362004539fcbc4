"""What GitHub runs and shows: annotations, workflows and the issue form, schema-valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
import yaml

from generator.editors.issue_form import LABELS, TABLES, issue_form_text, province_options
from generator.layout import ISSUE_FORM
from generator.schema import Initiative, Level, Status
from generator.vocab import load_vocabulary

from ..check.test_fuzz import run_main
from ..conftest import PROJECT
from ..site.conftest import make_project

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def test_findings_become_annotations_on_their_lines(tmp_path: Path) -> None:
    record = tmp_path / "initiatives" / "dak-lak" / "x.md"
    record.parent.mkdir(parents=True)
    record.write_text(
        "---\ntitle: 'Một, hai: 100%'\nsummary: Tóm tắt.\nprovince: Atlantis\nagency: UBND\n"
        'level: commune\ndomains: [procedures]\nstatus: active\nstarted: "2023"\n'
        'sources:\n  - {title: Bài, publisher: Báo, date: "2024"}\n---\n\nNội dung.\n',
        encoding="utf-8",
    )
    code, out, err = run_main("--root", str(tmp_path), "check", "--format", "github")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "::error file=initiatives/dak-lak/x.md,line=4,col=11,title=sangkien unknown-province"
        "::province: không có tỉnh/thành 'Atlantis' — unknown province 'Atlantis'",
        "::warning file=initiatives/dak-lak/x.md,line=11,col=5,title=sangkien source-without-url"
        "::sources[0]: nguồn không có địa chỉ (url); nếu bài viết có trên mạng, hãy thêm "
        "'url: https://...' — source has no url; if the article is online, add "
        "'url: https://...'",
        "Đã kiểm tra 1 tệp: 1 lỗi, 1 cảnh báo. — Checked 1 file: 1 error, 1 warning.",
    ]


def test_annotation_text_is_escaped_as_the_runner_expects(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.issues import Issue, Severity
    from generator.messages import MESSAGES
    from generator.report import GithubReporter

    monkeypatch.setitem(MESSAGES, "code", ("50% sai\nrồi", "50%\rbad"))
    issue = Issue("a,b:c.md", 3, 4, Severity.ERROR, "f", "code")
    import io

    out = io.StringIO()
    GithubReporter().report([issue], 1, out)
    assert out.getvalue().splitlines()[0] == (
        "::error file=a%2Cb%3Ac.md,line=3,col=4,title=sangkien code"
        "::f: 50%25 saiU+000Arồi — 50%25U+000Dbad"  # a line break is named, never sent
    )


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", [PROJECT / ISSUE_FORM]),
        ("vendor.github-issue-config", [PROJECT / ".github/ISSUE_TEMPLATE/config.yml"]),
    ],
)
def test_github_files_match_githubs_published_schemas(schema: str, files: list[Path]) -> None:
    assert files
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_pin_actions_and_grant_least_privilege() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {"contents": "read"}, path.name
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    version = step["uses"].partition("@")[2]
                    assert len(version) == 40 and int(version, 16) >= 0, step["uses"]
            assert set(job.get("permissions", {})) <= {"pages", "id-token"}
    pull_request = (PROJECT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert "sangkien check --format github --changed-since" in pull_request
    assert "sangkien build" in pull_request and "upload-artifact" in pull_request


def test_issue_form_is_generated_from_the_record_model() -> None:
    committed = (PROJECT / ISSUE_FORM).read_text(encoding="utf-8")
    assert committed == issue_form_text(), "run: .venv/bin/python tools/regen_github.py"
    form = yaml.safe_load(committed)
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert set(fields) == set(Initiative.model_fields) | {"body"}
    for name, info in Initiative.model_fields.items():
        if fields[name]["type"] != "checkboxes":
            assert fields[name]["validations"]["required"] == info.is_required(), name
    vocab = load_vocabulary()
    options = {name: fields[name]["attributes"].get("options") for name in fields}
    assert options["province"] == province_options(vocab)
    assert options["province"][:34] == [p.name for p in vocab.places.current]
    assert [o.split(" — ")[0] for o in options["level"]] == list(get_args(Level))
    assert [o.split(" — ")[0] for o in options["status"]] == list(get_args(Status))
    assert [o.split(" — ")[0] for o in options["domains"]] == vocab.domain_ids
    assert set(TABLES) <= set(fields)


def test_every_field_has_one_vietnamese_name_for_every_form() -> None:
    """The editor, the issue form and `sangkien new` name fields from one list."""
    from pydantic import BaseModel

    from generator.editors.fieldlabels import field_labels

    def paths(model: type[BaseModel], prefix: str = "") -> set[str]:
        found = set()
        for name, info in model.model_fields.items():
            found.add(prefix + name)
            for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
                for inner in (arg, *getattr(arg, "__args__", ())):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        found |= paths(inner, f"{prefix}{name}.")
        return found

    assert paths(Initiative) == set(field_labels())
    assert field_labels() == LABELS


def test_a_failed_build_annotates_its_errors_and_not_the_repositorys_warnings(
    tmp_path: Path,
) -> None:
    """A hand-written page in the way of a generated one: only the build can tell."""
    root = make_project(tmp_path / "repo")  # its records warn: no source URL
    (root / "docs" / "tinh").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "tinh" / "index.md").write_text("# Viết tay\n", encoding="utf-8")
    assert run_main("--root", str(root), "check")[0] == 0  # the check cannot see it
    code, out, err = run_main("--root", str(root), "build", "--format", "github")
    assert code == 1, err
    assert out.splitlines()[0] == (
        "::error file=docs/tinh/index.md,line=1,col=1,title=sangkien overwrite-hand-written"
        "::file: trang viết tay này trùng đường dẫn với một trang được sinh tự động; hãy đổi "
        "tên hoặc chuyển nó — this hand-written page has the path of a generated page; "
        "rename or move it"
    )
    assert not any(line.startswith("::warning") for line in out.splitlines())
    assert "Build failed; the previous site is untouched." in err
    assert not (root / "site").exists()
