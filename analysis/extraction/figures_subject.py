"""The actor a figure is about (:func:`assign_subject`), without a parse.

Both languages' cue lists of ``figures.yaml`` are used at once: the function is given
no language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from analysis.extraction.coreference import anaphoric_phrases, impersonal_openers
from analysis.extraction.figures_clauses import _attributions
from analysis.extraction.figures_extract import Figure, extract_figures
from analysis.extraction.figures_lexicon import (
    _SP,
    _alternation,
    _both,
    _by_lang,
    _compile,
    _key,
    _lexicon,
    _raw_lexicon,
    supported_languages,
)
from analysis.extraction.figures_table import TableRow, table_row

Actor = tuple[str, int, int]


@dataclass(frozen=True)
class _Patterns:
    """Compiled subject cues of every language."""

    weak_before: re.Pattern[str]
    anaphor: re.Pattern[str]
    possessive: re.Pattern[str]
    impersonal: re.Pattern[str]
    starter: re.Pattern[str]
    opener: re.Pattern[str]
    respectively: re.Pattern[str]
    joined: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    article = rf"(?:(?:le|la|les|l['’]|the){_SP}*)?"
    weak = _alternation(_both("locative_prepositions") + _both("oblique_prepositions"))
    clause_words = _alternation(_both("clause_conjunctions"))
    coordinators = _alternation(_both("coordinators"))
    return _Patterns(
        weak_before=_compile(rf"{weak}{_SP}+{article}$"),
        anaphor=_compile(_alternation(anaphoric_phrases())),
        possessive=_compile(
            rf"(?:^|[,;:(—–]|{clause_words}){_SP}*{_alternation(_both('possessive_subjects'))}"
        ),
        impersonal=_compile(_alternation(impersonal_openers())),
        starter=_compile(_alternation(_both("subject_starters"))),
        opener=_compile(rf"\W*{_alternation(_both('subjectless_openers'))}"),
        respectively=_compile(_alternation(_both("respectively"))),
        joined=_compile(rf"\s*(?:,\s*{coordinators}|,|{coordinators})\s*"),
    )


def assign_subject(
    figure: Figure,
    sentence: str,
    actors: list[Actor],
    *,
    context: Sequence[str] = (),
) -> str:
    """The actor a figure is about, or ``""``.

    ``actors`` are ``(canonical name, start, end)`` spans found in the same sentence;
    ``context`` the candidate subjects from the document around it, best first (the
    subject or actors of the previous sentence of the paragraph, then the document's main
    actor). Rules (no parse needed), first match wins:

    1. **Table row** (``Haval — ventes 2024 (unités) : 170 000 ; ...``): the actor
       named in the row's first cell; a first cell that is only a year or number takes
       the first context subject; any other first cell gives ``""``.
    2. **Coordination** with ``respectivement`` / ``respectively``: the n-th figure of
       an enumeration (``100 000 et 80 000``) goes to the n-th of as many coordinated
       actors (``BYD et Chery``).
    3. The nearest actor *before* the figure that is not a place or partner complement,
       then the nearest such actor *after* it (``500,000 cars ... built by Tesla``) but
       not beyond a strong boundary (``40 000 voitures, contre 30 000 pour Chery``).
    4. **Context fallback**: when no actor can be the subject, the first context subject
       if the sentence's own subject is an anaphor (``Il``, ``Celui-ci``, ``Le groupe``,
       ``It``, ``The company``, ``Ses ventes``, ``Its output``; not an impersonal ``il y
       a`` / ``it is estimated``) or is missing (``Objectif : 100 000 véhicules``,
       ``Expected to reach ...``) while the sentence names no place either.
    5. The nearest place or partner complement before, then after (``En Russie, les
       ventes ...``).

    Sources are never subjects (``selon Reuters``, ``, a indiqué Voltalia``), nor are
    actors inside a relative clause that does not hold the figure (``Kamaz, qui a signé
    avec Renault, produit ...`` gives Kamaz). A place or partner complement is an actor
    right after a locative or oblique preposition (``à Pékin``, ``in Mexico``, ``avec
    Chery``, ``to Tesla``).
    """
    pats = _patterns()
    row = table_row(sentence)
    if row and figure.start >= row.head[1]:
        return _row_subject(row, sentence, actors, context)
    sources = _source_spans(sentence)
    usable = [a for a in actors if not any(s <= a[1] and a[2] <= e for s, e in sources)]

    def weak(actor: Actor) -> bool:
        return pats.weak_before.search(sentence, max(0, actor[1] - 30), actor[1]) is not None

    if subject := _coordinated(figure, sentence, [a for a in usable if not weak(a)]):
        return subject
    before = [a for a in usable if a[2] <= figure.start and not _in_relative(a, figure, sentence)]
    before.sort(key=lambda a: -a[2])
    after = sorted((a for a in usable if a[1] >= figure.end), key=lambda a: a[1])
    after = [a for a in after if not _strong_boundary(sentence, figure.end, a[1])]
    strong = [a for a in before if not weak(a)] + [a for a in after if not weak(a)]
    if strong:
        return strong[0][0]
    ranked = before + after
    if context and (
        _anaphoric(sentence, figure.start) or (not ranked and _subjectless(sentence, figure))
    ):
        return context[0]
    return ranked[0][0] if ranked else ""


def _source_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of source phrases (``selon Reuters``, ``, a indiqué Voltalia``)."""
    spans = []
    for lang in supported_languages():
        found = _attributions(sentence, _lexicon(lang))
        spans += [(s, e) for _, s, e, is_source in found if is_source]
    return spans


def _strong_boundary(sentence: str, start: int, end: int) -> bool:
    """A strong clause boundary (``;``, ``contre``, ``while``...) between two offsets."""
    text = sentence[start:end]
    return any(_lexicon(lang).strong_boundary.search(text) for lang in supported_languages())


_RELATIVE = re.compile(r",\s*(?:qui|que|qu['’]|dont|which|who)\b[^,]*,")


def _in_relative(actor: Actor, figure: Figure, sentence: str) -> bool:
    """Is the actor inside a ``, qui ... ,`` clause that does not hold the figure?"""
    for m in _RELATIVE.finditer(sentence):
        if m.start() <= actor[1] < m.end() and not m.start() <= figure.start < m.end():
            return True
    return False


def continues_speaker(sentence: str, figure: Figure) -> bool:
    """Does the figure's clause open with an anaphoric subject ("Il espère ..."), so that
    it may continue what the previous sentence reported ("Kamaz a déclaré ...")?"""
    return _anaphoric(sentence, figure.start)


def _anaphoric(sentence: str, end: int) -> bool:
    """Is there an anaphoric subject before ``end`` (``Il``, ``Le groupe``, ``Ses``)?"""
    pats = _patterns()
    relatives = [m.span() for m in _RELATIVE.finditer(sentence)]
    for m in pats.anaphor.finditer(sentence, 0, end):
        inside = any(a <= m.start() < b and not a <= end < b for a, b in relatives)
        if not inside and not pats.impersonal.match(sentence, m.start()):
            return True
    return pats.possessive.search(sentence, 0, end) is not None


def _subjectless(sentence: str, figure: Figure) -> bool:
    """Does the figure's sentence lack a subject (``Objectif : ...``, ``Expected to ...``)?"""
    pats = _patterns()
    prefix = sentence[: figure.start]
    for lang in supported_languages():
        if m := _lexicon(lang).approx_before.search(prefix):
            prefix = prefix[: m.start()]
    if pats.starter.search(prefix):
        return False
    return prefix.rstrip().endswith(":") or pats.opener.match(prefix) is not None


def _row_subject(row: TableRow, sentence: str, actors: list[Actor], context: Sequence[str]) -> str:
    """Subject of a figure in a table row: the head's actor (see :func:`assign_subject`)."""
    inside = sorted((a for a in actors if row.head[0] <= a[1] and a[2] <= row.head[1]),
                    key=lambda a: a[1])  # fmt: skip
    if inside:
        return inside[0][0]
    head = sentence[row.head[0] : row.head[1]]
    if context and not re.search(r"[^\W\d_]", head):
        return context[0]  # "2024 — ventes : ...": the table's own actor
    return ""


def _coordinated(figure: Figure, sentence: str, actors: list[Actor]) -> str:
    """The n-th coordinated actor for the n-th figure of a 'respectively' enumeration."""
    pats = _patterns()
    cue = pats.respectively.search(sentence)
    if not cue or len(actors) < 2:
        return ""
    lang = _cue_language(_key(cue.group(0)))
    group: list[Figure] = []
    for fig in extract_figures(sentence, lang):
        if group and pats.joined.fullmatch(sentence, group[-1].end, fig.start):
            group.append(fig)
        elif figure.start in {f.start for f in group}:
            break
        else:
            group = [fig]
    starts = [f.start for f in group]
    if len(group) < 2 or figure.start not in starts:
        return ""
    if cue.start() >= group[-1].end:
        gap = cue.start() - group[-1].end
    else:
        gap = group[0].start - cue.end()
    if not 0 <= gap <= 40:
        return ""
    chains = _chains(sorted(actors, key=lambda a: a[1]), sentence)
    fitting = [c for c in chains if len(c) == len(group)]
    fitting.sort(key=lambda c: (c[-1][2] > group[0].start, abs(group[0].start - c[-1][2])))
    return fitting[0][starts.index(figure.start)][0] if fitting else ""


def _cue_language(word: str) -> str:
    """The language whose 'respectively' list holds a cue word."""
    for lang in supported_languages():
        if word in {_key(w) for w in _by_lang(_raw_lexicon(), "respectively", lang)}:
            return lang
    return supported_languages()[0]


def _chains(actors: list[Actor], sentence: str) -> list[list[Actor]]:
    """Runs of actors joined by commas and coordinators (``Geely, Haval et Changan``)."""
    chains: list[list[Actor]] = []
    for actor in actors:
        if chains and _patterns().joined.fullmatch(sentence, chains[-1][-1][2], actor[1]):
            chains[-1].append(actor)
        else:
            chains.append([actor])
    return [c for c in chains if len(c) > 1]
