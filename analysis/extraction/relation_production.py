"""The production rule: who makes things where (see ``relations`` for the method).

A production cue's target is a place introduced by a locative, a plant noun's
complement or a place opening the sentence; its source is the firm that is the cue's
subject, an agent after it, or the plant's owner. Split from ``relation_places`` (sales,
exits and assembled brands), which it shares its word lists with.
"""

from __future__ import annotations

import dataclasses
import itertools

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.coreference import pronouns
from analysis.extraction.descriptors import load_lexicon
from analysis.extraction.grammar import word_tuples
from analysis.extraction.relation_clauses import relative_subject, unlinked_relative
from analysis.extraction.relation_consolidate import is_region, names_a_region
from analysis.extraction.relation_context import (
    AGENT,
    BENEFICIARY,
    BOUGHT,
    FORMER,
    GRAMMAR,
    LOCATIVE,
    NEAR,
    PLACE_WINDOW,
    PLANT_NOUNS,
    PLANT_OF,
    PLANT_USERS,
    SALE,
    TO,
    UNKNOWN,
    UNKNOWN_PLACE,
    WINDOW,
    Cue,
    _coordinated,
    _country_of,
    _goods_name,
    _held_name,
    _holder_of_role,
    _is_country,
    _is_place,
    _nearest,
    _possessive,
    clause_distance,
)
from analysis.extraction.relation_plants import (
    ORIGINS,
    another_firms_plant,
    apposition_head,
    former_plant_owner,
    invested_plant,
    plant_destination,
    plant_named_owner,
    plant_object,
    plant_origin,
    plant_possessor,
    sold_plant,
)
from analysis.extraction.relation_rules import MARKETS, OF_WORDS, POSSESSIVES
from analysis.extraction.relation_russian import is_russian, oblique, russian_subject
from analysis.extraction.relation_syntax import DELIVERS, _reduced_participle, last_joined_clause
from analysis.extraction.relation_venture_subjects import (
    complement,
    named_venture,
    venture_between,
    venture_member,
    venture_relative,
)
from analysis.extraction.russian import CYRILLIC, QUOTES

#: Verbs of buying goods: a participle after their object qualifies goods another made.
BUYING = BOUGHT | GRAMMAR["purchases"] | GRAMMAR["imports"] | {"buys", "buy", "purchases"}
#: A subject pronoun right before a cue verb: the firms named just before it are not the
#: verb's subject ("... the Kia and JAC models it already builds there").
PRONOUNS = pronouns()


FOUNDING = frozenset(GRAMMAR["founding"])
PURPOSE = frozenset(GRAMMAR["purpose_infinitive"])
CREATION = frozenset(GRAMMAR["creation"])
#: How far before a place a founding word governs it ("Fondée en 2021 à Pau").
FOUNDING_REACH = 4


def _founded_at(doc: Doc, m: Mention) -> bool:
    """Is ``m`` named right after a word of a firm's founding, in its clause?"""
    for t in reversed(doc[max(doc[m.start].sent.start, m.start - FOUNDING_REACH) : m.start]):
        if t.is_punct:
            return False
        if t.lower_ in FOUNDING:
            return True
    return False


ZONE_AFTER, ZONE_BEFORE = word_tuples("zone_after"), word_tuples("zone_before")


def _names_zone(doc: Doc, m: Mention) -> bool:
    """Is the town ``m`` the name of an economic zone or a park ("the Lipetsk special
    economic zone", "ОЭЗ «Липецк»", "la zone économique spéciale d'Alabuga")?"""
    after = tuple(t.lower_ for t in doc[m.end : m.end + 6] if not t.is_quote)[:4]
    before = tuple(t.lower_ for t in doc[max(0, m.start - 6) : m.start] if not t.is_quote)[-5:]
    return any(after[: len(p)] == p for p in ZONE_AFTER) or any(
        len(p) <= len(before) and before[len(before) - len(p) :] == p for p in ZONE_BEFORE
    )


def _production(
    doc: Doc,
    parts: list[Mention],
    after: list[Mention],
    cue: Cue,
    kb: KnowledgeBase,
    sentence: list[Mention] | None = None,
    clauses: list[tuple[int, int]] = (),
) -> list[tuple[str, str]]:
    """(producer, place) pairs of a production cue; ``parts`` are the mentions its
    clause reaches, ``sentence`` all of its sentence's (a plant's users may be named in
    a relative clause the cue's reach stops at), ``clauses`` its sentence's relative
    clauses and appositions."""
    if cue.text.lower() not in PLANT_NOUNS and plant_object(doc, cue):
        # "operates the Borlyk graphite mine in the Y region": the plant noun is a cue of
        # its own, which reads the site named with it.
        return []
    # ("Fondée en 2021 à Pau, la start-up X produit ...": where X began, not a site)
    # (nor the town an economic zone is named after: "the Lipetsk special economic zone")
    parts = [m for m in parts if not _founded_at(doc, m) and not _names_zone(doc, m)]
    after = [m for m in after if not _founded_at(doc, m) and not _names_zone(doc, m)]
    introducers = LOCATIVE | (PLANT_OF if cue.text.lower() in PLANT_NOUNS else frozenset())
    places = [
        m
        for m in after
        if m.entity != UNKNOWN
        and _is_place(m, kb)
        and m.start - cue.end <= PLACE_WINDOW
        and _introduced(doc, m, cue, introducers)
        # "перешёл на китайские машинокомплекты": "на"/"в" with the accusative is a
        # direction, not a place (Russian cases, from slovnet's tagger)
        and not _accusative(doc, m)
        and not (m.kind == ADJECTIVE and doc[m.start - 1].lower_ in MARKETS)
        # "la production ... sur des lignes achetées en Chine": another verb's place.
        and not any(
            t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") for t in doc[cue.end : m.start]
        )
        and not another_firms_plant(doc, m, cue, parts, kb)
    ]
    if places and cue.text.lower() in PLANT_NOUNS:
        # "its Yelabuga plant in Tatarstan": the place before the plant noun is the site,
        # the one after it says where that is.
        # ("the Borlyk graphite mine in the X region": one common noun may stand between)
        named = [
            m
            for m in parts
            if m.entity != UNKNOWN
            and _is_place(m, kb)
            and m.kind != ADJECTIVE
            and (m.end == cue.start or (m.end == cue.start - 1 and _common_noun(doc[m.end])))
        ]
        after_plant = min(places, key=lambda m: m.start)
        # (the site named with its plant noun: "at the X deposit in the Y region")
        site = dataclasses.replace(named[-1], end=cue.end) if named else None
        if (
            site
            and not _is_country(after_plant, kb)
            and (_region_of(doc, named[-1], after_plant) or _region_of(doc, site, after_plant))
        ):
            places = named[-1:]
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
            and (m.end == cue.start or (m.end == cue.start - 1 and _common_noun(doc[m.end])))
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
            # (not where goods come from: "shipped from its plant at X, ... and Y assembles";
            # but "depuis 2021", "с 2019 года" say since when)
            and not any(
                t.lower_ in ORIGINS and not doc[t.i + 1].like_num
                for t in doc[max(m.start - 5, doc[m.start].sent.start) : m.start - 1]
            )
            and m.end < len(doc)
            # (Russian sets no comma after it: "В Алматы компания X собирает ...")
            and (doc[m.end].text == "," or CYRILLIC.search(doc[m.start - 1].text) is not None)
            and not _accusative(doc, m)
        ]
        places = places[:1]
    if not places:
        return []
    first = min(places, key=lambda m: m.start)
    targets = _coordinated(doc, first, places, LOCATIVE)
    # "at X, in the Y region", "à X, au Tatarstan": the second place says where the
    # one before it is; it is no second site (but "en Russie, dans la région de Y" is
    # more precise than the country).
    if not _is_country(first, kb):
        ordered = sorted(targets, key=lambda m: m.start)
        targets = [first] + [
            t
            for prev, t in itertools.pairwise(ordered)
            if t is not first and not _region_of(doc, prev, t)
        ]
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
        and not _in_case(doc, m, "Gen")  # "крупнейший автосборщик Казахстана": the same
        # "Chinese firms supplied cells for vehicles assembled in X": they assemble nothing
        and not (m.kind == ADJECTIVE and _reduced_participle(doc, cue))
    ]
    # The firm before the cue (its subject), within a clause's reach; else one after it
    # introduced as the agent ("assemblés par BelGee", "built by X").
    # (not the holder after a role noun: "cette filiale du groupe X monte ...")
    before = [
        m
        for m in firms
        if m.end <= cue.start
        and not _possessive(doc, m)
        and not _holder_of_role(doc, m)
        and not _stake_holder(doc, m, cue)
    ]
    # After the cue: an agent ("assemblés par BelGee"), or a plant's owner ("l'usine
    # Hyundai", "the plant of X").
    plant = cue.text.lower() in PLANT_NOUNS
    if plant and (sold_plant(doc, cue) or invested_plant(doc, cue)):
        return []  # "the sale of its plant at Y to Z", "a vendu son usine de Y": sold
    # "l'usine de X à Y, rachetée par Z": X owned the plant; it runs it no more.
    resold = plant and any(t.lower_ in SALE | BOUGHT for t in doc[cue.end : cue.end + RESOLD_REACH])
    agents = [
        m
        for m in firms
        if m.start >= cue.end
        and (
            # "assemblés par X", not "châssis livrés par X" further on
            (doc[m.start - 1].lower_ in AGENT and m.start - cue.end <= 3)
            or (
                plant
                # (quotes and a legal form between: "на завод ООО «X»")
                and all(
                    t.lower_ in PLANT_OF or t.text in QUOTES or t.text in kb.generic_terms
                    for t in doc[cue.end : m.start]
                )
                and not resold
            )
        )
    ]
    # The clause's first firm is its subject ("BelGee ... assembles Geely crossovers at
    # its plant near Borisov": BelGee, not the nearer Geely).
    near = [m for m in before if clause_distance(m, cue, clauses) <= 2 * WINDOW]
    # "X assembles ... in Kaluga, and Moskvich builds cars ...": a clause joined by a
    # comma and a conjunction has its own subject.
    joined = last_joined_clause(doc, cue.start)
    near = [m for m in near if m.start > joined] or near
    # "... lent $102 million to Syrah for its Vidalia plant": "its" plant is the nearest
    # firm's.
    owned = any(t.lower_ in POSSESSIVES for t in doc[max(cue.start - 3, 0) : cue.start])
    # (and a French "de" right after a verb of delivery: "expédie de son usine de Y")
    sent_from = any(
        t.lower_ in ("from", "depuis")
        or (t.lower_ in ("de", "d'") and t.i > 0 and doc[t.i - 1].lower_ in DELIVERS)
        for t in doc[max(cue.start - 3, 0) : cue.start]
    )
    if owned and sent_from:
        # "... supply packs to X from its plant in Y": what is sent from "its" plant is
        # the supplier's, not the recipient's (but "lent $1m to X for its plant": X's).
        near = [m for m in near if doc[max(m.start - 1, 0)].lower_ not in TO] or near
        # "... that it supplied X with kits, shipped from its plant in Y": the sender
        # stands before the finite verb of delivery, the receiver after it; with no firm
        # before it (a pronoun's), the plant is nobody's the sentence names.
        opening = doc[cue.start].sent.start
        verb = next(
            (
                t.i
                for t in reversed(doc[opening : cue.start])
                if t.lower_ in DELIVERS and "Fin" in t.morph.get("VerbForm")
            ),
            None,
        )
        subject = verb - 1 if verb is not None else -1
        while subject > opening and doc[subject].pos_ in ("ADV", "AUX", "PART"):
            subject -= 1
        if verb is not None:
            pronoun = subject >= opening and doc[subject].pos_ == "PRON"
            near = [] if pronoun else [m for m in near if m.end <= verb]
        # (nor a complement: "Owns 40% of VTA and ships it kits from its plant")
        near = [m for m in near if not complement(doc, m)]
    if owned:
        # "X assemble ses Haval dans sa propre usine": a name after a possessive is a
        # thing owned (a brand, goods), not the plant's owner.
        near = [m for m in near if m.start == 0 or doc[m.start - 1].lower_ not in POSSESSIVES]
        # "X, which buys oxide from Y for its Z plant": goods come from Y; "its" is X's.
        if not sent_from:
            near = [m for m in near if doc[max(m.start - 1, 0)].lower_ not in ORIGINS] or near
        # "X turns it into anode for Y at its plant in Z": made for Y at X's plant (but
        # "lent $1m to Y for its plant": Y's, with no locative before "its").
        if any(t.lower_ in LOCATIVE for t in doc[max(cue.start - 3, 0) : cue.start]):
            near = [m for m in near if doc[max(m.start - 1, 0)].lower_ not in BENEFICIARY] or near
    first_firm = (near[-1] if owned else near[0]) if near else None
    if (
        owned
        and len(near) > 1
        and any(t.lower_ in DELIVERS for t in doc[near[0].end : near[-1].start])
    ):
        # "CALB supplies X with packs made at its plant in Y": the deliverer's plant
        first_firm = near[0]
    # "les cellules que X (, filiale de Y,) fabrique à Yibin": an object relative's own
    # subject makes them, not the main clause's.
    relative = relative_subject(doc, firms, cue)
    if relative is not None:
        first_firm = relative
    elif first_firm is not None and unlinked_relative(doc, firms, first_firm.end, cue.start):
        first_firm = None  # "kits that Xingchi ships from its plant in Y": not named here
    # "X sets up Y, a wholly owned subsidiary, to assemble packs in Z": Y assembles.
    created = _created_for(doc, firms, cue)
    if created is not None:
        first_firm = created
    # "X said its subsidiary Y builds ...": the subsidiary is the verb's subject.
    held = [m for m in near if _held_name(doc, m)]
    if first_firm is not None and held and held[-1].start > first_firm.start:
        first_firm = held[-1]
    if first_firm is not None and former_plant_owner(doc, first_firm, cue):
        first_firm = None
    # "X, dont l'usine de Y a été rachetée par Z", "X's plant in Y, bought by Z": X, named
    # before the plant, runs it no more.
    if (
        plant
        and first_firm is not None
        and first_firm.end <= cue.start
        and _bought_by(doc, cue, first_firm, sentence or parts)
    ):
        first_firm = None
    # "... began assembling the Kia and JAC models it already builds there": with a
    # pronoun as the verb's subject, a firm that follows another verb is what is built,
    # not who builds it ("MAZ has signed ... for the trucks it builds in Minsk": MAZ).
    if first_firm is not None and _pronoun_subject(doc, cue):
        opening = doc[first_firm.start].sent.start
        if any(t.pos_ in ("VERB", "AUX") for t in doc[opening : first_firm.start]):
            first_firm = None
    # "Kia cars are built at X's plant in Y": the plant's possessor runs it (unless the
    # plant changes hands: "X's plant in Y was bought by Z").
    owner = [m for m in firms if m.end <= cue.start and plant_possessor(doc, m, cue)]
    sold = any(t.lower_ in SALE | BOUGHT for t in doc[cue.end : doc[cue.start].sent.end])
    # ("at Renault's former plant in Moscow": a former owner runs nothing there)
    former = bool(owner) and any(t.lower_ in FORMER for t in doc[owner[-1].end : cue.start])
    if plant and owner and _possessive(doc, owner[-1]) and not sold and not former:
        first_firm = owner[-1]
    if former and first_firm is not None and first_firm.entity == owner[-1].entity:
        first_firm = None
    if (
        first_firm is not None
        and _reduced_participle(doc, cue)
        and (first_firm.entity == UNKNOWN or kb.actors[first_firm.entity].type != "company")
    ):
        # "The Union lets cars assembled in X enter Russia": an organisation whose
        # sentence names goods assembled somewhere assembles nothing (a firm may: "X said
        # it built 62,000 vehicles, including crossovers assembled in Y").
        first_firm = None
    if (
        first_firm is not None
        and _reduced_participle(doc, cue)
        and any(t.lower_ in BUYING for t in doc[first_firm.end : cue.start])
    ):
        # "X achète à Y des voitures assemblées en Ouzbékistan", "X imports vans built
        # in Y": goods a firm buys were made by another.
        first_firm = None
    if first_firm is not None and venture_between(doc, first_firm, cue):
        # "X said that its joint venture with Y had assembled ... in Z": the unnamed
        # venture produces, not its parents.
        return []
    if is_russian(doc, cue):
        # Russian says the subject by case, wherever it stands
        first_firm = (
            russian_subject(
                doc, [m for m in firms if m.entity != UNKNOWN or m.kind == UNKNOWN], cue
            )
            or first_firm
        )
        if first_firm is not None and oblique(doc, first_firm, cue):
            first_firm = None  # "«Волну» собирает ...": what is made, in the accusative
    if plant and plant_destination(doc, cue):
        # "supplies seats to the plant of X in Y", "поставляют ... на завод «X» в Y": the
        # plant goods go to is X's (or a plant named so), never the supplier's; its
        # possessor runs it ("for X's car plant in Y")
        possessed = (
            owner
            and _possessive(doc, owner[-1])
            and not former
            # (the plant's own possessor: "for X's car plant", not "X's cells back to a mine")
            and not any(t.pos_ == "ADP" for t in doc[owner[-1].end : cue.start])
        )
        first_firm = owner[-1] if possessed else None
    if plant and not owned and plant_origin(doc, cue):
        # "assembles ... from kits shipped from Lanxing's plant in Yibin": the plant goods
        # come from is its possessor's; with none named, the sender's ("поставляет X с
        # завода в Y": a finite verb of delivery's subject), never the receiver's ("its
        # plant" is the sender's: above)
        named = owner[-1] if owner and _possessive(doc, owner[-1]) else None
        sends = any(
            t.lower_ in DELIVERS and "Fin" in t.morph.get("VerbForm")
            for t in doc[doc[cue.start].sent.start : cue.start]
        )
        first_firm = named or (first_firm if sends else None)
    src = first_firm or _nearest(agents, cue) or _nearest(states, cue)
    runs_plant = plant_named_owner(doc, cue, agents, firms, first.start) if plant else None
    src = apposition_head(doc, cue, sentence or parts, kb) or runs_plant or src
    venture_clause = venture_relative(doc, cue, firms)
    if venture_clause is not None:
        # "ATM, the Tianlu joint venture that assembles ...": the venture the relative
        # clause is about produces, not the sentence's subject
        src = venture_clause
    elif src is not None and venture_member(doc, src):
        # "СП группы «Сармат» и китайской X собирает ...": the venture produces, not its
        # parents; it is the name the venture noun is set off from or after, if any
        src = named_venture(doc, src.start, src.end, firms, cue)
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
        and (
            doc[m.start - 1].lower_ in AGENT
            # (a plant's possessor; not the goods': "started assembling X's Voyah SUVs in Y")
            or (
                _possessive(doc, m)
                and any(t.lower_ in PLANT_NOUNS for t in doc[m.end : first.start])
            )
        )
        # ("at Renault's former plant": a former owner runs nothing there)
        and not any(t.lower_ in FORMER for t in doc[m.end : first.start])
    ]
    if runner:
        sources = _coordinated(doc, runner[0], runner)
    if plant:
        named = {m.entity for m in sources}
        candidates = [
            m
            for m in sentence or parts
            if m.entity != UNKNOWN and m.entity not in named and not _is_place(m, kb)
        ]
        sources += _plant_users(doc, candidates, first)
    return [(s.entity, t.entity) for s in sources for t in targets if s.entity != UNKNOWN]


def _bought_by(doc: Doc, cue: Cue, owner: Mention, named: list[Mention]) -> bool:
    """Does a word of buying or sale, shortly after the plant noun ``cue``, name another
    firm than ``owner`` as its agent ("l'usine de Y a été rachetée par Z", "its plant in
    Y, bought by Z"; not "acquired by the group")?"""
    stop = min(doc[cue.start].sent.end, cue.end + RESOLD_REACH)
    for t in doc[cue.end : stop]:
        if t.lower_ not in SALE | BOUGHT:
            continue
        agent = next((u.i for u in doc[t.i + 1 : t.i + 3] if u.lower_ in AGENT), None)
        if agent is not None and any(
            agent < m.start <= agent + 3 and m.entity not in (owner.entity, UNKNOWN) for m in named
        ):
            return True
    return False


def _created_for(doc: Doc, firms: list[Mention], cue: Cue) -> Mention | None:
    """The firm a verb of creation makes for the purpose its infinitive cue states ("X
    sets up Y ... to assemble", "X crée Y pour assembler"): the object of the verb, a firm
    named right after it."""
    if cue.start < 1 or doc[cue.start - 1].lower_ not in PURPOSE:
        return None
    opening = doc[cue.start].sent.start
    verb = next((t.i for t in reversed(doc[opening : cue.start - 1]) if t.lower_ in CREATION), None)
    # (a finite verb, or one after its auxiliary, "a créé"; not a participle describing
    # another name: "X, established in 1998, uses kits from Y to assemble")
    if verb is None or not (
        "Fin" in doc[verb].morph.get("VerbForm") or doc[verb - 1].pos_ == "AUX"
    ):
        return None
    first = verb + 1 + (doc[verb + 1].lower_ == "up")  # ("sets up Y")
    # its object: the firm right after it, past a determiner
    return next((m for m in firms if first <= m.start <= first + 1 and m.start < cue.start), None)


def _stake_holder(doc: Doc, m: Mention, cue: Cue) -> bool:
    """Is ``m`` a holder named with its stake in brackets before the cue ("HUM (Haixing
    51 %, Irbis 49 %) assemble ...")? It qualifies the subject; it is none."""
    bracket = next(
        (i for i in range(m.start - 1, max(m.start - STAKE_REACH, -1), -1) if doc[i].text in "()"),
        None,
    )
    if bracket is None or doc[bracket].text != "(":
        return False
    close = next((i for i in range(m.end, cue.start) if doc[i].text in "),"), None)
    return close is not None and any(t.like_num or t.text == "%" for t in doc[m.end : close])


#: How far back a stake's bracket may open ("(Haixing 51 %, Irbis 49 %)").
STAKE_REACH = 12


def _common_noun(token) -> bool:
    """A lower-case common noun ("graphite" in "the Borlyk graphite mine")."""
    return token.pos_ == "NOUN" and token.is_lower


def _plant_users(doc: Doc, firms: list[Mention], place: Mention) -> list[Mention]:
    """Firms said to use the plant, after its place and in the same sentence ("..., qui
    pourrait être fréquentée par Xiaomi"): the agent of a ``plant_users`` participle."""
    end = min(doc[place.start].sent.end, place.end + USER_REACH)
    return [
        m
        for m in firms
        if m.entity != UNKNOWN
        and place.end <= m.start < end
        and m.start >= 2
        and doc[m.start - 1].lower_ in AGENT
        and doc[m.start - 2].lower_ in PLANT_USERS
        # "son usine de X, ..., tandis que l'ancienne usine de Y est exploitée par Z":
        # Z uses the second plant, not the first
        and not any(t.lower_ in PLANT_NOUNS for t in doc[place.end : m.start])
    ]


#: How near after a plant noun a sale or purchase says the plant changed hands.
RESOLD_REACH = 8
#: How many tokens after the plant's place its user may be named.
USER_REACH = 15


def _region_of(doc: Doc, first: Mention, m: Mention) -> bool:
    """Is ``m`` where ``first`` is, named right after it: a region with only a comma or a
    locative between ("Obchuga, in the Minsk region", "Assaka, dans la région
    d'Andijan", "в парке «Узловая» в Тульской области"), or any place after a comma or a
    plant noun and another locative than the one before ``first`` ("Elabouga, au
    Tatarstan", "Baotou, Inner Mongolia", "its Yelabuga plant in Tatarstan"), unless a
    list goes on ("à Kazan, à Elabouga et à Oulianovsk", "at X, Y and Z")?"""
    words = load_lexicon().region_words
    between = {t.lower_ for t in doc[first.end : m.start]} - QUOTES
    if m.start <= first.end or between & COORDINATORS:
        return False
    named = {w.lower() for w in m.text.replace("'", " ").split()}
    if named & words or between & words:
        return "," in between or (bool(between - ARTICLES) and between - ARTICLES <= LOCATIVE)
    before = doc[first.start - 1].lower_ if first.start > 0 else ""
    locatives = between & LOCATIVE
    plain = between - LOCATIVE - ARTICLES - PLANT_NOUNS - {","}
    if plain & NEAR:  # "la mine de X, près de Y": Y says where X is
        plain -= NEAR | PLANT_OF
    listed = m.end < len(doc) and (
        doc[m.end].lower_ in COORDINATORS
        or (
            doc[m.end].text == ","
            and m.end + 1 < len(doc)
            and doc[m.end + 1].lower_ in COORDINATORS
        )
    )
    return (
        not plain
        and ("," in between or bool(between & PLANT_NOUNS))
        and before not in locatives
        and not listed
    )


#: Words that join the items of a list.
COORDINATORS = frozenset({"et", "and", "и"})
#: Articles between a locative and its place ("dans la", "in the").
ARTICLES = GRAMMAR["articles"]


def _introduced(doc: Doc, m: Mention, cue: Cue, introducers: frozenset[str]) -> bool:
    """A locative (or a plant noun's "de"/"of") within three words before ``m`` and
    after the cue, quotation marks not counted ("в индустриальном парке «Узловая»")."""
    words = [t for t in doc[cue.end : m.start] if t.text not in QUOTES][-3:]
    return any(t.lower_ in introducers for t in words)


def _in_case(doc: Doc, m: Mention, case: str) -> bool:
    """Is ``m`` a Russian name or adjective in ``case`` (UD: "Acc", "Gen"...)?"""
    token = doc[m.start]
    return bool(CYRILLIC.search(token.text)) and case in token.morph.get("Case")


def _accusative(doc: Doc, m: Mention) -> bool:
    """A Russian name or adjective in the accusative ("на китайские", "в Казахстан")."""
    return _in_case(doc, m, "Acc")


def _pronoun_subject(doc: Doc, cue: Cue) -> bool:
    """A subject pronoun right before the cue verb, or before an adverb that precedes it
    ("it builds", "it already builds", "qu'il assemble")."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return False
    k = cue.start - 1
    if k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and doc[k].lower_ in PRONOUNS


def beside_a_site(doc: Doc, rows: list, mentions: list[Mention], kb: KnowledgeBase) -> list:
    """``rows`` minus production at a country when the sentence also names a site in it
    or a place of unknown country ("Kant (Kirghizistan) — exploitant : X", "In
    Kazakhstan, X mines tungsten at Boguty", "sa propre usine en Russie : à Toula"): the
    site says where, and the country is no second plant. A region named in the sentence
    is no site ("dans la région de Toula" leaves "en Russie" standing). Production at a
    region named right after another site of the firm's only says where that site is
    ("location : Tsagaan Del, Dornogovi Province", "at Zhezkazgan, Ulytau region")."""

    def site_country(m: Mention) -> str | None:
        if m.entity == UNKNOWN:
            return "" if m.kind == UNKNOWN_PLACE else None
        actor = kb.actors[m.entity]
        if actor.type != "place" or is_region(actor):
            return None
        return _country_of(m.entity, kb) if actor.country in kb.country_names else ""

    countries = {c for c in map(site_country, mentions) if c is not None}
    rows = [
        r
        for r in rows
        if not (
            r.relation == "production"
            and kb.actors[r.target].type == "country"
            and ("" in countries or r.target in countries)
        )
    ]
    sites: dict[str, set[str]] = {}
    for r in rows:
        if r.relation == "production":
            sites.setdefault(r.source, set()).add(r.target)
    named = [m for m in mentions if m.entity != UNKNOWN and _is_place(m, kb)]

    def regional(m: Mention) -> bool:
        # (a province by its name alone too: "at Jixi, in Heilongjiang")
        return names_a_region(kb.actors[m.entity], m.text)

    def container(source: str, target: str) -> bool:
        # (only a region by its name, after a site that is none: "at Changzhou, Xiamen
        # and Y" lists three sites, "Pavlodar region, Karaganda region" two)
        return any(
            _region_of(doc, site, m)
            for m in named
            if m.entity == target and regional(m)
            for site in named
            if site.entity in sites[source]
            and site.entity != target
            and site.end <= m.start
            and not _is_country(site, kb)
            and not regional(site)
        )

    return [r for r in rows if not (r.relation == "production" and container(r.source, r.target))]
