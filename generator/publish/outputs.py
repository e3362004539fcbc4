"""The generated files of one build, each with what produced it.

Every page and data file is added here once; a second producer of the same path is a
located error naming both (like Pelican's ``FileOverwriteFailedError``), never a silent
replacement. The origins also let the build point MkDocs' warnings about a generated
page back at the record file that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..issues import Issue, make_issue

Output = str | bytes | Path  # text, bytes, or a file to copy


@dataclass(frozen=True)
class Origin:
    """Where a generated file comes from: a record (and the field), a data file, a template."""

    path: str
    line: int = 1
    column: int = 1
    field: str = "file"
    label: str = ""

    def describe(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{self.label} ({where})" if self.label else where


@dataclass
class Outputs:
    files: dict[str, Output] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, path: str, content: Output, origin: Origin) -> None:
        """Record ``path``; when it was already produced, report both producers instead."""
        first = self.origins.get(path)
        if first is not None:
            self.issues.append(
                make_issue(
                    "output-collision",
                    origin.path,
                    origin.line,
                    origin.column,
                    origin.field,
                    target=path,
                    first=first.describe(),
                    second=origin.label or origin.path,
                )
            )
            return
        self.files[path] = content
        self.origins[path] = origin
