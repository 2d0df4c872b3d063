"""Feed, calendars and catalogue; `kb export` writes them without MkDocs, byte for byte
what the build writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar
from support.project import FIXED_TODAY, ROOT, BuildResult, fixture_text

from kb.export import calendar, catalogue, feed
from kb.model.pages import read_page
from kb.model.project import Project

ATOM = "{http://www.w3.org/2005/Atom}"


def _page(name: str, src: str):  # type: ignore[no-untyped-def]
    page = read_page(ROOT / "docs", src, ROOT, text=fixture_text("good", name))
    page.findings = []
    return page


def test_feed_is_atom_with_rfc3339_dates_newest_first() -> None:
    advice = _page("advies-geldig.md", "adviezen/advies-geldig.md")
    data = feed.atom_feed([advice], "https://x.test/kb/", "Kennisbank", {})
    root = ET.fromstring(data)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [advice.title]
    assert entries[0].findtext(f"{ATOM}id") == "https://x.test/kb/adviezen/advies-geldig/"
    for updated in root.iter(f"{ATOM}updated"):
        assert datetime.fromisoformat(updated.text or "").tzinfo is not None


def test_calendar_has_confirmed_events_only_in_brussels_time() -> None:
    confirmed = _page("evenement-geldig.md", "agenda/evenement-geldig.md")
    unconfirmed = _page("evenement-onbevestigd.md", "agenda/evenement-onbevestigd.md")
    parsed = Calendar.from_ical(calendar.event_calendar([confirmed, unconfirmed], "/", "KB"))
    events = parsed.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [confirmed.title]
    assert str(events[0]["uid"]) == "agenda/evenement-geldig@kennisbank-ict"
    assert parsed.walk("VTIMEZONE")[0]["tzid"] == "Europe/Brussels"


def test_catalogue_matches_its_schema(real_site: BuildResult) -> None:
    data = json.loads((real_site.site / "api/pages.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site.site / "api/pages.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["count"] == len(data["pages"]) > 20
    project = Project.load(ROOT)
    assert catalogue.catalogue_schema(project.vocabulary) == schema


@pytest.mark.slow
def test_kb_export_writes_what_the_build_writes(real_site: BuildResult, tmp_path: Path) -> None:
    target = tmp_path / "export"
    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    proc = subprocess.run(
        [sys.executable, "-m", "kb.cli", "export", str(target)],
        cwd=real_site.root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    written = proc.stdout.split()
    assert {"feed.xml", "agenda.ics", "api/pages.json", "api/pages.schema.json",
            "zoeken/config.json"} <= set(written)  # fmt: skip
    assert len([w for w in written if w.startswith("zoeken/tabel/")]) > 20
    for path in written:
        assert (target / path).read_bytes() == (real_site.site / path).read_bytes(), path
    # --list: every generated output with what it is made from.
    listing = subprocess.run(
        [sys.executable, "-m", "kb.cli", "export", str(target), "--list"],
        cwd=real_site.root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    outputs = {o["path"]: o for o in json.loads(listing.stdout)}
    assert outputs["feed.xml"]["git"] is True and "reviewed" in outputs["feed.xml"]["fields"]
    assert outputs["status/index.md"]["today"] is True
