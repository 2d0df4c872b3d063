"""Which Chromium the browser tests use.

Debian's Chromium (``/usr/bin/chromium``, or ``$KB_CHROMIUM``) where it is installed, as
on the development machine and in ``.ci/run``; otherwise the Chromium that Playwright's
own installer put in place (``python -m playwright install chromium``, as the GitHub
workflow does). Nothing is downloaded here.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

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
