"""Build the static search: Pagefind index plus the Dutch key table for the browser."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from kb.search_keys import KeyMaker, chunk_table

SEARCH_DIR = "zoeken"
KEYS_SENTINEL = "kbzoeksleutels"


def keys_block(keys: list[str]) -> str:
    """Hidden, indexed element with the page's search keys (not read aloud, not shown)."""
    return (
        '<div class="kb-zoeksleutels" hidden aria-hidden="true" data-pagefind-weight="0.5">'
        f"{KEYS_SENTINEL} {' '.join(keys)}</div>"
    )


def add_to_page(html: str, keys: list[str], title: str = "", description: str = "") -> str:
    """Mark the article as the searchable body and append the keys inside it."""
    start = html.find('<article class="md-content__inner md-typeset"')
    end = html.rfind("</article>")
    if start < 0 or end < 0:
        return html
    html = (
        html[:start]
        + '<article data-pagefind-body class="md-content__inner md-typeset"'
        + html[start + len('<article class="md-content__inner md-typeset"') : end]
        + _meta("title", title)
        + _meta("description", description)
        + keys_block(keys)
        + html[end:]
    )
    # Permalink anchors (¶) are not part of the text.
    return html.replace('<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"')


def _meta(name: str, value: str) -> str:
    if not value:
        return ""
    from html import escape

    return f'<span hidden data-pagefind-meta="{name}">{escape(value)}</span>'


def write_browser_files(site_dir: Path, maker: KeyMaker, site_keys: set[str]) -> int:
    """Write ``zoeken/config.json`` and ``zoeken/tabel/<xx>.json``; returns the chunk count."""
    target = site_dir / SEARCH_DIR
    if target.exists():
        shutil.rmtree(target)
    (target / "tabel").mkdir(parents=True)
    chunks = chunk_table(maker.browser_table(site_keys))
    for prefix, table in chunks.items():
        (target / "tabel" / f"{prefix}.json").write_text(
            json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    phrases = sorted(maker.config.phrases.items(), key=lambda kv: -len(kv[0]))
    (target / "config.json").write_text(
        json.dumps(
            {"phrases": phrases, "sentinel": KEYS_SENTINEL, "chunks": sorted(chunks)},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return len(chunks)


def build_pagefind(site_dir: Path) -> int:
    """Index the built site with Pagefind (chunked static index under ``pagefind/``).

    The files are taken from the Pagefind service and written here: letting the service
    write them itself raced with its shutdown and left truncated files (seen in testing).
    Returns the number of files written.
    """
    from pagefind.index import IndexConfig, PagefindIndex

    output = site_dir / "pagefind"

    async def run(scratch: str) -> list[tuple[str, bytes]]:
        # The context manager also writes the files on exit; send those to a scratch folder.
        async with PagefindIndex(
            config=IndexConfig(force_language="nl", output_path=scratch)
        ) as index:
            await index.add_directory(str(site_dir))
            files = await index.get_files()
            return [(f["path"], f["content"]) for f in files]

    if output.exists():
        shutil.rmtree(output)
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        files = asyncio.run(run(scratch))
    for relative, content in files:
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return len(files)
