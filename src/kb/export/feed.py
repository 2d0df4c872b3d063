"""The Atom feed of advice and translations."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from kb.export.calendar import TIMEZONE
from kb.export.catalogue import absolute
from kb.model.pages import Page

FEED_TYPES = ("advies", "vertaling")


def _published(page: Page, changed: dict[str, datetime]) -> datetime:
    when = changed.get(page.src)
    if when:
        return when
    day = page.reviewed or date(2000, 1, 1)
    return datetime.combine(day, time(12), tzinfo=TIMEZONE)


def atom_feed(
    pages: list[Page], site_url: str, site_name: str, changed: dict[str, datetime]
) -> bytes:
    from feedgen.feed import FeedGenerator

    items = [p for p in pages if p.type in FEED_TYPES and p.meta and p.is_valid]
    items.sort(key=lambda p: (_published(p, changed), p.src), reverse=True)
    feed = FeedGenerator()
    feed.id(absolute(site_url, ""))
    feed.title(f"{site_name}: adviezen en vertalingen")
    feed.subtitle("Nieuwe en bijgewerkte adviezen en vertaalde richtlijnen voor ICT-coördinatoren.")
    feed.language("nl")
    feed.link(href=absolute(site_url, ""), rel="alternate")
    feed.link(href=absolute(site_url, "feed.xml"), rel="self")
    feed.updated(
        max((_published(p, changed) for p in items), default=datetime(2000, 1, 1, tzinfo=UTC))
    )
    for page in reversed(items):  # feedgen prepends entries
        entry = feed.add_entry()
        entry.id(absolute(site_url, page.url))
        entry.title(page.title)
        entry.link(href=absolute(site_url, page.url))
        entry.summary(page.description)
        entry.updated(_published(page, changed))
        for author in page.values("authors") or ["Redactie"]:
            entry.author(name=author)
        entry.category(term=page.type)
    atom: bytes = feed.atom_str(pretty=True)
    return atom
