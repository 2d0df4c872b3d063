"""The browser tests' tools: which Chromium, serving a built site on 127.0.0.1, new
browser contexts, axe-core.

Chromium: Debian's (``/usr/bin/chromium``, or ``$KB_CHROMIUM``) where it is installed, as
on the development machine and in ``.ci/run``; otherwise the Chromium that Playwright's
own installer put in place (``python -m playwright install chromium``, as the GitHub
workflow does). Nothing is downloaded here.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from support.project import ROOT

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _executable(path: str | None) -> str | None:
    return path if path and Path(path).is_file() and os.access(path, os.X_OK) else None


@cache
def playwright_chromium() -> str | None:
    """The browser Playwright's installer would use, if it is installed."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            return _executable(playwright.chromium.executable_path)
    except Exception:  # no Playwright driver here: only Debian's Chromium counts
        return None


def chromium_path() -> str | None:
    explicit = os.environ.get("KB_CHROMIUM")
    if explicit:
        return _executable(explicit)
    return _executable("/usr/bin/chromium") or playwright_chromium()


# --------------------------------------------------------------------------- tools

IN_CI = os.environ.get("CI", "").strip().lower() == "true"
REQUIRE_ALL = os.environ.get("KB_REQUIRE_ALL", "").strip() == "1"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_RESULTS = ARTIFACTS / "axe"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Records Content Security Policy violations as the page reports them (the init script
# runs through the DevTools protocol, outside the page's CSP).
CSP_RECORDER = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kbCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` (${e.sourceFile || "?"}:${e.lineNumber || 0})`);
});
"""


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason}. Onder CI (CI=true) moeten de browsertests draaien.")
    pytest.skip(f"{reason}: browsertests overgeslagen (installeer het pakket `chromium`).")


def missing_feature(reason: str) -> None:
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (KB_REQUIRE_ALL=1)")
    pytest.skip(f"{reason}: nog niet gebouwd")


@dataclass
class Site:
    site: Path
    prefix: str  # path of the site root on the server, e.g. "/kennisbank/"

    def html_urls(self) -> list[str]:
        urls = []
        for path in sorted(self.site.rglob("*.html")):
            rel = path.relative_to(self.site).as_posix()
            urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return urls


def site_prefix(site: Path) -> str:
    """The absolute path MkDocs gave the site root (404.html uses absolute links)."""
    html = (site / "404.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    base = json.loads(match.group(1))["base"] if match else "/"
    if not base.startswith("/"):
        return "/"
    return base.rstrip("/") + "/"


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site under its prefix and answers unknown paths with 404.html."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        else:
            path = "/__buiten_de_site__"
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT
    base: str  # origin + prefix

    def url(self, path: str = "") -> str:
        return self.base + path


class serve:  # noqa: N801 - used as a context manager
    """Serve a built site on a free port of 127.0.0.1 in a thread."""

    def __init__(self, site: Site) -> None:
        handler = type("Handler", (SiteHandler,), {"prefix": site.prefix})

        def factory(*args: Any, **kwargs: Any) -> SiteHandler:
            return handler(*args, directory=str(site.site), **kwargs)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), factory)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.server = Server(origin, origin + site.prefix)

    def __enter__(self) -> Server:
        self.thread.start()
        return self.server

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def new_context(browser: Any, viewport: dict[str, int], scheme: str = "light") -> Any:
    phone = viewport["width"] < 600
    context = browser.new_context(
        viewport=viewport,
        is_mobile=phone,
        has_touch=phone,
        locale="nl-BE",
        color_scheme=scheme,
        service_workers="block",
    )
    context.add_init_script(CSP_RECORDER)
    return context


def is_foreign(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return f"{parts.scheme}://{parts.netloc}" != origin


def axe(page: Any, label: str) -> list[str]:
    """Run axe-core (bundled with axe-playwright-python) for WCAG 2.1 A/AA.

    The full violations are written to test-artifacts/axe/<label>.json.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "url": page.url,
        "axe": results.response.get("testEngine", {}).get("version"),
        "tags": WCAG_TAGS,
        "violations": results.response["violations"],
    }
    (AXE_RESULTS / f"{label}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    lines = []
    for violation in results.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        summary = " ".join(violation["nodes"][0].get("failureSummary", "").split())
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            f"{len(targets)}x: {targets[:5]}; {summary[:300]}"
        )
    return lines
