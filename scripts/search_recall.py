"""Recall@5 of the site's Dutch-aware search against Material's default search.

Builds the real site (ours: Pagefind + Dutch keys) and the same pages with vanilla
Material (its lunr search, `language: nl`), then types every query of
tests/search/search_queries.yml into each site's search box in headless Chromium and counts how
often an expected page is among the first five results.

    .venv/bin/python scripts/search_recall.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from support.search_harness import matches, recall, run_queries  # noqa: E402

VANILLA = """site_name: Vanilla
site_url: https://example.org/
theme:
  name: material
  language: nl
  font: false
  features: [navigation.prune]
plugins:
  - search
markdown_extensions: [admonition, attr_list, tables, footnotes, md_in_html, pymdownx.details, pymdownx.superfences]
"""


def build(root: Path, site: Path) -> None:
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict", "-d", str(site)],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", default=str(ROOT / "tests/search/search_queries.yml"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    items = yaml.safe_load(Path(args.queries).read_text(encoding="utf-8"))
    expected = {item["query"]: item["expect"] for item in items}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours, vanilla = tmp_path / "ours", tmp_path / "vanilla"
        ours.mkdir()
        for part in ("mkdocs.yml", "docs", "data", "sources", "includes", "hooks", "overrides"):
            src = ROOT / part
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, ours / part)
        shutil.copytree(ROOT / "docs", vanilla / "docs")
        (vanilla / "mkdocs.yml").write_text(VANILLA, encoding="utf-8")
        build(ours, ours / "site")
        build(vanilla, vanilla / "site")
        results = {
            "ours (Pagefind + Dutch keys)": run_queries(ours / "site", list(expected), "kb"),
            "vanilla Material (lunr)": run_queries(vanilla / "site", list(expected), "material"),
        }
    print(f"{len(expected)} queries from {Path(args.queries).relative_to(ROOT)}")
    for name, result in results.items():
        hits = sum(1 for q in expected if matches(result[q], expected[q]))
        print(f"{name:32s} recall@5 = {recall(result, expected):.2f} ({hits}/{len(expected)})")
    if args.verbose:
        for query in expected:
            marks = " ".join(
                "OK  " if matches(r[query], expected[query]) else "MISS" for r in results.values()
            )
            print(f"{marks}  {query}")


if __name__ == "__main__":
    main()
