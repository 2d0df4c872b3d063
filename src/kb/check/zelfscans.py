"""Checks of a self-assessment file (``data/zelfscans/<id>.yml``), with lines.

The schema (type ``zelfscan`` in ``kb.model.schema``) checks the shape; this module adds
what a schema cannot say: ids unique in the scan and in a question, at least two
different scores per question, advice pages that exist, sources that are registered (and
whose licence allows an adaptation) or https addresses, a valid file name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kb.check.page_rules import Context, date_findings, schema_findings
from kb.model.findings import Finding
from kb.model.pages import Page
from kb.model.zelfscans import SCANS_DIR, scan_id, valid_id


def scan_findings(record: Page, context: Context) -> list[Finding]:
    """Every problem of one scan file, in one run."""
    doc = record.doc
    out = [Finding(record.path, e.line, e.code, e.message) for e in doc.errors]
    if doc.errors:
        return out
    if not isinstance(doc.meta, dict):
        return [Finding(record.path, 1, "zelfscan-ongeldig",
                        "Een zelfscan is een reeks velden (`title:`, `sections:`, ...).")]  # fmt: skip
    name = scan_id(record.path)
    if not valid_id(name):
        out.append(Finding(record.path, 1, "foute-bestandsnaam",
                           f"`{name}` is geen geldige naam voor een zelfscan: gebruik kleine "
                           "letters, cijfers en koppeltekens (de naam wordt het webadres "
                           f"werkinstrumenten/<naam>/), bv. `{SCANS_DIR}/basisbeveiliging.yml`."))  # fmt: skip
    if ("type",) in doc.lines:  # the record's type is set by the loader
        out.append(Finding(record.path, doc.line_of(("type",)), "onbekend-veld",
                           "Een zelfscan heeft geen veld `type`: elk bestand in "
                           f"{SCANS_DIR}/ is een zelfscan."))  # fmt: skip
    out.extend(schema_findings(record, context.vocabulary))
    out.extend(date_findings(record, context.clock_today))
    out.extend(_id_findings(record))
    out.extend(_advice_findings(record, context.known_files))
    out.extend(_source_findings(record, context))
    return out


def _sections(record: Page) -> list[tuple[int, dict[str, Any]]]:
    sections = record.meta.get("sections")
    if not isinstance(sections, list):
        return []
    return [(i, s) for i, s in enumerate(sections) if isinstance(s, dict)]


def _questions(record: Page) -> Iterable[tuple[tuple[Any, ...], dict[str, Any]]]:
    for i, section in _sections(record):
        questions = section.get("questions")
        if isinstance(questions, list):
            for j, question in enumerate(questions):
                if isinstance(question, dict):
                    yield ("sections", i, "questions", j), question


def _id_findings(record: Page) -> list[Finding]:
    out: list[Finding] = []
    line = record.doc.line_of

    def duplicate(path: tuple[Any, ...], what: str, value: str, first: tuple[Any, ...]) -> None:
        out.append(Finding(record.path, line(path + ("id",)), "dubbele-id",
                           f"{what} `{value}` komt twee keer voor (eerst op regel "
                           f"{line(first + ('id',))}); elke id moet uniek zijn."))  # fmt: skip

    seen_sections: dict[str, tuple[Any, ...]] = {}
    for i, section in _sections(record):
        key = str(section.get("id"))
        if key in seen_sections:
            duplicate(("sections", i), "Onderdeel", key, seen_sections[key])
        seen_sections.setdefault(key, ("sections", i))
    seen_questions: dict[str, tuple[Any, ...]] = {}
    for path, question in _questions(record):
        key = str(question.get("id"))
        if key in seen_questions:
            duplicate(path, "Vraag", key, seen_questions[key])
        seen_questions.setdefault(key, path)
        answers = question.get("answers")
        if not isinstance(answers, list):
            continue
        seen_answers: dict[str, tuple[Any, ...]] = {}
        scores = set()
        for k, answer in enumerate(answers):
            if not isinstance(answer, dict):
                continue
            answer_path = path + ("answers", k)
            answer_key = str(answer.get("id"))
            if answer_key in seen_answers:
                duplicate(answer_path, f"Antwoord in vraag `{key}`:", answer_key,
                          seen_answers[answer_key])  # fmt: skip
            seen_answers.setdefault(answer_key, answer_path)
            if isinstance(answer.get("score"), int):
                scores.add(answer["score"])
        if len(answers) >= 2 and len(scores) == 1:
            out.append(Finding(record.path, line(path + ("answers",)), "scores-gelijk",
                               f"Vraag `{key}`: alle antwoorden hebben score {scores.pop()}. "
                               "Geef minstens twee verschillende scores (0 tot 3), anders "
                               "telt de vraag niet mee."))  # fmt: skip
    return out


def _advice_findings(record: Page, known_files: set[str]) -> list[Finding]:
    out = []
    for path, question in _questions(record):
        advice = question.get("advice")
        if not isinstance(advice, list):
            continue
        for k, target in enumerate(advice):
            if isinstance(target, str) and target not in known_files:
                out.append(Finding(record.path, record.doc.line_of(path + ("advice", k)),
                                   "gebroken-link",
                                   f"`advice`: `{target}` bestaat niet (een pad vanaf `docs/`, "
                                   "bv. `adviezen/back-ups.md`)."))  # fmt: skip
    return out


def _source_findings(record: Page, context: Context) -> list[Finding]:
    out = []
    registries = context.registries
    for k, source in enumerate(record.values("sources")):
        if source.startswith("https://"):
            continue
        line = record.doc.line_of(("sources", k))
        known = registries.sources.get(source)
        if known is None:
            out.append(Finding(record.path, line, "bron-onbekend",
                               f"`sources`: `{source}` staat niet in data/sources.yml en is geen "
                               "webadres (https://…)."))  # fmt: skip
            continue
        license_ = registries.licenses.get(known.license)
        if license_ is None:
            continue  # reported on the registry
        if license_.translation == "forbidden":
            out.append(Finding(record.path, line, "licentie-verboden",
                               f"De licentie van bron `{source}` ({license_.name}) laat geen "
                               "bewerking toe: een zelfscan mag er niet op gebaseerd zijn. "
                               "Verwijs er alleen naar met een webadres."))  # fmt: skip
        elif license_.translation == "permission-required":
            out.append(Finding(record.path, line, "toestemming-ontbreekt",
                               f"De licentie van bron `{source}` ({license_.name}) vereist "
                               "toestemming van de uitgever voor een bewerking; een zelfscan "
                               "kan die toestemming niet vastleggen. Verwijs er alleen naar "
                               "met een webadres."))  # fmt: skip
    return out
