"""The caches between builds (``.cache/kb-paginas``: converted pages, ``.cache/kb-zoeksleutels``:
search keys): a build from them is the same site as one without them, and whatever a
page depends on besides its own text still counts."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.live_harness import differences
from support.project import ROOT, run_build


@pytest.fixture
def no_cache_setting() -> Iterator[None]:
    saved = os.environ.pop("KB_CACHE", None)
    yield
    if saved is not None:
        os.environ["KB_CACHE"] = saved


def _entries(root: Path, name: str) -> int:
    return sum(1 for _ in (root / ".cache" / name).glob("*/*.json"))


def test_a_build_from_the_caches_is_the_site_without_them(
    project_copy: Path, tmp_path: Path, no_cache_setting: None
) -> None:
    os.environ["KB_CACHE"] = "uit"
    try:
        without = run_build(project_copy)
    finally:
        del os.environ["KB_CACHE"]
    assert without.returncode == 0, without.output
    assert not (project_copy / ".cache" / "kb-paginas").exists()
    shutil.move(without.site, tmp_path / "zonder")

    first = run_build(project_copy)  # fills the caches
    assert first.returncode == 0, first.output
    pages = _entries(project_copy, "kb-paginas")
    assert pages > 100 and _entries(project_copy, "kb-zoeksleutels") > 100
    shutil.move(first.site, tmp_path / "eerste")

    second = run_build(project_copy)  # from the caches
    assert second.returncode == 0, second.output
    assert differences(tmp_path / "zonder", tmp_path / "eerste") == []
    assert differences(tmp_path / "zonder", second.site) == []

    # A page that is gone leaves its entries behind for one build only. (The entries
    # date from a minute ago: pruning spares what was used within a second of the start.)
    for entry in (project_copy / ".cache").glob("*/*/*.json"):
        os.utime(entry, (time.time() - 60, time.time() - 60))
    (project_copy / "docs" / "adviezen" / "back-ups.md").unlink()
    assert run_build(project_copy, strict=False).returncode == 0
    assert _entries(project_copy, "kb-paginas") < pages


# A bare MkDocs project with only the cache hook: what MkDocs itself reports about links
# must come out the same, whether a page's conversion came from the cache or not.


def _bare_project(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        f"site_name: Cachetest\nhooks:\n  - {ROOT / 'hooks' / 'kb_cache.py'}\n", encoding="utf-8"
    )
    (root / "docs" / "index.md").write_text(
        "# Begin\n\nLees [de uitleg](b.md#uitleg) en [het andere](c.md).\n", encoding="utf-8"
    )
    (root / "docs" / "b.md").write_text("# B\n\n## Uitleg\n\nTekst.\n", encoding="utf-8")
    (root / "docs" / "c.md").write_text("# C\n\nTekst.\n", encoding="utf-8")
    return root


def test_a_renamed_link_target_is_reported_though_the_linking_page_did_not_change(
    tmp_path: Path, no_cache_setting: None
) -> None:
    root = _bare_project(tmp_path / "kaal")
    assert run_build(root).returncode == 0
    assert _entries(root, "kb-paginas") == 3
    (root / "docs" / "c.md").rename(root / "docs" / "d.md")
    for _ in range(2):  # also when the build before failed the same way
        result = run_build(root)
        assert result.returncode == 1
        assert "Doc file 'index.md' contains a link 'c.md', but the target" in result.output
    (root / "docs" / "d.md").rename(root / "docs" / "c.md")
    result = run_build(root)
    assert result.returncode == 0, result.output
    assert 'href="c/"' in (result.site / "index.html").read_text(encoding="utf-8")


def test_a_removed_anchor_is_reported_from_a_cached_page(
    tmp_path: Path, no_cache_setting: None
) -> None:
    root = _bare_project(tmp_path / "kaal")
    assert run_build(root).returncode == 0
    (root / "docs" / "b.md").write_text("# B\n\nTekst zonder kopje.\n", encoding="utf-8")
    result = run_build(root)
    message = "contains a link 'b.md#uitleg', but the doc 'b.md' does not contain an anchor"
    assert message in result.output


def test_a_page_with_a_broken_link_says_so_in_every_build(
    tmp_path: Path, no_cache_setting: None
) -> None:
    root = _bare_project(tmp_path / "kaal")
    (root / "docs" / "c.md").write_text("# C\n\nZie [weg](nergens.md).\n", encoding="utf-8")
    for _ in range(2):
        result = run_build(root)
        assert "Doc file 'c.md' contains a link 'nergens.md'" in result.output
        assert result.returncode == 1


def test_a_damaged_entry_is_converted_again(tmp_path: Path, no_cache_setting: None) -> None:
    root = _bare_project(tmp_path / "kaal")
    assert run_build(root).returncode == 0
    entries = sorted((root / ".cache" / "kb-paginas").glob("*/*.json"))
    damaged = ['{"content": "<p>kapot', '{"format": 1, "lookups": {}}', '{"format": 1}']
    for entry, text in zip(entries, damaged, strict=True):
        entry.write_text(text, encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.output
    for name in ("b/index.html", "c/index.html"):
        assert "Tekst" in (result.site / name).read_text(encoding="utf-8")
    assert "Lees" in (result.site / "index.html").read_text(encoding="utf-8")


def test_search_keys_from_kept_or_damaged_entries_are_the_keys_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search of a build from kept keys (or from entries that are damaged, which are
    made again) finds the same words: page keys and the browser's key table are equal."""
    from kb.model.project import Project
    from kb.search.site_search import SiteSearch

    project = Project.load(ROOT, ROOT / "docs")
    sources = project.markdown_sources()[:40]

    def prepared(cache: str) -> tuple[dict[str, list[str]], dict[str, str], set[str]]:
        monkeypatch.setenv("KB_CACHE", cache)
        search = SiteSearch(ROOT)
        search.add_files(sources, project.content, project.read)
        search.remove_copies()
        return search.page_keys, search.maker.table, search.maker.seen

    without = prepared("uit")
    folder = tmp_path / "cache"
    assert prepared(str(folder)) == without  # writes the entries
    entries = sorted((folder / "kb-zoeksleutels").glob("*/*.json"))
    assert len(entries) == len(sources)
    assert prepared(str(folder)) == without  # from the entries
    damaged = [
        '{"keys": ["kapot',
        '{"format": 1, "keys": [], "same": []}',
        '{"format": 1, "keys": [1], "same": [], "table": {}}',
        '{"format": 1, "keys": [], "same": [], "table": {"a": 2}}',
        '{"format": 1, "keys": [], "same": "a", "table": {}}',
    ]
    for entry, text in zip(entries, damaged, strict=False):
        entry.write_text(text, encoding="utf-8")
    assert prepared(str(folder)) == without
