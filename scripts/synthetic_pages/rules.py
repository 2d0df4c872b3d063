"""Special cases: what ``kb check`` requires of a page beyond its JSON Schema.

Translations: ``kb.check.page_rules.translation_findings`` wants a source registered in
``data/sources.yml`` whose licence (``data/licenses.yml``) allows translating,
``translation.source_sha256`` equal to that source's sha256 (else the build reports the
translation as outdated) and a section ``## In de Vlaamse context``.

Templates: at least one place to fill in, ``[[...]]`` (``body_lines``). Self-assessments
are data files, not pages: the generator makes none (``available``).

Profiles (``kb.check.network``): a practice's ``contact`` names a profile by its file
name, ``netwerk/mensen/<id>.md``, so profiles stay directly in their folder (``flat``);
and no text of a profile may look like private contact details (``private_details``,
``kb.check.personal_data``), which ``output`` draws again.

The other rules of the content model are followed generically: the schema's own
condition (an event has a confirmed ``start`` and ``end``, or ``date_confirmed: false``
with ``expected``) in ``plan.condition``, the order of dates (contract ``start`` <=
``end``, ``reviewed`` <= ``review_by``, ``asked`` <= ``answered``) in ``values.FOLLOWS``,
the recent ``consent.date`` of a profile in ``values.PAST_DAYS_OF``, references to other
pages (``related``, a practice's ``contact``) in ``output.resolve_references`` and the
body sections of a type (``sections`` in the vocabulary) in ``render.body``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from kb.check.network import PEOPLE_FOLDER
from kb.check.page_rules import VLAAMSE_CONTEXT
from kb.check.personal_data import contact_details
from kb.model.registries import Registries
from kb.model.schema import PEOPLE_TYPE, SCAN_TYPE, TEMPLATE_TYPE
from synthetic_pages.values import Draft

TRANSLATION_TYPE = "vertaling"  # the type whose source kb.check.page_rules checks
# Licence verdicts that allow translating without a `permission` block.
TRANSLATABLE = frozenset({"allowed", "non-commercial"})


@dataclass(frozen=True)
class TranslatableSource:
    id: str
    sha256: str
    short_name: str  # of the publisher, for the title: "NCSC"


def translatable_sources(registries: Registries) -> tuple[TranslatableSource, ...]:
    out = []
    for source in registries.sources.values():
        licence = registries.licenses.get(source.license)
        if licence is None or licence.translation not in TRANSLATABLE:
            continue
        short = re.search(r"\(([^)]+)\)", source.publisher)
        out.append(
            TranslatableSource(
                source.id, source.sha256, short.group(1) if short else source.publisher[:40]
            )
        )
    return tuple(out)


def available(page_type: str, sources: tuple[TranslatableSource, ...]) -> bool:
    """Whether a valid page of this type can be made (a translation needs a source; a
    self-assessment is a YAML file in data/zelfscans/, not a page of docs/)."""
    if page_type == SCAN_TYPE:
        return False
    return page_type != TRANSLATION_TYPE or bool(sources)


def body_lines(page_type: str) -> list[str]:
    """Lines a page of this type needs in its text: a template marks at least one place to
    fill in (``kb.check.page_rules.fill_in_findings``)."""
    if page_type == TEMPLATE_TYPE:
        return ["Naam van de school: [[naam van de school]]", ""]
    return []


def prepare(draft: Draft, sources: tuple[TranslatableSource, ...], rng: random.Random) -> None:
    """Set what the schema cannot decide, before the schema fills in the rest."""
    if draft.page_type == TRANSLATION_TYPE:
        source = rng.choice(sources)
        draft.values["source"] = source.id
        draft.values["translation"] = {"source_sha256": source.sha256}
        draft.title_suffix = f" ({source.short_name})"
        draft.closing_sections.append(VLAAMSE_CONTEXT)


def flat(section: str) -> bool:
    """Whether pages of this section stay out of group folders: profiles are named by
    their file name in ``netwerk/mensen/`` (``kb.check.network.profile_src``)."""
    return section == PEOPLE_FOLDER


def private_details(page_type: str, text: str) -> bool:
    """Whether the file of a page of this type holds what ``kb check`` refuses as private
    contact details (an e-mail address, a phone number): only in profiles."""
    return page_type == PEOPLE_TYPE and bool(contact_details(text))
