"""The page of a self-assessment (``werkinstrumenten/<id>/``).

The page's Markdown (generated) holds what every reader needs: the introduction, where
the answers are kept, the sources. The questionnaire is a widget (a form the build
inserts after the sanitiser, from escaped values): without JavaScript it is a readable,
printable list of questions with their answers and what to do; ``kb-zelfscan.js`` adds
progress, scores, the action plan, storage in this browser, export and import.

The DOM hooks are stable (tests and the script rely on them): the form has
``data-zelfscan="<id>"``; the total is the element ``[data-zelfscan-score]`` whose
``data-score`` holds the number; the plan is the list inside ``[data-zelfscan-actions]``
with one ``<li>`` per action.
"""

from __future__ import annotations

from datetime import date

from kb.model import dates
from kb.model.pages import Page, url_for
from kb.model.registries import Registries
from kb.model.zelfscans import Question, Scan
from kb.render.lists import relative_url
from kb.render.markup import esc, front_matter, link
from kb.render.notices import error_block, review_notice

WIDGET_NAME = "zelfscan"
PRIVACY_NOTE = (
    "Je antwoorden blijven op deze computer, in deze browser. Niets wordt naar de "
    "kennisbank of naar iemand anders gestuurd. Wil je verder op een andere computer of "
    "vergelijken met een collega? Exporteer je antwoorden en importeer ze daar."
)


def scan_page(record: Page, scan: Scan | None, marker: str, registries: Registries,
              titles: dict[str, str], today: date) -> str:  # fmt: skip
    """The generated Markdown of a scan's page; ``marker`` is where the form goes."""
    head = front_matter(record.title, record.description, "zelfscan")
    if scan is None:  # the file is broken: show what is wrong (the build fails anyway)
        return head + f"\n# {esc(record.title)}\n\n" + error_block(record.findings)
    base = url_for(record.src)
    count = len(scan.questions)
    parts = [
        head,
        f"# {esc(record.title)}\n",
        review_notice(record, today),
        error_block(record.findings),
        f"<p>{esc(record.description)}</p>\n",
        '<div class="admonition info kb-zelfscan-privacy">\n'
        '<p class="admonition-title">Je antwoorden blijven bij jou</p>\n'
        f"<p>{esc(PRIVACY_NOTE)}</p>\n</div>\n",
        "<p>De zelfscan heeft "
        f"{count} {'vraag' if count == 1 else 'vragen'} in {len(scan.sections)} "
        "onderdelen. Zonder JavaScript kan je de vragenlijst lezen en afdrukken; met "
        "JavaScript berekent de pagina je score per onderdeel en in totaal, en maakt ze "
        "een actieplan: de zwakste antwoorden op de zwaarste vragen eerst.</p>\n",
        marker,
        "\n## Over deze zelfscan\n",
        _about(scan, registries, titles, base),
    ]
    return "\n".join(p for p in parts if p)


def _about(scan: Scan, registries: Registries, titles: dict[str, str], base: str) -> str:
    meta = scan.record.meta
    reviewed = dates.parse_date(meta.get("reviewed"))
    review_by = scan.record.review_by
    lines = [f"<p>Versie {esc(scan.version)}"]
    if reviewed:
        lines[0] += f", nagekeken op {esc(dates.format_date_nl(reviewed))}"
    if review_by:
        lines[0] += f"; opnieuw na te kijken uiterlijk op {esc(dates.format_date_nl(review_by))}"
    lines[0] += ".</p>"
    sources = []
    attributions = []
    for source_id in scan.sources:
        source = registries.sources.get(source_id)
        if source is None:  # an https address
            sources.append(link(source_id, esc(source_id)))
            continue
        sources.append(f"{link(source.url, esc(source.title))} ({esc(source.publisher)})")
        license_ = registries.licenses.get(source.license)
        if license_ is not None:
            attributions.append(
                f"<p>Deze zelfscan is een eigen bewerking op basis van "
                f"{esc(source.title)} ({esc(source.publisher)}). {esc(license_.attribution)}</p>"
            )
    lines.append("<p>Bronnen:</p>\n<ul>\n" + "\n".join(f"<li>{s}</li>" for s in sources)
                 + "\n</ul>")  # fmt: skip
    lines.extend(attributions)
    pages = sorted({p for q in scan.questions for p in q.advice})
    if pages:
        lines.append(
            "<p>De vragen steunen op deze pagina's van de kennisbank:</p>\n<ul>\n"
            + "\n".join(f"<li>{_page_link(p, titles, base)}</li>" for p in pages)
            + "\n</ul>"
        )
    return "\n".join(lines) + "\n"


def _page_link(path: str, titles: dict[str, str], base: str) -> str:
    return link(relative_url(base, url_for(path)), esc(titles.get(path, path)))


# --------------------------------------------------------------------------- the form


def scan_form(scan: Scan, titles: dict[str, str]) -> str:
    """The questionnaire (HTML widget, every value escaped)."""
    base = url_for(scan.record.src)
    total = len(scan.questions)
    out = [
        f'<form class="kb-zelfscan" data-zelfscan="{esc(scan.id)}" '
        f'data-zelfscan-version="{esc(scan.version)}" data-zelfscan-title="{esc(scan.record.title)}" '
        'action="#" method="get">',
        '<div class="kb-zelfscan__tools" data-zelfscan-tools hidden>',
        f'<p class="kb-zelfscan__progress" data-zelfscan-progress aria-live="polite">0 van {total} '
        "beantwoord</p>",
        '<p class="kb-zelfscan__notice" data-zelfscan-notice role="status" hidden></p>',
        '<div class="kb-zelfscan__buttons">',
        '<button type="button" class="md-button" data-zelfscan-export="json">Exporteer (JSON)</button>',
        '<button type="button" class="md-button" data-zelfscan-export="csv">Exporteer (CSV)</button>',
        '<label class="md-button kb-zelfscan__import">Importeer een export (JSON)'
        '<input type="file" accept="application/json,.json" data-zelfscan-import></label>',
        '<button type="button" class="md-button" data-zelfscan-print>Druk het actieplan af</button>',
        '<button type="button" class="md-button" data-zelfscan-clear>Wis mijn antwoorden</button>',
        "</div>",
        "</div>",
    ]
    number = 0
    for s_index, section in enumerate(scan.sections, start=1):
        heading = f"zelfscan-{esc(section.id)}"
        out.append(
            f'<section class="kb-zelfscan__section" data-zelfscan-section="{esc(section.id)}" '
            f'aria-labelledby="{heading}">'
        )
        out.append(f'<h2 id="{heading}">{s_index}. {esc(section.title)}</h2>')
        out.append(
            f'<p class="kb-zelfscan__section-score" data-zelfscan-section-score="{esc(section.id)}" '
            "hidden></p>"
        )
        for question in section.questions:
            number += 1
            out.append(_question(question, number, titles, base))
        out.append("</section>")
    out += [
        '<section class="kb-zelfscan__result" data-zelfscan-result hidden '
        'aria-labelledby="zelfscan-resultaat">',
        '<h2 id="zelfscan-resultaat">Je resultaat</h2>',
        '<p class="kb-zelfscan__score">Totaalscore: <strong data-zelfscan-score data-score="">'
        "–</strong> van 100</p>",
        '<p class="kb-zelfscan__explain">De score telt alleen de beantwoorde vragen: 0 als '
        "elk antwoord het zwakste is, 100 als elk antwoord het sterkste is, en zwaardere "
        "vragen wegen meer.</p>",
        '<h3 id="zelfscan-actieplan">Actieplan</h3>',
        '<div class="kb-zelfscan__actions" data-zelfscan-actions><ol></ol></div>',
        "<p data-zelfscan-actions-empty hidden>Geen acties: elke beantwoorde vraag heeft het "
        "sterkste antwoord.</p>",
        "</section>",
        "</form>",
    ]
    return "\n".join(out) + "\n"


def _question(question: Question, number: int, titles: dict[str, str], base: str) -> str:
    qid = esc(question.id)
    out = [
        f'<fieldset class="kb-zelfscan__question" data-zelfscan-question="{qid}" '
        f'data-weight="{question.weight}">',
        f"<legend>{number}. {esc(question.text)}</legend>",
    ]
    if question.help:
        out.append(f'<p class="kb-zelfscan__help">{esc(question.help)}</p>')
    out.append('<div class="kb-zelfscan__answers">')
    for answer in question.answers:
        field_id = f"zelfscan-{qid}-{esc(answer.id)}"
        out.append(
            f'<div class="kb-zelfscan__answer"><input type="radio" id="{field_id}" name="{qid}" '
            f'value="{esc(answer.id)}" data-score="{answer.score}">'
            f'<label for="{field_id}">{esc(answer.label)}</label></div>'
        )
    out.append("</div>")
    links = ", ".join(_page_link(p, titles, base) for p in question.advice)
    out.append('<details class="kb-zelfscan__advice" data-zelfscan-advice>')
    out.append("<summary>Wat kan je doen?</summary>")
    out.append(f"<p data-zelfscan-action>{esc(question.action)}</p>")
    out.append(f"<p>Lees meer: {links}</p>")
    if question.refs:
        out.append(
            '<p class="kb-zelfscan__refs">Verwijst naar: '
            + ", ".join(esc(r) for r in question.refs)
            + "</p>"
        )
    out.append("</details>")
    out.append("</fieldset>")
    return "\n".join(out)
