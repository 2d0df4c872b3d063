"""Dutch wording for what Click and Typer print themselves (help texts, errors).

Typer ships its own copy of Click (``typer._click``) with fixed English texts, and Click
itself looks its texts up with ``gettext`` but has no Dutch catalogue. ``install`` points
Click's lookup at a small Dutch table; ``DutchGroup``/``DutchCommand`` translate the help
page; ``run`` shows usage errors in Dutch. Whatever is not in the table stays as it is.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import typer
import typer.core

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
    "No such option: {name}": "Onbekende optie: {name}",
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
# Fixed English texts as they appear in printed output (Typer's copy of Click).
_PRINTED = [
    ("Show this message and exit.", "Toon deze hulp en stop."),
    ("Usage: ", "Gebruik: "),
    ("[default: ", "[standaard: "),
    ("[required]", "[verplicht]"),
    ("Missing argument", "Ontbrekend argument"),
    ("Missing option", "Ontbrekende optie"),
    ("No such option", "Onbekende optie"),
    ("No such command", "Onbekende opdracht"),
    ("Invalid value for", "Ongeldige waarde voor"),
    ("is not one of", "is geen van"),
    ("Got unexpected extra argument", "Onverwacht extra argument"),
    ("Got unexpected extra arguments", "Onverwachte extra argumenten"),
    ("Missing parameter", "Ontbrekende waarde"),
    ("Value error, ", ""),
]
_SECTIONS = re.compile(r"^(Options|Commands|Arguments):$", re.M)


def translate(text: str) -> str:
    """Click's and Typer's fixed English texts in ``text`` in Dutch."""
    for english, dutch in _PRINTED:
        text = text.replace(english, dutch)
    return _SECTIONS.sub(lambda m: DUTCH[m.group(1)] + ":", text)


def _translate(message: str) -> str:
    return DUTCH.get(message, message)


# Where Click keeps its gettext lookups (Click itself; Typer's copy has none).
_MODULES = ("core", "decorators", "exceptions", "formatting", "types", "parser", "termui")


def install() -> None:
    """Point Click's gettext lookups at the Dutch table (call before building the app)."""
    for name in [*(f"click.{module}" for module in _MODULES), "typer.core"]:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a Click or Typer without this module
            continue
        if callable(getattr(module, "_", None)):
            setattr(module, "_", _translate)  # noqa: B010 - the module's gettext function


class DutchGroup(typer.core.TyperGroup):
    def get_help(self, ctx: Any) -> str:
        return translate(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate(super().get_usage(ctx))


class DutchCommand(typer.core.TyperCommand):
    def get_help(self, ctx: Any) -> str:
        return translate(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate(super().get_usage(ctx))


def dutch(app: typer.Typer) -> None:
    """Give every command of ``app`` (and of its sub-apps) Dutch help."""
    app.info.cls = DutchGroup
    for command in app.registered_commands:
        command.cls = DutchCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            dutch(group.typer_instance)


def _click_exceptions() -> Any:
    """The Click that Typer uses: its own copy (typer._click) or Click itself."""
    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:
        return importlib.import_module("click.exceptions")


def run(app: typer.Typer, prog_name: str) -> int:
    """Run ``app``; usage errors are shown in Dutch. Returns the exit status."""
    command = typer.main.get_command(app)
    exceptions = _click_exceptions()
    try:
        result = command.main(prog_name=prog_name, standalone_mode=False)
    except exceptions.UsageError as exc:
        context = exc.ctx
        if context is not None:
            typer.echo(translate(context.get_usage()), err=True)
            typer.echo(f"Probeer '{context.command_path} --help' voor hulp.\n", err=True)
        typer.echo(f"Fout: {translate(exc.format_message())}", err=True)
        return int(exc.exit_code)
    except exceptions.ClickException as exc:
        typer.echo(f"Fout: {translate(exc.format_message())}", err=True)
        return int(exc.exit_code)
    except exceptions.Abort:
        typer.echo("Afgebroken.", err=True)
        return 1
    return result if isinstance(result, int) else 0
