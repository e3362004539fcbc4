"""The repository's folders and files: where records, contests, pages and the site live.

Every module that opens a path of the repository, or names one in a finding, spells it
from here; ``urls.py`` is the same for the addresses of the built site. (The record
format's JSON Schema sits at the same path in the repository as on the site, where its
``$id`` says: ``jsonschema.SCHEMA_PATH``.)
"""

from __future__ import annotations

CONFIG_FILE = "mkdocs.yml"  # the site's settings (MkDocs, Zensical); marks the root too
CONTENT_DIR = "initiatives"  # the records: initiatives/<province>/<id>.md
CONTESTS_DIR = "contests"  # contests/<id>/contest.yml and its scores/
CONTEST_FILE = "contest.yml"
SCORES_DIR = "scores"  # contests/<id>/scores/<judge>.yml, or --scores DIR/<id>/
TOPS = (CONTENT_DIR, CONTESTS_DIR)  # the folders whose names become addresses
DOCS_DIR = "docs"  # hand-written pages, and the generated ones beside them
MANIFEST = ".generated.json"  # in docs/: the files the generator owns there
THEME_DIR = "theme"  # the page templates and MkDocs' overrides, copied into the site too
SITE_DIR = "site"  # the built site (sangkien build)
PAGE_TEMPLATES = "theme/pages"  # the generated pages' Jinja templates
EDITOR_TEMPLATES = "theme/admin"  # the web editor's page and script
DATA_DIR = "generator/data"  # reference data (provinces, domains...), as findings name it
PROVINCES_DATA = f"{DATA_DIR}/provinces.yml"
DOMAINS_DATA = f"{DATA_DIR}/domains.yml"
ISSUE_FORM = ".github/ISSUE_TEMPLATE/de-xuat-sang-kien.yml"  # generated, committed
DECAP_DIST = "build/npm/decap-cms/dist"  # where dev.py unpacks the web editor's bundle
