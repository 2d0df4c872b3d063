"""SVG files in ``docs/``: accepted only when every element and attribute is allowed.

An SVG is a document, not just a picture: opened on its own it can run script, load
other sites and style itself. It is parsed with lxml (no DTD, no entities, no network)
and every element, attribute and URL reference is compared with a fixed allow list.
Nothing is cleaned or rewritten: what is not allowed is reported with its line, and the
file is not published until it is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle",
    "ellipse", "line", "polyline", "polygon", "text", "tspan", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
})  # fmt: skip

ATTRIBUTES = frozenset({
    "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx",
    "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "transform", "fill",
    "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "stroke-opacity", "opacity", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy", "rotate",
    "textLength", "lengthAdjust", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "clip-path", "clip-rule", "mask", "maskUnits",
    "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform",
    "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits", "marker-start",
    "marker-mid", "marker-end", "preserveAspectRatio", "version", "role", "aria-label",
    "aria-hidden", "focusable", "visibility", "display", "vector-effect", "paint-order",
    "shape-rendering", "text-rendering", "color", "overflow", "href", "lang",
})  # fmt: skip

# Attributes that may point at something: only at an element of the same file.
_REFERENCE_ATTRIBUTES = frozenset({
    "fill", "stroke", "clip-path", "mask", "marker-start", "marker-mid", "marker-end", "href",
})  # fmt: skip
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#[A-Za-z_][\w.:-]*\1\s*\)")
_SCHEME_IN_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LOCAL_HREF = re.compile(r"#[A-Za-z_][\w.:-]*")


@dataclass(frozen=True)
class SvgProblem:
    line: int
    message: str


def check_svg(data: bytes) -> list[SvgProblem]:
    """Every problem of one SVG file (empty list: the file may be published)."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = int(getattr(exc, "lineno", 0) or 1)
        return [SvgProblem(line, "Het SVG-bestand is geen geldige XML en kan niet gelezen worden.")]
    problems: list[SvgProblem] = []
    tree = root.getroottree()
    docinfo = tree.docinfo
    if getattr(docinfo, "doctype", "") or getattr(docinfo, "internalDTD", None) is not None:
        problems.append(
            SvgProblem(
                1,
                "Een `<!DOCTYPE>` is niet toegestaan in een SVG (het kan entiteiten "
                "en externe bestanden binnenhalen). Verwijder de regel.",
            )
        )
    if etree.QName(root).localname != "svg" or etree.QName(root).namespace != SVG_NS:
        problems.append(SvgProblem(_line(root), "Het bestand begint niet met `<svg>`."))
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        line = _line(node)
        if isinstance(node, etree._Comment):
            continue
        if isinstance(node, etree._ProcessingInstruction):
            problems.append(
                SvgProblem(
                    line,
                    f"De instructie `<?{node.target!s} …?>` is niet toegestaan "
                    "(ze kan een stijlblad van een andere site laden).",
                )
            )
            continue
        if isinstance(node, etree._Entity):
            problems.append(SvgProblem(line, "Entiteiten (`&naam;`) zijn niet toegestaan."))
            continue
        name = etree.QName(node)
        if name.namespace != SVG_NS or name.localname not in ELEMENTS:
            problems.append(SvgProblem(line, _element_message(name)))
            continue
        prefixes = {uri: prefix for prefix, uri in node.nsmap.items() if prefix}
        for key, value in node.attrib.items():
            qname = etree.QName(key)
            shown = f"{prefixes.get(qname.namespace or '', '')}:{qname.localname}".lstrip(":")
            problem = _attribute_problem(name.localname, qname, value, shown)
            if problem:
                problems.append(SvgProblem(line, problem))
    return problems


def _line(node: object) -> int:
    """The line of a parsed node (lxml's stubs type it loosely)."""
    line = getattr(node, "sourceline", None)
    return line if isinstance(line, int) and line > 0 else 1


def _element_message(name: etree.QName) -> str:
    tag = name.localname
    if tag in ("script", "foreignObject", "iframe", "embed", "object"):
        why = "kan code uitvoeren of een andere site inladen"
    elif tag in ("image", "feImage", "font-face-uri", "a"):
        why = "laadt of opent een bestand of site"
    elif tag == "style":
        why = "kan bestanden van andere sites laden; gebruik attributen zoals `fill`"
    elif tag in ("animate", "set", "animateTransform", "animateMotion"):
        why = "kan attributen van andere elementen veranderen"
    elif name.namespace and name.namespace != SVG_NS:
        why = (
            "hoort niet bij SVG (tekenprogramma's zoals Inkscape voegen zulke elementen toe; "
            "bewaar als 'gewone SVG' of 'Plain SVG')"
        )
    else:
        why = "staat niet op de lijst van toegestane SVG-elementen"
    return f"Het element `<{tag}>` {why}."


def _attribute_problem(tag: str, key: etree.QName, value: str, shown: str) -> str:
    name, namespace = key.localname, key.namespace
    if namespace == XML_NS and name in ("space", "lang"):
        return ""
    foreign = bool(namespace) and not (namespace == XLINK_NS and name == "href")
    if foreign or name not in ATTRIBUTES:
        if name.lower().startswith("on"):
            return f"Het attribuut `{name}` op `<{tag}>` voert code uit."
        if name == "style":
            return (
                f"Het attribuut `style` op `<{tag}>` is niet toegestaan (het kan bestanden "
                "laden); gebruik attributen zoals `fill` en `stroke`."
            )
        return f"Het attribuut `{shown}` op `<{tag}>` staat niet op de lijst van toegestane attributen."
    if name == "href":
        if not _LOCAL_HREF.fullmatch(value.strip()):
            return (
                f"`href` op `<{tag}>` mag alleen naar een element in hetzelfde bestand wijzen "
                "(`#id`), niet naar een ander bestand of een andere site."
            )
        return ""
    if name in _REFERENCE_ATTRIBUTES or "url(" in value.lower():
        rest = _LOCAL_URL.sub("", value)
        if "url(" in rest.lower() or ":" in rest or "\\" in rest:
            return (
                f"`{name}` op `<{tag}>` verwijst naar iets buiten dit bestand; alleen "
                "`url(#id)` naar een element in hetzelfde bestand is toegestaan."
            )
    if name not in ("d", "points", "transform", "viewBox") and _SCHEME_IN_VALUE.search(value):
        return f"De waarde van `{name}` op `<{tag}>` bevat een adres; dat is niet toegestaan."
    return ""
