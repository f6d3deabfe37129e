"""Who a production cue's subject is when a joint venture is named with it: the venture,
not its parents ("СП группы X и Y собирает", "a joint venture of X and Y assembles",
"X, the Tianlu joint venture that assembles"), and not a preposition's complement ("Owns
40% of VTA and ships it kits from its plant"). Pure functions of a parsed sentence and
its mentions, used by ``relation_production``."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import Mention
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import JV_WORDS, RELATIVE, WITH, Cue
from analysis.extraction.relation_rules import POSSESSIVES


def venture_between(doc: Doc, firm: Mention, cue: Cue) -> bool:
    """A joint-venture noun that a possessive or "with" ties to ``firm`` stands between
    it and the cue verb, in one clause ("its joint venture with Y had assembled", "sa
    coentreprise avec Y assemble"): the venture, not the firm, is the subject; and so
    when the firm is the venture's partner ("its joint venture with China's Y")."""
    lead = doc[max(firm.start - 4, 0) : firm.start]
    partner = [t.i for t in lead if t.lower_ in WITH]
    if partner and partner[-1] > 0 and doc[partner[-1] - 1].lower_ in JV_WORDS:
        return True
    for t in doc[firm.end : cue.start]:
        if t.text in (";", ":"):
            return False
        # (not "X, Y's joint venture with Z, builds": an apposition of the subject)
        if t.lower_ in JV_WORDS and any(u.pos_ in ("VERB", "AUX") for u in doc[firm.end : t.i]):
            before = doc[max(t.i - 3, firm.end) : t.i]
            after = doc[t.i + 1 : t.i + 2]
            k = t.i + 1
            while k < cue.start and doc[k].lower_ in ("partner", "partners", "partenaire"):
                k += 1
            if k < cue.start and doc[k].is_title and doc[k].lower_ not in WITH:
                return False  # a named venture or partner ("its joint venture partner Y")
            return any(u.lower_ in POSSESSIVES or u.text in ("'s", "’s") for u in before) or (
                any(u.lower_ in WITH for u in after)
            )
    return False


QUOTE_MARKS = GRAMMAR["opening_quotes"]
SET_OFF = GRAMMAR["set_off"]
#: How many words may open a venture's apposition before its noun ("the Tianlu joint").
VENTURE_OPENING = 4


COMPLEMENT_MARKERS = GRAMMAR["complement_markers"]


def complement(doc: Doc, m: Mention) -> bool:
    """Is ``m`` a preposition's complement ("Owns 40% of VTA", "для ИТМ"), not a subject?"""
    before = doc[m.start - 1] if m.start > doc[m.start].sent.start else None
    # (not a passive's agent, "livrés par Gotion depuis son usine", nor "belongs to X,
    # which supplies it from its plant")
    return before is not None and before.lower_ in COMPLEMENT_MARKERS


#: How many words may stand between a joint-venture noun and a parent it names.
VENTURE_REACH = 8


def venture_member(doc: Doc, m: Mention) -> bool:
    """``m`` is a parent named in a joint-venture noun's complement, in the same clause
    ("СП группы «Сармат» и китайской X", "a joint venture of X and Y", "la coentreprise
    de A, B et C", "X — совместное предприятие «A» и B"), or qualifying it ("the Tianlu
    joint venture that assembles")."""
    if m.end < len(doc) and doc[m.end].lower_ in JV_WORDS:
        return True
    lead = doc[max(m.start - VENTURE_REACH, doc[m.start].sent.start) : m.start]
    for t in reversed(lead):
        if t.lower_ in JV_WORDS or (t.lower_ == "предприятие" and doc[t.i - 1].lower_ in JV_WORDS):
            # (not the venture's own name right after it, "la coentreprise BelJi",
            # unless the noun is itself an apposition: "X — совместное предприятие «A»")
            phrase = t.i - 1 if t.lower_ == "предприятие" else t.i
            apposed = phrase > 0 and doc[phrase - 1].text in ("—", "–", ",")
            # (nor the name set off after it: "Geely's Belarusian venture, BelGee, builds")
            between = doc[t.i + 1 : m.start]
            return apposed or any(u.text not in QUOTE_MARKS | SET_OFF for u in between)
        if t.pos_ in ("VERB", "AUX", "PRON") or t.text in (";", ":", "—", "–"):
            return False
    return False


def named_venture(doc: Doc, start: int, end: int, firms: list[Mention], cue: Cue) -> Mention | None:
    """The venture whose parent ``m`` is named: the name the venture noun is set off
    from ("X — совместное предприятие A и B — выпускает", "ACC, coentreprise de A et B"),
    or a name set off after the parents ("СП A и B — ООО «X» — выпустило"); ``start`` and
    ``end`` are the parent's (or the venture noun's) span."""
    before = [f for f in firms if f.end <= start and f.start >= doc[start].sent.start]
    for f in reversed(before):
        k = f.end
        while k < len(doc) and doc[k].text in ("»", '"', "”", ")"):
            k += 1
        if k < len(doc) and doc[k].text in SET_OFF and _venture_phrase(doc, k + 1, end):
            return f
    return next((f for f in firms if end < f.start < cue.start and _set_off(doc, f)), None)


def _venture_phrase(doc: Doc, start: int, end: int) -> bool:
    """Does a venture noun open ``doc[start:end]``, past determiners, adjectives and
    names ("the Tianlu joint venture", "coentreprise de", "совместное предприятие")?"""
    for t in doc[start : min(end, start + VENTURE_OPENING)]:
        if t.lower_ in JV_WORDS:
            return True
        if t.pos_ not in ("DET", "ADJ", "PROPN", "NUM", "PART") and t.text not in QUOTE_MARKS:
            return False
    return False


def venture_relative(doc: Doc, cue: Cue, firms: list[Mention]) -> Mention | None:
    """The named venture of a relative clause the cue opens on a venture noun ("X, the
    Tianlu joint venture that assembles", "X, la coentreprise qui assemble")."""
    k = cue.start - 1
    while k > 0 and doc[k].pos_ in ("ADV", "AUX"):
        k -= 1
    if k < 1 or doc[k].lower_ not in RELATIVE or doc[k - 1].lower_ not in JV_WORDS | {"venture"}:
        return None
    noun = k - 1
    while noun > 0 and doc[noun - 1].lower_ in JV_WORDS:
        noun -= 1
    return named_venture(doc, noun, k, firms, cue)


def _set_off(doc: Doc, m: Mention) -> bool:
    """``m`` follows a dash or a comma, possibly past a legal form and an opening quote."""
    k = m.start - 1
    while k > 0 and (doc[k].text in QUOTE_MARKS or doc[k].pos_ in ("PROPN", "NOUN")):
        k -= 1
    return doc[k].text in ("—", "–", ",")
