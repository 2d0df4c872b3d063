"""The network in the built site: each fixture in its views, people's names only where
search engines are kept away, a lapsed profile nowhere, the questions' JSON-LD."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from support.project import FIXTURES, BuildResult, copy_project, run_build

pytestmark = pytest.mark.slow

PERSON = "Testpersoon Voorbeeld"
LAPSED = "Zwanhilde Ongepubliceerd"
LAPSED_LOGIN = "verlopen-persoon"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def _copy(name: str, target: Path, replace: tuple[str, str] | None = None) -> None:
    text = (FIXTURES / "good" / name).read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def network_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = copy_project(tmp_path_factory.mktemp("netwerk") / "project")
    docs = root / "docs"
    _copy("profiel-geldig.md", docs / "netwerk" / "mensen")
    _copy("profiel-verlopen.md", docs / "netwerk" / "mensen")
    _copy("praktijk-geldig.md", docs / "praktijk",
          ("products: [Testrouter]", "products: [Testrouter]\ncontact: [profiel-geldig, profiel-verlopen]"))  # fmt: skip
    _copy("vraag-geldig.md", docs / "vragen",
          ("answered_by: [Testnetwerk]", "answered_by: [profiel-geldig, profiel-verlopen, Testnetwerk]"))  # fmt: skip
    _copy("advies-geldig.md", docs / "adviezen")
    result = run_build(root, today="2026-11-28")
    assert result.returncode == 0, result.output
    return result


def _texts(site: Path) -> dict[str, str]:
    out = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".ics", ".js"}:
            out[path.relative_to(site).as_posix()] = path.read_text(
                encoding="utf-8", errors="replace"
            )
    return out


def _noindex(page_html: str) -> bool:
    return re.search(r'<meta name="robots" content="noindex"', page_html) is not None


def test_strict_build_passes_with_a_lapsed_profile_and_names_its_path_only(
    network_site: BuildResult,
) -> None:
    assert "docs/netwerk/mensen/profiel-verlopen.md" in network_site.output
    assert LAPSED not in network_site.output
    assert not (network_site.site / "netwerk" / "mensen" / "profiel-verlopen").exists()


def test_lapsed_profile_name_and_login_appear_nowhere(network_site: BuildResult) -> None:
    for rel, text in _texts(network_site.site).items():
        assert LAPSED not in text, rel
        assert LAPSED_LOGIN not in text, rel
        assert "Ongepubliceerd" not in text, rel
    status = network_site.html("status/")
    assert "netwerk/mensen/profiel-verlopen.md" in status


def test_names_only_on_noindex_pages(network_site: BuildResult) -> None:
    pages_with_name = []
    for rel, text in _texts(network_site.site).items():
        if PERSON not in text:
            continue
        if rel.endswith(".html"):
            assert _noindex(text), f"{rel} noemt {PERSON} maar mag geïndexeerd worden"
            pages_with_name.append(rel)
        else:  # feeds, sitemap, catalogue, calendars, tags: never
            pytest.fail(f"{rel} noemt {PERSON}")
    assert "netwerk/index.html" in pages_with_name
    assert "netwerk/mensen/profiel-geldig/index.html" in pages_with_name
    assert "netwerk/regio/limburg/index.html" in pages_with_name


def test_profiles_absent_from_sitemap_feed_catalogue_and_recent_changes(
    network_site: BuildResult,
) -> None:
    site = network_site.site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "netwerk/mensen/profiel-geldig" not in sitemap
    assert "/netwerk/" not in sitemap
    assert "praktijk/praktijk-geldig/" in sitemap
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "profiel-geldig" not in feed
    catalogue = json.loads((site / "api" / "pages.json").read_text(encoding="utf-8"))
    listed = json.dumps(catalogue, ensure_ascii=False)
    assert "profiel-geldig" not in listed and PERSON not in listed
    assert "praktijk-geldig" in listed and "vraag-geldig" in listed
    assert "profiel-geldig" not in network_site.html("")


def test_no_profile_page_contains_an_email_address(network_site: BuildResult) -> None:
    for path in (network_site.site / "netwerk" / "mensen").rglob("index.html"):
        text = lxml_html.fromstring(path.read_text(encoding="utf-8")).text_content()
        assert not EMAIL.search(text), path
        assert "mailto:" not in path.read_text(encoding="utf-8"), path


def test_profile_in_directory_region_and_practice_contacts(network_site: BuildResult) -> None:
    directory = network_site.html("netwerk/")
    assert PERSON in directory and "profiel-geldig/" in directory
    assert 'data-regions="limburg"' in directory
    region = network_site.html("netwerk/regio/limburg/")
    assert PERSON in region and "Testschool zet een gastennetwerk op" in region
    antwerp = network_site.html("netwerk/regio/antwerpen/")
    assert PERSON not in antwerp and "Nog niemand uit Antwerpen in de gids" in antwerp
    assert "Organisaties voor heel Vlaanderen" in antwerp
    practice = network_site.html("praktijk/praktijk-geldig/")
    assert "Wie meer weet" in practice
    assert "../../netwerk/mensen/profiel-geldig/" in practice
    assert "ICT-coördinator in een testschool" in practice
    assert "een collega die niet meer in de gids staat" in practice


def test_practice_case_in_its_views(network_site: BuildResult) -> None:
    title = "Testschool zet een gastennetwerk op"
    assert title in network_site.html("praktijk/")
    assert 'data-sizes="middelgroot"' in network_site.html("praktijk/")
    assert title in network_site.html("themas/beveiliging/")
    assert title in network_site.html("rollen/technisch/")
    assert title in network_site.html("niveaus/secundair/")
    assert title not in network_site.html("niveaus/basisonderwijs/")
    advice = network_site.html("adviezen/advies-geldig/")
    assert "Zo deden andere scholen het" in advice
    assert "../../praktijk/praktijk-geldig/" in advice


def test_question_in_its_views_and_answer_details(network_site: BuildResult) -> None:
    title = "Hoe lang bewaar ik back-ups van leerlingendata?"
    assert title in network_site.html("vragen/")
    assert title in network_site.html("themas/privacy/")
    question = network_site.html("vragen/vraag-geldig/")
    assert "Beantwoord door:" in question
    assert "een collega uit de gids" in question and "Testnetwerk" in question
    assert "een collega die niet meer in de gids staat" in question
    assert "../../adviezen/back-ups/" in question
    assert "discussions/1" in question
    # The page the answer rests on lists the question.
    backups = network_site.html("adviezen/back-ups/")
    assert "Vragen uit het netwerk hierover" in backups
    assert "../../vragen/vraag-geldig/" in backups


def test_question_jsonld_parses_and_matches_the_short_answer(network_site: BuildResult) -> None:
    page = network_site.html("vragen/vraag-geldig/")
    tree = lxml_html.fromstring(page)
    scripts = tree.xpath('//head/script[@type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@type"] == "FAQPage"
    question = data["mainEntity"][0]
    assert question["name"] == "Hoe lang bewaar ik back-ups van leerlingendata?"
    heading = tree.xpath('//article//h2[@id="kort-antwoord"]')[0]
    under = []
    for sibling in heading.itersiblings():
        if sibling.tag == "h2":
            break
        under.append(" ".join(sibling.text_content().split()))
    assert question["acceptedAnswer"]["text"] == " ".join(under)
    assert question["acceptedAnswer"]["text"].startswith("Niet langer dan nodig")


def test_jsonld_cannot_be_closed_by_a_title(tmp_path: Path) -> None:
    from kb.render.network import faq_jsonld
    from kb.model.frontmatter import parse_document
    from kb.model.pages import Page

    text = ("---\ntitle: Wat met </script><script>alert(1)</script> & co?\n"
            "description: Test.\ntype: vraag\n---\n")  # fmt: skip
    page = Page("vragen/x.md", "docs/vragen/x.md", parse_document(text))
    out = faq_jsonld(page, "Antwoord <b>")
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["mainEntity"][0]["name"] == page.title


def test_ask_box_on_topic_advice_and_questions(network_site: BuildResult) -> None:
    for url in ("themas/beveiliging/", "adviezen/advies-geldig/", "vragen/"):
        page = network_site.html(url)
        assert "Stel je vraag aan het netwerk" in page, url
        assert "/discussions/new?category=vragen&amp;title=Vraag%20over%3A%20" in page, url
        assert "<iframe" not in page
    assert "Stel je vraag aan het netwerk" not in network_site.html("praktijk/praktijk-geldig/")
    assert html.escape("Vraag over: ") not in network_site.html("over/")


@pytest.mark.browser
def test_people_are_found_by_the_sites_own_search(network_site: BuildResult) -> None:
    from support.browser import chromium_path
    from support.search_harness import run_queries

    if chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium ontbreekt onder CI")
        pytest.skip("Chromium ontbreekt: zoeken in de browser overgeslagen")
    found = run_queries(network_site.site, ["Testpersoon", "Zwanhilde"], "kb")
    assert "netwerk/mensen/profiel-geldig.md" in found["Testpersoon"], found
    assert found["Zwanhilde"] == [], found
