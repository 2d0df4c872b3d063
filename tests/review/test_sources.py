"""Source registry, licence gate and drift detection, end to end."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from support.project import FIXED_TODAY, FIXTURES, run_build

from kb.check.project import check_pages
from kb.model.registries import load_registries, sha256_file
from kb.review.snapshot_diff import diff_sections, split_sections
from kb.review.sources import to_text

TRANSLATION = "docs/vertalingen/testvertaling.md"


def kb(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local HTTP server on 127.0.0.1 serving files from a temporary folder."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()


def add_test_source(root: Path, url: str, license_id: str = "OGL-UK-3.0") -> str:
    """Register a test source whose snapshot is the converted v1 page."""
    snapshot = root / "sources/test-advisory.md"
    snapshot.write_text(
        "# Test advisory for schools\n\nSchools should back up their data.\n\n## Passwords\n\n"
        "Use long passwords.\n\n## Updates\n\nInstall updates every month.\n",
        encoding="utf-8",
    )
    sha = sha256_file(snapshot)
    with (root / "data/sources.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            f"\ntest-advisory:\n  title: Test advisory\n  publisher: Test publisher\n"
            f"  url: {url}\n  language: en\n  published: '2025'\n  license: {license_id}\n"
            f"  retrieved: 2026-01-01\n  snapshot: sources/test-advisory.md\n  sha256: {sha}\n"
        )
    return sha


def write_translation(root: Path, sha: str, extra: str = "", reviewers: str = "[]") -> None:
    (root / TRANSLATION).write_text(
        f"""---
title: Testvertaling
description: Een vertaling om de drift te testen.
type: vertaling
roles: [technisch]
topics: [beveiliging]
authors: [Redactie]
reviewed: 2026-11-01
source: test-advisory
translation:
  kind: vertaling
  translators: [Redactie]
  reviewers: {reviewers}
  source_sha256: {sha}
{extra}---

# Testvertaling

Scholen maken best back-ups.

## In de Vlaamse context

Meld incidenten bij CERT.be.
""",
        encoding="utf-8",
    )


def test_html_is_converted_with_a_real_parser() -> None:
    text = to_text((FIXTURES / "sources/bron-v2.html").read_bytes(), "text/html")
    assert "# Test advisory for schools" in text and "## Passwords" in text
    assert "tracking" not in text and "Menu" not in text and "Crown copyright" not in text


def test_pdf_is_converted_with_a_real_extractor() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    text = to_text(buffer.getvalue(), "application/pdf")
    assert text.startswith("## Pagina 1")


def test_section_diff_names_added_removed_and_changed_sections() -> None:
    old = "# A\n\nx\n\n## B\n\nold text.\n\n## C\n\ngone\n"
    new = "# A\n\nx\n\n## B\n\nnew text.\n\n## D\n\nfresh\n"
    diff = diff_sections(old, new)
    assert diff.added == ["A › D"] and diff.removed == ["A › C"]
    assert list(diff.changed) == ["A › B"] and "+new text." in diff.changed["A › B"]
    assert set(split_sections(new)) == {"A", "A › B", "A › D"}


def test_hand_edited_snapshot_fails_naming_the_source(project_copy: Path) -> None:
    registry = yaml.safe_load((project_copy / "data/sources.yml").read_text(encoding="utf-8"))
    source_id, entry = next(iter(registry.items()))
    with (project_copy / entry["snapshot"]).open("a", encoding="utf-8") as handle:
        handle.write("\nMet de hand toegevoegd.\n")
    findings = load_registries(project_copy).findings
    assert any(
        f.code == "snapshot-gewijzigd" and f"Bron `{source_id}`" in f.message for f in findings
    )
    result = run_build(project_copy)
    assert result.returncode != 0
    assert f"Bron `{source_id}`: het archief" in result.output


def test_unknown_licence_fails_naming_the_source(project_copy: Path) -> None:
    add_test_source(project_copy, "https://example.org/", license_id="LicenseRef-Bestaat-Niet")
    findings = load_registries(project_copy).findings
    assert any(
        f.code == "licentie-onbekend" and "Bron `test-advisory`" in f.message for f in findings
    )


@pytest.mark.parametrize(
    ("verdict", "permission", "code"),
    [
        ("permission-required", "", "toestemming-ontbreekt"),
        (
            "permission-required",
            "permission:\n  granted_by: Test publisher\n  date: 2026-10-01\n  reference: brief 12\n",
            None,
        ),
        ("forbidden", "", "licentie-verboden"),
        ("non-commercial", "", None),
    ],
)
def test_licence_gate(project_copy: Path, verdict: str, permission: str, code: str | None) -> None:
    with (project_copy / "data/licenses.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            f"\nLicenseRef-Test:\n  name: Testlicentie\n  url: https://example.org/licentie\n"
            f"  translation: {verdict}\n  attribution: Bron vermelden.\n"
        )
    sha = add_test_source(project_copy, "https://example.org/", license_id="LicenseRef-Test")
    write_translation(project_copy, sha, extra=permission)
    result = kb(project_copy, "check", "--format", "json")
    import json

    codes = {item["code"] for item in json.loads(result.stdout or "[]")}
    if code:
        assert code in codes and result.returncode == 1
    else:
        assert result.returncode == 0, result.stdout


def test_drift_end_to_end(project_copy: Path, served: tuple[str, Path]) -> None:
    base_url, folder = served
    (folder / "advisory.html").write_text(
        (FIXTURES / "sources/v1.html").read_text(encoding="utf-8")
        if (FIXTURES / "sources/v1.html").exists()
        else "<html><body><main><h1>Test advisory for schools</h1><p>Schools should back up "
        "their data.</p><h2>Passwords</h2><p>Use long passwords.</p><h2>Updates</h2><p>Install "
        "updates every month.</p></main></body></html>",
        encoding="utf-8",
    )
    url = f"{base_url}/advisory.html"
    old_sha = add_test_source(project_copy, url)
    write_translation(project_copy, old_sha, reviewers="[Een Nalezer]")

    # Unchanged online: check --fetch reports nothing and exits 0.
    unchanged = kb(project_copy, "sources", "check", "--fetch")
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert "Geen van de" in unchanged.stdout

    # The original changes online.
    (folder / "advisory.html").write_text(
        (FIXTURES / "sources/bron-v2.html").read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = (project_copy / "data/sources.yml").read_text(encoding="utf-8")
    changed = kb(project_copy, "sources", "check", "--fetch", "--format", "markdown")
    assert changed.returncode == 1
    assert "`test-advisory`" in changed.stdout and TRANSLATION in changed.stdout
    assert (project_copy / "data/sources.yml").read_text(encoding="utf-8") == before

    # Update the snapshot: sections reported, hash and date updated, old version archived.
    update = kb(project_copy, "sources", "update", "test-advisory", url)
    assert update.returncode == 0, update.stderr
    assert "+ toegevoegd: Test advisory for schools › Phishing" in update.stdout
    assert "- verwijderd: Test advisory for schools › Updates" in update.stdout
    assert "~ gewijzigd: Test advisory for schools › Passwords" in update.stdout
    registry = yaml.safe_load((project_copy / "data/sources.yml").read_text(encoding="utf-8"))
    new_sha = registry["test-advisory"]["sha256"]
    assert new_sha != old_sha and str(registry["test-advisory"]["retrieved"]) == FIXED_TODAY
    assert new_sha == sha256_file(project_copy / "sources/test-advisory.md")
    assert (project_copy / f"sources/archive/test-advisory/{old_sha}.md").exists()
    assert kb(project_copy, "sources", "check").returncode == 0

    # The build still passes, the page warns, the status page lists it as outdated.
    result = run_build(project_copy)
    assert result.returncode == 0, result.output
    page = result.html("vertalingen/testvertaling/")
    assert "Het origineel is gewijzigd" in page and "28 november 2026" in page
    assert "toegevoegd: Test advisory for schools › Phishing" in page
    status = result.html("status/")
    assert "Testvertaling" in status and "<strong>verouderd</strong>" in status
    assert "bron gewijzigd" in status

    # Updating the translation to the new hash clears the warning.
    write_translation(project_copy, new_sha, reviewers="[Een Nalezer]")
    result = run_build(project_copy)
    assert result.returncode == 0, result.output
    assert "Het origineel is gewijzigd" not in result.html("vertalingen/testvertaling/")
    assert "<strong>nagelezen</strong>" in result.html("status/")


def test_banner_on_every_real_translation(real_site) -> None:  # type: ignore[no-untyped-def]
    from support.project import ROOT

    from kb.model.project import Project

    project = Project.load(ROOT)
    for page in check_pages(project):
        if page.type != "vertaling":
            continue
        html = real_site.html(page.url)
        source = project.registries.sources[page.meta["source"]]
        license_ = project.registries.licenses[source.license]
        assert 'class="kb-banner' in html, page.src
        assert source.url in html and license_.name in html
        assert license_.attribution.split(".")[0] in html
        assert "concept" in html and "Herzien uiterlijk" in html


def test_overdue_page_shows_notice_without_failing(project_copy: Path) -> None:
    result = run_build(project_copy, today="2028-06-01")
    assert result.returncode == 0, result.output
    html = result.html("adviezen/back-ups/")
    assert "Mogelijk verouderd" in html and "28 november 2027" in html
    assert "te herzien" in result.html("status/")
