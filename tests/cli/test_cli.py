"""The kb command through its real entry point, on temporary copies of the project."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from support.project import FIXED_TODAY, FIXTURES

KB = [sys.executable, "-m", "kb.cli"]


def kb(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    return subprocess.run(
        [*KB, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_passes_on_the_real_project(project_copy: Path) -> None:
    result = kb(project_copy, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "geen problemen gevonden" in result.stderr


def test_new_then_check_flags_unfinished_parts_then_passes_when_filled(
    project_copy: Path,
) -> None:
    result = kb(
        project_copy,
        "new",
        "advies",
        "Wifi: een gastennetwerk op school",
        "--role",
        "technisch",
        "--topic",
        "beveiliging",
    )
    assert result.returncode == 0, result.stderr
    rel = result.stdout.strip()
    assert rel == "docs/adviezen/wifi-een-gastennetwerk-op-school.md"
    page = project_copy / rel

    check = kb(project_copy, "check", rel)
    assert check.returncode == 1
    assert f"{rel}:3: fout: Dit deel is nog niet geschreven" in check.stdout
    unfinished = [line for line in check.stdout.splitlines() if "nog niet geschreven" in line]
    assert len(unfinished) >= 5

    text = page.read_text(encoding="utf-8")
    text = text.replace(
        '"[AANVULLEN: één zin van hoogstens 200 tekens die zegt wat de lezer hier vindt]"',
        "Hoe je gasten wifi geeft zonder je schoolnetwerk open te zetten.",
    )
    text = re.sub(r"\[AANVULLEN: [^\]]*\]", "Ingevulde tekst.", text)
    page.write_text(text, encoding="utf-8")
    check = kb(project_copy, "check", rel)
    assert check.returncode == 0, check.stdout + check.stderr


def test_new_translation_fills_in_the_source_hash(project_copy: Path) -> None:
    import yaml

    sources = yaml.safe_load((project_copy / "data/sources.yml").read_text(encoding="utf-8"))
    source_id, entry = next(iter(sources.items()))
    result = kb(project_copy, "new", "vertaling", "Testvertaling", "--source", source_id)
    assert result.returncode == 0, result.stderr
    text = (project_copy / result.stdout.strip()).read_text(encoding="utf-8")
    assert f"source: {source_id}" in text
    assert f"source_sha256: {entry['sha256']}" in text
    assert "## In de Vlaamse context" in text


def test_new_rejects_unknown_values_in_dutch(project_copy: Path) -> None:
    result = kb(project_copy, "new", "advise", "Iets")
    assert result.returncode == 2 and "Onbekend type `advise`" in result.stderr
    result = kb(project_copy, "new", "advies", "Iets", "--role", "directeur")
    assert result.returncode == 2 and "Onbekende rol directeur" in result.stderr
    result = kb(project_copy, "new", "vertaling", "Iets", "--source", "bestaat-niet")
    assert result.returncode == 2 and "staat niet in data/sources.yml" in result.stderr


def test_check_formats(project_copy: Path) -> None:
    bad = project_copy / "docs/adviezen/onbekend-veld.md"
    bad.write_text((FIXTURES / "bad/onbekend-veld.md").read_text(encoding="utf-8"))
    github = kb(project_copy, "check", "--format", "github")
    assert github.returncode == 1
    assert (
        "::error file=docs/adviezen/onbekend-veld.md,line=5,title=kb check%3A onbekend-veld::"
        "Onbekend veld `rolles`. Bedoelde je `roles`?"
    ) in github.stdout
    as_json = kb(project_copy, "check", "--format", "json")
    items = json.loads(as_json.stdout)
    assert {
        "path": "docs/adviezen/onbekend-veld.md",
        "line": 5,
        "code": "onbekend-veld",
    }.items() <= next(i for i in items if i["code"] == "onbekend-veld").items()


def test_check_outside_a_project_says_so(tmp_path: Path) -> None:
    result = kb(tmp_path, "check")
    assert result.returncode == 2
    assert "Geen kennisbank gevonden" in result.stderr


def test_help_and_usage_errors_are_dutch(project_copy: Path) -> None:
    for args in (["--help"], ["check", "--help"], ["sources", "--help"]):
        result = kb(project_copy, *args)
        assert result.returncode == 0
        assert "Toon deze hulp en stop." in result.stdout, args
        assert "Show this message" not in result.stdout and "Options:" not in result.stdout
    wrong = kb(project_copy, "check", "--format", "nope")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "Fout: Ongeldige waarde voor '--format'" in wrong.stderr
    assert "Probeer 'kb check --help' voor hulp." in wrong.stderr
    missing = kb(project_copy, "new")
    assert missing.returncode == 2 and "Ontbrekend argument 'TYPE'" in missing.stderr
