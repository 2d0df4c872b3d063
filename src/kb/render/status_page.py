"""The maintainers' status page: translations, the review queue and what is still to verify."""

from __future__ import annotations

from datetime import date

from kb.check.network import consent_lapsed
from kb.model import dates
from kb.model.pages import Page, url_for
from kb.model.project import Project
from kb.render.lists import relative_url
from kb.render.markup import esc, front_matter, items, link, table
from kb.review.queue import review_queue
from kb.review.translation_status import translation_status


def status_page(project: Project, today: date) -> str:
    """The maintainers' status page: every translation, the review queue and the open
    points (``to_verify``) per page. Values from pages are escaped (HTML tables)."""

    base = url_for("status/index.md")

    def page_link(page: Page) -> str:
        return link(relative_url(base, page.url), esc(page.title))

    pages = sorted(project.listed_pages(), key=lambda p: p.src)
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
        table(["Sinds", "Pagina", "Type", "Reden"], queue_rows)
        if queue_rows
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
    lapsed = sorted(page.path for page in pages if consent_lapsed(page, today))
    out += [
        "## Profielen zonder geldige toestemming",
        "",
        "Deze profielen worden niet gepubliceerd tot hun `consent.date` vernieuwd is. Alleen "
        "het bestand staat hier, niet de naam.",
        "",
        items(f"<code>{esc(path)}</code>" for path in lapsed) + "\n" if lapsed else "Geen.\n",
    ]
    return "\n".join(out) + "\n"
