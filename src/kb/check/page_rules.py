"""Validation of pages against the content model: Dutch findings with file and line."""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import unquote, urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from kb.check import editorial, html_policy, network, plain_text
from kb.check.markdown_scan import BodyScan, attribute_lists, scan_body
from kb.model import dates, schema
from kb.model.findings import Finding
from kb.model.pages import Page
from kb.model.registries import Registries
from kb.model.schema import PEOPLE_TYPE
from kb.model.vocabulary import Vocabulary

UNFINISHED_MARKER = "AANVULLEN"
_UNFINISHED = re.compile(r"\[" + UNFINISHED_MARKER + r"(?::\s*([^\]]*))?\]")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VLAAMSE_CONTEXT = "In de Vlaamse context"


@dataclass
class Context:
    """What page validation needs to know about the rest of the project."""

    vocabulary: Vocabulary
    known_files: set[str] = field(default_factory=set)  # docs-relative paths
    registries: Registries = field(default_factory=Registries)
    today: date = field(default_factory=dates.today)
    # The real date, also when KB_TODAY simulates another day for the views: a `reviewed`
    # date after it is a typing error, whatever day a test or a reproducible build uses.
    clock_today: date = field(default_factory=date.today)
    editorial_phrases: tuple[str, ...] = ()
    link_schemes: frozenset[str] = frozenset(html_policy.URL_SCHEMES)
    # Converts a body to HTML as the build does; used where the scan cannot tell what the
    # sanitiser would remove (attribute lists). None: not checked (the build checks).
    render_markdown: Callable[[str], str] | None = None


# --------------------------------------------------------------------------- schema


_FORMATS = FormatChecker()


@_FORMATS.checks("date")
def _check_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    day = dates.parse_date(value)
    return day is not None and dates.in_range(day)


@_FORMATS.checks("date-time")
def _check_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    moment = dates.parse_datetime(value)
    return moment is not None and dates.in_range(moment.date())


@_FORMATS.checks(schema.TEXT_FORMAT)
def _check_text(value: object) -> bool:
    return not isinstance(value, str) or plain_text.text_problem(value) is None


@cache
def _validator(vocabulary: Vocabulary, page_type: str | None) -> Draft202012Validator:
    if page_type is None:
        return Draft202012Validator(schema.common_schema(vocabulary), format_checker=_FORMATS)
    return Draft202012Validator(schema.page_schema(vocabulary, page_type), format_checker=_FORMATS)


def _suggest(value: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" Bedoelde je `{match[0]}`?" if match else ""


def _field_name(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int))


_TYPE_NL = {
    "array": "een lijst, bv. `[waarde1, waarde2]`",
    "string": "tekst",
    "object": "een reeks velden (ingesprongen onder de sleutel)",
    "boolean": "`true` of `false`",
    "integer": "een geheel getal, bv. `2024`",
    "number": "een getal, bv. `1200`",
    "null": "`null`",
}


def _yamlish(value: object) -> str:
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yamlish(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yamlish(v)}" for k, v in value.items()) + "}"
    return str(value)


def _shown(value: object) -> str:
    """A value as the contributor wrote it in YAML, for a message."""
    if value is None:
        return "Een lege waarde (`~` of niets)"
    text = _yamlish(value)
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def _schema_message(
    error: ValidationError, meta: dict[str, Any], page_type: str
) -> list[tuple[tuple[Any, ...], str, str]]:
    """Translate one jsonschema error into (path, code, message) items."""
    path = tuple(error.absolute_path)
    name = _field_name(path)
    validator = error.validator
    # jsonschema types these as "value or Unset"; on a reported error they are set.
    instance: Any = error.instance
    expected_value: Any = error.validator_value
    error_schema: Any = error.schema
    if validator == "required":
        missing = [k for k in expected_value if k not in instance]
        items = []
        for key in missing:
            full = f"{name}.{key}" if name else key
            hint = ""
            if page_type == "evenement" and key in ("start", "end"):
                hint = (
                    " Geef de bevestigde datum en het uur met tijdzone, bv. "
                    "`start: 2027-03-17T09:00:00+01:00`, of zet `date_confirmed: false` "
                    "met `expected:` als de datum nog niet vaststaat."
                )
            elif key == "type":
                hint = " Kies uit: " + ", ".join(f"`{t}`" for t in sorted(schema.ALL_TYPES)) + "."
            field_def = schema.field_for(page_type, key) if not name else None
            if field_def and not hint:
                hint = f" {field_def.description} Voorbeeld: `{key}: {field_def.example.strip()}`"
            what = "elke pagina" if not page_type else f"type `{page_type}`"
            items.append(
                (path, "veld-ontbreekt", f"Verplicht veld `{full}` ontbreekt ({what}).{hint}")
            )
        return items
    if validator == "additionalProperties":
        allowed = list(error_schema.get("properties", {}))
        items = []
        for key in instance:
            if key in allowed:
                continue
            key = str(key)
            full = f"{name}.{key}" if name else key
            elsewhere = sorted(t for t in schema.ALL_TYPES if schema.field_for(t, key) and not name)
            if elsewhere and page_type:
                message = (
                    f"Het veld `{full}` hoort niet bij type `{page_type}` (wel bij: "
                    f"{', '.join(f'`{t}`' for t in elsewhere)})."
                )
            else:
                message = f"Onbekend veld `{full}`.{_suggest(key, allowed)}"
                if not _suggest(key, allowed):
                    message += " Toegelaten velden: " + ", ".join(f"`{a}`" for a in allowed) + "."
            items.append((path + (key,), "onbekend-veld", message))
        return items
    if validator == "enum":
        if not isinstance(instance, str | int | float) and instance is not None:
            return []  # a list or mapping: the type error says what is wrong
        options = [str(v) for v in expected_value]
        shown = ", ".join(f"`{o}`" for o in options[:30])
        return [
            (
                path,
                "onbekende-waarde",
                f"{_shown(instance)} is geen geldige waarde voor `{name}`."
                f"{_suggest(str(instance), options)} Toegelaten: {shown}.",
            )
        ]
    if validator == "type":
        expected_list = expected_value if isinstance(expected_value, list) else [expected_value]
        wanted = " of ".join(_TYPE_NL.get(str(e), str(e)) for e in expected_list)
        example = ""
        if "array" in expected_list and isinstance(instance, str):
            example = f" Schrijf `{name}: [{instance}]`."
        return [(path, "verkeerd-type", f"`{name}` moet {wanted} zijn.{example}")]
    if validator == "maxLength":
        return [
            (
                path,
                "te-lang",
                f"`{name}` is {len(instance)} tekens lang; maximaal {expected_value}. "
                "Kort in tot één zin.",
            )
        ]
    if validator == "minLength":
        return [(path, "leeg-veld", f"`{name}` is leeg.")]
    if validator == "minItems":
        return [(path, "lege-lijst", f"`{name}` heeft minstens één waarde nodig.")]
    if validator == "uniqueItems":
        return [(path, "dubbele-waarde", f"`{name}` bevat een waarde twee keer.")]
    if validator == "pattern":
        pattern = expected_value
        if pattern == schema.DATE_PATTERN:
            message = (
                f"`{name}`: `{instance}` is geen datum in de vorm JJJJ-MM-DD, bv. `2026-11-28`."
            )
            code = "ongeldige-datum"
        elif pattern == schema.DATETIME_PATTERN:
            message = (
                f"`{name}`: `{instance}` is geen datum met uur en tijdzone, "
                "bv. `2027-03-17T09:00:00+01:00`."
            )
            code = "ongeldige-datum"
        elif pattern == schema.URL_PATTERN or pattern == schema.HTTPS_PATTERN:
            message = f"`{name}` moet een volledig webadres zijn dat begint met `https://`."
            code = "ongeldige-url"
        elif pattern == schema.PROFILE_ID_PATTERN:
            message = (
                f"`{name}`: `{instance}` is geen profiel-id: de bestandsnaam van het profiel "
                "zonder `.md`, bv. `jan-peeters`."
            )
            code = "ongeldige-waarde"
        elif pattern == schema.GITHUB_LOGIN_PATTERN:
            message = f"`{name}`: `{instance}` is geen GitHub-gebruikersnaam (zonder `@`)."
            code = "ongeldige-waarde"
        elif pattern == schema.CONSENT_VIA_PATTERN:
            message = (
                f"`{name}` is `pull-request` (je voegde jezelf toe) of het adres van het issue "
                "waarin je vroeg om in de gids te staan, bv. "
                "`https://github.com/kennisbank-ict/kennisbank/issues/12`."
            )
            code = "ongeldige-waarde"
        elif pattern == schema.PAGE_PATH_PATTERN:
            message = (
                f"`{name}`: `{instance}` is geen pad van een pagina vanaf `docs/`, bv. "
                "`adviezen/back-ups.md`."
            )
            code = "ongeldige-waarde"
        elif pattern == schema.SHA256_PATTERN:
            message = (
                f"`{name}` moet een sha256 zijn (64 tekens 0-9 en a-f), zoals `sha256` "
                "van de bron in data/sources.yml."
            )
            code = "ongeldige-hash"
        else:
            message = f"`{name}`: `{instance}` heeft niet de juiste vorm."
            code = "ongeldige-waarde"
        return [(path, code, message)]
    if validator in ("minimum", "maximum"):
        bound = "minstens" if validator == "minimum" else "hoogstens"
        return [(path, "ongeldige-waarde", f"`{name}` moet {bound} {expected_value} zijn.")]
    if validator == "format" and expected_value == schema.TEXT_FORMAT:
        problem = plain_text.text_problem(str(instance)) or "is geen gewone tekst"
        return [(path, "geen-gewone-tekst", f"`{name}` {problem}.")]
    if validator == "format":
        parsed = dates.parse_date(str(instance)[:10])
        if parsed is not None and not dates.in_range(parsed):
            return [
                (
                    path,
                    "datum-buiten-bereik",
                    f"`{name}`: `{instance}` ligt niet tussen {dates.MIN_YEAR} en "
                    f"{dates.MAX_YEAR}. Controleer het jaartal.",
                )
            ]
        return [
            (
                path,
                "onmogelijke-datum",
                f"`{name}`: `{instance}` bestaat niet als datum. Controleer dag en maand.",
            )
        ]
    if validator == "not" and page_type == "evenement":
        return [
            (
                ("start",),
                "datum-onbevestigd",
                "`date_confirmed: false` en toch een `start`: laat `start` en `end` weg zolang "
                "de datum niet bevestigd is, of zet `date_confirmed: true`.",
            )
        ]
    return [
        (path, "ongeldige-waarde", f"`{name}` heeft een ongeldige waarde ({_shown(instance)}).")
    ]


def schema_findings(page: Page, vocabulary: Vocabulary) -> list[Finding]:
    meta = page.meta
    page_type = meta.get("type")
    known_types = set(vocabulary.keys("types")) & schema.ALL_TYPES
    type_ok = isinstance(page_type, str) and page_type in known_types
    validator = _validator(vocabulary, page_type if type_ok else None)
    out: list[Finding] = []
    for error in validator.iter_errors(meta):
        for path, code, message in _schema_message(error, meta, str(page_type) if type_ok else ""):
            out.append(Finding(page.path, page.doc.line_of(path), code, message))
    return out


# --------------------------------------------------------------------------- semantics


def suggest_slug(name: str) -> str:
    stem, ext = posixpath.splitext(name)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    return f"{slug or 'pagina'}{ext.lower()}"


def filename_findings(page: Page) -> list[Finding]:
    out = []
    parts = page.src.split("/")
    for index, part in enumerate(parts):
        stem = part[:-3] if index == len(parts) - 1 and part.endswith(".md") else part
        if not _SLUG.match(stem) and stem not in ("index",):
            good = suggest_slug(part)
            out.append(
                Finding(
                    page.path,
                    None,
                    "bestandsnaam",
                    f"De naam `{part}` gebruikt andere tekens dan kleine letters, cijfers en "
                    f"koppeltekens. Hernoem naar `{good}`.",
                )
            )
    return out


def date_findings(page: Page, today: date | None = None) -> list[Finding]:
    meta, out = page.meta, []
    reviewed_on = dates.parse_date(meta.get("reviewed"))
    if today is not None and reviewed_on and dates.in_range(reviewed_on) and reviewed_on > today:
        out.append(
            Finding(
                page.path,
                page.doc.line_of(("reviewed",)),
                "datum-in-toekomst",
                f"`reviewed` ({reviewed_on.isoformat()}) ligt in de toekomst. Zet de datum "
                "waarop je de inhoud echt nakeek.",
            )
        )
    if page.type in ("raamcontract",):
        start, end = dates.parse_date(meta.get("start")), dates.parse_date(meta.get("end"))
        if meta.get("ended") is True and end and today is not None and end >= today:
            out.append(
                Finding(
                    page.path,
                    page.doc.line_of(("ended",)),
                    "einde-tegenstrijdig",
                    f"`ended: true`, maar `end` ({end.isoformat()}) ligt nog niet voorbij. "
                    "Laat `ended` weg als de einddatum gekend is.",
                )
            )
        if start and end and end < start:
            out.append(
                Finding(
                    page.path,
                    page.doc.line_of(("end",)),
                    "einde-voor-begin",
                    f"`end` ({end.isoformat()}) ligt vóór `start` ({start.isoformat()}).",
                )
            )
    if page.type == "evenement":
        start, end = dates.parse_datetime(meta.get("start")), dates.parse_datetime(meta.get("end"))
        if start and end and end < start:
            out.append(
                Finding(
                    page.path,
                    page.doc.line_of(("end",)),
                    "einde-voor-begin",
                    f"`end` ({meta.get('end')}) ligt vóór `start` ({meta.get('start')}).",
                )
            )
    reviewed, explicit = (
        dates.parse_date(meta.get("reviewed")),
        dates.parse_date(meta.get("review_by")),
    )
    if reviewed and explicit and explicit < reviewed:
        out.append(
            Finding(
                page.path,
                page.doc.line_of(("review_by",)),
                "einde-voor-begin",
                f"`review_by` ({explicit.isoformat()}) ligt vóór `reviewed` "
                f"({reviewed.isoformat()}).",
            )
        )
    return out


def translation_findings(
    page: Page, registries: Registries, scan: BodyScan | None = None
) -> list[Finding]:
    if page.type != "vertaling":
        return []
    out: list[Finding] = []
    source_id = page.meta.get("source")
    if isinstance(source_id, str) and registries.sources is not None:
        source = registries.sources.get(source_id)
        if source is None:
            out.append(
                Finding(
                    page.path,
                    page.doc.line_of(("source",)),
                    "bron-onbekend",
                    f"Bron `{source_id}` staat niet in data/sources.yml."
                    f"{_suggest(source_id, registries.sources)} Voeg de bron eerst toe aan het "
                    "register (met licentie en archief).",
                )
            )
        else:
            out.extend(_license_findings(page, registries, source_id))
    if not any(
        h.level == 2 and h.text.strip().rstrip(":") == VLAAMSE_CONTEXT
        for h in (scan or scan_body(page.body, page.doc.body_line)).headings
    ):
        out.append(
            Finding(
                page.path,
                page.doc.body_line,
                "vlaamse-context-ontbreekt",
                f"Een vertaling heeft een sectie `## {VLAAMSE_CONTEXT}` nodig die uitlegt wat "
                "het advies betekent voor Vlaamse scholen (CCB, VTC, onderwijsnetten, ...).",
            )
        )
    return out


def _license_findings(page: Page, registries: Registries, source_id: str) -> list[Finding]:
    source = registries.sources[source_id]
    license_ = registries.licenses.get(source.license)
    line = page.doc.line_of(("source",))
    if license_ is None:
        return []  # reported on the registry, naming the source
    if license_.translation == "forbidden":
        return [
            Finding(
                page.path,
                line,
                "licentie-verboden",
                f"De licentie van bron `{source_id}` ({license_.name}) laat geen vertaling toe. "
                "Deze pagina mag niet gepubliceerd worden; vat de bron niet samen maar verwijs "
                "ernaar met een link.",
            )
        ]
    if license_.translation == "permission-required" and not page.meta.get("permission"):
        return [
            Finding(
                page.path,
                line,
                "toestemming-ontbreekt",
                f"De licentie van bron `{source_id}` ({license_.name}) vereist toestemming van de "
                "uitgever om te vertalen. Voeg een blok `permission:` toe met `granted_by`, "
                "`date` en `reference`, of publiceer de pagina niet.",
            )
        ]
    return []


def body_findings(page: Page, context: Context, scan: BodyScan | None = None) -> list[Finding]:
    out: list[Finding] = []
    body, first = page.body, page.doc.body_line
    meaningful = [
        line for line in body.split("\n") if line.strip() and not line.lstrip().startswith("#")
    ]
    if not meaningful:
        out.append(
            Finding(
                page.path,
                first,
                "lege-pagina",
                "De pagina heeft geen inhoud onder de front matter. Schrijf minstens een "
                "inleidende alinea.",
            )
        )
    in_fence = False
    for number, line in enumerate((page.doc.text or body).split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in _UNFINISHED.finditer(_CODE_SPAN.sub("", line)):
            hint = (match.group(1) or "").strip()
            out.append(
                Finding(
                    page.path,
                    number,
                    "onafgewerkt",
                    "Dit deel is nog niet geschreven"
                    + (f" ({hint})" if hint else "")
                    + f". Vervang de markering `[{UNFINISHED_MARKER}…]` door je tekst.",
                )
            )
    scan = scan or scan_body(body, first)
    for fragment in scan.html:
        name = fragment.html[1:-1].lstrip("/").split(" ", 1)[0]
        if fragment.inline and re.search(r"[./#:?=]", name):
            out.append(
                Finding(
                    page.path,
                    fragment.line,
                    "link-tussen-haakjes",
                    f"`{fragment.html}` wordt als HTML-tag gelezen en verdwijnt uit de pagina. "
                    f"Schrijf een link als `[tekst]({name})`, of zet de tekst tussen backticks.",
                )
            )
            continue
        for problem in html_policy.check_fragment(fragment.html):
            out.append(Finding(page.path, fragment.line, "onveilige-html", problem))
    for ref in scan.references:
        out.extend(_reference_findings(page, ref.target, ref.line, ref.kind, context))
    out.extend(_attribute_list_findings(page, context, {f.message for f in out}))
    return out


_ATTRIBUTE_NAME = re.compile(r"([A-Za-z_:][-\w:.]*)\s*=")


def _attribute_list_findings(page: Page, context: Context, known: set[str]) -> list[Finding]:
    """Attribute lists (`{ onclick=... }`) can put any attribute on an element; what the
    sanitiser would remove from the page's HTML is reported at the list that set it."""
    lists = attribute_lists(page.body, page.doc.body_line)
    if not lists or context.render_markdown is None:
        return []
    html = context.render_markdown(page.body)
    out = []
    for problem in html_policy.check_fragment(html):
        line = next(
            (
                number
                for number, text in lists
                if any(f"`{name}`" in problem for name in _ATTRIBUTE_NAME.findall(text))
            ),
            None,
        )
        if line is not None and problem not in known:  # others come from the scan
            out.append(Finding(page.path, line, "onveilige-html", problem))
    return out


def _reference_findings(
    page: Page, target: str, line: int, kind: str, context: Context
) -> list[Finding]:
    scheme = html_policy.url_scheme(target)
    if html_policy.is_other_host(target):
        if kind == "image":
            return [
                Finding(
                    page.path,
                    line,
                    "externe-afbeelding",
                    f"De afbeelding `{target}` komt van een andere site: elke lezer zou dan "
                    "gegevens naar die site sturen. Zet de afbeelding in de repository.",
                )
            ]
        if scheme in ("javascript", "vbscript", "data"):
            return [
                Finding(
                    page.path,
                    line,
                    "onveilige-link",
                    f"Een `{scheme}:`-link kan code uitvoeren en is niet toegestaan.",
                )
            ]
        schemes = (
            context.link_schemes - {"mailto"} if page.type == PEOPLE_TYPE else context.link_schemes
        )
        if scheme not in schemes:
            return [
                Finding(
                    page.path,
                    line,
                    "onveilige-link",
                    f"Een link naar `{target}` is niet toegestaan: gebruik een webadres "
                    f"(https://…){', een e-mailadres (mailto:…)' if 'mailto' in schemes else ''}"
                    " of een pagina van deze site.",
                )
            ]
        return []
    if "\\" in target:
        return [
            Finding(
                page.path,
                line,
                "onveilige-link",
                f"De link `{target}` bevat een backslash (\\). Gebruik gewone schuine strepen (/).",
            )
        ]
    parts = urlsplit(target)
    if not parts.path:
        return []  # same-page anchor: MkDocs checks anchors
    if parts.path.startswith("/"):
        return [
            Finding(
                page.path,
                line,
                "absolute-link",
                f"De link `{target}` begint met `/`. Gebruik een relatieve link naar het "
                "Markdown-bestand, bv. `../adviezen/back-ups.md`.",
            )
        ]
    base = posixpath.dirname(page.src)
    resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    folder, name = posixpath.split(resolved)
    if folder == network.PEOPLE_FOLDER and name != "index.md" and page.type != PEOPLE_TYPE:
        return [
            Finding(
                page.path,
                line,
                "link-naar-profiel",
                "Link niet in de tekst naar iemands profiel: noem mensen via `contact` "
                "(praktijkvoorbeeld) of `answered_by` (vraag). Zo verdwijnt de naam vanzelf "
                "als de toestemming verloopt.",
            )
        ]
    if resolved in context.known_files:
        return []
    candidates = [resolved + "index.md", resolved + "/index.md", resolved + ".md"]
    fix = next((c for c in candidates if posixpath.normpath(c) in context.known_files), None)
    if fix:
        relative = posixpath.relpath(posixpath.normpath(fix), base or ".")
        return [
            Finding(
                page.path,
                line,
                "link-naar-map",
                f"Link naar `{target}`: link naar het Markdown-bestand zelf, dus `{relative}`.",
            )
        ]
    md_files = [f for f in context.known_files if f.endswith(".md")]
    match = difflib.get_close_matches(resolved, md_files, n=1, cutoff=0.8)
    hint = ""
    if match:
        hint = f" Bedoelde je `{posixpath.relpath(match[0], base or '.')}`?"
    return [
        Finding(
            page.path,
            line,
            "gebroken-link",
            f"De link `{target}` verwijst naar `{resolved}`, maar die pagina bestaat niet.{hint}",
        )
    ]


# --------------------------------------------------------------------------- entry points


_OPEN_FILL_IN = re.compile(r"\[\[(?![^\[\]\n]*\]\])")


def fill_in_findings(page: Page) -> list[Finding]:
    """A template marks every place to fill in as ``[[wat hier komt]]``."""
    from kb.export.documents import fill_in_places

    out = []
    for offset, line in enumerate(page.body.split("\n")):
        if _OPEN_FILL_IN.search(line):
            out.append(Finding(page.path, page.doc.body_line + offset, "invulplaats-open",
                               "Een invulplaats begint met `[[` maar sluit niet met `]]` op "
                               "dezelfde regel. Schrijf ze als `[[naam van de school]]`."))  # fmt: skip
    if not fill_in_places(page.body):
        out.append(Finding(page.path, page.doc.body_line, "geen-invulplaats",
                           "Een sjabloon heeft minstens één plaats om in te vullen, gemarkeerd "
                           "als `[[wat hier komt]]`, bv. `[[naam van de school]]`."))  # fmt: skip
    return out


def validate_page(page: Page, context: Context) -> list[Finding]:
    """All findings for one page (also stored on ``page.findings``)."""
    out: list[Finding] = []
    out.extend(filename_findings(page))
    for error in page.doc.errors:
        out.append(Finding(page.path, error.line, error.code, error.message))
    if not page.doc.has_front_matter:
        out.append(
            Finding(
                page.path,
                1,
                "front-matter-ontbreekt",
                "De pagina begint niet met front matter. Zet bovenaan tussen twee regels `---` "
                "minstens `title`, `description` en `type` (zie bijdragen/velden).",
            )
        )
    scan = scan_body(page.body, page.doc.body_line)
    if page.doc.meta is not None:
        out.extend(schema_findings(page, context.vocabulary))
        out.extend(date_findings(page, context.clock_today))
        out.extend(translation_findings(page, context.registries, scan))
        out.extend(network.section_findings(page, context.vocabulary, scan))
        out.extend(network.reference_findings(page, context.known_files))
        out.extend(network.profile_findings(page, context.today))
        if page.type == schema.SCAN_TYPE:
            out.append(Finding(page.path, page.doc.line_of(("type",)), "zelfscan-in-docs",
                               "Een zelfscan is geen pagina in docs/ maar een bestand in "
                               "data/zelfscans/ (`kb new zelfscan \"Titel\"` maakt er een); de "
                               "site maakt er zelf de pagina van."))  # fmt: skip
    if page.type == schema.TEMPLATE_TYPE:
        out.extend(fill_in_findings(page))
    out.extend(body_findings(page, context, scan))
    out.extend(editorial.remark_findings(page, context.editorial_phrases))
    page.findings = sorted(set(out), key=lambda f: (f.line or 0, f.code, f.message))
    return page.findings
