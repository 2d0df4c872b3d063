"""Blocks the build puts into pages: text from pages stays text (escaped once)."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup
from support.project import ROOT

from kb.model.findings import Finding
from kb.model.pages import read_page
from kb.render import notices


def _page(front: str, body: str = "# Titel\n\nTekst.\n"):  # type: ignore[no-untyped-def]
    return read_page(ROOT / "docs", "adviezen/proef.md", ROOT, text=f"---\n{front}\n---\n\n{body}")


def test_error_block_lists_every_problem_as_text() -> None:
    findings = [
        Finding(
            "docs/x.md", 3, "x", "`title` bevat <script>alert(1)</script> en [x](javascript:y)"
        ),
        Finding("docs/x.md", None, "y", "Het bestand heet `a.png` maar is geen PNG."),
    ]
    block = notices.error_block(findings)
    soup = BeautifulSoup(block, "html.parser")
    assert soup.find("script") is None and soup.find("a") is None
    items = [li.get_text() for li in soup.find_all("li")]
    assert items[0].startswith("Regel 3:") and "<script>alert(1)</script>" in items[0]
    assert items[1].startswith("Bestand:")
    assert soup.find("code") is not None  # `title` became code
    assert "Deze pagina bevat 2 fouten" in block
    assert notices.error_block([]) == ""


def test_to_verify_box_is_one_box_with_every_point() -> None:
    page = _page('title: T\nto_verify: ["Of <b>dit</b> klopt", "[link](javascript:x)"]')
    soup = BeautifulSoup(notices.to_verify_box(page), "html.parser")
    assert soup.select_one(".admonition-title").get_text() == "Nog na te gaan"
    assert [li.get_text() for li in soup.find_all("li")] == [
        "Of <b>dit</b> klopt",
        "[link](javascript:x)",
    ]
    assert soup.find("a") is None and soup.find("b") is None
    assert notices.to_verify_box(_page("title: T")) == ""


def test_review_notice_only_after_the_review_date() -> None:
    page = _page("title: T\ntype: advies\nreviewed: 2025-01-10")
    assert notices.review_notice(page, date(2026, 1, 10)) == ""
    late = notices.review_notice(page, date(2026, 1, 11))
    assert "Mogelijk verouderd" in late and "10 januari 2026" in late and "10 januari 2025" in late
    article = _page("title: T\ntype: artikel")  # articles do not age
    assert notices.review_notice(article, date(2099, 1, 1)) == ""


def test_block_goes_right_after_the_title() -> None:
    markdown = "Intro\n# Titel\n\nTekst\n"
    assert notices.insert_after_title(markdown, "BLOK\n") == "Intro\n# Titel\n\nBLOK\n\n\nTekst\n"
    assert notices.insert_after_title("Geen kop\n", "BLOK\n") == "BLOK\nGeen kop\n"
