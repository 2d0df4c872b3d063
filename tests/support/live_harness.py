"""Drive kb_mkdocs.live as `make serve` (`mkdocs serve --no-strict`) does, without the HTTP server: the first build,
the live builder installed by ``on_serve``, rebuilds after edits; and a full build of the
same files to compare with (test and benchmark helper)."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SERVE_URL = "http://127.0.0.1:8000/"


class _Server:
    """What MkDocs' LiveReloadServer offers the ``on_serve`` event."""

    def __init__(self, builder: Any) -> None:
        self.builder = builder

    def watch(self, path: str, *args: Any, **kwargs: Any) -> None:
        pass


class Served:
    """A project served by the live builder; ``site`` is the served folder."""

    def __init__(self, root: Path, site: Path, today: str) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        os.environ["KB_TODAY"] = today
        self.root, self.site = root, site

        def get_config() -> Any:
            config = load_config(
                config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=False
            )
            config.site_url = SERVE_URL
            return config

        def builder(config: Any = None) -> None:
            build(config or get_config(), serve_url=SERVE_URL)

        self.config = get_config()
        self.config.plugins.on_startup(command="serve", dirty=False)
        builder(self.config)
        server = self.config.plugins.on_serve(_Server(builder), config=self.config, builder=builder)
        self.rebuild = server.builder
        from kb_mkdocs import live

        self.live = live.current()

    def save(self) -> dict[str, Any]:
        """What the server does after a save: rebuild, then (in the background) search."""
        self.rebuild()
        assert self.live is not None
        return dict(self.live.last)

    def settle(self) -> None:
        assert self.live is not None
        self.live.wait()

    def close(self) -> None:
        self.settle()
        self.config.plugins.on_shutdown()


def full_build(root: Path, site: Path, today: str) -> None:
    """A full build of the same files with the served site's address, in its own process
    (a second build in this process would share the hooks' state with the served one)."""
    env = {**os.environ, "KB_TODAY": today, "KB_SITE_URL": SERVE_URL, "KB_CACHE": "uit"}
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-d", str(site)]
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True, timeout=900)


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ, or exist in one folder only (relative paths)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"alleen in de eerste: {prefix}{n}" for n in cmp.left_only)
        out.extend(f"alleen in de tweede: {prefix}{n}" for n in cmp.right_only)
        for name in cmp.common_files:
            if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
                out.append(f"verschilt: {prefix}{name}")
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(out)
