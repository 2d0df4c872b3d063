"""What raw HTML contributors may use, decided by the nh3 sanitiser.

The same policy serves two purposes:

* ``check_fragment`` tells a contributor which tag or attribute in their raw HTML
  is not allowed (by comparing what nh3 keeps with what was written);
* ``sanitize`` cleans the rendered content of every page before it is published,
  so even a page that slips through cannot run script or load a third party.
"""

from __future__ import annotations

from collections import Counter
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

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Attributes whose value is fetched by the browser when the page loads.
_LOADING_ATTRIBUTES = {("img", "src")}


def _is_third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc or url.strip().startswith("//"))


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if (element, attribute) in _LOADING_ATTRIBUTES and _is_third_party(value):
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
    if value.lower().replace(" ", "").startswith(("javascript:", "vbscript:", "data:")):
        scheme = value.split(":", 1)[0].strip().lower()
        return f"Een `{scheme}:`-adres in `{name}` op `<{tag}>` kan code uitvoeren."
    if (tag, name) in _LOADING_ATTRIBUTES:
        host = urlsplit(value).netloc or value
        return (
            f"`<{tag} {name}>` laadt een bestand van een andere site ({host}): dat lekt "
            "gegevens van lezers. Zet het bestand in de repository."
        )
    if name == "style":
        return "Het attribuut `style` is niet toegestaan (het kan externe bestanden laden)."
    return f"Het attribuut `{name}` op `<{tag}>` is niet toegestaan."


def check_fragment(html: str) -> list[str]:
    """Dutch descriptions of everything nh3 removes from ``html`` (empty: allowed)."""
    before = _collect(html)
    after = _collect(sanitize(html))
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
