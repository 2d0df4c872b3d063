"""The Dutch lexicon of the synthetic pages, read from ``lexicon.yml`` next to this file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_FILE = Path(__file__).with_name("lexicon.yml")
ANY = "*"  # key of the entry for every page type or field without its own one


class LexiconError(ValueError):
    """The lexicon file does not have the expected shape."""


@dataclass(frozen=True)
class Person:
    singular: str
    plural: str
    article: str  # of the singular: "de" or "het"


@dataclass(frozen=True)
class Thing:
    singular: str
    plural: str | None  # None: a mass noun (het wachtwoordbeleid)
    article: str
    diminutive: str | None = None


@dataclass(frozen=True)
class Verb:
    infinitive: str  # instellen
    prefix: str  # separable prefix: in
    base: str  # infinitive without prefix, also the present plural: stellen
    third: str  # 3rd person singular without prefix: stelt
    stem: str  # stel
    past_singular: str  # stelde
    past_plural: str  # stelden
    participle: str  # ingesteld


@dataclass(frozen=True)
class Adjective:
    base: str  # veilig
    inflected: str  # veilige


@dataclass(frozen=True)
class TitleTemplate:
    title: str
    topic: str  # what the page is about, for the description


@dataclass(frozen=True)
class PageText:
    titles: tuple[TitleTemplate, ...]
    descriptions: tuple[str, ...]


Pair = tuple[str, str]  # [singular, plural] or [with a de-word, with a het-word]


@dataclass(frozen=True)
class Lexicon:
    persons: tuple[Person, ...]
    person_adjectives: tuple[str, ...]
    things: tuple[Thing, ...]  # countable things and mass nouns
    adjectives: tuple[Adjective, ...]
    verbs: tuple[Verb, ...]
    singular_determiners: dict[str, tuple[Pair, ...]]
    plural_determiners: dict[str, tuple[str, ...]]
    agreement: dict[str, tuple[Pair, ...]]
    lists: dict[str, tuple[str, ...]]
    topical_share: float
    topical: tuple[str, ...]
    sentences: tuple[str, ...]
    instructions: tuple[str, ...]
    fixed_heading_share: float
    fixed_headings: tuple[str, ...]
    heading_templates: tuple[str, ...]
    pages: dict[str, PageText]
    field_values: dict[str, tuple[str, ...]]
    admonitions: dict[str, str]
    reading_list: str
    closing_heading: str
    lead_sections: dict[str, tuple[str, ...]]

    @property
    def countable(self) -> tuple[Thing, ...]:
        return tuple(thing for thing in self.things if thing.plural)

    def page_text(self, page_type: str) -> PageText:
        return self.pages.get(page_type) or self.pages[ANY]

    def field_templates(self, name: str) -> tuple[str, ...]:
        return self.field_values.get(name) or self.field_values[ANY]


# --------------------------------------------------------------------------- reading


def _get(data: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}{key}` is missing")
    return data[key]


def _texts(value: Any, where: str, min_items: int = 1) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < min_items:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}` must be a list of texts")
    if not all(isinstance(item, str | int) and not isinstance(item, bool) for item in value):
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}` may only hold texts")
    return tuple(str(item) for item in value)


def _rows(value: Any, where: str, sizes: tuple[int, ...]) -> list[tuple[str, ...]]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}` must be a list")
    rows = []
    for index, row in enumerate(value):
        texts = _texts(row, f"{where}[{index}]")
        if len(texts) not in sizes:
            wanted = " or ".join(str(size) for size in sizes)
            raise LexiconError(f"{LEXICON_FILE.name}: `{where}[{index}]` needs {wanted} words")
        rows.append(texts)
    return rows


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}` must be a mapping")
    return {str(key): item for key, item in value.items()}


def _share(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}` must be a number from 0 to 1")
    return float(value)


def _verb(row: tuple[str, ...]) -> Verb:
    head, third, stem, past_singular, past_plural, participle = row
    prefix, _, base = head.rpartition("|")
    return Verb(prefix + base, prefix, base, third, stem, past_singular, past_plural, participle)


def _page_text(value: Any, where: str) -> PageText:
    entry = _mapping(value, where)
    titles = []
    for index, item in enumerate(_get(entry, "titles", f"{where}.") or []):
        if isinstance(item, str):
            titles.append(TitleTemplate(item, item[:1].lower() + item[1:]))
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            titles.append(TitleTemplate(item["title"], str(item.get("topic") or item["title"])))
        else:
            raise LexiconError(
                f"{LEXICON_FILE.name}: `{where}.titles[{index}]` must be a text or "
                "a mapping with `title` (and `topic`)"
            )
    if not titles:
        raise LexiconError(f"{LEXICON_FILE.name}: `{where}.titles` is empty")
    descriptions = _texts(_get(entry, "descriptions", f"{where}."), f"{where}.descriptions")
    return PageText(tuple(titles), descriptions)


def parse(data: Any) -> Lexicon:
    """A lexicon from the parsed YAML document (raises LexiconError with the key)."""
    data = _mapping(data, "the file")
    persons = tuple(Person(*row) for row in _rows(_get(data, "persons", ""), "persons", (3,)))
    things = [Thing(*row) for row in _rows(_get(data, "things", ""), "things", (3, 4))]
    things += [
        Thing(noun, None, article)
        for noun, article in _rows(_get(data, "mass_nouns", ""), "mass_nouns", (2,))
    ]
    adjectives = tuple(
        Adjective(str(base), str(inflected))
        for base, inflected in _mapping(_get(data, "adjectives", ""), "adjectives").items()
    )
    verbs = tuple(_verb(row) for row in _rows(_get(data, "verbs", ""), "verbs", (6,)))

    determiners = _mapping(_get(data, "determiners", ""), "determiners")
    singular: dict[str, tuple[Pair, ...]] = {}
    plural: dict[str, tuple[str, ...]] = {}
    for name in ("person_singular", "thing_definite", "thing_indefinite"):
        rows = _rows(_get(determiners, name, "determiners."), f"determiners.{name}", (2,))
        singular[name] = tuple((row[0], row[1]) for row in rows)
    for name in ("person_plural", "thing_plural_definite", "thing_plural_indefinite"):
        plural[name] = _texts(_get(determiners, name, "determiners."), f"determiners.{name}")

    agreement = {
        name: tuple((row[0], row[1]) for row in _rows(rows, f"agreement.{name}", (2,)))
        for name, rows in _mapping(_get(data, "agreement", ""), "agreement").items()
    }
    lists = {
        name: _texts(items, f"lists.{name}")
        for name, items in _mapping(_get(data, "lists", ""), "lists").items()
    }

    sentences = _mapping(_get(data, "sentences", ""), "sentences")
    headings = _mapping(_get(data, "headings", ""), "headings")
    pages = {
        name: _page_text(entry, f"pages.{name}")
        for name, entry in _mapping(_get(data, "pages", ""), "pages").items()
    }
    if ANY not in pages:
        raise LexiconError(f'{LEXICON_FILE.name}: `pages` needs an entry "{ANY}"')
    field_values = {
        name: _texts(items, f"field_values.{name}")
        for name, items in _mapping(_get(data, "field_values", ""), "field_values").items()
    }
    if ANY not in field_values:
        raise LexiconError(f'{LEXICON_FILE.name}: `field_values` needs an entry "{ANY}"')
    body = _mapping(_get(data, "body", ""), "body")
    raw_sections = body.get("lead_sections") or {}
    if not isinstance(raw_sections, dict):
        raise LexiconError(f"{LEXICON_FILE.name}: `body.lead_sections` must be a mapping")
    lead_sections = {
        str(name): _texts(items, f"body.lead_sections.{name}")
        for name, items in raw_sections.items()
    }
    return Lexicon(
        persons=persons,
        person_adjectives=_texts(_get(data, "person_adjectives", ""), "person_adjectives"),
        things=tuple(things),
        adjectives=adjectives,
        verbs=verbs,
        singular_determiners=singular,
        plural_determiners=plural,
        agreement=agreement,
        lists=lists,
        topical_share=_share(_get(sentences, "topical_share", "sentences."), "topical_share"),
        topical=_texts(_get(sentences, "topical", "sentences."), "sentences.topical"),
        sentences=_texts(_get(sentences, "templates", "sentences."), "sentences.templates"),
        instructions=_texts(
            _get(sentences, "instructions", "sentences."), "sentences.instructions"
        ),
        fixed_heading_share=_share(_get(headings, "fixed_share", "headings."), "fixed_share"),
        fixed_headings=_texts(_get(headings, "fixed", "headings."), "headings.fixed"),
        heading_templates=_texts(_get(headings, "templates", "headings."), "headings.templates"),
        pages=pages,
        field_values=field_values,
        admonitions={
            str(key): str(value)
            for key, value in _mapping(_get(body, "admonitions", "body."), "admonitions").items()
        },
        reading_list=str(_get(body, "reading_list", "body.")),
        closing_heading=str(_get(body, "closing_heading", "body.")),
        lead_sections=lead_sections,
    )


@cache
def load(path: Path = LEXICON_FILE) -> Lexicon:
    with path.open(encoding="utf-8") as handle:
        return parse(yaml.safe_load(handle))
