"""Checks of the redirect map against the pages and the generated outputs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kb.model.files import read_text
from kb.model.findings import Finding
from kb.model.frontmatter import parse_yaml
from kb.model.pages import url_for
from kb.model.redirects import REDIRECTS_FILE


def check_redirects(
    root: Path, mapping: dict[str, str], known_files: set[str], generated: Iterable[str] = ()
) -> list[Finding]:
    """Every target must exist; an old address may not be a page that still exists, nor a
    page or file the build generates."""
    text = read_text(root, REDIRECTS_FILE) if mapping else None
    doc = parse_yaml(text) if text is not None else None
    made = set(generated)
    made_urls = {url_for(src) for src in made if src.endswith(".md")}
    findings = []
    for old, new in mapping.items():
        line = doc.line_of((old,)) if doc else None
        if new not in known_files and new not in made:
            findings.append(
                Finding(
                    REDIRECTS_FILE,
                    line,
                    "omleiding-doel-ontbreekt",
                    f"De omleiding van `{old}` gaat naar `{new}`, maar die pagina bestaat niet.",
                )
            )
        if old in known_files:
            findings.append(
                Finding(
                    REDIRECTS_FILE,
                    line,
                    "omleiding-bestaat-nog",
                    f"`{old}` bestaat nog als pagina; een omleiding ervan zou ze verbergen. "
                    "Verwijder de regel of de oude pagina.",
                )
            )
        if old in made or url_for(old) in made_urls:
            findings.append(
                Finding(
                    REDIRECTS_FILE,
                    line,
                    "omleiding-naar-gemaakte-pagina",
                    f"`{old}` is een pagina die de bouw zelf maakt; een omleiding zou ze "
                    "vervangen. Kies het oude adres van een pagina die verhuisde.",
                )
            )
    return findings
