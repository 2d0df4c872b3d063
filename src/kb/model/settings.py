"""The build's settings, read from ``mkdocs.yml`` without MkDocs.

The ``kb`` command and ``kb export`` need a few of MkDocs' settings (site name and
address, the Markdown extensions, ``extra.kb``). They are read here with a YAML loader
that resolves ``!ENV`` as MkDocs does (first set variable, else the default), so
``kb`` and the build agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


class _SettingsLoader(yaml.SafeLoader):
    """Safe loader that understands MkDocs' ``!ENV`` and ``!relative`` tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        names, default = [str(v) for v in values[:-1]], values[-1] if values else None
    else:
        return None
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)]) if os.environ[str(name)] else ""
    return default


def _relative(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_SettingsLoader.add_constructor("!ENV", _env)
_SettingsLoader.add_constructor("!relative", _relative)


@dataclass(frozen=True)
class Settings:
    site_name: str = "Kennisbank"
    site_url: str = "/"
    repo_url: str = ""
    markdown_extensions: tuple[str, ...] = ()
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    plugins: tuple[str, ...] = ()

    @property
    def kb(self) -> dict[str, Any]:
        """``extra.kb`` of mkdocs.yml: the knowledge base's own settings."""
        value = self.extra.get("kb")
        return value if isinstance(value, dict) else {}


def load_settings(root: Path) -> Settings:
    path = root / CONFIG_FILE
    if not path.exists():
        return Settings()
    return _load(path, path.stat().st_mtime_ns, tuple(sorted(os.environ.items())))


@cache
def _load(path: Path, _mtime: int, _environment: tuple[tuple[str, str], ...]) -> Settings:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SettingsLoader) or {}  # noqa: S506
    extensions: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, config in item.items():
                extensions.append(str(name))
                configs[str(name)] = dict(config or {})
        else:
            extensions.append(str(item))
    plugins = []
    for item in data.get("plugins") or []:
        plugins.append(str(next(iter(item))) if isinstance(item, dict) else str(item))
    site_url = str(data.get("site_url") or "/")
    return Settings(
        site_name=str(data.get("site_name") or "Kennisbank"),
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        repo_url=str(data.get("repo_url") or ""),
        markdown_extensions=tuple(extensions),
        extension_configs=configs,
        extra=dict(data.get("extra") or {}),
        plugins=tuple(plugins),
    )


def worker_setting(name: str) -> int | None:
    """A number of processes from the environment (``KB_WORKERS``, ``KB_BUILD_WORKERS``):
    None when unset; a Dutch ValueError when it is not a whole number of at least 1."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(
            f"{name}={raw!r}: geef een geheel getal van minstens 1 (het aantal processen), "
            f"of laat {name} weg."
        )
    return int(raw)


CACHE_ENV = "KB_CACHE"
CACHE_OFF = {"uit", "0", "nee", "off", "false", "no"}


def cache_folder(root: Path, name: str) -> Path | None:
    """Where the build keeps ``name`` between builds (``.cache/<name>`` of the project):
    ``KB_CACHE=uit`` switches every such cache off, any other value is the folder that
    holds them. None: off."""
    setting = os.environ.get(CACHE_ENV, "").strip()
    if setting.lower() in CACHE_OFF:
        return None
    return (Path(setting) if setting else root / ".cache") / name
