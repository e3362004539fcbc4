"""The ``sangkien`` command: its arguments, and each command handed to the stage that does it.

What stays here belongs to the command line: arguments refused before any work (a path
that is not there, a ``--scores`` folder that is missing, no ``initiatives/``), which
files ``--changed-since`` names, where findings are printed and the exit statuses. The
work is the stages': ``check``, ``build``, ``editors.new``, ``live.serve``,
``publish.jsonschema``; ``sangkien judge`` is decided by the contests room
(``contests.judge``).
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

from . import __version__
from .check import check_paths
from .contests import RANKING_FORMATS, JudgeRequest, judge, no_scores_folder
from .editors.new import PROMPTS, Draft, field_of, fill, problems, target, write_record
from .issues import make_issue
from .layout import CONFIG_FILE, CONTENT_DIR, SITE_DIR
from .load.changes import GitError, changed_files
from .load.sources import Source, relative_name
from .publish.jsonschema import SCHEMA_PATH, schema_text
from .report import REPORTERS, GithubReporter, TextReporter, say
from .rules.scope import referring
from .visible import visible
from .vocab import load_vocabulary

SCORES_HELP = (
    "thư mục phiếu chấm nếu không để trong kho / scorecards kept outside the repository "
    "(DIR/<contest-id>/<judge-id>.yml)"
)
INTERNAL_ERROR = 3  # 0 clean, 1 findings, 2 usage; 3 is a bug in sangkien itself
TRACEBACK_ENV = "SANGKIEN_TRACEBACK"


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder up from ``start`` with ``mkdocs.yml``
    (or ``initiatives/``)."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / CONTENT_DIR).is_dir():
            return folder
    return start


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sangkien",
        description="Sáng kiến cải cách hành chính: kiểm tra hồ sơ và xuất bản trang. "
        "— Administrative-reform initiatives: check records and publish the site.",
    )
    parser.add_argument("--version", action="version", version=f"sangkien {__version__}")
    parser.add_argument(
        "--root", type=Path, help="thư mục gốc của kho / repository root (default: auto)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_check, _add_build, _add_serve, _add_new, _add_judge, _add_schema):
        add(commands)
    return parser


# what ``add_subparsers`` returns; each ``_add_*`` below adds one command to it
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_check(commands: Commands) -> None:
    check = commands.add_parser(
        "check", help="kiểm tra hồ sơ sáng kiến / validate initiative files"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="tệp hoặc thư mục / files or folders (default: initiatives/)",
    )
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")
    check.add_argument(
        "--strict", action="store_true", help="coi cảnh báo là lỗi / treat warnings as errors"
    )
    check.add_argument("--scores", type=Path, metavar="DIR", help=SCORES_HELP)
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="chỉ kiểm tra tệp đã đổi so với REF của git (ví dụ origin/main) / only the files "
        "changed since a git reference",
    )
    check.set_defaults(run=run_check)


def _add_build(commands: Commands) -> None:
    build = commands.add_parser(
        "build", help="kiểm tra rồi dựng trang vào site/ / check, then build the site"
    )
    build.add_argument("--site-dir", type=Path, help="default: site/")
    build.add_argument("--scores", type=Path, metavar="DIR", help=SCORES_HELP)
    build.add_argument(
        "--format",
        choices=["github", "text"],
        default="text",
        help="github: lỗi làm hỏng bản dựng thành chú thích trên dòng / a failed build's "
        "errors as annotations on their lines",
    )
    build.set_defaults(run=run_build)


def _add_serve(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve", help="xem trước, tự dựng lại khi sửa tệp / preview with live reload"
    )
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    serve.set_defaults(run=run_serve)


def _add_new(commands: Commands) -> None:
    """One option per prompt of ``sangkien new``; ``--domain`` is given once per domain."""
    new = commands.add_parser(
        "new", help="viết hồ sơ sáng kiến mới vào đúng thư mục / write a new initiative file"
    )
    for name in PROMPTS:
        flag = "--" + name.replace("_", "-")
        if name == "domains":
            new.add_argument(
                "--domain",
                dest="domains",
                action="append",
                metavar="ID",
                help="lặp lại cho mỗi lĩnh vực / repeat for each domain",
            )
        else:
            new.add_argument(flag, dest=name, metavar=name.split("_")[-1].upper())
    new.set_defaults(run=run_new)


def _add_judge(commands: Commands) -> None:
    judge = commands.add_parser(
        "judge", help="xếp hạng một cuộc thi / rank a contest from the judges' scorecards"
    )
    judge.add_argument("contest", metavar="CONTEST-ID", help="tên thư mục trong contests/")
    judge.add_argument("--format", choices=RANKING_FORMATS, default="text")
    judge.add_argument("--scores", type=Path, metavar="DIR", help=SCORES_HELP)
    judge.add_argument(
        "--comments",
        action="store_true",
        help="in cả nhận xét của giám khảo (chỉ dành cho hội đồng) / show judges' comments",
    )
    judge.add_argument(
        "--packets",
        type=Path,
        metavar="DIR",
        help="ghi hồ sơ chấm ẩn danh và phiếu chấm cho từng giám khảo / write blind packets",
    )
    judge.add_argument(
        "--assign", type=int, metavar="K", help="mỗi sáng kiến K giám khảo / K judges per entry"
    )
    judge.add_argument("--seed", type=int, default=0, help="phân công lặp lại được / seed")
    judge.set_defaults(run=run_judge)


def _add_schema(commands: Commands) -> None:
    schema = commands.add_parser(
        "schema", help="ghi JSON Schema của hồ sơ / write the record JSON Schema"
    )
    schema.add_argument("--output", type=Path, help=f"default: {SCHEMA_PATH}; '-' for stdout")
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace, root: Path) -> int:
    text = schema_text()
    if args.output is not None and str(args.output) == "-":
        sys.stdout.write(text)
        return 0
    target = args.output or root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    say("schema-written", target=target)
    return 0


def run_check(args: argparse.Namespace, root: Path) -> int:
    if args.changed_since is not None:
        try:
            changes = changed_files(root, args.changed_since)
        except GitError as error:
            say("changes-unreadable", sys.stderr, ref=args.changed_since, error=error)
            return 2
        args.paths = [*args.paths, *changes.present, *referring(root.resolve(), changes.gone)]
        if not args.paths:
            ref, gone = args.changed_since, len(changes.gone)
            if gone:
                say("nothing-to-check-deleted", ref=ref, gone=gone)
            else:
                say("nothing-changed", ref=ref)
            return 0
    missing = [p for p in args.paths if not (p.exists() or p.is_symlink())]  # a link is said
    if missing:
        say("no-such-file", sys.stderr, path=visible(str(missing[0])))
        return 2
    if _no_scores_folder(args):
        return 2
    if not args.paths and not (root / CONTENT_DIR).is_dir():
        say("no-content-folder", sys.stderr, folder=CONTENT_DIR, root=root)
        return 2
    result = check_paths(root, args.paths, scores=args.scores)
    if result.checked == 0 and not result.issues:
        where = ", ".join(str(p) for p in args.paths) or f"{root / CONTENT_DIR}"
        say("no-file-to-check", sys.stderr, where=where)
        return 2
    REPORTERS[args.format]().report(result.issues, result.checked, sys.stdout)
    failed = not result.ok or (args.strict and bool(result.issues))
    return 1 if failed else 0


def _no_scores_folder(args: argparse.Namespace) -> bool:
    return no_scores_folder(args.command, args.scores)


def run_build(args: argparse.Namespace, root: Path) -> int:
    from .build import build  # imported here: a pull request's check needs none of it

    if _no_scores_folder(args):
        return 2
    result = build(root, args.site_dir, scores=args.scores)
    issues = result.check.issues + result.issues
    if not result.ok:
        if args.format == "github":  # workflow commands are read from standard output
            GithubReporter(errors_only=True).report(issues, result.check.checked, sys.stdout)
        else:
            TextReporter(errors_only=True).report(issues, result.check.checked, sys.stderr)
        say("build-failed", sys.stderr)
        return 1
    if issues:
        say("build-warnings", sys.stderr, count=len(issues))
    site_dir = result.site_dir or root / SITE_DIR
    say("built", count=result.initiatives, site=site_dir)
    say("view-site", site=site_dir)
    return 0


def run_new(args: argparse.Namespace, root: Path) -> int:
    vocab = load_vocabulary()
    draft = Draft({name: getattr(args, name) for name in PROMPTS})
    if sys.stdin.isatty():
        found = fill(draft, root, vocab, input, print)
    else:
        found = problems(root, draft, vocab)
    path = target(root, draft, vocab)
    if found or path is None:
        for issue in found:
            option = "--" + field_of(issue).replace("_", "-").replace("domains", "domain")
            say("new-problem", sys.stderr, option=option, problem=issue)
        say("nothing-written", sys.stderr)
        return 1
    if path.exists():
        say("already-exists", sys.stderr, path=relative_name(path, root))
        return 1
    written = write_record(root, draft, vocab)
    say("created", path=relative_name(written, root))
    say("next-step", path=relative_name(written, root))
    return 0


def run_judge(args: argparse.Namespace, root: Path) -> int:
    request = JudgeRequest(
        args.contest,
        scores=args.scores,
        format=args.format,
        comments=args.comments,
        packets=args.packets,
        assign=args.assign,
        seed=args.seed,
    )
    return judge(request, root, lambda: check_paths(root, scores=args.scores))


def run_serve(args: argparse.Namespace, root: Path) -> int:
    from .live.serve import serve

    return serve(root, args.dev_addr)


def speak_utf8() -> None:
    """Read and write the console in UTF-8 whatever the locale says.

    Every message is Vietnamese: on a Windows pipe (cp1252) or a C locale without UTF-8
    coercion the locale's codec cannot encode "ế", and the first finding would end the run.
    CI logs and terminals that show Vietnamese read UTF-8.
    """
    for name, errors in (
        ("stdin", "replace"),
        ("stdout", "backslashreplace"),
        ("stderr", "backslashreplace"),
    ):
        stream = getattr(sys, name)
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    speak_utf8()
    args = _parser().parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    try:
        return int(args.run(args, root))
    except Exception as error:
        # Last resort: bad input is reported as findings, so getting here is our bug.
        # Officers get one located line instead of a traceback they cannot act on.
        if os.environ.get(TRACEBACK_ENV):
            raise
        detail = f"{type(error).__name__}: {error}".splitlines()[0][:200]
        where = _file_in_traceback(error, root)
        issue = make_issue(
            "internal-error", where or "sangkien", 1, 1, "file", env=TRACEBACK_ENV, error=detail
        )
        if where:
            TextReporter().finding(issue, sys.stderr)
        else:
            say("internal-error", sys.stderr, problem=issue)
        return INTERNAL_ERROR


def _file_in_traceback(error: BaseException, root: Path) -> str | None:
    """The file the pipeline was working on when it failed, read from its frames' locals."""
    for frame, _ in reversed(list(traceback.walk_tb(error.__traceback__))):
        if not str(frame.f_globals.get("__name__", "")).startswith("generator."):
            continue
        found = frame.f_locals.get("source")
        if isinstance(found, Source):
            return found.relpath
        found = frame.f_locals.get("path")
        if isinstance(found, Path) and found.suffix == ".md":
            return relative_name(found, root)
    return None


if __name__ == "__main__":
    sys.exit(main())
