"""The agenda: events by date, their facts box and their calendar links."""

from __future__ import annotations

from datetime import date, datetime

from kb.model import dates
from kb.model.events import event_end, event_start, is_confirmed
from kb.model.pages import Page, url_for
from kb.render.lists import rel, relative_url
from kb.render.markup import admonition, esc, items, link


def _start(page: Page) -> datetime:
    start = event_start(page)
    assert start is not None  # confirmed events have a start
    return start


def split_events(pages: list[Page], today: date) -> tuple[list[Page], list[Page], list[Page]]:
    """(upcoming, unconfirmed, past) relative to ``today``."""
    events = [p for p in pages if p.type == "evenement" and p.meta]
    upcoming: list[Page] = []
    unconfirmed: list[Page] = []
    past: list[Page] = []
    for page in events:
        if not is_confirmed(page):
            unconfirmed.append(page)
            continue
        end = event_end(page) or event_start(page)
        assert end is not None
        (upcoming if end.date() >= today else past).append(page)
    upcoming.sort(key=_start)
    past.sort(key=_start, reverse=True)
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
