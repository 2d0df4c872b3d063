"""The network's views: who helps with what, the regions, practice cases, questions.

Everything here is built from page records with every value escaped. The filters and
the map are widgets: HTML the build inserts after the sanitiser (contributors can write
neither forms nor SVG), so the list of HTML that contributors may write stays as it is.
Without JavaScript the lists are grouped and complete; ``kb-filters.js`` narrows them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from kb.check.network import consent_lapsed, profile_id
from kb.model.pages import Page, url_for
from kb.model.schema import PEOPLE_TYPE
from kb.model.vocabulary import Vocabulary
from kb.render.agenda import split_events
from kb.render.lists import relative_url
from kb.render.markup import esc, items, link
from kb.search.keys import UNINDEXED_LIST

REGION_PAGES = "netwerk/regio"
DIRECTORY = "netwerk/index.md"
PRACTICE_INDEX = "praktijk/index.md"
UNPUBLISHED_PERSON = "een collega die niet meer in de gids staat"
ANONYMOUS_PERSON = "een collega uit de gids"


def region_page_source(region: str) -> str:
    return f"{REGION_PAGES}/{region}.md"


@dataclass(frozen=True)
class People:
    """The profiles that may be published today, and the ones whose consent lapsed."""

    active: dict[str, Page]  # by profile id
    lapsed: dict[str, Page]

    @classmethod
    def of(cls, pages: Iterable[Page], today: date) -> People:
        active, lapsed = {}, {}
        for page in pages:
            if page.type != PEOPLE_TYPE:
                continue
            if consent_lapsed(page, today):
                lapsed[profile_id(page.src)] = page
            elif page.is_valid:
                active[profile_id(page.src)] = page
        return cls(active, lapsed)

    def is_hidden(self, page: Page) -> bool:
        return page.type == PEOPLE_TYPE and profile_id(page.src) not in self.active

    def mention(self, name: str, from_src: str) -> str:
        """A name in ``answered_by`` or ``contact`` on a page that search engines index.

        People's names appear only on noindex pages (profiles, ``netwerk/``), so a profile
        id becomes a link to the profile without the name; a lapsed one plain words; any
        other name (an organisation) stays as written."""
        person = self.active.get(name)
        if person is not None:
            return link(relative_url(url_for(from_src), person.url), esc(ANONYMOUS_PERSON))
        if name in self.lapsed:
            return esc(UNPUBLISHED_PERSON)
        return esc(name)

    def contact_line(self, name: str, from_src: str) -> str:
        """A praktijk's contact: the profile link and the person's one line about their
        work (their description, never their name)."""
        person = self.active.get(name)
        if person is None:
            return self.mention(name, from_src)
        return f"{self.mention(name, from_src)}: {esc(person.description)}"


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filter:
    name: str  # data attribute: data-<name>
    label: str  # Dutch label of the select
    vocabulary: str  # list in data/vocabulary.yml
    everyone: str  # option for "all"


DIRECTORY_FILTERS = (
    Filter("topics", "Thema", "topics", "Alle thema's"),
    Filter("regions", "Regio", "regions", "Alle regio's"),
    Filter("levels", "Niveau", "levels", "Alle niveaus"),
    Filter("available", "Beschikbaar voor", "availability", "Om het even"),
)
PRACTICE_FILTERS = (
    Filter("topics", "Thema", "topics", "Alle thema's"),
    Filter("levels", "Niveau", "levels", "Alle niveaus"),
    Filter("regions", "Regio", "regions", "Alle regio's"),
    Filter("sizes", "Grootte van de school", "school_sizes", "Alle groottes"),
)


def filter_form(name: str, filters: tuple[Filter, ...], vocabulary: Vocabulary) -> str:
    """The filter form (hidden without JavaScript: the lists are complete without it)."""
    fields = []
    for spec in filters:
        options = [f'<option value="">{esc(spec.everyone)}</option>'] + [
            f'<option value="{esc(key)}">{esc(vocabulary.label(spec.vocabulary, key))}</option>'
            for key in vocabulary.keys(spec.vocabulary)
        ]
        field_id = f"kb-filter-{esc(name)}-{esc(spec.name)}"
        fields.append(
            f'<p class="kb-filter__field"><label for="{field_id}">{esc(spec.label)}</label>'
            f'<select id="{field_id}" data-kb-filter-key="{esc(spec.name)}">'
            + "".join(options)
            + "</select></p>"
        )
    return (
        f'<form class="kb-filter" data-kb-filter="{esc(name)}" hidden '
        f'aria-label="Lijst filteren">\n<fieldset><legend>Filter de lijst</legend>\n'
        + "\n".join(fields)
        + '\n</fieldset>\n<p class="kb-filter__count" role="status" aria-live="polite"></p>\n'
        "</form>\n"
    )


def _data(name: str, values: Iterable[str]) -> str:
    return f' data-{name}="{esc(" ".join(values))}"'


def _item(
    title_html: str, detail_html: str, attributes: dict[str, list[str]], extra: str = ""
) -> str:
    data = "".join(_data(key, values) for key, values in attributes.items())
    return f"<li{data}>{title_html}{' — ' + detail_html if detail_html else ''}{extra}</li>"


# --------------------------------------------------------------------------- directory


def helpers_of(pages: list[Page], people: People) -> tuple[list[Page], list[Page]]:
    """The people in the directory and the organisations that help (``helps_with``)."""
    persons = sorted(people.active.values(), key=lambda p: p.title.lower())
    organisations = sorted(
        (p for p in pages if p.type == "organisatie" and p.values("helps_with") and p.is_valid),
        key=lambda p: p.title.lower(),
    )
    return persons, organisations


def directory(
    pages: list[Page], people: People, vocabulary: Vocabulary, today: date,
    from_src: str = DIRECTORY,
) -> str:  # fmt: skip
    """People and organisations by topic, with filters on topic, region, level and what
    people are available for; followed by the map of the regions."""
    base = url_for(from_src)
    persons, organisations = helpers_of(pages, people)
    out = ['<div class="kb-gids">', filter_form("wie-helpt", DIRECTORY_FILTERS, vocabulary)]
    out.append(region_map(pages, people, vocabulary, today, from_src))
    out.append('<div data-kb-filter-list="wie-helpt" data-pagefind-ignore>')
    for topic in vocabulary.keys("topics"):
        entries = []
        for person in persons:
            if topic in person.values("topics"):
                available = person.values("available_for")
                detail = esc(person.description)
                if available:
                    labels = ", ".join(vocabulary.label("availability", a) for a in available)
                    detail += f"<br><small>{esc(labels)}</small>"
                entries.append(
                    _item(
                        link(relative_url(base, person.url), esc(person.title)),
                        detail,
                        {
                            "topics": person.values("topics"),
                            "regions": [str(person.meta.get("region", ""))],
                            "levels": person.values("levels"),
                            "available": available,
                        },
                    )
                )
        for organisation in organisations:
            if topic in organisation.values("helps_with"):
                region = str(organisation.meta.get("region", ""))
                entries.append(
                    _item(
                        link(relative_url(base, organisation.url), esc(organisation.title))
                        + " <small>(organisatie)</small>",
                        esc(organisation.description),
                        {
                            "topics": organisation.values("helps_with"),
                            "regions": [region] if region else [],
                            "levels": organisation.values("levels"),
                            "available": [],
                        },
                    )
                )
        if not entries:
            continue
        label = vocabulary.label("topics", topic)
        out.append(
            f'<section class="kb-gids__groep" data-kb-filter-group>'
            f'<h3 id="gids-{esc(topic)}">{esc(label)}</h3>\n<ul>\n'
            + "\n".join(entries)
            + "\n</ul></section>"
        )
    if not persons and not organisations:
        out.append("<p><em>Nog niemand in de gids.</em></p>")
    out.append("</div>")
    out.append(
        '<p class="kb-filter__none" data-kb-filter-none hidden>Niemand past bij deze keuze. '
        "Kies een ander thema of een andere regio.</p>"
    )
    out.append("</div>")
    return "\n".join(out) + "\n"


_SINGULAR = {"mensen": "persoon", "organisaties": "organisatie",
             "praktijkvoorbeelden": "praktijkvoorbeeld", "evenementen": "evenement"}  # fmt: skip


def _count(number: int, plural: str) -> str:
    return f"{number} {_SINGULAR[plural] if number == 1 else plural}"


def region_counts(pages: list[Page], people: People, region: str, today: date) -> dict[str, int]:
    persons = [p for p in people.active.values() if p.meta.get("region") == region]
    organisations = [p for p in pages if p.type == "organisatie" and p.meta.get("region") == region]
    cases = [p for p in pages if p.type == "praktijk" and p.meta.get("region") == region]
    upcoming = [p for p in split_events(pages, today)[0] if p.meta.get("region") == region]
    return {"mensen": len(persons), "organisaties": len(organisations),
            "praktijkvoorbeelden": len(cases), "evenementen": len(upcoming)}  # fmt: skip


# A schematic map of Flanders and Brussels (drawn for this site, not to scale): the
# provinces west to east, Vlaams-Brabant south of them with Brussels in its middle.
_SHAPES: dict[str, tuple[str, tuple[int, int]]] = {
    "west-vlaanderen": ("M10,40 L95,25 L105,150 L20,165 Z", (55, 95)),
    "oost-vlaanderen": ("M95,25 L190,20 L200,120 L160,150 L105,150 Z", (148, 85)),
    "antwerpen": ("M190,20 L300,15 L305,105 L200,120 Z", (248, 65)),
    "limburg": ("M300,15 L390,40 L385,175 L305,170 L305,105 Z", (346, 100)),
    "vlaams-brabant": (
        "M160,150 L200,120 L305,105 L305,170 L230,195 L170,190 Z",
        (265, 160),
    ),  # fmt: skip
    "brussel": ("M200,150 m-16,0 a16,16 0 1,0 32,0 a16,16 0 1,0 -32,0", (200, 154)),
}


def region_map(
    pages: list[Page], people: People, vocabulary: Vocabulary, today: date, from_src: str
) -> str:
    """The map (inline SVG, every region a keyboard-reachable link with its counts) and
    the same as a list."""
    base = url_for(from_src)
    shapes, listed = [], []
    for region in vocabulary.keys("regions"):
        label = vocabulary.label("regions", region)
        counts = region_counts(pages, people, region, today)
        summary = ", ".join(_count(n, what) for what, n in counts.items())
        href = relative_url(base, url_for(region_page_source(region)))
        listed.append(f"{link(href, esc(label))} — {esc(summary)}")
        if region not in _SHAPES:
            continue
        path, (x, y) = _SHAPES[region]
        total = counts["mensen"] + counts["organisaties"] + counts["praktijkvoorbeelden"]
        shapes.append(
            f'<a href="{esc(href)}" aria-label="{esc(label)}: {esc(summary)}">'
            f"<title>{esc(label)}: {esc(summary)}</title>"
            f'<path class="kb-kaart__gebied kb-kaart__gebied--{esc(region)}" d="{path}"/>'
            f'<text x="{x}" y="{y}" text-anchor="middle">{esc(label)}</text>'
            f'<text class="kb-kaart__getal" x="{x}" y="{y + 14}" text-anchor="middle">'
            f"{total}</text></a>"
        )
    svg = (
        '<svg class="kb-kaart__svg" viewBox="0 0 400 205" role="group" '
        'aria-label="Kaart van de regio\'s (schematisch)">' + "".join(shapes) + "</svg>"
    )
    return (
        '<figure class="kb-kaart">' + svg + "<figcaption>De vijf provincies en Brussel "
        "(schematisch). Kies een regio voor de mensen, organisaties, praktijkvoorbeelden en "
        "evenementen daar.</figcaption></figure>\n" + items(listed) + "\n"
    )


def region_page(pages: list[Page], people: People, region: str, vocabulary: Vocabulary,
                today: date) -> str:  # fmt: skip
    """The generated page of one region: the offline side of the network."""
    from kb.render.markup import front_matter

    src = region_page_source(region)
    base = url_for(src)
    label = vocabulary.label("regions", region)

    def entries(chosen: list[Page], detail: bool = True, empty: str = "Nog niets.") -> str:
        if not chosen:
            return f"<p><em>{empty}</em></p>\n"
        return (
            UNINDEXED_LIST
            + "\n".join(
                f"<li>{link(relative_url(base, p.url), esc(p.title))}"
                + (f" — {esc(p.description)}" if detail else "")
                + "</li>"
                for p in sorted(chosen, key=lambda p: p.title.lower())
            )
            + "\n</ul>\n"
        )

    persons = [p for p in people.active.values() if p.meta.get("region") == region]
    local = [p for p in pages if p.type == "organisatie" and p.meta.get("region") == region]
    everywhere = [p for p in pages if p.type == "organisatie" and not p.meta.get("region")
                  and p.values("helps_with")]  # fmt: skip
    cases = [p for p in pages if p.type == "praktijk" and p.meta.get("region") == region]
    upcoming = split_events(pages, today)[0]
    events_here = [p for p in upcoming if p.meta.get("region") == region]
    events_all = [p for p in upcoming if not p.meta.get("region")]
    return (
        front_matter(label, f"Mensen, organisaties, praktijkvoorbeelden en evenementen in {label}.")
        + f"\n# {esc(label)}\n\n"
        f"Het netwerk in {esc(label)}: collega's die zelf in de gids staan, organisaties, "
        "praktijkvoorbeelden van scholen en komende evenementen. Deze pagina wordt bij elke "
        "bouw gemaakt.\n\n"
        "## Mensen\n\n"
        + entries(
            persons,
            empty=(
                f"Nog niemand uit {esc(label)} in de gids. Help je collega's graag? "
                + link(
                    relative_url(base, url_for("netwerk/mensen/index.md")), "Zet jezelf in de gids"
                )
                + "."
            ),
        )  # fmt: skip
        + "\n## Organisaties in de regio\n\n"
        + entries(local)
        + "\n## Organisaties voor heel Vlaanderen\n\n"
        + entries(everywhere)
        + "\n## Praktijkvoorbeelden\n\n"
        + entries(cases)
        + "\n## Komende evenementen in de regio\n\n"
        + entries(events_here)
        + "\n## Komende evenementen voor heel Vlaanderen\n\n"
        + entries(events_all)
    )


# --------------------------------------------------------------------------- practice


def practice_list(pages: list[Page], vocabulary: Vocabulary, from_src: str = PRACTICE_INDEX) -> str:
    base = url_for(from_src)
    cases = sorted((p for p in pages if p.type == "praktijk"), key=lambda p: p.title.lower())
    if not cases:
        return "<p><em>Nog geen praktijkvoorbeelden.</em></p>\n"
    entries = []
    for case in cases:
        school = case.meta.get("school") if isinstance(case.meta.get("school"), dict) else {}
        size = str(school.get("size", "")) if school else ""
        region = str(case.meta.get("region", ""))
        facts = [vocabulary.label("regions", region) if region else "",
                 f"school: {vocabulary.label('school_sizes', size).lower()}" if size else "",
                 str(case.meta.get("year", ""))]  # fmt: skip
        entries.append(
            _item(
                link(relative_url(base, case.url), esc(case.title)),
                esc(case.description)
                + f"<br><small>{esc(' · '.join(f for f in facts if f))}</small>",
                {
                    "topics": case.values("topics"),
                    "levels": case.values("levels"),
                    "regions": [region] if region else [],
                    "sizes": [size] if size else [],
                },  # fmt: skip
            )
        )
    return (
        filter_form("praktijk", PRACTICE_FILTERS, vocabulary)
        + '<div data-kb-filter-list="praktijk" data-pagefind-ignore>'
        '<section data-kb-filter-group><ul class="kb-paginalijst">\n'
        + "\n".join(entries)
        + "\n</ul></section></div>\n"
        '<p class="kb-filter__none" data-kb-filter-none hidden>Geen praktijkvoorbeeld past bij '
        "deze keuze.</p>\n"
    )


def other_schools(page: Page, pages: list[Page], from_src: str) -> str:
    """At the end of an advies: practice cases that share a topic."""
    topics = set(page.values("topics"))
    cases = sorted(
        (p for p in pages if p.type == "praktijk" and topics & set(p.values("topics"))),
        key=lambda p: p.title.lower(),
    )
    if not cases:
        return ""
    base = url_for(from_src)
    listed = [f"{link(relative_url(base, p.url), esc(p.title))} — {esc(p.description)}"
              for p in cases]  # fmt: skip
    return "\n## Zo deden andere scholen het\n\n" + items(listed) + "\n"


def questions_about(page: Page, pages: list[Page], from_src: str) -> str:
    """At the end of a page that questions rest on (their ``related``): those questions."""
    asked = sorted((p for p in pages if p.type == "vraag" and page.src in p.values("related")),
                   key=lambda p: p.title.lower())  # fmt: skip
    if not asked:
        return ""
    base = url_for(from_src)
    listed = [link(relative_url(base, p.url), esc(p.title)) for p in asked]
    return "\n## Vragen uit het netwerk hierover\n\n" + items(listed) + "\n"


def contacts(page: Page, people: People) -> str:
    """At the end of a praktijk: who knows more (their profiles)."""
    names = page.values("contact")
    if not names:
        return ""
    listed = [people.contact_line(name, page.src) for name in names]
    return "\n## Wie meer weet\n\n" + items(listed) + "\n"


def answer_details(page: Page, people: People) -> str:
    """At the end of a vraag: who answered and the pages the answer rests on."""
    out = []
    if page.values("answered_by"):
        names = ", ".join(people.mention(n, page.src) for n in page.values("answered_by"))
        out.append(f"<p><strong>Beantwoord door:</strong> {names}</p>")
    related = page.values("related")
    if related:
        base = url_for(page.src)
        out.append("<p><strong>Lees verder:</strong></p>")
        out.append(items(link(relative_url(base, url_for(path)), esc(path)) for path in related))
    discussion = str(page.meta.get("discussion", ""))
    if discussion.startswith("https://"):
        out.append(f"<p>{link(discussion, 'De discussie over deze vraag')}</p>")
    return ("\n" + "\n".join(out) + "\n") if out else ""


# --------------------------------------------------------------------------- asking


def ask_box(page_title: str, discussions: str, email: str, from_src: str) -> str:
    """'Stel je vraag aan het netwerk': a link (never an embed) to a new discussion, the
    mailbox for those without a GitHub account, and the existing channels."""
    base = url_for(from_src)
    parts = []
    if discussions.startswith("https://"):
        query = urlencode({"category": "vragen", "title": f"Vraag over: {page_title}"},
                          quote_via=quote)  # fmt: skip
        parts.append(
            f"<p>{link(discussions.rstrip('/') + '/new?' + query, 'Stel je vraag op GitHub Discussions')}"
            " (categorie Vragen). Vermeld je onderwijsniveau en wat je al probeerde; zet er "
            "geen persoonsgegevens in.</p>"
        )
    if email and "@" in email:
        subject = quote(f"Vraag aan het netwerk: {page_title}")
        parts.append(
            f"<p>Geen GitHub-account? Mail je vraag naar de redactie: "
            f"{link(f'mailto:{email}?subject={subject}', esc(email))}.</p>"
        )
    elif parts:
        parts.append("<p>Geen GitHub-account? Vraag het dan via een van de kanalen hieronder.</p>")
    channels = [
        link(relative_url(base, url_for("organisaties/facebookgroep-ict-coordinatoren.md")),
             "de Facebookgroep van ICT-coördinatoren"),
        link(relative_url(base, url_for("organisaties/vicli.md")), "Vicli"),
    ]  # fmt: skip
    parts.append(f"<p>Of vraag het aan collega's via {channels[0]} of {channels[1]}.</p>")
    return (
        '<div class="admonition question kb-vraag-stellen">\n'
        '<p class="admonition-title">Stel je vraag aan het netwerk</p>\n'
        + "\n".join(parts)
        + "\n</div>\n"
    )


def faq_jsonld(page: Page, short_answer: str) -> str:
    """schema.org FAQPage for a vraag, safe inside <script type="application/ld+json">:
    <, > and & are written as \\u escapes, so no title can close the element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": page.title,
                "acceptedAnswer": {"@type": "Answer", "text": short_answer},
            }
        ],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
