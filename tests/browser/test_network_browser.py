"""The network in a real browser: the directory's and the practice cases' filters (with
and without JavaScript, nothing fetched from elsewhere) and accessibility of the network
pages in light and dark, on desktop and phone."""

from __future__ import annotations

from typing import Any

import pytest
from support.browser import DESKTOP, Server, axe, is_foreign, new_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NETWORK_PAGES = {
    "netwerk": "netwerk/",
    "regio": "netwerk/regio/limburg/",
    "praktijk": "praktijk/atlas-college-genk-ransomware-zonder-losgeld/",
    "vraag": "vragen/moet-ik-een-datalek-altijd-binnen-72-uur-melden/",
    "praktijklijst": "praktijk/",
}
VISIBLE_TITLES = """(name) => [...document.querySelectorAll(`[data-kb-filter-list="${name}"] li`)]
    .filter((li) => li.offsetParent !== null)
    .map((li) => li.querySelector("a").textContent.trim())"""
ALL_ITEMS = """(name) => [...document.querySelectorAll(`[data-kb-filter-list="${name}"] li`)]
    .map((li) => [li.querySelector("a").textContent.trim(), li.dataset.topics || "",
                  li.offsetParent !== null])"""


def _watch(page: Any, server: Server) -> tuple[list[str], list[str]]:
    foreign: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: is_foreign(r.url, server.origin) and foreign.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return foreign, errors


def test_directory_filters_narrow_the_list_in_place(desktop: Any, server: Server) -> None:
    foreign, errors = _watch(desktop, server)
    desktop.goto(server.url("netwerk/"))
    form = desktop.locator("form[data-kb-filter='wie-helpt']")
    assert form.is_visible()
    before = set(desktop.evaluate(VISIBLE_TITLES, "wie-helpt"))
    assert "Vlaamse Toezichtcommissie (VTC)" in before and "Mediawijs" in before
    form.locator("select[data-kb-filter-key='topics']").select_option("privacy")
    after = desktop.evaluate(ALL_ITEMS, "wie-helpt")
    shown = {title for title, _, visible in after if visible}
    assert "Vlaamse Toezichtcommissie (VTC)" in shown
    assert "Mediawijs" not in shown
    for title, topics, visible in after:
        assert visible == ("privacy" in topics.split()), (title, topics, visible)
    count = desktop.locator(".kb-filter__count").first.inner_text()
    assert count.startswith(f"{len(shown)} van "), count
    # Back to everything.
    form.locator("select[data-kb-filter-key='topics']").select_option("")
    assert set(desktop.evaluate(VISIBLE_TITLES, "wie-helpt")) == before
    assert not foreign, foreign
    assert not errors, errors
    assert not desktop.evaluate("window.__kbCsp"), desktop.evaluate("window.__kbCsp")


def test_practice_filters_by_region_and_size(desktop: Any, server: Server) -> None:
    foreign, errors = _watch(desktop, server)
    desktop.goto(server.url("praktijk/"))
    form = desktop.locator("form[data-kb-filter='praktijk']")
    form.locator("select[data-kb-filter-key='regions']").select_option("limburg")
    shown = desktop.evaluate(VISIBLE_TITLES, "praktijk")
    assert len(shown) == 2, shown
    assert all(("Genk" in t) or ("Houthalen" in t) for t in shown), shown
    none = desktop.locator("[data-kb-filter-none]").first
    assert not none.is_visible()
    form.locator("select[data-kb-filter-key='sizes']").select_option("klein")
    assert desktop.evaluate(VISIBLE_TITLES, "praktijk") == []
    assert none.is_visible() and "Geen praktijkvoorbeeld" in none.inner_text()
    assert not foreign and not errors, (foreign, errors)


def test_without_javascript_the_lists_are_complete(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False, locale="nl-BE")
    try:
        page = context.new_page()
        page.goto(server.url("netwerk/"))
        assert not page.locator("form[data-kb-filter]").is_visible()
        items = page.locator("[data-kb-filter-list='wie-helpt'] li")
        assert items.count() > 0
        assert all(items.nth(i).is_visible() for i in range(items.count()))
        # The map's regions are links without JavaScript too.
        regions = page.locator(".kb-kaart svg a")
        assert regions.count() == 6
        page.goto(server.url("praktijk/"))
        cases = page.locator("[data-kb-filter-list='praktijk'] li")
        assert cases.count() >= 6
        assert all(cases.nth(i).is_visible() for i in range(cases.count()))
    finally:
        context.close()


def test_map_regions_are_reachable_by_keyboard(desktop: Any, server: Server) -> None:
    desktop.goto(server.url("netwerk/"))
    first = desktop.locator(".kb-kaart svg a").first
    first.focus()
    assert desktop.evaluate("document.activeElement.closest('svg') !== null")
    label = desktop.evaluate("document.activeElement.getAttribute('aria-label')")
    assert "praktijkvoorbeeld" in label, label
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/netwerk/regio/**")
    assert desktop.locator("article h1").first.inner_text().rstrip("¶") in label


@pytest.mark.parametrize(
    "scheme", ["desktop", "dark", "phone"], ids=["licht", "donker", "telefoon"]
)
@pytest.mark.parametrize("name", list(NETWORK_PAGES))
def test_network_pages_have_no_accessibility_violations(
    name: str, scheme: str, contexts: dict[str, Any], server: Server
) -> None:
    page = contexts[scheme].new_page()
    try:
        page.goto(server.url(NETWORK_PAGES[name]))
        violations = axe(page, f"netwerk-{name}-{scheme}")
    finally:
        page.close()
    assert not violations, f"{NETWORK_PAGES[name]} ({scheme}):\n" + "\n".join(violations)


def test_filters_work_on_a_phone(browser: Any, server: Server) -> None:
    from support.browser import PHONE

    context = new_context(browser, PHONE)
    try:
        page = context.new_page()
        page.goto(server.url("netwerk/"))
        select = page.locator("select[data-kb-filter-key='regions']")
        box = select.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"pagina is {width}px breed op een telefoon"
    finally:
        context.close()
