"""Findings kept between runs (``.cache/kb-controles``): a run from them reports what a
run without them reports, and whatever a page's findings depend on besides its own text
(the other files, the data) still counts."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from support.project import FIXED_TODAY

from kb.check import project as check_project
from kb.check.project import check_pages
from kb.model.project import Project

LINKING = "docs/artikels/digisprong.md"


def _findings(root: Path, workers: int = 1) -> dict[str, list[str]]:
    project = Project.load(root, root / "docs")
    pages = check_pages(project, workers=workers)
    return {page.src: [finding.as_text() for finding in page.findings] for page in pages}


def _not_checked(*args: object) -> None:
    raise AssertionError("deze pagina had uit de bewaarde bevindingen moeten komen")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KB_CACHE", str(folder))
    monkeypatch.setenv("KB_TODAY", FIXED_TODAY)
    return folder / "kb-controles"


def test_a_run_from_kept_findings_reports_the_same(
    project_copy: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = project_copy / LINKING
    page.write_text(page.read_text(encoding="utf-8") + "\n[Lees](nergens.md)\n", "utf-8")
    first = _findings(project_copy)
    assert any("nergens.md" in text for text in first["artikels/digisprong.md"])
    assert len(list(cache.glob("*/*.json"))) == len(first)

    with monkeypatch.context() as patched:  # the second run checks nothing again
        patched.setattr(check_project, "validate_page", _not_checked)
        assert _findings(project_copy) == first
        assert _findings(project_copy, workers=2) == first


def test_a_new_file_or_changed_data_checks_every_page_again(
    project_copy: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = project_copy / LINKING
    page.write_text(page.read_text(encoding="utf-8") + "\n[Lees](nergens.md)\n", "utf-8")
    assert any("nergens.md" in text for text in _findings(project_copy)["artikels/digisprong.md"])

    # The link target appears: the page itself did not change, its finding goes.
    (project_copy / "docs/artikels/nergens.md").write_bytes(page.read_bytes())
    found = _findings(project_copy)["artikels/digisprong.md"]
    assert not any("nergens.md" in text for text in found), found

    # A role the page uses is renamed in the vocabulary: the page gets a finding.
    vocabulary = project_copy / "data/vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("  budgetbeheerder:", "  budgethouder:"), "utf-8")
    found = _findings(project_copy)["artikels/digisprong.md"]
    assert any("budgetbeheerder" in text for text in found), found


def test_a_damaged_entry_is_checked_again(project_copy: Path, cache: Path) -> None:
    page = project_copy / LINKING
    page.write_text(page.read_text(encoding="utf-8") + "\n[Lees](nergens.md)\n", "utf-8")
    first = _findings(project_copy)
    damaged = [
        '{"findings": [{"path": "x"',
        '{"format": 1}',
        '{"format": 1, "findings": [{"path": "x", "line": "1", "code": "c", "message": "m"}]}',
        '{"format": 1, "findings": [{"pad": "x"}]}',
        '{"format": 1, "findings": [1]}',
    ]
    for entry, text in zip(sorted(cache.glob("*/*.json")), damaged, strict=False):
        entry.write_text(text, encoding="utf-8")
    assert _findings(project_copy) == first


def test_a_full_check_drops_the_entries_of_pages_that_are_gone(
    project_copy: Path, cache: Path
) -> None:
    before = _findings(project_copy)
    for entry in cache.glob("*/*.json"):  # written a minute ago
        os.utime(entry, (time.time() - 60, time.time() - 60))
    (project_copy / LINKING).unlink()
    after = _findings(project_copy)
    assert len(after) == len(before) - 1
    # Removing the page changed every page's context: only this run's entries are left.
    assert len(list(cache.glob("*/*.json"))) == len(after)
