"""The one schema of the content model.

Every front-matter field is declared once here, with its JSON Schema, its Dutch
description and an example. From this list come:

* the validation of pages (``kb.validate``), used by the build hook and ``kb check``;
* the contributor field reference (``reference_markdown``);
* the JSON Schema of the catalogue ``api/pages.schema.json`` (``catalogue_schema``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kb.model.vocabulary import Vocabulary

CONTENT_TYPES = frozenset({"artikel", "advies", "vertaling", "praktijk", "vraag", "sjabloon"})
TEMPLATE_TYPE = "sjabloon"  # also published as .docx and .odt
DEFAULT_TEMPLATE_LICENSE = "CC-BY-4.0"
# Types whose content ages: months from `reviewed` to the default `review_by`.
REVIEW_MONTHS: dict[str, int] = {
    "advies": 12, "vertaling": 12, "raamcontract": 12, "praktijk": 36, "sjabloon": 12,
    "zelfscan": 12,
}  # fmt: skip
DATED_TYPES = frozenset(REVIEW_MONTHS)
PEOPLE_TYPE = "profiel"  # opt-in entries about people: never in feed, catalogue, sitemap
NETWORK_TYPES = frozenset({"praktijk", "profiel", "vraag"})


def is_dated(page_type: str) -> bool:
    """Whether pages of this type carry `reviewed` and age (the one place that decides)."""
    return page_type in DATED_TYPES


# A self-assessment: a YAML file in data/zelfscans/, published as a generated page.
SCAN_TYPE = "zelfscan"
SCAN_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Listed in the role, topic and level overviews and the catalogue (people are not).
LISTED_TYPES = CONTENT_TYPES | {"raamcontract", "organisatie", "evenement", SCAN_TYPE}
OVERVIEW_TYPE = "overzicht"
ALL_TYPES = LISTED_TYPES | {OVERVIEW_TYPE, PEOPLE_TYPE}

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$"
URL_PATTERN = r"^https?://[^\s]+$"
HTTPS_PATTERN = r"^https://[^\s]+$"
PROFILE_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
GITHUB_LOGIN_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"
CONSENT_VIA_PATTERN = r"^(pull-request|https://github\.com/[^\s/]+/[^\s/]+/issues/[0-9]+)$"
PAGE_PATH_PATTERN = r"^[a-z0-9][a-z0-9/_-]*\.md$"
CONSENT_MONTHS = 24  # a profile is published this long after its consent
SHA256_PATTERN = r"^[0-9a-f]{64}$"

DESCRIPTION_MAX = 200
TITLE_MAX = 120

SchemaFactory = Callable[[Vocabulary], dict[str, Any]]


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict[str, Any] | SchemaFactory
    description: str
    example: str
    applies: frozenset[str]
    required: frozenset[str] = frozenset()
    default: str = ""
    values_from: str = ""  # vocabulary list whose keys are the allowed values

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        schema = self.schema(vocabulary) if callable(self.schema) else dict(self.schema)
        return {"description": self.description, **schema}


def _enum(name: str) -> SchemaFactory:
    return lambda vocabulary: {"type": "string", "enum": vocabulary.keys(name)}


def _enum_list(name: str, min_items: int = 0) -> SchemaFactory:
    def factory(vocabulary: Vocabulary) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "array",
            "items": {"type": "string", "enum": vocabulary.keys(name)},
            "uniqueItems": True,
        }
        if min_items:
            schema["minItems"] = min_items
        return schema

    return factory


TEXT_FORMAT = "kb-text"  # plain one-line text: no HTML, no control characters (kb.plain_text)


def _text(max_length: int | None = None, min_length: int = 1) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": min_length, "format": TEXT_FORMAT}
    if max_length:
        schema["maxLength"] = max_length
    return schema


_NAMES = {"type": "array", "items": _text(), "uniqueItems": True}
_DATE = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
_OPTIONAL_DATE = {"type": ["string", "null"], "pattern": DATE_PATTERN, "format": "date"}
_DATETIME = {"type": "string", "pattern": DATETIME_PATTERN, "format": "date-time"}
_URL = {"type": "string", "pattern": URL_PATTERN}

ALL = frozenset(ALL_TYPES)

_SLUG = {"type": "string", "pattern": SCAN_ID_PATTERN}
SCAN_ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**_SLUG, "description": "Id van het antwoord, uniek binnen de vraag."},
        "label": {**_text(200), "description": "Het antwoord zoals de lezer het ziet."},
        "score": {"type": "integer", "minimum": 0, "maximum": 3,
                  "description": "0 (zwakst) tot 3 (sterkst)."},
    },
    "required": ["id", "label", "score"],
    "additionalProperties": False,
}  # fmt: skip
SCAN_QUESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**_SLUG, "description": "Id van de vraag, uniek in de hele scan."},
        "text": {**_text(300), "description": "De vraag."},
        "help": {**_text(500), "description": "Uitleg bij de vraag (optioneel)."},
        "weight": {"type": "integer", "minimum": 1, "maximum": 3,
                   "description": "Hoe zwaar de vraag weegt: 1, 2 of 3."},
        "answers": {"type": "array", "minItems": 2, "maxItems": 5, "items": SCAN_ANSWER_SCHEMA,
                    "description": "2 tot 5 antwoorden, van zwakst naar sterkst."},
        "action": {**_text(600), "description": "Wat je school doet als de score laag is."},
        "advice": {"type": "array", "minItems": 1, "uniqueItems": True,
                   "items": {"type": "string", "pattern": PAGE_PATH_PATTERN},
                   "description": "Pagina's met het advies, vanaf `docs/`."},
        "refs": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _text(80),
                 "description": "Ids in andere kaders, bv. `CyFun 2023 BASIC PR.AC-1.1`."},
    },
    "required": ["id", "text", "weight", "answers", "action", "advice"],
    "additionalProperties": False,
}  # fmt: skip
SCAN_SECTIONS_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "properties": {
            "id": {**_SLUG, "description": "Id van het onderdeel, uniek in de scan."},
            "title": {**_text(TITLE_MAX), "description": "Titel van het onderdeel."},
            "questions": {"type": "array", "minItems": 1, "items": SCAN_QUESTION_SCHEMA},
        },
        "required": ["id", "title", "questions"],
        "additionalProperties": False,
    },
}

FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        _text(TITLE_MAX),
        "Titel van de pagina, zoals lezers ze zien in de navigatie en de zoekresultaten.",
        "Back-ups op school",
        ALL,
        ALL,
    ),
    Field(
        "description",
        _text(DESCRIPTION_MAX),
        f"Eén zin (hoogstens {DESCRIPTION_MAX} tekens) die zegt wat de lezer op de pagina "
        "vindt. Verschijnt in overzichten, zoekmachines en de catalogus.",
        "Zo maak je back-ups die een ransomware-aanval overleven.",
        ALL,
        ALL,
    ),
    Field(
        "type",
        _enum("types"),
        "Soort pagina. Bepaalt welke andere velden verplicht zijn.",
        "advies",
        ALL,
        ALL,
        values_from="types",
    ),
    Field(
        "roles",
        _enum_list("roles", 1),
        "Voor welke rollen van de ICT-coördinator (uit het memorandum) de pagina bedoeld is.",
        "[technisch, planner]",
        LISTED_TYPES | {PEOPLE_TYPE},
        CONTENT_TYPES | {PEOPLE_TYPE, SCAN_TYPE},
        values_from="roles",
    ),
    Field(
        "topics",
        _enum_list("topics", 1),
        "Over welke thema's de pagina gaat.",
        "[beveiliging, cloud]",
        LISTED_TYPES | {PEOPLE_TYPE},
        CONTENT_TYPES | {PEOPLE_TYPE, SCAN_TYPE},
        values_from="topics",
    ),
    Field(
        "levels",
        _enum_list("levels", 1),
        "Voor welke onderwijsniveaus de pagina geldt.",
        "[basisonderwijs, secundair]",
        LISTED_TYPES | {PEOPLE_TYPE},
        default="alle niveaus",
        values_from="levels",
    ),
    Field(
        "tags",
        _enum_list("tags", 1),
        "Trefwoorden uit de lijst van toegelaten tags.",
        "[back-up, ransomware]",
        LISTED_TYPES,
        values_from="tags",
    ),
    Field(
        "authors",
        {**_NAMES, "minItems": 1},
        "Wie de pagina schreef (namen of een redactie; geen e-mailadressen).",
        "[Redactie Kennisbank ICT-coördinatoren]",
        CONTENT_TYPES,
        CONTENT_TYPES,
    ),
    Field(
        "reviewed",
        _DATE,
        "Datum (JJJJ-MM-DD) waarop de inhoud het laatst werd nagekeken.",
        "2026-11-28",
        DATED_TYPES,
        DATED_TYPES,
    ),
    Field(
        "review_by",
        _DATE,
        "Datum (JJJJ-MM-DD) waarop de inhoud opnieuw nagekeken moet worden. Daarna toont de "
        "pagina de melding 'mogelijk verouderd'.",
        "2027-11-28",
        DATED_TYPES,
        frozenset({SCAN_TYPE}),
        default="`reviewed` + 12 maanden (36 voor een `praktijk`)",
    ),
    Field(
        "source",
        {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
        "Id van de bron in `data/sources.yml` die vertaald of bewerkt wordt.",
        "ncsc-school-staff-training",
        frozenset({"vertaling"}),
        frozenset({"vertaling"}),
    ),
    Field(
        "translation",
        lambda vocabulary: {
            "type": "object",
            "properties": {
                "kind": {
                    "description": "`vertaling` (volledig vertaald) of `bewerking` "
                    "(samengevat of herwerkt voor Vlaamse scholen).",
                    "type": "string",
                    "enum": vocabulary.keys("translation_kinds"),
                },
                "translators": {
                    **_NAMES,
                    "minItems": 1,
                    "description": "Wie vertaalde of bewerkte.",
                },
                "reviewers": {
                    **_NAMES,
                    "description": "Wie de vertaling nalas en goedkeurde. Leeg = concept.",
                },
                "source_sha256": {
                    "type": "string",
                    "pattern": SHA256_PATTERN,
                    "description": "sha256 van de bronversie die de vertaling volgt "
                    "(`sha256` in `data/sources.yml` op het moment van vertalen).",
                },
            },
            "required": ["kind", "translators", "reviewers", "source_sha256"],
            "additionalProperties": False,
        },
        "Gegevens over de vertaling: `kind`, `translators`, `reviewers`, `source_sha256`.",
        "\n  kind: bewerking\n  translators: [Redactie Kennisbank ICT-coördinatoren]\n"
        "  reviewers: []\n  source_sha256: 3f5a…(64 tekens)",
        frozenset({"vertaling"}),
        frozenset({"vertaling"}),
    ),
    Field(
        "permission",
        {
            "type": "object",
            "properties": {
                "granted_by": {**_text(), "description": "Wie de toestemming gaf."},
                "date": {**_DATE, "description": "Datum van de toestemming."},
                "reference": {
                    **_text(),
                    "description": "Kenmerk of vindplaats van de toestemming (geen persoonsgegevens).",
                },
            },
            "required": ["granted_by", "date", "reference"],
            "additionalProperties": False,
        },
        "Toestemming van de uitgever, verplicht als de licentie van de bron vertalen alleen met "
        "toestemming toelaat.",
        "\n  granted_by: ENISA\n  date: 2026-10-01\n  reference: licentieovereenkomst 2026/123",
        frozenset({"vertaling"}),
    ),
    Field(
        "purchaser",
        _text(),
        "Aankoopcentrale of onderhandelaar van het raamcontract.",
        "DOKO vzw",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "suppliers",
        _NAMES,
        "Leveranciers die het contract kregen (leeg als dat niet bevestigd is).",
        "[Signpost]",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "category",
        _text(),
        "Productcategorie of perceel.",
        "Laptops en tablets",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "contract_kind",
        _enum("contract_kinds"),
        "`open` (instappen kan altijd) of `gesloten` (mandaat vóór de aanbesteding).",
        "open",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
        values_from="contract_kinds",
    ),
    Field(
        "start",
        _OPTIONAL_DATE,
        "Begindatum van het contract (JJJJ-MM-DD), of `null` als die niet bevestigd is.",
        "2024-09-01",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "end",
        _OPTIONAL_DATE,
        "Einddatum van het contract (JJJJ-MM-DD), of `null` als die niet bevestigd is.",
        "2028-08-31",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "ended",
        {"type": "boolean"},
        "`true` als het contract afgelopen is maar de einddatum niet gekend is (dan blijft "
        "`end: null`). De site toont het dan onder de afgelopen contracten. Verzin geen datum.",
        "true",
        frozenset({"raamcontract"}),
    ),
    Field(
        "eligible",
        _text(),
        "Wie mag instappen (net, niveau, lidmaatschap).",
        "Scholen van Katholiek Onderwijs Vlaanderen die lid zijn van DOKO",
        frozenset({"raamcontract"}),
        frozenset({"raamcontract"}),
    ),
    Field(
        "url",
        _URL,
        "Officiële webpagina (https://…).",
        "https://www.doko.be/",
        frozenset({"raamcontract", "organisatie", "evenement"}),
        frozenset({"raamcontract", "organisatie", "evenement"}),
    ),
    Field(
        "version",
        {"type": "integer", "minimum": 1},
        "Versie van de zelfscan (een geheel getal). Verhoog ze als vragen of antwoorden "
        "van betekenis veranderen: bewaarde antwoorden die niet meer bestaan, vallen dan weg "
        "en de pagina zegt dat de scan veranderde.",
        "2",
        frozenset({SCAN_TYPE}),
        frozenset({SCAN_TYPE}),
    ),
    Field(
        "sources",
        {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {
                "type": "string",
                "anyOf": [{"pattern": SCAN_ID_PATTERN}, {"pattern": HTTPS_PATTERN}],
            },
        },
        "Waarop de zelfscan steunt: ids uit `data/sources.yml` (dan geldt dezelfde "
        "licentiecontrole als voor een vertaling) of webadressen (https://…).",
        "[ccb-cyberfundamentals, https://www.vlaanderen.be/digitaal-vlaanderen]",
        frozenset({SCAN_TYPE}),
        frozenset({SCAN_TYPE}),
    ),
    Field(
        "sections",
        lambda vocabulary: SCAN_SECTIONS_SCHEMA,
        "De onderdelen van de zelfscan, elk met `id`, `title` en `questions`. Een vraag "
        "heeft een `id` (uniek in de scan), `text`, eventueel `help`, een `weight` van 1 tot "
        "3, 2 tot 5 `answers` (elk met `id`, `label` en een `score` van 0 tot 3, minstens "
        "twee verschillende scores), een `action` (wat te doen bij een lage score), `advice` "
        "(paden van pagina's vanaf `docs/`) en eventueel `refs` (ids in andere kaders).",
        "\n  - id: accounts\n    title: Accounts en wachtwoorden\n    questions:\n"
        "      - id: mfa-personeel\n        text: Gebruikt elk personeelslid MFA?\n"
        "        weight: 3\n        answers:\n"
        "          - {id: nee, label: Nee, score: 0}\n"
        "          - {id: ja, label: Ja, iedereen, score: 3}\n"
        "        action: Zet MFA aan voor elk personeelsaccount.\n"
        "        advice: [adviezen/wachtwoordbeleid-en-mfa.md]\n"
        "        refs: [CyFun 2023 BASIC PR.AC-1.1]",
        frozenset({SCAN_TYPE}),
        frozenset({SCAN_TYPE}),
    ),
    Field(
        "license",
        _enum("template_licenses"),
        "Licentie van het sjabloon (SPDX-id). Staat ook in het Word- en OpenDocument-bestand.",
        "CC-BY-4.0",
        frozenset({TEMPLATE_TYPE}),
        default=f"`{DEFAULT_TEMPLATE_LICENSE}`",
        values_from="template_licenses",
    ),
    Field(
        "kind",
        _enum("organisation_kinds"),
        "Soort organisatie.",
        "netwerk",
        frozenset({"organisatie"}),
        frozenset({"organisatie"}),
        values_from="organisation_kinds",
    ),
    Field(
        "start",
        _DATETIME,
        "Begin van het evenement: datum en uur met tijdzone, bv. `2027-03-17T09:00:00+01:00`. "
        "Laat weg als de datum niet bevestigd is (zet dan `date_confirmed: false`).",
        "2027-03-17T09:00:00+01:00",
        frozenset({"evenement"}),
    ),
    Field(
        "end",
        _DATETIME,
        "Einde van het evenement: datum en uur met tijdzone.",
        "2027-03-17T16:30:00+01:00",
        frozenset({"evenement"}),
    ),
    Field(
        "date_confirmed",
        {"type": "boolean"},
        "`false` als de datum nog niet bevestigd is; dan geen `start`/`end` maar `expected`.",
        "false",
        frozenset({"evenement"}),
        default="`true`",
    ),
    Field(
        "expected",
        _text(200),
        "Wat al geweten is over het tijdstip als de datum niet bevestigd is.",
        "Jaarlijks in het voorjaar; datum nog niet bevestigd.",
        frozenset({"evenement"}),
    ),
    Field(
        "location",
        _text(),
        "Plaats (adres of gebouw en gemeente), of `online`.",
        "online",
        frozenset({"evenement"}),
        frozenset({"evenement"}),
    ),
    Field(
        "organizer",
        _text(),
        "Organisator van het evenement.",
        "Vicli",
        frozenset({"evenement"}),
        frozenset({"evenement"}),
    ),
    Field(
        "to_verify",
        {"type": "array", "items": _text(300), "minItems": 1, "uniqueItems": True},
        "Wat de redactie nog moet nagaan (korte zinnen). Verschijnt als één kader "
        "'Nog na te gaan' onderaan de pagina en op de statuspagina. Schrijf zulke "
        "voorbehouden hier, niet in de lopende tekst.",
        '["Of de inschrijvingen in 2027 opnieuw via dezelfde site lopen."]',
        ALL,
    ),
    Field(
        "region",
        _enum("regions"),
        "De provincie (of Brussel) waar de school of de persoon werkt. Zonder `region` geldt "
        "een organisatie of evenement voor alle regio's.",
        "limburg",
        frozenset({"praktijk", "profiel", "vraag", "organisatie", "evenement"}),
        frozenset({"praktijk", "profiel"}),
        values_from="regions",
    ),
    Field(
        "helps_with",
        _enum_list("topics", 1),
        "Bij welke thema's de organisatie ICT-coördinatoren helpt (voor de gids 'Wie helpt "
        "met wat?').",
        "[beveiliging, privacy]",
        frozenset({"organisatie"}),
        values_from="topics",
    ),
    Field(
        "school",
        lambda vocabulary: {
            "type": "object",
            "properties": {
                "size": {
                    "description": "Grootte: `klein` (< 250 leerlingen), `middelgroot` "
                    "(250-750) of `groot` (> 750).",
                    "type": "string",
                    "enum": vocabulary.keys("school_sizes"),
                },
                "network": {
                    "description": "Onderwijsnet (mag weg).",
                    "type": "string",
                    "enum": vocabulary.keys("school_networks"),
                },
            },
            "required": ["size"],
            "additionalProperties": False,
        },
        "Over de school: `size` en eventueel `network`. Geen naam van personen.",
        "\n  size: middelgroot\n  network: katholiek",
        frozenset({"praktijk"}),
        frozenset({"praktijk"}),
    ),
    Field(
        "year",
        {"type": "integer", "minimum": 1990, "maximum": 2199},
        "Het jaar waarin de oplossing in gebruik kwam.",
        "2024",
        frozenset({"praktijk"}),
        frozenset({"praktijk"}),
    ),
    Field(
        "cost",
        lambda vocabulary: {
            "type": "object",
            "properties": {
                "eur": {"type": "number", "minimum": 0, "description": "Bedrag in euro."},
                "per": {
                    "type": "string",
                    "enum": vocabulary.keys("cost_periods"),
                    "description": "`eenmalig`, `jaar` of `leerling`.",
                },
            },
            "required": ["eur", "per"],
            "additionalProperties": False,
        },
        "Wat de oplossing kostte, alleen als de bron het vermeldt: `eur` en `per`.",
        "\n  eur: 1200\n  per: jaar",
        frozenset({"praktijk"}),
    ),
    Field(
        "products",
        {**_NAMES, "minItems": 1},
        "Producten of diensten die de school gebruikte.",
        "[Microsoft Intune]",
        frozenset({"praktijk"}),
    ),
    Field(
        "contact",
        {
            "type": "array",
            "items": {"type": "string", "pattern": PROFILE_ID_PATTERN},
            "minItems": 1,
            "uniqueItems": True,
        },
        "Profielen (bestandsnaam zonder `.md` in `netwerk/mensen/`) van wie meer weet over "
        "dit voorbeeld en dat zelf wil.",
        "[jan-peeters]",
        frozenset({"praktijk"}),
    ),
    Field(
        "url",
        _URL,
        "Waar het voorbeeld gepubliceerd werd (https://…).",
        "https://www.klasse.be/…",
        frozenset({"praktijk"}),
    ),
    Field(
        "available_for",
        _enum_list("availability", 1),
        "Waarvoor je gecontacteerd mag worden: `vragen`, `schoolbezoek`, `spreker`, `mentor`.",
        "[vragen, schoolbezoek]",
        frozenset({"profiel"}),
        frozenset({"profiel"}),
        values_from="availability",
    ),
    Field(
        "contact",
        lambda vocabulary: {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": vocabulary.keys("contact_kinds")},
                    "url": {"type": "string", "pattern": HTTPS_PATTERN},
                },
                "required": ["kind", "url"],
                "additionalProperties": False,
            },
            "minItems": 1,
        },
        "Publieke, professionele plaatsen om je te bereiken: lijst van `kind` (`website`, "
        "`github`, `mastodon`, `bluesky`, `linkedin`) en `url` (https://). Geen e-mailadres "
        "of telefoonnummer.",
        "\n  - kind: linkedin\n    url: https://www.linkedin.com/in/voorbeeld",
        frozenset({"profiel"}),
        frozenset({"profiel"}),
    ),
    Field(
        "github",
        {"type": "string", "pattern": GITHUB_LOGIN_PATTERN},
        "Je eigen GitHub-gebruikersnaam: zo kan een beheerder nagaan dat jij het profiel "
        "toevoegde, en krijg je een melding als je toestemming bijna verloopt.",
        "voorbeeld",
        frozenset({"profiel"}),
        frozenset({"profiel"}),
    ),
    Field(
        "consent",
        {
            "type": "object",
            "properties": {
                "date": {**_DATE, "description": "Wanneer je toestemming gaf."},
                "via": {
                    "type": "string",
                    "pattern": CONSENT_VIA_PATTERN,
                    "description": "`pull-request` (je voegde jezelf toe) of het adres van het "
                    "issue waarin je vroeg om in de gids te staan.",
                },
            },
            "required": ["date", "via"],
            "additionalProperties": False,
        },
        f"Je toestemming om in de gids te staan: `date` en `via`. Ze geldt "
        f"{CONSENT_MONTHS} maanden; daarna verdwijnt het profiel tot je ze vernieuwt.",
        "\n  date: 2026-11-29\n  via: pull-request",
        frozenset({"profiel"}),
        frozenset({"profiel"}),
    ),
    Field(
        "asked",
        _DATE,
        "Wanneer de vraag gesteld werd.",
        "2026-10-02",
        frozenset({"vraag"}),
        frozenset({"vraag"}),
    ),
    Field(
        "answered",
        _DATE,
        "Wanneer het antwoord geschreven of het laatst bijgewerkt werd.",
        "2026-11-29",
        frozenset({"vraag"}),
        frozenset({"vraag"}),
    ),
    Field(
        "answered_by",
        _NAMES,
        "Wie antwoordde: profielen (`netwerk/mensen/<id>`) of namen van organisaties.",
        "[Redactie Kennisbank ICT-coördinatoren]",
        frozenset({"vraag"}),
    ),
    Field(
        "discussion",
        {"type": "string", "pattern": HTTPS_PATTERN},
        "Adres van de publieke discussie over de vraag (https://…).",
        "https://github.com/kennisbank-ict/kennisbank/discussions/1",
        frozenset({"vraag"}),
    ),
    Field(
        "related",
        {
            "type": "array",
            "items": {"type": "string", "pattern": PAGE_PATH_PATTERN},
            "minItems": 1,
            "uniqueItems": True,
        },
        "Pagina's van de site waarop het antwoord steunt, als pad vanaf `docs/`.",
        "[adviezen/back-ups.md]",
        frozenset({"vraag"}),
        frozenset({"vraag"}),
    ),
    Field(
        "hide",
        {
            "type": "array",
            "items": {"enum": ["navigation", "toc", "footer", "path", "tags", "feedback"]},
        },
        "Onderdelen van het thema die op deze pagina verborgen worden (Material for MkDocs).",
        "[toc]",
        ALL,
    ),
)

# Evenement: either confirmed dates, or `date_confirmed: false` with `expected`.
EVENT_CONDITION: dict[str, Any] = {
    "if": {
        "properties": {"date_confirmed": {"const": False}},
        "required": ["date_confirmed"],
    },
    "then": {"required": ["expected"], "not": {"anyOf": [{"required": ["start"]}]}},
    "else": {"required": ["start", "end"]},
}


def fields_for(page_type: str) -> list[Field]:
    return [field for field in FIELDS if page_type in field.applies]


def field_for(page_type: str, name: str) -> Field | None:
    return next((f for f in fields_for(page_type) if f.name == name), None)


def page_schema(vocabulary: Vocabulary, page_type: str) -> dict[str, Any]:
    """JSON Schema of the front matter of one page type."""
    fields = fields_for(page_type)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {field.name: field.json_schema(vocabulary) for field in fields},
        "required": [field.name for field in fields if page_type in field.required],
        "additionalProperties": False,
    }
    if page_type == "evenement":
        schema.update(EVENT_CONDITION)
    return schema


def common_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """Schema checked when the type itself is missing or unknown."""
    names = ("title", "description", "type")
    fields = [f for f in FIELDS if f.name in names]
    return {
        "type": "object",
        "properties": {f.name: f.json_schema(vocabulary) for f in fields},
        "required": list(names),
    }


def front_matter_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """One JSON Schema for the front matter of every page type."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter van een pagina in de Kennisbank ICT-coördinatoren",
        "type": "object",
        "required": ["title", "description", "type"],
        "properties": {"type": {"enum": vocabulary.keys("types")}},
        "allOf": [
            {
                "if": {"properties": {"type": {"const": page_type}}, "required": ["type"]},
                "then": page_schema(vocabulary, page_type),
            }
            for page_type in sorted(ALL_TYPES)
        ],
    }


def reference_markdown(vocabulary: Vocabulary) -> str:
    """The contributor field reference, generated so it cannot drift from validation."""
    out: list[str] = []
    out.append("## Velden per type\n")
    out.append("| Type | Verplichte velden | Optionele velden |")
    out.append("|---|---|---|")
    for page_type in vocabulary.keys("types"):
        fields = fields_for(page_type)
        required = ", ".join(f"`{f.name}`" for f in fields if page_type in f.required)
        optional = ", ".join(
            f"`{f.name}`" for f in fields if page_type not in f.required and f.name != "hide"
        )
        label = vocabulary.label("types", page_type)
        out.append(f"| `{page_type}` ({label}) | {required} | {optional or '–'} |")
    out.append("")
    out.append(
        "Een `evenement` heeft ofwel `start` en `end` (bevestigde datum), ofwel "
        "`date_confirmed: false` met `expected`. Verzin nooit een datum.\n"
    )
    out.append("## Alle velden\n")
    seen: set[tuple[str, frozenset[str]]] = set()
    for field in FIELDS:
        if (field.name, field.applies) in seen:
            continue
        seen.add((field.name, field.applies))
        scope = ", ".join(f"`{t}`" for t in sorted(field.applies))
        required = ", ".join(f"`{t}`" for t in sorted(field.required)) or "geen"
        out.append(f"### `{field.name}`" + (f" ({scope})" if field.applies != ALL else ""))
        out.append("")
        out.append(field.description)
        out.append("")
        out.append(f"- Geldt voor: {'alle types' if field.applies == ALL else scope}")
        out.append(f"- Verplicht voor: {required}")
        if field.default:
            out.append(f"- Standaardwaarde: {field.default}")
        if field.values_from:
            values = ", ".join(
                f"`{key}` ({vocabulary.label(field.values_from, key)})"
                for key in vocabulary.keys(field.values_from)
            )
            out.append(f"- Toegelaten waarden: {values}")
        out.append("")
        out.append("```yaml")
        example = field.example
        out.append(f"{field.name}:{'' if example.startswith(chr(10)) else ' '}{example}")
        out.append("```")
        out.append("")
    return "\n".join(out)
