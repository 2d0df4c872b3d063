"""Validation of fixture pages: each bad page gets its Dutch message on the right line."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.project import FIXTURES, ROOT

from kb.check.project import check_page, check_pages, project_findings
from kb.model.findings import format_findings
from kb.model.project import Project


@pytest.fixture(scope="module")
def project() -> Project:
    project = Project.load(ROOT)
    project.scan_files()
    return project


def check(project: Project, kind: str, name: str) -> list:
    data = (FIXTURES / kind / name).read_bytes()  # as a file on disk: any encoding
    page = check_page(project, f"testpaginas/{name}", data)
    return page.findings


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "good").glob("*.md")))
def test_good_fixture_has_no_findings(project: Project, name: str) -> None:
    findings = [f for f in check(project, "good", name) if f.severity != "info"]
    assert findings == [], format_findings(findings)


BAD = [
    # fixture, code, line, fragment of the Dutch message
    ("redactionele-opmerking.md", "redactionele-opmerking", 3, "in `description` is een opmerking"),
    ("profiel-privegegevens.md", "contactgegevens", 20, "`jan.peeters@school.be`"),
    ("profiel-privegegevens.md", "contactgegevens", 20, "`0470 12 34 56`"),
    ("profiel-privegegevens.md", "contactgegevens", 20, "tel:-link"),
    ("profiel-privegegevens.md", "ongeldige-url", 12, "`https://`"),
    ("profiel-privegegevens.md", "veld-ontbreekt", 1, "`consent`"),
    ("praktijk-zonder-sectie.md", "sectie-ontbreekt", 15, "`## Wat niet werkte`"),
    ("praktijk-zonder-sectie.md", "sectie-leeg", 22, "`## Het probleem`"),
    ("praktijk-zonder-sectie.md", "profiel-ontbreekt", 13, "`bestaat-niet`"),
    ("praktijk-zonder-sectie.md", "onbekende-waarde", 9, "`reuzegroot`"),
    ("vraag-kapotte-verwijzing.md", "gebroken-link", 10, "`adviezen/bestaat-niet.md`"),
    ("vraag-kapotte-verwijzing.md", "sectie-ontbreekt", 12, "`## Kort antwoord`"),
    ("sjabloon-zonder-invulplaats.md", "invulplaats-open", 15, "sluit niet met `]]`"),
    ("sjabloon-zonder-invulplaats.md", "geen-invulplaats", 10, "`[[naam van de school]]`"),
    ("yaml-tab.md", "yaml-tab", 3, "tab-teken"),
    ("yaml-aanhalingsteken.md", "yaml-aanhalingsteken", 2, "aanhalingsteken wordt niet gesloten"),
    ("geen-mapping.md", "yaml-geen-mapping", 2, "geen reeks velden"),
    ("velden-ontbreken.md", "veld-ontbreekt", 1, "Verplicht veld `title` ontbreekt"),
    ("velden-ontbreken.md", "veld-ontbreekt", 1, "Verplicht veld `type` ontbreekt"),
    ("onbekend-type.md", "onbekende-waarde", 4, "Bedoelde je `advies`?"),
    (
        "onbekende-waarden.md",
        "onbekende-waarde",
        5,
        "`planer` is geen geldige waarde voor `roles`. Bedoelde je `planner`?",
    ),
    ("onbekende-waarden.md", "onbekende-waarde", 6, "Bedoelde je `cloud`?"),
    ("onbekende-waarden.md", "onbekende-waarde", 7, "Bedoelde je `secundair`?"),
    ("onbekende-waarden.md", "onbekende-waarde", 8, "Bedoelde je `ransomware`?"),
    ("onbekend-veld.md", "onbekend-veld", 5, "Onbekend veld `rolles`. Bedoelde je `roles`?"),
    ("onbekend-veld.md", "veld-ontbreekt", 1, "Verplicht veld `roles` ontbreekt"),
    ("datums.md", "onmogelijke-datum", 10, "`2026-02-30` bestaat niet als datum"),
    ("datums.md", "onmogelijke-datum", 13, "`2026-13-01` bestaat niet"),
    ("einde-voor-begin.md", "einde-voor-begin", 6, "ligt vóór `start`"),
    ("evenement-zonder-tijdzone.md", "ongeldige-datum", 5, "met uur en tijdzone"),
    ("te-lange-beschrijving.md", "te-lang", 3, "maximaal 200"),
    ("lege-pagina.md", "lege-pagina", 6, "geen inhoud"),
    (
        "vertaling-bron-onbekend.md",
        "bron-onbekend",
        9,
        "Bron `bestaat-niet` staat niet in data/sources.yml",
    ),
    ("vertaling-bron-onbekend.md", "vlaamse-context-ontbreekt", 16, "## In de Vlaamse context"),
    ("Foute_Naam.md", "bestandsnaam", None, "Hernoem naar `foute-naam.md`"),
    ("gebroken-link.md", "gebroken-link", 7, "Bedoelde je `../adviezen/back-ups.md`?"),
    ("gebroken-link.md", "link-naar-map", 7, "`../adviezen/index.md`"),
    ("onveilige-html.md", "onveilige-html", 7, "`<script>`"),
    ("onveilige-html.md", "onveilige-html", 9, "`javascript:`"),
    ("onveilige-html.md", "onveilige-html", 11, "`onclick`"),
    ("onveilige-html.md", "onveilige-html", 13, "`<iframe>`"),
    ("onveilige-html.md", "onveilige-html", 15, "`<object>`"),
    ("onveilige-html.md", "onveilige-html", 17, "`<embed>`"),
    ("onveilige-html.md", "onveilige-html", 19, "`<svg>`"),
    ("onveilige-html.md", "onveilige-html", 21, "tracker.example.com"),
    ("onveilige-html.md", "externe-afbeelding", 23, "andere site"),
    ("onafgewerkt.md", "onafgewerkt", 3, "nog niet geschreven (één zin)"),
    ("onafgewerkt.md", "onafgewerkt", 7, "inleiding"),
    ("dubbel-veld.md", "dubbel-veld", 5, "staat twee keer"),
    ("windows-1252.md", "geen-utf8", 7, "niet als UTF-8 opgeslagen"),
]


@pytest.mark.parametrize(("name", "code", "line", "fragment"), BAD)
def test_bad_fixture_reports_message_and_line(
    project: Project, name: str, code: str, line: int | None, fragment: str
) -> None:
    findings = check(project, "bad", name)
    matching = [f for f in findings if f.code == code and fragment in f.message]
    assert matching, f"geen {code!r} met {fragment!r} in:\n{format_findings(findings)}"
    assert matching[0].line == line, format_findings(matching)
    assert matching[0].path == f"docs/testpaginas/{name}"


def test_every_bad_fixture_is_covered() -> None:
    covered = {name for name, *_ in BAD}
    assert covered == {p.name for p in (FIXTURES / "bad").glob("*.md")}


def test_all_problems_of_a_page_are_reported_in_one_run(project: Project) -> None:
    findings = check(project, "bad", "onveilige-html.md")
    assert len({f.line for f in findings}) >= 9
    findings = check(project, "bad", "onbekende-waarden.md")
    assert {f.line for f in findings} >= {5, 6, 7, 8}


def test_messages_are_dutch_and_located(project: Project) -> None:
    findings = check(project, "bad", "onbekend-veld.md")
    text = format_findings(findings)
    assert "docs/testpaginas/onbekend-veld.md:5: fout: Onbekend veld `rolles`" in text


def test_github_annotation_format(project: Project) -> None:
    findings = check(project, "bad", "onbekend-veld.md")
    lines = format_findings(findings, "github").splitlines()
    assert any(
        line.startswith("::error file=docs/testpaginas/onbekend-veld.md,line=5,title=kb check%3A ")
        for line in lines
    ), lines


def test_real_content_is_valid() -> None:
    project = Project.load(ROOT)
    check_pages(project)
    assert project_findings(project) == [], format_findings(project_findings(project))


def test_real_content_counts() -> None:
    project = Project.load(ROOT)
    pages = check_pages(project)
    by_type: dict[str, int] = {}
    for page in pages:
        by_type[page.type] = by_type.get(page.type, 0) + 1
    assert by_type.get("vertaling", 0) >= 4
    assert by_type.get("advies", 0) >= 3
    assert by_type.get("raamcontract", 0) >= 3
    assert by_type.get("organisatie", 0) >= 5
    assert by_type.get("evenement", 0) >= 3
    assert len(pages) >= 30
    for page in pages:
        if page.type in (
            "artikel",
            "advies",
            "vertaling",
            "raamcontract",
            "organisatie",
            "evenement",
        ):
            words = len(page.body.split())
            assert words >= 150, f"{page.path} heeft maar {words} woorden"
        assert Path(page.src).suffix == ".md"


def test_parallel_validation_gives_the_same_findings(tmp_path: Path) -> None:
    from support.project import copy_project

    root = copy_project(tmp_path / "project")
    (root / "docs/adviezen/onbekend-veld.md").write_text(
        (FIXTURES / "bad/onbekend-veld.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    sequential = Project.load(root)
    check_pages(sequential, workers=1)
    parallel = Project.load(root)
    pages = check_pages(parallel, workers=2)
    assert [p.src for p in pages] == sorted(sequential.pages)
    assert project_findings(parallel) == project_findings(sequential) != []


def test_editorial_remarks_are_reported_where_they_stand(project: Project) -> None:
    findings = check(project, "bad", "redactionele-opmerking.md")
    remarks = sorted((f.line, f.severity) for f in findings if f.code == "redactionele-opmerking")
    # description (3), across two lines (13), "niet in ons archief" (24); not in to_verify,
    # the quotation, inline code or the fenced block.
    assert remarks == [(3, "warning"), (13, "warning"), (24, "warning")]
    assert all("to_verify" in f.message for f in findings if f.code == "redactionele-opmerking")


def test_every_memorandum_topic_has_two_substantive_pages() -> None:
    """An advies, artikel or vertaling of at least 300 words with at least one cited
    source, for every topic of the memorandum and privacy (overviews do not count)."""
    import re

    project = Project.load(ROOT)
    check_pages(project)
    counts: dict[str, int] = {}
    for page in project.pages.values():
        words = len(page.body.split())
        cites = re.search(r"^## Bronnen", page.body, re.M) and "https://" in page.body
        if page.type in ("advies", "artikel", "vertaling") and words >= 300 and cites:
            for topic in page.values("topics"):
                counts[topic] = counts.get(topic, 0) + 1
    short = {t: counts.get(t, 0) for t in project.vocabulary.keys("topics") if counts.get(t, 0) < 2}
    assert short == {}
