"""The benchmark's synthetic pages stay valid as the content model evolves."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from support.project import FIXED_TODAY, ROOT

from kb.model.frontmatter import parse_document

TYPES = {"artikel", "advies", "vertaling", "raamcontract", "organisatie", "evenement"}


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "scripts" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["synthetic"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_synthetic_pages_pass_kb_check(project_copy: Path) -> None:
    before = {p.relative_to(project_copy) for p in (project_copy / "docs").rglob("*.md")}
    written = _synthetic().generate(20, project_copy, seed=7)

    assert len(written) == 20
    assert not {p.relative_to(project_copy) for p in written} & before, "overwrote a real page"
    docs = [parse_document(p.read_text(encoding="utf-8")) for p in written]
    types = Counter(doc.meta["type"] for doc in docs if doc.meta)
    assert set(types) == TYPES, types
    assert types["artikel"] + types["advies"] > 10  # weighted towards content pages
    for doc in docs:
        words = len(doc.body.split())
        assert 600 <= words <= 1200, words
        assert "](" in doc.body  # internal links between synthetic pages

    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    proc = subprocess.run(
        [sys.executable, "-m", "kb.cli", "check"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "geen problemen" in proc.stderr, proc.stderr


def test_synthetic_pages_are_reproducible(tmp_path: Path) -> None:
    synthetic = _synthetic()
    first = synthetic.generate(8, tmp_path / "a", seed=3, project=ROOT)
    second = synthetic.generate(8, tmp_path / "b", seed=3, project=ROOT)
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
