"""Shared fixtures: temporary copies of the project and site builds through MkDocs.

Helpers live in ``tests/support`` (``support.project``); builds that several test
modules read are session fixtures here, built once per run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.project import BuildResult, copy_project, run_build

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# No test reads what another test (or a developer's build) kept in .cache/: the tests of
# those caches switch them on themselves (tests/site/test_cache.py, tests/check/test_kept.py).
os.environ.setdefault("KB_CACHE", "uit")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A writable copy of the real project (pages, registries, config)."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once per test session in strict mode."""
    root = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result
