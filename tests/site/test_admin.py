"""The web editor's configuration follows the record model and the vocabularies; the
site carries the editor when the bundle is installed and says so when it is not."""

from __future__ import annotations

import importlib.util
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel

from generator import layout, urls
from generator.build import build
from generator.editors import admin
from generator.publish.outputs import Outputs
from generator.schema import Initiative, Level, Status
from generator.settings import SiteSettings
from generator.vocab import load_vocabulary

from ..conftest import PROJECT
from .conftest import make_project

GITHUB = SiteSettings(
    site_url="https://example.org/sk/",
    repo_url="https://github.com/so-noi-vu/sangkien",
    edit_uri="edit/trunk/docs/",
)


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return admin.decap_config(load_vocabulary(), GITHUB)


def fields_of(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every Decap field by its dotted path (``sources.url``), nested ones included."""
    found: dict[str, dict[str, Any]] = {}

    def walk(fields: list[dict[str, Any]], prefix: str) -> None:
        for field in fields:
            found[prefix + field["name"]] = field
            walk(field.get("fields", []), f"{prefix}{field['name']}.")

    walk(config["collections"][0]["fields"], "")
    return found


def model_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, bool, bool]]:
    """``(path, required, inside an optional object)`` for every field of the model."""
    for name, info in model.model_fields.items():
        yield prefix + name, info.is_required(), False
        in_object = get_origin(info.annotation) is not list and not info.is_required()
        for inner in (info.annotation, *get_args(info.annotation)):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                for path, required, _ in model_fields(inner, f"{prefix}{name}."):
                    yield path, required, in_object


def options(field: dict[str, Any]) -> list[tuple[str, str]]:
    return [(o["value"], o["label"]) if isinstance(o, dict) else (o, o) for o in field["options"]]


def test_province_is_one_of_the_34_current_provinces(config: dict[str, Any]) -> None:
    province = fields_of(config)["province"]
    current = load_vocabulary().places.current
    assert province["widget"] == "select"
    assert options(province) == [(p.name, p.name) for p in current]
    assert len(current) == 34


def test_domains_are_the_8_par_index_areas_by_id_with_vietnamese_names(
    config: dict[str, Any],
) -> None:
    domains = fields_of(config)["domains"]
    vocab = load_vocabulary()
    assert options(domains) == [(d.id, d.name) for d in vocab.domains.values()]
    assert len(domains["options"]) == 8
    assert (domains["multiple"], domains["min"], domains["max"]) == (True, 1, 3)


def test_status_and_level_offer_the_models_values_named_as_on_the_pages(
    config: dict[str, Any],
) -> None:
    fields, vocab = fields_of(config), load_vocabulary()
    assert options(fields["status"]) == [(s, vocab.statuses[s].name) for s in get_args(Status)]
    assert options(fields["level"]) == [(v, vocab.levels[v].name) for v in get_args(Level)]


def test_every_model_field_is_in_the_editor_required_as_the_model_says(
    config: dict[str, Any],
) -> None:
    """Both ways: a field the model requires is required in the editor, and no field the
    model leaves optional is. Inside the optional ``contact`` the editor cannot require
    (decap-cms#2103: it would block every save without a contact); the check does."""
    fields = fields_of(config)
    model = {path: (required, in_object) for path, required, in_object in model_fields(Initiative)}
    assert set(fields) == set(model) | {"body"}
    editor_required = {path for path, field in fields.items() if field.get("required", True)}
    model_required = {path for path, (required, in_object) in model.items() if required}
    assert editor_required == {p for p in model_required if not model[p][1]}
    assert model_required - editor_required == {"contact.unit"}


def test_every_field_has_a_vietnamese_label_and_hint(config: dict[str, Any]) -> None:
    for path, field in fields_of(config).items():
        assert field["label"] and field["hint"], path
        assert " / " not in field["hint"], path  # the English half is left out
    descriptions = {name: info.description for name, info in Initiative.model_fields.items()}
    assert fields_of(config)["started"]["hint"] == descriptions["started"].split(" / ")[0]


@pytest.mark.parametrize("path", ["started", "ended", "sources.date", "metrics.as_of"])
def test_dates_are_texts_with_the_models_pattern(config: dict[str, Any], path: str) -> None:
    field = fields_of(config)[path]
    pattern, message = field["pattern"]
    assert field["widget"] == "string"
    assert message.startswith("Ghi năm, tháng hoặc ngày")
    for good in ("2023", "2023-06", "2023-06-15"):
        assert re.fullmatch(pattern, good), good
    for bad in ("23", "06/2023", "2023-13", "2023-6"):
        assert not re.fullmatch(pattern, bad), bad


def test_sources_metrics_and_body_are_lists_and_markdown(config: dict[str, Any]) -> None:
    fields = fields_of(config)
    assert (fields["sources"]["widget"], fields["sources"]["min"]) == ("list", 1)
    assert fields["metrics"]["widget"] == "list"
    assert (fields["metrics.value"]["widget"], fields["metrics.value"]["min"]) == ("number", 0)
    assert fields["tags"]["field"]["widget"] == "string"
    assert fields["images.src"]["widget"] == "image"
    assert list(fields)[-1] == "body" and fields["body"]["widget"] == "markdown"
    every_pattern = [f["pattern"][1] for f in fields.values() if "pattern" in f]
    assert "Giá trị chưa đúng định dạng" not in every_pattern  # each has its own message


def test_an_uploaded_image_is_named_as_the_checker_wants(config: dict[str, Any]) -> None:
    """Decap keeps ``_`` and ``.`` in an uploaded file's name and takes SVG: the field's
    pattern says so in the editor, before the pull request's check does."""
    pattern, message = fields_of(config)["images.src"]["pattern"]
    assert message.endswith("hãy đổi tên tệp trên máy rồi tải lên lại")
    for good in ("anh/so-do-quy-trinh.png", "anh/2024.jpg", "../anh/a.webp"):
        assert re.fullmatch(pattern, good), good
    for bad in ("anh/img_2024.jpg", "anh/so-do#1.png", "anh/so-do.svg", "anh/so-do-.png",
                "anh/a.PNG", "Ảnh/a.png"):  # fmt: skip
        assert not re.fullmatch(pattern, bad), bad


def decap_slug(text: str) -> str:
    """What Decap makes of a path part with ``clean_accents`` and ``encoding: ascii``."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9_.~-]", "-", plain)).strip("-")


def test_each_province_name_lands_in_its_folder(config: dict[str, Any]) -> None:
    collection = config["collections"][0]
    assert (collection["folder"], collection["path"]) == ("initiatives", "{{province}}/{{slug}}")
    assert collection["slug"] == "{{title}}"
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True,
                              "sanitize_replacement": "-"}  # fmt: skip
    for province in load_vocabulary().places.current:
        assert decap_slug(province.name) == province.slug
    assert decap_slug("Đường dây nóng: giải quyết đất đai") == "duong-day-nong-giai-quyet-dat-dai"


def test_backend_is_the_github_repository_of_the_settings(config: dict[str, Any]) -> None:
    backend = config["backend"]
    assert (backend["name"], backend["repo"], backend["branch"]) == (
        "github", "so-noi-vu/sangkien", "trunk"
    )  # fmt: skip
    assert backend["open_authoring"] is True
    assert "base_url" not in backend  # Decap's default unless SANGKIEN_OAUTH_URL is set
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] is True
    assert (config["locale"], config["site_url"]) == ("vi", "https://example.org/sk/")
    oauth = admin.decap_config(load_vocabulary(), GITHUB, "https://oauth.example.org")
    assert oauth["backend"]["base_url"] == "https://oauth.example.org"
    with pytest.raises(ValueError, match="not a GitHub repository"):
        admin.github_repository(SiteSettings(repo_url="https://gitlab.com/a/b"))


# Decap's dist/ in small: one build, its chunk, WebAssembly and licence; source maps; the
# same build again under its old name; a blank stylesheet kept for old setups.
DIST = [
    "decap-cms.js", "12.decap-cms.js", "ab12.wasm", "decap-cms.js.LICENSE.txt",
    "decap-cms.js.map", "12.decap-cms.js.map",
    "cms.js", "12.cms.js",
    "cms.css",
]  # fmt: skip


def fake_bundle(root: Path) -> Path:
    """A repository with the editor's templates and a stand-in for Decap's ``dist/``."""
    templates = layout.EDITOR_TEMPLATES
    shutil.copytree(PROJECT / templates, root / templates, dirs_exist_ok=True)
    dist = root / layout.DECAP_DIST
    dist.mkdir(parents=True)
    for name in DIST:
        (dist / name).write_text(f"/* {name} */\n", encoding="utf-8")
    return dist


def editor_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Outputs:
    """The web editor's files, made with a fake bundle and an OAuth address."""
    fake_bundle(tmp_path)
    monkeypatch.setenv(admin.OAUTH_ENV, "https://oauth.example.org")
    outputs = Outputs()
    admin.add_admin_files(outputs, tmp_path, load_vocabulary(), GITHUB)
    return outputs


def test_with_the_bundle_the_editor_page_config_and_bundle_are_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = editor_outputs(tmp_path, monkeypatch)
    assert sorted(outputs.files) == [
        "gui-sang-kien/config.yml",
        "gui-sang-kien/decap-cms/12.decap-cms.js",
        "gui-sang-kien/decap-cms/ab12.wasm",
        "gui-sang-kien/decap-cms/decap-cms.js",
        "gui-sang-kien/decap-cms/decap-cms.js.LICENSE.txt",
        "gui-sang-kien/editor.js",
        "gui-sang-kien/index.html",
    ]
    config = yaml.safe_load(str(outputs.files["gui-sang-kien/config.yml"]))
    assert config == admin.decap_config(load_vocabulary(), GITHUB, "https://oauth.example.org")
    page = BeautifulSoup(str(outputs.files["gui-sang-kien/index.html"]), "html.parser")
    assert [s.get("src") for s in page.find_all("script")] == [
        None, "decap-cms/decap-cms.js", "editor.js"
    ]  # fmt: skip
    assert page.find("link", rel="cms-config-url")["href"] == "config.yml"
    script = str(outputs.files["gui-sang-kien/editor.js"])
    assert '"add": "Thêm %{item}"' in script and "CMS.init()" in script


def test_the_editor_page_has_its_own_policy_allowing_its_inline_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = editor_outputs(tmp_path, monkeypatch)
    html = str(outputs.files["gui-sang-kien/index.html"])
    page = BeautifulSoup(html, "html.parser")
    head = page.find("head").find_all(True)  # type: ignore[union-attr]
    assert [tag.name for tag in head[:2]] == ["meta", "meta"]  # the charset, then the policy
    assert head[1]["http-equiv"] == "Content-Security-Policy"
    policy = {
        name: sources
        for name, *sources in (part.split() for part in str(head[1]["content"]).split("; "))
    }
    inline = [s.string for s in page.find_all("script") if not s.get("src")]
    assert inline == ["window.CMS_MANUAL_INIT = true;"]
    assert policy["script-src"] == [
        "'self'", "'unsafe-eval'", "'sha256-Hx47mYK7okpadKVYneZvwqwuJSl8ZUaC0EMxEJ/t+8c='"
    ]  # fmt: skip
    assert policy["connect-src"] == [
        "'self'", "blob:", "https://api.github.com", "https://www.githubstatus.com",
        "http://localhost:8081",
    ]  # fmt: skip
    # the OAuth proxy is opened in a pop-up window, never fetched
    assert "oauth.example.org" not in str(head[1]["content"])
    assert (policy["object-src"], policy["base-uri"]) == (["'none'"], ["'self'"])


def test_off_github_the_site_says_the_editor_is_missing(tmp_path: Path) -> None:
    fake_bundle(tmp_path)
    outputs = Outputs()
    settings = SiteSettings(repo_url="https://gitlab.com/a/b")
    admin.add_admin_files(outputs, tmp_path, load_vocabulary(), settings)
    assert list(outputs.files) == [urls.admin_page().src]


def test_a_build_without_the_bundle_says_how_to_contribute(built_site: Path) -> None:
    folder = built_site / "gui-sang-kien"
    assert sorted(p.name for p in folder.iterdir()) == ["index.html"]
    page = BeautifulSoup((folder / "index.html").read_text("utf-8"), "html.parser")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "Trình soạn thảo trên web không có trong bản dựng này" in text
    assert "The web editor is not available in this build" in text
    links = {a["href"] for a in page.select("article p a")}
    assert links == {"../dong-gop/"}
    assert (folder / "../dong-gop/index.html").resolve().is_file()


def test_a_build_with_the_bundle_serves_the_editor_from_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "repo")
    fake_bundle(root)
    result = build(root)
    assert result.ok and result.site_dir is not None, [i.as_text() for i in result.issues]
    folder = result.site_dir / "gui-sang-kien"
    assert (folder / "decap-cms/decap-cms.js").read_text("utf-8") == "/* decap-cms.js */\n"
    assert not list(folder.rglob("*.map")) and not (folder / "decap-cms/cms.js").exists()
    config = yaml.safe_load((folder / "config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "sangkien/sangkien"  # mkdocs.yml's repo_url
    assert "gui-sang-kien" not in (result.site_dir / "sitemap.xml").read_text("utf-8")


def test_dev_py_unpacks_the_bundle_where_the_generator_looks() -> None:
    spec = importlib.util.spec_from_file_location("dev", PROJECT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert dev.DECAP_CMS / "dist" == PROJECT / layout.DECAP_DIST
    assert (dev.DECAP_CMS_VERSION, dev.DECAP_SERVER_VERSION) == ("3.16.3", "3.11.3")
