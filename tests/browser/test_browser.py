"""The built site in a real browser: privacy, CSP, accessibility, safety, phone, search.

The site is built once (the session fixture ``real_site`` of conftest.py), served by a
stdlib HTTP server on 127.0.0.1 under the same path as in production (``/kennisbank/``,
taken from the build) and driven with Playwright for Python in Debian's Chromium
(``/usr/bin/chromium``, ``$KB_CHROMIUM`` or Playwright's own, see ``support.browser``).

Without Chromium these tests skip with a message; under CI (``CI=true``) that is a
failure. Tests for features another part of the project is still building (the
translation banner, the agenda's .ics links) skip while the element is absent, unless
``KB_REQUIRE_ALL=1``. ``KB_BROWSER_SITE=/path/to/site`` tests an already built site
instead of building one (e.g. ``mkdocs build --no-strict -d /tmp/x/site`` while
pages are still being written).

Screenshots (desktop 1280x800, phone 375x667) go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from support.browser import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    Server,
    Site,
    axe,
    is_foreign,
    missing_feature,
    new_context,
    serve,
    site_prefix,
)
from support.project import copy_project, run_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# One page of each type: URL (relative to the site root) and source (relative to docs/).
TYPE_PAGES: dict[str, tuple[str, str]] = {
    "advies": ("adviezen/back-ups/", "adviezen/back-ups.md"),
    "vertaling": (
        "vertalingen/ncsc-cyberveiligheid-voor-schoolpersoneel/",
        "vertalingen/ncsc-cyberveiligheid-voor-schoolpersoneel.md",
    ),
    "artikel": ("artikels/digisprong/", "artikels/digisprong.md"),
    "raamcontract": ("raamcontracten/doko-byod/", "raamcontracten/doko-byod.md"),
    "organisatie": ("organisaties/vicli/", "organisaties/vicli.md"),
    "evenement": ("agenda/ict-praktijkdag/", "agenda/ict-praktijkdag.md"),
    "praktijk": (
        "praktijk/atlas-college-genk-ransomware-zonder-losgeld/",
        "praktijk/atlas-college-genk-ransomware-zonder-losgeld.md",
    ),
    "vraag": (
        "vragen/moet-ik-een-datalek-altijd-binnen-72-uur-melden/",
        "vragen/moet-ik-een-datalek-altijd-binnen-72-uur-melden.md",
    ),
}
HOME = ("", "index.md")
OVERVIEW = ("rollen/technisch/", "rollen/technisch/index.md")
AGENDA = ("agenda/", "agenda/index.md")
KEY_PAGES: dict[str, tuple[str, str]] = {"home": HOME, **TYPE_PAGES, "agenda": AGENDA}
A11Y_PAGES: dict[str, tuple[str, str]] = {
    "home": HOME, **TYPE_PAGES, "overzicht": OVERVIEW, "agenda": AGENDA,
}  # fmt: skip
# Pages with tables, to find one wider than a phone screen.
TABLE_PAGES = ["rollen/technisch/", "bijdragen/velden/", "raamcontracten/", "agenda/",
               *(url for url, _ in TYPE_PAGES.values())]  # fmt: skip

SEARCH_WORD = "ransomware"
SEARCH_TARGET = "adviezen/back-ups/"

# --------------------------------------------------------------------------- availability


# --------------------------------------------------------------------------- every page


@dataclass
class Visit:
    pages: list[str] = field(default_factory=list)
    foreign_requests: dict[str, list[str]] = field(default_factory=dict)
    page_errors: dict[str, list[str]] = field(default_factory=dict)
    csp_violations: dict[str, list[str]] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)


@pytest.fixture(scope="session")
def visit(site: Site, server: Server, contexts: dict[str, Any]) -> Visit:
    """Visit every HTML page of the site once, recording what happens."""
    result = Visit()
    page = contexts["desktop"].new_page()
    current = {"url": ""}

    def record(bucket: dict[str, list[str]], text: str) -> None:
        bucket.setdefault(current["url"], []).append(text)

    page.on("request", lambda r: is_foreign(r.url, server.origin)
            and record(result.foreign_requests, f"{r.method} {r.url}"))  # fmt: skip
    page.on("pageerror", lambda e: record(result.page_errors, str(e)))
    page.on("console", lambda m: "Content Security Policy" in m.text
            and record(result.csp_violations, f"console: {m.text}"))  # fmt: skip
    for url in site.html_urls():
        current["url"] = url
        response = page.goto(server.url(url), wait_until="load")
        result.statuses[url] = response.status if response else 0
        # Lazy images and late scripts: scroll to the end and let the page settle.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(150)
        for violation in page.evaluate("window.__kbCsp || []"):
            record(result.csp_violations, violation)
        result.pages.append(url)
    page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bezochte-paginas.txt").write_text(
        "".join(f"{result.statuses[url]} {url or '(home)'}\n" for url in result.pages),
        encoding="utf-8",
    )
    return result


def test_every_page_was_visited(site: Site, visit: Visit) -> None:
    assert len(visit.pages) >= 30, visit.pages
    bad = {url: status for url, status in visit.statuses.items() if status != 200}
    assert not bad, bad


def test_privacy_no_request_leaves_the_site(visit: Visit) -> None:
    assert not visit.foreign_requests, json.dumps(visit.foreign_requests, indent=2)


def test_no_script_errors(visit: Visit) -> None:
    assert not visit.page_errors, json.dumps(visit.page_errors, indent=2)


def test_no_csp_violations(visit: Visit) -> None:
    assert not visit.csp_violations, json.dumps(visit.csp_violations, indent=2)


# --------------------------------------------------------------------------- CSP policy

ONLY_SELF = ("script-src", "style-src", "font-src", "img-src", "connect-src", "default-src")
DATA_BLOCKS = {"application/json", "application/ld+json", "importmap", "speculationrules"}


def _policy(content: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in content.split(";"):
        tokens = part.split()
        if tokens:
            directives[tokens[0].lower()] = tokens[1:]
    return directives


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_a_strict_csp(built_site: Site) -> None:
    """Static check of the CSP meta tag in every built page (no browser needed)."""
    problems: list[str] = []
    for path in sorted(built_site.site.rglob("*.html")):
        rel = path.relative_to(built_site.site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = soup.select('head meta[http-equiv="Content-Security-Policy" i]')
        if len(metas) != 1:
            problems.append(f"{rel}: {len(metas)} CSP meta tags")
            continue
        meta = metas[0]
        # The policy only governs what follows it: it must precede every script/style.
        earlier = meta.find_all_previous(["script", "style", "link"])
        loading = [e for e in earlier if e.name != "link" or "stylesheet" in (e.get("rel") or [])]
        if loading:
            problems.append(f"{rel}: CSP komt na {[str(e)[:60] for e in loading]}")
        policy = _policy(meta.get("content", ""))
        for directive in ONLY_SELF:
            allowed = policy.get(directive)
            if allowed is None:
                problems.append(f"{rel}: geen {directive}")
                continue
            for token in allowed:
                ok = token == "'self'"
                ok |= directive == "script-src" and token.startswith("'sha256-")
                # WebAssembly only (the Pagefind search), not JavaScript eval.
                ok |= directive == "script-src" and token == "'wasm-unsafe-eval'"
                # Material's CSS draws its icons as data: SVG (mask-image): no request.
                ok |= directive == "img-src" and token == "data:"
                if not ok:
                    problems.append(f"{rel}: {directive} staat {token} toe")
        if policy.get("object-src") != ["'none'"]:
            problems.append(f"{rel}: object-src is niet 'none'")
        if policy.get("base-uri") not in (["'self'"], ["'none'"]):
            problems.append(f"{rel}: base-uri ontbreekt")
        hashes = set(policy.get("script-src", []))
        for script in soup.find_all("script"):
            if script.get("src") or (script.get("type") or "").lower() in DATA_BLOCKS:
                continue
            digest = _sha256(script.string or "")
            if digest not in hashes:
                problems.append(
                    f"{rel}: inline script zonder hash in de CSP: {digest} voor "
                    f"{(script.string or '')[:70]!r} (zet hem in overrides/main.html)"
                )
    assert not problems, "\n".join(problems[:40])


# --------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["desktop", "dark"], ids=["licht", "donker"])
@pytest.mark.parametrize("name", list(A11Y_PAGES))
def test_accessibility(name: str, scheme: str, contexts: dict[str, Any], server: Server) -> None:
    page = contexts[scheme].new_page()
    try:
        page.goto(server.url(A11Y_PAGES[name][0]))
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        violations = axe(page, f"{name}-{'donker' if scheme == 'dark' else 'licht'}")
    finally:
        page.close()
    assert not violations, f"{A11Y_PAGES[name][0] or 'home'}:\n" + "\n".join(violations)


# The site search: the kennisbank's own dialog (Pagefind, overrides/partials/kb-search.html)
# when the page has it, otherwise Material's search (lunr).
RESULT_LINKS = {
    "kb": "#kb-search-results a[href]",
    "material": ".md-search-result__list a.md-search-result__link",
}
# Functions, not expressions: Playwright evaluates a polled expression with eval(),
# which the site's CSP (rightly) refuses.
SEARCH_IS_OPEN = {
    "kb": "() => !!document.getElementById('kb-search').open",
    "material": "() => document.getElementById('__search').checked",
}


def _search_ui(page: Any) -> str:
    return "kb" if page.locator("#kb-search").count() else "material"


def _type_search(page: Any, word: str) -> list[str]:
    """Type ``word`` in the open search box; return the absolute URLs of the results."""
    ui = _search_ui(page)
    if ui == "kb":
        box = page.locator("#kb-search-input")
        box.wait_for(state="visible")
    else:
        box = page.locator("input.md-search__input")
        box.wait_for(state="visible")
        box.click()
        # The search worker must have loaded its index first ("Zoeken initialiseren").
        page.wait_for_function(
            "() => !/initialiseren/i.test(document.querySelector('.md-search-result__meta')"
            ".textContent)",
            timeout=15_000,
        )
    assert page.evaluate(SEARCH_IS_OPEN[ui]), "het zoekvenster is niet open"
    box.press_sequentially(word, delay=30)
    page.locator(RESULT_LINKS[ui]).first.wait_for(state="visible", timeout=15_000)
    return page.eval_on_selector_all(RESULT_LINKS[ui], "els => els.map(e => e.href)")


def _search(page: Any, word: str) -> list[str]:
    """Search from the header, as a reader does."""
    if _search_ui(page) == "kb":
        page.locator(".md-header .kb-search-open").first.click()
    else:
        opener = page.locator("label.md-header__button[for='__search']").first
        if opener.is_visible():  # phone: a search icon; desktop: the box is in the header
            opener.click()
    return _type_search(page, word)


@pytest.mark.parametrize("scheme", ["desktop", "dark"], ids=["licht", "donker"])
def test_accessibility_with_search_open(
    scheme: str, contexts: dict[str, Any], server: Server
) -> None:
    page = contexts[scheme].new_page()
    try:
        page.goto(server.url())
        _search(page, SEARCH_WORD)
        assert page.evaluate(SEARCH_IS_OPEN[_search_ui(page)])
        violations = axe(page, f"zoeken-{'donker' if scheme == 'dark' else 'licht'}")
    finally:
        page.close()
    assert not violations, "zoekvenster open:\n" + "\n".join(violations)


@pytest.mark.parametrize("name", ["home", "advies", "vertaling", "agenda"])
def test_accessibility_on_phone(name: str, phone: Any, server: Server) -> None:
    phone.goto(server.url(A11Y_PAGES[name][0]))
    violations = axe(phone, f"{name}-telefoon")
    assert not violations, f"{name} (telefoon):\n" + "\n".join(violations)


# --------------------------------------------------------------------------- search


def test_search_finds_a_page_by_a_dutch_word(desktop: Any, server: Server) -> None:
    errors: list[str] = []
    foreign: list[str] = []
    desktop.on("pageerror", lambda e: errors.append(str(e)))
    desktop.on("request", lambda r: is_foreign(r.url, server.origin) and foreign.append(r.url))
    desktop.goto(server.url("artikels/digisprong/"))
    # Results link to the page (or a section of it) with ?h=<word> for highlighting.
    urls = [u.split("#")[0].split("?")[0] for u in _search(desktop, SEARCH_WORD)]
    assert server.url(SEARCH_TARGET) in urls, urls
    # Searching loads the index (and any WebAssembly) from the site itself, within the
    # CSP, without errors.
    assert not foreign, foreign
    assert not desktop.evaluate("window.__kbCsp"), desktop.evaluate("window.__kbCsp")
    assert not errors, errors


# --------------------------------------------------------------------------- contributed HTML

SUSPICIOUS_PAGE = """---
title: Verdachte HTML
description: Toegelaten tags met verdachte attributen, voor de browsertest.
type: advies
roles: [technisch]
topics: [beveiliging]
levels: [secundair]
tags: [back-up]
authors: [Redactie Kennisbank ICT-coördinatoren]
reviewed: 2026-01-15
---

# Verdachte HTML

<a id="hover" href="#" title="x" onmouseover="window.__kbPwned='mouseover';alert(1)">Beweeg hierover</a>

<a id="js-link" href="javascript:window.__kbPwned='href';alert(2)">Klik hier</a>

<a id="js-entity" href="jav&#x09;ascript:window.__kbPwned='entity';alert(3)">En hier</a>

<img id="broken" src="bestaat-niet.png" alt="" onerror="window.__kbPwned='onerror';alert(4)">

<details id="toggle" ontoggle="window.__kbPwned='ontoggle';alert(5)"><summary>Open mij</summary>
Inhoud</details>

<details id="open-toggle" open ontoggle="window.__kbPwned='open-ontoggle';alert(6)">
<summary>Al open</summary>Inhoud</details>

<div id="click" onclick="window.__kbPwned='onclick';alert(7)">Klik op deze alinea</div>

<p id="attr-break" title="&quot; onmouseover=&quot;window.__kbPwned='quote';alert(8)">Titel</p>

<input id="focus" type="checkbox" onfocus="window.__kbPwned='onfocus';alert(9)" autofocus>

<script>window.__kbPwned = 'script'; alert(10)</script>

<svg onload="window.__kbPwned='svg';alert(11)"><circle r="4"/></svg>

<iframe src="javascript:window.parent.__kbPwned='iframe';alert(12)"></iframe>

<form action="javascript:alert(13)"><button id="submit">Verstuur</button></form>

[Een markdownlink](javascript:window.__kbPwned='markdown';alert(14))

[Nog een](JaVaScRiPt:alert(15) "titel")

![beeld](x" onerror="alert(16))
"""


@pytest.fixture(scope="module")
def suspicious_site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    root = copy_project(tmp_path_factory.mktemp("verdacht") / "project")
    (root / "docs" / "adviezen" / "verdachte-html.md").write_text(SUSPICIOUS_PAGE, encoding="utf-8")
    result = run_build(root, strict=False)
    assert result.returncode == 0, result.output
    assert (result.site / "adviezen" / "verdachte-html" / "index.html").is_file()
    with serve(Site(result.site, site_prefix(result.site))) as running:
        yield running


def test_contributed_html_cannot_run(browser: Any, suspicious_site: Server) -> None:
    context = new_context(browser, DESKTOP)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(suspicious_site.url("adviezen/verdachte-html/"))
        article = page.locator("article")
        assert "Verdachte HTML" in article.inner_text()
        for kept in ("#hover", "#toggle", "#open-toggle", "#click", "#js-link"):
            assert page.locator(kept).count() == 1, f"{kept} verdween helemaal"
        # Everything a reader can do with the constructs that survived the sanitiser.
        for selector in ("#hover", "#attr-break", "#click"):
            if page.locator(selector).count():
                page.locator(selector).hover()
        for selector in ("#click", "#toggle summary", "#open-toggle summary", "#focus"):
            if page.locator(selector).count():
                page.locator(selector).click()
        assert page.evaluate("document.getElementById('toggle').open"), "niet opengeklapt"
        flag = "window.__kbPwned === undefined ? null : String(window.__kbPwned)"
        pwned = [page.evaluate(flag)]
        # Click every link that stays on this page (no href, "#...", or not http(s)).
        here = suspicious_site.url("adviezen/verdachte-html/")
        for link in article.locator("a").all():
            href = link.get_attribute("href")
            stays = href is None or href.startswith("#") or not href.startswith(("http", "/", "."))
            if stays and link.is_visible():
                link.click()
                assert page.url.startswith(here), page.url
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        pwned.append(page.evaluate(flag))
        leftovers = page.evaluate(
            """() => [...document.querySelectorAll('article *')].flatMap(el =>
                 [...el.attributes].filter(a => a.name.startsWith('on')
                   || /^\\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\\s\\x00-\\x1f]/g, '')))
                 .map(a => `${el.tagName.toLowerCase()} ${a.name}=${a.value}`))"""
        )
        dangerous = page.eval_on_selector_all(
            "article script, article iframe, article svg, article form, article object",
            # The theme's own icons (edit button, page dates) are inline SVG.
            "els => els.filter(e => !e.closest('.md-icon, .md-content__button'))"
            ".map(e => e.outerHTML.slice(0, 80))",
        )
        csp = page.evaluate("window.__kbCsp")
    finally:
        context.close()
    assert not dialogs, dialogs
    assert pwned == [None, None], f"een handler liep: {pwned}"
    assert not leftovers, leftovers
    assert not dangerous, dangerous
    assert not errors, errors
    # Nothing was left for the CSP to block either: the sanitiser removed it all.
    assert not csp, csp


# --------------------------------------------------------------------------- phone

OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) return false;
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && up !== document.body
          && up !== document.documentElement) return false;
      if (style.position === 'fixed' || style.transform !== 'none') return false;
    }
    return getComputedStyle(el).position !== 'fixed';
  }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
  return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth,
          width, wide};
}"""


@pytest.mark.parametrize("name", ["home", *TYPE_PAGES, "agenda"])
def test_phone_has_no_horizontal_overflow(name: str, phone: Any, server: Server) -> None:
    phone.goto(server.url(KEY_PAGES[name][0]))
    measured = phone.evaluate(OVERFLOW)
    assert measured["width"] == PHONE["width"], measured
    assert measured["scroll"] <= measured["width"], measured
    assert measured["body"] <= measured["width"], measured
    assert not measured["wide"], measured


def test_phone_menu_opens_and_navigates(phone: Any, server: Server) -> None:
    phone.goto(server.url())
    drawer = phone.locator("nav.md-nav--primary").first
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < 0
    phone.locator("label.md-header__button[for='__drawer']").click()
    assert phone.evaluate("document.getElementById('__drawer').checked")
    target = phone.locator("nav.md-nav--primary a.md-nav__link[href*='adviezen/']").first
    target.wait_for(state="visible")
    # Wait for the drawer to finish sliding in.
    phone.wait_for_function(
        "el => el.getBoundingClientRect().left >= 0", arg=target.element_handle(), timeout=5_000
    )
    box = target.bounding_box()
    assert box and 0 <= box["x"] < PHONE["width"], box
    target.click()
    phone.wait_for_url(re.compile(r".*/adviezen/.*"))
    assert phone.locator("article h1").first.inner_text().strip()
    assert not phone.evaluate("document.getElementById('__drawer').checked")


WIDE_TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
  let box = table.parentElement;
  while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
    box = box === document.body ? null : box.parentElement;
  }
  const own = ['auto', 'scroll'].includes(getComputedStyle(table).overflowX);
  const scroller = own && table.scrollWidth > table.clientWidth ? table : box;
  const before = scroller ? scroller.scrollLeft : 0;
  if (scroller) scroller.scrollLeft = 80;
  const result = {
    wide: table.scrollWidth > (scroller || table.parentElement).clientWidth
          || table.getBoundingClientRect().width > window.innerWidth,
    scroller: scroller ? (scroller.className || scroller.tagName) : null,
    scrolled: scroller ? scroller.scrollLeft > before : false,
    fits: scroller ? scroller.getBoundingClientRect().right <= window.innerWidth + 1 : false,
  };
  if (scroller) scroller.scrollLeft = before;
  return result;
})"""


def test_phone_wide_tables_scroll_inside_their_container(phone: Any, server: Server) -> None:
    seen = []
    for url in TABLE_PAGES:
        phone.goto(server.url(url))
        for table in phone.evaluate(WIDE_TABLES):
            seen.append((url, table))
    wide = [(url, t) for url, t in seen if t["wide"]]
    assert wide, f"geen tabel breder dan een telefoon gevonden op {TABLE_PAGES}"
    bad = [(url, t) for url, t in wide if not (t["scroller"] and t["scrolled"] and t["fits"])]
    assert not bad, bad


# --------------------------------------------------------------------------- reading


def test_light_dark_toggle(browser: Any, server: Server) -> None:
    context = new_context(browser, DESKTOP)
    page = context.new_page()
    try:
        page.goto(server.url("adviezen/back-ups/"))
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        page.locator("form[data-md-component='palette'] label.md-header__button:visible").click()
        assert page.evaluate(scheme) == "slate"
        # The choice is kept on the next page (restored by the hashed inline script).
        page.goto(server.url("organisaties/vicli/"))
        assert page.evaluate(scheme) == "slate"
        page.locator("form[data-md-component='palette'] label.md-header__button:visible").click()
        assert page.evaluate(scheme) == "default"
        csp = page.evaluate("window.__kbCsp")
    finally:
        context.close()
    assert not csp, csp


@pytest.mark.parametrize("name", list(A11Y_PAGES))
def test_edit_link_points_at_the_page_source(name: str, desktop: Any, server: Server) -> None:
    url, source = A11Y_PAGES[name]
    desktop.goto(server.url(url))
    links = desktop.locator("a.md-content__button[href*='/edit/']")
    assert links.count() == 1, f"{url}: {links.count()} bewerklinks"
    href = links.first.get_attribute("href")
    assert href.startswith("https://"), href
    assert href.endswith(f"/edit/main/docs/{source}"), href


def test_404_page_helps_in_dutch(desktop: Any, server: Server) -> None:
    errors: list[str] = []
    desktop.on("pageerror", lambda e: errors.append(str(e)))
    response = desktop.goto(server.url("deze-pagina/bestaat-niet/"))
    assert response.status == 404
    assert desktop.evaluate("document.documentElement.lang") == "nl"
    heading = desktop.locator("article h1").first.inner_text()
    text = desktop.locator("article").inner_text()
    assert re.search(r"\b(niet gevonden|bestaat niet)\b", heading + text, re.I), text
    assert "Not found" not in text
    # Styled like the rest of the site (assets load from the absolute site path).
    assert desktop.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky", "fixed")  # fmt: skip
    prefix = urlsplit(server.base).path
    paths = {
        urlsplit(href).path
        for href in desktop.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    }
    for section in ("adviezen/", "agenda/", "raamcontracten/"):
        assert prefix + section in paths, paths
    # It offers the site search, and that search works.
    form_box = desktop.locator("article input[name='q']")
    opener = desktop.locator(
        "article [for='__search'], article .kb-search-open, article [data-kb-search-open]"
    )
    if form_box.count():
        form_box.fill(SEARCH_WORD)
        form_box.press("Enter")
        desktop.locator(RESULT_LINKS[_search_ui(desktop)]).first.wait_for(
            state="visible", timeout=15_000
        )
    else:
        assert opener.count(), "geen zoekveld of zoekknop op de 404-pagina"
        opener.first.click()
        ui = _search_ui(desktop)
        try:
            desktop.wait_for_function(SEARCH_IS_OPEN[ui], timeout=5_000)
        except Exception:
            pytest.fail(
                f"de zoekknop op de 404-pagina ({opener.first.evaluate('e => e.outerHTML')}) "
                f"opent het zoekvenster van de site ({ui}) niet"
            )
        _type_search(desktop, SEARCH_WORD)
    assert desktop.evaluate(SEARCH_IS_OPEN[_search_ui(desktop)])
    assert not errors, errors


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_translation_banner_is_visible_above_the_fold(
    viewport: str, contexts: dict[str, Any], server: Server
) -> None:
    page = contexts[viewport].new_page()
    try:
        page.goto(server.url(TYPE_PAGES["vertaling"][0]))
        banner = page.locator("article .kb-banner")
        if not banner.count():
            missing_feature("Geen vertaalbanner (.kb-banner) op de vertaalde pagina")
        assert banner.first.is_visible()
        box = banner.first.bounding_box()
        height = (DESKTOP if viewport == "desktop" else PHONE)["height"]
        assert box and box["y"] < height * 0.8, box
        assert "Vertaling" in banner.first.inner_text() or "Bewerking" in banner.first.inner_text()
    finally:
        page.close()


@pytest.mark.parametrize("name", ["agenda", "evenement"])
def test_agenda_ics_link_downloads_a_calendar(name: str, desktop: Any, server: Server) -> None:
    url = KEY_PAGES[name][0]
    desktop.goto(server.url(url))
    link = desktop.locator("article a[href$='.ics']")
    if name == "evenement" and "datum nog niet bevestigd" in desktop.inner_text("article"):
        # No confirmed date (the real events): no calendar link, and the page says why.
        assert not link.count()
        return
    if not link.count():
        missing_feature(f"Geen .ics-link op {url}")
    with desktop.expect_download() as info:
        link.first.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR"), text[:200]
    assert text.rstrip().endswith("END:VCALENDAR"), text[-200:]
    if name == "evenement":
        assert text.count("BEGIN:VEVENT") == 1, text


# --------------------------------------------------------------------------- screenshots


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_screenshots(viewport: str, contexts: dict[str, Any], server: Server) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = contexts[viewport].new_page()
    written = []
    try:
        for name, (url, _) in KEY_PAGES.items():
            page.goto(server.url(url))
            target = SCREENSHOTS / f"{viewport}-{name}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
    finally:
        page.close()
    assert all(path.stat().st_size > 1000 for path in written)
