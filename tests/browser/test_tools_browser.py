"""Tools in a real browser: a self-assessment (scores, plan, storage, export/import,
a changed scan) and a checklist that remembers; no request leaves the site; axe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from support.browser import Server, axe, is_foreign

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCAN = "werkinstrumenten/basisbeveiliging/"
SCAN_ID = "basisbeveiliging"
CHECKLIST = "artikels/gdpr-en-informatieveiligheid-op-school/"


@pytest.fixture
def scan_page(contexts: dict[str, Any], server: Server) -> Any:
    """A fresh context (own localStorage) on the scan, recording requests elsewhere."""
    browser = contexts["desktop"].browser
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-BE",
                                  accept_downloads=True, service_workers="block")  # fmt: skip
    page = context.new_page()
    page.foreign = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: is_foreign(r.url, server.origin) and page.foreign.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(server.url(SCAN))
    yield page
    context.close()


def _questions(page: Any) -> int:
    return page.locator("[data-zelfscan-question]").count()


def _answer_all(page: Any, pick: str) -> None:
    """Choose the lowest (first) or highest (last) answer of every question."""
    page.evaluate(
        """(pick) => document.querySelectorAll('[data-zelfscan-question]').forEach((q) => {
            const radios = [...q.querySelectorAll('input[type=radio]')];
            const score = (r) => Number(r.dataset.score);
            const want = pick === 'lowest' ? Math.min(...radios.map(score)) : Math.max(...radios.map(score));
            radios.find((r) => score(r) === want).click();
        })""",
        pick,
    )


def _score(page: Any) -> str:
    return page.locator("[data-zelfscan-score]").get_attribute("data-score")


def _plan(page: Any) -> int:
    return page.locator("[data-zelfscan-actions] > ol > li").count()


def test_lowest_answers_score_zero_with_one_action_per_question(scan_page: Any) -> None:
    total = _questions(scan_page)
    assert total >= 20
    _answer_all(scan_page, "lowest")
    assert _score(scan_page) == "0"
    assert _plan(scan_page) == total
    assert (
        scan_page.locator("[data-zelfscan-progress]").inner_text()
        == f"{total} van {total} beantwoord"
    )
    # Heaviest gaps first: the first action has weight 3.
    first = scan_page.locator("[data-zelfscan-actions] > ol > li").first.inner_text()
    heavy = scan_page.evaluate(
        "[...document.querySelectorAll('[data-zelfscan-question][data-weight=\"3\"] legend')]"
        ".map((l) => l.textContent.trim())"
    )
    assert first.split("\n")[0].strip() in heavy
    assert "Je antwoord:" in first
    assert not scan_page.foreign and not scan_page.errors


def test_highest_answers_score_hundred_with_an_empty_plan(scan_page: Any) -> None:
    _answer_all(scan_page, "highest")
    assert _score(scan_page) == "100"
    assert _plan(scan_page) == 0
    assert scan_page.locator("[data-zelfscan-actions-empty]").is_visible()
    section_scores = scan_page.locator("[data-zelfscan-section-score]").all_inner_texts()
    assert section_scores and all("100 van 100" in s for s in section_scores)


def test_score_follows_the_formula_for_a_partial_answer(scan_page: Any) -> None:
    # Answer only the first question with its lowest answer: score 0, one action, progress 1.
    first = scan_page.locator("[data-zelfscan-question]").first
    first.locator("input[type=radio]").first.check()
    assert _score(scan_page) == "0" and _plan(scan_page) == 1
    # Its highest answer instead: 100 over the answered questions only.
    first.locator("input[type=radio]").last.check()
    assert _score(scan_page) == "100" and _plan(scan_page) == 0


def test_answers_survive_a_reload_and_export_wis_import_restores_them(
    scan_page: Any, tmp_path: Path
) -> None:
    _answer_all(scan_page, "lowest")
    chosen = scan_page.evaluate(
        "[...document.querySelectorAll('input[type=radio]:checked')].map((r) => r.id)"
    )
    scan_page.reload()
    assert (
        scan_page.evaluate(
            "[...document.querySelectorAll('input[type=radio]:checked')].map((r) => r.id)"
        )
        == chosen
    )
    assert _score(scan_page) == "0"
    with scan_page.expect_download() as info:
        scan_page.locator('[data-zelfscan-export="json"]').click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["scan"] == SCAN_ID and len(data["answers"]) == _questions(scan_page)
    scan_page.once("dialog", lambda dialog: dialog.accept())
    scan_page.locator("[data-zelfscan-clear]").click()
    assert scan_page.locator("input[type=radio]:checked").count() == 0
    assert scan_page.evaluate(f"localStorage.getItem('kb-zelfscan:{SCAN_ID}')") is None
    scan_page.locator("[data-zelfscan-import]").set_input_files(str(exported))
    scan_page.wait_for_function("document.querySelectorAll('input[type=radio]:checked').length > 0")
    assert (
        scan_page.evaluate(
            "[...document.querySelectorAll('input[type=radio]:checked')].map((r) => r.id)"
        )
        == chosen
    )
    assert "ingelezen" in scan_page.locator("[data-zelfscan-notice]").inner_text()
    assert not scan_page.foreign, scan_page.foreign


def test_csv_export_has_one_row_per_question(scan_page: Any, tmp_path: Path) -> None:
    _answer_all(scan_page, "highest")
    with scan_page.expect_download() as info:
        scan_page.locator('[data-zelfscan-export="csv"]').click()
    target = tmp_path / "export.csv"
    info.value.save_as(target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "onderdeel",
        "vraag_id",
        "vraag",
        "gewicht",
        "antwoord_id",
        "antwoord",
        "score",
    ]
    assert len(rows) - 1 == _questions(scan_page)
    assert all(row[6] != "" for row in rows[1:])


def test_a_changed_answer_id_is_dropped_with_a_notice(scan_page: Any) -> None:
    first = scan_page.locator("[data-zelfscan-question]").first.get_attribute(
        "data-zelfscan-question"
    )
    second = scan_page.locator("[data-zelfscan-question]").nth(1)
    second_id = second.get_attribute("data-zelfscan-question")
    kept = second.locator("input[type=radio]").first.get_attribute("value")
    stored = {
        "scan": SCAN_ID,
        "version": 1,
        "answers": {first: "bestaat-niet-meer", second_id: kept},
    }
    scan_page.evaluate(
        f"localStorage.setItem('kb-zelfscan:{SCAN_ID}', {json.dumps(json.dumps(stored))})"
    )
    scan_page.reload()
    notice = scan_page.locator("[data-zelfscan-notice]")
    assert notice.is_visible() and "veranderde" in notice.inner_text()
    assert scan_page.locator(f"input[name='{first}']:checked").count() == 0
    assert scan_page.locator(f"input[name='{second_id}']:checked").count() == 1
    saved = json.loads(scan_page.evaluate(f"localStorage.getItem('kb-zelfscan:{SCAN_ID}')"))
    assert first not in saved["answers"] and saved["answers"][second_id] == kept


def test_a_ticked_checklist_item_survives_a_reload(desktop: Any, server: Server) -> None:
    desktop.goto(server.url(CHECKLIST))
    desktop.evaluate("localStorage.clear()")
    desktop.reload()
    box = desktop.locator("li.task-list-item input[type=checkbox]").first
    assert box.is_enabled()
    name = box.get_attribute("aria-label")
    assert name and name != "Afvinkvakje" and len(name) > 10
    box.focus()
    desktop.keyboard.press("Space")
    assert box.is_checked()
    desktop.reload()
    box = desktop.locator("li.task-list-item input[type=checkbox]").first
    assert box.is_checked()
    desktop.locator(".kb-checklist__reset").first.click()
    assert not box.is_checked()
    desktop.reload()
    assert not desktop.locator("li.task-list-item input[type=checkbox]").first.is_checked()
    desktop.evaluate("localStorage.clear()")


def test_without_javascript_scan_and_checklist_stay_plain(browser: Any, server: Server) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    try:
        page = context.new_page()
        page.goto(server.url(SCAN))
        assert page.locator("[data-zelfscan-question]").count() >= 20
        assert not page.locator("[data-zelfscan-tools]").is_visible()
        assert not page.locator("[data-zelfscan-result]").is_visible()
        page.goto(server.url(CHECKLIST))
        assert page.locator("li.task-list-item input[type=checkbox]").first.is_disabled()
    finally:
        context.close()


@pytest.mark.parametrize(
    "scheme", ["desktop", "dark", "phone"], ids=["licht", "donker", "telefoon"]
)
@pytest.mark.parametrize("url", [SCAN, CHECKLIST, "sjablonen/ict-beleidsplan/"],
                         ids=["zelfscan", "checklist", "sjabloon"])  # fmt: skip
def test_tools_have_no_accessibility_violations(
    url: str, scheme: str, contexts: dict[str, Any], server: Server
) -> None:
    page = contexts[scheme].new_page()
    try:
        page.goto(server.url(url))
        if url == SCAN:  # with answers: the result and the plan are shown too
            _answer_all(page, "lowest")
        label = url.strip("/").replace("/", "-")
        violations = axe(page, f"{label}-{scheme}")
        page.evaluate("localStorage.clear()")
    finally:
        page.close()
    assert not violations, f"{url} ({scheme}):\n" + "\n".join(violations)


def test_printing_with_answers_shows_the_plan_not_the_questions(scan_page: Any) -> None:
    _answer_all(scan_page, "lowest")
    scan_page.emulate_media(media="print")
    try:
        assert scan_page.locator("[data-zelfscan-result]").is_visible()
        assert scan_page.locator("[data-zelfscan-actions] > ol > li").first.is_visible()
        assert not scan_page.locator("[data-zelfscan-question]").first.is_visible()
        assert not scan_page.locator("[data-zelfscan-tools]").is_visible()
    finally:
        scan_page.emulate_media(media="screen")
