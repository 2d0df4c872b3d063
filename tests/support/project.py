"""Temporary copies of the project and site builds through MkDocs (test helpers)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "sources", "includes", "hooks", "overrides")
FIXED_TODAY = "2026-11-28"


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    root: Path

    def html(self, url: str) -> str:
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        elif src.exists():
            shutil.copy2(src, target / part)
    return target


def run_build(
    root: Path, strict: bool = True, today: str = FIXED_TODAY, in_process: bool = True
) -> BuildResult:
    """Build the project at ``root`` as ``mkdocs build`` does. In this process by default
    (MkDocs' own config loading and build, as MkDocs tests its hooks; no interpreter
    start-up); ``in_process=False`` runs the real command in a subprocess."""
    site = root / "site"
    if in_process:
        return _build_here(root, site, strict, today)
    env = {**os.environ, "KB_TODAY": today}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    command.append("--strict" if strict else "--no-strict")
    proc = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, root)


class _Lines(logging.Handler):
    """MkDocs' log as its command line prints it ("ERROR   -  message")."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def _build_here(root: Path, site: Path, strict: bool, today: str) -> BuildResult:
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    lines = _Lines()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(lines)
    level = logger.level
    logger.setLevel(logging.INFO)
    saved = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = today
    code = 0
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site),
                             strict=strict)  # fmt: skip
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        lines.lines.append(f"\n{exc}")
        code = 1
    except Exception:  # as the command line would die: with its traceback
        lines.lines.append(traceback.format_exc())
        code = 1
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
        if saved is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = saved
    return BuildResult(code, "\n".join(lines.lines), site, root)


def fixture_text(kind: str, name: str) -> str:
    return (FIXTURES / kind / name).read_text(encoding="utf-8")
