"""The maintainers' status page: translations, the review queue and what is still to verify."""

from __future__ import annotations

from datetime import date

import yaml
from bs4 import BeautifulSoup
from support.project import ROOT

from kb.check.project import check_page, check_pages
from kb.model.project import Project
from kb.render.status_page import status_page


def test_status_page_lists_queue_and_open_points_escaped() -> None:
    project = Project.load(ROOT)
    check_pages(project)
    check_page(project, "adviezen/proef.md", (
        "---\ntitle: Proef <3 & co\ndescription: D.\ntype: advies\nroles: [technisch]\n"
        "topics: [cloud]\nauthors: [R]\nreviewed: 2024-01-01\n"
        "to_verify: ['Of [x](javascript:y) klopt']\n---\n\n# Proef\n\nTekst.\n"
    ))  # fmt: skip
    text = status_page(project, date(2026, 11, 28))
    assert yaml.safe_load(text.split("---\n")[1])["title"] == "Status voor beheerders"
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find("a", string="Proef <3 & co")["href"] == "../adviezen/proef/"
    rows = [" ".join(tr.get_text(" ").split()) for tr in soup.find_all("tr")]
    assert any("Proef <3 & co" in row and "herzieningsdatum voorbij" in row for row in rows)
    assert "Of [x](javascript:y) klopt" in soup.get_text()
    assert not [a for a in soup.find_all("a") if "javascript" in a["href"]]
    # Every translation is in the first table.
    translations = [p for p in project.pages.values() if p.type == "vertaling"]
    assert all(soup.find("a", string=p.title) for p in translations)
