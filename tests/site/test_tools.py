"""Tools in the built site: a scan's page and its place in the views, a template as
.docx and .odt (valid, deterministic, converted once), fill-in places marked."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from support.project import FIXTURES, BuildResult, copy_project, run_build

pytestmark = pytest.mark.slow

SCAN_TITLE = "Testscan back-ups"
TEMPLATE_TITLE = "Testsjabloon voor een back-upplan"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _project(base: Path) -> Path:
    root = copy_project(base / "project")
    shutil.copy(
        FIXTURES / "zelfscans" / "good" / "zelfscan-geldig.yml", root / "data" / "zelfscans"
    )
    shutil.copy(FIXTURES / "good" / "sjabloon-geldig.md", root / "docs" / "sjablonen")
    return root


@pytest.fixture(scope="module")
def tools_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    base = tmp_path_factory.mktemp("werkinstrumenten")
    root = _project(base)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DOCUMENT_CACHE", str(base / "cache"))
        result = run_build(root)
    assert result.returncode == 0, result.output
    return result


def test_scan_page_has_the_questionnaire(tools_site: BuildResult) -> None:
    page = tools_site.html("werkinstrumenten/zelfscan-geldig/")
    tree = lxml_html.fromstring(page)
    (form,) = tree.xpath('//form[@data-zelfscan="zelfscan-geldig"]')
    assert form.get("data-zelfscan-version") == "2"
    questions = form.xpath(".//fieldset[@data-zelfscan-question]")
    assert [q.get("data-zelfscan-question") for q in questions] == [
        "back-up-offline", "hersteltest", "mfa"]  # fmt: skip
    assert [q.get("data-weight") for q in questions] == ["3", "1", "2"]
    radios = questions[0].xpath(".//input[@type='radio']")
    assert [(r.get("value"), r.get("data-score")) for r in radios] == [
        ("nee", "0"), ("soms", "1"), ("ja", "3")]  # fmt: skip
    # Every radio has its label (keyboard and screen readers).
    for radio in form.xpath(".//input[@type='radio']"):
        assert form.xpath(f".//label[@for='{radio.get('id')}']")
    assert form.xpath(".//*[@data-zelfscan-score]")
    assert form.xpath(".//*[@data-zelfscan-actions]/ol")
    # Without JavaScript: readable, no tools shown, the advice is there.
    assert form.xpath(".//*[@data-zelfscan-tools]")[0].get("hidden") is not None
    assert "Zet een back-up buiten bereik van het netwerk" in page
    assert 'href="../../adviezen/back-ups/"' in page
    assert "CyFun 2023 BASIC PR.IP-4.1" in page
    # Where the answers stay, the version, and the licence of the adapted source.
    assert "Je antwoorden blijven op deze computer" in page
    assert "Versie 2, nagekeken op 1 november 2026" in page
    assert "eigen bewerking op basis van" in page


def test_scan_is_listed_like_a_page(tools_site: BuildResult) -> None:
    link = "werkinstrumenten/zelfscan-geldig/"
    for url in (
        "rollen/technisch/",
        "themas/beveiliging/",
        "niveaus/secundair/",
        "werkinstrumenten/",
    ):
        assert SCAN_TITLE in tools_site.html(url), url
        assert link.split("/")[1] in tools_site.html(url), url
    assert SCAN_TITLE not in tools_site.html("niveaus/basisonderwijs/")
    assert TEMPLATE_TITLE in tools_site.html("werkinstrumenten/")
    assert TEMPLATE_TITLE in tools_site.html("sjablonen/")
    catalogue = json.loads((tools_site.site / "api" / "pages.json").read_text(encoding="utf-8"))
    (record,) = [p for p in catalogue["pages"] if p.get("title") == SCAN_TITLE]
    assert record["type"] == "zelfscan"
    assert record["path"] == "data/zelfscans/zelfscan-geldig.yml"
    assert record["url"].endswith("/werkinstrumenten/zelfscan-geldig/")
    assert len(record["sections"][0]["questions"]) == 2


def test_template_page_offers_both_documents_and_marks_fill_ins(tools_site: BuildResult) -> None:
    page = tools_site.html("sjablonen/sjabloon-geldig/")
    tree = lxml_html.fromstring(page)
    hrefs = {a.text_content(): a.get("href") for a in tree.xpath("//p[@class='kb-downloads']/a")}
    assert hrefs == {
        "Download als Word (.docx)": "../sjabloon-geldig.docx",
        "Download als OpenDocument (.odt)": "../sjabloon-geldig.odt",
    }
    for href in hrefs.values():
        assert (tools_site.site / "sjablonen" / "sjabloon-geldig" / href).resolve().is_file()
    marks = [m.text_content() for m in tree.xpath("//mark[@class='kb-invullen']")]
    assert "[[naam van de school]]" in marks and "[[naam van het systeem]]" in marks
    assert "[[geen invulplaats]]" in page and "[[geen invulplaats]]" not in marks


def test_docx_opens_and_carries_title_licence_date_and_link(tools_site: BuildResult) -> None:
    import docx

    path = tools_site.site / "sjablonen" / "sjabloon-geldig.docx"
    document = docx.Document(str(path))
    assert document.core_properties.title == TEMPLATE_TITLE
    assert document.core_properties.created.date().isoformat() == "2026-11-01"
    text = "\n".join(p.text for p in document.paragraphs)
    assert TEMPLATE_TITLE in text
    assert "Creative Commons Naamsvermelding-GelijkDelen 4.0" in text
    assert "versie van 1 november 2026" in text
    assert "/sjablonen/sjabloon-geldig/" in text
    assert "☐ De back-up van" in text and "☒ Het plan is goedgekeurd" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "[[naam van de school]]" in cells
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "w:highlight" in xml  # the fill-in places stand out in Word
    rels = zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode("utf-8")
    assert "/adviezen/back-ups/" in rels and 'Target="../' not in rels  # links absolute


def test_every_template_gets_its_own_documents(tools_site: BuildResult) -> None:
    """The templates are converted side by side: each download holds its own page."""
    import docx

    from kb.model.project import Project

    project = Project.load(tools_site.root, tools_site.root / "docs")
    pages = [project.read(src) for src in project.markdown_sources()]
    templates = [page for page in pages if page.type == "sjabloon"]
    assert len(templates) >= 3
    for page in templates:
        stem = tools_site.site / Path(page.src).with_suffix("")
        assert docx.Document(str(stem.with_suffix(".docx"))).core_properties.title == page.title
        meta = etree.fromstring(zipfile.ZipFile(stem.with_suffix(".odt")).read("meta.xml"))
        assert page.title in "".join(meta.itertext())


def test_odt_is_a_valid_opendocument_with_the_title(tools_site: BuildResult) -> None:
    path = tools_site.site / "sjablonen" / "sjabloon-geldig.odt"
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == ODT_MIMETYPE
        assert archive.testzip() is None
        content = etree.fromstring(archive.read("content.xml"))
        meta = etree.fromstring(archive.read("meta.xml"))
        manifest = archive.read("META-INF/manifest.xml")
    text = "".join(content.itertext())
    assert "Vul dit plan in samen met" in text and "[[naam van de school]]" in text
    assert TEMPLATE_TITLE in "".join(meta.itertext())
    assert b"content.xml" in manifest


def test_documents_are_deterministic_and_converted_once(tmp_path: Path) -> None:
    root = _project(tmp_path)
    outputs = {}
    with pytest.MonkeyPatch.context() as patch:
        for run, cache in (("a", "cache-a"), ("b", "cache-b")):
            patch.setenv("KB_DOCUMENT_CACHE", str(tmp_path / cache))
            built = run_build(root)
            assert built.returncode == 0, built.output
            outputs[run] = {
                fmt: (built.site / "sjablonen" / f"sjabloon-geldig.{fmt}").read_bytes()
                for fmt in ("docx", "odt")
            }
        # Two conversions (separate caches) give the same bytes.
        assert outputs["a"] == outputs["b"]
        # A second build with the same cache converts nothing.
        cache = tmp_path / "cache-a"
        before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
        patch.setenv("KB_DOCUMENT_CACHE", str(cache))
        assert run_build(root).returncode == 0
        after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert before == after
    assert len(before) == (len(list((root / "docs" / "sjablonen").glob("*.md"))) - 1) * 2
