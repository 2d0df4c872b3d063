"""``kb new``: a new page from the template of its type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from kb import dates
from kb.files import safe_path
from kb.project import Project
from kb.validate import UNFINISHED_MARKER, suggest_slug

_FOLDER_PART = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_AUTHOR = "Redactie Kennisbank ICT-coördinatoren"


class ScaffoldError(Exception):
    """A Dutch message for the contributor."""


@dataclass
class Scaffold:
    path: Path
    text: str


def template_text(page_type: str) -> str:
    return resources.files("kb.templates").joinpath(f"{page_type}.md").read_text("utf-8")


def _yaml_list(values: list[str], vocabulary_name: str, project: Project) -> str:
    if values:
        return "[" + ", ".join(values) + "]"
    options = ", ".join(project.vocabulary.keys(vocabulary_name))
    return f"[]  # [{UNFINISHED_MARKER}: kies een of meer van: {options}]"


def render_template(
    project: Project,
    page_type: str,
    title: str,
    roles: list[str] | None = None,
    topics: list[str] | None = None,
    source: str | None = None,
    author: str = DEFAULT_AUTHOR,
) -> str:
    today = dates.today()
    source_id = source or f'"[{UNFINISHED_MARKER}: id van de bron in data/sources.yml]"'
    registered = project.registries.sources.get(source or "")
    sha = registered.sha256 if registered else f'"[{UNFINISHED_MARKER}: sha256 van de bron]"'
    values = {
        "title": _yaml_title(title),
        "roles": _yaml_list(roles or [], "roles", project),
        "topics": _yaml_list(topics or [], "topics", project),
        "author": author,
        "today": today.isoformat(),
        "today_nl": dates.format_date_nl(today),
        "source": source_id,
        "source_sha256": sha,
    }
    text = Template(template_text(page_type)).safe_substitute(values)
    # The heading repeats the title without YAML quoting.
    return text.replace(f"# {values['title']}\n", f"# {title}\n")


def _yaml_title(title: str) -> str:
    needs_quotes = any(ch in title for ch in ":#[]{},&*!|>'\"%@`") or title != title.strip()
    return '"' + title.replace('"', '\\"') + '"' if needs_quotes else title


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
