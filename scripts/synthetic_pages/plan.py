"""Page plans from the content model: which types, which fields, which values.

The page types are those of ``data/vocabulary.yml`` that have a section (the overview
type has none). The front matter of a type follows ``kb.model.schema.page_schema``
(with ``common_schema``, which ``kb check`` uses for a type the schema does not know
yet): every required field, optional fields by ``OPTIONAL_SHARES``, values as
``values.ValueMaker`` makes them from each property, the schema's ``if``/``then``/``else``
followed. The body sections a type requires (``sections`` in the vocabulary) come with
the plan. Rules for what the schema cannot express are in ``rules``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.check.editorial import TEXT_FIELDS, load_phrases
from kb.model import schema as content
from kb.model.registries import load_registries
from kb.model.vocabulary import Vocabulary
from synthetic_pages import rules
from synthetic_pages.text import Writer
from synthetic_pages.values import Draft, ValueMaker, derived_from_title, shorten, slugify

# Share of each page type; most pages are content pages (articles and advice above all),
# as in a real knowledge base, and a few are profiles of people.
# A type the vocabulary adds later gets DEFAULT_TYPE_WEIGHT.
TYPE_WEIGHTS: dict[str, float] = {
    "artikel": 0.38,
    "advies": 0.32,
    "vertaling": 0.06,
    "raamcontract": 0.04,
    "organisatie": 0.04,
    "evenement": 0.04,
    "praktijk": 0.05,
    "vraag": 0.05,
    "profiel": 0.02,
}
DEFAULT_TYPE_WEIGHT = 0.02
# Share of the pages that get an optional field, also a property of an object (`network`
# of `school`); a field not named here is left out (`to_verify` would put a box on every
# page, `permission` is for other licences).
OPTIONAL_SHARES: dict[str, float] = {
    "roles": 0.6,
    "topics": 0.8,
    "levels": 0.5,
    "tags": 0.8,
    "review_by": 0.2,
    "region": 0.4,
    "helps_with": 0.5,
    "network": 0.7,
    "cost": 0.5,
    "products": 0.6,
    "contact": 0.3,  # of a practice: profiles that know more (a profile's own is required)
    "url": 0.3,
    "answered_by": 0.7,
    "discussion": 0.5,
}
CONDITION_SHARE = 0.25  # pages for which the schema's `if` holds (an unconfirmed event date)
PAGE_TEXT = ("title", "description")  # written from the lexicon's page texts, not per field
SLUG_MAX = 80
# Pages are grouped in folders by their first topic, else by a single vocabulary value
# (an organisation's kind), else by the year of a moment (an event), else FALLBACK_GROUP.
GROUP_LIST = "topics"
FALLBACK_GROUP = "algemeen"


@dataclass(frozen=True)
class ProjectData:
    """What the generator reads from a project's data/ folder."""

    vocabulary: Vocabulary
    sources: tuple[rules.TranslatableSource, ...]
    phrases: tuple[str, ...]  # editorial remarks that may not appear in running text

    @classmethod
    def load(cls, root: Path) -> ProjectData:
        registries = load_registries(root, verify_snapshots=False)
        return cls(
            Vocabulary.load(root), rules.translatable_sources(registries), load_phrases(root)
        )

    def section(self, page_type: str) -> str:
        term = self.vocabulary.term("types", page_type)
        return term.section if term else ""

    def label(self, page_type: str, name: str, value: str) -> str:
        """``value`` of the field ``name``, or its label if it is a vocabulary key."""
        item = content.field_for(page_type, name)
        return (
            self.vocabulary.label(item.values_from, value) if item and item.values_from else value
        )

    def sections(self, page_type: str) -> tuple[str, ...]:
        """The body sections a page of this type needs (`sections` in the vocabulary)."""
        term = self.vocabulary.term("types", page_type)
        return term.sections if term else ()

    def page_types(self) -> list[str]:
        return [
            page_type
            for page_type in self.vocabulary.keys("types")
            if page_type != content.OVERVIEW_TYPE
            and self.section(page_type)
            and rules.available(page_type, self.sources)
        ]

    def banned(self) -> re.Pattern[str] | None:
        """The editorial phrases as `kb check` finds them (any spacing, any case)."""
        if not self.phrases:
            return None
        words = (r"\s+".join(map(re.escape, phrase.split())) for phrase in self.phrases)
        return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@dataclass
class PagePlan:
    type: str
    section: str
    slug: str
    meta: dict[str, Any]  # the front matter, in the schema's order
    group: str  # subfolder theme (see GROUP_LIST)
    closing_sections: list[str] = field(default_factory=list)  # H2 sections a rule requires
    sections: tuple[str, ...] = ()  # H2 sections the type requires, in order (vocabulary)
    required: frozenset[str] = frozenset()  # fields that may not be left out
    folder: str = ""  # the subfolder actually used (group, group-2, ...)

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    @property
    def src(self) -> str:
        folder = f"{self.folder}/" if self.folder else ""
        return f"{self.section}/{folder}{self.slug}.md"


def allocate(n: int, types: list[str], rng: random.Random) -> list[str]:
    """``n`` types in a shuffled order: one of each first (when ``n`` allows), the rest
    by weight (largest remainder, so the shares are exact and reproducible)."""
    weights = {t: TYPE_WEIGHTS.get(t, DEFAULT_TYPE_WEIGHT) for t in types}
    base = types[: min(n, len(types))]
    rest = n - len(base)
    total = sum(weights.values())
    shares = {t: rest * w / total for t, w in weights.items()}
    counts = {t: int(s) for t, s in shares.items()}
    leftover = rest - sum(counts.values())
    for t in sorted(types, key=lambda t: shares[t] - counts[t], reverse=True)[:leftover]:
        counts[t] += 1
    out = base + [t for t in types for _ in range(counts[t])]
    rng.shuffle(out)
    return out


def front_matter_schema(vocabulary: Vocabulary, page_type: str) -> dict[str, Any]:
    """The schema ``kb check`` validates a page of this type with: ``page_schema``, and
    for a type it does not know yet ``common_schema`` (title, description, type)."""
    page = content.page_schema(vocabulary, page_type)
    common = content.common_schema(vocabulary)
    return {
        **page,
        "properties": {**common["properties"], **page["properties"]},
        "required": list(dict.fromkeys([*common["required"], *page["required"]])),
    }


def condition(
    schema: dict[str, Any], rng: random.Random
) -> tuple[dict[str, Any], set[str], set[str]]:
    """Follow the schema's ``if``/``then``/``else``: the values the ``if`` tests (when it
    is to hold), the fields that become required and those that must be left out."""
    test = schema.get("if")
    if not isinstance(test, dict):
        return {}, set(), set()
    tested = {
        name: rule["const"]
        for name, rule in test.get("properties", {}).items()
        if isinstance(rule, dict) and "const" in rule
    }
    if rng.random() < CONDITION_SHARE:
        branch = schema.get("then", {})
        required = set(test.get("required", [])) | set(branch.get("required", []))
        return tested, required, _forbidden(branch)
    branch = schema.get("else", {})
    # The `if` requires the tested fields: leaving them out makes it fail.
    return {}, set(branch.get("required", [])), set(tested) | _forbidden(branch)


def _forbidden(branch: dict[str, Any]) -> set[str]:
    """Fields a branch forbids: ``not: {required: [...]}`` or ``not: {anyOf: [...]}``."""
    rule = branch.get("not", {})
    alternatives = rule.get("anyOf", []) + [rule]
    return {name for alt in alternatives for name in alt.get("required", [])}


def plan_page(page_type: str, project: ProjectData, writer: Writer, rng: random.Random) -> PagePlan:
    schema = front_matter_schema(project.vocabulary, page_type)
    properties: dict[str, dict[str, Any]] = schema["properties"]
    tested, required, excluded = condition(schema, rng)
    required |= set(schema["required"])
    draft = Draft(page_type, project.section(page_type), {"type": page_type, **tested})
    rules.prepare(draft, project.sources, rng)
    maker = ValueMaker(writer, rng, frozenset(TEXT_FIELDS), OPTIONAL_SHARES)

    chosen = [
        name
        for name in properties
        if name not in excluded
        and name not in PAGE_TEXT
        and (
            name in draft.values
            or name in required
            or rng.random() < OPTIONAL_SHARES.get(name, 0.0)
        )
    ]
    later = [name for name in chosen if derived_from_title(properties[name])]
    for name in chosen:
        if name not in later:
            draft.values[name] = maker.value(name, properties[name], draft, draft.values.get(name))

    # Titles and descriptions may use the page's text values; a vocabulary key as its
    # label ({region}: Vlaams-Brabant).
    bindings = {
        name: project.label(page_type, name, value)
        for name, value in draft.values.items()
        if isinstance(value, str)
    }
    title, description = writer.page_text(page_type, bindings)
    title_max = properties["title"].get("maxLength")
    title = shorten(title, title_max and title_max - len(draft.title_suffix))
    title += draft.title_suffix
    description = shorten(description, properties["description"].get("maxLength"))
    draft.slug = slugify(title)[:SLUG_MAX].strip("-")
    for name in later:
        draft.values[name] = maker.value(name, properties[name], draft, draft.values.get(name))

    meta: dict[str, Any] = {"title": title, "description": description}
    meta |= {name: draft.values[name] for name in properties if name in draft.values}
    return PagePlan(
        page_type,
        draft.section,
        draft.slug,
        meta,
        group_of(page_type, meta, properties),
        draft.closing_sections,
        project.sections(page_type),
        frozenset(required),
    )


def group_of(page_type: str, meta: dict[str, Any], properties: dict[str, Any]) -> str:
    first = meta.get(GROUP_LIST)
    if isinstance(first, list) and first:
        return str(first[0])
    for item in content.fields_for(page_type):
        if item.values_from and item.name != "type" and isinstance(meta.get(item.name), str):
            return str(meta[item.name])
    for name, value in meta.items():
        if properties.get(name, {}).get("format") == "date-time" and isinstance(value, str):
            return value[:4]
    return FALLBACK_GROUP
