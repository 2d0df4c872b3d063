"""Build the static search: Pagefind index plus the Dutch key table for the browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from kb.search.keys import UNINDEXED_LIST, KeyMaker, chunk_table, markdown_words, words

SEARCH_DIR = "zoeken"
KEYS_SENTINEL = "kbzoeksleutels"


def keys_block(keys: list[str]) -> str:
    """Hidden, indexed element with the page's search keys (not read aloud, not shown)."""
    return (
        '<div class="kb-zoeksleutels" hidden aria-hidden="true" data-pagefind-weight="0.5">'
        f"{KEYS_SENTINEL} {' '.join(keys)}</div>"
    )


def add_to_page(
    html: str, keys: list[str], title: str = "", description: str = "", filtered: bool = False
) -> str:
    """Mark the article as the searchable body and append the keys inside it.

    ``filtered``: the keys were already reduced to those not in the text (see
    ``article_copy``), so the article is not searched for them again."""
    start = html.find('<article class="md-content__inner md-typeset"')
    end = html.rfind("</article>")
    if start < 0 or end < 0:
        return html
    if not filtered:
        keys = keys_not_in_text(keys, html[start:end])
    html = (
        html[:start]
        + '<article data-pagefind-body class="md-content__inner md-typeset"'
        + html[start + len('<article class="md-content__inner md-typeset"') : end]
        + _meta("title", title)
        + _meta("description", description)
        + keys_block(keys)
        + html[end:]
    )
    return _mark_unindexed(html)


def _mark_unindexed(html: str) -> str:
    # Neither permalink anchors (¶) nor generated lists of other pages are the page's text.
    html = html.replace('<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"')
    if UNINDEXED_LIST in html:
        html = html.replace(UNINDEXED_LIST, UNINDEXED_LIST[:-1] + " data-pagefind-ignore>")
    return html


def article_copy(
    content: str, title: str, description: str, keys: list[str], tags: list[str]
) -> tuple[str, list[str]]:
    """The document Pagefind indexes for a page, made from the page's converted content
    (before the theme's template), and the keys that are not words of its text.

    It holds what the article of the finished page holds for search: the tags, the
    title as heading when the content has none (as the theme adds it), the content and
    the hidden title, description and keys. The build writes it as soon as the page is
    converted, so Pagefind can index while the templates are still being rendered.
    Pagefind then parses a few kilobytes per page instead of the whole themed page with
    its navigation (measured at 3,000 pages: 9.8 s instead of 12.1 s). The copy sits at
    the page's own path, so result URLs are the pages' URLs.
    """
    from html import escape

    head = ""
    if tags:
        head = (
            '<nav class="md-tags">'
            + "".join(f'<span class="md-tag">{escape(tag)}</span>' for tag in tags)
            + "</nav>\n"
        )
    if "<h1" not in content:
        head += f"<h1>{escape(title)}</h1>\n"
    article = head + content
    keys = keys_not_in_text(keys, article)
    copy = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>'
        '<article data-pagefind-body class="md-content__inner md-typeset">'
        + _mark_unindexed(article)
        + _meta("title", title)
        + _meta("description", description)
        + keys_block(keys)
        + "</article></body></html>"
    )
    return copy, keys


def keys_not_in_text(keys: list[str], article: str) -> list[str]:
    """The keys that are not already words of the article's text.

    Pagefind indexes the text itself, so a key that is literally one of its words would
    only be indexed twice (a third of Pagefind's input at 1,000 pages). The text is read
    as for the keys themselves (``markdown_words``): without tags, so link targets and
    attributes such as an abbreviation's title do not count, and without the generated
    lists of other pages, which Pagefind does not index.
    """
    present = {word.lower() for word in words(markdown_words(article))}
    return [key for key in keys if key not in present]


def copy_from_site(html: str) -> str | None:
    """Pagefind's copy of a page taken from its finished HTML of an earlier build (a
    ``--dirty`` build does not convert unchanged pages again); None without an article."""
    start = html.find("<article data-pagefind-body")
    end = html.rfind("</article>")
    if start < 0 or end < 0:
        return None
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>'
        + html[start : end + len("</article>")]
        + "</body></html>"
    )


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


class SearchIndexError(Exception):
    """Pagefind could not index the site (Dutch message)."""


def build_pagefind(
    site_dir: Path,
    source_dir: Path | None = None,
    timeout: int = 900,
    started: Callable[[subprocess.Popen[str]], object] | None = None,
    output: Path | None = None,
) -> int:
    """Index the built site with Pagefind (chunked static index under ``pagefind/``).

    Runs Pagefind's own command-line binary (shipped in the ``pagefind[bin]`` wheel).
    Its Python service API was not used: it merges the binary's log output into the
    message channel and hung a build when that happened (seen in the benchmark).
    ``source_dir`` holds the indexable copies of the pages (see ``article_copy``); the
    index is written to ``site_dir/pagefind``. Returns the number of files in the index.
    ``started`` receives the running process (so a failing build can stop it).
    ``output`` writes the index elsewhere (to be swapped in while the site is served).
    """
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise SearchIndexError(
            "Pagefind ontbreekt: installeer de pakketten opnieuw (make install)."
        )
    output = output or site_dir / "pagefind"
    if output.exists():
        shutil.rmtree(output)
    command = [
        str(executable), "--site", str(source_dir or site_dir), "--output-path", str(output),
        "--force-language", "nl", "--quiet",
    ]  # fmt: skip
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        if started is not None:
            started(proc)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            raise SearchIndexError(f"Pagefind stopte niet binnen {timeout} s.") from exc
    if proc.returncode < 0:
        raise SearchIndexError("Pagefind werd gestopt.")
    if proc.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de site niet indexeren: {(stderr or stdout).strip()}")
    return sum(1 for path in output.rglob("*") if path.is_file())
