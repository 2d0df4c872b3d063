"""Synthetic pages for the benchmark (the code is in ``scripts/synthetic_pages/``).

    python scripts/synthetic.py N OUTDIR [--seed 1] [--folder-size 50] [--project DIR]

``generate(n, outdir, seed=...)`` and ``FOLDER_SIZE`` are available here for the
benchmarks and the tests, which import this file.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parent
if str(_SCRIPTS) not in sys.path:
    sys.path.insert(0, str(_SCRIPTS))
if importlib.util.find_spec("kb") is None:  # not installed: use the repository's src/
    sys.path.insert(0, str(_SCRIPTS.parent / "src"))

from synthetic_pages import FOLDER_SIZE, generate, main  # noqa: E402

__all__ = ["FOLDER_SIZE", "generate", "main"]

if __name__ == "__main__":
    sys.exit(main())
