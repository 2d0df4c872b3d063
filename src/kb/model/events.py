"""Events (type `evenement`): their start and end, and whether the date is confirmed."""

from __future__ import annotations

from datetime import datetime

from kb.model import dates
from kb.model.pages import Page


def event_start(page: Page) -> datetime | None:
    return dates.parse_datetime(page.meta.get("start"))


def event_end(page: Page) -> datetime | None:
    return dates.parse_datetime(page.meta.get("end"))


def is_confirmed(page: Page) -> bool:
    return page.meta.get("date_confirmed", True) is not False and event_start(page) is not None
