"""Dutch-aware search: keys, the static index, and what a reader finds in the browser."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from support.project import ROOT, BuildResult
from support.search_harness import chromium_path, isolated, matches, recall, run_queries, serve

from kb.search.keys import (
    KeyMaker,
    SearchConfig,
    fold,
    markdown_words,
    query_keys,
    split_compound,
)

QUERIES = yaml.safe_load((ROOT / "tests/search/search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def maker() -> KeyMaker:
    return KeyMaker(SearchConfig.load(ROOT))


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Leden", "lid"),  # irregular plural (corrected in data/search.yml)
        ("steden", "stad"),
        ("geïnstalleerd", "installeren"),  # participle
        ("geinstalleerd", "geinstalleerd"),  # unknown without diaeresis: table handles it
        ("veilige", "veilig"),  # adjective form
        ("tabletje", "tablet"),  # diminutive
        ("coördinatoren", "coordinator"),
        ("E-mail", "email"),  # spelling variant + synonym group
        ("email", "email"),
        ("SSO", "sso"),  # abbreviation
        ("meerstapsverificatie", "mfa"),  # synonym of an abbreviation
    ],
)
def test_word_keys(maker: KeyMaker, word: str, key: str) -> None:
    assert maker.key(word) == key


def test_compounds_split_against_the_sites_own_vocabulary() -> None:
    vocabulary = {"gast", "netwerk", "wachtwoord", "beleid", "school"}
    assert split_compound("gastennetwerk", vocabulary) == ["gast", "netwerk"]
    assert split_compound("wachtwoordbeleid", vocabulary) == ["wachtwoord", "beleid"]
    assert split_compound("schoolbeleid", vocabulary) == ["school", "beleid"]
    assert split_compound("onbekendwoord", vocabulary) == []


def test_link_targets_and_tags_do_not_become_keys(maker: KeyMaker) -> None:
    text = markdown_words(
        "Lees [het advies](../adviezen/back-ups.md#index) en <kbd>Ctrl</kbd>.\n\n"
        "[bron]: https://www.ncsc.gov.uk/collection/top-tips\n"
    )
    keys = maker.word_keys(text)
    assert "advies" in keys and "ctrl" in keys and "lezen" in keys
    for noise in ("md", "index", "https", "kbd", "ncsc", "gov"):
        assert noise not in keys, noise


def test_markup_inside_a_word_keeps_the_word_whole(maker: KeyMaker) -> None:
    # Generated lists are HTML: a tooltip inside a compound and an escaped apostrophe.
    text = markdown_words(
        '<abbr title="Informatie- en communicatietechnologie">ICT</abbr>-coördinatoren'
        " en de school&#x27;s wifi"
    )
    keys = maker.word_keys(text)
    assert "ictcoordinator" in keys and "school" in keys
    assert "x27" not in keys and "abbr" not in keys


def test_multiword_synonyms_and_refined_plurals(maker: KeyMaker) -> None:
    keys = maker.word_keys("Met single sign-on en een ICT-praktijkdag.")
    assert "sso" in keys and "praktijkdag" in keys
    vocabulary = maker.refine(set(keys) | {maker.key("praktijkdagen")})
    table = maker.browser_table(vocabulary)
    assert table["praktijkdagen"] == "praktijkdag"
    assert query_keys("Eenmalige aanmelding", maker, table) == ["sso"]
    assert query_keys("ICT-coördinator", maker, table) == [fold("ict-coordinator")]


@pytest.fixture(scope="module")
def site(real_site: BuildResult) -> Path:
    return real_site.site


def test_index_is_chunked_and_material_search_is_gone(site: Path) -> None:
    assert not (site / "search/search_index.json").exists()
    fragments = list((site / "pagefind/fragment").iterdir())
    indexes = list((site / "pagefind/index").iterdir())
    assert len(fragments) >= 30 and indexes
    assert max(p.stat().st_size for p in fragments + indexes) < 200_000
    chunks = list((site / "zoeken/tabel").glob("*.json"))
    assert len(chunks) > 20
    assert max(p.stat().st_size for p in chunks) < 200_000
    config = json.loads((site / "zoeken/config.json").read_text(encoding="utf-8"))
    assert ["single signon", "sso"] in config["phrases"]


def test_pages_carry_their_keys_for_the_index(site: Path) -> None:
    html = (site / "adviezen/wachtwoordbeleid-en-mfa/index.html").read_text(encoding="utf-8")
    assert "<article data-pagefind-body" in html
    block = html.split('class="kb-zoeksleutels"')[1].split("</div>")[0]
    keys = block.split(">", 1)[1].split()
    article = html.split("<article data-pagefind-body", 1)[1].split('class="kb-zoeksleutels"')[0]
    # Parts of compounds (wachtwoordbeleid) and lemmas (afspraken -> afspraak) are added ...
    assert "afspraken" in article and "afspraak " not in article
    for key in ("beleid", "afspraak"):
        assert key in keys, key
    # ... but a word that is already in the text is not indexed a second time.
    assert " MFA" in article and "mfa" not in keys
    assert "wachtwoord" in article and "wachtwoord" not in keys


def test_generated_pages_get_keys_from_their_text_only(site: Path) -> None:
    """A level page's keys: not its front matter (title:, type: overzicht) and not the
    list of other pages it shows."""
    html = (site / "niveaus/dko/index.html").read_text(encoding="utf-8")
    keys = html.split('class="kb-zoeksleutels"')[1].split("</div>")[0].split(">", 1)[1].split()
    for noise in ("title", "description", "type", "overzicht"):
        assert noise not in keys, noise
    assert '<ul class="kb-paginalijst"' in html and "Back-ups op school" in html
    assert "backup" not in keys  # only a word of the listed page


def test_search_dialog_markup_is_accessible(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'aria-controls="kb-search"' in html and 'aria-keyshortcuts="/"' in html
    assert '<label for="kb-search-input"' in html and 'role="status"' in html


def _need_browser() -> None:
    if chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium ontbreekt onder CI (installeer het Debian-pakket chromium)")
        pytest.skip("Chromium ontbreekt: zoektests in de browser overgeslagen")


@pytest.mark.browser
def test_dutch_queries_find_the_right_page(site: Path) -> None:
    _need_browser()
    expected = {item["query"]: item["expect"] for item in QUERIES}
    results = run_queries(site, list(expected), "kb")
    misses = [q for q in expected if not matches(results[q], expected[q])]
    assert len(expected) >= 40
    assert recall(results, expected) >= 0.9, misses
    for query in ("leden", "tabletje", "backups", "paswoord", "praktijkdagen", "AVG"):
        assert query not in misses, (query, results[query])


@pytest.mark.browser
def test_overviews_are_not_found_for_the_pages_they_list(site: Path) -> None:
    """A level page lists almost every page; searching must lead to the pages themselves."""
    _need_browser()
    level_page = (site / "niveaus/dko/index.html").read_text(encoding="utf-8")
    assert '<ul class="kb-paginalijst" data-pagefind-ignore>' in level_page  # shown, not indexed
    results = run_queries(site, ["wachtwoord", "GDPR"], "kb", top=10)
    for query, found in results.items():
        assert found, query
        assert not [src for src in found if src.startswith("niveaus/")], (query, found)


@pytest.mark.browser
def test_browser_and_build_normalise_queries_the_same_way(site: Path, maker: KeyMaker) -> None:
    _need_browser()
    from playwright.sync_api import sync_playwright
    from support.search_harness import CHROMIUM_ARGS

    table: dict[str, str] = {}
    for chunk in (site / "zoeken/tabel").glob("*.json"):
        table.update(json.loads(chunk.read_text(encoding="utf-8")))
    queries = [item["query"] for item in QUERIES] + ["Geïnstalleerde tabletjes", "E-MAILS"]

    def in_browser() -> dict[str, list[str]]:
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(base)
            keys = {q: page.evaluate("q => window.kbZoeksleutels(q)", q) for q in queries}
            browser.close()
            return keys

    keys = isolated(in_browser)
    for query in queries:
        assert keys[query] == query_keys(query, maker, table), query


@pytest.mark.parametrize("failure", ["pagefind-fout", "andere-fout"])
@pytest.mark.parametrize("fork", [True, False])
def test_a_failing_search_index_is_not_lost_in_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str, fork: bool
) -> None:
    from kb.search import index as search_index
    from kb.search.site_search import SiteSearch

    search = SiteSearch(ROOT)

    def broken_index(site_dir: Path, source_dir: Path, **kwargs: object) -> int:
        if failure == "pagefind-fout":
            raise search_index.SearchIndexError("Pagefind kon de site niet indexeren: kapot")
        raise OSError("schijf vol")

    monkeypatch.setattr(search_index, "build_pagefind", broken_index)
    monkeypatch.setattr(search_index, "write_browser_files", lambda *args: None)
    search.start(tmp_path / "site", fork=fork)  # the index starts next to the templates
    if failure == "pagefind-fout":  # a known problem: a Dutch error, the strict build fails
        errors = search.finish()
        assert [str(e) for e in errors] == ["Pagefind kon de site niet indexeren: kapot"]
    else:  # anything else stops the build, as it did before the index had its own thread
        with pytest.raises(OSError, match="schijf vol"):
            search.finish()
    assert not search.copies.exists()  # the temporary copies are cleaned up either way


def test_a_failing_key_table_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kb.search import index as search_index
    from kb.search.site_search import SiteSearch

    search = SiteSearch(ROOT)
    monkeypatch.setattr(search_index, "build_pagefind", lambda *args, **kwargs: 0)

    def broken_table(*args: object) -> int:
        raise OSError("schijf vol")

    monkeypatch.setattr(search_index, "write_browser_files", broken_table)
    search.start(tmp_path / "site", fork=True)  # written in a forked process
    with pytest.raises(OSError, match="schijf vol"):
        search.finish()
    assert not search.copies.exists()


@pytest.mark.slow
def test_a_dirty_build_keeps_every_page_in_the_index(project_copy: Path) -> None:
    """`mkdocs build --dirty` converts only changed pages; the index still has them all."""
    import subprocess
    import sys

    site = project_copy / "site"

    def build(*extra: str) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site), *extra]
        proc = subprocess.run(command, cwd=project_copy, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
        return int(entry["languages"]["nl"]["page_count"])

    full = build()
    page = project_copy / "docs/adviezen/back-ups.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8")
    assert build("--dirty") == full
