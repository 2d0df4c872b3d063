"""The skeleton of a new page of each type (``kb new`` writes it; the contributor guide
shows it), from ``kb/templates/<type>.md``."""

from __future__ import annotations

from importlib import resources
from string import Template

from kb.check.page_rules import UNFINISHED_MARKER
from kb.model import dates
from kb.model.project import Project

DEFAULT_AUTHOR = "Redactie Kennisbank ICT-coördinatoren"


# Types whose files are YAML data, not Markdown pages (a scan lives in data/zelfscans/).
DATA_TEMPLATES = {"zelfscan": "yml"}


def template_text(page_type: str) -> str:
    extension = DATA_TEMPLATES.get(page_type, "md")
    return resources.files("kb.templates").joinpath(f"{page_type}.{extension}").read_text("utf-8")


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
