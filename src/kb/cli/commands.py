"""The ``kb`` command: the same rules as the build, for contributors and maintainers."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kb.check.project import check_pages, project_findings
from kb.cli import nl as cli_nl
from kb.model.findings import format_findings, has_errors, summary_line
from kb.model.project import Project, ProjectError, find_root

cli_nl.install()

app = typer.Typer(
    help="Kennisbank ICT-coördinatoren: pagina's maken, nakijken en opvolgen.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


def _load_project() -> Project:
    try:
        return Project.load(find_root())
    except ProjectError as exc:
        typer.echo(f"fout: {exc}", err=True)
        raise typer.Exit(2) from exc


def _docs_relative(project: Project, raw: Path) -> str | None:
    path = raw.resolve()
    try:
        return path.relative_to(project.docs_dir).as_posix()
    except ValueError:
        return None


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Pagina's of mappen om na te kijken (standaard: alles in docs/)."),
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", help="text (leesbaar), github (annotaties) of json."),
    ] = CheckFormat.text,
) -> None:
    """Kijk pagina's, links en registers na zonder de site te bouwen."""
    project = _load_project()
    project.scan_files()
    selected: list[str] | None = None
    if paths:
        selected = []
        for raw in paths:
            if raw.is_dir():
                rel = _docs_relative(project, raw)
                if rel is None:
                    continue
                prefix = "" if rel == "." else rel + "/"
                selected.extend(
                    f for f in project.known_files if f.startswith(prefix) and f.endswith(".md")
                )
                continue
            rel = _docs_relative(project, raw)
            if rel is None or not rel.endswith(".md"):
                continue  # registries and code are checked anyway / not pages
            if rel not in project.known_files:
                typer.echo(f"fout: {raw} bestaat niet.", err=True)
                raise typer.Exit(2)
            selected.append(rel)
    pages = check_pages(project, selected)
    findings = project_findings(project)
    output = format_findings(findings, fmt.value)
    if output:
        typer.echo(output)
    if fmt is CheckFormat.text:
        typer.echo(summary_line(findings, len(pages)), err=True)
    raise typer.Exit(1 if has_errors(findings) else 0)


@app.command()
def new(
    page_type: Annotated[str, typer.Argument(metavar="TYPE", help="Soort pagina, bv. advies.")],
    title: Annotated[str, typer.Argument(metavar="TITEL", help="Titel van de pagina.")],
    role: Annotated[list[str] | None, typer.Option("--role", help="Rol (herhaalbaar).")] = None,
    topic: Annotated[list[str] | None, typer.Option("--topic", help="Thema (herhaalbaar).")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Bron-id uit data/sources.yml (vertaling).")
    ] = None,
    section: Annotated[
        str | None, typer.Option("--dir", help="Sectie (map onder docs/) als je afwijkt.")
    ] = None,
) -> None:
    """Maak een nieuwe pagina met geldige front matter en een skelet om in te vullen."""
    from kb.review.scaffold import ScaffoldError, new_page

    project = _load_project()
    try:
        scaffold = new_page(project, page_type, title, role, topic, source, section)
    except ScaffoldError as exc:
        typer.echo(f"fout: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(scaffold.path.relative_to(project.root).as_posix())
    typer.echo(
        "Vul de delen met [AANVULLEN: ...] in; `kb check` toont wat nog ontbreekt.", err=True
    )


sources_app = typer.Typer(
    help="Het bronregister: archieven nakijken en bijwerken.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(sources_app, name="sources")


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    github = "github"


@sources_app.command("check")
def sources_check(
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Download elke bron en vergelijk met het archief.")
    ] = False,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="text of markdown.")] = (
        ReportFormat.text
    ),
) -> None:
    """Kijk elk archief na tegen zijn sha256; met --fetch ook tegen het origineel online."""
    from kb.model.registries import SOURCES_FILE
    from kb.review.sources import check_fetch, fetch_report

    project = _load_project()
    registry_findings = [f for f in project.registries.findings]
    if registry_findings:
        typer.echo(format_findings(registry_findings))
        raise typer.Exit(2)
    if not fetch:
        typer.echo(
            f"{len(project.registries.sources)} bronnen in {SOURCES_FILE}: alle archieven "
            "komen overeen met hun sha256."
        )
        raise typer.Exit(0)
    pages = check_pages(project)
    results = check_fetch(project.root, project.registries)
    typer.echo(fetch_report(results, pages, fmt is ReportFormat.markdown), nl=False)
    raise typer.Exit(1 if any(r.changed for r in results) else 0)


@sources_app.command("update")
def sources_update(
    source_id: Annotated[str, typer.Argument(metavar="ID", help="Bron-id uit data/sources.yml.")],
    file_or_url: Annotated[
        str, typer.Argument(metavar="BESTAND_OF_URL", help="Nieuwe versie: HTML, PDF of tekst.")
    ],
) -> None:
    """Archiveer een nieuwe versie van een bron en toon wat er per sectie veranderde."""
    from kb.model import dates
    from kb.review.sources import SourceError, affected_pages, update_source

    project = _load_project()
    try:
        result = update_source(
            project.root, project.registries, source_id, file_or_url, dates.today()
        )
    except SourceError as exc:
        typer.echo(f"fout: {exc}", err=True)
        raise typer.Exit(2) from exc
    if not result.changed:
        typer.echo(f"Bron `{source_id}` is ongewijzigd (sha256 {result.new_sha256[:12]}…).")
        return
    typer.echo(
        f"Bron `{source_id}` bijgewerkt: sha256 {result.old_sha256[:12] or '-'}… → "
        f"{result.new_sha256[:12]}…"
    )
    typer.echo(result.diff.as_text())
    pages = affected_pages(check_pages(project), source_id)
    if pages:
        typer.echo("Deze vertalingen volgen nu een oudere versie en tonen een waarschuwing:")
        for page in pages:
            typer.echo(f"  {page.path}")
        typer.echo(f"Werk ze bij en zet daarna `translation.source_sha256` op {result.new_sha256}.")


@app.command()
def review(
    fmt: Annotated[ReportFormat, typer.Option("--format", help="text of markdown.")] = (
        ReportFormat.text
    ),
) -> None:
    """Toon de wachtrij: herzieningsdatum voorbij, verouderde vertalingen, concepten, aflopende contracten."""
    from kb.model import dates
    from kb.review.queue import review_queue

    project = _load_project()
    pages = check_pages(project)
    queue = review_queue(pages, project.registries, project.root, dates.today())
    if fmt is ReportFormat.markdown:
        typer.echo("# Wachtrij voor beheerders\n")
        if not queue:
            typer.echo("Niets in de wachtrij.")
        else:
            typer.echo("| Sinds | Pagina | Type | Reden |\n|---|---|---|---|")
            for item in queue:
                detail = f" ({', '.join(item.details)})" if item.details else ""
                typer.echo(
                    f"| {item.since or ''} | [{item.page.title}]({item.page.path}) | "
                    f"{item.page.type} | {item.reason}{detail} |"
                )
        return
    if not queue:
        typer.echo("Niets in de wachtrij.")
        return
    for item in queue:
        detail = f" ({', '.join(item.details)})" if item.details else ""
        typer.echo(f"{item.since or '          '}  {item.page.path}  {item.reason}{detail}")
    typer.echo(f"{len(queue)} items in de wachtrij.", err=True)


@app.command("pr-summary")
def pr_summary(
    base: Annotated[str, typer.Option("--base", help="Git-referentie om mee te vergelijken.")],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", help="markdown (samenvatting) of github (annotaties)."),
    ] = ReportFormat.markdown,
) -> None:
    """Markdown-samenvatting van de pagina's die deze wijziging toevoegt, wijzigt, verplaatst of verwijdert.

    De auteur van de pull request komt uit de omgevingsvariabele KB_PR_AUTHOR: een nieuw of
    gewijzigd profiel van iemand anders wordt gemarkeerd, zodat de nalezer de toestemming nagaat.
    """
    import os

    from kb.review.pr_summary import PrSummaryError, github_annotations, summarize

    project = _load_project()
    author = os.environ.get("KB_PR_AUTHOR", "")
    try:
        if fmt is ReportFormat.github:
            typer.echo(github_annotations(project, base, author), nl=False)
            return
        typer.echo(summarize(project, base, author))
    except PrSummaryError as exc:
        typer.echo(f"fout: {exc}", err=True)
        raise typer.Exit(2) from exc


network_app = typer.Typer(
    help="Het netwerk: de gids van mensen en hun toestemming.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(network_app, name="netwerk")


@network_app.command("toestemming")
def network_consent(
    days: Annotated[int, typer.Option("--dagen", help="Binnen hoeveel dagen.")] = 60,
) -> None:
    """Profielen waarvan de toestemming binnen --dagen dagen afloopt (tekst voor het herinneringsissue)."""
    from kb.model import dates
    from kb.review.consent import lapsing_soon, reminder

    project = _load_project()
    pages = check_pages(project)
    typer.echo(reminder(lapsing_soon(pages, dates.today(), days), days), nl=False)


@app.command("export")
def export_files(
    target: Annotated[Path, typer.Argument(metavar="MAP", help="Map waarin de bestanden komen.")],
    listing: Annotated[
        bool, typer.Option("--list", help="Toon alleen wat de bouw genereert en waarvan.")
    ] = False,
) -> None:
    """Schrijf elk gegenereerd bestand dat geen pagina is (feed, agenda's, catalogus, zoektabel), zonder MkDocs."""
    import json

    from kb.export.files import export
    from kb.site.outputs import BuildSettings, describe, site_outputs

    project = _load_project()
    if listing:
        check_pages(project)
        outputs = site_outputs(project, BuildSettings.for_project(project))
        typer.echo(json.dumps(describe(outputs), ensure_ascii=False, indent=2))
        return
    for path in export(project, target):
        typer.echo(path)


cli_nl.dutch(app)


def main() -> None:
    try:
        sys.exit(cli_nl.run(app, "kb"))
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
