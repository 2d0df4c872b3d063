"""Special cases: what ``kb check`` requires of a page beyond its JSON Schema.

Only translations need one. ``kb.check.page_rules.translation_findings`` wants a source
registered in ``data/sources.yml`` whose licence (``data/licenses.yml``) allows
translating, ``translation.source_sha256`` equal to that source's sha256 (else the build
reports the translation as outdated) and a section ``## In de Vlaamse context``.

The other rules of the content model are followed generically: the schema's own
condition (an event has a confirmed ``start`` and ``end``, or ``date_confirmed: false``
with ``expected``) in ``plan.condition``, and the order of dates (contract ``start`` <=
``end``, ``reviewed`` <= ``review_by``) in ``values.FOLLOWS``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from kb.check.page_rules import VLAAMSE_CONTEXT
from kb.model.registries import Registries
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
    """Whether a valid page of this type can be made (a translation needs a source)."""
    return page_type != TRANSLATION_TYPE or bool(sources)


def prepare(draft: Draft, sources: tuple[TranslatableSource, ...], rng: random.Random) -> None:
    """Set what the schema cannot decide, before the schema fills in the rest."""
    if draft.page_type == TRANSLATION_TYPE:
        source = rng.choice(sources)
        draft.values["source"] = source.id
        draft.values["translation"] = {"source_sha256": source.sha256}
        draft.title_suffix = f" ({source.short_name})"
        draft.closing_sections.append(VLAAMSE_CONTEXT)
