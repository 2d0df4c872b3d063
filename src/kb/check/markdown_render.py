"""Python-Markdown with the site's extensions, for checks that need the HTML a page
becomes (``kb check`` runs without MkDocs). One converter per process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kb.model.settings import Settings


@dataclass(frozen=True)
class Renderer:
    """Converts a page body to HTML as the build does (without the theme). Picklable, so
    validation in worker processes can use it; the converter is made once per process."""

    extensions: tuple[str, ...]
    configs_json: str

    def __call__(self, body: str) -> str:
        convert = _renderer(self.extensions, self.configs_json)
        return convert(body) if convert is not None else ""

    @property
    def available(self) -> bool:
        return _renderer(self.extensions, self.configs_json) is not None


def renderer(settings: Settings) -> Renderer | None:
    """The site's Markdown conversion, or None when its extensions cannot be loaded here
    (then only the build checks what the sanitiser would remove)."""
    configs = json.dumps(settings.extension_configs, sort_keys=True, default=str)
    made = Renderer(settings.markdown_extensions, configs)
    return made if made.available else None


@cache
def _renderer(extensions: tuple[str, ...], configs_json: str) -> Callable[[str], str] | None:
    import markdown

    configs: dict[str, dict[str, Any]] = json.loads(configs_json)
    try:
        converter = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
    except Exception:  # an extension that needs MkDocs or Python objects from the config
        return None

    def render(body: str) -> str:
        converter.reset()
        return converter.convert(body)

    return render
