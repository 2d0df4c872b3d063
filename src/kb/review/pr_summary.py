"""``kb pr-summary``: what a pull request changes, page by page, for the job summary."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Any

from kb.check.project import check_pages
from kb.model import dates
from kb.model.findings import Finding
from kb.model.frontmatter import parse_document
from kb.model.pages import Page
from kb.model.project import DOCS_DIR, Project
from kb.review.consent import not_their_own
from kb.review.translation_status import translation_status

LABELS = {"A": "Toegevoegd", "M": "Gewijzigd", "R": "Verplaatst", "D": "Verwijderd"}


class PrSummaryError(Exception):
    """A Dutch message."""


@dataclass
class Change:
    status: str  # A, M, R, D
    path: str  # current path (old path for D)
    old_path: str = ""


def _git(project: Project, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=project.root, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise PrSummaryError(f"git {' '.join(args)} mislukte: {proc.stderr.strip()}")
    return proc.stdout


def changes(project: Project, base: str) -> list[Change]:
    _git(project, "rev-parse", "--verify", f"{base}^{{commit}}")
    out = _git(project, "diff", "--name-status", "-M", base, "--", f"{DOCS_DIR}/")
    items: list[Change] = []
    for line in out.splitlines():
        parts = line.split("\t")
        code = parts[0][0]
        if code == "R":
            items.append(Change("R", parts[2], parts[1]))
        elif code in "AMD":
            items.append(Change(code, parts[1]))
    untracked = _git(project, "ls-files", "--others", "--exclude-standard", "--", f"{DOCS_DIR}/")
    items.extend(Change("A", path) for path in untracked.splitlines())
    return [c for c in items if c.path.endswith(".md")]


def _old_meta(project: Project, base: str, path: str) -> dict[str, Any]:
    try:
        text = _git(project, "show", f"{base}:{path}")
    except PrSummaryError:
        return {}
    return parse_document(text).meta or {}


def _describe(project: Project, page: Page) -> tuple[str, str]:
    meta = page.meta
    bits = []
    if page.values("roles"):
        bits.append("rollen: " + ", ".join(page.values("roles")))
    if page.values("topics"):
        bits.append("thema's: " + ", ".join(page.values("topics")))
    if page.type == "vertaling":
        status = translation_status(page, project.registries, project.root, dates.today())
        source = status.source
        verdict = status.license.verdict_label if status.license else "licentie onbekend"
        bits.append(
            f"bron: `{meta.get('source')}`"
            + (f" ({source.publisher})" if source else "")
            + f", licentie: {verdict}, status: **{status.state}**"
        )
    errors = [f for f in page.findings if f.severity == "error"]
    if errors:
        first = "; ".join(f"regel {f.line}: {f.message}" for f in errors[:3])
        more = f" (+{len(errors) - 3})" if len(errors) > 3 else ""
        check = f"❌ {len(errors)} {'fout' if len(errors) == 1 else 'fouten'}: {first}{more}"
    else:
        check = "✅ in orde"
    return "; ".join(bits), check


PROFILE_WARNING = (
    "⚠ profiel van iemand anders dan de auteur van deze pull request: vraag na of die "
    "persoon zelf toestemming gaf (`consent.via`) voor je samenvoegt"
)


def foreign_profiles(project: Project, base: str, author: str) -> list[Page]:
    """New or changed profiles whose ``github`` is not the pull request's author."""
    found = []
    for change in changes(project, base):
        page = project.pages.get(change.path.removeprefix(f"{DOCS_DIR}/"))
        if change.status != "D" and page is not None and not_their_own(page, author):
            found.append(page)
    return found


def github_annotations(project: Project, base: str, author: str) -> str:
    """GitHub workflow commands that mark each such profile in the pull request."""
    check_pages(project)
    lines = []
    for page in foreign_profiles(project, base, author):
        finding = Finding(page.path, page.doc.line_of(("github",)), "toestemming-nagaan",
                          PROFILE_WARNING + ".", "warning")  # fmt: skip
        lines.append(finding.as_github())
    return "\n".join(lines) + ("\n" if lines else "")


def summarize(project: Project, base: str, author: str = "") -> str:
    items = changes(project, base)
    check_pages(project)
    foreign = {page.src for page in foreign_profiles(project, base, author)}
    out = ["## Pagina's in deze pull request", ""]
    if not items:
        out.append(f"Geen pagina's gewijzigd ten opzichte van `{base}`.")
        return "\n".join(out) + "\n"
    out += [
        "| Wijziging | Pagina | Type | Titel | Inhoud | Controle |",
        "|---|---|---|---|---|---|",
    ]
    errors = 0
    for change in sorted(items, key=lambda c: ("ARMD".index(c.status), c.path)):
        label = LABELS[change.status]
        if change.status == "D":
            meta = _old_meta(project, base, change.path)
            out.append(
                f"| {label} | `{change.path}` | {meta.get('type', '')} | "
                f"{_cell(meta.get('title', ''))} | | |"
            )
            continue
        src = change.path.removeprefix(f"{DOCS_DIR}/")
        page = project.pages.get(src)
        if page is None:
            continue
        where = (
            f"`{change.old_path}` → `{change.path}`"
            if change.status == "R"
            else (f"`{change.path}`")
        )
        content, check = _describe(project, page)
        if page.src in foreign:
            check = f"{check}; {PROFILE_WARNING}"
        errors += 0 if page.is_valid else 1
        out.append(
            f"| {label} | {where} | {page.type} | {_cell(page.title)} | {_cell(content)} | "
            f"{_cell(check)} |"
        )
    out.append("")
    out.append(
        f"{len(items)} {'pagina' if len(items) == 1 else 'pagina’s'} gewijzigd; "
        + ("alle controles in orde." if not errors else f"{errors} met fouten (zie `kb check`).")
    )
    return "\n".join(out) + "\n"


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")
