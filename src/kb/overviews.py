"""Generated overviews: lists per role, topic, level and type; agenda; contracts; recent."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from html import escape

from kb import dates
from kb.glossary import mark_abbreviations
from kb.markup import admonition, esc, items, link, table
from kb.pages import Page, url_for
from kb.schema import LISTED_TYPES
from kb.search_keys import UNINDEXED_LIST
from kb.vocabulary import Vocabulary

ENDING_SOON_DAYS = 90


def rel(from_src: str, page: Page | str) -> str:
    target = page.src if isinstance(page, Page) else page
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")


def levels_of(page: Page, vocabulary: Vocabulary) -> list[str]:
    return page.values("levels") or vocabulary.keys("levels")



def _levels_label(page: Page, vocabulary: Vocabulary) -> str:
    if not page.values("levels"):
        return "alle niveaus"
    return ", ".join(vocabulary.label("levels", lvl) for lvl in page.values("levels"))


def _date_label(page: Page) -> str:
    reviewed = page.reviewed
    return f"nagekeken {dates.format_date_nl(reviewed)}" if reviewed else ""


def page_list(
    pages: Iterable[Page],
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    """Pages grouped by type: linked title, description, type, levels, date.

    The headings are Markdown (they belong in the table of contents); each list is an
    HTML block with the pages' final URLs, because hundreds of generated Markdown links
    per overview made these few pages a tenth of the whole conversion time. Abbreviations
    of the ``glossary`` get their tooltip, as in Markdown.
    """
    by_type: dict[str, list[Page]] = {}
    for page in pages:
        by_type.setdefault(page.type, []).append(page)
    if not by_type:
        return "_Nog geen pagina's._\n"
    base = url_for(from_src)
    out: list[str] = []
    for page_type in vocabulary.keys("types"):
        group = sorted(by_type.get(page_type, []), key=lambda p: p.title.lower())
        if not group:
            continue
        term = vocabulary.term("types", page_type)
        out.append(f"### {term.plural if term and term.plural else page_type} ({len(group)})\n")
        out.append(UNINDEXED_LIST)  # searching finds the pages, not every list of them
        for page in group:
            bits = [vocabulary.label("types", page.type), _levels_label(page, vocabulary)]
            if _date_label(page):
                bits.append(_date_label(page))
            title = mark_abbreviations(escape(page.title), glossary or {})
            description = mark_abbreviations(escape(page.description), glossary or {})
            out.append(
                f'<li><a href="{escape(relative_url(base, page.url))}">{title}</a>'
                f" — {description}<br>\n"
                f"  <small>{escape(' · '.join(bits))}</small></li>"
            )
        out.extend(["</ul>", ""])
    return "\n".join(out) + "\n"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one directory URL to another (``rollen/planner/`` to
    ``adviezen/back-ups/``: ``../../adviezen/back-ups/``), as MkDocs writes them."""
    path = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if path == "." else f"{path}/"


def listed(pages: Iterable[Page]) -> list[Page]:
    return [p for p in pages if p.type in LISTED_TYPES and p.meta]


def role_section(
    pages: list[Page],
    role: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if role in p.values("roles")]
    label = vocabulary.label("roles", role)
    return f"\n## Alle pagina's voor de rol {label.lower()}\n\n" + page_list(
        chosen, from_src, vocabulary, glossary
    )


def topic_section(
    pages: list[Page],
    topic: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if topic in p.values("topics")]
    label = vocabulary.label("topics", topic)
    return f"\n## Alle pagina's over {label.lower()}\n\n" + page_list(
        chosen, from_src, vocabulary, glossary
    )


def level_page(
    pages: list[Page],
    level: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    src = f"niveaus/{level}.md"
    term = vocabulary.term("levels", level)
    label = term.label if term else level
    chosen = [p for p in listed(pages) if level in levels_of(p, vocabulary)]
    from kb.views import front_matter

    return (
        front_matter(label, f"Alle pagina's die gelden voor {label.lower()}.")
        + f"\n# {esc(label)}\n\n"
        f"Alle pagina's die gelden voor {esc(label.lower())}, ook de pagina's zonder niveau "
        "(die gelden voor alle niveaus). Deze lijst wordt bij elke bouw gemaakt.\n\n"
        + page_list(chosen, src, vocabulary, glossary)
    )


def level_links(vocabulary: Vocabulary) -> str:
    links = [
        link(f"{level}/", esc(vocabulary.label("levels", level)))
        for level in vocabulary.keys("levels")
    ]
    return "\n## Per niveau\n\n" + items(links) + "\n"


def type_section(
    pages: list[Page],
    page_type: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if p.type == page_type]
    term = vocabulary.term("types", page_type)
    title = term.plural if term and term.plural else page_type
    return f"\n## Alle {title.lower()}\n\n" + page_list(chosen, from_src, vocabulary, glossary)


# --------------------------------------------------------------------------- agenda


def event_start(page: Page) -> datetime | None:
    return dates.parse_datetime(page.meta.get("start"))


def event_end(page: Page) -> datetime | None:
    return dates.parse_datetime(page.meta.get("end"))


def is_confirmed(page: Page) -> bool:
    return page.meta.get("date_confirmed", True) is not False and event_start(page) is not None


def split_events(pages: list[Page], today: date) -> tuple[list[Page], list[Page], list[Page]]:
    """(upcoming, unconfirmed, past) relative to ``today``."""
    events = [p for p in pages if p.type == "evenement" and p.meta]
    upcoming, unconfirmed, past = [], [], []
    for page in events:
        if not is_confirmed(page):
            unconfirmed.append(page)
            continue
        end = event_end(page) or event_start(page)
        assert end is not None
        (upcoming if end.date() >= today else past).append(page)
    upcoming.sort(key=lambda p: event_start(p))  # type: ignore[arg-type, return-value]
    past.sort(key=lambda p: event_start(p), reverse=True)  # type: ignore[arg-type, return-value]
    unconfirmed.sort(key=lambda p: p.title.lower())
    return upcoming, unconfirmed, past


def _when(page: Page) -> str:
    start, end = event_start(page), event_end(page)
    if not start:
        return "datum nog niet bevestigd"
    text = f"{dates.format_date_nl(start.date())}, {start:%H.%M}"
    if end and end.date() == start.date():
        text += f"–{end:%H.%M} uur"
    elif end:
        text += f" tot {dates.format_date_nl(end.date())}"
    return text


def agenda_section(pages: list[Page], from_src: str, today: date) -> str:
    upcoming, unconfirmed, past = split_events(pages, today)
    base = url_for(from_src)

    def title(page: Page) -> str:
        return link(relative_url(base, page.url), esc(page.title))

    out = ["\n## Komende evenementen\n"]
    if upcoming:
        out.append(
            items(
                f"<strong>{esc(_when(page))}</strong> — {title(page)}, "
                f"{esc(page.meta.get('location', ''))} ({esc(page.meta.get('organizer', ''))})"
                for page in upcoming
            )
        )
    else:
        out.append("_Er zijn geen komende evenementen met een bevestigde datum._")
    out.append("\n## Datum nog niet bevestigd\n")
    if unconfirmed:
        out.append(
            items(
                f"{title(page)} — <strong>datum niet bevestigd</strong>"
                + (f": {esc(page.meta['expected'])}" if page.meta.get("expected") else "")
                for page in unconfirmed
            )
        )
    else:
        out.append("_Geen._")
    out.append("\n## Voorbije evenementen\n")
    if past:
        out.append(items(f"{esc(_when(page))} — {title(page)}" for page in past))
    else:
        out.append("_Geen._")
    out.append(
        f"\nAbonneer je op de [agenda in iCalendar-formaat]({rel(from_src, 'agenda.ics')}) "
        "(alleen evenementen met een bevestigde datum).\n"
    )
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- contracts


def contract_state(page: Page, today: date) -> str:
    """'afgelopen', 'loopt af' (within 90 days) or 'lopend'."""
    end = dates.parse_date(page.meta.get("end"))
    if end and end < today:
        return "afgelopen"
    if end and end <= dates.plus_days(today, ENDING_SOON_DAYS):
        return "loopt af"
    return "lopend"


def contracts_section(pages: list[Page], from_src: str, today: date, vocabulary: Vocabulary) -> str:
    contracts = sorted(
        (p for p in pages if p.type == "raamcontract" and p.meta), key=lambda p: p.title.lower()
    )
    base = url_for(from_src)
    headers = ["Contract", "Aankoopcentrale", "Leveranciers", "Categorie", "Soort",
               "Wie mag instappen", "Einde", "Nagekeken"]  # fmt: skip

    def row(page: Page) -> list[str]:
        meta = page.meta
        end = dates.parse_date(meta.get("end"))
        end_text = esc(dates.format_date_nl(end) if end else "niet bevestigd")
        if contract_state(page, today) == "loopt af":
            end_text = f"<strong>⚠ loopt af: {end_text}</strong>"
        suppliers = ", ".join(page.values("suppliers")) or "niet bevestigd"
        kind = vocabulary.label("contract_kinds", str(meta.get("contract_kind", "")))
        reviewed = page.reviewed
        return [
            link(relative_url(base, page.url), esc(page.title)),
            esc(meta.get("purchaser", "")),
            esc(suppliers),
            esc(meta.get("category", "")),
            esc(kind),
            esc(meta.get("eligible", "")),
            end_text,
            esc(dates.format_date_nl(reviewed) if reviewed else ""),
        ]

    active = [p for p in contracts if contract_state(p, today) != "afgelopen"]
    ended = [p for p in contracts if contract_state(p, today) == "afgelopen"]
    out = ["\n## Lopende raamcontracten\n"]
    out.append(table(headers, [row(p) for p in active]) if active else "_Geen._")
    out.append("\n## Afgelopen\n")
    out.append(table(headers, [row(p) for p in ended]) if ended else "_Geen._")
    out.append(
        f"\nContracten die binnen {ENDING_SOON_DAYS} dagen aflopen, zijn gemarkeerd met ⚠. "
        "Prijzen en voorwaarden veranderen: kijk ze altijd na bij de aankoopcentrale.\n"
    )
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- home


def recent_section(
    pages: list[Page], changed: dict[str, datetime], from_src: str, limit: int = 8
) -> str:
    dated = [(changed[p.src], p) for p in listed(pages) if p.src in changed]
    if not dated:  # outside git (a copy of the project): fall back to the review dates
        dated = [
            (datetime.combine(p.reviewed, datetime.min.time()), p)
            for p in listed(pages)
            if p.reviewed
        ]
    dated.sort(key=lambda item: (item[0], item[1].src), reverse=True)
    out = ["\n## Recent toegevoegd of bijgewerkt\n"]
    if not dated:
        out.append("_Nog geen geschiedenis beschikbaar._")
    base = url_for(from_src)
    if dated:
        out.append(
            items(
                f"{esc(dates.format_date_nl(when.date()))} — "
                f"{link(relative_url(base, page.url), esc(page.title))} "
                f"<small>({esc(page.type)})</small>"
                for when, page in dated[:limit]
            )
        )
    return "\n".join(out) + "\n"


def event_facts(page: Page) -> str:
    """The facts block at the top of an event page (when, where, who, calendar link)."""
    meta = page.meta
    if is_confirmed(page):
        ics = page.src.removesuffix(".md").split("/")[-1] + ".ics"
        # The page is served at <name>/, its calendar file next to it: one level up.
        when = f"{esc(_when(page))} · {link('../' + ics, 'Zet in je agenda (.ics)')}"
    else:
        expected = meta.get("expected", "")
        when = "<strong>datum nog niet bevestigd</strong>" + (
            f" ({esc(expected)})" if expected else ""
        )
    organizer = esc(meta.get("organizer", ""))
    url = str(meta.get("url", ""))
    if url.startswith(("https://", "http://")):
        organizer = link(url, organizer)
    facts = items(
        [f"Wanneer: {when}", f"Waar: {esc(meta.get('location', ''))}", f"Organisator: {organizer}"]
    )
    return admonition("info", "Praktisch", facts) + "\n"


def landing_section(
    src: str,
    pages: list[Page],
    vocabulary: Vocabulary,
    today: date,
    changed: dict[str, datetime],
    glossary: Mapping[str, str] | None = None,
) -> str:
    """The generated list a landing page gets, chosen by the page's place in docs/.

    Home: recent changes; ``rollen/<role>/index.md`` and ``themas/<topic>/index.md``: every
    page with that role or topic; ``niveaus/index.md``: the level pages; ``agenda/`` and
    ``raamcontracten/``: the agenda and the contracts table; the index page of a type's
    section (``adviezen/``, ``vertalingen/``, ...): every page of that type.
    """
    parts = src.split("/")
    if src == "index.md":
        return recent_section(pages, changed, src)
    if len(parts) == 3 and parts[2] == "index.md":
        if parts[0] == "rollen" and parts[1] in vocabulary.keys("roles"):
            return role_section(pages, parts[1], src, vocabulary, glossary)
        if parts[0] == "themas" and parts[1] in vocabulary.keys("topics"):
            return topic_section(pages, parts[1], src, vocabulary, glossary)
    if len(parts) == 2 and parts[1] == "index.md":
        if parts[0] == "niveaus":
            return level_links(vocabulary)
        if parts[0] == "agenda":
            return agenda_section(pages, src, today)
        if parts[0] == "raamcontracten":
            return contracts_section(pages, src, today, vocabulary)
        for page_type in vocabulary.keys("types"):
            term = vocabulary.term("types", page_type)
            if term and term.section == parts[0]:
                return type_section(pages, page_type, src, vocabulary, glossary)
    return ""
