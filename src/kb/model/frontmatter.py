"""Split a Markdown file into YAML front matter and body, keeping line numbers.

Dates stay strings here (no YAML timestamp magic), so an impossible date such as
``2025-02-30`` becomes a clear validation message instead of a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # the C loader (libyaml) has the same interface as the Python one
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
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


MAX_FRONT_MATTER_BYTES = 64 * 1024  # a page's front matter: a few hundred bytes in practice
MAX_YAML_BYTES = 4 * 1024 * 1024  # a data file (data/*.yml)
MAX_DEPTH = 12
# Control characters (tab and newline excepted) and the characters YAML also reads as a
# line break (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR): never meant, and they shift lines.
CONTROL_CHARACTER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]"
)  # front matter and data files nest three or four levels deep


def normalise_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line endings become LF; a BOM is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def parse_document(text: str) -> ParsedDocument:
    text = normalise_newlines(text)
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
    _load_yaml(yaml_text, doc, offset=1, max_bytes=MAX_FRONT_MATTER_BYTES)
    return doc


def parse_yaml(text: str, max_bytes: int = MAX_YAML_BYTES) -> ParsedDocument:
    """Parse a whole YAML file (a registry) with the same loader and line map."""
    doc = ParsedDocument(meta=None, body="", body_line=1, has_front_matter=True)
    _load_yaml(normalise_newlines(text), doc, offset=0, max_bytes=max_bytes)
    return doc


def load_yaml_data(
    text: str, max_bytes: int = MAX_YAML_BYTES
) -> tuple[Any, list[FrontMatterError]]:
    """Any YAML data file, with the same limits (no aliases, bounded size and depth) and
    Dutch errors; the data is None when there are errors."""
    doc = ParsedDocument(meta=None, body="", body_line=1, has_front_matter=True)
    _load_yaml(normalise_newlines(text), doc, offset=0, max_bytes=max_bytes, mapping=False)
    return (doc.meta if not doc.errors else None), doc.errors


def _load_yaml(
    yaml_text: str, doc: ParsedDocument, offset: int, max_bytes: int, mapping: bool = True
) -> None:
    size = len(yaml_text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        doc.errors.append(
            FrontMatterError(
                1 + offset,
                "yaml-te-groot",
                f"De YAML is {size // 1024} KiB groot; hoogstens {max_bytes // 1024} KiB is "
                "toegelaten. Hou de front matter kort: de tekst hoort onder de front matter.",
            )
        )
        return
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
    control = CONTROL_CHARACTER.search(yaml_text)
    if control is not None:
        doc.errors.append(
            FrontMatterError(
                yaml_text.count("\n", 0, control.start()) + 1 + offset,
                "onzichtbaar-teken",
                f"Er staat een onzichtbaar stuurteken (U+{ord(control.group()):04X}) op deze "
                "regel. Verwijder het; kopieerde je de tekst uit een ander programma, typ de "
                "regel dan opnieuw.",
            )
        )
        return
    try:
        problem = _structure_problem(yaml_text, offset)
    except yaml.MarkedYAMLError as exc:
        doc.errors.append(_yaml_error(exc, offset))
        return
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        doc.errors.append(_reader_error(exc, yaml_text, offset))
        return
    if problem is not None:
        doc.errors.append(problem)
        return
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.meta = {} if mapping else None
            return
        key_problems: list[FrontMatterError] = []
        _collect_lines(node, (), doc, offset, key_problems)
        if key_problems:
            doc.errors.extend(key_problems)
            return
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        doc.errors.append(_yaml_error(exc, offset))
        return
    except yaml.YAMLError as exc:
        doc.errors.append(_reader_error(exc, yaml_text, offset))
        return
    except (ValueError, TypeError, RecursionError) as exc:  # pragma: no cover - defensive
        doc.errors.append(
            FrontMatterError(1 + offset, "yaml-ongeldig", f"Ongeldige YAML ({type(exc).__name__}).")
        )
        return
    finally:
        loader.dispose()
    if not mapping:
        doc.meta = data
        return
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


def _structure_problem(yaml_text: str, offset: int) -> FrontMatterError | None:
    """Refuse what content never needs and what makes YAML expensive or ambiguous:
    anchors and aliases (a few hundred bytes of aliases can expand to gigabytes), explicit
    tags, and nesting deeper than MAX_DEPTH. Reads the event stream only (linear, no
    recursion), before anything is built."""
    loader = _Loader(yaml_text)
    depth = 0
    try:
        while loader.check_event():
            # types-PyYAML leaves the parser's get_event() without a return type.
            event: yaml.Event = loader.get_event()  # type: ignore[no-untyped-call]
            line = (event.start_mark.line + 1 + offset) if event.start_mark else 1 + offset
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return FrontMatterError(
                    line,
                    "yaml-alias",
                    "YAML-ankers en -verwijzingen (`&naam` en `*naam`) zijn niet toegestaan. "
                    "Schrijf de waarde voluit; begint een tekst met `&` of `*`, zet hem dan "
                    "tussen aanhalingstekens.",
                )
            tag = getattr(event, "tag", None)  # scalar and collection events have a tag
            if isinstance(event, yaml.NodeEvent) and tag is not None:
                return FrontMatterError(
                    line,
                    "yaml-tag",
                    f"YAML-tags zoals `{_short_tag(str(tag))}` zijn niet toegestaan. Begint een tekst met "
                    "`!`, zet hem dan tussen aanhalingstekens.",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return FrontMatterError(
                        line,
                        "yaml-te-diep",
                        f"De YAML is dieper genest dan {MAX_DEPTH} niveaus. Velden in de "
                        "kennisbank nesten hoogstens enkele niveaus diep.",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return None


def _reader_error(exc: yaml.YAMLError, yaml_text: str, offset: int) -> FrontMatterError:
    character = getattr(exc, "character", None)
    if isinstance(exc, yaml.reader.ReaderError) and character is not None:
        code = character if isinstance(character, int) else ord(str(character)[:1] or " ")
        line = yaml_text.count("\n", 0, getattr(exc, "position", 0)) + 1 + offset
        return FrontMatterError(
            line,
            "onzichtbaar-teken",
            f"Er staat een onzichtbaar stuurteken (U+{code:04X}) op deze regel. Verwijder "
            "het; kopieerde je de tekst uit een ander programma, typ de regel dan opnieuw.",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = (mark.line + 1 + offset) if mark else 1 + offset
    return FrontMatterError(
        line,
        "yaml-ongeldig",
        "Ongeldige YAML. Controleer aanhalingstekens, dubbelpunten en inspringing op deze regel.",
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _collect_lines(
    node: yaml.Node,
    path: Path,
    doc: ParsedDocument,
    offset: int,
    problems: list[FrontMatterError],
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not _is_text_key(key_node):
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                problems.append(
                    FrontMatterError(
                        line,
                        "veldnaam-ongeldig",
                        f"`{shown or '~'}` is geen geldige veldnaam: een veldnaam is een woord, "
                        "zoals `title` of `roles`, gevolgd door een dubbelpunt.",
                    )
                )
                continue
            key = key_node.value
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
            _collect_lines(value_node, path + (key,), doc, offset, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.lines[path + (index,)] = item.start_mark.line + 1 + offset
            _collect_lines(item, path + (index,), doc, offset, problems)


_STR_TAG = "tag:yaml.org,2002:str"


def _is_text_key(node: yaml.Node) -> bool:
    """A key is a plain word: not null (`~`), a number, a list or a mapping."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG and bool(node.value.strip())


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
    (
        "did not find expected",
        "yaml-haakje",
        "Een lijst `[ … ]` of reeks `{ … }` wordt niet juist gesloten, of er staat een "
        "komma of haakje te veel. Zet tekst met haakjes of komma's tussen aanhalingstekens.",
    ),
    (
        "found unknown escape character",
        "yaml-backslash",
        "Een backslash (\\) tussen dubbele aanhalingstekens moet je verdubbelen (\\\\), "
        "of gebruik enkele aanhalingstekens.",
    ),
    (
        "block sequence entries are not allowed",
        "yaml-lijst",
        "Een lijstitem (`- `) staat op een plaats waar een waarde hoort. Zet het op een "
        "nieuwe regel onder de veldnaam, ingesprongen.",
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
        "Ongeldige YAML op deze regel. Controleer aanhalingstekens, haakjes, dubbelpunten "
        "en inspringing.",
    )
