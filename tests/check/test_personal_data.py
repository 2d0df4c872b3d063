"""Private contact details in profiles, both ways: what must be refused is found, and what
profiles legitimately contain (dates, years, timestamps, profile URLs) never is."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.check.personal_data import contact_details

REFUSED = [
    ("Mail me op jan.peeters@school.be voor vragen.", "e-mailadres"),
    ("Schrijf naar ict-coordinator+gids@sub.voorbeeldschool.be", "e-mailadres"),
    ("Mijn adres: jan [at] school punt be", "e-mailadres"),
    ("jan(at)school.be", "e-mailadres"),
    ("[Mail](mailto:jan@example.org)", "mailto:-link"),
    ('<a href="tel:+3211223344">bel</a>', "tel:-link"),
    ("GSM 0470 12 34 56", "telefoonnummer"),
    ("Tel. 011/22.33.44", "telefoonnummer"),
    ("Bel +32 470 12 34 56", "telefoonnummer"),
    ("Bel 0032 11 22 33 44", "telefoonnummer"),
    ("Vast: 011-223344", "telefoonnummer"),
]

ALLOWED = [
    "ICT-coördinator sinds 2019 (2019-2026), 600 leerlingen.",
    "Toestemming gegeven op 2026-11-29, bevestigd op 29/11/2026 en 29.11.2026.",
    "Laatst bijgewerkt 2026-11-29T10:15:00+01:00.",
    "Volg me op https://mastodon.social/@testpersoon of https://bsky.app/profile/a.bsky.social",
    "https://www.linkedin.com/in/voornaam-achternaam-123456789/",
    "Schooljaar 2025–2026, 3 campussen, 1200 toestellen, 45 klassen.",
    "Versie 10.0.22631.4460 van Windows 11.",
    "Postcode 3500 Hasselt; lokaal 1.204.",
]


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_private_contact_details_are_found(text: str, kind: str) -> None:
    assert kind in [d.kind for d in contact_details(text)], text


@pytest.mark.parametrize("text", ALLOWED)
def test_what_profiles_legitimately_contain_never_fires(text: str) -> None:
    assert contact_details(text) == []


def test_found_detail_says_where_it_stands() -> None:
    text = "Eerste regel.\nMail: jan@school.be\n"
    (detail,) = contact_details(text)
    assert text[detail.start :].startswith("jan@school.be")


_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@settings(max_examples=300)
@given(day=_DAYS, style=st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y"]))
def test_dates_in_any_usual_style_never_fire(day: date, style: str) -> None:
    assert contact_details(f"Sinds {day.strftime(style)} actief.") == []


@settings(max_examples=300)
@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)),
    offset=st.integers(min_value=-12, max_value=14),
)
def test_iso_timestamps_never_fire(moment: datetime, offset: int) -> None:
    stamp = moment.replace(tzinfo=timezone(timedelta(hours=offset))).isoformat(timespec="seconds")
    assert contact_details(f"bijgewerkt {stamp}") == []


_HANDLE = st.from_regex(r"[a-z][a-z0-9_]{1,20}", fullmatch=True)
_HOST = st.sampled_from(["mastodon.social", "onderwijs.social", "fosstodon.org", "mas.to"])


@settings(max_examples=300)
@given(handle=_HANDLE, host=_HOST)
def test_mastodon_profile_urls_never_fire(handle: str, host: str) -> None:
    assert contact_details(f"Op Mastodon: https://{host}/@{handle}") == []


@settings(max_examples=300)
@given(
    local=st.from_regex(r"[a-z][a-z0-9.]{0,15}[a-z0-9]", fullmatch=True),
    domain=st.from_regex(r"[a-z][a-z0-9-]{0,15}[a-z0-9]", fullmatch=True),
    tld=st.sampled_from(["be", "nl", "org", "com", "vlaanderen", "eu"]),
)
def test_any_plain_email_address_is_found(local: str, domain: str, tld: str) -> None:
    if ".." in local:
        return
    found = contact_details(f"Contact: {local}@{domain}.{tld}.")
    assert [d.kind for d in found] == ["e-mailadres"]


@settings(max_examples=300)
@given(digits=st.from_regex(r"4[5-9][0-9]{7}", fullmatch=True),
       sep=st.sampled_from([" ", "", ".", "/", "-"]))  # fmt: skip
def test_belgian_mobile_numbers_are_found(digits: str, sep: str) -> None:
    number = "0" + digits[:3] + sep + digits[3:5] + sep + digits[5:7] + sep + digits[7:]
    assert "telefoonnummer" in [d.kind for d in contact_details(f"GSM {number}")]
