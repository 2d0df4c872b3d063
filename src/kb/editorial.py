"""Editorial remarks in running text ("niet bevestigd", ...): they belong in ``to_verify``.

The phrases are kept in ``data/editorial_phrases.yml``. Code (fenced and inline),
quotations (``>``) and HTML comments are exempt, as are the front-matter fields where an
uncertainty belongs (``to_verify``, and an event's ``expected``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from kb.findings import Finding
from kb.pages import Page

PHRASES_FILE = "data/editorial_phrases.yml"
# Front-matter text that readers see as running text.
TEXT_FIELDS = ("title", "description", "eligible", "purchaser", "category", "location")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def load_phrases(root: Path) -> tuple[str, ...]:
    path = root / PHRASES_FILE
    if not path.exists():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(str(p).strip().lower() for p in data.get("phrases") or [] if str(p).strip())


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = (r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def running_text(text: str) -> str:
    """``text`` with code, quotations and comments blanked out (line numbers kept)."""
    lines = []
    in_fence = False
    for line in _COMMENT.sub(_blank, text).split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence or line.lstrip().startswith(">"):
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(_blank, line))
    return "\n".join(lines)


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
