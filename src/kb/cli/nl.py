"""Dutch wording for the parts of ``kb --help`` and its errors that Click and Typer print.

Click and Typer look up their fixed texts with ``gettext`` at call time but ship no Dutch
catalogue; this module points their lookup at a small Dutch table.
"""

from __future__ import annotations

from collections.abc import Callable

DUTCH: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Missing command.": "Geef een opdracht.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Aborted!": "Afgebroken.",
    "required": "verplicht",
    "default: {default}": "standaard: {default}",
    "{value!r} is not one of {choices}.": "{value!r} is geen van {choices}.",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
}


def _translate(message: str) -> str:
    return DUTCH.get(message, message)


def install() -> None:
    """Make Click's and Typer's fixed texts Dutch (call before building the app)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.types
    import typer.core

    modules = (click.core, click.decorators, click.exceptions, click.formatting, click.types,
               typer.core)  # fmt: skip
    for module in modules:
        if isinstance(getattr(module, "_", None), Callable):  # type: ignore[arg-type]
            module._ = _translate  # type: ignore[attr-defined]
