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
from kb.markup import admonition, esc, items, link, table, with_code
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
    intro = (
        "<p>Zolang deze problemen niet opgelost zijn, faalt de bouw van de site "
        "(<code>make build</code>). Uitleg bij elk veld staat in de veldenreferentie "
        "(Bijdragen → Velden).</p>"
    )
    entries = [
        f"<strong>{f'Regel {f.line}' if f.line else 'Bestand'}:</strong> {with_code(f.message)}"
        for f in findings
    ]
    return (
        admonition("failure", f"Deze pagina bevat {count} {noun}", intro + "\n" + items(entries),
                   "kb-errors")
        + "\n"
    )


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
        "",
        f"    De bron werd{when} opnieuw gearchiveerd en verschilt van de versie die deze "
        "pagina volgt. Tot iemand de vertaling bijwerkt, kan ze achterlopen op het origineel.",
    ]
    text = "<p>" + " ".join(line.strip() for line in lines[1:]) + "</p>"
    if status.diff and not status.diff.is_empty:
        changes = [f"toegevoegd: {esc(n)}" for n in status.diff.added]
        changes += [f"gewijzigd: {esc(n)}" for n in status.diff.changed]
        changes += [f"verwijderd: {esc(n)}" for n in status.diff.removed]
        text += "\n<p>Gewijzigde secties in het origineel:</p>\n" + items(changes)
    return admonition("warning", "Het origineel is gewijzigd", text) + "\n"


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



def status_page(project, today) -> str:  # type: ignore[no-untyped-def]
    """The maintainers' status page: every translation, the review queue and the open
    points (``to_verify``) per page. Values from pages are escaped (HTML tables)."""
    from kb import dates
    from kb.overviews import relative_url
    from kb.pages import url_for
    from kb.status import review_queue, translation_status

    base = url_for("status/index.md")

    def page_link(page: Page) -> str:
        return link(relative_url(base, page.url), esc(page.title))

    pages = sorted(project.pages.values(), key=lambda p: p.src)
    out = [
        front_matter(
            "Status voor beheerders",
            "Alle vertalingen met hun bron, licentie en status, de wachtrij van pagina's die "
            "nagekeken moeten worden en wat nog na te gaan is.",
        ),
        "# Status voor beheerders",
        "",
        f"Gemaakt bij de bouw van {dates.format_date_nl(today)}. Deze pagina wordt nooit met "
        "de hand bijgehouden.",
        "",
        "## Vertalingen",
        "",
    ]
    rows = []
    for page in (p for p in pages if p.type == "vertaling"):
        status = translation_status(page, project.registries, project.root, today)
        source, license_ = status.source, status.license
        verdict = f"{license_.id} ({license_.verdict_label})" if license_ else "onbekend"
        rows.append(
            [
                page_link(page),
                esc(source.title) if source else f"<code>{esc(page.meta.get('source'))}</code>",
                esc(source.publisher) if source else "",
                esc(verdict),
                esc(status.kind),
                f"<strong>{esc(status.state)}</strong>",
                esc(page.reviewed or ""),
                esc(page.review_by or ""),
            ]
        )
    headers = ["Pagina", "Bron", "Uitgever", "Licentie", "Soort", "Status", "Nagekeken",
               "Herzien uiterlijk"]  # fmt: skip
    out.append(table(headers, rows) if rows else "_Geen vertalingen._\n")
    out += [
        "## Wachtrij",
        "",
        "Pagina's waarvan de herzieningsdatum voorbij is, vertalingen waarvan de bron "
        "veranderde, concepten zonder nalezer en raamcontracten die binnen 90 dagen aflopen; "
        "oudste eerst.",
        "",
    ]
    queue = review_queue(pages, project.registries, project.root, today)
    queue_rows = [
        [
            esc(item.since or ""),
            page_link(item.page),
            esc(item.page.type),
            esc(item.reason + (f" ({', '.join(item.details)})" if item.details else "")),
        ]
        for item in queue
    ]
    out.append(
        table(["Sinds", "Pagina", "Type", "Reden"], queue_rows) if queue_rows
        else "Niets in de wachtrij.\n"
    )
    out += [
        "## Nog na te gaan",
        "",
        "Wat de redactie per pagina nog moet bevestigen (het veld `to_verify`).",
        "",
    ]
    open_points = [p for p in pages if p.values("to_verify")]
    out.append(
        items(
            page_link(page) + "\n" + items(esc(point) for point in page.values("to_verify"))
            for page in open_points
        )
        + "\n"
        if open_points
        else "Niets.\n"
    )
    return "\n".join(out) + "\n"


def front_matter(title: str, description: str, page_type: str = "overzicht") -> str:
    """The front matter of a generated page (YAML written by the YAML library)."""
    import yaml

    data = {"title": title, "description": description, "type": page_type}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"



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
    points = page.values("to_verify")
    if not points:
        return ""
    text = (
        "<p>De redactie kon deze punten nog niet bevestigen bij een bron. Weet jij meer? "
        "Meld het via een issue of pas de pagina aan.</p>\n" + items(esc(item) for item in points)
    )
    return admonition("question", "Nog na te gaan", text, "kb-na-te-gaan")
