"""What raw HTML contributors may use, decided by the nh3 sanitiser.

The same policy serves two purposes:

* ``check_fragment`` tells a contributor which tag or attribute in their raw HTML
  is not allowed (by comparing what nh3 keeps with what was written);
* ``sanitize`` cleans the rendered content of every page before it is published,
  so even a page that slips through cannot run script or load a third party.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS: set[str] = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
    "label", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip

_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "role", "aria-label",
                      "aria-hidden", "aria-describedby", "aria-labelledby", "data-tabs"}  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "name", "hreflang", "rel", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}

# Links may go to web pages and e-mail addresses; everything else (javascript:, data:,
# tel:, file:, ...) is refused. Relative links (pages and files of the site) have no scheme.
URL_SCHEMES = {"http", "https", "mailto"}

# Attributes whose value is fetched by the browser when the page loads.
_LOADING_ATTRIBUTES = {("img", "src")}

_EDGE = "".join(chr(code) for code in range(0x21))  # C0 controls and the space
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def browser_url(url: str) -> str:
    """A URL as a browser reads it (WHATWG URL parsing): C0 controls and spaces around it
    dropped, tabs and newlines inside it removed, and backslashes read as slashes (as
    browsers do for web addresses). ``\\\\evil.example/x`` is ``//evil.example/x`` to a browser."""
    url = url.strip(_EDGE)
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    return url.replace("\\", "/")


def url_scheme(url: str) -> str:
    """The scheme a browser sees (``javascript`` for ``java\tscript:``), lowercase; ''."""
    match = _SCHEME.match(browser_url(url))
    return match.group(1).lower() if match else ""


def is_other_host(url: str) -> bool:
    """Whether a browser could fetch ``url`` from anywhere but this site: any URL with a
    scheme, and any URL that starts with two slashes once read as a browser reads it."""
    normalised = browser_url(url)
    return bool(_SCHEME.match(normalised)) or normalised.startswith("//")


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if (element, attribute) in _LOADING_ATTRIBUTES and is_other_host(value):
        return None
    if attribute == "type" and element == "input" and value not in {"checkbox", "radio"}:
        return None
    return value


def sanitize(html: str) -> str:
    """Clean rendered HTML with the site policy."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=False,
        attribute_filter=_attribute_filter,
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str, str]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name, (value or "").strip())] += 1

    handle_startendtag = handle_starttag


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


_TAG_REASONS = {
    "script": "voert code uit; bijdragen mogen geen scripts bevatten",
    "iframe": "laadt een andere website in de pagina (privacy: geen embeds)",
    "frame": "laadt een andere website in de pagina",
    "object": "laadt externe inhoud of plug-ins",
    "embed": "laadt externe inhoud of plug-ins",
    "svg": "kan code uitvoeren; gebruik een afbeelding in de repository",
    "math": "kan code uitvoeren",
    "style": "kan externe bestanden laden; gebruik de opmaak van de site",
    "link": "laadt een extern bestand",
    "meta": "hoort niet in de inhoud van een pagina",
    "form": "stuurt gegevens door naar een andere site",
    "base": "verandert alle links van de pagina",
    "video": "laadt media van buiten de site",
    "audio": "laadt media van buiten de site",
    "source": "laadt media van buiten de site",
}


def _attribute_reason(tag: str, name: str, value: str) -> str:
    if name.startswith("on"):
        return f"Het attribuut `{name}` op `<{tag}>` voert code uit en is niet toegestaan."
    scheme = url_scheme(value) if name in ("href", "src", "cite") else ""
    if scheme in ("javascript", "vbscript", "data"):
        return f"Een `{scheme}:`-adres in `{name}` op `<{tag}>` kan code uitvoeren."
    if scheme and scheme not in URL_SCHEMES:
        return (
            f"Een `{scheme}:`-adres in `{name}` op `<{tag}>` is niet toegestaan: alleen "
            "webadressen (https://), e-mailadressen (mailto:) en pagina's van deze site."
        )
    if (tag, name) in _LOADING_ATTRIBUTES:
        host = urlsplit(browser_url(value)).netloc or value
        return (
            f"`<{tag} {name}>` laadt een bestand van een andere site ({host}): dat lekt "
            "gegevens van lezers. Zet het bestand in de repository."
        )
    if name == "style":
        return "Het attribuut `style` is niet toegestaan (het kan externe bestanden laden)."
    return f"Het attribuut `{name}` op `<{tag}>` is niet toegestaan."


_VOID_END = re.compile(r"\s*/>")


def _serialised_alike(html: str) -> str:
    """``html`` with the differences of serialisation only (``<br />`` and ``<br>``,
    ``&para;`` and ``¶``, ``hidden`` and ``hidden=""``) made equal."""
    return unescape(_VOID_END.sub(">", html)).replace('=""', "")


def check_fragment(html: str, sanitized: str | None = None) -> list[str]:
    """Dutch descriptions of everything nh3 removes from ``html`` (empty: allowed).
    ``sanitized``: ``sanitize(html)``, when the caller has it already."""
    after_html = sanitize(html) if sanitized is None else sanitized
    if _serialised_alike(html) == _serialised_alike(after_html):
        return []  # nh3 removed nothing (it never adds text, so nothing can hide a removal)
    before = _collect(html)
    after = _collect(after_html)
    problems: list[str] = []
    for tag in sorted(before.tags - after.tags):
        reason = _TAG_REASONS.get(tag, "is niet toegestaan in bijdragen")
        problems.append(f"De HTML-tag `<{tag}>` {reason}.")
    removed_tags = set(before.tags - after.tags)
    for tag, name, value in sorted(before.attributes - after.attributes):
        if tag in removed_tags:
            continue
        problems.append(_attribute_reason(tag, name, value))
    return problems
