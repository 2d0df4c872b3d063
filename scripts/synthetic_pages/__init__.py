"""Synthetic pages for the benchmark: valid pages of every type with realistic Dutch text.

    python scripts/synthetic.py N OUTDIR [--seed 1] [--folder-size 50]

writes N pages into ``OUTDIR/docs/<section>/<group>/``: the section of each type comes from
``data/vocabulary.yml``, the group is the first topic, organisation kind or event year, with
at most ``--folder-size`` pages per folder. Existing pages are never overwritten. The
registries are read from OUTDIR when it is a project (``OUTDIR/data/vocabulary.yml``
exists), else from this repository. The same seed gives the same pages.

The front matter comes from the content model (``kb.model.schema``): every type of the
vocabulary that has a section, with the fields, required fields and allowed values of its
schema; a type added later gets a valid page without changes here. Translations point at a
source of ``data/sources.yml`` (with its sha256) whose licence allows translating. Fields
that name other pages (``related``, a practice's ``contact``) name pages that exist; a type
with required body sections (``sections`` in the vocabulary) gets them in their order;
profiles are fictitious people ("Testpersoon 12") without private contact details.

The text comes from ``lexicon.yml``: Dutch words and sentence templates about school ICT,
with what a Dutch search has to cope with: inflected verbs and participles (installeren,
geïnstalleerd, geüpdatet), adjective forms (veilig, veilige), plurals including irregular
ones (lid/leden, technicus/technici), diminutives (tabletje), compounds (gastennetwerk,
wachtwoordbeleid), spelling variants (e-mail/email, wifi/wi-fi) and abbreviations (SSO,
BYOD, MFA). Pages have an H1, H2 sections, bullet and numbered lists, some admonitions and
internal links to other synthetic pages; no text contains a phrase of
``data/editorial_phrases.yml``.

Modules: ``lexicon`` (reads lexicon.yml), ``text`` (Dutch text from templates), ``values``
(a front-matter value from a JSON Schema property), ``rules`` (the special cases),
``plan`` (page plans from the schema), ``render`` (Markdown), ``output`` (``generate``),
``cli`` (``main``).
"""

from synthetic_pages.cli import main
from synthetic_pages.output import FOLDER_SIZE, generate

__all__ = ["FOLDER_SIZE", "generate", "main"]
