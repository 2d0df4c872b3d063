"""Framework contracts: running and ended, and the ones that end soon."""

from __future__ import annotations

from datetime import date

from kb.model import dates
from kb.model.contracts import ENDING_SOON_DAYS, contract_state
from kb.model.pages import Page, url_for
from kb.model.vocabulary import Vocabulary
from kb.render.lists import relative_url
from kb.render.markup import esc, link, table


def contracts_section(pages: list[Page], from_src: str, today: date, vocabulary: Vocabulary) -> str:
    contracts = sorted(
        (p for p in pages if p.type == "raamcontract" and p.meta), key=lambda p: p.title.lower()
    )
    base = url_for(from_src)
    headers = ["Contract", "Aankoopcentrale", "Leveranciers", "Categorie", "Soort",
               "Wie mag instappen", "Einde", "Nagekeken"]  # fmt: skip

    def row(page: Page) -> list[str]:
        meta = page.meta
        end = dates.parse_date(meta.get("end"))
        end_text = esc(dates.format_date_nl(end) if end else "niet bevestigd")
        if contract_state(page, today) == "loopt af":
            end_text = f"<strong>⚠ loopt af: {end_text}</strong>"
        suppliers = ", ".join(page.values("suppliers")) or "niet bevestigd"
        kind = vocabulary.label("contract_kinds", str(meta.get("contract_kind", "")))
        reviewed = page.reviewed
        return [
            link(relative_url(base, page.url), esc(page.title)),
            esc(meta.get("purchaser", "")),
            esc(suppliers),
            esc(meta.get("category", "")),
            esc(kind),
            esc(meta.get("eligible", "")),
            end_text,
            esc(dates.format_date_nl(reviewed) if reviewed else ""),
        ]

    active = [p for p in contracts if contract_state(p, today) != "afgelopen"]
    ended = [p for p in contracts if contract_state(p, today) == "afgelopen"]
    out = ["\n## Lopende raamcontracten\n"]
    out.append(table(headers, [row(p) for p in active]) if active else "_Geen._")
    out.append("\n## Afgelopen\n")
    out.append(table(headers, [row(p) for p in ended]) if ended else "_Geen._")
    out.append(
        f"\nContracten die binnen {ENDING_SOON_DAYS} dagen aflopen, zijn gemarkeerd met ⚠. "
        "Prijzen en voorwaarden veranderen: kijk ze altijd na bij de aankoopcentrale.\n"
    )
    return "\n".join(out) + "\n"
