"""Synthetic pages for the benchmark: valid pages of every type with realistic Dutch text.

    python scripts/synthetic.py N OUTDIR [--seed 1] [--folder-size 50]

writes N pages into ``OUTDIR/docs/<section>/<group>/``: the section of each type comes from
``data/vocabulary.yml``, the group is the first topic, organisation kind or event year, with
at most ``--folder-size`` pages per folder. Existing pages are never overwritten. The front
matter follows ``src/kb/schema.py``: vocabulary values come from ``data/vocabulary.yml``,
translations point at a source of ``data/sources.yml`` (with its sha256) whose licence
allows translating. The registries are read from OUTDIR when it is a project
(``OUTDIR/data/vocabulary.yml`` exists), else from this repository.

The text is generated from Dutch word lists and sentence templates about school ICT, with
what a Dutch search has to cope with: inflected verbs and participles (installeren,
geïnstalleerd, geüpdatet), adjective forms (veilig, veilige), plurals including irregular
ones (lid/leden, stad/steden), diminutives (tabletje), compounds (gastennetwerk,
wachtwoordbeleid), spelling variants (e-mail/email, wifi/wi-fi) and abbreviations (SSO,
BYOD, MFA). Pages have an H1, H2 sections, bullet and numbered lists, some admonitions and
internal links to other synthetic pages. The same seed gives the same pages.
"""

from __future__ import annotations

import argparse
import posixpath
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

# Share of each page type; most pages are articles and advice, as in a real knowledge base.
TYPE_WEIGHTS: dict[str, float] = {
    "artikel": 0.40,
    "advies": 0.34,
    "vertaling": 0.08,
    "raamcontract": 0.05,
    "organisatie": 0.06,
    "evenement": 0.07,
}
WORDS_PER_PAGE = (700, 900)  # body length in words, drawn per page
# Pages go to <section>/<group>/ (group = first topic, organisation kind or event year), at
# most FOLDER_SIZE per folder (beveiliging, beveiliging-2, ...), as a large site would be
# organised. This keeps the navigation of one page bounded (navigation.prune shows the
# current folder), so build time can grow linearly; 0 puts every page flat in its section.
FOLDER_SIZE = 50
REFERENCE_DAY = date(2026, 11, 28)  # generated dates are relative to this day (reproducible)

# --------------------------------------------------------------------------- Dutch lexicon

# Persons: (singular, plural, article of the singular).
PERSONS: list[tuple[str, str, str]] = [
    ("leerling", "leerlingen", "de"),
    ("leerkracht", "leerkrachten", "de"),
    ("leraar", "leraren", "de"),
    ("ICT-coördinator", "ICT-coördinatoren", "de"),
    ("coördinator", "coördinatoren", "de"),
    ("directeur", "directeurs", "de"),
    ("ouder", "ouders", "de"),
    ("personeelslid", "personeelsleden", "het"),
    ("collega", "collega's", "de"),
    ("technicus", "technici", "de"),
    ("netwerkbeheerder", "netwerkbeheerders", "de"),
    ("leverancier", "leveranciers", "de"),
    ("begeleider", "begeleiders", "de"),
    ("zorgcoördinator", "zorgcoördinatoren", "de"),
    ("schoolbestuur", "schoolbesturen", "het"),
    ("lid van het ICT-team", "leden van het ICT-team", "het"),
    ("lid van de werkgroep", "leden van de werkgroep", "het"),
    ("vakgroep", "vakgroepen", "de"),
    ("scholengroep", "scholengroepen", "de"),
    ("secretariaatsmedewerker", "secretariaatsmedewerkers", "de"),
    ("stagiair", "stagiairs", "de"),
    ("nieuwkomer", "nieuwkomers", "de"),
]

# Things: (singular, plural or None, article of the singular, diminutive or None).
THINGS: list[tuple[str, str | None, str, str | None]] = [
    ("wachtwoord", "wachtwoorden", "het", None),
    ("netwerk", "netwerken", "het", None),
    ("gastennetwerk", "gastennetwerken", "het", None),
    ("schoolnetwerk", "schoolnetwerken", "het", None),
    ("wifinetwerk", "wifinetwerken", "het", None),
    ("personeelsnetwerk", "personeelsnetwerken", "het", None),
    ("back-up", "back-ups", "de", None),
    ("back-upschijf", "back-upschijven", "de", None),
    ("tablet", "tablets", "de", "tabletje"),
    ("iPad", "iPads", "de", None),
    ("Chromebook", "Chromebooks", "de", None),
    ("laptop", "laptops", "de", "laptopje"),
    ("toestel", "toestellen", "het", "toestelletje"),
    ("server", "servers", "de", None),
    ("schoolserver", "schoolservers", "de", None),
    ("account", "accounts", "het", None),
    ("leerlingenaccount", "leerlingenaccounts", "het", None),
    ("e-mail", "e-mails", "de", "mailtje"),
    ("mailbox", "mailboxen", "de", None),
    ("firewall", "firewalls", "de", None),
    ("router", "routers", "de", None),
    ("switch", "switches", "de", None),
    ("toegangspunt", "toegangspunten", "het", None),
    ("licentie", "licenties", "de", None),
    ("update", "updates", "de", None),
    ("beveiligingsupdate", "beveiligingsupdates", "de", None),
    ("printer", "printers", "de", None),
    ("digibord", "digiborden", "het", None),
    ("projector", "projectors", "de", None),
    ("smartphone", "smartphones", "de", None),
    ("app", "apps", "de", "appje"),
    ("leerplatform", "leerplatformen", "het", None),
    ("schijf", "schijven", "de", None),
    ("kabel", "kabels", "de", "kabeltje"),
    ("netwerkkabel", "netwerkkabels", "de", None),
    ("lokaal", "lokalen", "het", "lokaaltje"),
    ("klas", "klassen", "de", "klasje"),
    ("computerlokaal", "computerlokalen", "het", None),
    ("laadkar", "laadkarren", "de", None),
    ("gebruikersnaam", "gebruikersnamen", "de", None),
    ("wachtwoordbeheerder", "wachtwoordbeheerders", "de", None),
    ("aanmeldpagina", "aanmeldpagina's", "de", None),
    ("inlogscherm", "inlogschermen", "het", "schermpje"),
    ("beveiligingsincident", "beveiligingsincidenten", "het", None),
    ("phishingmail", "phishingmails", "de", None),
    ("ransomwareaanval", "ransomwareaanvallen", "de", None),
    ("herstelplan", "herstelplannen", "het", None),
    ("stappenplan", "stappenplannen", "het", "stappenplannetje"),
    ("lijst", "lijsten", "de", "lijstje"),
    ("ICT-beleidsplan", "ICT-beleidsplannen", "het", None),
    ("budget", "budgetten", "het", None),
    ("offerte", "offertes", "de", None),
    ("raamcontract", "raamcontracten", "het", None),
    ("helpdeskticket", "helpdesktickets", "het", None),
    ("VPN-verbinding", "VPN-verbindingen", "de", None),
    ("clouddienst", "clouddiensten", "de", None),
    ("bestand", "bestanden", "het", "bestandje"),
    ("map", "mappen", "de", "mapje"),
    ("wachtwoordzin", "wachtwoordzinnen", "de", None),
    ("schoolmail", "schoolmails", "de", None),
    ("wachtwoordbeleid", None, "het", None),
    ("privacybeleid", None, "het", None),
    ("toestelbeheer", None, "het", None),
    ("gastentoegang", None, "de", None),
    ("dataverkeer", None, "het", None),
]

# Adjectives: (base form, inflected form).
ADJECTIVES: list[tuple[str, str]] = [
    ("veilig", "veilige"),
    ("sterk", "sterke"),
    ("nieuw", "nieuwe"),
    ("oud", "oude"),
    ("draadloos", "draadloze"),
    ("betrouwbaar", "betrouwbare"),
    ("centraal", "centrale"),
    ("apart", "aparte"),
    ("eenvoudig", "eenvoudige"),
    ("kwetsbaar", "kwetsbare"),
    ("versleuteld", "versleutelde"),
    ("verouderd", "verouderde"),
    ("gedeeld", "gedeelde"),
    ("persoonlijk", "persoonlijke"),
    ("tijdelijk", "tijdelijke"),
    ("extern", "externe"),
    ("uniek", "unieke"),
    ("goedkoop", "goedkope"),
    ("duur", "dure"),
    ("snel", "snelle"),
    ("traag", "trage"),
    ("degelijk", "degelijke"),
    ("beschikbaar", "beschikbare"),
    ("gevoelig", "gevoelige"),
    ("digitaal", "digitale"),
]
PERSON_ADJECTIVES = [
    "nieuwe", "ervaren", "enthousiaste", "drukke", "jonge", "oudere", "betrokken",
    "technische", "pedagogische", "andere",
]  # fmt: skip
PREDICATES = [
    "kwetsbaar", "onveilig", "verouderd", "onbereikbaar", "traag", "overbelast",
    "niet meer beschikbaar", "moeilijk te herstellen", "duurder dan nodig",
    "onduidelijk voor iedereen", "te zwaar belast", "niet meer up-to-date",
]  # fmt: skip
COMPARATIVES = [
    ("veiliger", "minder veilig"), ("sterker", "zwakker"), ("sneller", "trager"),
    ("goedkoper", "duurder"), ("eenvoudiger", "ingewikkelder"), ("betrouwbaarder", "minder betrouwbaar"),
]  # fmt: skip

# Verbs: (infinitive, plural/base without separable prefix, prefix, 3rd person singular
# without prefix, stem (imperative, "je" after inversion), past singular, past plural,
# past participle).
Verb = tuple[str, str, str, str, str, str, str, str]
VERBS: list[Verb] = [
    ("installeren", "installeren", "", "installeert", "installeer", "installeerde", "installeerden", "geïnstalleerd"),
    ("beheren", "beheren", "", "beheert", "beheer", "beheerde", "beheerden", "beheerd"),
    ("updaten", "updaten", "", "updatet", "update", "updatete", "updateten", "geüpdatet"),
    ("controleren", "controleren", "", "controleert", "controleer", "controleerde", "controleerden", "gecontroleerd"),
    ("instellen", "stellen", "in", "stelt", "stel", "stelde", "stelden", "ingesteld"),
    ("configureren", "configureren", "", "configureert", "configureer", "configureerde", "configureerden", "geconfigureerd"),
    ("beveiligen", "beveiligen", "", "beveiligt", "beveilig", "beveiligde", "beveiligden", "beveiligd"),
    ("herstellen", "herstellen", "", "herstelt", "herstel", "herstelde", "herstelden", "hersteld"),
    ("delen", "delen", "", "deelt", "deel", "deelde", "deelden", "gedeeld"),
    ("bewaren", "bewaren", "", "bewaart", "bewaar", "bewaarde", "bewaarden", "bewaard"),
    ("vervangen", "vervangen", "", "vervangt", "vervang", "verving", "vervingen", "vervangen"),
    ("wijzigen", "wijzigen", "", "wijzigt", "wijzig", "wijzigde", "wijzigden", "gewijzigd"),
    ("testen", "testen", "", "test", "test", "testte", "testten", "getest"),
    ("plannen", "plannen", "", "plant", "plan", "plande", "planden", "gepland"),
    ("documenteren", "documenteren", "", "documenteert", "documenteer", "documenteerde", "documenteerden", "gedocumenteerd"),
    ("opslaan", "slaan", "op", "slaat", "sla", "sloeg", "sloegen", "opgeslagen"),
    ("verwijderen", "verwijderen", "", "verwijdert", "verwijder", "verwijderde", "verwijderden", "verwijderd"),
    ("uitrollen", "rollen", "uit", "rolt", "rol", "rolde", "rolden", "uitgerold"),
    ("nakijken", "kijken", "na", "kijkt", "kijk", "keek", "keken", "nagekeken"),
    ("aankopen", "kopen", "aan", "koopt", "koop", "kocht", "kochten", "aangekocht"),
    ("resetten", "resetten", "", "reset", "reset", "resette", "resetten", "gereset"),
    ("versleutelen", "versleutelen", "", "versleutelt", "versleutel", "versleutelde", "versleutelden", "versleuteld"),
    ("inventariseren", "inventariseren", "", "inventariseert", "inventariseer", "inventariseerde", "inventariseerden", "geïnventariseerd"),
    ("aanvragen", "vragen", "aan", "vraagt", "vraag", "vroeg", "vroegen", "aangevraagd"),
    ("vernieuwen", "vernieuwen", "", "vernieuwt", "vernieuw", "vernieuwde", "vernieuwden", "vernieuwd"),
    ("blokkeren", "blokkeren", "", "blokkeert", "blokkeer", "blokkeerde", "blokkeerden", "geblokkeerd"),
    ("koppelen", "koppelen", "", "koppelt", "koppel", "koppelde", "koppelden", "gekoppeld"),
    ("synchroniseren", "synchroniseren", "", "synchroniseert", "synchroniseer", "synchroniseerde", "synchroniseerden", "gesynchroniseerd"),
    ("opvolgen", "volgen", "op", "volgt", "volg", "volgde", "volgden", "opgevolgd"),
    ("afschermen", "schermen", "af", "schermt", "scherm", "schermde", "schermden", "afgeschermd"),
    ("activeren", "activeren", "", "activeert", "activeer", "activeerde", "activeerden", "geactiveerd"),
    ("uitlenen", "lenen", "uit", "leent", "leen", "leende", "leenden", "uitgeleend"),
    ("opladen", "laden", "op", "laadt", "laad", "laadde", "laadden", "opgeladen"),
    ("bijhouden", "houden", "bij", "houdt", "hou", "hield", "hielden", "bijgehouden"),
    ("terugzetten", "zetten", "terug", "zet", "zet", "zette", "zetten", "teruggezet"),
    ("onderhouden", "onderhouden", "", "onderhoudt", "onderhoud", "onderhield", "onderhielden", "onderhouden"),
    ("afsluiten", "sluiten", "af", "sluit", "sluit", "sloot", "sloten", "afgesloten"),
    ("aanmaken", "maken", "aan", "maakt", "maak", "maakte", "maakten", "aangemaakt"),
]  # fmt: skip

ADVERBIALS = [
    "elke week", "elk trimester", "minstens één keer per maand", "na elke vakantie",
    "aan het begin van het schooljaar", "voor de examens", "tijdens de herfstvakantie",
    "op een vaste dag", "zo snel mogelijk", "zonder uitzondering", "samen met de directie",
    "in overleg met het schoolbestuur", "met een duidelijk stappenplan", "centraal",
    "automatisch", "regelmatig", "voortaan", "meteen", "stap voor stap", "in elke klas",
    "op alle campussen", "in alle vestigingen", "via de helpdesk", "via SSO",
    "met het MDM-systeem", "met een wachtwoordbeheerder", "tijdens de pedagogische studiedag",
    "voor het einde van september", "na elke update", "in de eerste graad", "in de lagere school",
    "in het computerlokaal", "op afstand", "'s avonds", "tijdens het weekend", "per klasgroep",
    "op de personeelsvergadering", "in kleine stappen", "met de hulp van de leverancier",
    "in de grote steden", "in kleinere scholen", "binnen de scholengemeenschap",
]  # fmt: skip
CONNECTIVES = [
    "Daarom", "Bovendien", "Toch", "Daarnaast", "In de praktijk", "Vaak", "Soms",
    "Op veel scholen", "Volgens de ervaring van andere scholen", "Uiteindelijk", "Gelukkig",
    "In het basisonderwijs", "In het secundair onderwijs", "Na een incident",
]  # fmt: skip
MODALS = [
    ("moet", "moeten"),
    ("kan", "kunnen"),
    ("mag", "mogen"),
    ("wil", "willen"),
    ("zal", "zullen"),
]
CITIES = [
    "Antwerpen", "Gent", "Brugge", "Leuven", "Hasselt", "Kortrijk", "Mechelen", "Aalst",
    "Genk", "Roeselare", "Sint-Niklaas", "Turnhout", "Oostende", "Dendermonde", "Lier",
    "Geel", "Tienen", "Ieper", "Vilvoorde", "Tongeren",
]  # fmt: skip
FIRST_NAMES = [
    "An", "Jan", "Els", "Tom", "Sofie", "Pieter", "Lies", "Bart", "Katrien", "Wim", "Nathalie",
    "Koen", "Griet", "Dirk", "Ilse", "Stijn", "Evelien", "Joris", "Hanne", "Yusuf", "Fatima",
]  # fmt: skip
LAST_NAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Hermans", "Aerts", "Vermeulen", "Van den Broeck",
    "Lambrechts", "De Clercq", "Verstraete", "El Amrani", "Desmet",
]  # fmt: skip
EDITORS = "Redactie Kennisbank ICT-coördinatoren"

# Topical sentences with the abbreviations, spelling variants, irregular plurals and
# diminutives that a Dutch search must handle; {P} = persons (plural), {T} = thing (plural).
TOPICAL = [
    "Gebruik voor elk beheerdersaccount MFA (meerstapsverificatie), ook als {P} dat in het begin lastig vinden.",
    "Met SSO (single sign-on) melden {P} zich één keer aan en krijgen ze toegang tot alle {T}.",
    "Bij BYOD (bring your own device) brengen leerlingen hun eigen toestel mee; het gastennetwerk houdt die toestellen gescheiden van het schoolnetwerk.",
    "Stuur een wachtwoord nooit via e-mail of chat, ook niet naar collega's die erom vragen.",
    "Een email met een link naar een aanmeldpagina is vaak phishing, zeker als ze dringend klinkt.",
    "Het wifi-netwerk voor bezoekers hoort niet bij het personeelsnetwerk; een apart gastennetwerk is veiliger.",
    "Met wi-fi in elke klas stijgt het dataverkeer snel, dus plan genoeg toegangspunten per verdieping.",
    "Volgens de AVG (de Europese GDPR) moet de school kunnen aantonen welke gegevens van leerlingen ze bewaart.",
    "Leg in het ICT-beleidsplan vast wie de back-ups controleert en wie de wachtwoorden van de beheerders kent.",
    "De coördinatoren van de scholengemeenschap spreken af welke {T} ze samen aankopen.",
    "Wachtwoordzinnen van vier of vijf woorden zijn sterker dan korte wachtwoorden met veel leestekens.",
    "De leden van de werkgroep ICT komen elke maand samen; elk lid brengt de vragen van de eigen school mee.",
    "In de steden zijn de scholen vaak groter, maar ook op het platteland beheren coördinatoren honderden toestellen.",
    "Een kort lijstje met afspraken aan de deur van het computerlokaal werkt beter dan een lang reglement.",
    "Een briefje met wachtwoorden onder het toetsenbord blijft een klassieker bij elke audit.",
    "Geef elk klein tabletje in de kleuterklas een nummer, zodat je snel ziet welk toestelletje ontbreekt.",
    "Het MDM-systeem (toestelbeheer) installeert apps en beveiligingsupdates zonder dat de leerkracht iets moet doen.",
    "Na de Digisprong kregen veel scholen in één keer honderden Chromebooks en iPads die beheerd moesten worden.",
    "Het AIV (aanspreekpunt informatieveiligheid) is het eerste aanspreekpunt bij een datalek.",
    "Volgens het CCB (Centrum voor Cybersecurity België) begint een goede beveiliging met back-ups, updates en MFA.",
    "Wie een ransomwareaanval meemaakte, weet hoe belangrijk een geteste back-up buiten het netwerk is.",
    "Een offline back-up (een schijf die niet met het netwerk verbonden is) overleeft een aanval met ransomware.",
    "De 3-2-1-regel blijft een goed uitgangspunt: drie kopieën, op twee soorten media, waarvan één buiten de school.",
    "Laat leerlingen in de derde graad zelf een sterke wachtwoordzin bedenken en bespreek waarom ze werkt.",
    "Een gedeeld account voor een hele klas lijkt handig, maar maakt het onmogelijk om te zien wie wat deed.",
    "Vraag bij een nieuw raamcontract altijd na wie de toestellen na vier jaar terugneemt.",
    "De helpdesk registreert elk incident, ook als het snel opgelost is; zo zie je na een jaar welke problemen terugkomen.",
    "Met Microsoft 365 of Google Workspace for Education beheer je accounts centraal, maar de instellingen blijven je eigen verantwoordelijkheid.",
    "Een VPN (virtueel privénetwerk) is alleen nodig voor wie van buiten de school bij de schoolserver moet.",
    "Ouders krijgen bij de inschrijving een brief over de gegevens die de school over hun kinderen bijhoudt.",
]  # fmt: skip

FIXED_HEADINGS = [
    "Waarom dit belangrijk is", "Wat zegt de regelgeving?", "Veelgemaakte fouten",
    "Stappenplan", "Praktische tips", "Wie doet wat?", "Kosten en budget",
    "Afspraken met leerlingen en ouders", "Opvolging en evaluatie", "Checklist",
    "Aandachtspunten voor het basisonderwijs", "Aandachtspunten voor het secundair",
    "Voorbeelden uit scholen", "Samenwerken in de scholengemeenschap", "Als het toch misloopt",
    "Technische achtergrond", "Privacy en gegevensbescherming", "Vorming voor het team",
]  # fmt: skip
ADMONITIONS = ["tip", "note", "warning", "info"]
ADMONITION_TITLES = {"tip": "Tip", "note": "Goed om te weten", "warning": "Let op", "info": "Info"}

PURCHASERS = [
    "Aankoopcentrale Scholen Vlaanderen (fictief)", "Scholengroep Regio Oost (fictief)",
    "Koepel Aankoop vzw (fictief)", "Samenwerkingsverband Digitale Scholen (fictief)",
    "Scholengemeenschap Kempen (fictief)",
]  # fmt: skip
SUPPLIERS = [
    "Leverancier A", "Leverancier B", "Schoolnet Partners", "EduDevices", "NetwerkSolutions",
    "ICT voor Scholen", "Campus IT", "KlasTech",
]  # fmt: skip
CATEGORIES = [
    "Laptops en tablets", "Chromebooks", "Netwerkapparatuur", "Printers en kopieertoestellen",
    "Licenties Microsoft 365", "Digiborden en projectoren", "Wifi-installaties",
    "Back-upoplossingen", "Schoolsoftware", "Toestelbeheer (MDM)", "Beveiligingssoftware",
]  # fmt: skip
ELIGIBLE = [
    "Alle scholen van de deelnemende scholengroepen",
    "Scholen die lid zijn van de aankoopcentrale",
    "Basisscholen en secundaire scholen in Vlaanderen",
    "Scholen die vóór de aanbesteding een mandaat gaven",
]  # fmt: skip
ORG_PREFIXES = [
    "ICT-coördinatorennetwerk", "Werkgroep digitale school", "Vzw Digitaal Onderwijs",
    "Lerend netwerk ICT", "Steunpunt ICT", "Overleg ICT-coördinatoren",
]  # fmt: skip
EVENT_PREFIXES = ["ICT-dag", "Netwerkmoment", "Studiedag", "Praktijkdag", "Infosessie", "Webinar"]
EVENT_TOPICS = [
    "wachtwoordbeleid en MFA", "back-ups en herstel", "Chromebooks in de klas",
    "toestelbeheer", "het gastennetwerk", "privacy op school", "digitale didactiek",
    "BYOD in het secundair", "mediawijsheid", "programmeren in de lagere school",
]  # fmt: skip


# --------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "pagina"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def q(value: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(values: list[str], quote: bool = False) -> str:
    return "[" + ", ".join(q(v) if quote else v for v in values) + "]"


def brussels_offset(day: date) -> str:
    """UTC offset of Belgian time on ``day`` (summer time from the last Sunday of March
    to the last Sunday of October)."""

    def last_sunday(year: int, month: int) -> date:
        d = date(year, month + 1, 1) - timedelta(days=1)
        return d - timedelta(days=(d.weekday() + 1) % 7)

    summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
    return "+02:00" if summer else "+01:00"


@dataclass
class Registry:
    """What the generator needs from the project's data files."""

    sections: dict[str, str]  # type -> docs/ subfolder
    lists: dict[str, list[str]]  # vocabulary list -> keys
    sources: list[tuple[str, str, str]]  # (id, sha256, short publisher) that may be translated

    @classmethod
    def load(cls, root: Path) -> Registry:
        vocabulary = _read_yaml(root / "data" / "vocabulary.yml")
        sections = {
            key: str((value or {}).get("section", ""))
            for key, value in (vocabulary.get("types") or {}).items()
            if (value or {}).get("section")
        }
        lists = {name: list(values or {}) for name, values in vocabulary.items() if name != "types"}
        licenses = _read_yaml(root / "data" / "licenses.yml")
        sources = []
        for key, entry in (_read_yaml(root / "data" / "sources.yml")).items():
            entry = entry or {}
            verdict = (licenses.get(str(entry.get("license"))) or {}).get("translation")
            sha = str(entry.get("sha256") or "")
            if verdict in ("allowed", "non-commercial") and re.fullmatch(r"[0-9a-f]{64}", sha):
                publisher = str(entry.get("publisher") or key)
                short = re.search(r"\(([^)]+)\)", publisher)
                sources.append((str(key), sha, short.group(1) if short else publisher[:40]))
        return cls(sections, lists, sources)


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return data if isinstance(data, dict) else {}


# --------------------------------------------------------------------------- sentences


class Writer:
    """Generates Dutch sentences, paragraphs and lists from the lexicon."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.countable = [t for t in THINGS if t[1]]

    # noun phrases -------------------------------------------------------------

    def person(self, plural: bool | None = None) -> tuple[str, bool]:
        rng = self.rng
        sg, pl, article = rng.choice(PERSONS)
        plural = rng.random() < 0.55 if plural is None else plural
        if plural:
            det = rng.choice(["de", "de", "alle", "veel", "sommige", "onze", "de meeste"])
            if rng.random() < 0.25 and " " not in pl:
                return f"{det} {rng.choice(PERSON_ADJECTIVES)} {pl}", True
            return f"{det} {pl}", True
        det = rng.choice([article, article, "elk" if article == "het" else "elke", "een"])
        return f"{det} {sg}", False

    def thing(self, plural: bool | None = None, definite: bool | None = None) -> tuple[str, bool]:
        """A noun phrase for a thing, with correctly inflected adjective."""
        rng = self.rng
        sg, pl, article, dim = rng.choice(THINGS)
        if pl is None:
            plural, definite = False, True  # mass noun: het wachtwoordbeleid, not een
        elif plural is None:
            plural = rng.random() < 0.5
        if not plural and dim and rng.random() < 0.3:
            sg, article = dim, "het"
        definite = rng.random() < 0.6 if definite is None else definite
        adjective = rng.choice(ADJECTIVES) if rng.random() < 0.35 else None
        if plural:
            det = (
                rng.choice(["de", "de", "alle", "onze", "die", "deze"])
                if definite
                else rng.choice(["", "veel", "twee", "enkele", "extra", "honderd"])
            )
            words = [det, adjective[1] if adjective else "", pl]
            return " ".join(w for w in words if w), True
        if definite:
            det = rng.choice(
                [
                    article,
                    article,
                    "dit" if article == "het" else "deze",
                    "uw" if rng.random() < 0.1 else article,
                ]
            )
            adj = adjective[1] if adjective else ""
        else:
            det = rng.choice(["een", "een", "een", "ons" if article == "het" else "onze"])
            # After een a het-word takes the bare adjective (een veilig wachtwoord);
            # otherwise the inflected one (ons veilige netwerk, een veilige server).
            if adjective:
                adj = adjective[0] if article == "het" and det == "een" else adjective[1]
            else:
                adj = ""
        words = [det, adj, sg]
        return " ".join(w for w in words if w), False

    # clauses ------------------------------------------------------------------

    def _adv(self) -> str:
        return self.rng.choice(ADVERBIALS)

    def sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.09:
            return rng.choice(TOPICAL).format(P=self.person(True)[0], T=self._plural_noun())
        inf, base, prefix, third, stem, past_sg, past_pl, participle = rng.choice(VERBS)
        subject, subj_pl = self.person()
        obj, obj_pl = self.thing()
        adv = self._adv()
        pre = f" {prefix}" if prefix else ""
        finite_main = base if subj_pl else third
        finite_sub = (prefix + base) if subj_pl else (prefix + third)
        form = rng.randrange(14)
        if form == 0:
            text = f"{cap(subject)} {finite_main} {obj} {adv}{pre}."
        elif form == 1:
            lead = rng.choice(
                [
                    "Het is belangrijk dat",
                    "Zorg ervoor dat",
                    "Spreek af dat",
                    "Het helpt als",
                    "Controleer of",
                    "Het is niet nodig dat",
                ]
            )
            text = f"{lead} {subject} {obj} {adv} {finite_sub}."
        elif form == 2:
            aux = "worden" if obj_pl else "wordt"
            text = f"{cap(obj)} {aux} {adv} door {subject} {participle}."
        elif form == 3:
            aux = "hebben" if subj_pl else "heeft"
            text = f"{cap(subject)} {aux} {obj} {adv} {participle}."
        elif form == 4:
            lead = rng.choice(
                [
                    "Vorig schooljaar",
                    "Vroeger",
                    "Bij de start van de Digisprong",
                    "Tijdens de coronacrisis",
                    "Twee jaar geleden",
                ]
            )
            verb = past_pl if subj_pl else past_sg
            text = f"{lead} {verb} {subject} {obj} nog {adv}{pre}."
        elif form == 5:
            te = f"{prefix} te {base}" if prefix else f"te {inf}"
            lead = rng.choice(
                [
                    "Het loont de moeite om",
                    "Het is verstandig om",
                    "Vergeet niet om",
                    "Neem de tijd om",
                    "Het kost weinig moeite om",
                ]
            )
            text = f"{lead} {obj} {adv} {te}."
        elif form == 6:
            modal = rng.choice(MODALS)
            text = f"{cap(subject)} {modal[1] if subj_pl else modal[0]} {obj} {adv} {inf}."
        elif form == 7:
            text = f"{cap(stem)} {obj} {adv}{pre}."
        elif form == 8:
            question = rng.choice(["Hoe", "Wanneer", "Waarom", "Hoe vaak", "Met welk hulpmiddel"])
            text = f"{question} {stem} je {obj}{pre}?"
        elif form == 9:
            pred = rng.choice(PREDICATES)
            other, other_pl = self.thing()
            text = (
                f"Als {subject} {obj} niet {finite_sub}, dan {'zijn' if other_pl else 'is'} "
                f"{other} snel {pred}."
            )
        elif form == 10:
            link = rng.choice(["zodat", "omdat", "want", "terwijl"])
            second, second_pl = self.person()
            other, _ = self.thing()
            v2 = rng.choice(VERBS)
            fin2 = (v2[2] + v2[1]) if second_pl else (v2[2] + v2[3])
            if link == "want":
                main2 = v2[1] if second_pl else v2[3]
                tail = f"want {second} {main2} {other} {self._adv()}{' ' + v2[2] if v2[2] else ''}"
            else:
                tail = f"{link} {second} {other} {self._adv()} {fin2}"
            text = f"{cap(subject)} {finite_main} {obj} {adv}{pre}, {tail}."
        elif form == 11:
            good, bad = rng.choice(COMPARATIVES)
            a, a_pl = self.thing(definite=False)
            b, _ = self.thing(definite=False)
            text = f"{cap(a)} {'zijn' if a_pl else 'is'} {rng.choice([good, bad])} dan {b}."
        elif form == 12:
            n = rng.randint(2, 40)
            m = n + rng.randint(1, 60)
            plural_noun = self._plural_noun()
            text = (
                f"In {n} van de {m} scholen die we bevroegen, {past_pl} de coördinatoren "
                f"de {plural_noun} {adv}{pre}."
            )
        else:
            lead = rng.random() < 0.5
            connective = rng.choice(CONNECTIVES)
            if lead:
                text = f"{connective} {finite_main} {subject} {obj} {adv}{pre}."
            else:
                text = f"{cap(subject)} {finite_main} {obj} {connective.lower()} {adv}{pre}."
        if rng.random() < 0.05:
            text = text.replace(obj, f"**{obj}**", 1)
        return text

    def _plural_noun(self) -> str:
        return self.rng.choice(self.countable)[1] or "toestellen"

    def instruction(self) -> str:
        """An imperative list item."""
        inf, base, prefix, third, stem, *_, participle = self.rng.choice(VERBS)
        obj, _ = self.thing()
        pre = f" {prefix}" if prefix else ""
        return f"{cap(stem)} {obj} {self._adv()}{pre}."

    def paragraph(self, sentences: tuple[int, int] = (3, 6)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def heading(self) -> str:
        rng = self.rng
        if rng.random() < 0.45:
            return rng.choice(FIXED_HEADINGS)
        inf, *_ = rng.choice(VERBS)
        obj, _ = self.thing(definite=True)
        if rng.random() < 0.5:
            return cap(f"{obj} {inf}")
        return cap(f"{rng.choice(PERSONS)[1]} en {self._plural_noun()}")

    def title(self) -> tuple[str, str]:
        """A page title and the topic it is about (for the description)."""
        rng = self.rng
        inf, base, prefix, third, stem = rng.choice(VERBS)[:5]
        obj, _ = self.thing(definite=rng.random() < 0.5)
        topic = f"{obj} {inf}"
        persons = rng.choice(PERSONS)[1]
        pre = f" {prefix}" if prefix else ""
        form = rng.randrange(5)
        if form == 0:
            return cap(topic), topic
        if form == 1:
            where = rng.choice(
                [
                    "in het basisonderwijs",
                    "in het secundair",
                    "met weinig budget",
                    "in kleine scholen",
                    "in de scholengemeenschap",
                    "voor beginners",
                ]
            )
            return cap(f"{topic} {where}"), topic
        if form == 2:
            adj = rng.choice(ADJECTIVES)[1]
            topic = f"{adj} {self._plural_noun()} voor {persons}"
            return cap(topic), topic
        if form == 3:
            return f"Zo {stem} je {obj}{pre}", topic
        return f"Hoe {stem} je {obj}{pre}?", topic

    def description(self, topic: str) -> str:
        rng = self.rng
        persons = rng.choice(PERSONS)[1]
        text = rng.choice(
            [
                f"Wat {persons} moeten weten over {topic}, met een stappenplan en tips.",
                f"Praktisch advies over {self._plural_noun()} en {self._plural_noun()} voor "
                f"{persons} in Vlaamse scholen.",
                f"Achtergrond, afspraken en een checklist voor {persons}: {topic}.",
            ]
        )
        return text if len(text) <= 200 else text[:196].rstrip() + "…"


# --------------------------------------------------------------------------- pages


@dataclass
class PagePlan:
    type: str
    section: str
    slug: str
    title: str
    description: str
    meta: list[tuple[str, str]] = field(default_factory=list)  # (key, YAML value) in order
    group: str = ""  # subfolder theme: first topic, organisation kind or event year
    folder: str = ""  # the subfolder actually used (group, group-2, ...)

    @property
    def src(self) -> str:
        folder = f"{self.folder}/" if self.folder else ""
        return f"{self.section}/{folder}{self.slug}.md"


def allocate(n: int, types: list[str], rng: random.Random) -> list[str]:
    """``n`` types in a shuffled order: one of each first (when ``n`` allows), the rest
    by weight (largest remainder, so the shares are exact and reproducible)."""
    weights = {t: TYPE_WEIGHTS.get(t, 0.02) for t in types}
    base = [t for t in types][: min(n, len(types))]
    rest = n - len(base)
    total = sum(weights.values())
    shares = {t: rest * w / total for t, w in weights.items()}
    counts = {t: int(s) for t, s in shares.items()}
    leftover = rest - sum(counts.values())
    for t in sorted(types, key=lambda t: shares[t] - counts[t], reverse=True)[:leftover]:
        counts[t] += 1
    out = base + [t for t in types for _ in range(counts[t])]
    rng.shuffle(out)
    return out


def _pick(rng: random.Random, values: list[str], low: int, high: int) -> list[str]:
    if not values:
        return []
    return rng.sample(values, k=min(len(values), rng.randint(low, high)))


def _date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def plan_page(
    page_type: str,
    registry: Registry,
    writer: Writer,
    rng: random.Random,
) -> PagePlan:
    lists = registry.lists
    section = registry.sections[page_type]
    meta: list[tuple[str, str]] = []
    day = REFERENCE_DAY
    if page_type == "raamcontract":
        category = rng.choice(CATEGORIES)
        purchaser = rng.choice(PURCHASERS)
        title = f"Raamcontract {category.lower()} ({purchaser.replace(' (fictief)', '')})"
        description = (
            f"Raamcontract voor {category.lower()}: wie mag instappen, looptijd en voorwaarden."
        )
    elif page_type == "organisatie":
        title = f"{rng.choice(ORG_PREFIXES)} {rng.choice(CITIES)}"
        description = f"Fictieve organisatie die ICT-coördinatoren in de regio {title.split()[-1]} ondersteunt."
    elif page_type == "evenement":
        city = rng.choice(CITIES + ["online"])
        title = f"{rng.choice(EVENT_PREFIXES)} {rng.choice(EVENT_TOPICS)}" + (
            f" in {city}" if city != "online" else " (online)"
        )
        description = f"Fictief evenement voor ICT-coördinatoren over {title.split(' ', 1)[1]}."
    else:
        title, topic = writer.title()
        if page_type == "vertaling":
            source_id, _, short = rng.choice(registry.sources)
            title = f"{title} ({short})"
        description = writer.description(topic)
    title = title[:120]
    slug = slugify(title)[:80].strip("-")
    candidate = slug  # made unique per folder in generate()
    group = ""

    if page_type in ("artikel", "advies", "vertaling"):
        meta.append(("roles", yaml_list(_pick(rng, lists.get("roles", []), 1, 2))))
        meta.append(("topics", yaml_list(_pick(rng, lists.get("topics", []), 1, 2))))
        if rng.random() < 0.5:
            meta.append(("levels", yaml_list(_pick(rng, lists.get("levels", []), 1, 2))))
        if rng.random() < 0.8:
            meta.append(("tags", yaml_list(_pick(rng, lists.get("tags", []), 1, 4))))
        authors = (
            [EDITORS]
            if rng.random() < 0.6
            else [
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                for _ in range(rng.randint(1, 2))
            ]
        )
        meta.append(("authors", yaml_list(list(dict.fromkeys(authors)), quote=True)))
    if page_type in ("advies", "vertaling", "raamcontract"):
        reviewed = _date(rng, day - timedelta(days=500), day - timedelta(days=1))
        meta.append(("reviewed", reviewed.isoformat()))
        if rng.random() < 0.2:
            meta.append(
                ("review_by", (reviewed + timedelta(days=rng.choice([90, 180, 270]))).isoformat())
            )
    if page_type == "vertaling":
        meta.append(("source", source_id))
        kind = rng.choice(lists.get("translation_kinds", ["bewerking"]))
        sha = next(s for i, s, _ in registry.sources if i == source_id)
        translators = yaml_list([EDITORS], quote=True)
        reviewers = yaml_list(
            [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"] if rng.random() < 0.5 else [],
            quote=True,
        )
        meta.append(
            (
                "translation",
                f"\n  kind: {kind}\n  translators: {translators}\n  reviewers: {reviewers}"
                f"\n  source_sha256: {sha}",
            )
        )
    if page_type == "raamcontract":
        meta.append(("purchaser", q(purchaser)))
        meta.append(("suppliers", yaml_list(_pick(rng, SUPPLIERS, 0, 3), quote=True)))
        meta.append(("category", q(category)))
        meta.append(("contract_kind", rng.choice(lists.get("contract_kinds", ["open"]))))
        if rng.random() < 0.8:
            start = _date(rng, date(2023, 1, 1), date(2026, 9, 1))
            end = start + timedelta(days=rng.choice([365, 730, 1095, 1460]))
            meta.append(("start", start.isoformat()))
            meta.append(("end", end.isoformat()))
        else:
            meta.append(("start", "null"))
            meta.append(("end", "null"))
        meta.append(("eligible", q(rng.choice(ELIGIBLE))))
        meta.append(("url", f"https://example.org/raamcontracten/{candidate}"))
        meta.append(
            (
                "roles",
                yaml_list(
                    ["budgetbeheerder"]
                    if "budgetbeheerder" in lists.get("roles", [])
                    else _pick(rng, lists.get("roles", []), 1, 1)
                ),
            )
        )
        meta.append(("topics", yaml_list(_pick(rng, lists.get("topics", []), 1, 2))))
    if page_type == "organisatie":
        meta.append(("kind", rng.choice(lists.get("organisation_kinds", ["netwerk"]))))
        meta.append(("url", f"https://example.org/organisaties/{candidate}"))
        if rng.random() < 0.6:
            meta.append(("topics", yaml_list(_pick(rng, lists.get("topics", []), 1, 3))))
        if rng.random() < 0.4:
            meta.append(("levels", yaml_list(_pick(rng, lists.get("levels", []), 1, 2))))
    if page_type == "evenement":
        if rng.random() < 0.75:
            when = _date(rng, day - timedelta(days=200), day + timedelta(days=400))
            offset = brussels_offset(when)
            start_hour = rng.choice([9, 10, 13, 14, 19])
            end_hour = start_hour + rng.choice([2, 3, 6, 7]) if start_hour < 17 else 21
            start = datetime(when.year, when.month, when.day, start_hour, rng.choice([0, 30]))
            end = datetime(when.year, when.month, when.day, min(end_hour, 22), 0)
            if end <= start:
                end = start + timedelta(hours=1)
            meta.append(("start", start.strftime("%Y-%m-%dT%H:%M:%S") + offset))
            meta.append(("end", end.strftime("%Y-%m-%dT%H:%M:%S") + offset))
        else:
            meta.append(("date_confirmed", "false"))
            meta.append(
                (
                    "expected",
                    q(
                        rng.choice(
                            [
                                "Jaarlijks in het voorjaar; datum nog niet bevestigd.",
                                "Meestal in oktober; de organisator kondigt de datum later aan.",
                                "Elk schooljaar in de krokusvakantie; datum volgt.",
                            ]
                        )
                    ),
                )
            )
        meta.append(("location", q(city if city != "online" else "online")))
        meta.append(("organizer", q(f"{rng.choice(ORG_PREFIXES)} {rng.choice(CITIES)}")))
        meta.append(("url", f"https://example.org/agenda/{candidate}"))
        if rng.random() < 0.5:
            meta.append(("roles", yaml_list(_pick(rng, lists.get("roles", []), 1, 2))))
    for key, value in meta:
        if key == "topics" and not group:
            group = value.strip("[]").split(",")[0].strip()
        elif key == "kind" or (key == "start" and page_type == "evenement"):
            group = value[:4] if key == "start" else value
    if page_type == "evenement" and not group:
        group = "datum-onbevestigd"
    return PagePlan(page_type, section, candidate, title, description, meta, group or "algemeen")


def front_matter(plan: PagePlan) -> str:
    lines = [
        "---",
        f"title: {q(plan.title)}",
        f"description: {q(plan.description)}",
        f"type: {plan.type}",
    ]
    for key, value in plan.meta:
        lines.append(f"{key}:{'' if value.startswith(chr(10)) else ' '}{value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _relative(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src))


def render_body(plan: PagePlan, links: list[PagePlan], writer: Writer, rng: random.Random) -> str:
    target_words = rng.randint(*WORDS_PER_PAGE)
    parts: list[str] = [f"# {plan.title}", "", writer.paragraph((3, 5)), ""]
    words = sum(len(p.split()) for p in parts)
    pending_links = list(links)
    headings_used: set[str] = set()
    special: list[str] = ["bullets", "numbered", "admonition", "links"]
    if plan.type == "vertaling":
        parts += ["## Over de bron", "", writer.paragraph((2, 4)), ""]
    while words < target_words:
        heading = writer.heading()
        if heading in headings_used:
            continue
        headings_used.add(heading)
        block = [f"## {heading}", "", writer.paragraph()]
        if pending_links and rng.random() < 0.6:
            other = pending_links.pop()
            block[-1] += (
                f" {rng.choice(['Lees ook', 'Zie ook', 'Meer daarover in'])} "
                f"[{other.title.rstrip('?')}]({_relative(plan.src, other.src)})."
            )
        block.append("")
        kind = special.pop(0) if special and rng.random() < 0.6 else "text"
        if kind == "bullets":
            block += [f"- {writer.instruction()}" for _ in range(rng.randint(3, 6))] + [""]
        elif kind == "numbered":
            block += [f"{i}. {writer.instruction()}" for i in range(1, rng.randint(4, 7))] + [""]
        elif kind == "admonition":
            name = rng.choice(ADMONITIONS)
            block += [
                f'!!! {name} "{ADMONITION_TITLES[name]}"',
                "",
                f"    {writer.sentence()} {writer.sentence()}",
                "",
            ]
        elif kind == "links" and pending_links:
            block += ["Verder lezen:", ""]
            block += [
                f"- [{o.title.rstrip('?')}]({_relative(plan.src, o.src)})" for o in pending_links
            ] + [""]
            pending_links = []
        if rng.random() < 0.7:
            block += [writer.paragraph((2, 5)), ""]
        if rng.random() < 0.2:
            block += [f"### {writer.heading()}", "", writer.paragraph((2, 4)), ""]
        parts += block
        words += sum(len(line.split()) for line in block)
    if plan.type == "vertaling":
        parts += ["## In de Vlaamse context", "", writer.paragraph((3, 5)), ""]
    if pending_links:
        parts += ["## Meer lezen", ""]
        parts += [
            f"- [{o.title.rstrip('?')}]({_relative(plan.src, o.src)})" for o in pending_links
        ] + [""]
    return "\n".join(parts).rstrip() + "\n"


def generate(
    n: int,
    outdir: Path,
    seed: int = 1,
    project: Path | None = None,
    folder_size: int = FOLDER_SIZE,
) -> list[Path]:
    """Write ``n`` synthetic pages under ``outdir/docs``; returns the written files."""
    outdir = Path(outdir)
    if project is None:
        project = outdir if (outdir / "data" / "vocabulary.yml").exists() else REPO
    registry = Registry.load(project)
    types = [t for t in TYPE_WEIGHTS if t in registry.sections]
    if not registry.sources and "vertaling" in types:
        types.remove("vertaling")  # no translatable source registered
    rng = random.Random(seed)
    writer = Writer(rng)
    # Never overwrite a page that is already there (the real site, when OUTDIR is a copy).
    used = {
        path.relative_to(outdir / "docs").with_suffix("").as_posix()
        for path in (outdir / "docs").rglob("*.md")
    }
    plans = [plan_page(t, registry, writer, rng) for t in allocate(n, types, rng)]
    filled: Counter[tuple[str, str]] = Counter()
    for plan in plans:
        if folder_size > 0:
            chunk = filled[(plan.section, plan.group)] // folder_size
            filled[(plan.section, plan.group)] += 1
            plan.folder = plan.group if chunk == 0 else f"{plan.group}-{chunk + 1}"
        slug, number = plan.slug, 2
        while plan.src[:-3] in used:
            plan.slug, number = f"{slug}-{number}", number + 1
        used.add(plan.src[:-3])
    written: list[Path] = []
    content = [p for p in plans if p.type in ("artikel", "advies", "vertaling")] or plans
    for plan in plans:
        links: list[PagePlan] = []
        for _ in range(rng.randint(2, 4)):
            other = rng.choice(content)
            if other is not plan and other not in links:
                links.append(other)
        text = front_matter(plan) + "\n" + render_body(plan, links, writer, rng)
        path = outdir / "docs" / plan.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("outdir", type=Path, help="project directory; pages go to OUTDIR/docs/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--folder-size",
        type=int,
        default=FOLDER_SIZE,
        help=f"pages per subfolder (default {FOLDER_SIZE}; 0 = flat in the section)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="project whose data/ is used (default: OUTDIR if it has one, else this repository)",
    )
    args = parser.parse_args(argv)
    files = generate(args.n, args.outdir, args.seed, args.project, args.folder_size)
    counts = Counter(p.relative_to(args.outdir / "docs").parts[0] for p in files)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    print(
        f"{len(files)} pages written to {args.outdir / 'docs'} ({words} words): "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
