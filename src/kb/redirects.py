"""The redirect map (``data/redirects.yml``): old page -> new page, checked like pages."""

from __future__ import annotations

from pathlib import Path

from kb.findings import Finding
from kb.frontmatter import parse_yaml

REDIRECTS_FILE = "data/redirects.yml"


def load_redirects(root: Path) -> tuple[dict[str, str], list[Finding]]:
    """The map and its YAML problems (the targets are checked by ``check_redirects``)."""
    path = root / REDIRECTS_FILE
    if not path.exists():
        return {}, []
    doc = parse_yaml(path.read_text(encoding="utf-8"))
    findings = [Finding(REDIRECTS_FILE, e.line, e.code, e.message) for e in doc.errors]
    mapping: dict[str, str] = {}
    for old, new in (doc.meta or {}).items():
        line = doc.line_of((old,))
        if not isinstance(new, str) or not str(old).endswith(".md") or not new.endswith(".md"):
            findings.append(
                Finding(
                    REDIRECTS_FILE,
                    line,
                    "omleiding-ongeldig",
                    f"`{old}: {new}` moet van een oud Markdown-bestand naar een nieuw gaan, "
                    "bv. `adviezen/back-ups.md: adviezen/back-ups-op-school.md`.",
                )
            )
            continue
        mapping[str(old)] = new
    return mapping, findings


def check_redirects(root: Path, mapping: dict[str, str], known_files: set[str]) -> list[Finding]:
    """Every target must exist; an old address may not be a page that still exists."""
    doc = parse_yaml((root / REDIRECTS_FILE).read_text(encoding="utf-8")) if mapping else None
    findings = []
    for old, new in mapping.items():
        line = doc.line_of((old,)) if doc else None
        if new not in known_files:
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
    return findings
