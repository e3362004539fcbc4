"""The web editor's Content-Security-Policy: wider than the site's, as narrow as Decap allows.

The site's own pages carry their policy from the theme (``theme/overrides/partials/
csp.html``). The editor's page (``/gui-sang-kien/``, Decap CMS) is a plain HTML page the
generator writes (``admin.py``), and Decap needs more: what each source is for is noted
below, measured in Chromium with Decap 3.16 (``tests/site/test_decap.py`` runs it under
this policy). The officer's GitHub token lives in this origin's ``localStorage``; the
policy keeps scripts to the site's own files, so a page cannot load someone else's.
"""

from __future__ import annotations

import base64
import hashlib
import re

# decap-server, Decap's local backend: Decap calls it only when the editor is opened on
# localhost or 127.0.0.1 (``local_backend: true`` in config.yml, its default address).
LOCAL_BACKEND = "http://localhost:8081"

EDITOR_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # The bundle and editor.js from the site; 'unsafe-eval' because Decap validates its
    # configuration with ajv, which compiles the schema into a function (new Function).
    # The page's inline script is allowed by its hash (see ``editor_policy``).
    "script-src": ("'self'", "'unsafe-eval'"),
    # Decap's components style themselves with <style> elements they write (emotion).
    "style-src": ("'self'", "'unsafe-inline'"),
    # blob:: pictures chosen for upload and those read through GitHub's API; the avatar of
    # the signed-in officer comes from GitHub's avatar host.
    "img-src": ("'self'", "blob:", "https://avatars.githubusercontent.com"),
    # GitHub's API (the repository, forks, pull requests), GitHub's status page (Decap
    # warns when GitHub is down), blob: (Decap reads a chosen picture back), the local
    # backend. The OAuth proxy (SANGKIEN_OAUTH_URL) needs no source: Decap opens it in a
    # pop-up window and receives the token by postMessage.
    "connect-src": (
        "'self'",
        "blob:",
        "https://api.github.com",
        "https://www.githubstatus.com",
        LOCAL_BACKEND,
    ),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script whose text is exactly ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def editor_policy(page: str) -> str:
    """``EDITOR_POLICY`` as ``<meta>`` content, allowing the inline scripts of ``page``."""
    hashes = tuple(script_hash(text) for text in _INLINE_SCRIPT.findall(page))
    policy = dict(EDITOR_POLICY, **{"script-src": EDITOR_POLICY["script-src"] + hashes})
    return "; ".join(" ".join((name, *sources)) for name, sources in policy.items())
