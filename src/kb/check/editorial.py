"""Editorial remarks in running text ("niet bevestigd", ...): they belong in ``to_verify``.

The phrases are kept in ``data/editorial_phrases.yml``. Code (fenced and inline),
quotations (``>``) and HTML comments are exempt, as are the front-matter fields where an
uncertainty belongs (``to_verify``, and an event's ``expected``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kb.check.markdown_scan import without_code
from kb.model.files import read_text
from kb.model.findings import Finding
from kb.model.frontmatter import load_yaml_data
from kb.model.pages import Page

PHRASES_FILE = "data/editorial_phrases.yml"
# Front-matter text that readers see as running text.
TEXT_FIELDS = ("title", "description", "eligible", "purchaser", "category", "location")


def load_phrases(root: Path) -> tuple[str, ...]:
    text = read_text(root, PHRASES_FILE)
    data = load_yaml_data(text)[0] if text is not None else None
    if not isinstance(data, dict):
        return ()
    return tuple(str(p).strip().lower() for p in data.get("phrases") or [] if str(p).strip())


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = (r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def running_text(text: str) -> str:
    """``text`` with code, quotations and comments blanked out (line numbers kept)."""
    return without_code(text, quotations=True, comments=True)


def remark_findings(page: Page, phrases: tuple[str, ...]) -> list[Finding]:
    pattern = _pattern(phrases)
    if pattern is None:
        return []
    out = []
    body = running_text(page.body)
    for match in pattern.finditer(body):
        line = page.doc.body_line + body.count("\n", 0, match.start())
        out.append(_finding(page, line, match.group(0)))
    for name in TEXT_FIELDS:
        value = page.meta.get(name)
        if isinstance(value, str):
            for match in pattern.finditer(value):
                out.append(_finding(page, page.doc.line_of((name,)), match.group(0), name))
    return out


def _finding(page: Page, line: int, phrase: str, field: str = "") -> Finding:
    where = f"in `{field}`" if field else "in de tekst"
    return Finding(
        page.path,
        line,
        "redactionele-opmerking",
        f"\u201c{' '.join(phrase.split())}\u201d {where} is een opmerking van de redactie. "
        "Schrijf wat vaststaat, met de bron; wat nog nagegaan moet worden, hoort in het "
        "veld `to_verify` (het verschijnt als kader 'Nog na te gaan' onderaan de pagina).",
        "warning",
    )
