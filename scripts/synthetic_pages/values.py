"""Front-matter values made from a JSON Schema property of the content model.

The schema decides the kind of value: an ``enum`` (vocabulary keys) gives one of its
values, an array of an enum a few distinct ones, ``format: date`` a date, ``format:
date-time`` a moment with the Belgian UTC offset, the URL pattern an https address on
example.org, ``format: kb-text`` one line of plain Dutch text from the lexicon, an object
its required properties. What the schema cannot say, these tables add: how many items a
list gets and which dates follow which (the order ``kb check`` requires).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kb.model import schema as content
from synthetic_pages.text import Writer

REFERENCE_DAY = date(2026, 11, 28)  # generated dates are relative to this day (reproducible)
PAST_DAYS = (1, 500)  # a date (format: date) lies this many days before REFERENCE_DAY
EVENT_DAYS = (-200, 400)  # a moment (format: date-time) lies this many days after it
EVENT_HOURS = (9, 10, 13, 14, 19)
NULL_SHARE = 0.2  # of the values that may be null (a contract date not known yet)
URL_BASE = "https://example.org"
TEXT_TRIES = 20  # texts drawn for a pattern before giving up

# Items of a list, by field name: (fewest, most), within the schema's minItems/maxItems.
LIST_SIZES: dict[str, tuple[int, int]] = {
    "tags": (1, 4),
    "suppliers": (0, 3),
    "reviewers": (0, 1),
    "translators": (1, 1),
}
DEFAULT_LIST_SIZE = (1, 2)

# Dates that may not precede another one (kb.check.page_rules.date_findings): field ->
# the field it follows, and how much later it falls, in days (dates) or hours (moments).
FOLLOWS: dict[str, str] = {"review_by": "reviewed", "end": "start"}
LATER_DAYS: dict[str, tuple[int, ...]] = {
    "review_by": (90, 180, 270),
    "end": (365, 730, 1095, 1460),
}
LATER_HOURS = (1, 2, 3, 6, 7)
DAY_ENDS_AT = 22  # a moment that follows another one on the same day ends by 22:00


class PlanError(ValueError):
    """The schema asks for a value this generator cannot make."""


@dataclass
class Draft:
    """A page while it is planned: its values so far and what rules added."""

    page_type: str
    section: str
    values: dict[str, Any] = field(default_factory=dict)
    title_suffix: str = ""  # added to the title from the lexicon
    closing_sections: list[str] = field(default_factory=list)
    slug: str = ""


def brussels_offset(day: date) -> str:
    """UTC offset of Belgian time on ``day`` (summer time from the last Sunday of March
    to the last Sunday of October)."""

    def last_sunday(year: int, month: int) -> date:
        last = date(year, month + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() + 1) % 7)

    summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
    return "+02:00" if summer else "+01:00"


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "pagina"


def shorten(text: str, limit: int | None) -> str:
    """``text`` cut at a word to at most ``limit`` characters (with an ellipsis)."""
    if not limit or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return [kind] if isinstance(kind, str) else list(kind or [])


def derived_from_title(schema: dict[str, Any]) -> bool:
    """Values that are made after the title (an address ends in the page's slug)."""
    return schema.get("pattern") == content.URL_PATTERN


class ValueMaker:
    def __init__(self, writer: Writer, rng: random.Random, guarded: frozenset[str]) -> None:
        self.writer = writer
        self.rng = rng
        self.guarded = guarded  # text fields that may not contain an editorial remark

    def value(self, name: str, schema: dict[str, Any], draft: Draft, current: Any = None) -> Any:
        """A value for the property ``name``; ``current`` is what a rule already set (an
        object is completed, anything else kept)."""
        if current is not None and not isinstance(current, dict):
            return current
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self.rng.choice([v for v in schema["enum"] if v is not None])
        kinds = _types(schema)
        if "null" in kinds and len(kinds) > 1 and self._null(name, draft):
            return None
        kind = next((k for k in kinds if k != "null"), None)
        if kind == "object":
            return self._object(name, schema, draft, dict(current or {}))
        if kind == "array":
            return self._array(name, schema, draft)
        if kind == "boolean":
            return True
        if kind in ("integer", "number"):
            return schema.get("minimum", 1)
        if kind == "string":
            return self._string(name, schema, draft)
        raise PlanError(f"`{name}`: no value for the schema {schema!r}; add a rule")

    def _null(self, name: str, draft: Draft) -> bool:
        earlier = FOLLOWS.get(name)
        if earlier in draft.values:
            return draft.values[earlier] is None  # an unknown start: an unknown end
        return self.rng.random() < NULL_SHARE

    def _object(
        self, name: str, schema: dict[str, Any], draft: Draft, values: dict[str, Any]
    ) -> dict[str, Any]:
        properties: dict[str, Any] = schema.get("properties", {})
        for key in schema.get("required", []):
            values[key] = self.value(key, properties.get(key, {}), draft, values.get(key))
        return {key: values[key] for key in properties if key in values}

    def _array(self, name: str, schema: dict[str, Any], draft: Draft) -> list[Any]:
        items: dict[str, Any] = schema.get("items", {})
        low, high = LIST_SIZES.get(name, DEFAULT_LIST_SIZE)
        low = max(low, schema.get("minItems", 0))
        high = max(low, min(high, schema.get("maxItems", high)))
        count = self.rng.randint(low, high)
        if "enum" in items:
            options = [v for v in items["enum"] if v is not None]
            return self.rng.sample(options, k=min(count, len(options)))
        out: list[Any] = []
        for _ in range(count * TEXT_TRIES):
            if len(out) == count:
                break
            item = self.value(name, items, draft)
            if item not in out or not schema.get("uniqueItems"):
                out.append(item)
        return out

    def _string(self, name: str, schema: dict[str, Any], draft: Draft) -> str:
        fmt, pattern = schema.get("format"), schema.get("pattern")
        earlier = draft.values.get(FOLLOWS.get(name, ""))
        if fmt == "date":
            if isinstance(earlier, str):
                later = date.fromisoformat(earlier) + timedelta(
                    days=self.rng.choice(LATER_DAYS.get(name, (365,)))
                )
                return later.isoformat()
            return (REFERENCE_DAY - timedelta(days=self.rng.randint(*PAST_DAYS))).isoformat()
        if fmt == "date-time":
            return self._moment(earlier if isinstance(earlier, str) else None)
        if pattern == content.URL_PATTERN:
            return f"{URL_BASE}/{draft.section}/{draft.slug or slugify(draft.page_type)}"
        if pattern == content.SHA256_PATTERN:
            return f"{self.rng.getrandbits(256):064x}"
        for _ in range(TEXT_TRIES):
            text = shorten(
                self.writer.field_text(name, guarded=name in self.guarded),
                schema.get("maxLength"),
            )
            if not pattern:
                return text
            for candidate in (text, slugify(text)):  # e.g. an id: lower case and hyphens
                if re.search(pattern, candidate):
                    return candidate
        raise PlanError(f"`{name}`: no text matches the pattern {pattern!r}; add a rule")

    def _moment(self, earlier: str | None) -> str:
        if earlier is not None:
            start = datetime.fromisoformat(earlier)
            end = start + timedelta(hours=self.rng.choice(LATER_HOURS))
            closing = start.replace(hour=DAY_ENDS_AT, minute=0)
            end = min(end, closing) if closing > start else end
            return end.isoformat()
        day = REFERENCE_DAY + timedelta(days=self.rng.randint(*EVENT_DAYS))
        hour, minute = self.rng.choice(EVENT_HOURS), self.rng.choice((0, 30))
        moment = datetime(day.year, day.month, day.day, hour, minute)
        return moment.isoformat() + brussels_offset(day)
