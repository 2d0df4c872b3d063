"""Browser fixtures: one Chromium per session, the real site served on 127.0.0.1, and
shared contexts (desktop light and dark, phone)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import (
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    Server,
    Site,
    chromium_path,
    new_context,
    serve,
    site_prefix,
    unavailable,
)
from support.project import BuildResult

CHROMIUM = chromium_path()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session (checked before anything is built)."""
    if CHROMIUM is None:
        unavailable(
            "Chromium niet gevonden: /usr/bin/chromium, $KB_CHROMIUM of de Chromium van "
            "Playwright (python -m playwright install chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright voor Python is niet geïnstalleerd")
    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as error:
        manager.stop()
        pytest.fail(f"Chromium ({CHROMIUM}) start niet: {error}")
    yield chromium
    chromium.close()
    manager.stop()


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Site:
    """The real site ($KB_BROWSER_SITE if set, otherwise conftest's strict build)."""
    prebuilt = os.environ.get("KB_BROWSER_SITE")
    if prebuilt:
        path = Path(prebuilt)
    else:
        built: BuildResult = request.getfixturevalue("real_site")
        path = built.site
    return Site(path, site_prefix(path))


@pytest.fixture(scope="session")
def site(browser: Any, built_site: Site) -> Site:
    """The built site, for tests that need the browser (which is checked first)."""
    return built_site


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[Server]:
    with serve(site) as running:
        yield running


@pytest.fixture(scope="session")
def contexts(browser: Any) -> Iterator[dict[str, Any]]:
    """Shared contexts (one cache each): desktop light/dark and phone."""
    made = {
        "desktop": new_context(browser, DESKTOP),
        "dark": new_context(browser, DESKTOP, "dark"),
        "phone": new_context(browser, PHONE),
    }
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def desktop(contexts: dict[str, Any]) -> Iterator[Any]:
    page = contexts["desktop"].new_page()
    yield page
    page.close()


@pytest.fixture
def phone(contexts: dict[str, Any]) -> Iterator[Any]:
    page = contexts["phone"].new_page()
    yield page
    page.close()
