"""Machine-readable views: Atom feed, iCalendar agenda, JSON catalogue and its schema."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from kb import dates, schema
from kb.overviews import event_end, event_start, is_confirmed, levels_of
from kb.pages import Page
from kb.registries import Registries
from kb.status import translation_status
from kb.vocabulary import Vocabulary

TIMEZONE = ZoneInfo("Europe/Brussels")
FEED_TYPES = ("advies", "vertaling")
UID_DOMAIN = "kennisbank-ict"


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


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
    return feed.atom_str(pretty=True)


def event_calendar(events: list[Page], site_url: str, site_name: str) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//{site_name}//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{site_name}: agenda")
    calendar.add("x-wr-timezone", "Europe/Brussels")
    for page in sorted(events, key=lambda p: p.src):
        if page.type != "evenement" or not is_confirmed(page):
            continue
        start, end = event_start(page), event_end(page)
        assert start is not None
        event = Event()
        event.add("uid", f"{page.src.removesuffix('.md')}@{UID_DOMAIN}")
        event.add("summary", page.title)
        event.add("dtstart", start.astimezone(TIMEZONE))
        event.add("dtend", (end or start).astimezone(TIMEZONE))
        event.add("dtstamp", start.astimezone(UTC))
        event.add("location", str(page.meta.get("location", "")))
        event.add("url", absolute(site_url, page.url))
        event.add("description", page.description)
        calendar.add_component(event)
    if calendar.walk("VEVENT"):
        calendar.add_component(_brussels_timezone())
    return calendar.to_ical()


@cache
def _brussels_timezone():  # type: ignore[no-untyped-def]
    """The VTIMEZONE for Europe/Brussels, made once per build by icalendar."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    event = Event()
    event.add("dtstart", datetime(2026, 1, 1, 12, tzinfo=TIMEZONE))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.walk("VTIMEZONE")[0]


# --------------------------------------------------------------------------- catalogue

_TRANSLATION_EXTRA: dict[str, Any] = {
    "status": {"enum": ["concept", "nagelezen", "verouderd", "te herzien"]},
    "source_info": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "url": {"type": "string"},
            "language": {"type": "string"},
            "published": {"type": "string"},
        },
        "required": ["id", "title", "publisher", "url"],
    },
    "license": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "url": {"type": "string"},
            "translation": {
                "enum": ["allowed", "non-commercial", "permission-required", "forbidden"]
            },
        },
        "required": ["id", "name", "translation"],
    },
}


def catalogue_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """JSON Schema of ``api/pages.json``, derived from the front-matter schema."""
    variants = []
    for page_type in sorted(schema.LISTED_TYPES):
        page = schema.page_schema(vocabulary, page_type)
        properties = dict(page["properties"])
        properties["url"] = {"type": "string", "description": "Volledig webadres van de pagina."}
        properties["path"] = {"type": "string", "description": "Bestand in de repository."}
        properties["levels"] = {
            **properties.get("levels", {}),
            "description": "Onderwijsniveaus; zonder `levels` in de front matter: alle niveaus.",
        }
        required = [*page["required"], "url", "path", "levels"]
        if page_type in schema.DATED_TYPES:
            required.append("review_by")
        if page_type == "vertaling":
            properties.update(_TRANSLATION_EXTRA)
            required += ["status", "source_info", "license"]
        variant = {**page, "properties": properties, "required": list(dict.fromkeys(required))}
        variant.pop("if", None), variant.pop("then", None), variant.pop("else", None)
        variants.append({"if": {"properties": {"type": {"const": page_type}}}, "then": variant})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Catalogus van de Kennisbank ICT-coördinatoren",
        "type": "object",
        "required": ["generated", "count", "pages"],
        "properties": {
            "generated": {"type": "string", "format": "date"},
            "count": {"type": "integer"},
            "pages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "url", "title"],
                    "properties": {"type": {"enum": sorted(schema.LISTED_TYPES)}},
                    "allOf": variants,
                },
            },
        },
    }


def catalogue(
    pages: list[Page],
    registries: Registries,
    root: Any,
    vocabulary: Vocabulary,
    site_url: str,
    today: date,
) -> dict[str, Any]:
    records = []
    for page in sorted(pages, key=lambda p: p.src):
        if page.type not in schema.LISTED_TYPES or not page.is_valid:
            continue
        record: dict[str, Any] = {k: v for k, v in page.meta.items() if k != "hide"}
        record["url"] = absolute(site_url, page.url)
        record["path"] = page.path
        record["levels"] = levels_of(page, vocabulary)
        if page.type in schema.DATED_TYPES and page.review_by:
            record["review_by"] = page.review_by.isoformat()
        if page.type == "vertaling":
            status = translation_status(page, registries, root, today)
            record["status"] = status.state
            if status.source:
                s = status.source
                record["source_info"] = {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "url": s.url,
                    "language": s.language,
                    "published": s.published,
                }
            if status.license:
                lic = status.license
                record["license"] = {
                    "id": lic.id,
                    "name": lic.name,
                    "url": lic.url,
                    "translation": lic.translation,
                }
        records.append(record)
    return {"generated": today.isoformat(), "count": len(records), "pages": records}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


__all__ = ["atom_feed", "catalogue", "catalogue_schema", "dumps", "event_calendar", "dates"]
