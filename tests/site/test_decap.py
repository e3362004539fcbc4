"""An officer adds an initiative in the web editor (Decap CMS, headless Chromium) through
decap-server, Decap's local backend, and the file it writes passes ``sangkien check``."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build import build
from generator.check import check_paths
from generator.editors.csp import LOCAL_BACKEND
from generator.layout import DECAP_DIST
from generator.text import slug

from ..conftest import PROJECT
from .conftest import make_project, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, Route

pytestmark = pytest.mark.browser

BUNDLE = PROJECT / DECAP_DIST
SERVER = PROJECT / "build" / "npm" / "node_modules" / "decap-server" / "dist" / "index.js"
TITLE = "Đường dây nóng: giải quyết thủ tục đất đai"
FILE_ID = "duong-day-nong-giai-quyet-thu-tuc-dat-dai"
SUMMARY = (
    "UBND xã Ea Tu lập đường dây nóng để người dân hỏi và được hướng dẫn thủ tục đất đai "
    "ngay trong ngày, không phải đi lại nhiều lần."
)
SOURCE = {
    "title": "Xã Ea Tu mở đường dây nóng về thủ tục đất đai",
    "publisher": "Báo Đắk Lắk",
    "date": "2024-11-06",
    "url": "https://baodaklak.vn/xa-hoi/duong-day-nong-dat-dai",
}
BODY = "Người dân gọi đường dây nóng để được hướng dẫn hồ sơ đất đai."
DATE_MESSAGE = "Ghi năm, tháng hoặc ngày: 2023, 2023-06 hoặc 2023-06-15"
# English strings the editor may keep: features this configuration does not use.
UNUSED = re.compile(
    r"auth\.loginWith(Azure|Forgejo)|editor\.editorControlPane\.i18n|"
    r"editor\.editorInterface\.toggle(I18n|Notes)|editor\.editorNotesPane|ui\.toast\..*[Nn]ote|"
    r"editor\.editorWidgets\.(image|file)\.\w*[Uu]rl|editor\.editorWidgets\.file\.|"
    r"editor\.editorWidgets\.datetime"
)
# The locale keys that have an English string and no Vietnamese one.
MISSING_STRINGS = """() => {
  const missing = [];
  const walk = (en, vi, path) => Object.keys(en).forEach((key) => {
    const here = path ? `${path}.${key}` : key;
    if (typeof en[key] === "object") walk(en[key], (vi || {})[key], here);
    else if (!vi || !(key in vi)) missing.push(here);
  });
  walk(CMS.getLocale("en"), CMS.getLocale("vi"), "");
  return missing;
}"""


@dataclass(frozen=True)
class Editor:
    repo: Path  # the repository decap-server writes into
    url: str  # the editor's page, served with the site on 127.0.0.1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(api: str, server: subprocess.Popen[bytes], log: Path) -> None:
    info = urllib.request.Request(
        api, data=b'{"action": "info"}', headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text("utf-8")
        try:
            with urllib.request.urlopen(info, timeout=2) as answer:
                assert json.load(answer)["type"] == "local_fs"
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"decap-server did not start:\n{log.read_text('utf-8')}")


@contextlib.contextmanager
def decap_server(repo: Path) -> Iterator[str]:
    """decap-server writing into ``repo`` (MODE=fs), on a free loopback port."""
    node = shutil.which("node")
    assert node is not None, "Node.js is missing: run `python3 dev.py test`"
    port = free_port()
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "MODE": "fs"}  # fmt: skip
    log = repo.parent / "decap-server.log"
    with log.open("wb") as out:
        server = subprocess.Popen([node, str(SERVER)], cwd=repo, env=env, stdout=out, stderr=out)
    try:
        api = f"http://127.0.0.1:{port}/api/v1"
        wait_until_up(api, server, log)
        yield api
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    """The fixture repository built with the installed Decap bundle, its site served, and
    the editor pointed at a decap-server for that repository."""
    assert (BUNDLE / "decap-cms.js").is_file(), "Decap CMS is missing: run `python3 dev.py test`"
    assert SERVER.is_file(), "decap-server is missing: run `python3 dev.py test`"
    root = make_project(tmp_path_factory.mktemp("decap") / "repo")
    (root / DECAP_DIST).parent.mkdir(parents=True)
    (root / DECAP_DIST).symlink_to(BUNDLE, target_is_directory=True)
    result = build(root)
    assert result.ok and result.site_dir is not None, [i.as_text() for i in result.issues]
    config_file = result.site_dir / "gui-sang-kien" / "config.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    assert config["local_backend"] is True  # Decap's default address: localhost:8081
    with decap_server(root) as api, serve_folder(result.site_dir) as site:
        config["local_backend"] = {"url": api}  # the test's own port, on 127.0.0.1
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        page = result.site_dir / "gui-sang-kien" / "index.html"  # its policy allows that port
        html = page.read_text("utf-8")
        assert f" {LOCAL_BACKEND};" in html
        origin = api.removesuffix(urlsplit(api).path)
        page.write_text(html.replace(f" {LOCAL_BACKEND};", f" {origin};"), encoding="utf-8")
        yield Editor(root, site + "gui-sang-kien/")


def labelled(page: Page, label: str, optional: bool = False) -> Locator:
    """A field by its label; Decap adds " (không bắt buộc)" to optional ones."""
    return page.get_by_label(f"{label} (không bắt buộc)" if optional else label, exact=True)


def pick(page: Page, label: str, option: str) -> None:
    """A react-select: open it by its label, then click the option."""
    labelled(page, label).click()
    page.get_by_role("option", name=option, exact=True).click()


def replace(field: Locator, value: str) -> None:
    """``fill`` can append to a field Decap has just re-rendered: empty it first."""
    from playwright.sync_api import expect

    field.click()
    field.press("Control+A")
    field.press("Backspace")
    field.fill(value)
    expect(field).to_have_value(value)
    field.press("Tab")  # validation re-lays the form out now, not under the next click


def publish(page: Page) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()


def fill_initiative(page: Page) -> None:
    labelled(page, "Tên sáng kiến").fill(TITLE)
    labelled(page, "Tóm tắt").fill(SUMMARY)
    # Typed, then emptied: Decap would save title_en: "" (decap-cms#7120).
    replace(labelled(page, "Tên sáng kiến (tiếng Anh)", optional=True), "Land hotline")
    replace(labelled(page, "Tên sáng kiến (tiếng Anh)", optional=True), "")
    pick(page, "Tỉnh, thành", "Đắk Lắk")
    labelled(page, "Cơ quan chủ trì").fill("UBND xã Ea Tu")
    pick(page, "Cấp", "Cấp xã")
    pick(page, "Lĩnh vực", "Cải cách thủ tục hành chính")
    pick(page, "Tình trạng", "Đang áp dụng")
    replace(labelled(page, "Bắt đầu"), "03/2024")  # not a date the checker reads
    page.get_by_role("button", name="Thêm nguồn").click()
    labelled(page, "Tiêu đề bài viết, văn bản").fill(SOURCE["title"])
    labelled(page, "Nơi đăng").fill(SOURCE["publisher"])
    labelled(page, "Ngày đăng").fill(SOURCE["date"])
    replace(labelled(page, "Đường dẫn", optional=True), SOURCE["url"])
    page.locator('div[role="textbox"][contenteditable="true"]').click()
    page.keyboard.type(BODY)


def test_an_officer_adds_an_initiative_that_passes_the_check(page: Page, editor: Editor) -> None:
    from playwright.sync_api import expect

    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(editor.url)
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend asks nothing
    page.locator('a[href$="/collections/initiatives/new"]').click()
    fill_initiative(page)
    record = editor.repo / "initiatives" / "dak-lak" / f"{FILE_ID}.md"

    publish(page)  # refused: the start date does not match the model's pattern
    expect(page.get_by_text(DATE_MESSAGE)).to_be_visible()
    assert not record.exists()
    problems.clear()  # Decap rejects the refused save with `undefined`
    replace(labelled(page, "Bắt đầu"), "2024-03")
    publish(page)
    expect(page.get_by_role("button", name="Đã công bố")).to_be_visible(timeout=15_000)

    assert slug(TITLE) == FILE_ID  # the id is the title folded, "đ" as "d"
    assert record.is_file(), sorted(p.name for p in record.parent.iterdir())
    written = record.read_text("utf-8")
    result = check_paths(editor.repo, [record])
    assert [issue.as_text() for issue in result.issues] == [], written
    (checked,) = result.records
    initiative = checked.initiative
    assert (initiative.title, initiative.summary, initiative.title_en) == (TITLE, SUMMARY, None)
    assert (initiative.province, initiative.agency, initiative.level) == (
        "Đắk Lắk", "UBND xã Ea Tu", "commune"
    )  # fmt: skip
    assert (initiative.domains, initiative.status, initiative.started) == (
        ["procedures"], "active", "2024-03"
    )  # fmt: skip
    assert [source.model_dump(exclude_none=True) for source in initiative.sources] == [SOURCE]
    assert checked.body.strip() == BODY
    assert problems == []
    elsewhere = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                 and urlsplit(u).hostname != "127.0.0.1"]  # fmt: skip
    assert elsewhere == []
    assert {urlsplit(u).scheme for u in requests} <= {"http", "blob", "data"}
    assert any(u.endswith("/gui-sang-kien/decap-cms/decap-cms.js") for u in requests)


def test_the_editor_speaks_vietnamese(page: Page, editor: Editor) -> None:
    from playwright.sync_api import expect

    page.goto(editor.url)
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    missing = page.evaluate(MISSING_STRINGS)
    assert [key for key in missing if not UNUSED.match(key)] == []
    status = page.evaluate('() => CMS.getLocale("vi").editor.editorToolbar.status')
    assert status == "Trạng thái: %{status}"


def test_a_chosen_picture_shows_under_the_editor_policy(page: Page, editor: Editor) -> None:
    """Decap shows a picture chosen for upload from a blob: address, and reads it back:
    the page's policy allows both (a refusal would fail the test through ``page``)."""
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(editor.url)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator('a[href$="/collections/initiatives/new"]').click()
    page.get_by_role("button", name="Thêm ảnh").click()
    page.get_by_role("button", name="Chọn một hình").click()
    picture = PROJECT / "tests/data/site/dak-lak/anh/quay-ma-qr.png"
    page.locator("input[type=file]").first.set_input_files(picture)
    shown = page.locator("img[src^='blob:']").first
    expect(shown).to_be_visible()
    assert shown.evaluate("(img) => img.naturalWidth") > 0


# Just enough of GitHub's API for Decap to open the collection of a repository the
# officer can write to: what the GitHub backend asks first, and an empty repository.
GITHUB_USER = {"login": "canbo", "name": "Cán bộ", "avatar_url": ""}
GITHUB_ANSWERS: dict[str, Any] = {
    "/user": GITHUB_USER,
    "/repos/sangkien/sangkien/collaborators/canbo/permission": {"permission": "write"},
    "/repos/sangkien/sangkien": {"owner": {"login": "sangkien"}, "permissions": {"push": True}},
    "/repos/sangkien/sangkien/pulls": [],
}
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*"}


def test_the_github_backend_works_under_the_editor_policy(page: Page, editor: Editor) -> None:
    """A signed-in officer (the token Decap keeps in localStorage) opens the editor on the
    GitHub backend; GitHub's API is answered by the test, after the page's policy let the
    request go (a refusal would fail the test through ``page``)."""
    from playwright.sync_api import expect

    asked: list[str] = []

    def github(route: Route) -> None:
        path = urlsplit(route.request.url).path
        asked.append(path)
        if path in GITHUB_ANSWERS:
            route.fulfill(json=GITHUB_ANSWERS[path], headers=CORS)
        elif "/git/trees/" in path:
            route.fulfill(json={"sha": "0" * 40, "tree": [], "truncated": False}, headers=CORS)
        else:
            route.fulfill(status=404, json={"message": "Not Found"}, headers=CORS)

    def without_local_backend(route: Route) -> None:
        config = yaml.safe_load(route.fetch().text())
        config["local_backend"] = False
        route.fulfill(body=yaml.safe_dump(config, allow_unicode=True), content_type="text/yaml")

    page.route("**/gui-sang-kien/config.yml", without_local_backend)
    page.route("https://api.github.com/**", github)
    user = {**GITHUB_USER, "token": "gho_test", "backendName": "github"}
    page.add_init_script(f"localStorage.setItem('decap-cms-user', {json.dumps(json.dumps(user))})")
    page.goto(editor.url)
    expect(page.get_by_text("Không có mục nào")).to_be_visible(timeout=15_000)
    assert "/user" in asked and "/repos/sangkien/sangkien" in asked


def test_the_editor_does_not_start_in_a_frame_of_another_site(
    page: Page, editor: Editor, tmp_path: Path
) -> None:
    """Clickjacking: no header can forbid framing on a static host, so the editor refuses."""
    from playwright.sync_api import expect

    (tmp_path / "index.html").write_text(
        f'<!doctype html><iframe src="{editor.url}" width="900" height="600"></iframe>', "utf-8"
    )
    with serve_folder(tmp_path) as other_site:  # another port: another origin
        page.goto(other_site)
        frame = page.frame_locator("iframe")
        expect(frame.get_by_role("link", name=re.compile("Mở trình soạn thảo"))).to_be_visible()
        expect(frame.get_by_role("button", name="Đăng nhập")).to_have_count(0)
    page.goto(editor.url)  # on its own, it starts
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
