"""The glossary (``includes/afkortingen.md``): abbreviations shown as tooltips on every page.

The file keeps the familiar ``*[AFK]: betekenis`` notation of Python-Markdown's ``abbr``
extension. It is read once per build and handed to that extension as its ``glossary``,
instead of being appended to every page as Markdown: parsing 41 definitions again for
each of 1,000 pages cost about two seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from html import escape
from pathlib import Path

from kb.check.plain_text import text_problem
from kb.model.files import read_text
from kb.model.findings import Finding
from kb.model.frontmatter import normalise_newlines

GLOSSARY_FILE = "includes/afkortingen.md"
_DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<title>.*?)\s*$")


def load_glossary(root: Path) -> tuple[dict[str, str], list[Finding]]:
    """Abbreviation -> meaning, and a Dutch finding (with line) for every bad line."""
    text = read_text(root, GLOSSARY_FILE)
    if text is None:
        return {}, []
    glossary: dict[str, str] = {}
    first_line: dict[str, int] = {}
    findings: list[Finding] = []
    for number, line in enumerate(normalise_newlines(text).split("\n"), start=1):
        if not line.strip():
            continue
        match = _DEFINITION.match(line)
        if match is None:
            findings.append(
                Finding(
                    GLOSSARY_FILE,
                    number,
                    "afkorting-ongeldig",
                    f"`{line.strip()}` is geen afkorting. Schrijf één afkorting per regel, "
                    "bv. `*[AIV]: Aanspreekpunt informatieveiligheid`.",
                )
            )
            continue
        abbr, title = match["abbr"].strip(), match["title"]
        problem = text_problem(abbr) or (text_problem(title) if title else None)
        if problem:
            findings.append(
                Finding(
                    GLOSSARY_FILE,
                    number,
                    "afkorting-ongeldig",
                    f"Deze afkorting of haar betekenis {problem}.",
                )
            )
            continue
        if not title:
            findings.append(
                Finding(
                    GLOSSARY_FILE,
                    number,
                    "afkorting-zonder-betekenis",
                    f"De afkorting `{abbr}` heeft geen betekenis. Vul ze aan na de dubbelepunt.",
                )
            )
            continue
        if abbr in glossary:
            findings.append(
                Finding(
                    GLOSSARY_FILE,
                    number,
                    "afkorting-dubbel",
                    f"De afkorting `{abbr}` staat al op regel {first_line[abbr]}. "
                    "Houd één betekenis per afkorting.",
                )
            )
            continue
        glossary[abbr] = title
        first_line[abbr] = number
    return glossary, findings


def abbreviation_marker(glossary: Mapping[str, str]) -> Callable[[str], str]:
    """A function that wraps the glossary's abbreviations in already escaped HTML text in
    ``<abbr>``, as the ``abbr`` extension does in converted Markdown (for generated HTML
    lists). Made once per list: reading the glossary costs more than marking a title."""
    if not glossary:
        return lambda text: text
    pattern, titles = _abbreviation_pattern(tuple(sorted(glossary.items())))

    def mark(text: str) -> str:
        return pattern.sub(lambda m: f'<abbr title="{titles[m[0]]}">{m[0]}</abbr>', text)

    return mark


@cache
def _abbreviation_pattern(
    items: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], dict[str, str]]:
    titles = {escape(abbr): escape(title) for abbr, title in items}
    longest_first = sorted(titles, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b"), titles
