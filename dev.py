#!/usr/bin/env python3
"""Set up and run sangkien on a machine that has only Python 3.11+.

    python3 dev.py build   # virtual environment + package, then build site/ from initiatives/
    python3 dev.py serve   # the same, then preview with live reload at http://127.0.0.1:8000/
    python3 dev.py test    # + test tools, Chromium (Debian), axe-core and decap-server (npm)
    python3 dev.py check [ARGS]  # sangkien check: the records (e.g. --changed-since origin/main)
    python3 dev.py new [ARGS]    # sangkien new: write a new initiative file, asking for each field

Each step installs only what is missing, so running it again is quick. ``build`` and
``serve`` also fetch the web editor (Decap CMS) from npm when npm is there; without npm
the site is built without it and its page says how to contribute otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
NPM_DIR = ROOT / "build" / "npm"
AXE = NPM_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
# The web editor's prebuilt bundle: generator/editors/admin.py serves DECAP_CMS/dist
# (its DECAP_DIST).
DECAP_CMS = NPM_DIR / "decap-cms"
DECAP_CMS_VERSION = "3.16.3"
# Decap's local backend, which the browser test edits a temporary repository through.
DECAP_SERVER = NPM_DIR / "node_modules" / "decap-server"
DECAP_SERVER_VERSION = "3.11.3"
CHROMIUM = Path("/usr/bin/chromium")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, **kwargs: object) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def ensure_venv(extras: str) -> None:
    """Create ``.venv`` and install the package; reinstall when pyproject.toml changes."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit("sangkien cần Python 3.11 trở lên / needs Python 3.11+")
    if not PYTHON.exists():
        say("Tạo môi trường ảo / creating .venv")
        venv.create(VENV, with_pip=True)
    spec = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / ".sangkien-installed"
    installed = stamp.read_text().split() if stamp.exists() else []
    # The package alone is part of every install: `check` after `test` reinstalls nothing.
    if installed[:1] == [digest] and (not extras or installed[1:] == [extras]):
        return
    say(f"Cài đặt / installing {spec}")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # setuptools' editable-install notice is addressed to package authors, not to users.
    quiet = {**os.environ, "PYTHONWARNINGS": "ignore"}
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", spec, env=quiet)
    stamp.write_text(f"{digest} {extras}".strip())


def ensure_chromium() -> None:
    """Debian's Chromium for the browser tests (Playwright cannot download browsers here)."""
    if CHROMIUM.exists():
        return
    say("Cài Chromium / installing Debian's chromium")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", "chromium", env=env)


def npm_install(package: str, version: str) -> None:
    """One pinned package from the npm registry into ``build/npm/`` (for the tests only)."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(f"Cần npm để cài {package} / npm is needed to install {package}")
    say(f"Cài {package} {version} / installing {package} from npm")
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    run(npm, "install", "--silent", "--no-audit", "--no-fund", "--save-exact", "--prefix",
        NPM_DIR, f"{package}@{version}")  # fmt: skip


def ensure_axe() -> None:
    """axe-core, the accessibility engine, from the npm registry (injected by the tests)."""
    if not AXE.exists():
        npm_install("axe-core", AXE_VERSION)


def installed_version(package: Path) -> str | None:
    try:
        return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def ensure_decap_cms(required: bool) -> None:
    """Decap CMS's prebuilt bundle for the site's web editor (``/gui-sang-kien/``).

    Only the package's own tarball is unpacked (``npm pack``): ``npm install`` would also
    pull the ~550 packages (390 MB) it was built from, which the bundle never loads.
    Source maps are left out. Without npm, ``build`` goes on and the site says the editor
    is not in this build; ``test`` needs it.
    """
    if installed_version(DECAP_CMS) == DECAP_CMS_VERSION:
        return
    npm = shutil.which("npm")
    if npm is None:
        if required:
            sys.exit("Cần npm để cài Decap CMS / npm is needed to install Decap CMS")
        say("Không có npm: dựng trang không kèm trình soạn thảo web / no npm: no web editor")
        return
    say(f"Cài Decap CMS {DECAP_CMS_VERSION} / installing the web editor from npm")
    with tempfile.TemporaryDirectory() as folder:
        try:
            run(npm, "pack", "--silent", "--pack-destination", folder,
                f"decap-cms@{DECAP_CMS_VERSION}", stdout=subprocess.DEVNULL)  # fmt: skip
        except subprocess.CalledProcessError:
            if required:
                raise
            say("Không tải được Decap CMS: dựng trang không kèm trình soạn thảo web "
                "/ could not fetch Decap CMS: building without the web editor")  # fmt: skip
            return
        (tarball,) = Path(folder).glob("*.tgz")
        unpack(tarball, DECAP_CMS)


def unpack(tarball: Path, target: Path) -> None:
    """The npm package's files (``package/...``) into ``target``, without source maps."""
    fresh = target.with_name(target.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            parts = Path(member.name).parts
            if not member.isfile() or parts[:1] != ("package",) or ".." in parts:
                continue
            if member.name.endswith(".map"):
                continue
            dest = fresh.joinpath(*parts[1:])
            dest.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            dest.write_bytes(source.read())
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)


def ensure_decap_server() -> None:
    """decap-server, Decap's local backend: the browser test saves records through it."""
    if installed_version(DECAP_SERVER) != DECAP_SERVER_VERSION:
        npm_install("decap-server", DECAP_SERVER_VERSION)


def build() -> int:
    ensure_venv("")
    ensure_decap_cms(required=False)
    return subprocess.call([BIN / "sangkien", "build"], cwd=ROOT)


def serve() -> int:
    ensure_venv("")
    ensure_decap_cms(required=False)
    return subprocess.call([BIN / "sangkien", "serve"], cwd=ROOT)


def test(pytest_args: list[str]) -> int:
    ensure_venv("test")
    ensure_chromium()
    ensure_axe()
    ensure_decap_cms(required=True)
    ensure_decap_server()
    say("ruff, mypy")
    lint = subprocess.call([BIN / "ruff", "check", "."], cwd=ROOT)
    lint = subprocess.call([BIN / "ruff", "format", "--check", "."], cwd=ROOT) or lint
    lint = subprocess.call([BIN / "mypy"], cwd=ROOT) or lint
    say("pytest")
    tests = subprocess.call([PYTHON, "-m", "pytest", *pytest_args], cwd=ROOT)
    return lint or tests


def sangkien(args: list[str]) -> int:
    """``sangkien`` itself, so contributors never need to know where the venv keeps it."""
    ensure_venv("")
    return subprocess.call([BIN / "sangkien", *args], cwd=ROOT)


def main(argv: list[str]) -> int:
    commands = {"build": build, "serve": serve}
    if argv[:1] == ["test"]:
        return test(argv[1:])
    if argv[:1] in (["check"], ["new"]):
        return sangkien(argv)
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
