"""Measure search in a real browser: which pages a query lists, for ours and Material's.

Used by the search tests and by ``scripts/search_recall.py``. Needs Playwright and a
Chromium (see ``support.browser``); never downloads anything.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from support.browser import CHROMIUM_ARGS, chromium_path  # noqa: F401 - used by scripts


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (random port) for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def url_to_src(url: str) -> str:
    """``/adviezen/back-ups/`` -> ``adviezen/back-ups.md`` (or ``.../index.md``)."""
    path = urlsplit(url).path.strip("/")
    return path + ".md" if path else "index.md"


def matches(src_candidates: list[str], expected: list[str]) -> bool:
    options = set()
    for src in src_candidates:
        options.add(src)
        options.add(src.removesuffix(".md") + "/index.md")
    return any(e in options for e in expected)


def isolated(function, *args):  # type: ignore[no-untyped-def]
    """Run Playwright's sync API in its own thread, so it works beside another Playwright
    session (e.g. a test fixture) that already owns this thread's event loop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def run_queries(
    site: Path, queries: list[str], engine: str = "kb", top: int = 5
) -> dict[str, list[str]]:
    """Type each query into the site's search box; return the listed pages (src paths)."""
    return isolated(_run_queries, site, queries, engine, top)


def _run_queries(site: Path, queries: list[str], engine: str, top: int) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium ontbreekt (/usr/bin/chromium, $KB_CHROMIUM of Playwright)")
    results: dict[str, list[str]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        for query in queries:
            if engine == "kb":
                results[query] = _kb_query(page, query, top)
            else:
                results[query] = _material_query(page, query, top)
        browser.close()
    return results


def _kb_query(page, query: str, top: int) -> list[str]:  # type: ignore[no-untyped-def]
    if not page.locator("#kb-search").evaluate("d => d.open"):
        page.locator(".kb-search-open").first.click()
    box = page.locator("#kb-search-input")
    box.fill("")
    page.locator("#kb-search-status").filter(has_text="").wait_for(state="attached")
    box.fill(query)
    status = page.locator("#kb-search-status")
    status.filter(has_text="resulta").or_(status.filter(has_text="Geen")).wait_for(timeout=15000)
    page.wait_for_timeout(50)
    hrefs = page.locator(".kb-search__result a").evaluate_all("els => els.map(e => e.href)")
    return [url_to_src(h) for h in hrefs[:top]]


def _material_query(page, query: str, top: int) -> list[str]:  # type: ignore[no-untyped-def]
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)  # Material reacts to key events, not to fill()
    page.wait_for_function(
        "() => !/initiali|Typ om/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=60000,
    )
    page.wait_for_timeout(400)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "els => els.map(e => e.href)"
    )
    seen: list[str] = []
    for href in hrefs:
        src = url_to_src(href.split("#")[0])
        if src not in seen:
            seen.append(src)
    return seen[:top]


def recall(results: dict[str, list[str]], expected: dict[str, list[str]]) -> float:
    hits = sum(1 for q, pages in results.items() if matches(pages, expected[q]))
    return hits / len(results) if results else 0.0
