"""Generated lists: role, topic, level and type overviews, the agenda and the contracts."""

from __future__ import annotations

from datetime import date

import yaml
from bs4 import BeautifulSoup
from support.project import ROOT, fixture_text

from kb.model.pages import Page, read_page
from kb.model.project import Project
from kb.render import agenda, contracts, lists


def _project() -> Project:
    return Project.load(ROOT)


def _fixture(name: str, src: str) -> Page:
    return read_page(ROOT / "docs", src, ROOT, text=fixture_text("good", name))


def test_level_page_is_valid_yaml_and_lists_pages_without_levels() -> None:
    project = _project()
    advice = _fixture("advies-geldig.md", "adviezen/advies-geldig.md")  # levels: [secundair]
    article = _fixture("artikel-geldig.md", "artikels/artikel-geldig.md")  # no levels: all
    text = lists.level_page([advice, article], "basisonderwijs", project.vocabulary)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Basisonderwijs", "type": "overzicht",
                     "description": "Alle pagina's die gelden voor basisonderwijs."}  # fmt: skip
    assert "Testartikel" in text and advice.title not in text
    soup = BeautifulSoup(text.split("---\n", 2)[2], "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["../../artikels/artikel-geldig/"]


def test_page_list_escapes_titles_and_keeps_abbreviations() -> None:
    project = _project()
    page = read_page(ROOT / "docs", "adviezen/x.md", ROOT, text=(
        "---\ntitle: 'ICT & <b>vet</b>'\ndescription: 'Over \"ICT\"'\ntype: advies\n---\n\nT\n"
    ))  # fmt: skip
    html = lists.page_list([page], "rollen/technisch/index.md", project.vocabulary,
                           {"ICT": "Informatie- en communicatietechnologie"})  # fmt: skip
    soup = BeautifulSoup(html, "html.parser")
    link = soup.find("a")
    assert link is not None and link["href"] == "../../adviezen/x/"
    assert link.get_text() == "ICT & <b>vet</b>" and soup.find("b") is None
    assert soup.find("abbr")["title"] == "Informatie- en communicatietechnologie"


def test_agenda_keeps_a_hijacking_title_as_text() -> None:
    event = read_page(ROOT / "docs", "agenda/dag.md", ROOT, text=(
        "---\ntitle: 'ICT-dag](https://evil.example/phish) ['\ndescription: D\ntype: evenement\n"
        "start: 2027-03-17T09:00:00+01:00\nend: 2027-03-17T16:00:00+01:00\nlocation: Gent\n"
        "organizer: Netwerk\nurl: https://example.org/\n---\n\nT\n"
    ))  # fmt: skip
    html = agenda.agenda_section([event], "agenda/index.md", date(2027, 1, 1))
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a") if "evil" in a["href"]] == []
    assert "ICT-dag](https://evil.example/phish) [" in soup.get_text()
    assert "17 maart 2027, 09.00–16.00 uur" in soup.get_text()


def test_contracts_table_marks_what_ends_soon_and_moves_ended_ones() -> None:
    project = _project()
    contract = _fixture("raamcontract-geldig.md", "raamcontracten/raamcontract-geldig.md")
    running = contracts.contracts_section([contract], "raamcontracten/index.md",
                                          date(2026, 11, 28), project.vocabulary)  # fmt: skip
    assert "⚠ loopt af: 15 januari 2027" in running
    assert running.index("Testcontract laptops") < running.index("## Afgelopen")
    ended = contracts.contracts_section([contract], "raamcontracten/index.md",
                                        date(2027, 2, 1), project.vocabulary)  # fmt: skip
    assert ended.index("## Afgelopen") < ended.index("Testcontract laptops")
