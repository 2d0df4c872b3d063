"""Templates (``sjabloon``) as documents to edit: ``.docx`` and ``.odt``.

The page is rendered as the site renders it (the site's Markdown extensions, the same
sanitiser), links made absolute, fill-in places marked, admonitions turned into quotes
with their title and task-list boxes into ☐/☒, then converted by pandoc (the binary that
``pypandoc-binary`` ships; nothing is installed on the system). The document carries the
title, the licence, the date and a link back to the page.

Deterministic: the document date is the page's ``reviewed`` date (``SOURCE_DATE_EPOCH``
for pandoc), not the build date, so the same page gives the same bytes. Converted files
are cached by a hash of everything that goes in, outside ``site/`` (MkDocs empties it):
``.cache/kb-documenten/`` in the project, or ``$KB_DOCUMENT_CACHE``.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from kb.check import html_policy
from kb.model import dates
from kb.model.pages import Page, url_for
from kb.model.schema import DEFAULT_TEMPLATE_LICENSE
from kb.model.vocabulary import Vocabulary
from kb.render.markup import esc

FORMATS = {"docx": "Word", "odt": "OpenDocument"}
CACHE_DIR = ".cache/kb-documenten"
FILL_IN = re.compile(r"\[\[([^\[\]<>\n]{1,120}?)\]\]")
_PROTECTED = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>|<[^>]+>)", re.S)
_HEADERLINK = re.compile(r'<a[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_FIRST_TITLE = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.S)
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')
_ADMONITION = re.compile(
    r'<div class="admonition[^"]*">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>', re.S
)
_CHECKBOX = re.compile(r'<label class="task-list-control">\s*<input([^>]*)/?>\s*'
                       r'(?:<span class="task-list-indicator"></span>)?\s*</label>')  # fmt: skip


def document_path(src: str, fmt: str) -> str:
    """Where the document of a template page is published (next to its page)."""
    return posixpath.splitext(src)[0] + f".{fmt}"


def mark_fill_ins(html: str, css_class: str = "kb-invullen") -> str:
    """``[[naam van de school]]`` as a highlighted fill-in place (outside code)."""
    opening = f'<mark class="{css_class}">' if css_class else "<mark>"
    parts = _PROTECTED.split(html)
    for index in range(0, len(parts), 2):  # even indexes: text between tags
        parts[index] = FILL_IN.sub(lambda m: f"{opening}[[{m.group(1)}]]</mark>", parts[index])
    return "".join(parts)


def fill_in_places(markdown: str) -> list[str]:
    return [m.group(1).strip() for m in FILL_IN.finditer(markdown)]


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    page_url: str  # absolute
    license_label: str
    license_url: str
    reviewed: str  # YYYY-MM-DD


def document_info(page: Page, vocabulary: Vocabulary, site_url: str) -> DocumentInfo:
    license_id = str(page.meta.get("license") or DEFAULT_TEMPLATE_LICENSE)
    term = vocabulary.term("template_licenses", license_id)
    reviewed = dates.parse_date(page.meta.get("reviewed"))
    return DocumentInfo(
        title=page.title,
        page_url=urljoin(site_url.rstrip("/") + "/", page.url),
        license_label=term.label if term else license_id,
        license_url=term.url if term else "",
        reviewed=reviewed.isoformat() if reviewed else "1980-01-01",
    )


def document_html(page: Page, body_html: str, info: DocumentInfo) -> str:
    """The page's rendered body, ready for pandoc."""
    html = html_policy.sanitize(body_html)
    html = _HEADERLINK.sub("", html)
    html = _FIRST_TITLE.sub("", html, count=1)  # the document's title block says it
    html = _absolute_links(html, page.src, info.page_url)
    html = _ADMONITION.sub(
        lambda m: f"<blockquote><p><strong>{m.group(1)}</strong></p>{m.group(2)}</blockquote>", html
    )
    # In a span: pandoc would read a bare ☐ as a task list, which its writers drop.
    html = _CHECKBOX.sub(
        lambda m: f'<span class="kb-vakje">{"☒" if "checked" in m.group(1) else "☐"}</span> ', html
    )
    html = mark_fill_ins(html, css_class="")  # pandoc: a highlight in Word and LibreOffice
    day = dates.parse_date(info.reviewed)
    when = dates.format_date_nl(day) if day else info.reviewed
    licence = esc(info.license_label)
    if info.license_url:
        licence = f'<a href="{esc(info.license_url)}">{licence}</a>'
    colophon = (
        f"<p><em>Sjabloon van de Kennisbank ICT-coördinatoren, versie van {esc(when)}. "
        f'Online: <a href="{esc(info.page_url)}">{esc(info.page_url)}</a>. Licentie: {licence}. '
        "Vul elke gemarkeerde plaats tussen [[ ]] in.</em></p>\n"
    )
    return colophon + html


def _absolute_links(html: str, src: str, page_url: str) -> str:
    base_dir = posixpath.dirname(src)

    def absolute(match: re.Match[str]) -> str:
        href = match.group(2).replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme or href.startswith(("#", "//")):
            new = href if not href.startswith("#") else page_url + href
        else:
            target = posixpath.normpath(posixpath.join(base_dir, parts.path))
            target_url = url_for(target) if target.endswith(".md") else target
            root = page_url[: len(page_url) - len(url_for(src))] if url_for(src) else page_url
            new = urljoin(root, target_url) + (f"#{parts.fragment}" if parts.fragment else "")
        return match.group(1) + esc(new) + match.group(3)

    return _HREF.sub(absolute, html)


# --------------------------------------------------------------------------- pandoc


@cache
def pandoc() -> tuple[str, str] | None:
    """Path and version of the pandoc binary that pypandoc-binary ships (None: absent)."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path()), str(pypandoc.get_pandoc_version())
    except (ImportError, OSError):
        return None


@dataclass
class DocumentCache:
    """Converted documents by content hash; counts the conversions it had to run."""

    folder: Path
    conversions: list[str] = field(default_factory=list)

    @classmethod
    def for_project(cls, root: Path) -> DocumentCache:
        setting = os.environ.get("KB_DOCUMENT_CACHE", "").strip()
        return cls(Path(setting) if setting else root / CACHE_DIR)

    def convert_all(self, jobs: Sequence[tuple[str, str, DocumentInfo]]) -> list[bytes]:
        """``convert`` for every (html, format, info), in that order. The conversions that
        are not cached run side by side, one pandoc process per core: they wait on pandoc,
        not on Python."""
        if len(jobs) < 2 or (os.cpu_count() or 1) < 2:
            return [self.convert(*job) for job in jobs]
        pandoc()  # found once, before the threads ask
        with ThreadPoolExecutor(min(len(jobs), os.cpu_count() or 1)) as pool:
            return list(pool.map(lambda job: self.convert(*job), jobs))

    def convert(self, html: str, fmt: str, info: DocumentInfo) -> bytes:
        found = pandoc()
        if found is None:
            raise DocumentError(
                "pandoc ontbreekt (installeer de vastgepinde pakketten: make install)"
            )
        path, version = found
        key = hashlib.sha256(
            json.dumps([version, fmt, html, info.__dict__], sort_keys=True).encode()
        ).hexdigest()
        cached = self.folder / f"{key}.{fmt}"
        if cached.is_file():
            return cached.read_bytes()
        data = _run_pandoc(path, html, fmt, info)
        self.conversions.append(f"{info.title}.{fmt}")
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{fmt}.tmp{os.getpid()}-{threading.get_ident()}")
        partial.write_bytes(data)
        partial.replace(cached)  # whole files only, also with builds side by side
        return data


class DocumentError(Exception):
    """A Dutch message: the document could not be made."""


def _run_pandoc(path: str, html: str, fmt: str, info: DocumentInfo) -> bytes:
    day = dates.parse_date(info.reviewed)
    moment = (
        datetime(day.year, day.month, day.day, tzinfo=UTC)
        if day
        else datetime(1980, 1, 1, tzinfo=UTC)
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(moment.timestamp()))}
    with tempfile.TemporaryDirectory(prefix="kb-document-") as folder:
        target = Path(folder) / f"document.{fmt}"
        command = [
            path, "--from=html", f"--to={fmt}", f"--output={target}",
            f"--metadata=title:{info.title}", f"--metadata=date:{info.reviewed}",
            "--metadata=lang:nl-BE", "--metadata=author:Kennisbank ICT-coördinatoren",
            f"--metadata=rights:{info.license_label}",
        ]  # fmt: skip
        process = subprocess.run(command, input=html.encode("utf-8"), env=env,
                                 capture_output=True, timeout=120, check=False)  # fmt: skip
        if process.returncode != 0:
            message = process.stderr.decode("utf-8", "replace").strip()[:300]
            raise DocumentError(f"pandoc kon {info.title} niet omzetten naar .{fmt}: {message}")
        return target.read_bytes()
