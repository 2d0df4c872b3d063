"""The agenda as iCalendar (RFC 5545): all confirmed events, and one file per event."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

from icalendar.cal import Component

from kb.export.catalogue import absolute
from kb.model.events import event_end, event_start, is_confirmed
from kb.model.pages import Page

TIMEZONE = ZoneInfo("Europe/Brussels")


UID_DOMAIN = "kennisbank-ict"


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
    return bytes(calendar.to_ical())


@cache
def _brussels_timezone() -> Component:
    """The VTIMEZONE for Europe/Brussels, made once per build by icalendar."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    event = Event()
    event.add("dtstart", datetime(2026, 1, 1, 12, tzinfo=TIMEZONE))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.walk("VTIMEZONE")[0]
