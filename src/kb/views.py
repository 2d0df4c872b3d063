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
    noun = (
        ("fout" if count == 1 else "fouten")
        if errors
        else ("waarschuwing" if count == 1 else "waarschuwingen")
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
            return f'\n!!! failure "Onbekende generator `{match.group(1)}`"\n'
        return view()

    return PLACEHOLDER.sub(replace, markdown)


def field_reference(vocabulary) -> str:  # type: ignore[no-untyped-def]
    return schema.reference_markdown(vocabulary)


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


# --------------------------------------------------------------------------- translations

LANGUAGES_NL = {
    "en": "Engels", "fr": "Frans", "de": "Duits", "nl": "Nederlands", "es": "Spaans",
    "it": "Italiaans", "pt": "Portugees", "da": "Deens", "sv": "Zweeds", "fi": "Fins",
}  # fmt: skip


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _names(values: list[str]) -> str:
    return ", ".join(_esc(v) for v in values)


def translation_banner(status) -> str:  # type: ignore[no-untyped-def]
    """The provenance banner at the top of a translated page (HTML, accessible)."""
    from kb import dates

    page, source, license_ = status.page, status.source, status.license
    kind = status.kind or "vertaling"
    kind_label = "Bewerking" if kind == "bewerking" else "Vertaling"
    state = status.state
    rows: list[tuple[str, str]] = []
    if source:
        language = LANGUAGES_NL.get(source.language.split("-")[0], source.language)
        rows.append(
            (
                "Origineel",
                f'<a href="{_esc(source.url)}" hreflang="{_esc(source.language)}">'
                f"{_esc(source.title)}</a> — {_esc(source.publisher)} ({_esc(language)}, "
                f"{_esc(source.published)})",
            )
        )
    if license_:
        rows.append(
            (
                "Licentie",
                (
                    f'<a href="{_esc(license_.url)}">{_esc(license_.name)}</a>. '
                    if license_.url
                    else f"{_esc(license_.name)}. "
                )
                + _esc(license_.attribution),
            )
        )
    verb = "Bewerkt door" if kind == "bewerking" else "Vertaald door"
    rows.append((verb, _names(status.translators) or "onbekend"))
    rows.append(
        (
            "Nagelezen door",
            _names(status.reviewers) or "nog niemand: dit is een <strong>concept</strong>",
        )
    )
    reviewed, due = page.reviewed, page.review_by
    if reviewed:
        rows.append(
            ("Nagekeken op", f'<time datetime="{reviewed}">{dates.format_date_nl(reviewed)}</time>')
        )
    if due:
        rows.append(
            ("Herzien uiterlijk", f'<time datetime="{due}">{dates.format_date_nl(due)}</time>')
        )
    explanation = (
        "Deze pagina vat een buitenlands advies samen en past het aan voor Vlaamse scholen."
        if kind == "bewerking"
        else "Deze pagina is een vertaling van een buitenlands advies."
    )
    parts = [
        f'<aside class="kb-banner kb-banner--{_esc(state.replace(" ", "-"))}" '
        f'aria-label="Over deze {kind_label.lower()}">',
        f'<p class="kb-banner__title"><strong>{kind_label}</strong> · status: '
        f'<span class="kb-badge kb-badge--{_esc(state.replace(" ", "-"))}">{_esc(state)}</span></p>',
        f"<p>{explanation} Passages die niet in het origineel staan, zijn gemarkeerd als "
        "<em>Vlaamse aanvulling</em>.</p>",
        "<dl>",
    ]
    for term, value in rows:
        parts.append(f"<dt>{term}</dt><dd>{value}</dd>")
    parts.append("</dl>")
    parts.append("</aside>")
    out = "\n".join(parts) + "\n\n"
    if status.outdated:
        out += outdated_notice(status)
    return out


def outdated_notice(status) -> str:  # type: ignore[no-untyped-def]
    from kb import dates

    since = dates.parse_date(status.changed_since)
    when = f" op {dates.format_date_nl(since)}" if since else ""
    lines = [
        '!!! warning "Het origineel is gewijzigd"',
        f"    De bron werd{when} opnieuw gearchiveerd en verschilt van de versie die deze "
        "pagina volgt. Tot iemand de vertaling bijwerkt, kan ze achterlopen op het origineel.",
    ]
    if status.diff and not status.diff.is_empty:
        lines.append("")
        lines.append("    Gewijzigde secties in het origineel:")
        lines.append("")
        for name in status.diff.added:
            lines.append(f"    - toegevoegd: {html.escape(name)}")
        for name in status.diff.changed:
            lines.append(f"    - gewijzigd: {html.escape(name)}")
        for name in status.diff.removed:
            lines.append(f"    - verwijderd: {html.escape(name)}")
    return "\n".join(lines) + "\n\n"


def review_notice(page: Page, today) -> str:  # type: ignore[no-untyped-def]
    """'Mogelijk verouderd' when a dated page is past its review-by date."""
    from kb import dates
    from kb.status import is_overdue

    if not is_overdue(page, today):
        return ""
    due = page.review_by
    reviewed = page.reviewed
    checked = (
        f" De inhoud werd het laatst nagekeken op {dates.format_date_nl(reviewed)}."
        if reviewed
        else ""
    )
    return (
        '!!! warning "Mogelijk verouderd"\n'
        f"    Deze pagina had uiterlijk op {dates.format_date_nl(due)} opnieuw nagekeken moeten "
        f"worden.{checked} Controleer de feiten bij de bronnen voor je ze gebruikt.\n\n"
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Insert ``block`` right after the page's first-level heading (or at the top)."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    for index, line in enumerate(lines[:40]):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", block.rstrip("\n"), ""] + lines[index + 1 :])
    return block + markdown


def _link(from_src: str, page: Page) -> str:
    import posixpath

    base = posixpath.dirname(from_src) or "."
    return posixpath.relpath(page.src, base)


def status_page(project, today) -> str:  # type: ignore[no-untyped-def]
    """The maintainers' status page: every translation and the review queue."""
    from kb import dates
    from kb.status import review_queue, translation_status

    here = "status/index.md"
    pages = sorted(project.pages.values(), key=lambda p: p.src)
    out = [
        "---",
        "title: Status voor beheerders",
        "description: Alle vertalingen met hun bron, licentie en status, en de wachtrij van "
        "pagina's die nagekeken moeten worden.",
        "type: overzicht",
        "---",
        "",
        "# Status voor beheerders",
        "",
        f"Gemaakt bij de bouw van {dates.format_date_nl(today)}. Deze pagina wordt nooit met "
        "de hand bijgehouden.",
        "",
        "## Vertalingen",
        "",
        "| Pagina | Bron | Uitgever | Licentie | Soort | Status | Nagekeken | Herzien uiterlijk |",
        "|---|---|---|---|---|---|---|---|",
    ]
    translations = [p for p in pages if p.type == "vertaling"]
    for page in translations:
        status = translation_status(page, project.registries, project.root, today)
        source = status.source
        license_ = status.license
        verdict = f"{license_.id} ({license_.verdict_label})" if license_ else "onbekend"
        out.append(
            f"| [{_cell(page.title)}]({_link(here, page)}) "
            f"| {_cell(source.title) if source else '`' + str(page.meta.get('source')) + '`'} "
            f"| {_cell(source.publisher) if source else ''} | {_cell(verdict)} "
            f"| {status.kind} | **{status.state}** "
            f"| {page.reviewed or ''} | {page.review_by or ''} |"
        )
    if not translations:
        out.append("| _geen vertalingen_ | | | | | | | |")
    out += [
        "",
        "## Wachtrij",
        "",
        "Pagina's waarvan de herzieningsdatum voorbij is, vertalingen waarvan de bron "
        "veranderde, concepten zonder nalezer en raamcontracten die binnen 90 dagen aflopen; "
        "oudste eerst.",
        "",
    ]
    queue = review_queue(pages, project.registries, project.root, today)
    if not queue:
        out.append("Niets in de wachtrij.")
    else:
        out += ["| Sinds | Pagina | Type | Reden |", "|---|---|---|---|"]
        for item in queue:
            detail = f" ({_cell(', '.join(item.details))})" if item.details else ""
            out.append(
                f"| {item.since or ''} | [{_cell(item.page.title)}]({_link(here, item.page)}) "
                f"| {item.page.type} | {item.reason}{detail} |"
            )
    out += [
        "",
        "## Nog na te gaan",
        "",
        "Wat de redactie per pagina nog moet bevestigen (het veld `to_verify`).",
        "",
    ]
    open_points = [p for p in pages if p.values("to_verify")]
    if not open_points:
        out.append("Niets.")
    for page in open_points:
        out.append(f"- [{_cell(page.title)}]({_link(here, page)})")
        out += [f"    - {html.escape(item, quote=False)}" for item in page.values("to_verify")]
    return "\n".join(out) + "\n"


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def last_updated(changed, today) -> str:  # type: ignore[no-untyped-def]
    """'Laatst bijgewerkt op …' from the page's last commit (the build date outside git).

    Material shows it at the bottom of the page (partials/source-file.html). The dates of
    all pages come from one `git log` pass (kb.gitdates), which stays linear at scale.
    """
    from kb import dates

    day = changed.date() if changed else today
    return (
        f'Laatst bijgewerkt op <time datetime="{day.isoformat()}">'
        f"{dates.format_date_nl(day)}</time>"
    )


def to_verify_box(page: Page) -> str:
    """The one 'Nog na te gaan' box at the end of a page, from its ``to_verify`` field."""
    items = page.values("to_verify")
    if not items:
        return ""
    lines = [
        '!!! question "Nog na te gaan"',
        "    De redactie kon deze punten nog niet bevestigen bij een bron. Weet jij meer? "
        "Meld het via een issue of pas de pagina aan.",
        "",
    ]
    lines += [f"    - {html.escape(item, quote=False)}" for item in items]
    return "\n".join(lines) + "\n"
