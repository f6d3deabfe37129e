"""Repeated paragraphs, restated sentences and duplicate documents.

Paragraphs are compared through word 3-gram shingles kept in an inverted index
(shingle -> paragraphs), so each paragraph is only compared with the few that share
a shingle with it: no all-pairs loop over a large corpus. Every shingle is indexed, but
a long text looks up only a deterministic sample of its shingles (one in
:data:`LOOKUP_SAMPLE`, chosen by a CRC of the shingle, the same in every text): a text
that repeats most of another shares most of the sampled shingles too, and candidate
counting, which dominated reading time on large corpora, costs a fraction. Candidates
are then checked on their full shingle sets, and the paragraphs of the same document
are always checked. Shingles found in more than :data:`MAX_POSTINGS` texts are too
common to suggest a candidate (exact copies are found by their key, whatever their
number).

* A paragraph **duplicates** another when at least :data:`CONTAINMENT` of its shingles
  occur in that other paragraph (exact copies, near copies and a fragment that is the
  beginning of a longer paragraph all count). Short paragraphs (fewer than
  :data:`MIN_SHINGLES` shingles) only count when the other paragraph starts with them.
  Within a document the shorter of the two is the duplicate (the fuller version is
  kept for extraction); across documents a paragraph only duplicates one of an earlier
  document (documents in id order).
* A sentence **restates** an earlier sentence of the same document when it shares at
  least :data:`RESTATE_SHARED` content-word stems with it and at least
  :data:`RESTATE_CONTAINMENT` of its own. This catches paraphrase ("on parle
  aujourd'hui d'une nouvelle très/vraiment importante…") that exact matching misses.
"""

from __future__ import annotations

import hashlib
import importlib.util
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import match_key, sentences, shingles_of, word_count, words

CONTAINMENT = 0.8
MIN_SHINGLES = 5
#: Shingles found in more texts than this are too common to suggest a candidate. With
#: lookups sampled one in four, 400 found 98% of the repeated paragraphs that an exhaustive
#: check finds in 1,500 benchmark articles (every sentence recurs in hundreds of them),
#: against 74% for the former 200 without sampling, in about the same time.
MAX_POSTINGS = 400
#: Candidates examined per paragraph (those sharing the most shingles).
MAX_CANDIDATES = 20
#: A text with at least :data:`SAMPLE_FROM` shingles looks up one shingle in this many.
LOOKUP_SAMPLE = 4
SAMPLE_FROM = 32
RESTATE_SHARED = 4
RESTATE_CONTAINMENT = 0.4
#: Whole documents: Jaccard of their shingle sets, or containment of the later one.
DOC_JACCARD = 0.8
DOC_CONTAINMENT = 0.9


@dataclass(frozen=True)
class ParagraphSignature:
    """What paragraph-level duplicate detection needs of one paragraph, computed where the
    document is read (possibly in a worker process): its match key and its shingles as
    64-bit hashes (CRC-32 in the high half, Adler-32 in the low half; compact to send
    between processes, cheap to compare)."""

    key: str
    shingles: frozenset[int]


def _hash64(shingle: str) -> int:
    data = shingle.encode()
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


def paragraph_signature(text: str) -> ParagraphSignature:
    key = match_key(text)
    return ParagraphSignature(key, frozenset(_hash64(s) for s in shingles_of(key.split())))


def signatures(paragraphs: list[str]) -> tuple[DocumentSignature, list[ParagraphSignature]]:
    """The document's and its paragraphs' signatures, each paragraph tokenised once."""
    paragraph_sigs = [paragraph_signature(p) for p in paragraphs]
    return _document_signature(" ".join(sig.key for sig in paragraph_sigs)), paragraph_sigs


@dataclass
class _Item:
    doc: int
    index: int
    key: str
    shingles: frozenset[int]


def _contained(small: _Item, large: _Item) -> bool:
    """Whether ``small`` repeats (all or most of) ``large``."""
    if len(small.shingles) < MIN_SHINGLES:
        return bool(small.key) and large.key.startswith(small.key)
    shared = len(small.shingles & large.shingles)
    return shared >= CONTAINMENT * len(small.shingles)


def _lookup_keys(shingle_set: frozenset[int]) -> list[int]:
    """The shingles a paragraph looks up: all of a short one's, a fixed sample of a long
    one's (by the CRC-32 half of the hash, the rule documents use)."""
    if len(shingle_set) < SAMPLE_FROM:
        return list(shingle_set)
    return [h for h in shingle_set if (h >> 32) % LOOKUP_SAMPLE == 0]


class _Index:
    """Inverted index shingle -> text numbers; lists stop growing past ``MAX_POSTINGS``."""

    def __init__(self) -> None:
        self.postings: dict[str | int, list[int]] = defaultdict(list)

    def add(self, number: int, shingle_set: Iterable[str | int]) -> None:
        for s in shingle_set:
            plist = self.postings[s]
            if len(plist) <= MAX_POSTINGS:  # one past the limit marks "too common"
                plist.append(number)

    def candidates(self, shingle_set: frozenset, sample: bool = True) -> list[int]:
        """Indexed texts sharing the most looked-up shingles (ties: earliest first);
        ``sample=False`` looks up every shingle (for sets that are samples already)."""
        shared: Counter[int] = Counter()
        for s in _lookup_keys(shingle_set) if sample else shingle_set:
            plist = self.postings.get(s)
            if plist and len(plist) <= MAX_POSTINGS:
                shared.update(plist)
        # Deterministic order: most shared shingles first, then earliest text. Only those
        # at or above the MAX_CANDIDATES-th count are sorted (a text can have hundreds).
        if len(shared) > MAX_CANDIDATES:
            floor = sorted(shared.values(), reverse=True)[MAX_CANDIDATES - 1]
            shared = {n: c for n, c in shared.items() if c >= floor}
        best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        return [number for number, _ in best]


def find_duplicate_paragraphs(
    docs: list[tuple[str, list[str] | list[ParagraphSignature]]],
) -> dict[tuple[int, int], str]:
    """Map ``(document position, paragraph index)`` to the ``doc:paragraph`` it repeats.

    ``docs`` is a list of ``(doc_id, paragraphs)`` in id order, each paragraph given as
    its text or as its :func:`paragraph_signature`.
    """
    items: list[_Item] = []
    index = _Index()
    duplicate: dict[int, int] = {}
    first_with_key: dict[str, int] = {}
    for d, (_, paragraphs) in enumerate(docs):
        first_of_doc = len(items)
        for i, paragraph in enumerate(paragraphs):
            sig = paragraph if isinstance(paragraph, ParagraphSignature) else None
            sig = sig or paragraph_signature(str(paragraph))
            item = _Item(d, i, sig.key, sig.shingles)
            me = len(items)
            items.append(item)
            # Exact copies first, however common (their shingles may all be too common).
            if item.key and first_with_key.setdefault(item.key, me) != me:
                duplicate[me] = first_with_key[item.key]
                continue
            found = index.candidates(item.shingles)
            # Earlier paragraphs of the same document are always compared (few, and a
            # sample could miss a short one that the current paragraph contains).
            found += [o for o in range(first_of_doc, me) if o not in found]
            for other in found:
                earlier = items[other]
                if _contained(item, earlier):
                    duplicate[me] = other
                    break
                if earlier.doc == d and other not in duplicate and _contained(earlier, item):
                    duplicate[other] = me
            index.add(me, item.shingles)
    result: dict[tuple[int, int], str] = {}
    for me in sorted(duplicate):
        target, seen = duplicate[me], {me}
        while target in duplicate and duplicate[target] not in seen:  # follow chains
            seen.add(target)
            target = duplicate[target]
        if target == me:
            continue
        original = items[target]
        result[(items[me].doc, items[me].index)] = f"{docs[original.doc][0]}:{original.index}"
    return result


def _spacy_stop_words(lang: str) -> set[str]:
    """spaCy's stop list for ``lang``, read from its ``stop_words.py`` alone: importing
    ``spacy.lang.fr`` compiles the tokenizer's exception patterns, about 6 s per process."""
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    # spaCy's stop lists for French and English (no model needed).
    words = _spacy_stop_words("fr") | _spacy_stop_words("en")
    return frozenset(w.replace("’", "'") for w in words)


def _stem(word: str) -> str:
    """Crude, language-neutral stem: lower case, no accents, first six letters."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))[:6]


@lru_cache(maxsize=500_000)
def _content_stem(word: str) -> str:
    """The stem of a content word, or "" for a stop word, a number or a short word.

    Cached: a corpus reuses the same words, and stemming dominated the reading time.
    """
    low = word.casefold()
    if "'" in low and len(low.split("'", 1)[0]) <= 3:  # l'usine, qu'il, d'une
        low = low.split("'", 1)[1]
    if len(low) >= 3 and low not in _stopwords() and not low.isdigit():
        return _stem(low)
    return ""


def content_stems(sentence: str) -> set[str]:
    """Stems of the content words of a sentence (elided articles and stop words dropped)."""
    stems = {_content_stem(word) for word in words(sentence)}
    stems.discard("")
    return stems


def restated_sentence_words(paragraphs: list[str], skip: set[int] | None = None) -> int:
    """Words in sentences that restate an earlier sentence of the same document.

    Paragraphs whose index is in ``skip`` (duplicates, headings) are neither counted
    nor used as references: headings announce the text that follows them.
    """
    skip = skip or set()
    seen: list[set[str]] = []
    repeated = 0
    for i, paragraph in enumerate(paragraphs):
        if i in skip:
            continue
        for sentence in sentences(paragraph):
            stems = content_stems(sentence)
            if len(stems) < RESTATE_SHARED:
                continue
            for earlier in seen:
                shared = len(stems & earlier)
                if shared >= RESTATE_SHARED and shared >= RESTATE_CONTAINMENT * len(stems):
                    repeated += word_count(sentence)
                    break
            seen.append(stems)
    return repeated


@dataclass(frozen=True)
class DocumentSignature:
    """What document-level duplicate detection needs of one document, computed where the
    document is read (possibly in a worker process): a hash of its match key (exact
    copies) and its shingles, a fixed sample of them for a long document."""

    key_hash: str
    shingles: frozenset[str]
    sampled: bool


def _sample(shingle_set: Iterable[str]) -> frozenset[str]:
    return frozenset(s for s in shingle_set if zlib.crc32(s.encode()) % LOOKUP_SAMPLE == 0)


def _document_signature(key: str) -> DocumentSignature:
    all_shingles = shingles_of(key.split())
    sampled = len(all_shingles) >= SAMPLE_FROM
    kept = _sample(all_shingles) if sampled else frozenset(all_shingles)
    return DocumentSignature(hashlib.sha256(key.encode()).hexdigest(), kept, sampled)


def _comparable(a: DocumentSignature, b: DocumentSignature) -> tuple[frozenset, frozenset]:
    """Shingle sets of two documents on the same footing (both sampled if one is)."""
    if a.sampled == b.sampled:
        return a.shingles, b.shingles
    return (a.shingles if a.sampled else _sample(a.shingles)), (
        b.shingles if b.sampled else _sample(b.shingles)
    )


def find_duplicate_documents(
    signatures: list[tuple[str, DocumentSignature]],
) -> dict[str, tuple[str, bool]]:
    """Map a document id to ``(id of the document it duplicates, exact?)``.

    ``signatures`` is ``(doc_id, signature)`` in id order (see :func:`signatures`); the later
    id is the duplicate. Long documents are compared on a fixed sample of their shingles
    (one in :data:`LOOKUP_SAMPLE`, the same rule for every document), which estimates the
    Jaccard index and containment of the full sets; exact copies are found by key.
    """
    result: dict[str, tuple[str, bool]] = {}
    keys: dict[str, str] = {}
    index = _Index()
    for n, (doc_id, sig) in enumerate(signatures):
        if sig.key_hash in keys:
            result[doc_id] = (keys[sig.key_hash], True)
            continue
        keys[sig.key_hash] = doc_id
        for other in index.candidates(set(sig.shingles), sample=False):
            mine, theirs = _comparable(sig, signatures[other][1])
            common = len(mine & theirs)
            union = len(mine) + len(theirs) - common
            if (union and common / union >= DOC_JACCARD) or (
                mine and common / len(mine) >= DOC_CONTAINMENT
            ):
                result[doc_id] = (signatures[other][0], False)
                break
        if doc_id not in result:
            index.add(n, sig.shingles)
    return result
