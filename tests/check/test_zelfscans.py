"""Self-assessment files: every problem named with file and line, all in one run; the
scoring the page uses is the formula of the issue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.project import FIXTURES, ROOT, copy_project

from kb.check.project import check_pages, context, project_findings
from kb.check.zelfscans import scan_findings
from kb.model.findings import Finding, format_findings
from kb.model.project import Project
from kb.model.zelfscans import build_scan, load_record

SCANS = FIXTURES / "zelfscans"


@pytest.fixture(scope="module")
def project() -> Project:
    project = Project.load(ROOT)
    project.scan_files()
    return project


def findings(project: Project, kind: str, name: str) -> list[Finding]:
    record = load_record(SCANS, f"{kind}/{name}")
    return scan_findings(record, context(project))


def test_good_scan_has_no_findings(project: Project) -> None:
    found = findings(project, "good", "zelfscan-geldig.yml")
    assert found == [], format_findings(found)


BAD = [
    # file, code, line, fragment of the Dutch message
    (
        "dubbele-vraag-id.yml",
        "dubbele-id",
        27,
        "Vraag `back-up-offline` komt twee keer voor (eerst op regel 16)",
    ),
    ("vraag-zonder-antwoorden.yml", "veld-ontbreekt", 27, "`sections.questions.answers`"),
    ("scores-gelijk.yml", "scores-gelijk", 30, "alle antwoorden hebben score 2"),
    ("score-buiten-bereik.yml", "ongeldige-waarde", 45, "hoogstens 3"),
    ("advies-bestaat-niet.yml", "gebroken-link", 47, "`adviezen/bestaat-niet.md` bestaat niet"),
    ("onbekend-veld.yml", "onbekend-veld", 41, "Onbekend veld `sections.questions.gewicht`"),
]


@pytest.mark.parametrize(("name", "code", "line", "fragment"), BAD)
def test_bad_scan_is_named_with_file_and_line(
    project: Project, name: str, code: str, line: int, fragment: str
) -> None:
    found = findings(project, "bad", name)
    text = format_findings(found)
    assert any(f.code == code and f.line == line and fragment in f.message for f in found), text
    assert all(f.path == f"bad/{name}" for f in found)


def test_every_problem_of_a_file_in_one_run(project: Project) -> None:
    found = findings(project, "bad", "alles-tegelijk.yml")
    by_code = {(f.code, f.line) for f in found}
    expected = {
        ("onbekend-veld", 9),  # kleur
        ("bron-onbekend", 8),  # a source that is neither registered nor https
        ("dubbele-id", 19),  # answer id a twice
        ("scores-gelijk", 17),  # both answers score 1
        ("gebroken-link", 21),
        ("dubbele-id", 22),  # question id een twice
        ("ongeldige-waarde", 24),  # weight 4
        ("ongeldige-waarde", 27),  # score 7
        ("veld-ontbreekt", 30),  # no answers
    }
    assert expected <= by_code, format_findings(found)
    text = format_findings(found)
    assert "alles-tegelijk.yml:21" in text


def test_build_and_kb_check_report_a_broken_scan(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    shutil.copy(SCANS / "bad" / "scores-gelijk.yml", root / "data" / "zelfscans" / "kapot.yml")
    project = Project.load(root)
    check_pages(project)
    found = [f for f in project_findings(project) if f.path == "data/zelfscans/kapot.yml"]
    assert [f.code for f in found] == ["scores-gelijk"], format_findings(found)


def test_a_page_in_docs_cannot_be_a_scan(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "adviezen" / "nep-scan.md"
    page.write_text("---\ntitle: Nep\ndescription: Nep.\ntype: zelfscan\n---\n\n# Nep\n",
                    encoding="utf-8")  # fmt: skip
    project = Project.load(root)
    check_pages(project)
    codes = {f.code for f in project.pages["adviezen/nep-scan.md"].findings}
    assert "zelfscan-in-docs" in codes


def test_scan_structure_from_the_good_fixture() -> None:
    scan = build_scan(load_record(SCANS, "good/zelfscan-geldig.yml"))
    assert scan is not None
    assert [s.id for s in scan.sections] == ["back-ups", "accounts"]
    assert [q.id for q in scan.questions] == ["back-up-offline", "hersteltest", "mfa"]
    assert scan.version == 2
    assert scan.questions[1].highest == 2 and scan.questions[1].lowest == 0
