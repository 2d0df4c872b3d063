"""Strict builds of the site through MkDocs itself, with assertions on the HTML."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from support.project import FIXTURES, ROOT, BuildResult, run_build

from kb.check.project import check_pages
from kb.model.project import Project

pytestmark = pytest.mark.slow

LOADING = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
    "audio": "src", "embed": "src", "object": "data", "link": "href",
}  # fmt: skip


# <link rel=...> values that make the browser fetch something.
LOADING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "manifest",
    "prefetch",
    "dns-prefetch",
    "preconnect",
    "apple-touch-icon",
}


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_dutch(real_site: BuildResult) -> None:
    for path in _html_files(real_site.site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html and soup.html.get("lang") == "nl", path


def test_no_third_party_asset_anywhere(real_site: BuildResult) -> None:
    for path in _html_files(real_site.site):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
        soup = BeautifulSoup(text, "html.parser")
        for tag, attr in LOADING.items():
            for element in soup.find_all(tag):
                value = element.get(attr)
                rels = set(element.get("rel") or [])
                if not value or (tag == "link" and not rels & LOADING_RELS):
                    continue
                parts = urlsplit(value)
                assert not parts.netloc and parts.scheme in ("", "data"), (path, value)
        assert not soup.find_all(["iframe", "embed", "object"]), path
    for css in real_site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import url(http" not in text and "url(https://" not in text, css


def test_every_content_page_is_built(real_site: BuildResult) -> None:
    project = Project.load(ROOT)
    pages = check_pages(project)
    assert len(pages) >= 30
    for page in pages:
        html = (real_site.site / page.url / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert page.title in soup.title.get_text(), page.src


def test_navigation_by_section(real_site: BuildResult) -> None:
    soup = BeautifulSoup(real_site.html(""), "html.parser")
    tabs = [a.get_text(" ", strip=True) for a in soup.select(".md-tabs__link")]
    for label in (
        "Rollen",
        "Thema's",
        "Adviezen",
        "Vertalingen",
        "Raamcontracten",
        "Organisaties",
        "Agenda",
        "Bijdragen",
    ):
        assert label in tabs, tabs


def test_field_reference_and_templates_are_generated(real_site: BuildResult) -> None:
    reference = real_site.html("bijdragen/velden/")
    for needle in (
        "<code>roles</code>",
        "<code>pedagogisch</code>",
        "<code>source_sha256</code>",
        "<code>virtual-reality</code>",
        "Toegelaten waarden",
    ):
        assert needle in reference, needle
    templates = real_site.html("bijdragen/sjablonen/")
    assert templates.count("AANVULLEN") > 10
    assert "type: vertaling" in templates and "In de Vlaamse context" in templates


def test_abbreviations_show_as_tooltips(real_site: BuildResult) -> None:
    html = real_site.html("artikels/gdpr-en-informatieveiligheid-op-school/")
    assert '<abbr title="Algemene Verordening Gegevensbescherming (GDPR)">AVG</abbr>' in html
    # The glossary is not appended to the page as text.
    assert "*[AVG]" not in html


def test_bad_glossary_lines_get_a_dutch_message_with_line(project_copy: Path) -> None:
    glossary = project_copy / "includes/afkortingen.md"
    glossary.write_text(
        "*[AIV]: Aanspreekpunt informatieveiligheid\n\nAIV = aanspreekpunt\n*[MDM]:\n"
        "*[AIV]: Nog een betekenis\n*[VTC]: Vlaamse Toezichtcommissie\n",
        encoding="utf-8",
    )
    result = run_build(project_copy)
    assert result.returncode != 0
    for needle in (
        "includes/afkortingen.md:3: fout: `AIV = aanspreekpunt` is geen afkorting",
        "includes/afkortingen.md:4: fout: De afkorting `MDM` heeft geen betekenis",
        "includes/afkortingen.md:5: fout: De afkorting `AIV` staat al op regel 1",
    ):
        assert needle in result.output, result.output
    # The good definitions still work on the pages (serve shows them).
    result = run_build(project_copy, strict=False)
    html = result.html("artikels/gdpr-en-informatieveiligheid-op-school/")
    assert '<abbr title="Aanspreekpunt informatieveiligheid">AIV</abbr>' in html


def test_a_page_not_saved_as_utf8_gets_a_message_and_is_still_shown(
    project_copy: Path,
) -> None:
    # Saved as Windows-1252 (e.g. by Notepad): MkDocs itself would stop with a traceback.
    shutil.copy(FIXTURES / "bad/windows-1252.md", project_copy / "docs/artikels/kladblok.md")
    result = run_build(project_copy)
    assert result.returncode != 0
    assert (
        "docs/artikels/kladblok.md:7: fout: Het bestand is niet als UTF-8 opgeslagen"
        in result.output
    ), result.output
    assert "Traceback" not in result.output and "UnicodeDecodeError" not in result.output
    # Without strict mode (as in `make serve`) the page is there, with the error on it.
    result = run_build(project_copy, strict=False)
    assert result.returncode == 0, result.output
    html = result.html("artikels/kladblok/")
    assert "Opgeslagen in Windows-1252" in html and "schreef deze tekst in Kladblok" in html
    assert "niet als UTF-8 opgeslagen" in html


def test_edit_link_points_at_the_page_source(real_site: BuildResult) -> None:
    html = real_site.html("adviezen/back-ups/")
    assert "/edit/main/docs/adviezen/back-ups.md" in html


def _add(root: Path, kind: str, names: list[str], folder: str = "adviezen") -> None:
    for name in names:
        shutil.copy(FIXTURES / kind / name, root / "docs" / folder / name)


def test_strict_build_reports_every_problem_and_fails(project_copy: Path) -> None:
    _add(project_copy, "bad", ["onbekend-veld.md", "datums.md", "onveilige-html.md"])
    result = run_build(project_copy)
    assert result.returncode != 0
    out = result.output
    assert (
        "docs/adviezen/onbekend-veld.md:5: fout: Onbekend veld `rolles`. Bedoelde je `roles`?"
        in out
    )
    assert "docs/adviezen/datums.md:10: fout: `end`: `2026-02-30` bestaat niet als datum" in out
    assert "docs/adviezen/onveilige-html.md:7: fout: De HTML-tag `<script>`" in out
    assert "docs/adviezen/onveilige-html.md:19: fout: De HTML-tag `<svg>`" in out
    assert "Aborted" in out


def test_serve_mode_still_renders_the_page_with_its_errors(project_copy: Path) -> None:
    _add(project_copy, "bad", ["onbekend-veld.md", "onveilige-html.md", "datums.md"])
    result = run_build(project_copy, strict=False)
    assert result.returncode == 0, result.output
    html = result.html("adviezen/onbekend-veld/")
    assert "Deze pagina bevat" in html and "Bedoelde je <code>roles</code>?" in html
    unsafe = result.html("adviezen/onveilige-html/")
    soup = BeautifulSoup(unsafe, "html.parser")
    article = soup.select_one("article")
    assert article is not None
    assert not article.find_all(["script", "iframe", "object", "embed"])
    # Theme icons are inline SVG; the contributed <svg onload> with its <circle> is gone.
    assert not article("circle")
    for element in article.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
        assert not str(element.get("href", "")).lower().startswith("javascript:"), element
    assert all("tracker.example.com" not in str(img.get("src")) for img in article("img"))
    impossible = result.html("adviezen/datums/")
    assert "Foute datums" in impossible and "bestaat niet als datum" in impossible


def test_good_fixtures_build_in_strict_mode(project_copy: Path) -> None:
    _add(project_copy, "good", [p.name for p in (FIXTURES / "good").glob("*.md")])
    result = run_build(project_copy)
    assert result.returncode == 0, result.output
    assert "Testadvies over back-ups" in result.html("adviezen/advies-geldig/")
