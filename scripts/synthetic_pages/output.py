"""Writing the planned pages into a project's docs/ folder."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from kb.model import schema as content
from synthetic_pages import lexicon as lexicon_file
from synthetic_pages import render
from synthetic_pages.plan import PagePlan, ProjectData, allocate, plan_page
from synthetic_pages.text import Writer

REPO = Path(__file__).resolve().parents[2]
# Pages go to <section>/<group>/ (group = first topic, organisation kind or event year), at
# most FOLDER_SIZE per folder (beveiliging, beveiliging-2, ...), as a large site would be
# organised. This keeps the navigation of one page bounded (navigation.prune shows the
# current folder), so build time can grow linearly; 0 puts every page flat in its section.
FOLDER_SIZE = 50
LINKS_PER_PAGE = (2, 4)  # links drawn per page (to content pages; repeats are dropped)


def _place(plans: list[PagePlan], used: set[str], folder_size: int) -> None:
    """Give every plan its folder and a slug that no other page (also an existing one)
    has."""
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
    used = {path.relative_to(docs).with_suffix("").as_posix() for path in docs.rglob("*.md")}
    plans = [plan_page(t, data, writer, rng) for t in allocate(n, data.page_types(), rng)]
    _place(plans, used, folder_size)
    content_pages = [p for p in plans if p.type in content.CONTENT_TYPES] or plans
    written: list[Path] = []
    for plan in plans:
        links: list[PagePlan] = []
        for _ in range(rng.randint(*LINKS_PER_PAGE)):
            other = rng.choice(content_pages)
            if other is not plan and other not in links:
                links.append(other)
        text = render.front_matter(plan.meta) + "\n" + render.body(plan, links, writer, lexicon)
        path = docs / plan.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
