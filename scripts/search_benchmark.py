"""Search at scale in a real browser: bytes and time to the first result.

Builds the real site plus N synthetic pages twice, once as the kennisbank (Pagefind +
Dutch keys) and once with vanilla Material (lunr search, same pages), serves each on
127.0.0.1 and, in a fresh headless Chromium (cold cache) per query, opens the home page,
opens the search, types the query and waits for the first result. Prints the bytes the
browser received from opening the home page to the first result, and the time from the
last keystroke to the first result.

    .venv/bin/python scripts/search_benchmark.py --pages 5000
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic  # noqa: E402
from search_recall import VANILLA  # noqa: E402  (the same vanilla Material config)
from support.search_harness import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

PARTS = ("mkdocs.yml", "docs", "data", "sources", "includes", "hooks", "overrides")
QUERIES = ("wachtwoordbeleid", "gastennetwerk", "leerlingen", "tabletje", "back-ups")


def build(root: Path) -> float:
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict", "-d", "site"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def prepare(workdir: Path, pages: int) -> tuple[Path, Path]:
    ours, vanilla = workdir / "ours", workdir / "vanilla"
    ours.mkdir()
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, ours / part)
    synthetic.generate(pages, ours, seed=1)
    vanilla.mkdir()
    shutil.copytree(ours / "docs", vanilla / "docs")
    (vanilla / "mkdocs.yml").write_text(VANILLA, encoding="utf-8")
    return ours, vanilla


def measure(site: Path, engine: str, query: str) -> tuple[int, float, bool]:
    from playwright.sync_api import sync_playwright

    received = 0
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()  # fresh profile: cold cache
        page = context.new_page()
        sizes: list[int] = []

        def on_response(response) -> None:  # type: ignore[no-untyped-def]
            # Redirects and aborted requests have no body.
            with contextlib.suppress(Exception):
                sizes.append(len(response.body()))

        page.on("response", on_response)
        page.goto(base, wait_until="load")
        if engine == "kb":
            page.locator(".kb-search-open").first.click()
            box = page.locator("#kb-search-input")
            result = page.locator(".kb-search__result").first
        else:
            box = page.locator(".md-search__input")
            box.click()
            result = page.locator(".md-search-result__item").first
        box.press_sequentially(query)
        start = time.perf_counter()
        found = True
        try:
            result.wait_for(timeout=120_000)
        except Exception:  # noqa: BLE001
            found = False
        elapsed = time.perf_counter() - start
        page.wait_for_timeout(100)
        received = sum(sizes)
        browser.close()
    return received, elapsed, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the built projects in this folder")
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("Chromium ontbreekt (/usr/bin/chromium of $KB_CHROMIUM).")
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="kb-search-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    ours, vanilla = prepare(workdir, args.pages)
    print(f"command: python scripts/search_benchmark.py --pages {args.pages}")
    print(f"{args.pages} synthetic pages + the real site")
    for name, root, engine in (("ours", ours, "kb"), ("vanilla", vanilla, "material")):
        seconds = build(root)
        index = sum(
            p.stat().st_size
            for p in (root / "site").rglob("*")
            if p.is_file()
            and ("pagefind" in p.parts or "zoeken" in p.parts or p.name == "search_index.json")
        )
        rows = [measure(root / "site", engine, query) for query in QUERIES]
        transferred = statistics.median(r[0] for r in rows)
        latency = statistics.median(r[1] for r in rows)
        found = sum(1 for r in rows if r[2])
        print(
            f"{name:8s} build {seconds:6.1f} s | search files on disk {index / 1e6:6.1f} MB | "
            f"median transferred to first result {transferred / 1e6:5.2f} MB | "
            f"median time to first result {latency:5.2f} s | queries with a result {found}/{len(rows)}"
        )
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
