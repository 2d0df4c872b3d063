"""``kb sources``: archive foreign sources as text, detect and describe changes."""

from __future__ import annotations

import io
import re
import shutil
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kb.model.files import safe_path
from kb.model.frontmatter import parse_yaml
from kb.model.pages import Page
from kb.model.registries import SOURCES_FILE, Registries, Source, sha256_file
from kb.review.snapshot_diff import SectionDiff, diff_sections
from kb.review.translation_status import archive_path

USER_AGENT = "kennisbank-ict-bronnencontrole/0.1 (+https://github.com/kennisbank-ict/kennisbank)"
TIMEOUT = 30


class SourceError(Exception):
    """A Dutch message about a source."""


def fetch(url: str) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.read(), response.headers.get_content_type()
    except OSError as exc:
        raise SourceError(f"Kan {url} niet ophalen: {exc}") from exc


def read_input(file_or_url: str) -> tuple[bytes, str]:
    if re.match(r"^https?://", file_or_url):
        return fetch(file_or_url)
    path = Path(file_or_url)
    if not path.exists():
        raise SourceError(f"Bestand {file_or_url} bestaat niet.")
    suffix = path.suffix.lower()
    kind = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html"}.get(
        suffix, "text/plain"
    )
    return path.read_bytes(), kind


def to_text(content: bytes, content_type: str) -> str:
    """Convert HTML (real parser) or PDF (real extractor) to Markdown-like text."""
    if content.startswith(b"%PDF") or content_type == "application/pdf":
        return _pdf_to_text(content)
    if content_type in ("text/html", "application/xhtml+xml") or re.match(
        rb"^\s*(<!doctype html|<html)", content[:200], re.IGNORECASE
    ):
        return _html_to_markdown(content)
    return _tidy(content.decode("utf-8", errors="replace"))


def _html_to_markdown(content: bytes) -> str:
    from bs4 import BeautifulSoup
    from markdownify import markdownify

    soup = BeautifulSoup(content, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "svg"]):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    return _tidy(markdownify(str(root), heading_style="ATX", bullets="-"))


def _pdf_to_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    return _tidy("\n\n".join(f"## Pagina {n}\n\n{text}" for n, text in enumerate(pages, 1)))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip() + "\n"


@dataclass
class UpdateResult:
    source: Source
    old_sha256: str
    new_sha256: str
    diff: SectionDiff

    @property
    def changed(self) -> bool:
        return self.old_sha256 != self.new_sha256


def _replace_field(text: str, line: int, key: str, value: str) -> str:
    lines = text.split("\n")
    index = line - 1
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    if not lines[index].strip().startswith(f"{key}:"):
        raise SourceError(f"{SOURCES_FILE}:{line}: verwacht `{key}:` op deze regel.")
    lines[index] = f"{indent}{key}: {value}"
    return "\n".join(lines)


def update_source(
    root: Path, registries: Registries, source_id: str, file_or_url: str, today: date
) -> UpdateResult:
    source = registries.sources.get(source_id)
    if source is None:
        known = ", ".join(sorted(registries.sources)) or "(geen)"
        raise SourceError(
            f"Bron `{source_id}` staat niet in {SOURCES_FILE}. Bekende bronnen: {known}. "
            "Voeg eerst een item toe met titel, uitgever, url, taal, publicatie en licentie."
        )
    content, kind = read_input(file_or_url)
    text = to_text(content, kind)
    snapshot = safe_path(root, source.snapshot)
    archive = safe_path(root, archive_path(source_id, "0" * 64))
    if snapshot is None or archive is None:
        raise SourceError(
            f"Het archief van bron `{source_id}` ligt niet veilig binnen de repository "
            "(symbolische link of ongeldig pad)."
        )
    old_text = snapshot.read_text(encoding="utf-8") if snapshot.exists() else ""
    old_sha = sha256_file(snapshot) if snapshot.exists() else ""
    if snapshot.exists() and old_sha:
        archived = root / archive_path(source_id, old_sha)
        if not archived.exists():
            archived.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(snapshot, archived)
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_text(text, encoding="utf-8")
    new_sha = sha256_file(snapshot)
    registry_path = root / SOURCES_FILE
    registry_text = registry_path.read_text(encoding="utf-8")
    doc = parse_yaml(registry_text)
    registry_text = _replace_field(
        registry_text, doc.line_of((source_id, "sha256")), "sha256", new_sha
    )
    registry_text = _replace_field(
        registry_text, doc.line_of((source_id, "retrieved")), "retrieved", today.isoformat()
    )
    registry_path.write_text(registry_text, encoding="utf-8")
    return UpdateResult(source, old_sha, new_sha, diff_sections(old_text, text))


@dataclass
class FetchResult:
    source: Source
    changed: bool
    diff: SectionDiff | None
    error: str = ""


def check_fetch(root: Path, registries: Registries) -> list[FetchResult]:
    """Download every source and compare with its snapshot; writes nothing."""
    results = []
    for source in registries.sources.values():
        try:
            content, kind = fetch(source.url)
        except SourceError as exc:
            results.append(FetchResult(source, False, None, str(exc)))
            continue
        new_text = to_text(content, kind)
        snapshot = root / source.snapshot
        old_text = snapshot.read_text(encoding="utf-8") if snapshot.exists() else ""
        changed = " ".join(old_text.split()) != " ".join(new_text.split())
        results.append(
            FetchResult(source, changed, diff_sections(old_text, new_text) if changed else None)
        )
    return results


def affected_pages(pages: list[Page], source_id: str) -> list[Page]:
    return [p for p in pages if p.type == "vertaling" and p.meta.get("source") == source_id]


def fetch_report(results: list[FetchResult], pages: list[Page], markdown: bool) -> str:
    changed = [r for r in results if r.changed]
    failed = [r for r in results if r.error]
    out: list[str] = []
    if markdown:
        out.append("# Bronnen gewijzigd\n")
    if not changed:
        out.append(f"Geen van de {len(results)} bronnen is gewijzigd.")
    for result in changed:
        source = result.source
        pages_for = affected_pages(pages, source.id)
        if markdown:
            out.append(f"## `{source.id}`: {source.title}\n")
            out.append(f"- Uitgever: {source.publisher}")
            out.append(f"- Adres: {source.url}")
            out.append(
                "- Getroffen vertalingen: "
                + (", ".join(f"`{p.path}`" for p in pages_for) or "geen")
            )
            out.append(f"- Bijwerken: `kb sources update {source.id} {source.url}`\n")
            if result.diff:
                out.append("```diff\n" + result.diff.as_text() + "\n```\n")
        else:
            out.append(f"GEWIJZIGD {source.id}: {source.title} ({source.url})")
            out.append("  vertalingen: " + (", ".join(p.path for p in pages_for) or "geen"))
            if result.diff:
                out.extend("  " + line for line in result.diff.as_text().splitlines())
    for result in failed:
        out.append(f"{'- ' if markdown else ''}NIET OPGEHAALD {result.source.id}: {result.error}")
    return "\n".join(out) + "\n"
