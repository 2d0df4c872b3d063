"""The ``kb`` command: the same rules as the build, for contributors and maintainers."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kb.findings import format_findings, has_errors, summary_line
from kb.project import Project, ProjectError, find_root

app = typer.Typer(
    help="Kennisbank ICT-coördinatoren: pagina's maken, nakijken en opvolgen.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class CheckFormat(str, Enum):
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
    pages = project.load_pages(selected)
    findings = project.findings()
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
    topic: Annotated[
        list[str] | None, typer.Option("--topic", help="Thema (herhaalbaar).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Bron-id uit data/sources.yml (vertaling).")
    ] = None,
    section: Annotated[
        str | None, typer.Option("--dir", help="Sectie (map onder docs/) als je afwijkt.")
    ] = None,
) -> None:
    """Maak een nieuwe pagina met geldige front matter en een skelet om in te vullen."""
    from kb.scaffold import ScaffoldError, new_page

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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
