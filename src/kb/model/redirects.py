"""The redirect map (``data/redirects.yml``): old page -> new page.

Checked like pages (``kb.check.redirects``); the build writes a small page at each old
address (``kb.export.redirect_pages``).
"""

from __future__ import annotations

import re
from pathlib import Path

from kb.model.files import read_text
from kb.model.findings import Finding
from kb.model.frontmatter import parse_yaml

REDIRECTS_FILE = "data/redirects.yml"
# Output folders of the build and the theme: no redirect may write into them.
RESERVED_FOLDERS = ("assets", "pagefind", "zoeken", "api", "search", "javascripts", "stylesheets")
_PART = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def path_problem(path: str) -> str | None:
    """Why ``path`` is not a page path relative to docs/ (``adviezen/back-ups.md``)."""
    if not path.endswith(".md"):
        return "eindigt niet op `.md`"
    if path.startswith("/") or "\\" in path:
        return "moet een pad relatief aan `docs/` zijn, met gewone schuine strepen"
    parts = path[:-3].split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "mag geen `..`, `.` of lege delen bevatten (het moet binnen `docs/` blijven)"
    if not all(_PART.match(part) for part in parts):
        return "gebruikt andere tekens dan kleine letters, cijfers en koppeltekens"
    if parts[0] in RESERVED_FOLDERS:
        return f"ligt in `{parts[0]}/`, een map die de bouw zelf vult"
    return None


def load_redirects(root: Path) -> tuple[dict[str, str], list[Finding]]:
    """The map and its problems (targets are checked by ``check_redirects``)."""
    text = read_text(root, REDIRECTS_FILE)
    if text is None:
        return {}, []
    doc = parse_yaml(text)
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
        problems = [(str(old), path_problem(str(old))), (new, path_problem(new))]
        bad = [(path, problem) for path, problem in problems if problem]
        for path, problem in bad:
            findings.append(
                Finding(REDIRECTS_FILE, line, "omleiding-ongeldig", f"`{path}` {problem}.")
            )
        if not bad:
            mapping[str(old)] = new
    return mapping, findings
