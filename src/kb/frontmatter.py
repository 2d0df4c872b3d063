"""Split a Markdown file into YAML front matter and body, keeping line numbers.

Dates stay strings here (no YAML timestamp magic), so an impossible date such as
``2025-02-30`` becomes a clear validation message instead of a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML loader without implicit timestamps."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")

Path = tuple[str | int, ...]


@dataclass
class FrontMatterError:
    line: int
    code: str
    message: str


@dataclass
class ParsedDocument:
    """Result of splitting one file."""

    meta: dict[str, Any] | None
    body: str
    body_line: int  # 1-based line number of the first body line
    lines: dict[Path, int] = field(default_factory=dict)  # key path -> 1-based line
    errors: list[FrontMatterError] = field(default_factory=list)
    has_front_matter: bool = False
    text: str = ""  # the whole file, normalised line endings

    def line_of(self, path: Path) -> int:
        """Line of a key (or list item); falls back to the closest known parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def parse_document(text: str) -> ParsedDocument:
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    doc = _split(text)
    doc.text = text
    return doc


def _split(text: str) -> ParsedDocument:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return ParsedDocument(meta=None, body=text, body_line=1)
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return ParsedDocument(
            meta=None,
            body=text,
            body_line=1,
            has_front_matter=True,
            errors=[
                FrontMatterError(
                    1,
                    "yaml-niet-afgesloten",
                    "De front matter begint met `---` maar wordt nergens afgesloten: "
                    "zet een regel met alleen `---` na het laatste veld.",
                )
            ],
        )
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    doc = ParsedDocument(meta=None, body=body, body_line=end + 2, has_front_matter=True)
    _load_yaml(yaml_text, doc, offset=1)
    return doc


def parse_yaml(text: str) -> ParsedDocument:
    """Parse a whole YAML file (a registry) with the same loader and line map."""
    doc = ParsedDocument(meta=None, body="", body_line=1, has_front_matter=True)
    _load_yaml(text.replace("\r\n", "\n"), doc, offset=0)
    return doc


def _load_yaml(yaml_text: str, doc: ParsedDocument, offset: int) -> None:
    for number, line in enumerate(yaml_text.split("\n"), start=1 + offset):
        if "\t" in line[: len(line) - len(line.lstrip())] or line.startswith("\t"):
            doc.errors.append(
                FrontMatterError(
                    number,
                    "yaml-tab",
                    "Deze regel springt in met een tab-teken. YAML aanvaardt alleen spaties: "
                    "vervang de tab door twee spaties.",
                )
            )
    if doc.errors:
        return
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.meta = {}
            return
        _collect_lines(node, (), doc, offset)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        doc.errors.append(_yaml_error(exc, offset))
        return
    except (ValueError, TypeError) as exc:  # pragma: no cover - exotic constructor errors
        doc.errors.append(FrontMatterError(1 + offset, "yaml-ongeldig", f"Ongeldige YAML: {exc}"))
        return
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "een lijst" if isinstance(data, list) else "losse tekst"
        doc.errors.append(
            FrontMatterError(
                1 + offset,
                "yaml-geen-mapping",
                f"De front matter is {kind}, geen reeks velden. Schrijf elk veld als "
                "`sleutel: waarde` op een eigen regel, bv. `title: Back-ups op school`.",
            )
        )
        return
    doc.meta = data


def _collect_lines(node: yaml.Node, path: Path, doc: ParsedDocument, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                doc.errors.append(
                    FrontMatterError(
                        line,
                        "dubbel-veld",
                        f"Het veld `{key}` staat twee keer in de front matter "
                        f"(ook op regel {seen[key]}); hou er één over.",
                    )
                )
            seen[key] = line
            doc.lines[path + (key,)] = line
            _collect_lines(value_node, path + (key,), doc, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.lines[path + (index,)] = item.start_mark.line + 1 + offset
            _collect_lines(item, path + (index,), doc, offset)


_PROBLEMS: list[tuple[str, str, str]] = [
    (
        "found character '\\t'",
        "yaml-tab",
        "Er staat een tab-teken in de front matter. YAML aanvaardt alleen spaties.",
    ),
    (
        "found unexpected end of stream",
        "yaml-aanhalingsteken",
        "Een aanhalingsteken wordt niet gesloten. Sluit de tekst af met hetzelfde "
        "aanhalingsteken (\" of ') waarmee hij begint.",
    ),
    (
        "mapping values are not allowed",
        "yaml-dubbelpunt",
        "Een waarde bevat `: ` (dubbelpunt en spatie). Zet de hele waarde tussen "
        'aanhalingstekens, bv. `title: "Wifi: een gastennetwerk"`.',
    ),
    (
        "could not find expected ':'",
        "yaml-dubbelpunt-ontbreekt",
        "Na een veldnaam hoort een dubbelpunt en een spatie, bv. `type: advies`.",
    ),
    (
        "found undefined alias",
        "yaml-alias",
        "Een waarde begint met `*`. Zet ze tussen aanhalingstekens.",
    ),
    (
        "found character '@' that cannot start any token",
        "yaml-teken",
        "Een waarde begint met `@`. Zet ze tussen aanhalingstekens.",
    ),
    (
        "found character '`' that cannot start any token",
        "yaml-teken",
        "Een waarde begint met een backtick (`). Zet ze tussen aanhalingstekens.",
    ),
    (
        "expected <block end>, but found",
        "yaml-inspringing",
        "De inspringing klopt niet: velden op hetzelfde niveau moeten even ver inspringen.",
    ),
]


def _yaml_error(exc: yaml.MarkedYAMLError, offset: int) -> FrontMatterError:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + offset) if mark else 1 + offset
    for needle, code, message in _PROBLEMS:
        if needle in problem or needle in str(exc):
            if code == "yaml-aanhalingsteken" and exc.context_mark is not None:
                line = exc.context_mark.line + 1 + offset
            return FrontMatterError(line, code, f"Ongeldige YAML: {message}")
    return FrontMatterError(
        line,
        "yaml-ongeldig",
        f"Ongeldige YAML ({problem or exc}). Controleer aanhalingstekens, dubbelpunten "
        "en inspringing op deze regel.",
    )
