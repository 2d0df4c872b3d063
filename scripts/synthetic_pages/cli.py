"""Command line: ``python scripts/synthetic.py N OUTDIR [--seed 1] [--folder-size 50]``."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import synthetic_pages
from synthetic_pages.output import FOLDER_SIZE, generate


def main(argv: list[str] | None = None) -> int:
    summary = (synthetic_pages.__doc__ or "").split("\n\n")[0]
    parser = argparse.ArgumentParser(description=summary)
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("outdir", type=Path, help="project directory; pages go to OUTDIR/docs/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--folder-size",
        type=int,
        default=FOLDER_SIZE,
        help=f"pages per subfolder (default {FOLDER_SIZE}; 0 = flat in the section)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="project whose data/ is used (default: OUTDIR if it has one, else this repository)",
    )
    args = parser.parse_args(argv)
    files = generate(args.n, args.outdir, args.seed, args.project, args.folder_size)
    counts = Counter(p.relative_to(args.outdir / "docs").parts[0] for p in files)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    print(
        f"{len(files)} pages written to {args.outdir / 'docs'} ({words} words): "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    return 0
