"""Checks for the network's page types and for body sections a type requires.

* Required sections (``sections`` of a type in data/vocabulary.yml, e.g. a
  ``praktijk``: Het probleem, Onze aanpak, Wat niet werkte, Wat we nu anders zouden doen):
  each as a ``##`` heading, in that order, with text under it.
* References to other pages: ``related`` (page paths) and a ``praktijk``'s ``contact``
  (profile ids) must exist.
* Profiles (``profiel``): no private contact details anywhere in the file, and consent
  that lapses after CONSENT_MONTHS months (an INFO finding: time passing never fails the
  strict build; the profile is simply not published).
"""

from __future__ import annotations

import posixpath
from datetime import date

from kb.check.markdown_scan import BodyScan
from kb.check.personal_data import contact_details
from kb.model import dates
from kb.model.findings import Finding
from kb.model.pages import Page
from kb.model.schema import CONSENT_MONTHS, PEOPLE_TYPE
from kb.model.vocabulary import Vocabulary

PEOPLE_FOLDER = "netwerk/mensen"


def profile_src(profile_id: str) -> str:
    return f"{PEOPLE_FOLDER}/{profile_id}.md"


def profile_id(src: str) -> str:
    return posixpath.splitext(posixpath.basename(src))[0]


def consent_until(page: Page) -> date | None:
    """The last day a profile may be published (None: no valid consent date)."""
    consent = page.meta.get("consent")
    given = dates.parse_date(consent.get("date")) if isinstance(consent, dict) else None
    return dates.add_months(given, CONSENT_MONTHS) if given else None


def consent_lapsed(page: Page, today: date) -> bool:
    until = consent_until(page)
    return page.type == PEOPLE_TYPE and (until is None or until < today)


def section_findings(page: Page, vocabulary: Vocabulary, scan: BodyScan) -> list[Finding]:
    term = vocabulary.term("types", page.type)
    wanted = list(term.sections) if term else []
    if not wanted:
        return []
    headings = [h for h in scan.headings if h.level == 2]
    titles = [h.text.strip().rstrip(":") for h in headings]
    out = []
    position = -1
    lines = page.body.split("\n")
    for title in wanted:
        if title not in titles:
            out.append(
                Finding(
                    page.path,
                    page.doc.body_line,
                    "sectie-ontbreekt",
                    f"Een {term.label.lower() if term else page.type} heeft een sectie "
                    f"`## {title}` nodig (in deze volgorde: "
                    + ", ".join(f"`{t}`" for t in wanted)
                    + ").",
                )
            )
            continue
        index = titles.index(title)
        heading = headings[index]
        if index < position:
            out.append(
                Finding(
                    page.path,
                    heading.line,
                    "sectie-volgorde",
                    f"`## {title}` staat niet op zijn plaats; de volgorde is "
                    + ", ".join(f"`{t}`" for t in wanted)
                    + ".",
                )
            )
        position = max(position, index)
        if not _has_text_under(lines, heading.line - page.doc.body_line, [h.line for h in headings],
                               page.doc.body_line):  # fmt: skip
            out.append(
                Finding(
                    page.path,
                    heading.line,
                    "sectie-leeg",
                    f"Onder `## {title}` staat nog niets. Schrijf er minstens een zin.",
                )
            )
    return out


def _has_text_under(lines: list[str], start: int, heading_lines: list[int], first: int) -> bool:
    following = [line - first for line in heading_lines if line - first > start]
    end = min(following) if following else len(lines)
    return any(line.strip() for line in lines[start + 1 : end])


def reference_findings(page: Page, known_files: set[str]) -> list[Finding]:
    out = []
    for index, target in enumerate(page.values("related")):
        if target not in known_files:
            out.append(
                Finding(
                    page.path,
                    page.doc.line_of(("related", index)),
                    "gebroken-link",
                    f"`related`: `{target}` bestaat niet (een pad vanaf `docs/`, bv. "
                    "`adviezen/back-ups.md`).",
                )
            )
    if page.type == "praktijk":
        for index, person in enumerate(page.values("contact")):
            if profile_src(person) not in known_files:
                out.append(
                    Finding(
                        page.path,
                        page.doc.line_of(("contact", index)),
                        "profiel-ontbreekt",
                        f"`contact`: er is geen profiel `{person}` (verwacht "
                        f"`docs/{profile_src(person)}`). Alleen wie zelf in de gids staat, "
                        "kan hier genoemd worden.",
                    )
                )
    return out


def profile_findings(page: Page, today: date) -> list[Finding]:
    if page.type != PEOPLE_TYPE:
        return []
    out = []
    text = page.doc.text
    for detail in contact_details(text):
        line = text.count("\n", 0, detail.start) + 1
        out.append(
            Finding(
                page.path,
                line,
                "contactgegevens",
                f"Een {detail.kind} (`{detail.text.strip()}`) hoort niet in een profiel: de gids "
                "toont alleen publieke, professionele adressen onder `contact` (https://…).",
            )
        )
    until = consent_until(page)
    if page.meta.get("consent") and until is not None and until < today:
        out.append(
            Finding(
                page.path,
                page.doc.line_of(("consent", "date")),
                "toestemming-verlopen",
                f"De toestemming liep af op {dates.format_date_nl(until)} ({CONSENT_MONTHS} "
                "maanden na `consent.date`): het profiel wordt niet gepubliceerd. Wil je in de "
                "gids blijven, zet dan de datum van vandaag in `consent.date`.",
                "info",
            )
        )
    return out
