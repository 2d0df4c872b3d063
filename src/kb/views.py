"""Views: Markdown that the build inserts into pages (never hand-kept lists).

Each view is a pure function of the project's page records; the MkDocs hook only
decides where to insert it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from kb import schema
from kb.findings import Finding
from kb.pages import Page

PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z0-9-]+)\s*-->")


def error_block(findings: list[Finding]) -> str:
    """An admonition listing a page's problems, shown while serving."""
    errors = [f for f in findings if f.severity == "error"]
    if not findings:
        return ""
    count = len(errors) or len(findings)
    noun = ("fout" if count == 1 else "fouten") if errors else (
        "waarschuwing" if count == 1 else "waarschuwingen"
    )
    lines = [
        f'!!! failure "Deze pagina bevat {count} {noun}"',
        "    Zolang deze problemen niet opgelost zijn, faalt de bouw van de site "
        "(`make build`). Uitleg bij elk veld staat in de veldenreferentie (Bijdragen → Velden).",
        "",
    ]
    for finding in findings:
        where = f"Regel {finding.line}" if finding.line else "Bestand"
        message = html.escape(finding.message, quote=False)
        lines.append(f"    - **{where}:** {message}")
    lines.append("{ .kb-errors }")
    return "\n".join(lines) + "\n\n"


def expand_placeholders(markdown: str, views: dict[str, Callable[[], str]]) -> str:
    """Replace ``<!-- kb:NAME -->`` with the view NAME (unknown names stay visible)."""

    def replace(match: re.Match[str]) -> str:
        view = views.get(match.group(1))
        if view is None:
            return f"\n!!! failure \"Onbekende generator `{match.group(1)}`\"\n"
        return view()

    return PLACEHOLDER.sub(replace, markdown)


def field_reference(vocabulary) -> str:  # type: ignore[no-untyped-def]
    return schema.reference_markdown(vocabulary)


def page_label(page: Page) -> str:
    return page.title


def templates_markdown(project) -> str:  # type: ignore[no-untyped-def]
    """Every page template, as ``kb new`` would write it."""
    from kb.scaffold import render_template

    out = []
    for page_type in project.vocabulary.keys("types"):
        term = project.vocabulary.term("types", page_type)
        label = term.label if term else page_type
        folder = f" Hoort in `docs/{term.section}/`." if term and term.section else ""
        out.append(f"## {label} (`{page_type}`)\n")
        out.append(f"{term.description if term else ''}{folder}\n")
        text = render_template(project, page_type, "Titel van je pagina")
        out.append("````markdown\n" + text.rstrip("\n") + "\n````\n")
    return "\n".join(out)
