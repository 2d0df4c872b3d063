"""The code stays ruff clean (the same check as `make lint` and the pre-commit hook)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support.project import ROOT


def test_ruff_reports_nothing() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff ontbreekt: het hoort bij de vastgepinde ontwikkelpakketten (make install)"
    result = subprocess.run(
        [ruff, "check", "--output-format", "concise", "src", "hooks", "tests", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_reports_nothing() -> None:
    """src/kb, src/kb_mkdocs and hooks/ are strictly typed (pyproject.toml, [tool.mypy])."""
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    assert mypy, "mypy ontbreekt: het hoort bij de vastgepinde ontwikkelpakketten (make install)"
    result = subprocess.run([mypy], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
