"""Rules around places: production at a place, plants sold (and the seller's exit), who
leaves a country, and brands assembled by another firm (see ``relations`` for the
method)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.descriptors import load_lexicon
from analysis.extraction.relation_context import (
    AGENT,
    BOUGHT,
    GENITIVE,
    GRAMMAR,
    JV_WORDS,
    LOCATIVE,
    PLACE_WINDOW,
    PLANT_NOUNS,
    PLANT_OF,
    SALE,
    TO,
    UNKNOWN,
    WINDOW,
    WITH,
    Cue,
    _coordinated,
    _dist,
    _goods_name,
    _is_country,
    _is_place,
    _nearest,
    _possessive,
)
from analysis.extraction.relation_modality import _modal, _negated
from analysis.extraction.relation_rules import (
    MARKETS,
    OF_WORDS,
    POSSESSIVES,
    _reduced_participle,
)


def _sales(
    doc: Doc, start: int, end: int, parts: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, Cue, str]]:
    """ "X a vendu son usine de Kalouga à Z", "X sold its stake in Y to Z": Z acquires
    what is named between the verb and "à"/"to" (a plant's place, a firm)."""
    out = []
    for i in range(start, end):
        if doc[i].lower_ not in SALE:
            continue
        to = next(
            (j for j in range(i + 1, min(end, i + 1 + 2 * WINDOW)) if doc[j].lower_ in TO), None
        )
        if to is None:
            continue
        named = [m for m in parts if m.entity != UNKNOWN]
        buyer = next((m for m in named if to < m.start <= to + 4), None)
        goods = [m for m in named if i < m.start < to and kb.actors[m.entity].type != "country"]
        if buyer is None or not goods:
            continue
        cue = Cue("acquisition", i, i + 1, doc[i].text, False)
        if _negated(doc, cue, start) or _modal(doc, cue, start):
            continue  # "dément avoir cédé ... à Z", "could sell its plant to Z"
        out.append((buyer.entity, goods[0].entity, cue, "sale"))
        # The seller of a plant leaves its country ("Volkswagen a vendu son usine de
        # Kalouga à Avilon"): the nearest firm before the verb, in the same clause.
        sellers = [
            m
            for m in named
            if m.end <= i
            and not _is_place(m, kb)
            and m.kind != ADJECTIVE
            and not any(t.text == ";" for t in doc[m.end : i])
        ]
        if sellers and _is_place(goods[0], kb):
            exit_cue = Cue("exit", i, i + 1, doc[i].text, False)
            out.append((sellers[-1].entity, goods[0].entity, exit_cue, "sale"))
    return out


#: Words that open an infinitive or gerund clause ("avant de quitter", "before leaving").
NONFINITE_LEADS = frozenset(
    ("avant", "before", "after", "en", "pour", "sans", "après", "avoir", "having", "then")
)


def _shares_subject(doc: Doc, m: Mention, cue: Cue) -> bool:
    """Is the cue a verb coordinated after ``m``'s clause with no subject of its own
    ("... to Y in 2023 and left", "... à Y, puis a quitté")? Only auxiliaries and
    adverbs stand between the "and"/"et" and the cue."""
    # "... à Z, avant de quitter la Russie", "before leaving", "en quittant": an
    # infinitive or gerund clause has the main clause's subject.
    lead = [t.lower_ for t in doc[max(cue.start - 3, m.end) : cue.start] if t.text != ","]
    if lead and set(lead) & NONFINITE_LEADS and set(lead) <= NONFINITE_LEADS | {"de", "d'"}:
        return True
    joint = next(
        (i for i in range(cue.start - 1, m.end - 1, -1) if doc[i].lower_ in ("and", "et", "puis")),
        None,
    )
    return joint is not None and all(
        t.pos_ in ("AUX", "ADV") or t.lower_ == "puis" for t in doc[joint + 1 : cue.start]
    )


def _leavers(doc: Doc, here: list[Mention], cue: Cue, kb: KnowledgeBase) -> list[Mention]:
    """Who leaves: the firm the cue's complement names ("le départ de Renault", "après le
    retrait de X"), else the nearest firm before the exit cue and those coordinated with
    it ("McDonald's et Starbucks ... pour quitter"). Firms further on belong to another
    clause ("X leaves as Y moves in")."""
    firms = [m for m in here if m.entity != UNKNOWN and not _is_place(m, kb)]
    before = [m for m in firms if m.end <= cue.start]
    after = [m for m in firms if m.start >= cue.end]
    # "après le retrait de X de Russie", "the exit of X": the cue's complement leaves.
    named = _nearest(after, cue, window=3)
    if named is not None and all(t.lower_ in GENITIVE for t in doc[cue.end : named.start]):
        return [m for m in _coordinated(doc, named, after) if m.entity != UNKNOWN]
    first = _nearest(before, cue)
    if first is not None and _shares_subject(doc, first, cue):
        # "X sold its plant to Y in 2023 and left Russia": the clause's subject leaves.
        first = before[0]
    if first is not None:
        return [m for m in _coordinated(doc, first, before) if m.entity != UNKNOWN]
    # "le départ de Renault", "the exit of Ford": only a firm the cue's complement names.
    first = _nearest(after, cue, window=3)
    if first is not None and all(t.lower_ in GENITIVE for t in doc[cue.end : first.start]):
        return [m for m in _coordinated(doc, first, after) if m.entity != UNKNOWN]
    return []


def _production(
    doc: Doc, parts: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    introducers = LOCATIVE | (PLANT_OF if cue.text.lower() in PLANT_NOUNS else frozenset())
    places = [
        m
        for m in after
        if m.entity != UNKNOWN
        and _is_place(m, kb)
        and m.start - cue.end <= PLACE_WINDOW
        and any(t.lower_ in introducers for t in doc[max(m.start - 3, cue.end) : m.start])
        and not (m.kind == ADJECTIVE and doc[m.start - 1].lower_ in MARKETS)
        # "la production ... sur des lignes achetées en Chine": another verb's place.
        and not any(
            t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") for t in doc[cue.end : m.start]
        )
    ]
    if not places:
        # "son usine de Togliatti" named as a plant of the knowledge base: that plant.
        places = [
            m
            for m in parts
            if m.entity != UNKNOWN and _is_place(m, kb) and m.start <= cue.start < m.end
        ]
    if not places and cue.text.lower() in PLANT_NOUNS:
        # "its Moscow plant", "Great Wall Motor's Tula plant", "its Vidalia anode plant":
        # a place right before it, or one common noun before it.
        places = [
            m
            for m in parts
            if m.entity != UNKNOWN
            and _is_place(m, kb)
            and m.kind != ADJECTIVE
            and (
                m.end == cue.start
                or (m.end == cue.start - 1 and doc[m.end].pos_ == "NOUN" and doc[m.end].is_lower)
            )
        ]
    if not places:
        # "In Jizzakh, ADM Jizzakh assembles ...": a place opening the sentence.
        places = [
            m
            for m in parts
            if m.entity != UNKNOWN
            and m.end <= cue.start
            and _is_place(m, kb)
            and m.start > 0
            and doc[m.start - 1].lower_ in LOCATIVE
            and m.start - doc[m.start].sent.start <= 8
            and m.end < len(doc)
            and doc[m.end].text == ","
        ]
        places = places[:1]
    if not places:
        return []
    first = min(places, key=lambda m: m.start)
    targets = _coordinated(doc, first, places, LOCATIVE)
    # "at X, in the Y region": the region says where the town X is; it is no second
    # site (but "en Russie, dans la région de Y" is more precise than the country).
    if not _is_country(first, kb):
        targets = [first] + [t for t in targets if t is not first and not _region_of(doc, first, t)]
    names = {t.entity for t in targets}
    others = [m for m in parts if m.entity not in names]
    # A firm produces; a country is the producer only when no firm is at hand and it
    # is not itself a place where things are made ("La Chine souhaite produire ... au
    # Kazakhstan", but not "produit au Brésil et en Hongrie").
    firms = [m for m in others if m.kind == UNKNOWN or (m.entity and not _is_place(m, kb))]
    # "assembles Geely kits", "Chery models": a name qualifying goods is no producer.
    firms = [m for m in firms if not _goods_name(doc, m)]
    states = [
        m
        for m in others
        if m.entity
        and _is_country(m, kb)
        # "cars for the Russian market" make nothing there; "une initiative chinoise" may.
        and not (
            m.kind == ADJECTIVE
            and any(t.lower_ in OF_WORDS for t in doc[max(m.start - 3, 0) : m.start])
        )
        and m.end <= cue.start
        and not any(
            t.lower_ in LOCATIVE or t.text == "," for t in doc[max(m.start - 2, 0) : m.start]
        )
        and not _possessive(doc, m)  # "Russia's first gigafactory" says where, not who
    ]
    # The firm before the cue (its subject), within a clause's reach; else one after it
    # introduced as the agent ("assemblés par BelGee", "built by X").
    before = [m for m in firms if m.end <= cue.start and not _possessive(doc, m)]
    # After the cue: an agent ("assemblés par BelGee"), or a plant's owner ("l'usine
    # Hyundai", "the plant of X").
    plant = cue.text.lower() in PLANT_NOUNS
    agents = [
        m
        for m in firms
        if m.start >= cue.end
        and (
            # "assemblés par X", not "châssis livrés par X" further on
            (doc[m.start - 1].lower_ in AGENT and m.start - cue.end <= 3)
            or (plant and all(t.lower_ in PLANT_OF for t in doc[cue.end : m.start]))
        )
    ]
    # The clause's first firm is its subject ("BelGee ... assembles Geely crossovers at
    # its plant near Borisov": BelGee, not the nearer Geely).
    near = [m for m in before if _dist(m, cue) <= 2 * WINDOW]
    # "... lent $102 million to Syrah for its Vidalia plant": "its" plant is the nearest
    # firm's.
    owned = any(t.lower_ in POSSESSIVES for t in doc[max(cue.start - 3, 0) : cue.start])
    sent_from = any(t.lower_ in ("from", "depuis") for t in doc[max(cue.start - 3, 0) : cue.start])
    if owned and sent_from:
        # "... supply packs to X from its plant in Y": what is sent from "its" plant is
        # the supplier's, not the recipient's (but "lent $1m to X for its plant": X's).
        near = [m for m in near if doc[max(m.start - 1, 0)].lower_ not in TO] or near
    first_firm = (near[-1] if owned else near[0]) if near else None
    # "... began assembling the Kia and JAC models it already builds there": with a
    # pronoun as the verb's subject, a firm that follows another verb is what is built,
    # not who builds it ("MAZ has signed ... for the trucks it builds in Minsk": MAZ).
    if first_firm is not None and _pronoun_subject(doc, cue):
        opening = doc[first_firm.start].sent.start
        if any(t.pos_ in ("VERB", "AUX") for t in doc[opening : first_firm.start]):
            first_firm = None
    # "Kia cars are built at X's plant in Y": the plant's possessor runs it (unless the
    # plant changes hands: "X's plant in Y was bought by Z").
    owner = [m for m in firms if m.end <= cue.start and cue.start - m.end <= 2]
    sold = any(t.lower_ in SALE | BOUGHT for t in doc[cue.end : doc[cue.start].sent.end])
    if plant and owner and _possessive(doc, owner[-1]) and not sold:
        first_firm = owner[-1]
    if (
        first_firm is not None
        and _reduced_participle(doc, cue)
        and (first_firm.entity == UNKNOWN or kb.actors[first_firm.entity].type != "company")
    ):
        # "The Union lets cars assembled in X enter Russia": an organisation whose
        # sentence names goods assembled somewhere assembles nothing (a firm may: "X said
        # it built 62,000 vehicles, including crossovers assembled in Y").
        first_firm = None
    if first_firm is not None and _venture_between(doc, first_firm, cue):
        # "X said that its joint venture with Y had assembled ... in Z": the unnamed
        # venture produces, not its parents.
        return []
    src = first_firm or _nearest(agents, cue) or _nearest(states, cue)
    if src is None:
        return []
    sources = _coordinated(doc, src, firms if src in firms else states)
    # "X, Y's joint venture with Z, builds": a possessor in an apposition, not a subject.
    sources = [m for m in sources if m is src or not _possessive(doc, m)]
    # The brands assembled there are not producers ("X assembles Kia and Chery models in
    # Y": X produces; Kia and Chery supply X, see ``_assembled``), but the plant's owner or
    # the agent named before the place is ("Haval cars are built at X's plant in Y",
    # "faisant assembler ses modèles par X, à Y").
    runner = [
        m
        for m in firms
        if m.entity != UNKNOWN
        and cue.end <= m.start < first.start
        and (_possessive(doc, m) or doc[m.start - 1].lower_ in AGENT)
    ]
    if runner:
        sources = _coordinated(doc, runner[0], runner)
    return [(s.entity, t.entity) for s in sources for t in targets if s.entity != UNKNOWN]


def _region_of(doc: Doc, first: Mention, m: Mention) -> bool:
    """Is ``m`` a region named after ``first`` with only a comma and a locative between
    ("Obchuga, in the Minsk region", "Assaka, dans la région d'Andijan")?"""
    words = load_lexicon().region_words
    between = {t.lower_ for t in doc[first.end : m.start]}
    named = {w.lower() for w in m.text.replace("'", " ").split()}
    return (
        m.start > first.end
        and "," in between
        and not between & {"et", "and"}
        and bool(named & words or between & words)
    )


def _venture_between(doc: Doc, firm: Mention, cue: Cue) -> bool:
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


def _pronoun_subject(doc: Doc, cue: Cue) -> bool:
    """A subject pronoun right before the cue verb, or before an adverb that precedes it
    ("it builds", "it already builds", "qu'il assemble")."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return False
    k = cue.start - 1
    if k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and doc[k].lower_ in PRONOUNS


def _assembled(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str, str]]:
    """(brand, assembler, "supply") for "X assembles Kia and Chery models", "Avtotor
    produit des BAIC": a firm assembling another maker's brand gets its kits, platform or
    licence; (assembler, brand, "ownership") for "X produit ses Haval".
    The brand follows the verb within a few words and no punctuation; the subject's own
    brands ("AvtoVAZ produit des Lada") are not supplied to it."""
    if cue.text.lower() in PLANT_NOUNS or doc[cue.start].pos_ not in ("VERB", "AUX"):
        return []
    firms = [m for m in before if m.entity != UNKNOWN and not _is_place(m, kb)]
    # The verb's subject stands right before it ("ADM Jizzakh assembles", "le groupe
    # Allur produit", "Avtotor assemble pour sa part").
    firms = [m for m in firms if m.kind != ADJECTIVE and not _possessive(doc, m)]
    firms = [m for m in firms if _dist(m, cue) <= SUBJECT_REACH][-1:]
    # "an agreement with Changan to assemble ...": Changan is the complement.
    firms = [m for m in firms if doc[m.start - 1].lower_ not in WITH | TO]
    makers = [
        m
        for m in after
        if m.entity != UNKNOWN
        and kb.actors[m.entity].type in ("brand", "company")
        and m.start - cue.end <= BRAND_REACH
        # "built at X's plant", "assemblés par X": X assembles, it is no brand assembled.
        and not _possessive(doc, m)
        and doc[m.start - 1].lower_ not in AGENT
        and not any(
            t.is_punct or t.pos_ == "VERB" or t.lower_ in WITH for t in doc[cue.end : m.start]
        )
    ]
    if not firms or not makers or kb.actors[firms[0].entity].type != "company":
        return []
    src = firms[0].entity
    out = []
    for m in _coordinated(doc, makers[0], after):
        brand = kb.actors.get(m.entity)
        if brand is None or m.entity == src or kb.actors[src].parent == m.entity:
            continue
        # "X produit ses Haval", "X builds its own Lada", "X assemble des Tenet, sa propre
        # marque": the text says the brand is X's.
        own_after = doc[m.end : m.end + 3]
        if any(t.lower_ in POSSESSIVES for t in doc[max(m.start - 2, cue.end) : m.start]) or (
            len(own_after)
            and own_after[0].text == ","
            and any(t.lower_ in POSSESSIVES for t in own_after[1:])
        ):
            out.append((src, m.entity, "ownership"))
        elif src not in (brand.parent, brand.name):
            # A brand supplies nothing: its owner does ("les SUV Jetour, marque du groupe
            # Chery": Chery supplies the assembler).
            owner = brand.parent if brand.type == "brand" and brand.parent in kb.actors else ""
            out.append((owner or m.entity, src, "supply"))
    return out


PRONOUNS = GRAMMAR["subject_pronouns"]
#: How far after an assembly verb the brand assembled may stand ("assemble pour sa part
#: des modèles des marques chinoises BAIC"), and before it its subject.
BRAND_REACH = 8
SUBJECT_REACH = 3
