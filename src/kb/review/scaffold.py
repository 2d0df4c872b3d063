"""``kb new``: a new page from the template of its type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kb.check.page_rules import suggest_slug
from kb.model.files import safe_path
from kb.model.project import Project
from kb.model.schema import SCAN_TYPE
from kb.model.zelfscans import SCANS_DIR
from kb.render.page_templates import render_template

_FOLDER_PART = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """A Dutch message for the contributor."""


@dataclass
class Scaffold:
    path: Path
    text: str


def new_page(
    project: Project,
    page_type: str,
    title: str,
    roles: list[str] | None = None,
    topics: list[str] | None = None,
    source: str | None = None,
    section: str | None = None,
) -> Scaffold:
    vocabulary = project.vocabulary
    if page_type not in vocabulary.keys("types"):
        raise ScaffoldError(
            f"Onbekend type `{page_type}`. Kies uit: {', '.join(vocabulary.keys('types'))}."
        )
    for name, values in (("roles", roles or []), ("topics", topics or [])):
        unknown = [v for v in values if v not in vocabulary.keys(name)]
        if unknown:
            label = "rol" if name == "roles" else "thema"
            raise ScaffoldError(
                f"Onbekende {label} {', '.join(unknown)}. Kies uit: "
                f"{', '.join(vocabulary.keys(name))}."
            )
    if source and source not in project.registries.sources:
        known = ", ".join(sorted(project.registries.sources)) or "(nog geen bronnen)"
        raise ScaffoldError(
            f"Bron `{source}` staat niet in data/sources.yml. Bekende bronnen: {known}. "
            "Voeg een nieuwe bron toe met `kb sources update ID BESTAND_OF_URL`."
        )
    if page_type == SCAN_TYPE:
        return _new_scan(project, title, roles, topics)
    term = vocabulary.term("types", page_type)
    folder = (section or (term.section if term else "")).strip().strip("/")
    if not folder:
        raise ScaffoldError(f"Geef met --dir aan in welke sectie een `{page_type}` hoort.")
    if not all(_FOLDER_PART.match(part) for part in folder.split("/")):
        raise ScaffoldError(
            f"`{section}` is geen map onder docs/: gebruik een pad als `adviezen` of "
            "`themas/cloud`, met kleine letters, cijfers en koppeltekens (geen `..`)."
        )
    slug = suggest_slug(title.strip() + ".md")
    target = safe_path(project.docs_dir, f"{folder}/{slug}")
    if target is None:
        raise ScaffoldError(f"`{folder}` bevat een symbolische link; kies een andere map.")
    if target.exists():
        raise ScaffoldError(
            f"{target.relative_to(project.root)} bestaat al. Kies een andere titel."
        )
    text = render_template(project, page_type, title.strip(), roles, topics, source)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Scaffold(path=target, text=text)


def _new_scan(
    project: Project, title: str, roles: list[str] | None, topics: list[str] | None
) -> Scaffold:
    """A scan is a YAML file in data/zelfscans/ (its page is generated)."""
    slug = suggest_slug(title.strip() + ".yml")
    target = safe_path(project.root, f"{SCANS_DIR}/{slug}")
    if target is None:
        raise ScaffoldError(f"`{SCANS_DIR}` bevat een symbolische link.")
    if target.exists():
        raise ScaffoldError(
            f"{target.relative_to(project.root)} bestaat al. Kies een andere titel."
        )
    text = render_template(project, SCAN_TYPE, title.strip(), roles, topics)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Scaffold(path=target, text=text)
