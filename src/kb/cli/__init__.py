"""The ``kb`` command (Typer): named after what contributors and maintainers do."""

from kb.cli.commands import app, main

__all__ = ["app", "main"]
