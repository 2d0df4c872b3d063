"""Dutch text from the lexicon: noun phrases, verb forms and templates (see lexicon.yml)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from synthetic_pages.lexicon import Lexicon, Pair, Verb

# How often each variant is drawn (tuning of the text, not vocabulary).
PERSON_PLURAL_SHARE = 0.55
PERSON_ADJECTIVE_SHARE = 0.25  # of the persons in the plural
THING_PLURAL_SHARE = 0.5
DIMINUTIVE_SHARE = 0.3  # of the singular things that have a diminutive
DEFINITE_SHARE = 0.6
ADJECTIVE_SHARE = 0.35
EMPHASIS_SHARE = 0.05  # sentences whose object is set in bold
# After these determiners a singular het-word takes the base form of the adjective.
BARE_ADJECTIVE_AFTER = frozenset({"een", "elk", "geen", ""})
NUMBER_RANGE = (2, 999)  # of {number}
MAX_TRIES = 200  # drawings of a text before giving up on avoiding the banned phrases

# {Name}, {name2}, {name.form}, {name|lower}
PLACEHOLDER = re.compile(
    r"\{([A-Za-z](?:[A-Za-z_]*[A-Za-z])?)(\d*)(?:\.([a-z_]+))?(?:\|(lower))?\}"
)


class TemplateError(ValueError):
    """A template names a placeholder or form the generator does not know."""


@dataclass(frozen=True)
class Phrase:
    text: str
    plural: bool


Value = Phrase | Verb | str


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """The first letter in lower case, unless the word is an abbreviation (ICT, BYOD)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _emphasise(text: str, words: str) -> str:
    """``text`` with the first occurrence of ``words`` (as whole words) in bold."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return f"{text[:start]}**{words}**{text[end:]}"
        start = text.find(words, start + 1)
    return text


def _join(*words: str) -> str:
    return " ".join(word for word in words if word)


@dataclass(frozen=True)
class Slot:
    """One placeholder of a template."""

    raw: str  # as written: {Verb2.main}
    key: str  # verb2
    digits: str  # 2
    form: str | None  # main
    lower: bool
    capital: bool


@cache
def parse(template: str) -> tuple[tuple[str, Slot | None], ...]:
    """``template`` as (text, placeholder that follows it) pairs."""
    parts: list[tuple[str, Slot | None]] = []
    start = 0
    for match in PLACEHOLDER.finditer(template):
        name, digits, form, lower = match.groups()
        slot = Slot(
            match.group(0), name.lower() + digits, digits, form, bool(lower), name[0].isupper()
        )
        parts.append((template[start : match.start()], slot))
        start = match.end()
    parts.append((template[start:], None))
    if any("{" in text or "}" in text for text, _ in parts):
        raise TemplateError(f"template {template!r}: a brace outside a placeholder")
    return tuple(parts)


class Scope:
    """The placeholders of one template (or of a page's title and description): the same
    name gives the same words, a verb agrees with its subject."""

    def __init__(self, writer: Writer, bindings: Mapping[str, str] | None = None) -> None:
        self.writer = writer
        self.bindings = dict(bindings or {})
        self.values: dict[str, Value] = {}
        self._agreement: dict[tuple[str, str], Pair] = {}
        self._depth = 0

    def expand(self, template: str) -> str:
        self._depth += 1
        try:
            if self._depth > 8:
                raise TemplateError(f"template {template!r}: lists refer to each other")
            out = []
            for text, slot in parse(template):
                out.append(text)
                if slot is not None:
                    out.append(self._fill(slot))
            return "".join(out)
        finally:
            self._depth -= 1

    def _fill(self, slot: Slot) -> str:
        text = self._text(slot.key, slot.digits, self.resolve(slot.key), slot.form, slot.raw)
        if slot.lower:
            text = lower_first(text)
        return cap(text) if slot.capital else text

    def resolve(self, key: str) -> Value:
        if key not in self.values:
            self.values[key] = self._draw(key)
        return self.values[key]

    def _draw(self, key: str) -> Value:
        if key in self.bindings:
            return self.bindings[key]
        writer, rng, lexicon = self.writer, self.writer.rng, self.writer.lexicon
        kind = key.rstrip("0123456789")
        if kind == "subject":
            return writer.person()
        if kind == "persons":
            return writer.person(plural=True)
        if kind == "people":
            return Phrase(rng.choice(lexicon.persons).plural, True)
        if kind in ("object", "definite", "indefinite"):
            return writer.thing(definite={"definite": True, "indefinite": False}.get(kind))
        if kind == "things":
            return Phrase(writer.plural_noun(), True)
        if kind == "adjective":
            return rng.choice(lexicon.adjectives).inflected
        if kind == "verb":
            return rng.choice(lexicon.verbs)
        if kind == "fraction":
            part = rng.randint(2, 40)
            return f"{part} van de {part + rng.randint(1, 60)}"
        if kind == "number":
            return str(rng.randint(*NUMBER_RANGE))
        if kind in lexicon.lists:
            return self.expand(rng.choice(lexicon.lists[kind]))
        raise TemplateError(f"unknown placeholder {{{key}}}")

    def _text(self, key: str, digits: str, value: Value, form: str | None, raw: str) -> str:
        if isinstance(value, Verb):
            return self._verb_form(value, form, "subject" + digits, raw)
        if form is None:
            return value.text if isinstance(value, Phrase) else value
        if isinstance(value, Phrase) and form in self.writer.lexicon.agreement:
            if (key, form) not in self._agreement:
                self._agreement[key, form] = self.writer.rng.choice(
                    self.writer.lexicon.agreement[form]
                )
            singular, plural = self._agreement[key, form]
            return plural if value.plural else singular
        raise TemplateError(f"{raw}: no form `{form}` for this placeholder")

    def _verb_form(self, verb: Verb, form: str | None, subject: str, raw: str) -> str:
        match form:
            case "inf":
                return verb.infinitive
            case "stem":
                return verb.stem
            case "participle":
                return verb.participle
            case "past_plural":
                return verb.past_plural
            case "prefix":
                return f" {verb.prefix}" if verb.prefix else ""
            case "te":
                return f"{verb.prefix} te {verb.base}" if verb.prefix else f"te {verb.infinitive}"
            case "main" | "sub" | "past":
                agent = self.resolve(subject)
                if not isinstance(agent, Phrase):
                    raise TemplateError(f"{raw}: {{{subject}}} is not a noun to agree with")
                if form == "past":
                    return verb.past_plural if agent.plural else verb.past_singular
                finite = verb.base if agent.plural else verb.third
                return verb.prefix + finite if form == "sub" else finite
        raise TemplateError(f"{raw}: a verb needs a form (inf, te, stem, main, sub, past, ...)")


class Writer:
    """Sentences, paragraphs, headings and short texts from the lexicon. Texts that
    contain a banned phrase (the editorial remarks `kb check` reports) are drawn again."""

    def __init__(
        self, lexicon: Lexicon, rng: random.Random, banned: re.Pattern[str] | None = None
    ) -> None:
        self.lexicon = lexicon
        self.rng = rng
        self.banned = banned

    # noun phrases -------------------------------------------------------------

    def person(self, plural: bool | None = None) -> Phrase:
        rng, lexicon = self.rng, self.lexicon
        person = rng.choice(lexicon.persons)
        plural = rng.random() < PERSON_PLURAL_SHARE if plural is None else plural
        if plural:
            determiner = rng.choice(lexicon.plural_determiners["person_plural"])
            if rng.random() < PERSON_ADJECTIVE_SHARE and " " not in person.plural:
                adjective = rng.choice(lexicon.person_adjectives)
                return Phrase(_join(determiner, adjective, person.plural), True)
            return Phrase(_join(determiner, person.plural), True)
        de_word, het_word = rng.choice(lexicon.singular_determiners["person_singular"])
        determiner = het_word if person.article == "het" else de_word
        return Phrase(_join(determiner, person.singular), False)

    def thing(self, plural: bool | None = None, definite: bool | None = None) -> Phrase:
        """A thing with a determiner and maybe an adjective, correctly inflected."""
        rng, lexicon = self.rng, self.lexicon
        thing = rng.choice(lexicon.things)
        if thing.plural is None:
            plural, definite = False, True  # a mass noun: het wachtwoordbeleid, not een
        elif plural is None:
            plural = rng.random() < THING_PLURAL_SHARE
        noun, article = thing.singular, thing.article
        if not plural and thing.diminutive and rng.random() < DIMINUTIVE_SHARE:
            noun, article = thing.diminutive, "het"
        definite = rng.random() < DEFINITE_SHARE if definite is None else definite
        adjective = rng.choice(lexicon.adjectives) if rng.random() < ADJECTIVE_SHARE else None
        if plural and thing.plural:
            kind = "thing_plural_definite" if definite else "thing_plural_indefinite"
            determiner = rng.choice(lexicon.plural_determiners[kind])
            return Phrase(
                _join(determiner, adjective.inflected if adjective else "", thing.plural), True
            )
        kind = "thing_definite" if definite else "thing_indefinite"
        de_word, het_word = rng.choice(lexicon.singular_determiners[kind])
        determiner = het_word if article == "het" else de_word
        form = ""
        if adjective:
            bare = article == "het" and determiner in BARE_ADJECTIVE_AFTER
            form = adjective.base if bare else adjective.inflected
        return Phrase(_join(determiner, form, noun), False)

    def plural_noun(self) -> str:
        return self.rng.choice(self.lexicon.countable).plural or ""

    # texts --------------------------------------------------------------------

    def expand(self, template: str, bindings: Mapping[str, str] | None = None) -> str:
        return Scope(self, bindings).expand(template)

    def clean(self, make: Callable[[], str]) -> str:
        """``make()`` until the text has no banned phrase."""
        for _ in range(MAX_TRIES):
            text = make()
            if self.banned is None or not self.banned.search(text):
                return text
        raise RuntimeError(f"every text contains a banned phrase, e.g. {text!r}")

    def sentence(self) -> str:
        return self.clean(self._sentence)

    def _sentence(self) -> str:
        rng, lexicon = self.rng, self.lexicon
        if rng.random() < lexicon.topical_share:
            return self.expand(rng.choice(lexicon.topical))
        scope = Scope(self)
        text = scope.expand(rng.choice(lexicon.sentences))
        thing = scope.values.get("object")
        if isinstance(thing, Phrase) and rng.random() < EMPHASIS_SHARE:
            text = _emphasise(text, thing.text)
        return text

    def paragraph(self, sentences: tuple[int, int] = (3, 6)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def instruction(self) -> str:
        """An imperative list item."""
        return self.clean(lambda: self.expand(self.rng.choice(self.lexicon.instructions)))

    def heading(self) -> str:
        rng, lexicon = self.rng, self.lexicon
        if rng.random() < lexicon.fixed_heading_share:
            return self.clean(lambda: rng.choice(lexicon.fixed_headings))
        return self.clean(lambda: self.expand(rng.choice(lexicon.heading_templates)))

    def item(self, name: str) -> str:
        """An item of the list ``name`` of the lexicon."""
        return self.clean(lambda: self.expand(self.rng.choice(self.lexicon.lists[name])))

    def page_text(self, page_type: str, bindings: Mapping[str, str]) -> tuple[str, str]:
        """A title and a description for a page of this type; ``bindings`` are the page's
        own front-matter values, which the templates may use."""
        text = self.lexicon.page_text(page_type)

        def make() -> str:
            scope = Scope(self, bindings)
            entry = self.rng.choice(text.titles)
            title = scope.expand(entry.title)
            scope.bindings["topic"] = scope.expand(entry.topic)
            return title + "\n" + scope.expand(self.rng.choice(text.descriptions))

        title, description = self.clean(make).split("\n", 1)
        return title, description

    def field_text(self, name: str, guarded: bool = True) -> str:
        """Plain text for the front-matter field ``name``; ``guarded``: without banned
        phrases (fields that readers see as running text)."""
        templates = self.lexicon.field_templates(name)

        def make() -> str:
            return self.expand(self.rng.choice(templates))

        return self.clean(make) if guarded else make()
