"""The web editor at ``/gui-sang-kien/``: Decap CMS, for officers who do not use git.

Its configuration is generated from the record model (``schema.py``, through its JSON
Schema) and the vocabularies, so a field, a province or a domain is never written twice:
the editor offers what ``sangkien check`` accepts, in the model's order, with the model's
required fields, and saves ``initiatives/<current-province-slug>/<id>.md`` with the id
folded from the title. The Decap bundle is served from the site itself (``dev.py``
unpacks it from npm into ``layout.DECAP_DIST``); a build without it gets a page that says how
to contribute otherwise.

Deploying the editor (for the people who publish the site)
-----------------------------------------------------------
- The bundle: ``python3 dev.py build`` (and ``serve``, ``test``) fetches decap-cms 3.16.3
  from npm (``npm pack``, the package alone, about 2 s) into ``build/npm/decap-cms/``;
  without npm the site is still built and ``/gui-sang-kien/`` says the editor is not in
  this build. The build copies 6.4 MB of it into the site (``decap-cms.js``, its lazily
  loaded chunks and WebAssembly, no source maps). The editor page then talks to no host
  but the site's own, GitHub (its API, its status page and the officer's avatar) and the
  OAuth endpoint below; no other page talks to any of them. Its Content-Security-Policy
  (``csp.py``) says so to the browser.
- Backend: GitHub. The repository (``owner/name``) comes from ``repo_url`` in
  ``mkdocs.yml`` (``SANGKIEN_REPO_URL`` overrides it), the branch from ``edit_uri``
  (``edit/<branch>/docs/``). A ``repo_url`` that is not on github.com gives the "not
  available" page.
- ``publish_mode: editorial_workflow``: an officer's save is a draft on a ``cms/...``
  branch with a pull request, set to "ready" and published (merged) from the editor's
  Workflow tab by someone with write access. ``open_authoring: true``: an officer without
  write access gets a fork and a pull request from the browser. CI (``.ci/run``, i.e.
  ``python3 dev.py test``, which runs ``sangkien check``) should run on those pull
  requests. The editor asks GitHub for the ``public_repo`` scope only.
- OAuth: a GitHub login needs an OAuth client secret, which a static site cannot hold.
  Register a GitHub OAuth App, deploy a Decap-compatible OAuth proxy for it (any server
  that implements Decap's ``/auth`` and ``/callback``, e.g. ``decap-proxy`` on
  Cloudflare Workers; the App's callback URL is the proxy's ``/callback``) and build
  with ``SANGKIEN_OAUTH_URL=https://<proxy host>``: it becomes the backend's
  ``base_url``. Without it Decap uses Netlify's endpoint (``https://api.netlify.com``),
  which works only for a site registered on Netlify with GitHub as its auth provider.
- Trying it locally: ``local_backend: true`` is used only when the editor is opened on
  ``localhost`` or ``127.0.0.1``. Run ``BIND_HOST=127.0.0.1 build/npm/node_modules/.bin/
  decap-server`` in the repository (``python3 dev.py test`` installs it; port 8081; it
  writes files into the working tree, ``MODE=git`` commits them instead), then
  ``sangkien serve`` and open http://127.0.0.1:8000/gui-sang-kien/.
- What the editor cannot do: changing an entry's province does not move its file
  (``sangkien check`` then reports the wrong folder); a record whose ``province`` is a
  former province or another spelling shows an empty province until one of the 34 is
  chosen. Decap writes YAML 1.2: a text that is exactly ``yes``, ``no``, ``on``, ``off``
  or like ``24:7`` is saved unquoted, and ``sangkien check`` (which reads YAML 1.1's way)
  refuses it on its line. An optional field emptied in the editor would be saved as
  ``""`` (decap-cms#7120); ``editor.js`` drops empty values before saving.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import TypeAdapter

from .. import urls
from ..layout import CONTENT_DIR, DECAP_DIST, EDITOR_TEMPLATES
from ..load.repopaths import IMAGE_PATH
from ..publish.outputs import Origin, Outputs
from ..schema import Email, Initiative, Key, PartialDate, Url
from ..settings import SiteSettings
from ..vocab import Vocabulary
from .csp import editor_policy
from .fieldlabels import field_labels

log = logging.getLogger(__name__)

OAUTH_ENV = "SANGKIEN_OAUTH_URL"
VENDOR = "decap-cms"  # the bundle's folder beside the editor page
IMAGES = "anh"  # pictures go beside the record, as the contributor guide shows
ORIGIN = Origin("generator/editors/admin.py", label="trình soạn thảo web")

LABELS = field_labels()  # generator/data/fields.yml
# What one item of a list is called: the button reads "Thêm nguồn".
ITEMS = {
    "metrics": "số liệu",
    "sources": "nguồn",
    "recognition": "ghi nhận",
    "images": "ảnh",
    "tags": "từ khóa",
    "replicated_in": "nơi nhân rộng",
    "contests": "cuộc thi",
}
BODY = {
    "label": "Nội dung",
    "name": "body",
    "widget": "markdown",
    "required": False,
    "sanitize_preview": True,
    "hint": "Viết bằng Markdown, tiêu đề bắt đầu từ ##: bối cảnh, cách làm, kết quả, bài học.",
}


def _string_pattern(kind: Any) -> str:
    """The text pattern a constrained type of the model publishes in its JSON Schema."""
    schema = TypeAdapter(kind).json_schema()
    text = next(s for s in schema.get("anyOf", [schema]) if s.get("type") == "string")
    return str(text["pattern"])


# Decap shows a field's pattern message when the value does not match.
PATTERN_MESSAGES = {
    _string_pattern(PartialDate): "Ghi năm, tháng hoặc ngày: 2023, 2023-06 hoặc 2023-06-15",
    _string_pattern(Url): "Địa chỉ đầy đủ, bắt đầu bằng https:// (không có dấu cách)",
    _string_pattern(Email): "Địa chỉ thư điện tử, ví dụ vanphong@daklak.gov.vn",
    _string_pattern(Key): "Chỉ chữ thường không dấu, chữ số và dấu gạch ngang: hoi-thi-2025",
}
# Strings the bundle's Vietnamese locale lacks (they would show in English) or gets wrong,
# for what this configuration shows; notes, i18n and other backends are not used.
LOCALE_PATCH: dict[str, Any] = {
    "collection": {
        "collectionTop": {"viewAsList": "Xem dạng danh sách", "viewAsGrid": "Xem dạng lưới",
                          "groupBy": "Nhóm theo"},
        "entries": {"unpublishedHeader": "Mục chưa công bố"},
        "groups": {"other": "Khác", "negateLabel": "Không %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Trường %{widgetLabel}"}},
        "editorInterface": {"togglePreview": "Bật/tắt xem trước",
                            "toggleScrollSync": "Cuộn đồng bộ"},
        "editorToolbar": {
            "status": "Trạng thái: %{status}",  # the bundle says "Trạng: ..."
            "statusInfoTooltipDraft": "Mục đang là bản nháp. Để gửi duyệt, hãy chuyển trạng "
            "thái sang “Đang xét duyệt”.",
            "statusInfoTooltipInReview": "Mục đang được xét duyệt, không cần làm gì thêm; bạn "
            "vẫn có thể sửa trong lúc chờ.",
        },
        "editorWidgets": {
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở rộng", "collapse": "Thu gọn"},
            "markdown": {
                "bold": "Đậm", "italic": "Nghiêng", "strikethrough": "Gạch ngang",
                "code": "Mã", "link": "Liên kết", "linkPrompt": "Nhập địa chỉ liên kết",
                "headings": "Tiêu đề", "quote": "Trích dẫn", "bulletedList": "Danh sách chấm",
                "numberedList": "Danh sách số", "addComponent": "Thêm thành phần",
                "toggleMode": {"rich": "Chuyển sang văn bản định dạng",
                               "markdown": "Chuyển sang Markdown"},
            },
            "image": {"chooseMultiple": "Chọn ảnh", "addMore": "Thêm ảnh",
                      "removeAll": "Xóa tất cả ảnh"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {"copy": "Sao chép", "copyUrl": "Sao chép địa chỉ",
                             "copyPath": "Sao chép đường dẫn", "copyName": "Sao chép tên",
                             "copied": "Đã sao chép"},
        "mediaLibraryModal": {"close": "Đóng"},
    },
    "ui": {"settingsDropdown": {"account": "Tài khoản"}},
}  # fmt: skip


def decap_config(vocab: Vocabulary, settings: SiteSettings, oauth_url: str = "") -> dict[str, Any]:
    """The whole Decap configuration (``config.yml``) for the repository of ``settings``."""
    repo, branch = github_repository(settings)
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repo,
        "branch": branch,
        "open_authoring": True,
        "auth_scope": "public_repo",
        "commit_messages": {
            "create": "Thêm {{collection}} “{{slug}}”",
            "update": "Sửa {{collection}} “{{slug}}”",
            "delete": "Xóa {{collection}} “{{slug}}”",
            "uploadMedia": "Tải lên “{{path}}”",
            "deleteMedia": "Xóa “{{path}}”",
        },
    }
    if oauth_url:
        backend["base_url"] = oauth_url
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": True,  # Decap uses it only on localhost / 127.0.0.1
        "locale": "vi",
        "media_folder": f"{CONTENT_DIR}/{IMAGES}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(vocab)],
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
    return config


def github_repository(settings: SiteSettings) -> tuple[str, str]:
    """``(owner/name, branch)`` from ``repo_url`` and ``edit_uri``; ValueError off GitHub."""
    parts = urlsplit(settings.repo_url)
    repo = parts.path.strip("/").removesuffix(".git")
    if parts.hostname != "github.com" or repo.count("/") != 1:
        raise ValueError(f"not a GitHub repository: {settings.repo_url!r}")
    segments = settings.edit_uri.strip("/").split("/")
    branch = segments[1] if len(segments) > 1 and segments[0] in ("edit", "blob") else "main"
    return repo, branch


def _collection(vocab: Vocabulary) -> dict[str, Any]:
    schema = Initiative.model_json_schema(mode="validation")
    return {
        "name": "initiatives",
        "label": "Sáng kiến",
        "label_singular": "sáng kiến",
        "description": "Mỗi sáng kiến là một tệp trong thư mục của tỉnh, thành hiện nay; "
        "mã sáng kiến (tên tệp) lấy từ tên sáng kiến, bỏ dấu.",
        "folder": CONTENT_DIR,
        # Bare field names: "{{fields.province}}" comes out empty in a path.
        "path": "{{province}}/{{slug}}",
        "slug": "{{title}}",
        "create": True,
        "extension": "md",
        "format": "yaml-frontmatter",
        "identifier_field": "title",
        "summary": "{{title}} — {{province}}",
        "sortable_fields": ["title", "province", "started"],
        "media_folder": IMAGES,  # relative: beside the entry's file
        "public_folder": IMAGES,
        "fields": [*_FieldMaker(vocab, schema["$defs"]).fields(schema), BODY],
    }


class _FieldMaker:
    """Turns the model's JSON Schema into Decap fields, naming values from the vocabularies."""

    def __init__(self, vocab: Vocabulary, defs: dict[str, Any]) -> None:
        self.vocab = vocab
        self.defs = defs

    def fields(
        self, schema: dict[str, Any], prefix: str = "", optional: bool = False
    ) -> list[dict[str, Any]]:
        """One field per property of ``schema``, in order; required as the model says, except
        inside an optional object: Decap would demand them even when the object is left
        empty (decap-cms#2103), so there ``sangkien check`` alone asks for them."""
        fields = []
        for name, prop in schema["properties"].items():
            path = prefix + name
            required = name in schema.get("required", ())
            field: dict[str, Any] = {
                "label": LABELS[path],
                "name": name,
                **self.widget(path, _not_null(prop), required),
                "hint": _hint(prop["description"]),
            }
            if optional or not required:
                field["required"] = False
            fields.append(field)
        return fields

    def widget(self, path: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        """The Decap widget and its options for one property."""
        if path == "province":  # any spelling is valid; the editor offers today's 34 names
            return {"widget": "select", "options": [p.name for p in self.vocab.places.current]}
        if path == "images.src":  # uploaded beside the record, named as the checker wants
            message = (
                "Tên thư mục và tệp ảnh chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, "
                "đuôi .png, .jpg, .jpeg, .webp, .gif hoặc .avif (không nhận SVG), ví dụ "
                "anh/so-do-quy-trinh.png: hãy đổi tên tệp trên máy rồi tải lên lại"
            )
            pattern = [f"^{IMAGE_PATH.pattern}$", message]
            return {"widget": "image", "choose_url": False, "pattern": pattern}
        if path == "domains":
            options = [{"label": d.name, "value": d.id} for d in self.vocab.domains.values()]
            return _select(options, prop, multiple=True)
        if "$ref" in prop:
            nested = self.nested(path, prop["$ref"], optional=not required)
            return {"widget": "object", "collapsed": True, **nested}
        if prop.get("type") == "array":
            return self.list(path, prop)
        if "enum" in prop:
            return _select(self.options(path, prop["enum"]), prop)
        return _scalar(prop)

    def options(self, path: str, values: list[str]) -> list[dict[str, str]]:
        """The model's values of a closed list, named as pages name them."""
        names = {
            "status": {key: label.name for key, label in self.vocab.statuses.items()},
            "level": {key: label.name for key, label in self.vocab.levels.items()},
            "inferred": LABELS,  # the fields a writer may have inferred, by their names
        }[path]
        return [{"label": names[value], "value": value} for value in values]

    def nested(self, path: str, ref: str, optional: bool = False) -> dict[str, Any]:
        fields = self.fields(self.defs[ref.rsplit("/", 1)[1]], path + ".", optional)
        return {"summary": f"{{{{fields.{fields[0]['name']}}}}}", "fields": fields}

    def list(self, path: str, prop: dict[str, Any]) -> dict[str, Any]:
        items = prop["items"]
        if "enum" in items:
            return _select(self.options(path, items["enum"]), prop, multiple=True)
        widget: dict[str, Any] = {"widget": "list", "label_singular": ITEMS[path]}
        if "$ref" in items:
            widget.update(self.nested(path, items["$ref"]))
        else:  # a list of texts, one input each
            widget["field"] = {"label": ITEMS[path].capitalize(), "name": "item", **_scalar(items)}
        return widget | _bounds(prop, "minItems", "maxItems")


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    """An optional property's own schema (pydantic writes ``X | None`` as ``anyOf``)."""
    choices = [c for c in prop.get("anyOf", ()) if c.get("type") != "null"]
    return {**prop, **choices[0]} if len(choices) == 1 else prop


def _select(options: list[Any], prop: dict[str, Any], multiple: bool = False) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "select", "options": options}
    if multiple:
        widget |= {"multiple": True} | _bounds(prop, "minItems", "maxItems")
    return widget


def _scalar(prop: dict[str, Any]) -> dict[str, Any]:
    """Numbers as numbers; texts (dates too, from their text form) with their pattern."""
    text = next((c for c in prop.get("anyOf", ()) if c.get("type") == "string"), prop)
    if text.get("type") in ("number", "integer"):
        value_type = "int" if text["type"] == "integer" else "float"
        return {"widget": "number", "value_type": value_type} | _bounds(text, "minimum", "maximum")
    widget: dict[str, Any] = {"widget": "text" if text.get("maxLength", 0) >= 400 else "string"}
    if "pattern" in text:
        message = PATTERN_MESSAGES.get(text["pattern"], "Giá trị chưa đúng định dạng")
        widget["pattern"] = [text["pattern"], message]
    elif "maxLength" in text:
        limit = text["maxLength"]
        widget["pattern"] = [rf"^[\s\S]{{0,{limit}}}$", f"Tối đa {limit} ký tự"]
    return widget


def _bounds(prop: dict[str, Any], low: str, high: str) -> dict[str, Any]:
    """JSON Schema's bounds under the names Decap gives them."""
    return {name: prop[key] for name, key in (("min", low), ("max", high)) if key in prop}


def _hint(description: str) -> str:
    """The Vietnamese half of a field's bilingual description."""
    return description.rsplit(" / ", 1)[0]


def add_admin_files(
    outputs: Outputs, root: Path, vocab: Vocabulary, settings: SiteSettings
) -> None:
    """The editor (page, config, bundle) into ``outputs``, or the page that says it is missing."""
    bundle = bundle_files(root / DECAP_DIST)
    try:
        github_repository(settings)
    except ValueError as error:
        if bundle:
            log.warning("web editor left out: %s", error)
        bundle = []
    if not bundle:
        outputs.add(urls.admin_page().src, unavailable_page(root), ORIGIN)
        return
    config = decap_config(vocab, settings, os.environ.get(OAUTH_ENV, ""))
    outputs.add(urls.admin_file("index.html"), editor_page(root), ORIGIN)
    outputs.add(urls.admin_file("editor.js"), editor_script(root), ORIGIN)
    outputs.add(urls.admin_file("config.yml"), config_text(config), ORIGIN)
    vendor = Origin(DECAP_DIST, label="Decap CMS")
    for file in bundle:
        outputs.add(urls.admin_file(f"{VENDOR}/{file.name}"), file, vendor)


def bundle_files(dist: Path) -> list[Path]:
    """What the site serves of Decap's ``dist/``: the ``decap-cms.js`` build with its lazily
    loaded chunks, WebAssembly and licence notice; not source maps, nor the same build
    again as ``cms.js``. Empty when the bundle is not installed."""
    if not (dist / "decap-cms.js").is_file():
        return []
    wanted = (".decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")
    return sorted(
        file for file in dist.iterdir()
        if file.is_file() and (file.name == "decap-cms.js" or file.name.endswith(wanted))
    )  # fmt: skip


def config_text(config: dict[str, Any]) -> str:
    head = "# Generated by generator/editors/admin.py from the record model; do not edit.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def _from_editor(target: str) -> str:
    """A link from the editor's page (a plain HTML page, not Markdown) to a site URL."""
    return posixpath.relpath(target, urls.admin_page().url) + ("/" if target.endswith("/") else "")


def _template(root: Path, name: str) -> str:
    return (root / EDITOR_TEMPLATES / name).read_text(encoding="utf-8")


def editor_page(root: Path) -> str:
    """The page Decap takes over: its policy, its bundle, then our start-up script."""
    guide, icon = _from_editor(urls.CONTRIBUTOR_GUIDE.url), _from_editor(urls.LOGO)
    page = _template(root, "editor.html").format(
        vendor=VENDOR, guide=guide, icon=icon, policy="{policy}"
    )
    return page.replace("{policy}", editor_policy(page), 1)


def editor_script(root: Path) -> str:
    """Vietnamese strings, the clean-up before saving, then ``CMS.init()``."""
    patch = json.dumps(LOCALE_PATCH, ensure_ascii=False, indent=2)
    return _template(root, "editor.js").replace("LOCALE_PATCH", patch)


def unavailable_page(root: Path) -> str:
    """A site page, in the site's theme, for a build made without the editor's bundle."""
    guide = urls.CONTRIBUTOR_GUIDE.link_from(urls.admin_page())
    return _template(root, "unavailable.md").format(guide=guide)
