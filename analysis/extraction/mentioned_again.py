"""Names a document discovered earlier, written again where NER missed them.

Reads a parsed paragraph, the tokens already taken and the document's discovered names
and abbreviations; returns the mentions found (``pipeline`` adds them), or, for a name
written again over shorter mentions it holds, the paragraph's mentions with those
replaced (``held_names``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc

from analysis.extraction.actors import NAME, Mention
from analysis.extraction.gazetteer import is_place_name
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.registry import chinese_core, name_forms
from analysis.extraction.russian import CYRILLIC

#: Words that join two names; a name's first words never end with one.
JOINS = frozenset(GRAMMAR["coordinators"])


def taken_tokens(mentions: Iterable, candidates: Iterable, defined: Mapping[str, str]) -> set[int]:
    """The tokens of ``mentions`` and of ``candidates`` (spans with ``start``, ``end``,
    ``text`` and ``actor``), but for a candidate found no actor that is a term the
    document ``defined`` or opens with one (NER's "Общество приобрело": the term is
    read here instead)."""
    spans = [*mentions, *(c for c in candidates if c.actor or not _term_first(c.text, defined))]
    return {i for s in spans for i in range(s.start, s.end)}


def _term_first(text: str, defined: Mapping[str, str]) -> bool:
    """Is ``text`` a defined term, or one followed by lower-case words only (a verb NER
    ran on to), not by more of a name ("Тяньхэн Нева Автомотив")?"""
    words = text.split()
    if text in defined:
        return True
    if not words or words[0] not in defined:
        return False
    # (a word's first letter, past its quotes: «Квеллон» is more of a name)
    return not any(next((c for c in w if c.isalpha()), "").isupper() for w in words[1:])


def mentioned_again(
    doc: Doc,
    taken: set[int],
    discovered: Iterable[str],
    abbreviations: Mapping[str, str],
    actors: Mapping[str, object],
) -> list[Mention]:
    """Names discovered earlier in the document, written again here where the
    recogniser missed them ("REPT Battero will supply ..."), and abbreviations and short
    names defined earlier that stand for an actor of ``actors``: mentions too. ``taken`` are the
    tokens already in a mention or candidate."""
    by_first: dict[str, list[str]] = {}
    named: dict[str, str] = {}  # a name's words -> its actor
    for name in discovered:
        by_first.setdefault(name.split()[0], []).append(name)
        named[name] = name
    for short, actor in abbreviations.items():  # ("Sokol Invest JSC (Sokol Invest)")
        if " " in short and actor in actors and short not in named:
            by_first.setdefault(short.split()[0], []).append(short)
            named[short] = actor
    cores = {w: name for w, name in _cores(named).items() if w not in abbreviations}
    # ("Общества", "Обществу": the cases of a Russian term defined as «Общество»)
    inflected = _case_forms(abbreviations, actors)
    for word in cores:
        by_first.setdefault(word, [])
    out: list[Mention] = []
    text = doc.user_data.get("text") or doc.text
    if (
        not any(w in text for w in by_first)
        and not any(a in text for a in abbreviations)
        and not any(base in text for base in inflected)
    ):
        return out  # (none of those words is written here)
    words = [t.text for t in doc]
    i = 0
    while i < len(doc):
        match = None
        short = abbreviations.get(words[i])
        if short is None and "Plur" not in doc[i].morph.get("Number"):
            short = _case_of(words[i], inflected)  # (not "Компании региона ...": a plural)
        if words[i] not in by_first and short is None:
            i += 1
            continue
        if i not in taken and short is not None and short in actors:
            # "BCS livre ...": an abbreviation defined earlier, which NER may not tag.
            out.append(Mention(short, i, i + 1, words[i], NAME))
            i += 1
            continue
        core = cores.get(words[i])
        if i not in taken and core is not None and _proper(doc, i) and not _open_after(doc, i + 1):
            # "Hanxing denied it" after "Chongqing Hanxing Automobile Co., Ltd.": a Chinese
            # firm's core name, its home set aside, stands for it (NER often misses it).
            out.append(Mention(core, i, i + 1, words[i], NAME))
            i += 1
            continue
        if i not in taken:
            for name in sorted(by_first.get(words[i], ()), key=len, reverse=True):
                n = len(name.split())
                for j in range(i + n, min(i + 2 * n + 1, len(doc) + 1)):
                    if " ".join(doc[i:j].text.split()) == name:
                        match = (name, j)
                        break
                if match:
                    break
        if match and not any(k in taken for k in range(i, match[1])):
            out.append(Mention(named[match[0]], i, match[1], doc[i : match[1]].text, NAME))
            i = match[1]
        else:
            i += 1
    return out


#: The endings a Russian term is written with in the nominative, and how many letters
#: its other cases may add to the rest ("Общество" -> "Обществ-а", "Компания" ->
#: "Компани-ей").
_NOMINATIVE_ENDINGS = "оаяеьй"
_CASE_LETTERS = 3
_CASE_BASE = 5


def _case_forms(abbreviations: Mapping[str, str], actors) -> dict[str, str]:
    """Capitalised one-word Cyrillic terms the document defined ('(далее — «Общество»)'),
    by the part their cases share, each to its actor."""
    out = {}
    for term, actor in abbreviations.items():
        if " " in term or actor not in actors or not CYRILLIC.search(term):
            continue
        base = term[:-1] if term[-1].lower() in _NOMINATIVE_ENDINGS else term
        if len(base) >= _CASE_BASE and term[:1].isupper():
            out[base] = actor
    return out


def _case_of(word: str, inflected: Mapping[str, str]) -> str | None:
    """The actor of the defined term ``word`` is a case of ("Общества"), if any."""
    for base, actor in inflected.items():
        if word.startswith(base) and len(word) - len(base) <= _CASE_LETTERS:
            return actor
    return None


def _cores(named: Mapping[str, str]) -> dict[str, str]:
    """One-word pinyin cores of the discovered names ``named`` whose home or firm words,
    set aside, leave a name of two words or more ("Hanxing" for "Chongqing Hanxing
    Automobile Co., Ltd."), each to its actor; not a core two actors share, nor one that
    is itself a name."""
    actors: dict[str, set[str]] = {}
    for name, actor in named.items():
        core = _core(name)
        if core is not None and core not in named:
            actors.setdefault(core, set()).add(actor)
    return {core: found.pop() for core, found in actors.items() if len(found) == 1}


def _proper(doc: Doc, i: int) -> bool:
    """Is word ``i`` used as a name: tagged so, or a noun (as a tagger often takes an
    unknown word opening a sentence: "Hanxing denied it") never written in lower case
    here."""
    word = doc[i]
    return word.pos_ in ("PROPN", "X") or (
        word.pos_ == "NOUN" and not any(t.text == word.lower_ for t in doc)
    )


@functools.lru_cache(maxsize=4096)
def _core(name: str) -> str | None:
    """The pinyin core of a Chinese firm's name (``registry.chinese_core``), or None."""
    return chinese_core(name_forms(name, is_place_name))


def _open_after(doc: Doc, end: int) -> bool:
    """Does a capitalised word follow ``end``? A name's first words stand for it only
    where the name stops ("Kama Tianheng assembles", not "Kama Tianheng Motors")."""
    return end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha


def _phrases(discovered: Iterable[str], abbreviations: Mapping[str, str], actors) -> dict:
    """Word tuples of two or more words that name one actor: a discovered name, its
    first words (when no other name starts with them), and a short name the document
    defined in brackets ('("Kama Tianheng")'). Values: (actor, whole) - whole for all of a name."""
    whole: dict[tuple[str, ...], str] = {}
    starts: dict[tuple[str, ...], set[str]] = {}
    for name in discovered:
        words = tuple(name.split())
        if len(words) >= 2:
            whole[words] = name
            for k in range(2, len(words)):
                if words[k - 1][-1:] not in ",&-" and words[k - 1].lower() not in JOINS:
                    starts.setdefault(words[:k], set()).add(name)
    for short, actor in abbreviations.items():
        if len(short.split()) >= 2 and actor in actors:
            whole.setdefault(tuple(short.split()), actor)
    out = {w: (names.pop(), False) for w, names in starts.items() if len(names) == 1}
    out.update({w: (name, True) for w, name in whole.items()})
    return out


def held_names(
    doc: Doc,
    mentions: list[Mention],
    discovered: Iterable[str],
    abbreviations: Mapping[str, str],
    actors: Mapping[str, object],
) -> list[Mention]:
    """``mentions``, with a name the document discovered or defined earlier written
    again over shorter mentions it holds, as one mention of that actor: "Kama Tianheng
    assembles" after "Kama Tianheng Automotive LLC (Kama Tianheng)" is the venture, not
    the known "Kama" and a "Tianheng". A name's first words count when they stop
    before another capitalised word and no other name starts with them. The held name
    must cover every mention it touches, and hold one that is shorter than itself."""
    phrases = _phrases(discovered, abbreviations, actors)
    if not phrases or not mentions:
        return mentions
    longest = max(map(len, phrases))
    words = [t.text for t in doc]
    by_start = {m.start: m for m in mentions}
    held: list[Mention] = []
    i = 0
    while i < len(doc):
        match = None
        if i in by_start:
            for n in range(min(longest, len(doc) - i), 1, -1):
                found = phrases.get(tuple(words[i : i + n]))
                if found and (found[1] or not _open_after(doc, i + n)):
                    match = (found[0], i + n)
                    break
        if match is None:
            i += 1
            continue
        end = match[1]
        touched = [m for m in mentions if m.start < end and i < m.end]
        inside = all(i <= m.start and m.end <= end for m in touched)
        if inside and any(m.end - m.start < end - i and m.entity != match[0] for m in touched):
            held.append(Mention(match[0], i, end, doc[i:end].text, NAME))
        i = end
    if not held:
        return mentions
    spans = [(h.start, h.end) for h in held]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
    return sorted([*kept, *held], key=lambda m: (m.start, m.end))


__all__ = ["held_names", "mentioned_again"]
