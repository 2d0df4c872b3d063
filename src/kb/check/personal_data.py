"""Private contact details: e-mail addresses, phone numbers, ``mailto:`` and ``tel:``.

The directory of people (type ``profiel``) holds only public, professional facts that a
person chose to share; contact goes through public profile URLs. Anything in a profile
file that looks like an e-mail address or a phone number is refused.

The patterns are made so that what profiles do contain never fires: dates (2026-11-29,
29/11/2026), years, ISO timestamps (2026-11-29T10:00:00+01:00) and https URLs, also
Mastodon URLs with an ``@`` (https://mastodon.social/@naam).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b"
)
# E-mail addresses people obfuscate: "naam [at] school punt be", "naam(at)school.be".
_OBFUSCATED = re.compile(
    r"\b[A-Za-z0-9._%+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*[A-Za-z0-9-]+"
    r"\s*(?:\.|\[dot\]|\(dot\)|\spunt\s|\sdot\s)\s*[A-Za-z]{2,}\b",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"\b(mailto|tel|callto|sms):", re.IGNORECASE)
# A run of digits with the separators people write in phone numbers.
_DIGITS = re.compile(r"(?<![\w/])(\+|00)?\d[\d\s./()-]{6,}\d(?![\w/])")
_DATE_LIKE = re.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}\s*[-–]\s*\d{4}$"
)


@dataclass(frozen=True)
class Detail:
    start: int  # offset in the text
    kind: str  # Dutch: "e-mailadres", "telefoonnummer", "mailto:-link", ...
    text: str


def contact_details(text: str) -> list[Detail]:
    """Every e-mail address, phone number and mailto:/tel: link in ``text``."""
    found: list[Detail] = []
    masked = _URL.sub(lambda m: " " * len(m.group()), text)  # URLs are public addresses
    for match in _SCHEME.finditer(text):
        found.append(Detail(match.start(), f"{match.group(1).lower()}:-link", match.group()))
    for match in _EMAIL.finditer(masked):
        found.append(Detail(match.start(), "e-mailadres", match.group()))
    for match in _OBFUSCATED.finditer(masked):
        found.append(Detail(match.start(), "e-mailadres", match.group()))
    for match in _DIGITS.finditer(masked):
        if _is_phone(match.group()):
            found.append(Detail(match.start(), "telefoonnummer", match.group()))
    return sorted(found, key=lambda d: d.start)


def _is_phone(candidate: str) -> bool:
    compact = candidate.strip()
    if _DATE_LIKE.match(compact) or "T" in compact:
        return False
    digits = re.sub(r"\D", "", compact)
    if compact.startswith(("+", "00")):
        return 9 <= len(digits) <= 15
    # Belgian and Dutch national numbers: a 0 and 8 or 9 more digits.
    return digits.startswith("0") and 9 <= len(digits) <= 10
