"""Front-matter values made from a JSON Schema property of the content model.

The schema decides the kind of value: an ``enum`` (vocabulary keys) gives one of its
values, an array of an enum a few distinct ones, ``format: date`` a date, ``format:
date-time`` a moment with the Belgian UTC offset, the URL patterns an https address on
example.org, a GitHub login the page's slug, ``format: kb-text`` one line of plain Dutch
text from the lexicon, an integer or number one within its ``minimum``/``maximum``, an
object its required properties and optional ones by share. A page path or a profile id
(``PAGE_PATH_PATTERN``, ``PROFILE_ID_PATTERN``) names another page: it is a
``Reference`` until every page has its place (``output.resolve_references``).

What the schema cannot say, these tables add: how many items a list gets, the range of a
number, how far back a date lies and which dates follow which (the order ``kb check``
requires).
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
# The one value a pattern allows besides an address: `consent.via` of a profile.
PATTERN_VALUES: dict[str, str] = {content.CONSENT_VIA_PATTERN: "pull-request"}
# Strings that name another page, by pattern: what kind of page (see Reference).
REFERENCE_PATTERNS: dict[str, str] = {
    content.PAGE_PATH_PATTERN: "page",
    content.PROFILE_ID_PATTERN: "profile",
}
# Addresses and logins that end in (or are) the page's slug, so are made after the title.
SLUG_PATTERNS = frozenset(
    {content.URL_PATTERN, content.HTTPS_PATTERN, content.GITHUB_LOGIN_PATTERN}
)

# Dates of a field (by its path: `consent.date`) that lie closer to REFERENCE_DAY than
# PAST_DAYS: consent lapses after CONSENT_MONTHS, so it is at most half that old.
PAST_DAYS_OF: dict[str, tuple[int, int]] = {
    "consent.date": (1, content.CONSENT_MONTHS * 30 // 2),
}
# Numbers by field name: (lowest, highest, step), within the schema's minimum/maximum.
NUMBER_RANGES: dict[str, tuple[int, int, int]] = {
    "year": (REFERENCE_DAY.year - 8, REFERENCE_DAY.year, 1),
    "eur": (100, 25000, 50),
}
DEFAULT_NUMBER_SPAN = 10  # a number without a range lies this far above its minimum

# Items of a list, by field name: (fewest, most), within the schema's minItems/maxItems.
LIST_SIZES: dict[str, tuple[int, int]] = {
    "tags": (1, 4),
    "suppliers": (0, 3),
    "reviewers": (0, 1),
    "translators": (1, 1),
    "related": (1, 3),
}
DEFAULT_LIST_SIZE = (1, 2)

# Dates that may not precede another one (kb.check.page_rules.date_findings): field ->
# the field it follows, and how much later it falls, in days (dates) or hours (moments).
FOLLOWS: dict[str, str] = {"review_by": "reviewed", "end": "start", "answered": "asked"}
LATER_DAYS: dict[str, tuple[int, ...]] = {
    "review_by": (90, 180, 270),
    "end": (365, 730, 1095, 1460),
    "answered": (1, 2, 5, 14, 30),
}
# Dates of something that happened: never after REFERENCE_DAY, also when they follow one.
PAST_ONLY = frozenset({"answered"})
LATER_HOURS = (1, 2, 3, 6, 7)
DAY_ENDS_AT = 22  # a moment that follows another one on the same day ends by 22:00


class PlanError(ValueError):
    """The schema asks for a value this generator cannot make."""


@dataclass(eq=False)
class Reference:
    """Another page, named by a field: ``page`` (its path from docs/) or ``profile`` (its
    id). Chosen once every page has its place; each one is a distinct item of a list."""

    kind: str


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
    """Values that are made after the title (an address ends in the page's slug), also
    inside a list or an object."""
    if schema.get("pattern") in SLUG_PATTERNS:
        return True
    parts = [schema.get("items"), *schema.get("properties", {}).values()]
    return any(isinstance(part, dict) and derived_from_title(part) for part in parts)


class ValueMaker:
    def __init__(
        self,
        writer: Writer,
        rng: random.Random,
        guarded: frozenset[str],
        optional: dict[str, float] | None = None,
    ) -> None:
        self.writer = writer
        self.rng = rng
        self.guarded = guarded  # text fields that may not contain an editorial remark
        self.optional = optional or {}  # share of the objects that get an optional property

    def value(
        self,
        name: str,
        schema: dict[str, Any],
        draft: Draft,
        current: Any = None,
        path: str = "",
        siblings: dict[str, Any] | None = None,
    ) -> Any:
        """A value for the property ``name``; ``current`` is what a rule already set (an
        object is completed, anything else kept). ``path`` is where the property is
        (`consent.date`), ``siblings`` the values made so far of the object it is in."""
        path = path or name
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
            return self._object(path, schema, draft, dict(current or {}))
        if kind == "array":
            return self._array(name, schema, draft, path)
        if kind == "boolean":
            return True
        if kind in ("integer", "number"):
            return self._number(name, schema)
        if kind == "string":
            return self._string(name, schema, draft, path, siblings or {})
        raise PlanError(f"`{name}`: no value for the schema {schema!r}; add a rule")

    def _null(self, name: str, draft: Draft) -> bool:
        earlier = FOLLOWS.get(name)
        if earlier in draft.values:
            return draft.values[earlier] is None  # an unknown start: an unknown end
        return self.rng.random() < NULL_SHARE

    def _object(
        self, path: str, schema: dict[str, Any], draft: Draft, values: dict[str, Any]
    ) -> dict[str, Any]:
        properties: dict[str, Any] = schema.get("properties", {})
        required = schema.get("required", [])
        optional = [
            key
            for key in properties
            if key not in required and self.rng.random() < self.optional.get(key, 0.0)
        ]
        for key in [*required, *optional]:
            values[key] = self.value(
                key, properties.get(key, {}), draft, values.get(key), f"{path}.{key}", values
            )
        return {key: values[key] for key in properties if key in values}

    def _number(self, name: str, schema: dict[str, Any]) -> int:
        low_bound = schema.get("minimum", 0)
        low, high, step = NUMBER_RANGES.get(name, (low_bound, low_bound + DEFAULT_NUMBER_SPAN, 1))
        low = max(low, low_bound)
        high = min(high, schema.get("maximum", high))
        if high < low:
            raise PlanError(f"`{name}`: no number in its range; add a rule")
        value = self.rng.randint(low, high) // step * step
        return value if value >= low else low

    def _array(self, name: str, schema: dict[str, Any], draft: Draft, path: str) -> list[Any]:
        items: dict[str, Any] = schema.get("items", {})
        low, high = LIST_SIZES.get(name, DEFAULT_LIST_SIZE)
        low = max(low, schema.get("minItems", 0))
        high = max(low, min(high, schema.get("maxItems", high)))
        count = self.rng.randint(low, high)
        if "enum" in items:
            options = [v for v in items["enum"] if v is not None]
            return self.rng.sample(options, k=min(count, len(options)))
        out: list[Any] = []
        for _ in range(count * TEXT_TRIES):  # a list never repeats an item
            if len(out) == count:
                break
            item = self.value(name, items, draft, path=path)
            if item not in out:
                out.append(item)
        return out

    def _string(
        self, name: str, schema: dict[str, Any], draft: Draft, path: str, siblings: dict[str, Any]
    ) -> Any:
        fmt, pattern = schema.get("format"), schema.get("pattern")
        earlier = draft.values.get(FOLLOWS.get(name, ""))
        if fmt == "date":
            return self._date(name, path, earlier)
        if fmt == "date-time":
            return self._moment(earlier if isinstance(earlier, str) else None)
        if pattern in PATTERN_VALUES:
            return PATTERN_VALUES[pattern]
        if pattern in REFERENCE_PATTERNS:
            return Reference(REFERENCE_PATTERNS[pattern])
        slug = draft.slug or slugify(draft.page_type)
        if pattern in (content.URL_PATTERN, content.HTTPS_PATTERN):
            # Inside an object the address also names the object's other values (a
            # profile's contact: .../testpersoon-12/mastodon), so the items differ.
            extra = [slugify(v) for k, v in siblings.items() if k != name and isinstance(v, str)]
            return "/".join([URL_BASE, draft.section, slug, *extra])
        if pattern == content.GITHUB_LOGIN_PATTERN:
            login = slug[:39].strip("-")
            if re.search(pattern, login):
                return login
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

    def _date(self, name: str, path: str, earlier: Any) -> str:
        if isinstance(earlier, str):
            later = date.fromisoformat(earlier) + timedelta(
                days=self.rng.choice(LATER_DAYS.get(name, (365,)))
            )
            if name in PAST_ONLY:
                later = min(later, REFERENCE_DAY)
            return later.isoformat()
        days = self.rng.randint(*PAST_DAYS_OF.get(path, PAST_DAYS))
        return (REFERENCE_DAY - timedelta(days=days)).isoformat()

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
