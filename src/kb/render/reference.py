"""The contributor guide's generated parts: the field reference and the templates, placed
with a ``<!-- kb:NAME -->`` marker in a page."""

from __future__ import annotations

import re
from collections.abc import Callable

from kb.model import schema
from kb.model.project import Project
from kb.model.vocabulary import Vocabulary

PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z0-9-]+)\s*-->")


def expand_placeholders(markdown: str, views: dict[str, Callable[[], str]]) -> str:
    """Replace ``<!-- kb:NAME -->`` with the view NAME (unknown names stay visible)."""

    def replace(match: re.Match[str]) -> str:
        view = views.get(match.group(1))
        if view is None:
            return f'\n!!! failure "Onbekende generator `{match.group(1)}`"\n'
        return view()

    return PLACEHOLDER.sub(replace, markdown)


def field_reference(vocabulary: Vocabulary) -> str:
    return schema.reference_markdown(vocabulary)


def templates_markdown(project: Project) -> str:
    """Every page template, as ``kb new`` would write it."""
    from kb.model.zelfscans import SCANS_DIR
    from kb.render.page_templates import DATA_TEMPLATES, render_template

    out = []
    for page_type in project.vocabulary.keys("types"):
        term = project.vocabulary.term("types", page_type)
        label = term.label if term else page_type
        folder = f" Hoort in `docs/{term.section}/`." if term and term.section else ""
        language = "markdown"
        if page_type in DATA_TEMPLATES:
            folder = f" Een bestand in `{SCANS_DIR}/`; de site maakt er de pagina van."
            language = "yaml"
        out.append(f"## {label} (`{page_type}`)\n")
        out.append(f"{term.description if term else ''}{folder}\n")
        text = render_template(project, page_type, "Titel van je pagina")
        out.append(f"````{language}\n" + text.rstrip("\n") + "\n````\n")
    return "\n".join(out)
