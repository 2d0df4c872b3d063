"""Generated overviews: lists per role, topic, level and type; agenda; contracts; recent."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from datetime import datetime
from html import escape

from kb.model import dates
from kb.model.glossary import abbreviation_marker
from kb.model.pages import Page, url_for
from kb.model.schema import LISTED_TYPES
from kb.model.vocabulary import Vocabulary
from kb.render.markup import esc, items, link
from kb.search.keys import UNINDEXED_LIST


def rel(from_src: str, page: Page | str) -> str:
    target = page.src if isinstance(page, Page) else page
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")


def levels_of(page: Page, vocabulary: Vocabulary) -> list[str]:
    return page.values("levels") or vocabulary.keys("levels")


def _levels_label(page: Page, vocabulary: Vocabulary) -> str:
    if not page.values("levels"):
        return "alle niveaus"
    return ", ".join(vocabulary.label("levels", lvl) for lvl in page.values("levels"))


def _date_label(page: Page) -> str:
    reviewed = page.reviewed
    return f"nagekeken {dates.format_date_nl(reviewed)}" if reviewed else ""


def page_list(
    pages: Iterable[Page],
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    """Pages grouped by type: linked title, description, type, levels, date.

    The headings are Markdown (they belong in the table of contents); each list is an
    HTML block with the pages' final URLs, because hundreds of generated Markdown links
    per overview made these few pages a tenth of the whole conversion time. Abbreviations
    of the ``glossary`` get their tooltip, as in Markdown.
    """
    by_type: dict[str, list[Page]] = {}
    for page in pages:
        by_type.setdefault(page.type, []).append(page)
    if not by_type:
        return "_Nog geen pagina's._\n"
    base = url_for(from_src)
    mark = abbreviation_marker(glossary or {})
    out: list[str] = []
    for page_type in vocabulary.keys("types"):
        group = sorted(by_type.get(page_type, []), key=lambda p: p.title.lower())
        if not group:
            continue
        term = vocabulary.term("types", page_type)
        out.append(f"### {term.plural if term and term.plural else page_type} ({len(group)})\n")
        out.append(UNINDEXED_LIST)  # searching finds the pages, not every list of them
        for page in group:
            bits = [vocabulary.label("types", page.type), _levels_label(page, vocabulary)]
            if _date_label(page):
                bits.append(_date_label(page))
            title = mark(escape(page.title))
            description = mark(escape(page.description))
            out.append(
                f'<li><a href="{escape(relative_url(base, page.url))}">{title}</a>'
                f" — {description}<br>\n"
                f"  <small>{escape(' · '.join(bits))}</small></li>"
            )
        out.extend(["</ul>", ""])
    return "\n".join(out) + "\n"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one directory URL to another (``rollen/planner/`` to
    ``adviezen/back-ups/``: ``../../adviezen/back-ups/``), as MkDocs writes them."""
    here = [part for part in from_url.split("/") if part]
    there = [part for part in to_url.split("/") if part]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{path}/" if path else "./"


def listed(pages: Iterable[Page]) -> list[Page]:
    return [p for p in pages if p.type in LISTED_TYPES and p.meta]


def role_section(
    pages: list[Page],
    role: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if role in p.values("roles")]
    label = vocabulary.label("roles", role)
    return f"\n## Alle pagina's voor de rol {label.lower()}\n\n" + page_list(
        chosen, from_src, vocabulary, glossary
    )


def topic_section(
    pages: list[Page],
    topic: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if topic in p.values("topics")]
    label = vocabulary.label("topics", topic)
    return f"\n## Alle pagina's over {label.lower()}\n\n" + page_list(
        chosen, from_src, vocabulary, glossary
    )


def level_page(
    pages: list[Page],
    level: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    src = f"niveaus/{level}.md"
    term = vocabulary.term("levels", level)
    label = term.label if term else level
    chosen = [p for p in listed(pages) if level in levels_of(p, vocabulary)]
    from kb.render.markup import front_matter

    return (
        front_matter(label, f"Alle pagina's die gelden voor {label.lower()}.")
        + f"\n# {esc(label)}\n\n"
        f"Alle pagina's die gelden voor {esc(label.lower())}, ook de pagina's zonder niveau "
        "(die gelden voor alle niveaus). Deze lijst wordt bij elke bouw gemaakt.\n\n"
        + page_list(chosen, src, vocabulary, glossary)
    )


def level_links(vocabulary: Vocabulary) -> str:
    links = [
        link(f"{level}/", esc(vocabulary.label("levels", level)))
        for level in vocabulary.keys("levels")
    ]
    return "\n## Per niveau\n\n" + items(links) + "\n"


def type_section(
    pages: list[Page],
    page_type: str,
    from_src: str,
    vocabulary: Vocabulary,
    glossary: Mapping[str, str] | None = None,
) -> str:
    chosen = [p for p in listed(pages) if p.type == page_type]
    term = vocabulary.term("types", page_type)
    title = term.plural if term and term.plural else page_type
    return f"\n## Alle {title.lower()}\n\n" + page_list(chosen, from_src, vocabulary, glossary)


# --------------------------------------------------------------------------- tags

TAGS_PAGE = "tags.md"


def tag_anchor(tag: str) -> str:
    return f"tag-{tag}"


def tags_section(pages: list[Page], from_src: str, vocabulary: Vocabulary) -> str:
    """Every tag of the vocabulary that pages carry, each with its pages (by title)."""
    base = url_for(from_src)
    out = []
    for tag in vocabulary.keys("tags"):
        tagged = sorted((p for p in listed(pages) if tag in p.values("tags")),
                        key=lambda p: p.title.lower())  # fmt: skip
        if not tagged:
            continue
        label = vocabulary.label("tags", tag)
        out.append(f'<h2 id="{esc(tag_anchor(tag))}">{esc(label)} ({len(tagged)})</h2>')
        out.append(UNINDEXED_LIST + "\n".join(
            f"<li>{link(relative_url(base, p.url), esc(p.title))}</li>" for p in tagged
        ) + "\n</ul>")  # fmt: skip
    return "\n" + ("\n".join(out) if out else "_Nog geen pagina's met tags._") + "\n"


# --------------------------------------------------------------------------- agenda


# --------------------------------------------------------------------------- contracts


# --------------------------------------------------------------------------- home


def recent_section(
    pages: list[Page], changed: dict[str, datetime], from_src: str, limit: int = 8
) -> str:
    dated = [(changed[p.src], p) for p in listed(pages) if p.src in changed]
    if not dated:  # outside git (a copy of the project): fall back to the review dates
        dated = [
            (datetime.combine(p.reviewed, datetime.min.time()), p)
            for p in listed(pages)
            if p.reviewed
        ]
    dated.sort(key=lambda item: (item[0], item[1].src), reverse=True)
    out = ["\n## Recent toegevoegd of bijgewerkt\n"]
    if not dated:
        out.append("_Nog geen geschiedenis beschikbaar._")
    base = url_for(from_src)
    if dated:
        out.append(
            items(
                f"{esc(dates.format_date_nl(when.date()))} — "
                f"{link(relative_url(base, page.url), esc(page.title))} "
                f"<small>({esc(page.type)})</small>"
                for when, page in dated[:limit]
            )
        )
    return "\n".join(out) + "\n"
