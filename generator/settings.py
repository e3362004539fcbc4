"""Where the site is published and where its sources live, read from ``mkdocs.yml``.

``mkdocs.yml`` is the one place for these settings (Zensical reads the same file);
``SANGKIEN_SITE_URL`` and ``SANGKIEN_REPO_URL`` override them for a fork or a preview
through MkDocs' ``!ENV`` tag, which this reader understands the same way.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import yaml

from .layout import CONFIG_FILE, DOCS_DIR


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    docs_dir: str = DOCS_DIR

    def edit_url(self, repo_path: str) -> str | None:
        """The address where a file of the repository is edited (``None`` without a repo)."""
        if not (self.repo_url and self.edit_uri):
            return None
        docs = urljoin(self.repo_url.rstrip("/") + "/", self.edit_uri)
        # edit_uri points into docs/; records live beside it, so step out of docs/ first.
        # Quoted: a record's path is a slug (repopaths), and stays a path whatever it holds.
        return urljoin(docs, quote(posixpath.relpath(repo_path, self.docs_dir)))


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml``: ``!ENV`` as MkDocs does, any other tag as plain data."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _plain)


def load_settings(root: Path) -> SiteSettings:
    """The settings of the repository at ``root`` (defaults when it has no ``mkdocs.yml``)."""
    try:
        text = (root / CONFIG_FILE).read_text(encoding="utf-8")
    except OSError:
        return SiteSettings()
    config = yaml.load(text, Loader=_ConfigLoader) or {}
    return SiteSettings(
        site_url=str(config.get("site_url") or ""),
        repo_url=str(config.get("repo_url") or ""),
        edit_uri=str(config.get("edit_uri") or ""),
        docs_dir=str(config.get("docs_dir") or DOCS_DIR),
    )
