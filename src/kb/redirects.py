"""The redirect map (``data/redirects.yml``): old page -> new page, checked like pages.

The build writes one small page at each old address (``redirect_stub``): a same-site
meta refresh and a link, with a Content Security Policy that allows nothing else, so it
needs no script (the stubs of mkdocs-redirects carried an inline script).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from kb.files import read_text
from kb.findings import Finding
from kb.frontmatter import parse_yaml
from kb.markup import esc
from kb.pages import url_for

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


def stub_path(old: str) -> str:
    """Where the stub for the old page is written (``adviezen/oud/index.html``)."""
    return url_for(old) + "index.html"


def redirect_stub(old: str, new: str, site_url: str, title: str = "") -> str:
    """The page at the old address: a meta refresh to the new page and a link to it."""
    target = posixpath.relpath(url_for(new) or ".", url_for(old) or ".")
    target = "./" if target == "." else target + "/"
    canonical = site_url.rstrip("/") + "/" + url_for(new) if site_url.startswith("http") else ""
    canonical_tag = f'<link rel="canonical" href="{esc(canonical)}">\n' if canonical else ""
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "base-uri 'none'; form-action 'none'\">\n"
        '<meta name="robots" content="noindex">\n'
        "<title>Deze pagina is verhuisd</title>\n"
        f"{canonical_tag}"
        f'<meta http-equiv="refresh" content="0; url={esc(target)}">\n'
        "</head>\n<body>\n"
        f'<p>Deze pagina is verhuisd naar <a href="{esc(target)}">{esc(title or target)}</a>.</p>\n'
        "</body>\n</html>\n"
    )
