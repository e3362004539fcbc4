"""A message shows a short excerpt of a value, never a whole file (issue 21).

A contest file that is one long line of text (what ``/proc/self/environ`` reads like)
used to come back whole in the error and in the ``::error`` annotation.
"""

from __future__ import annotations

import string

from generator.issues import make_issue
from generator.messages import COMPOSED, MESSAGES, TEXT_LIMIT, VALUE_LIMIT

from ..conftest import MakeTree, valid_record
from .test_fuzz import run_main

SECRET = "SECRET_TOKEN=" + "x" * 5_000


def test_a_scalar_contest_file_is_quoted_in_eighty_characters(make_tree: MakeTree) -> None:
    root = make_tree(
        {
            "initiatives/dak-lak/a.md": valid_record(),
            "contests/hoi-thi/contest.yml": SECRET + "\n",
        }
    )
    code, out, _ = run_main("--root", str(root), "check")
    shown = "'" + SECRET[: VALUE_LIMIT - 2] + "…"  # the opening quote is part of the value
    assert code == 1
    assert out.splitlines()[0] == (
        "contests/hoi-thi/contest.yml:1:1: error: front-matter: phần khai báo phải là các cặp "
        f"'khóa: giá trị', không phải {shown} — front matter must be 'key: value' pairs, "
        f"not {shown}"
    )
    code, out, _ = run_main("--root", str(root), "check", "--format", "github")
    assert code == 1 and "x" * VALUE_LIMIT not in out
    assert out.startswith("::error file=contests/hoi-thi/contest.yml,line=1,col=1,")


def test_every_parameter_of_every_message_is_cut() -> None:
    """Whatever a future caller passes, no template can print more than an excerpt."""
    huge = "y" * 100_000
    for code, (vi, en) in MESSAGES.items():
        names = {name for text in (vi, en) for name in _fields(text)}
        for name in names:
            params = {other: "" for other in names} | {name: huge}
            issue = make_issue(code, "a.md", 1, 1, "file", **params)
            text = issue.message + issue.message_en
            limit = TEXT_LIMIT if name in COMPOSED else VALUE_LIMIT
            assert "y" * limit not in text and "y" * (limit - 1) + "…" in text, (code, name)


def test_numbers_and_short_values_are_shown_whole() -> None:
    issue = make_issue("file-too-large", "a.md", 1, 1, "file", size=1_234_567, limit=1_000_000)
    assert issue.message_en == (
        "file is 1234567 bytes, over the 1000000-byte limit; shorten it or move images to files"
    )
    issue = make_issue("bad-email", "a.md", 1, 1, "contact.email", value="a" * VALUE_LIMIT)
    assert issue.message_en == f"'{'a' * VALUE_LIMIT}' is not a valid e-mail address"
    issue = make_issue("bad-email", "a.md", 1, 1, "contact.email", value="a" * (VALUE_LIMIT + 1))
    assert issue.message_en == f"'{'a' * (VALUE_LIMIT - 1)}…' is not a valid e-mail address"


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]
