"""Writing the planned pages into a project's docs/ folder."""

from __future__ import annotations

import posixpath
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from kb.check.network import PEOPLE_FOLDER, profile_id
from kb.model import schema as content
from synthetic_pages import lexicon as lexicon_file
from synthetic_pages import render, rules
from synthetic_pages.plan import PagePlan, ProjectData, allocate, plan_page
from synthetic_pages.text import Writer
from synthetic_pages.values import PlanError, Reference

REPO = Path(__file__).resolve().parents[2]
# Pages go to <section>/<group>/ (group = first topic, organisation kind or event year), at
# most FOLDER_SIZE per folder (beveiliging, beveiliging-2, ...), as a large site would be
# organised. This keeps the navigation of one page bounded (navigation.prune shows the
# current folder), so build time can grow linearly; 0 puts every page flat in its section.
FOLDER_SIZE = 50
LINKS_PER_PAGE = (2, 4)  # links drawn per page (to content pages; repeats are dropped)
DRAW_TRIES = 20  # targets drawn for a reference before the free ones are listed
BODY_TRIES = 20  # bodies drawn for a page whose text may not hold contact details


def _place(plans: list[PagePlan], used: set[str], folder_size: int) -> None:
    """Give every plan its folder and a slug that no other page (also an existing one)
    has."""
    filled: Counter[tuple[str, str]] = Counter()
    for plan in plans:
        if folder_size > 0 and not rules.flat(plan.section):
            chunk = filled[(plan.section, plan.group)] // folder_size
            filled[(plan.section, plan.group)] += 1
            plan.folder = plan.group if chunk == 0 else f"{plan.group}-{chunk + 1}"
        slug, number = plan.slug, 2
        while plan.src[:-3] in used:
            plan.slug, number = f"{slug}-{number}", number + 1
        used.add(plan.src[:-3])


def reference_targets(
    plans: list[PagePlan], existing: list[str], data: ProjectData
) -> dict[str, list[str]]:
    """What a Reference may name, by kind: ``page``: content pages (paths from docs/),
    the generated ones and those already in docs/; ``profile``: ids of the profiles
    directly in netwerk/mensen/, generated or already there."""
    sections = tuple(
        f"{data.section(t)}/" for t in sorted(content.CONTENT_TYPES) if data.section(t)
    )
    page_pattern = re.compile(content.PAGE_PATH_PATTERN)
    pages = [p.src for p in plans if p.type in content.CONTENT_TYPES]
    pages += [src for src in existing if src.startswith(sections) and page_pattern.match(src)]
    profiles = [src for src in [p.src for p in plans] + existing if _is_profile(src)]
    return {"page": pages, "profile": [profile_id(src) for src in profiles]}


def _is_profile(src: str) -> bool:
    return posixpath.dirname(src) == PEOPLE_FOLDER and src.endswith(".md")


def _target(pool: list[str], taken: set[str], rng: random.Random) -> str | None:
    for _ in range(DRAW_TRIES if pool else 0):
        pick = rng.choice(pool)
        if pick not in taken:
            return pick
    free = [item for item in pool if item not in taken]
    return rng.choice(free) if free else None


def resolve_references(
    plans: list[PagePlan], targets: dict[str, list[str]], rng: random.Random
) -> None:
    """Replace every Reference in the front matter by a page that exists (never the page
    itself, never twice in a list). An optional field without targets is left out."""
    for plan in plans:
        for name, value in list(plan.meta.items()):
            items = value if isinstance(value, list) else [value]
            if not any(isinstance(item, Reference) for item in items):
                continue
            taken = {plan.src, plan.src[: -len(".md")]}
            resolved: list[Any] = []
            for item in items:
                if isinstance(item, Reference):
                    item = _target(targets.get(item.kind, []), taken | set(resolved), rng)
                if item is not None:
                    resolved.append(item)
            if resolved:
                plan.meta[name] = resolved if isinstance(value, list) else resolved[0]
            elif name in plan.required:
                raise PlanError(f"`{name}` of {plan.src}: no page to refer to")
            else:
                del plan.meta[name]


def generate(
    n: int,
    outdir: Path,
    seed: int = 1,
    project: Path | None = None,
    folder_size: int = FOLDER_SIZE,
) -> list[Path]:
    """Write ``n`` synthetic pages under ``outdir/docs``; returns the written files.

    The registries come from ``project``, by default ``outdir`` when it is a project
    (it has ``data/vocabulary.yml``), else this repository."""
    outdir = Path(outdir)
    if project is None:
        project = outdir if (outdir / "data" / "vocabulary.yml").exists() else REPO
    data = ProjectData.load(Path(project))
    lexicon = lexicon_file.load()
    rng = random.Random(seed)
    writer = Writer(lexicon, rng, data.banned())
    docs = outdir / "docs"
    # Never overwrite a page that is already there (the real site, when OUTDIR is a copy).
    existing = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    used = {src[: -len(".md")] for src in existing}
    plans = [plan_page(t, data, writer, rng) for t in allocate(n, data.page_types(), rng)]
    _place(plans, used, folder_size)
    resolve_references(plans, reference_targets(plans, existing, data), rng)
    content_pages = [p for p in plans if p.type in content.CONTENT_TYPES] or plans
    written: list[Path] = []
    for plan in plans:
        links: list[PagePlan] = []
        for _ in range(rng.randint(*LINKS_PER_PAGE)):
            other = rng.choice(content_pages)
            if other is not plan and other not in links:
                links.append(other)
        head = render.front_matter(plan.meta) + "\n"
        for _ in range(BODY_TRIES):
            text = head + render.body(plan, links, writer, lexicon)
            if not rules.private_details(plan.type, text):
                break
        else:
            raise PlanError(f"{plan.src}: every text holds what looks like contact details")
        path = docs / plan.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
