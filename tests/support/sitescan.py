"""Scan a built site for anything a browser would load or run without a click.

Used by the tests on the real site and on every fixture site. Flags:

* ``src``, ``srcset``, ``poster``, ``data``, ``background`` and CSS ``url()`` / ``@import``
  that point to another host;
* ``<link>`` with a loading ``rel`` (stylesheet, preload, modulepreload, icon, manifest,
  prefetch, preconnect, dns-prefetch) to another host;
* every ``on*`` attribute; embeds (iframe, frame, object, embed, base);
* ``<meta http-equiv="refresh">`` other than a same-site redirect stub;
* ``<script>`` other than the site's own files, inline scripts whose hash the page's CSP
  allows, and JSON data blocks;
* an HTML page whose Content Security Policy is not the first thing after ``<meta
  charset>``.

Plain links (``<a href>``) to other sites are fine: they need a click. The URL test is
written independently of ``kb.html_policy`` (as a browser reads a URL).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from bs4.element import Tag

SITE_HOST = "kennisbank.test"
LOADING_RELS = {
    "stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon",
    "manifest", "prefetch", "preconnect", "dns-prefetch", "prerender",
}  # fmt: skip
LOADING_ATTRIBUTES = ("src", "poster", "data", "background", "lowsrc", "dynsrc")
EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import\s+(['\"])(.*?)\3", re.I | re.S)


def _browser_url(url: str) -> str:
    edge = "".join(chr(c) for c in range(0x21))
    url = url.strip(edge)
    for ch in "\t\n\r":
        url = url.replace(ch, "")
    return url.replace("\\", "/")


def other_host(url: str, page: str = "page/") -> bool:
    """Whether loading ``url`` from a page of the site contacts another host."""
    url = _browser_url(url)
    if url.lower().startswith(("data:", "blob:", "about:blank")):
        return False  # loaded from the document itself
    resolved = urlsplit(urljoin(f"https://{SITE_HOST}/{page}", url))
    return resolved.scheme not in ("https", "http") or resolved.hostname != SITE_HOST


def _css_problems(css: str, where: str, page: str) -> list[str]:
    out = []
    for match in _CSS_URL.finditer(css):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        if url is not None and other_host(url, page):
            out.append(f"{where}: CSS laadt {url!r} van een andere host")
    return out


def _csp_hashes(soup: BeautifulSoup) -> set[str]:
    meta = soup.find("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if not isinstance(meta, Tag):
        return set()
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", str(meta.get("content", ""))))


def _head_problem(html: str, rel: str) -> str | None:
    """The CSP must come right after <meta charset>, before anything from a page."""
    head = re.search(r"<head[^>]*>(.*?)</head>", html, re.S | re.I)
    if head is None:
        return f"{rel}: geen <head>"
    tags = re.findall(r"<(?!!--)[^>]+>", head.group(1))
    if len(tags) < 2 or not re.match(r"<meta\s+charset=", tags[0], re.I):
        return f"{rel}: <head> begint niet met <meta charset>"
    if not re.match(r'<meta\s+http-equiv="Content-Security-Policy"', tags[1], re.I):
        return f"{rel}: de CSP staat niet meteen na <meta charset>"
    return None


def scan_html(html: str, rel: str, site: Path) -> list[str]:
    page = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
    soup = BeautifulSoup(html, "html.parser")
    problems: list[str] = []
    head = _head_problem(html, rel)
    if head:
        problems.append(head)
    hashes = _csp_hashes(soup)
    for tag in soup.find_all(True):
        name = tag.name.lower()
        for attribute, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            text = " ".join(str(v) for v in values)
            if attribute.lower().startswith("on"):
                problems.append(f"{rel}: attribuut {attribute} op <{name}>")
            if attribute.lower() in LOADING_ATTRIBUTES and other_host(text, page):
                problems.append(f"{rel}: <{name} {attribute}={text!r}> laadt van een andere host")
            if attribute.lower() in ("srcset", "imagesrcset"):
                for candidate in text.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url and other_host(url, page):
                        problems.append(f"{rel}: <{name} srcset> laadt {url!r}")
            if attribute.lower() == "style":
                problems.extend(_css_problems(text, f"{rel} <{name} style>", page))
            embedded = name in ("image", "use", "feimage")
            if embedded and attribute.lower() in ("href", "xlink:href") and other_host(text, page):
                problems.append(f"{rel}: <{name} {attribute}> laadt {text!r}")
        if name in EMBEDS:
            problems.append(f"{rel}: <{name}> laadt een andere pagina of een plug-in")
        if name == "link":
            rels = {r.lower() for r in (tag.get("rel") or [])}
            href = str(tag.get("href", ""))
            if rels & LOADING_RELS and other_host(href, page):
                problems.append(
                    f"{rel}: <link rel={sorted(rels)} href={href!r}> van een andere host"
                )
        if name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            content = str(tag.get("content", ""))
            target = content.split("url=", 1)[1] if "url=" in content.lower() else ""
            if not target or other_host(target, page):
                problems.append(f"{rel}: <meta http-equiv=refresh> naar {target!r}")
        if name == "style":
            problems.extend(_css_problems(tag.get_text(), f"{rel} <style>", page))
        if name == "script":
            kind = str(tag.get("type", "")).lower()
            src = tag.get("src")
            if src:
                target = urlsplit(urljoin(f"https://{SITE_HOST}/{page}", str(src))).path
                # Absolute paths (404.html) start with the site's own path (/kennisbank/).
                parts = target.lstrip("/").split("/")
                local = any((site / "/".join(parts[i:])).is_file() for i in range(len(parts)))
                if other_host(str(src), page) or not local:
                    problems.append(f"{rel}: <script src={src!r}> is geen bestand van de site")
            elif kind in ("application/json", "application/ld+json"):
                continue
            else:
                digest = hashlib.sha256(tag.string.encode() if tag.string else b"").digest()
                token = "sha256-" + base64.b64encode(digest).decode()
                if token not in hashes:
                    problems.append(f"{rel}: inline <script> zonder CSP-hash")
    return problems


def scan_svg(data: bytes, rel: str) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    problems = []
    if re.search(r"<script|<foreignObject|\son[a-z]+\s*=", text, re.I):
        problems.append(f"{rel}: SVG met script of on*-attribuut")
    for url in re.findall(r"(?:href|src)\s*=\s*[\"']([^\"']+)", text):
        if not url.startswith("#") and other_host(url, rel):
            problems.append(f"{rel}: SVG laadt {url!r}")
    problems.extend(_css_problems(text, rel, rel))
    return problems


def scan_site(site: Path) -> list[str]:
    """Every problem in every file of the built site."""
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        suffix = path.suffix.lower()
        if suffix == ".html":
            problems.extend(scan_html(path.read_text(encoding="utf-8"), rel, site))
        elif suffix == ".css":
            problems.extend(_css_problems(path.read_text(encoding="utf-8"), rel, rel))
        elif suffix == ".svg":
            problems.extend(scan_svg(path.read_bytes(), rel))
    return problems
