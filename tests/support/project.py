"""Temporary copies of the project and site builds through MkDocs (test helpers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def run_build(root: Path, strict: bool = True, today: str = FIXED_TODAY) -> BuildResult:
    site = root / "site"
    env = {**os.environ, "KB_TODAY": today}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    command.append("--strict" if strict else "--no-strict")
    proc = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, root)


def fixture_text(kind: str, name: str) -> str:
    return (FIXTURES / kind / name).read_text(encoding="utf-8")
