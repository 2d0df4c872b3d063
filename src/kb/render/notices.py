"""Views: Markdown that the build inserts into pages (never hand-kept lists).

Each view is a pure function of the project's page records; the MkDocs hook only
decides where to insert it.
"""

from __future__ import annotations

import html
from datetime import date, datetime

from kb.model.findings import Finding
from kb.model.pages import Page
from kb.render.markup import admonition, esc, items, with_code
from kb.review.translation_status import TranslationStatus


def error_block(findings: list[Finding]) -> str:
    """An admonition listing a page's problems, shown while serving."""
    findings = [f for f in findings if f.severity != "info"]
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
        admonition(
            "failure",
            f"Deze pagina bevat {count} {noun}",
            intro + "\n" + items(entries),
            "kb-errors",
        )
        + "\n"
    )


# --------------------------------------------------------------------------- translations

LANGUAGES_NL = {
    "en": "Engels", "fr": "Frans", "de": "Duits", "nl": "Nederlands", "es": "Spaans",
    "it": "Italiaans", "pt": "Portugees", "da": "Deens", "sv": "Zweeds", "fi": "Fins",
}  # fmt: skip


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _names(values: list[str]) -> str:
    return ", ".join(_esc(v) for v in values)


def translation_banner(status: TranslationStatus) -> str:
    """The provenance banner at the top of a translated page (HTML, accessible)."""
    from kb.model import dates

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


def outdated_notice(status: TranslationStatus) -> str:
    from kb.model import dates

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


def review_notice(page: Page, today: date) -> str:
    """'Mogelijk verouderd' when a dated page is past its review-by date."""
    from kb.model import dates
    from kb.review.translation_status import is_overdue

    if not is_overdue(page, today):
        return ""
    due = page.review_by
    assert due is not None  # overdue pages have a review-by date
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


def last_updated(changed: datetime | None, today: date) -> str:
    """'Laatst bijgewerkt op …' from the page's last commit (the build date outside git).

    Material shows it at the bottom of the page (partials/source-file.html). The dates of
    all pages come from one `git log` pass (kb.gitdates), which stays linear at scale.
    """
    from kb.model import dates

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
