"""Whether a cue states a fact: negations ("no plans to invest"), denials ("has denied
that it is in talks with", "denied a report ... that"), talks said to have failed ("sans
avoir rien signé", "n'ont pas abouti"), plans and possibilities ("plans to", "pourrait",
"It is likely that"), relations talks or a memorandum are about ("in talks about
assembling"), plants only planned, negotiated or being built ("construit une
usine"), relations of the past ("assemblait naguère", "produisait ... avant 2022"), and names
a speaker takes back ("à X - pardon, à Y") (see ``relations``, step 5).
Pure functions of a parsed sentence; the words are ``relations.yaml``'s grammar."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from spacy.tokens import Doc

from analysis.extraction.abbreviations import QUOTES
from analysis.extraction.actors import PLACE_TYPES, KnowledgeBase, Mention
from analysis.extraction.grammar import word_tuples
from analysis.extraction.relation_context import (
    GRAMMAR,
    PLANT_NOUNS,
    RELATIVE,
    Cue,
    earlier_version,
)
from analysis.extraction.relation_moods import (
    STRONG_NEGATIONS,
    THAT,
    conditional,
    near_future,
    negated_that,
    negation_before,
    split_negation,
    unconcluded,
)
from analysis.extraction.russian import CYRILLIC

#: Denials, and allegations and statements said to be wrong, which are read the same.
DENIALS = frozenset(GRAMMAR["denials"]) | frozenset(GRAMMAR["allegations"])
#: Denials alone: what a sentence denies is read against the folder's others.
PLAIN_DENIALS = frozenset(GRAMMAR["denials"])
CLAUSE_BREAKS = GRAMMAR["clause_breaks"]
#: How far before its cue a denial governs it.
DENIAL_REACH = 8


PLANNED = GRAMMAR["planned"]
CONSTRUCTION = GRAMMAR["construction"]
FORMERLY = GRAMMAR["formerly"]
#: Words before the year a relation ended ("avant 2022", "until 2021"), and how far
#: after its cue they are looked for.
UNTIL = frozenset(GRAMMAR["until"])
UNTIL_REACH = 12
#: After "until", a past without a year ("until last year", "jusqu'à l'an dernier").
RECENT_PAST = frozenset(GRAMMAR["recent_past"])
CEASING = frozenset(GRAMMAR["ceasing"])
TALK_VERBS = frozenset(GRAMMAR["talk_verbs"])
#: The relations a negotiation before their cue leaves unstated.
NEGOTIABLE = frozenset({"supply", "acquisition", "investment", "production", "ownership"})
CONTRACT_NOUNS = frozenset(GRAMMAR["contract_nouns"])
#: Phrases saying a contract ended, as lower-case word strings, and how many words after
#: the contract noun they are looked for.
CONTRACT_ENDED = tuple(p.lower() for p in GRAMMAR["contract_ended"])
ENDED_REACH = 5
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Where the year may stand after "until": within its next five words ("until the end
#: of 2023"; a slice's end).
YEAR_REACH = 6
ABOUT = GRAMMAR["about"]
#: "on", "sur", "о": what an agreement or a memorandum is about, not its purpose.
SUBJECT_OF = ABOUT - GRAMMAR["purpose"]
MODAL = GRAMMAR["modal"]
POSSESSIVES = GRAMMAR["possessives"]
INTENTION_NOUNS = frozenset(GRAMMAR["intention_nouns"])
ARRANGEMENT_NOUNS = frozenset(GRAMMAR["arrangement_nouns"])
#: The relations an agreement's infinitive arranges rather than states.
ARRANGED = frozenset({"production", "investment", "acquisition"})
#: How far before its cue an intention noun governs it (its infinitive phrase may be long).
INTENTION_REACH = 20
#: Conjunctions after which a sentence-opening modal governs the whole clause.
#: How far before its cue a modal word governs it ("plans to build a new plant").
MODAL_REACH = 6
#: How far before its cue an auxiliary in the conditional or the future governs it.
AUXILIARY_REACH = 12
NEGOTIATION_NOUNS = frozenset(GRAMMAR["negotiation_nouns"])
#: How far before its cue talks are looked for ("in talks about assembling an electric
#: version of the X7 in Y with battery packs from X": 14 words).
TALKED_OF_REACH = 20


#: French future and conditional endings: the tagger's Tense=Fut alone also takes
#: presents ("discute"), so the ending must agree.
FUTURE_ENDINGS = ("ra", "ras", "rai", "rons", "rez", "ront")
CONDITIONAL_ENDINGS = ("rait", "rais", "raient", "rions", "riez")
IMPERFECT_ENDINGS = ("ait", "aient")


def _reach(doc: Doc, start: int, end: int, words: int) -> int:
    """The index ``words`` words before ``end`` (not before ``start``), a compound split
    at its hyphens counted once ("will become an indirect non-wholly-owned subsidiary")."""
    i, counted = end, 0
    while i > start and counted < words:
        i -= 1
        joined = i + 1 < len(doc) and doc[i + 1].text in HYPHENS
        counted += doc[i].text not in HYPHENS and not joined
    return i


#: Hyphens the tokenizer splits a compound at.
HYPHENS = frozenset({"-", "‑"})


def _irrealis(token) -> bool:
    """A modal auxiliary (English tag MD: could, will, may) or a French verb in the
    conditional or the future ("pourrait", "fournira")."""
    if token.tag_ == "MD":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.text[:1].isupper() and token.i + 1 < len(token.doc):
        # A capitalised word before another is a name the tagger misread ("Talvera
        # Nickel", a future "talvera"), not a verb of the clause.
        nxt = token.doc[token.i + 1]
        if nxt.text[:1].isupper() and nxt.is_alpha:
            return False
    word = token.lower_
    if CYRILLIC.search(word):
        # Russian: slovnet tags the perfective's non-past ("запустит", "поставит") as
        # the future it is; "бы" marks the conditional ("поставил бы").
        return "Fut" in token.morph.get("Tense") or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "бы"
        )
    if word.endswith(("erait", "eraient")) and not word.endswith(("érait", "éraient")):
        # "chercherait", tagged an imperfect: an imperfect in "-erait" would need a stem
        # in "-er", and those are written "-érait" ("espérait", "opérait").
        return True
    return ("Cnd" in token.morph.get("Mood") and word.endswith(CONDITIONAL_ENDINGS)) or (
        "Fut" in token.morph.get("Tense") and word.endswith(FUTURE_ENDINGS)
    )


#: How far back the first of two coordinated infinitives may stand.
INFINITIVE_REACH = 12


def _first_infinitive(doc: Doc, cue: Cue, start: int) -> Cue | None:
    """For a cue in an infinitive coordinated with an earlier one ("to sell X or to exit
    Y", "de vendre X ou de quitter Y"), the earlier verb as a cue; else None."""
    k = cue.start - 1
    if (
        k - 1 < start
        or doc[k].lower_ not in ("to", "de", "d'")
        or doc[k - 1].lower_
        not in (
            "or",
            "and",
            "ou",
            "et",
        )
    ):
        return None
    for j in range(k - 2, max(start, k - INFINITIVE_REACH) - 1, -1):
        if doc[j].text in (";", ".", ":"):
            return None
        if doc[j].lower_ == doc[k].lower_ and j + 1 < k and doc[j + 1].pos_ in ("VERB", "AUX"):
            return Cue(cue.relation, j + 1, j + 2, doc[j + 1].text, cue.reverse)
    return None


def _modal(doc: Doc, cue: Cue, start: int) -> bool:
    """Is the cue a plan, a possibility or an expectation rather than a stated fact? A
    word of ``MODAL`` or an irrealis verb shortly before it in its clause, or the cue
    verb itself in the conditional or future ("X plans to acquire", "X pourrait
    fournir", "Y is expected to supply", "Z produira")."""
    if _irrealis(doc[cue.start]) or conditional(doc, cue, start):
        return True
    earlier = _first_infinitive(doc, cue, start)
    if earlier is not None and (_modal(doc, earlier, start) or _negated(doc, earlier, start)):
        return True  # "has no plans to sell X or to exit Russia": the first one's mood
    # "Il est possible que X signe ...", "It is likely that X will ...": the whole clause.
    that = next((t.i for t in doc[start : min(start + 5, cue.start)] if t.lower_ in THAT), None)
    if (
        that is not None
        and (
            any(t.lower_ in MODAL or _irrealis(t) for t in doc[start:that])
            or _hearsay(doc[start:that])
        )
        # (not into a relative clause: "..., qui produit déjà des X" is stated)
        and not any(
            doc[i].lower_ in RELATIVE and doc[i - 1].text == "," for i in range(that + 1, cue.start)
        )
    ):
        return True
    if _intended(doc, cue, start) or _talked_of(doc, cue, start) or _promised(doc, cue, start):
        return True
    # "увеличит мощность своего завода", "will expand its plant": a future verb says
    # what happens to a plant its owner already has (a plan word still cancels it).
    owned_plant = (
        cue.text.lower() in PLANT_NOUNS
        and cue.start > 0
        and doc[cue.start - 1].lower_ in POSSESSIVES
    )
    # "AvtoVAZ aurait envisagé en 2024 de partager une plateforme avec X": a French
    # auxiliary in the conditional or the future governs its whole clause, further back
    # (not an English modal: "a plant which would be built next to the X smelter").
    for t in reversed(doc[max(start, cue.start - AUXILIARY_REACH) : cue.start]):
        if t.is_punct and t.text not in ("'", "’", "-"):
            break
        if t.pos_ == "AUX" and t.tag_ != "MD" and _irrealis(t) and not owned_plant:
            return True
    negotiable = cue.relation in NEGOTIABLE
    for t in reversed(doc[_reach(doc, max(start, 0), cue.start, MODAL_REACH) : cue.start]):
        # (a share's sign is no break: "in talks to take a 10% stake in Y")
        if t.is_punct and t.text not in ("'", "’", "-", "«", "»", '"', "“", "”", "%"):
            return False
        if t.lower_ in HEARSAY:
            if _hearsay(doc[max(t.i - 3, 0) : t.i + 1]):
                return True
            continue
        if t.lower_ in MODAL or ((_irrealis(t) or near_future(t)) and not owned_plant):
            return True
        # (production: not a talk of the subject's other verb, "negotiates prices with
        # dealers and assembles crossovers in Tyumen")
        if negotiable and cue.relation == "production" and t.lower_ in COORDINATORS:
            negotiable = False
        if negotiable and t.lower_ in TALK_VERBS:  # "négocie avec X une licence"
            return True
    return False


#: Words of hearsay, and the first persons that make them a speaker's own.
HEARSAY = frozenset(GRAMMAR["hearsay"])
FIRST_PERSON = frozenset(GRAMMAR["first_person"])


def _hearsay(tokens) -> bool:
    """Do ``tokens`` hold a speaker's hearsay ("I had heard", "j'ai entendu"), not a
    court's or a third party's ("the court heard")?"""
    words = {t.lower_ for t in tokens}
    return bool(words & HEARSAY) and bool(words & FIRST_PERSON)


COORDINATORS = frozenset(GRAMMAR["coordinators"])


PROMISE_VERBS = frozenset(GRAMMAR["promise_verbs"])
PROMISE_TO = frozenset(GRAMMAR["promise_to"])
#: How many words may stand between a promise's verb and its "to" ("agreed in November
#: to sell"), and between that "to" and the cue ("s'est engagé à fournir des kits").
PROMISE_REACH = 4


def _promised(doc: Doc, cue: Cue, start: int) -> bool:
    """Is the cue a deal promised, not done ("has agreed to sell its plant to Y", "s'est
    engagé à fournir des kits à Y")? In its clause, with no finite verb between, an
    infinitive after "to"/"de"/"à" stands before it (or is it), and a verb of
    ``promise_verbs`` a few words before that "to". A partnership agreed is one."""
    if cue.relation == "partnership":
        return False
    floor = max(start, cue.start - PROMISE_REACH - 1)
    for i in range(cue.start - 1, floor - 1, -1):
        t = doc[i]
        if t.is_punct or "Fin" in t.morph.get("VerbForm"):
            return False
        if (
            t.lower_.replace("’", "'") in PROMISE_TO
            and i + 1 < len(doc)
            and (doc[i + 1].pos_ in ("VERB", "AUX") or i + 1 == cue.start)
        ):
            for u in reversed(doc[max(start, i - PROMISE_REACH) : i]):
                if u.is_punct:
                    return False
                if u.lower_ in PROMISE_VERBS:
                    return True
            return False
    return False


def _talked_of(doc: Doc, cue: Cue, start: int) -> bool:
    """Is the cue what talks or a memorandum are about ("in talks about assembling ...
    with packs from X", "signed a memorandum on deliveries to Y", "меморандум о
    поставках")? A noun of ``NEGOTIATION_NOUNS``, then a word of ``ABOUT``, stand before
    it in its clause, within :data:`TALKED_OF_REACH` words and with no punctuation
    (a name's quotes aside) or clause break between. The signatories' partnership is
    stated all the same."""
    if cue.relation == "partnership":
        return False
    about = False
    for t in reversed(doc[max(start, cue.start - TALKED_OF_REACH) : cue.start]):
        # (a name's quotes break no clause: "переговоры с «X» и ТОО «Y» о поставках")
        punct = t.is_punct and t.text not in ("'", "’", "-") and t.text not in QUOTES
        if punct or t.lower_ in CLAUSE_BREAKS:
            return False
        # ("a memorandum of understanding with X on deliveries to Y": the noun may stand
        # further back than its "on")
        if about and t.lower_ in NEGOTIATION_NOUNS:
            return True
        about = about or t.lower_ in ABOUT
    return False


def _intended(doc: Doc, cue: Cue, start: int) -> bool:
    """An intention noun with its infinitive ("une volonté de renforcer ... et de
    s'engager dans une coopération", "the wish to cooperate") before the cue, within
    :data:`INTENTION_REACH` words and no punctuation between: the relation is intended.
    So is a production, investment or acquisition an agreement's infinitive arranges
    ("signed a deal in Astana to assemble cars in X")."""
    # (an agreement's own infinitive only: "a contract to supply X from its smelter in
    # Y" arranges a supply, not the smelter)
    arranged = cue.relation in ARRANGED and doc[cue.start].pos_ == "VERB"
    nouns = INTENTION_NOUNS | (ARRANGEMENT_NOUNS if arranged else frozenset())
    for t in reversed(doc[max(start, cue.start - INTENTION_REACH) : cue.start]):
        if t.is_punct and t.text not in ("'", "’", "-"):
            return False
        if t.lower_ in nouns:
            # its infinitive follows within a few words ("la volonté du Maroc de coopérer")
            return any(u.lower_ in ("de", "d'", "d’", "to") for u in doc[t.i + 1 : t.i + 5])
    return False


def _object_of(doc: Doc, verb: int, noun: int) -> bool:
    """Only articles, adjectives, numbers, adverbs and compound nouns stand between the
    verb and the noun ("construit ainsi une usine", "is building a new battery plant")."""
    return all(u.pos_ in ("DET", "ADJ", "NUM", "NOUN", "ADV") for u in doc[verb + 1 : noun])


DUE = frozenset(GRAMMAR["due"])
DUE_LINKS = frozenset(GRAMMAR["due_links"])
#: How far after its plant noun a plant's due date may stand.
DUE_REACH = 12


def _due(doc: Doc, cue: Cue) -> bool:
    """Is the plant said due at a year ("annoncée pour 2027", "slated for 2028"), with
    no full stop or semicolon between?"""
    for t in doc[cue.end : min(len(doc) - 2, cue.end + DUE_REACH)]:
        if t.text in (";", "."):
            return False
        if (
            t.lower_ in DUE
            and doc[t.i + 1].lower_ in DUE_LINKS
            and YEAR.fullmatch(doc[t.i + 2].text) is not None
        ):
            return True
    return False


#: How far before its "on"/"sur" a plan's noun may stand for a noun of production.
AGREED_REACH = 25


def _planned(doc: Doc, cue: Cue, start: int) -> bool:
    """A plant that does not produce yet: the object of a construction verb ("construit
    une usine", "is building a plant"); a plant noun said due at a year after it
    ("annoncée pour 2027", :func:`_due`); or a plant noun (or a noun of production in the
    same phrase) with a word of ``PLANNED`` or a verb of talks within 8 words before it
    and no full stop or semicolon between ("signed a memorandum on a possible assembly
    plant near X", "discute avec X d'une usine"), or further back but tied to it by
    "on"/"sur" ("a memorandum of understanding with X on a ... plant in Y")."""
    if cue.relation != "production":
        return False
    # "construit une usine de cellules à X", "is building a new battery plant": the
    # plant is the verb's object (not "builds cars at its plant").
    if cue.text.lower() in CONSTRUCTION:
        return any(
            t.lower_ in PLANT_NOUNS and _object_of(doc, cue.start, t.i)
            for t in doc[cue.end : cue.end + 5]
        )
    # A plant noun, or a noun of production ("un site d'assemblage", "l'assemblage de"):
    # the latter only within its comma-delimited phrase.
    noun = cue.text.lower() not in PLANT_NOUNS
    if noun and doc[cue.start].pos_ != "NOUN":
        return False
    if not noun and _due(doc, cue):
        return True  # "la gigafactory de X à Y, annoncée pour 2027"
    for t in doc[max(start, cue.start - 5) : cue.start]:
        if t.lower_ in CONSTRUCTION and _object_of(doc, t.i, cue.start):
            return True
    comma = False
    for t in reversed(doc[max(start, cue.start - 8) : cue.start]):
        if t.text in (";", ".") or (noun and t.text == ","):
            return False
        comma = comma or t.text == ","
        # "discute avec X d'une usine", "négocie avec X un site d'assemblage" (not "X,
        # qui discute avec Y, a ouvert une usine")
        if t.lower_ in PLANNED or (t.lower_ in TALK_VERBS and not comma):
            return True
    if noun:
        # "An agreement between A and B (China) on the assembly of cars at Y": the
        # agreement's subject, however long its parties' names.
        k = cue.start - 1
        while k > start and doc[k].pos_ == "DET":
            k -= 1
        return k >= start and doc[k].lower_ in SUBJECT_OF and _agreed_on(doc, k, start)
    # "a memorandum of understanding with X on a spherical-graphite and anode plant":
    # the plan's noun further back, tied to the plant by "on"/"sur".
    about = [t.i for t in doc[max(start, cue.start - 8) : cue.start] if t.lower_ in ABOUT]
    if about and _agreed_on(doc, about[-1], start, 10, (";", ".", ",")):
        return True
    # ... or further still, by "on"/"sur" only ("an agreement between A and B, Ltd. on
    # the assembly of cars at the X plant of Y")
    about = [t.i for t in doc[max(start, cue.start - 12) : cue.start] if t.lower_ in SUBJECT_OF]
    return bool(about) and _agreed_on(doc, about[-1], start)


def _agreed_on(
    doc: Doc, about: int, start: int, reach: int = 0, stops: tuple[str, ...] = (";", ".")
) -> bool:
    """A word of ``PLANNED`` (a memorandum, an agreement, talks) before the "on"/"sur" at
    ``about``, within ``reach`` words (:data:`AGREED_REACH` by default) and no ``stops``
    between."""
    for t in reversed(doc[max(start, about - (reach or AGREED_REACH)) : about]):
        if t.text in stops:
            return False
        if t.lower_ in PLANNED:
            return True
    return False


def _earlier_version(doc: Doc, cue: Cue) -> bool:
    """Does a correction's "earlier version" stand before the cue in its sentence ("An
    earlier version of this article said X had acquired ...")? What it said is taken
    back."""
    return earlier_version([t.lower_ for t in doc[doc[cue.start].sent.start : cue.start]])


def denies(doc: Doc, cue: Cue, start: int) -> bool:
    """A plain negation of the cue: a strong negation within 3 words before it,
    determiners, adjectives and numbers aside ("has not bought", "n'a pas investi", "does
    not run a single factory"; not "ni", "sans", "avoided": ``weak_negations``), a French
    negation around it ("ne détient aucune": ``relation_moods.split_negation``), or a
    denial within 8 words in its clause ("has denied that it is in talks with"). What
    ``relation_denials`` reads against the folder's other sentences; ``_negated`` reads
    more as not stated, and a correction's earlier version may be wrong in a detail
    only ("an earlier version gave the stake as 49%")."""
    return (
        negation_before(doc, cue, start, STRONG_NEGATIONS)
        or split_negation(doc, cue, start)
        or _denial_before(doc, cue, start, PLAIN_DENIALS)
    )


def _denial_before(doc: Doc, cue: Cue, start: int, words: frozenset[str]) -> bool:
    for t in reversed(doc[max(start, cue.start - DENIAL_REACH) : cue.start]):
        if t.text in (".", ";", ":"):
            return False
        if t.lower_ in words:
            return True
    return False


def _negated(doc: Doc, cue: Cue, start: int) -> bool:
    """What ``denies`` reads, with any negation before the cue ("sans", "avoided direct
    investment": ``relation_moods.negation_before``), a correction's earlier version
    before it (``_earlier_version``), an allegation as well as a denial within 8 words in
    the same clause, a denial whose "that" clause holds the cue ("denied a report in the
    daily Z that it was buying"), a negated verb's "that" clause holding it
    (``relation_moods.negated_that``), or a statement after the cue that nothing was
    concluded (``relation_moods.unconcluded``)."""
    if _earlier_version(doc, cue) or negation_before(doc, cue, start):
        return True
    if split_negation(doc, cue, start) or _denial_before(doc, cue, start, DENIALS):
        return True
    # "dément que la future X repose sur une plateforme Y", "denied a report in the daily
    # Z that it was buying ...": the denied clause, however long.
    for t in reversed(doc[start : cue.start]):
        if t.text in (".", ";", ":", "«", '"'):
            break
        if t.lower_ in DENIALS:
            for u in doc[t.i + 1 : min(t.i + 1 + DENIAL_REACH, cue.start)]:
                if u.lower_ in CLAUSE_BREAKS or u.text in (";", ":"):
                    break
                if u.lower_ in THAT:
                    return True
    return negated_that(doc, cue, start) or unconcluded(doc, cue)


def _ended(doc: Doc, cue: Cue) -> bool:
    """A relation of the past: an adverb of ``formerly`` right before or after the cue
    ("assemblait naguère des camions", "qui livrait autrefois", "formerly supplied"), a
    verb of ``ceasing`` right before it ("a cessé ses livraisons", "stopped supplying"),
    the year it ended, or its contract said to have ended later in the sentence."""
    sent = doc[cue.start].sent
    # (after a plant noun, past its complement: "l'usine de X assemblait naguère")
    # ("производственную площадку в Димитровграде, ранее выпускавшую": a phrase's noun)
    reach = 5 if cue.text.lower().split()[-1] in PLANT_NOUNS else 2
    window = doc[max(sent.start, cue.start - 2) : min(sent.end, cue.end + reach)]
    words = [t.lower_ for t in window]
    pairs = {f"{a}{b}" if a.endswith("'") else f"{a} {b}" for a, b in itertools.pairwise(words)}
    return (
        any(w in FORMERLY for w in words)
        or bool(pairs & FORMERLY)
        or any(t.lower_ in CEASING for t in doc[max(sent.start, cue.start - 2) : cue.start])
        or _ended_by(doc, cue, sent.end)
        or _contract_ended(doc, cue, sent.end)
        or _closed(doc, cue)
    )


def _closed(doc: Doc, cue: Cue) -> bool:
    """A plant noun that is the object of a ``closure`` word within five words before it,
    with only articles, possessives, adjectives, numbers, proper names and "de"/"of"
    between ("la fermeture définitive de son usine", "closed its Kaluga plant"); or a
    partner or supplier noun the object of a ``loss`` word ("lost its Swedish partner")."""
    word = cue.text.lower()
    verbs = CLOSURE if word in PLANT_NOUNS else LOSS if word in LOST_NOUNS else None
    if verbs is None:
        return False
    start = max(doc[cue.start].sent.start, cue.start - 5)
    for t in reversed(doc[start : cue.start]):
        if t.lower_ in verbs:
            return True
        if not (t.pos_ in ("DET", "ADJ", "NUM", "PROPN") or t.lower_ in OF_CLOSURE):
            return False
    return False


CLOSURE = GRAMMAR["closure"]
LOSS = GRAMMAR["loss"]
LOST_NOUNS = GRAMMAR["lost_nouns"]
OF_CLOSURE = GRAMMAR["of_complement"] | POSSESSIVES


def _contract_ended(doc: Doc, cue: Cue, end: int) -> bool:
    """A contract said to have ended after the cue, in its sentence ("assembled buses
    from kits supplied by X; that contract ended last year", "ce contrat a pris fin"),
    or the cue's own contract noun ("a licence from X ran out")."""
    for t in doc[cue.end - 1 : end]:
        if t.lower_ in CONTRACT_NOUNS:
            window = doc[t.i + 1 : min(end, t.i + 1 + ENDED_REACH)]
            # (past the name of whose contract it is: "a licence from X Y Z ran out")
            stop = t.i + 1 + ENDED_REACH + sum(w.pos_ == "PROPN" for w in window)
            words = [w.lower_ for w in doc[t.i + 1 : min(end, stop)]]
            text = " " + " ".join(words) + " "
            if any(f" {phrase} " in text for phrase in CONTRACT_ENDED):
                return True
    return False


def _ended_by(doc: Doc, cue: Cue, end: int) -> bool:
    """A past verb, the cue or just before it, with the year the relation ended ("qui
    produisait des BMW et des Kia avant 2022", "supplied kits to X until 2021"); a
    present one is a running contract ("fournit ... jusqu'en 2030"). A plant noun's
    verb before it speaks for it ("assemblait jusqu'en 2024 des camionnettes dans une
    usine de Kokand")."""
    if cue.text.lower() in PLANT_NOUNS:
        verb = _verb_before(doc, cue.start)
        if verb is not None:
            cue = Cue(cue.relation, verb, verb + 1, doc[verb].text, cue.reverse)
    # (the French tagger takes imperfects for conditionals: the ending says it)
    if not any(
        t.pos_ in ("VERB", "AUX")
        and (
            t.tag_ in ("VBD", "VBN")
            or t.lower_.endswith(IMPERFECT_ENDINGS)
            or "Imp" in t.morph.get("Tense")
            # (not a finite "-it" form: "fournit", "produit" are presents as well as
            # passés simples, and the tagger calls them past)
            or (
                "Past" in t.morph.get("Tense")
                and not ("Fin" in t.morph.get("VerbForm") and t.lower_.endswith("it"))
            )
        )
        for t in doc[max(doc[cue.start].sent.start, cue.start - 2) : cue.start + 1]
    ):
        return False
    after = doc[cue.end : min(end, cue.end + UNTIL_REACH)]
    # (within the cue's clause: "X a quitté la Russie ; il livrait Y jusqu'en 2022")
    stop = next((t.i for t in after if t.lower_ in GRAMMAR["clause_breaks"]), after.end)
    after = doc[cue.end : stop]
    # ... or opening the sentence: "Until 2022, X built its packs from cells supplied by Y"
    # (not a relative clause's: "Before 2022 X assembled under a licence from Y, which
    # withdrew from Russia that year")
    sent = doc[cue.start].sent.start
    # (or the cue's clause: "X has no plant in Russia; until 2023 its cars were
    # assembled by Y")
    breaks = [t.i + 1 for t in doc[sent : cue.start] if t.lower_ in GRAMMAR["clause_breaks"]]
    opening = [
        t
        for first in (sent, *breaks[-1:])
        for t in doc[first : min(first + 2, cue.start)]
        if t.lower_ in UNTIL
    ]
    # (a relative word of an earlier clause is not the cue's: "X said that it has no
    # plant in Russia; until 2023 ...")
    clause_start = (breaks or [sent])[-1]
    relatives = [t.i for t in doc[clause_start : cue.start] if t.lower_ in GRAMMAR["relative"]]
    if relatives:
        # ... or opening the relative clause the cue is in ("на площадке, где до 2023
        # года X выпускала кабины")
        # (not one of a relative clause with a verb of its own: "Renault, which
        # controlled AvtoVAZ until 2022, left Russia", "l'usine qu'exploitait jusqu'en
        # 2022 X a été rachetée")
        clause = doc[relatives[-1] + 1 : cue.start]
        own = any(u.is_punct or u.pos_ == "VERB" for u in clause)
        opening = [t for t in clause if t.lower_ in UNTIL and not own][:1]
    return any(
        t.lower_ in UNTIL
        and t.i + 1 < end
        and (
            # (the French tokenizer splits "jusqu'" from "en"/"à": "jusqu'en 2021"; a
            # year may be part of a word or follow a few: "until mid-2024", "until the
            # end of 2023")
            any(YEAR.search(w.text) for w in doc[t.i + 1 : min(end, t.i + YEAR_REACH)])
            # "until last year", "jusqu'à l'an dernier", "until recently"
            or any(w.lower_ in RECENT_PAST for w in doc[t.i + 1 : min(end, t.i + 5)])
        )
        for t in [*opening, *after]
    )


#: How far before a plant noun its clause's verb may stand.
VERB_REACH = 10


def _verb_before(doc: Doc, i: int) -> int | None:
    """The nearest verb before token ``i`` in its clause (no punctuation between)."""
    for t in reversed(doc[max(doc[i].sent.start, i - VERB_REACH) : i]):
        if t.is_punct:
            return None
        if t.pos_ == "VERB":
            return t.i
    return None


#: Phrases that take back the name before them, as word tuples (module docstring).
RETRACTIONS = word_tuples("retractions")
#: How many tokens after the name a retraction may start (dashes, commas, an ellipsis).
RETRACTION_REACH = 3


#: How far after a name taken back the name that replaces it may start.
CORRECTION_REACH = 12


def corrected(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` (in text order) with each name taken back replaced, at its place, by
    the next name of the same kind after the retraction ("at its plant in X - apologies,
    I misspoke - at Y": Y where X stood), or left out when none follows."""
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    used: set[int] = set()
    for i, m in enumerate(mentions):
        if i in used:
            continue
        if not retracted(doc, m.start, m.end):
            out.append(m)
            continue
        place = kb.actors[m.entity].type in PLACE_TYPES
        k = next(
            (
                k
                for k in range(i + 1, len(mentions))
                if mentions[k].start - m.end <= CORRECTION_REACH
                and (kb.actors[mentions[k].entity].type in PLACE_TYPES) == place
            ),
            None,
        )
        if k is not None:
            used.add(k)
            out.append(replace(mentions[k], start=m.start, end=m.end))
    return out


def retracted(doc: Doc, start: int, end: int) -> bool:
    """Is the name ``doc[start:end]`` taken back right after it ("in Ust-Kamenogorsk -
    apologies, I misspoke - at Kostanay", "à Samarcande… pardon, je me trompe")? A
    phrase of ``retractions`` opens within :data:`RETRACTION_REACH` tokens after it."""
    sent_end = doc[start].sent.end
    j = end
    while j < min(sent_end, end + RETRACTION_REACH) and doc[j].is_punct:
        j += 1
    if j == end or j >= sent_end:
        return False  # (a retraction is set off by punctuation)
    words = tuple(t.lower_ for t in doc[j : min(sent_end, j + 8)] if not t.is_punct)
    return any(words[: len(p)] == p for p in RETRACTIONS)


#: Verbs that take over a firm or resume an activity; followed shortly by one of
#: ``RESUMED`` they resume it.
RESUMING = frozenset(GRAMMAR["resuming"])
RESUMED = frozenset(GRAMMAR["resumed"])
RESUMED_REACH = 4


def resumed(doc: Doc, end: int) -> bool:
    """Does an activity noun follow the cue ending at ``end`` within ``RESUMED_REACH``
    tokens of its sentence, before any name ("a repris lundi l'assemblage")?"""
    stop = min(doc[end - 1].sent.end, end + RESUMED_REACH)
    for t in doc[end:stop]:
        if t.lower_ in RESUMED:
            return True
        if t.pos_ == "PROPN":
            return False
    return False
