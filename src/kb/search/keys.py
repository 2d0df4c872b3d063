"""Dutch-aware search keys: one normalisation for the index (build) and the query (browser).

A word becomes a *key*: lowercased, lemmatised (simplemma's bundled Dutch data plus the
maintained corrections in ``data/search.yml``), synonyms and abbreviations folded onto one
key, and written without diacritics or hyphens. At build time every page gets the keys of
its words, plus the parts of its compound words (split against the site's own
vocabulary). The browser receives a lookup table (``form -> key``, in small chunks by the
first two letters) with exactly the entries the build used, so a query word is turned
into the same key as the word on the page.
"""

from __future__ import annotations

import copy
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

SEARCH_FILE = "data/search.yml"
WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
DIMINUTIVE_SUFFIXES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
LINKERS = ("s", "en", "e", "")
MIN_PART = 4
MIN_COMPOUND = 8


@cache
def fold(text: str) -> str:
    """Lowercase, no diacritics, no hyphens: how the browser writes a word too."""
    if text.isascii():
        return text.lower().replace("-", "")
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return plain.replace("-", "").replace("\u00ad", "")


def words(text: str) -> list[str]:
    return WORD.findall(text)


# Generated overviews list other pages (kb.overviews): their words belong to those pages,
# so these lists are neither indexed by Pagefind nor a source of the overview's keys.
UNINDEXED_LIST = '<ul class="kb-paginalijst">'
_UNINDEXED_BLOCK = re.compile(re.escape(UNINDEXED_LIST) + r".*?</ul>", re.DOTALL)
_NOT_TEXT = re.compile(r"\]\([^)\s]*\)|<[^>\n]*>|^\s*\[[^\]]+\]:\s*\S+", re.MULTILINE)
# Tags inside a word's text: <abbr>ICT</abbr>-coördinator is one word, ICT-coördinator.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|small|span|strong|sub|sup)\b[^>\n]*>")


def markdown_words(markdown: str) -> str:
    """The text of a Markdown page without what a reader never sees: link targets
    (``](../adviezen/back-ups.md)``), reference definitions and HTML tags. Their words
    (md, https, index, ...) would otherwise become search keys of every page. Character
    references (``&#x27;``) count as the character they stand for. Generated lists of
    other pages (``UNINDEXED_LIST``) are left out."""
    if UNINDEXED_LIST in markdown:
        markdown = _UNINDEXED_BLOCK.sub(" ", markdown)
    text = _NOT_TEXT.sub(" ", _INLINE_TAG.sub("", markdown))
    return html.unescape(text) if "&" in text else text


KEYS_FORMAT = 2  # raise when the way keys are made changes (kept keys are then not used)


@dataclass
class SearchConfig:
    lemmas: dict[str, str] = field(default_factory=dict)  # folded form -> lemma
    synonym_keys: dict[str, str] = field(default_factory=dict)  # folded member -> key
    phrases: dict[str, str] = field(default_factory=dict)  # folded multi-word -> key

    @classmethod
    def load(cls, root: Path) -> SearchConfig:
        from kb.model.files import read_text
        from kb.model.frontmatter import load_yaml_data

        text = read_text(root, SEARCH_FILE)
        data = load_yaml_data(text)[0] if text is not None else None
        data = data if isinstance(data, dict) else {}
        config = cls()
        for form, lemma in (data.get("lemmas") or {}).items():
            config.lemmas[fold(str(form))] = str(lemma)
        for group in data.get("synonyms") or []:
            members = [str(m) for m in group]
            key = fold(next((m for m in members if " " not in m), members[0]))
            for member in members:
                folded = " ".join(fold(part) for part in member.split())
                if " " in folded:
                    config.phrases[folded] = key
                else:
                    config.synonym_keys[folded] = key
        return config


@cache
def _dictionary() -> Mapping[str, str | bytes]:
    # The factory simplemma's lemmatize() uses too: the dictionary is loaded once.
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    dictionary: Mapping[str, str | bytes] = DEFAULT_DICTIONARY_FACTORY.get_dictionary("nl")
    return dictionary


@cache
def _dictionary_pairs() -> list[tuple[str, str]]:
    """(form, lemma) pairs of simplemma's Dutch dictionary, decoded once per process."""
    pairs = []
    for form, lemma in _dictionary().items():
        pairs.append((form, lemma if isinstance(lemma, str) else lemma.decode("utf-8")))
    return pairs


@cache
def _lemmatize(word: str) -> str:
    from simplemma import lemmatize

    return str(lemmatize(word, lang="nl"))


class Forms(NamedTuple):
    """The folded forms of a text's words: ``same`` are their own key, ``table`` maps
    the others to the first key met for them (what the key table gets from the text)."""

    same: list[str]
    table: dict[str, str]


class KeyMaker:
    """Turns words into search keys and remembers every form it saw (for the table)."""

    def __init__(self, config: SearchConfig) -> None:
        self.config = config
        self.table: dict[str, str] = {}  # folded form -> key, where they differ
        self.seen: set[str] = set()  # every folded form met on the site
        self.remap: dict[str, str] = {}  # key -> base key (regular inflections), see refine()
        self._cache: dict[str, str] = {}  # word -> key
        self._folded: dict[str, str] = {}  # word -> its folded form
        self._parts: dict[str, list[str]] = {}  # compound -> parts, see final_keys()
        self._parts_of: set[str] | None = None  # the vocabulary those parts come from

    def key(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        folded = fold(lower)
        config = self.config
        if folded in config.synonym_keys:
            key = config.synonym_keys[folded]
        elif folded in config.lemmas:
            key = fold(config.lemmas[folded])
            key = config.synonym_keys.get(key, key)
        else:
            lemma = fold(_lemmatize(lower))
            if lemma == folded:
                lemma = self._diminutive(folded) or lemma
            key = config.synonym_keys.get(lemma, lemma)
        self._cache[word] = key
        self._folded[word] = folded
        self.seen.add(folded)
        if folded != key:
            self.table.setdefault(folded, key)
        return key

    def _diminutive(self, folded: str) -> str | None:
        for suffix in DIMINUTIVE_SUFFIXES:
            if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
                stem = folded[: -len(suffix)]
                lemma = fold(_lemmatize(stem))
                if lemma != stem or len(stem) >= 4:
                    return lemma
        return None

    def word_keys(self, text: str) -> list[str]:
        """Keys of the words of a text, plus the keys of synonym phrases in it."""
        return self.word_keys_and_forms(text)[0]

    def word_keys_and_forms(self, text: str) -> tuple[list[str], Forms]:
        """``word_keys`` and what the text did to the table (``Forms``): what
        ``take_forms`` needs to redo that without looking a word up."""
        tokens = words(text)
        unique = dict.fromkeys(tokens)  # same first-seen order of keys, fewer lookups
        key, folded_of = self.key, self._folded
        looked_up = list(unique)
        for token in unique:
            if "-" in token:  # ICT-praktijkdag: also "ict" and "praktijkdag"
                looked_up.extend(part for part in token.split("-") if part)
        keys: dict[str, None] = {}
        same: dict[str, None] = {}
        table: dict[str, str] = {}
        for word in looked_up:
            word_key = key(word)
            keys[word_key] = None
            form = folded_of[word]
            if form == word_key:
                same[form] = None
            elif form not in table:
                table[form] = word_key
        phrases = self.config.phrases
        folded = {token: folded_of[token] for token in unique}
        starts = {phrase.split(" ", 1)[0] for phrase in phrases}
        if not starts.isdisjoint(folded.values()):
            folded_text = " " + " ".join(map(folded.__getitem__, tokens)) + " "
            for phrase, phrase_key in phrases.items():
                if f" {phrase} " in folded_text:
                    keys[phrase_key] = None
        return list(keys), Forms(list(same), table)

    def take_forms(self, forms: Forms) -> None:
        """What ``key`` did to the table for the words of a text, from
        ``word_keys_and_forms`` of the same text (a text whose keys were kept)."""
        seen, table = self.seen, self.table
        seen.update(forms.same)
        seen.update(forms.table)
        for form, form_key in forms.table.items():
            table.setdefault(form, form_key)

    def refine(self, vocabulary: set[str]) -> set[str]:
        """Second pass over the site's keys: fold regular plurals and diminutives the
        lemmatiser did not know (praktijkdagen -> praktijkdag) onto a key of the site.
        Returns the refined vocabulary."""
        generated: dict[str, str] = {}
        for key in sorted(vocabulary):
            if len(key) >= 3 and key.isalpha():
                for form in inflections(key):
                    generated.setdefault(form, key)
        self.remap = {key: generated[key] for key in vocabulary if generated.get(key, key) != key}
        for form, key in list(self.table.items()):
            self.table[form] = self.remap.get(key, key)
        for form, key in self.remap.items():
            self.table[form] = key
        return {self.remap.get(key, key) for key in vocabulary}

    def final_keys(self, keys: list[str], vocabulary: set[str]) -> list[str]:
        """A page's keys after refine(): inflections folded, compound parts added."""
        if self._parts_of is not vocabulary:
            self._parts, self._parts_of = {}, vocabulary
        remap, parts = self.remap, self._parts
        out = dict.fromkeys(remap.get(k, k) for k in keys)
        for key in list(out):
            if len(key) >= MIN_COMPOUND:
                found = parts.get(key)
                if found is None:  # split each compound once per vocabulary
                    found = parts[key] = split_compound(key, vocabulary)
                out.update(dict.fromkeys(found))
        return list(out)

    def snapshot(self) -> KeyMaker:
        """A copy whose tables later pages do not change (what ``browser_table`` reads)."""
        twin = copy.copy(self)
        twin.table, twin.seen = dict(self.table), set(self.seen)
        return twin

    def browser_table(self, site_keys: Iterable[str]) -> dict[str, str]:
        """``form -> key`` for the browser: seen forms plus dictionary forms of site keys."""
        wanted = set(site_keys)
        table = {form: key for form, key in self.table.items() if key in wanted}
        seen = self.seen

        def offer(form: str, key: str) -> None:
            # A form met on the site keeps the key the index gave it.
            if form != key and form not in seen:
                table.setdefault(form, key)

        synonyms = self.config.synonym_keys
        for form, lemma in _dictionary_pairs():
            key = fold(lemma)
            key = synonyms.get(key, key)
            if key in wanted:
                offer(fold(form), key)
        for form, lemma in self.config.lemmas.items():
            key = fold(lemma)
            table[form] = self.config.synonym_keys.get(key, key)
        for member, key in self.config.synonym_keys.items():
            if member != key:
                table[member] = key
        for key in sorted(wanted):
            if len(key) >= 3 and key.isalpha():
                for form in inflections(key):
                    offer(form, key)
        return table


VOWELS = set("aeiou")


def inflections(key: str) -> list[str]:
    """Regular plural and diminutive forms of a key (dag: dagen, dagje; school: scholen)."""
    forms = [key + "en", key + "s", key + "n", key + "je", key + "tje", key + "etje",
             key + "jes", key + "tjes", key + "pje"]  # fmt: skip
    last = key[-1]
    if last not in VOWELS:
        forms.append(key + last + "en")  # bril: brillen
        forms.append(key + last + "etje")
        if len(key) >= 4 and key[-2] == key[-3] and key[-2] in VOWELS:
            forms.append(key[:-2] + last + "en")  # school: scholen
    return forms


def split_compound(word: str, vocabulary: set[str]) -> list[str]:
    """Split a compound into known parts (``gastennetwerk`` -> ``gast``, ``netwerk``)."""
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:i], word[i:]
        if tail not in vocabulary:
            continue
        for linker in LINKERS:
            if linker and not head.endswith(linker):
                continue
            base = head[: len(head) - len(linker)] if linker else head
            if len(base) >= MIN_PART and base in vocabulary:
                return [base, tail]
            if len(base) >= MIN_PART:
                lemma = fold(_lemmatize(base))
                if lemma in vocabulary and len(lemma) >= MIN_PART:
                    return [lemma, tail]
    return []


def chunk_table(table: dict[str, str]) -> dict[str, dict[str, str]]:
    """Split the browser table by the first two characters of the form."""
    chunks: dict[str, dict[str, str]] = {}
    for form, key in sorted(table.items()):
        prefix = form[:2] if len(form) >= 2 else form
        if not re.fullmatch(r"[a-z0-9]{1,2}", prefix):
            continue
        chunks.setdefault(prefix, {})[form] = key
    return chunks


def query_keys(query: str, maker: KeyMaker, table: dict[str, str]) -> list[str]:
    """Reference implementation of what the browser does with a query (used in tests)."""
    folded_query = " ".join(fold(t) for t in words(query))
    for phrase, key in sorted(maker.config.phrases.items(), key=lambda kv: -len(kv[0])):
        folded_query = re.sub(rf"\b{re.escape(phrase)}\b", key, folded_query)
    return [table.get(token, token) for token in folded_query.split()]
