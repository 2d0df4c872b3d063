"""Maintainer tools: the review queue and the pull-request summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.project import FIXTURES

KB = [sys.executable, "-m", "kb.cli"]


def run(root: Path, *args: str, today: str = "2026-11-28") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": today}
    return subprocess.run(
        [*KB, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_review_queue_with_fixed_dates(project_copy: Path) -> None:
    shutil.copy(FIXTURES / "good/raamcontract-geldig.md", project_copy / "docs/raamcontracten/")
    now = run(project_copy, "review", today="2026-11-28")
    assert now.returncode == 0
    assert "raamcontract-geldig.md  contract loopt af binnen 90 dagen" in now.stdout
    assert "concept: nog niet nagelezen" in now.stdout
    assert "herzieningsdatum voorbij" not in now.stdout
    later = run(project_copy, "review", "--format", "markdown", today="2028-01-01")
    assert (
        "| 2027-11-28 | [Back-ups op school](docs/adviezen/back-ups.md) | advies | herzieningsdatum voorbij |"
        in later.stdout
    )
    days = [line[2:12] for line in later.stdout.splitlines() if line.startswith("| 20")]
    assert days == sorted(days), "oudste eerst"


def test_pr_summary_on_a_temporary_repository(project_copy: Path) -> None:
    git(project_copy, "init", "-q", "-b", "main")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "basis")
    # added, changed and moved pages
    shutil.copy(FIXTURES / "good/advies-geldig.md", project_copy / "docs/adviezen/")
    mfa = project_copy / "docs/adviezen/wachtwoordbeleid-en-mfa.md"
    mfa.write_text(mfa.read_text(encoding="utf-8") + "\nEen extra alinea.\n", encoding="utf-8")
    git(project_copy, "mv", "docs/organisaties/vicli.md", "docs/organisaties/vicli-netwerk.md")
    for md in (project_copy / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if "vicli.md" in text:
            md.write_text(text.replace("vicli.md", "vicli-netwerk.md"), encoding="utf-8")
    shutil.copy(FIXTURES / "bad/onbekend-veld.md", project_copy / "docs/adviezen/")
    result = run(project_copy, "pr-summary", "--base", "main")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "| Toegevoegd | `docs/adviezen/advies-geldig.md` | advies | Testadvies over back-ups |"
        in out
    )
    assert "rollen: technisch; thema's: beveiliging" in out
    assert "| Gewijzigd | `docs/adviezen/wachtwoordbeleid-en-mfa.md` | advies |" in out
    assert (
        "| Verplaatst | `docs/organisaties/vicli.md` → `docs/organisaties/vicli-netwerk.md` |"
        in out
    )
    assert "❌ 2 fouten: regel 1: Verplicht veld `roles` ontbreekt" in out or "❌" in out
    assert "✅ in orde" in out


def test_pr_summary_shows_translation_source_and_licence(project_copy: Path) -> None:
    git(project_copy, "init", "-q", "-b", "main")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "basis")
    page = project_copy / "docs/vertalingen/cisa-k12-cyberveiligheid.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAanvulling.\n", encoding="utf-8")
    out = run(project_copy, "pr-summary", "--base", "main").stdout
    assert "bron: `cisa-k12-2023`" in out and "licentie: toegestaan" in out
    assert "status: **concept**" in out


def test_pr_summary_with_an_unknown_base_says_so(project_copy: Path) -> None:
    git(project_copy, "init", "-q", "-b", "main")
    result = run(project_copy, "pr-summary", "--base", "bestaat-niet")
    assert result.returncode == 2 and "mislukte" in result.stderr


def _with_profile(project_copy: Path) -> Path:
    git(project_copy, "init", "-q", "-b", "main")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "basis")
    people = project_copy / "docs/netwerk/mensen"
    shutil.copy(FIXTURES / "good/profiel-geldig.md", people)
    return people / "profiel-geldig.md"


def _summary(root: Path, author: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": "2026-11-28", "KB_PR_AUTHOR": author}
    command = [*KB, "pr-summary", "--base", "main", *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_pr_summary_flags_a_profile_added_by_someone_else(project_copy: Path) -> None:
    _with_profile(project_copy)
    foreign = _summary(project_copy, "iemand-anders")
    assert foreign.returncode == 0, foreign.stderr
    assert "`docs/netwerk/mensen/profiel-geldig.md`" in foreign.stdout
    assert "profiel van iemand anders dan de auteur" in foreign.stdout
    annotation = _summary(project_copy, "iemand-anders", "--format", "github").stdout
    assert annotation.startswith("::warning file=docs/netwerk/mensen/profiel-geldig.md,line=")
    assert "consent.via" in annotation
    # The person who opened the pull request about themselves: no flag (case-insensitive).
    own = _summary(project_copy, "TestPersoon")
    assert "profiel van iemand anders" not in own.stdout
    assert _summary(project_copy, "testpersoon", "--format", "github").stdout == ""


def test_consent_reminder_mentions_logins_lapsing_within_60_days(project_copy: Path) -> None:
    profile = _with_profile(project_copy)  # consent 2026-10-01: until 2028-10-01
    early = run(project_copy, "netwerk", "toestemming", today="2028-07-01")
    assert early.returncode == 0, early.stderr
    assert "Geen profielen" in early.stdout
    due = run(project_copy, "netwerk", "toestemming", today="2028-08-15")
    assert "@testpersoon: `docs/netwerk/mensen/profiel-geldig.md`, tot 1 oktober 2028" in due.stdout
    assert "consent.date" in due.stdout
    wider = run(project_copy, "netwerk", "toestemming", "--dagen", "120", today="2028-07-01")
    assert "@testpersoon" in wider.stdout
    # Already lapsed: no longer published, so no reminder either.
    assert (
        "@testpersoon" not in run(project_copy, "netwerk", "toestemming", today="2028-10-02").stdout
    )
    assert profile.exists()
