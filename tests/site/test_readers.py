"""Readers' views: a page added in a test shows up everywhere it belongs."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from support.project import FIXTURES, BuildResult, run_build
from icalendar import Calendar

from kb.check.project import check_pages, project_findings
from kb.model.frontmatter import parse_document
from kb.model.pages import Page
from kb.model.contracts import contract_state
from kb.render.agenda import split_events

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site_with_fixtures(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    from support.project import copy_project

    root = copy_project(tmp_path_factory.mktemp("lezers") / "project")
    for name, folder in [
        ("advies-geldig.md", "adviezen"),
        ("raamcontract-geldig.md", "raamcontracten"),
        ("evenement-geldig.md", "agenda"),
        ("evenement-onbevestigd.md", "agenda"),
        ("organisatie-geldig.md", "organisaties"),
        ("artikel-geldig.md", "artikels"),
    ]:
        shutil.copy(FIXTURES / "good" / name, root / "docs" / folder / name)
    result = run_build(root, today="2026-11-28")
    assert result.returncode == 0, result.output
    return result


def test_fixture_page_appears_on_role_topic_level_and_type_pages(
    site_with_fixtures: BuildResult,
) -> None:
    site = site_with_fixtures
    link = "advies-geldig/"
    assert link in site.html("rollen/technisch/")
    assert "Testadvies over back-ups" in site.html("rollen/technisch/")
    assert "Testadvies over back-ups" not in site.html("rollen/pedagogisch/")
    assert "Testadvies over back-ups" in site.html("themas/beveiliging/")
    assert "Testadvies over back-ups" not in site.html("themas/didactiek/")
    assert "Testadvies over back-ups" in site.html("niveaus/secundair/")
    assert "Testadvies over back-ups" not in site.html("niveaus/basisonderwijs/")
    assert "Testadvies over back-ups" in site.html("adviezen/")
    # A page without levels is listed for every level.
    assert "Testartikel" in site.html("niveaus/basisonderwijs/")
    assert "Testartikel" in site.html("artikels/")
    assert "Testnetwerk" in site.html("organisaties/")


def test_catalogue_validates_against_its_schema(site_with_fixtures: BuildResult) -> None:
    data = json.loads((site_with_fixtures.site / "api/pages.json").read_text(encoding="utf-8"))
    schema = json.loads(
        (site_with_fixtures.site / "api/pages.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    by_path = {p["path"]: p for p in data["pages"]}
    advies = by_path["docs/adviezen/advies-geldig.md"]
    assert advies["type"] == "advies" and advies["roles"] == ["technisch"]
    assert advies["levels"] == ["secundair"] and advies["review_by"] == "2027-01-15"
    assert advies["url"].endswith("/adviezen/advies-geldig/")
    assert by_path["docs/artikels/artikel-geldig.md"]["levels"] == [
        "basisonderwijs",
        "secundair",
        "volwassenenonderwijs",
        "dko",
    ]
    translation = next(p for p in data["pages"] if p["type"] == "vertaling")
    assert translation["status"] in ("concept", "nagelezen", "verouderd", "te herzien")
    assert translation["license"]["translation"] and translation["source_info"]["url"]
    broken = dict(advies, roles=["directeur"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "pages": [broken]}, schema)


def test_feed_lists_advice_and_translations_newest_first(site_with_fixtures: BuildResult) -> None:
    tree = ET.parse(site_with_fixtures.site / "feed.xml")
    entries = tree.getroot().findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Testadvies over back-ups" in titles
    assert "Testartikel" not in titles and "Testnetwerk" not in titles
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    home = site_with_fixtures.html("")
    assert 'rel="alternate" type="application/atom+xml"' in home


def test_agenda_ics_has_one_event_per_confirmed_date(site_with_fixtures: BuildResult) -> None:
    calendar = Calendar.from_ical((site_with_fixtures.site / "agenda.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == ["Testdag voor ICT-coördinatoren"]
    event = events[0]
    assert str(event["UID"]) == "agenda/evenement-geldig@kennisbank-ict"
    assert event.decoded("DTSTART").isoformat() == "2027-03-17T09:00:00+01:00"
    assert event["DTSTART"].params.get("TZID") == "Europe/Brussels"
    assert str(event["LOCATION"]) == "Gent"
    assert str(event["URL"]).endswith("/agenda/evenement-geldig/")
    own = Calendar.from_ical((site_with_fixtures.site / "agenda/evenement-geldig.ics").read_bytes())
    assert [str(e["UID"]) for e in own.walk("VEVENT")] == [str(event["UID"])]
    page = site_with_fixtures.html("agenda/evenement-geldig/")
    assert "Zet in je agenda" in page and "evenement-geldig.ics" in page


def test_uid_is_stable_across_builds(site_with_fixtures: BuildResult, project_copy: Path) -> None:
    shutil.copy(FIXTURES / "good/evenement-geldig.md", project_copy / "docs/agenda/")
    again = run_build(project_copy, today="2027-01-01")
    first = Calendar.from_ical((site_with_fixtures.site / "agenda.ics").read_bytes())
    second = Calendar.from_ical((again.site / "agenda.ics").read_bytes())
    assert [e["UID"] for e in first.walk("VEVENT")] == [e["UID"] for e in second.walk("VEVENT")]


def test_agenda_page_orders_upcoming_unconfirmed_past(site_with_fixtures: BuildResult) -> None:
    from bs4 import BeautifulSoup

    html = (
        BeautifulSoup(site_with_fixtures.html("agenda/"), "html.parser")
        .select_one("article")
        .get_text(" ")
    )
    upcoming = html.index("Komende evenementen")
    assert upcoming < html.index("Testdag voor") < html.index("Datum nog niet bevestigd")
    assert "Testdag zonder datum" in html and "datum niet bevestigd" in html


def test_contracts_table(site_with_fixtures: BuildResult) -> None:
    from bs4 import BeautifulSoup

    html = (
        BeautifulSoup(site_with_fixtures.html("raamcontracten/"), "html.parser")
        .select_one("article")
        .get_text(" ")
    )
    running, ended = html.split("Afgelopen", 1)
    # Ends 2027-01-15: within 90 days of 2026-11-28, so listed as running and flagged.
    assert "Testcontract laptops" in running and "loopt af" in running
    # The real DOKO BYOD contract ended on 2024-08-21.
    assert "BYOD" in ended


def _page(name: str) -> Page:
    text = (FIXTURES / "good" / name).read_text(encoding="utf-8")
    return Page(src=f"x/{name}", path=f"docs/x/{name}", doc=parse_document(text))


def test_date_logic_with_a_fixed_today() -> None:
    contract = _page("raamcontract-geldig.md")  # ends 2027-01-15
    assert contract_state(contract, date(2026, 9, 1)) == "lopend"
    assert contract_state(contract, date(2026, 11, 28)) == "loopt af"
    assert contract_state(contract, date(2027, 1, 15)) == "loopt af"
    assert contract_state(contract, date(2027, 1, 16)) == "afgelopen"
    event, unconfirmed = _page("evenement-geldig.md"), _page("evenement-onbevestigd.md")
    assert split_events([event, unconfirmed], date(2027, 3, 17)) == ([event], [unconfirmed], [])
    assert split_events([event, unconfirmed], date(2027, 3, 18)) == ([], [unconfirmed], [event])


def test_moved_page_keeps_its_old_url(project_copy: Path) -> None:
    old = project_copy / "docs/adviezen/back-ups.md"
    new = project_copy / "docs/adviezen/back-ups-op-school.md"
    old.rename(new)
    # The pages and the self-assessments that point to it (kb check names them all).
    for md in [*(project_copy / "docs").rglob("*.md"), *(project_copy / "data").rglob("*.yml")]:
        text = md.read_text(encoding="utf-8")
        if "back-ups.md" in text:
            md.write_text(text.replace("back-ups.md", "back-ups-op-school.md"), encoding="utf-8")
    (project_copy / "data/redirects.yml").write_text(
        "adviezen/back-ups.md: adviezen/back-ups-op-school.md\n", encoding="utf-8"
    )
    result = run_build(project_copy)
    assert result.returncode == 0, result.output
    redirect = (result.site / "adviezen/back-ups/index.html").read_text(encoding="utf-8")
    assert "back-ups-op-school/" in redirect and "refresh" in redirect


def test_dutch_404_page_offers_search_and_sections(site_with_fixtures: BuildResult) -> None:
    html = (site_with_fixtures.site / "404.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat niet" in html and "data-kb-search-open" in html
    for section in ("rollen/", "themas/", "adviezen/", "agenda/"):
        assert section in html


def test_home_shows_recent_changes_and_pages_show_last_update(
    site_with_fixtures: BuildResult,
) -> None:
    assert "Recent toegevoegd of bijgewerkt" in site_with_fixtures.html("")
    assert "Laatst bijgewerkt op <time" in site_with_fixtures.html("adviezen/back-ups/")


def test_bad_redirects_get_a_dutch_message_with_line(project_copy: Path) -> None:
    (project_copy / "data/redirects.yml").write_text(
        "# kaart\nadviezen/oud.md: adviezen/bestaat-niet.md\nadviezen/back-ups.md: adviezen/index.md\n"
        "zonder-extensie: adviezen/index.md\n",
        encoding="utf-8",
    )
    from kb.model.project import Project

    project = Project.load(project_copy)
    check_pages(project)
    found = {(f.code, f.line) for f in project_findings(project) if f.path == "data/redirects.yml"}
    assert found == {
        ("omleiding-doel-ontbreekt", 2),
        ("omleiding-bestaat-nog", 3),
        ("omleiding-ongeldig", 4),
    }
    result = run_build(project_copy)
    assert result.returncode != 0
    assert "data/redirects.yml:2: fout: De omleiding van `adviezen/oud.md`" in result.output


def test_generated_lists_link_escape_and_explain_abbreviations() -> None:
    """The role, topic, level and type lists are written as HTML (not Markdown): the
    links must still lead to the pages, text must stay text, abbreviations keep their
    tooltip."""
    from support.project import ROOT

    from kb.model.pages import read_page
    from kb.model.project import Project
    from kb.render.lists import page_list

    project = Project.load(ROOT)
    page = read_page(
        project.docs_dir,
        "adviezen/beveiliging/wifi-<script>.md",
        ROOT,
        text="---\ntitle: Wifi & <script>alert(1)</script>\ntype: advies\n"
        "description: Een GDPR-vraag over BYOD.\n---\n\n# Wifi\n",
    )
    html = page_list([page], "rollen/technisch/index.md", project.vocabulary, {"BYOD": "Bring"})
    assert '<a href="../../adviezen/beveiliging/wifi-&lt;script&gt;/">' in html
    assert "Wifi &amp; &lt;script&gt;alert(1)&lt;/script&gt;</a>" in html
    assert 'over <abbr title="Bring">BYOD</abbr>.' in html
    assert "<abbr" not in html.split("over")[0]  # only the glossary's abbreviations
    assert html.startswith("### ")  # the type headings stay in the table of contents
    home = page_list([page], "index.md", project.vocabulary)
    assert 'href="adviezen/beveiliging/wifi-&lt;script&gt;/"' in home


def test_site_with_fixtures_holds_nothing_that_runs_or_loads(
    site_with_fixtures: BuildResult,
) -> None:
    from support.sitescan import scan_site

    assert scan_site(site_with_fixtures.site) == []
