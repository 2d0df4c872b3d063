"""Dates: parsing front-matter values, the review-by default, and "today"."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta


def today() -> date:
    """The build date; ``KB_TODAY=2026-01-31`` fixes it (tests, reproducible builds)."""
    fixed = os.environ.get("KB_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return date.today()


def parse_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            return None
    return None


def parse_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else None
    return None


MIN_YEAR, MAX_YEAR = 1900, 2199  # dates outside these years are refused by validation


def in_range(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if not 1 <= year <= 9999:  # far outside MIN_YEAR..MAX_YEAR: the calendar's own limit
        return date.max if year > 9999 else date.min
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def review_by(meta: dict[str, object], months: int = 12) -> date | None:
    """Explicit ``review_by``, else ``reviewed`` + ``months`` months."""
    explicit = parse_date(meta.get("review_by"))
    if explicit:
        return explicit
    reviewed = parse_date(meta.get("reviewed"))
    return add_months(reviewed, months) if reviewed else None


MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date_nl(day: date) -> str:
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def plus_days(day: date, days: int) -> date:
    return day + timedelta(days=days)
