"""The ``.pages`` files of ``docs/`` (mkdocs-awesome-pages-plugin): checked like pages.

A ``.pages`` file sets a section's title and the order of its menu. Its title is shown
in the navigation, tabs and path of every page, so it must be plain text; its ``nav``
may only name files and folders of that section (no links to other sites, no
``javascript:``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from kb.check.html_policy import is_other_host
from kb.check.plain_text import text_problem
from kb.model.files import NAVIGATION_FILE, read_text
from kb.model.findings import Finding
from kb.model.frontmatter import ParsedDocument, parse_yaml

MAX_BYTES = 16 * 1024
OPTIONS: dict[str, tuple[type] | tuple[str, ...]] = {
    "title": (str,),
    "nav": (list,),
    "collapse": (bool,),
    "collapse_single_pages": (bool,),
    "hide": (bool,),
    "ignore_case": (bool,),
    "order": ("asc", "desc"),
    "sort_type": ("natural",),
    "order_by": ("filename", "title"),
}
_KINDS = {str: "tekst", list: "een lijst", bool: "`true` of `false`"}


def navigation_findings(
    root: object, docs_dir: object, known_files: Iterable[str], rel_path: str = "docs"
) -> list[Finding]:
    """Problems of every ``.pages`` file among ``known_files`` (docs-relative paths)."""
    from pathlib import Path

    known = set(known_files)
    folders = {posixpath.dirname(f) for f in known} | {""}
    for f in list(folders):
        while f:
            f = posixpath.dirname(f)
            folders.add(f)
    out: list[Finding] = []
    for src in sorted(f for f in known if posixpath.basename(f) == NAVIGATION_FILE):
        path = f"{rel_path}/{src}"
        text = read_text(Path(str(docs_dir)), src)
        if text is None:
            continue
        out.extend(check_navigation_file(path, posixpath.dirname(src), text, known, folders))
    return out


def check_navigation_file(
    path: str, folder: str, text: str, known: set[str], folders: set[str]
) -> list[Finding]:
    doc = parse_yaml(text, max_bytes=MAX_BYTES)
    out = [Finding(path, e.line, e.code, e.message) for e in doc.errors]
    if doc.errors:
        return out
    data = doc.meta or {}
    for key, value in data.items():
        line = doc.line_of((key,))
        if key not in OPTIONS:
            allowed = ", ".join(f"`{k}`" for k in OPTIONS)
            out.append(
                Finding(
                    path, line, "onbekend-veld", f"Onbekend veld `{key}`. Toegelaten: {allowed}."
                )
            )
            continue
        expected = OPTIONS[key]
        kind = expected[0]
        if isinstance(kind, type):
            if not isinstance(value, kind):
                out.append(
                    Finding(path, line, "verkeerd-type", f"`{key}` moet {_KINDS[kind]} zijn.")
                )
                continue
        elif value not in expected:
            choices = ", ".join(f"`{v}`" for v in expected)
            out.append(
                Finding(path, line, "onbekende-waarde", f"`{key}` moet een van {choices} zijn.")
            )
            continue
        if key == "title":
            problem = text_problem(value)
            if problem:
                out.append(Finding(path, line, "geen-gewone-tekst", f"`title` {problem}."))
        if key == "nav":
            out.extend(_nav_findings(path, doc, ("nav",), value, folder, known, folders))
    return out


def _nav_findings(
    path: str,
    doc: ParsedDocument,
    at: tuple[str | int, ...],
    entries: list[object],
    folder: str,
    known: set[str],
    folders: set[str],
) -> list[Finding]:
    out = []
    for index, entry in enumerate(entries):
        line = doc.line_of((*at, index))
        if isinstance(entry, str):
            out.extend(_target_findings(path, line, entry, folder, known, folders))
        elif isinstance(entry, dict) and len(entry) == 1:
            title, target = next(iter(entry.items()))
            problem = text_problem(str(title))
            if problem:
                out.append(
                    Finding(path, line, "geen-gewone-tekst", f"De menutitel `{title}` {problem}.")
                )
            if isinstance(target, str):
                out.extend(_target_findings(path, line, target, folder, known, folders))
            elif isinstance(target, list):
                out.extend(
                    _nav_findings(
                        path, doc, (*at, index, str(title)), target, folder, known, folders
                    )
                )
            else:
                out.append(
                    Finding(
                        path,
                        line,
                        "nav-ongeldig",
                        f"`{title}` moet naar een bestand of map wijzen.",
                    )
                )
        else:
            out.append(
                Finding(
                    path,
                    line,
                    "nav-ongeldig",
                    "Een item van `nav` is een bestand of map van deze sectie (bv. `back-ups.md`), "
                    "`...` voor de rest, of `Titel: bestand.md`.",
                )
            )
    return out


def _target_findings(
    path: str, line: int, target: str, folder: str, known: set[str], folders: set[str]
) -> list[Finding]:
    if target.startswith("..."):
        return []
    if is_other_host(target) or ":" in target:
        return [
            Finding(
                path,
                line,
                "nav-link",
                f"`{target}` is geen bestand van deze sectie. Het menu bevat alleen pagina's "
                "en secties van de site; een link naar een andere site hoort in de tekst van "
                "een pagina.",
            )
        ]
    resolved = (
        posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)
    )
    if resolved.startswith("..") or "\\" in target or target.startswith("/"):
        return [Finding(path, line, "nav-ongeldig", f"`{target}` ligt buiten deze sectie.")]
    if resolved in known or resolved in folders:
        return []
    return [
        Finding(
            path,
            line,
            "nav-ontbreekt",
            f"`{target}` bestaat niet in `docs/{folder + '/' if folder else ''}`.",
        )
    ]
