"""The window rule of each relation type (see ``relations`` for the method)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, Actor, KnowledgeBase, Mention
from analysis.extraction.appositions import owned_head_words
from analysis.extraction.relation_clauses import DATIVES
from analysis.extraction.relation_context import (
    AGENT,
    BENEFICIARY,
    COORDINATION_WINDOW,
    DIRECTED,
    FROM,
    GENITIVE,
    GOODS,
    GRAMMAR,
    JV_WORDS,
    KIT_WORDS,
    LOCATIVE,
    NAMED_RELATIVE,
    PLACE_TARGETS,
    PLANT_NOUNS,
    PRODUCTS,
    SITE_RIGHTS,
    TO,
    UNKNOWN,
    WINDOW,
    WITH,
    Cue,
    _coordinated,
    _dist,
    _goods_name,
    _held_name,
    _is_country,
    _is_place,
    _nearest,
    unnamed_held,
)
from analysis.extraction.relation_syntax import (
    _active,
    _brand_genitive,
    _former_holder,
    _object,
    _opening_phrase_end,
    _passive_agent,
    _passive_owners,
    _plant_of,
    _reduced_participle,
    _seller,
    _verb_cue,
    _with_delivered,
    last_joined_clause,
)

#: Ownership cues whose complement names the brand's owner ("brand of X", "marque de X").
BRAND_OF = frozenset({"brand of", "marque de", "marque du"})


def _from_own_site(doc: Doc, cue: Cue) -> bool:
    """Does "from" after the cue open a possessive ("ships from its plant", "expédie de
    son usine", "поставляет со своего завода")?"""
    k = next((t.i for t in doc[cue.end : cue.end + 3] if t.lower_ in FROM), None)
    return k is not None and k + 1 < len(doc) and doc[k + 1].lower_ in POSSESSIVES


#: How far after "X's own" the thing owned may be named ("X's own EV brand Y").
OWN_REACH = 4


def _own_as_adjective(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue
) -> list[tuple[str, str]] | None:
    """ "Evolute, Motorinvest's own EV brand": "own" after a possessive is an adjective;
    the possessor owns the name its phrase is set off from, or the one it introduces
    ("Motorinvest's own brand Evolute"). None when "own" is a verb."""
    if cue.start < 2 or doc[cue.start - 1].text not in ("'s", "’s"):
        return None
    owner = next((m for m in before if m.end == cue.start - 1), None)
    if owner is None:
        return []
    head = next(
        (m for m in reversed(before) if m.end < owner.start and doc[m.end].text == ","), None
    )
    if head is not None and head.end == owner.start - 1:
        return [(owner.entity, head.entity)]
    owned = next((m for m in after if m.start - cue.end <= OWN_REACH), None)
    return [(owner.entity, owned.entity)] if owned is not None else []


def _directed(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    """Source: the sentence's first actor before the cue (news puts the agent first);
    target: the nearest after it, with those coordinated with it. Reverse and passive
    cues swap them. A supply cue followed by "from"/"by"/"on" ("kits from X", "based on
    X's model") names the supplier after it; with nothing after it, the actors between
    the subject and the cue are what is supplied to the subject ("X assembles JAC and
    Chery models from kits")."""
    if cue.relation == "ownership" and cue.text.lower() == "own":
        possessed = _own_as_adjective(doc, before, after, cue)
        if possessed is not None:
            return possessed
    if cue.relation == "supply":
        # "assembling Sitrak heavy trucks from kits supplied by X", "les SUV Jetour",
        # "кроссоверы марки «X»": a brand of vehicles neither supplies nor receives them
        # ("Geely kits" do supply, and so does a firm: "building Dongfeng vans from kits
        # supplied by the group").
        def vehicle(m: Mention) -> bool:
            if _brand_genitive(doc, m):
                return True
            if m.entity == UNKNOWN or kb.actors[m.entity].type != "brand":
                return False  # a firm named with its vans still trades ("Dongfeng vans")
            return _goods_name(doc, m, PRODUCTS) or doc[max(m.start - 1, 0)].lower_ in PRODUCTS

        before = [m for m in before if not vehicle(m)]
        after = [m for m in after if not vehicle(m)]
    # "supplied by a subsidiary of X": the unnamed subsidiary is the agent, not X.
    before = [m for m in before if not unnamed_held(doc, m)]
    after = [m for m in after if not unnamed_held(doc, m)]
    opening = _opening_phrase_end(doc, cue)
    # Complements ("in Kazakhstan", "entre la Pologne et la Lituanie") are no subjects.
    complements = [
        m
        for m in before
        if any(t.lower_ in NOT_SUBJECT for t in doc[max(m.start - 2, 0) : m.start])
        # ("In 2017 X signed ...": a date's preposition, not the name's)
        and not (m.start > 0 and doc[m.start - 1].like_num)
    ]
    for m in list(complements):
        # ... and the places coordinated with them ("et la Lituanie").
        if m.entity != UNKNOWN and _is_place(m, kb):
            places = [c for c in before if c.entity != UNKNOWN and _is_place(c, kb)]
            complements += _coordinated(doc, m, places)
    firms = [
        m
        for m in before
        if (m.entity == UNKNOWN or kb.actors[m.entity].type != "place")
        and m not in complements
        and m.start >= opening
    ]
    joined = last_joined_clause(doc, cue.start)
    src = next((m for m in firms if m.start > joined), firms[0] if firms else None)
    held = [m for m in firms if _held_name(doc, m)]
    if src is not None and held and held[-1].start > src.start:
        src = held[-1]  # "X said its subsidiary Y supplies ...": Y supplies
    if (
        firms
        and cue.start >= 2
        and doc[cue.start].lower_ in POSSESSIVES
        and doc[cue.start - 1].lower_ in AND_WORDS
        and firms[-1].end == cue.start - 1
    ):
        src = firms[-1]  # "X, Y et sa filiale Z": "sa" is Y's, the item before it
    # "Mercedes-Benz's plant at Esipovo": the thing acquired is the plant, not its owner.
    after = [m for m in after if not (m.end < len(doc) and doc[m.end].text in ("'s", "’s"))]
    if cue.relation in ("supply", "ownership"):
        # Supplies and owned firms are not cities ("kits ... acheminés depuis Shanghai"),
        # nor a country said as a place ("could build a smelter in China").
        after = [
            m
            for m in after
            if m.entity == UNKNOWN
            or not _is_place(m, kb)
            or (
                _is_country(m, kb)
                and not any(t.lower_ in LOCATIVE for t in doc[max(m.start - 2, 0) : m.start])
            )
        ]
    if cue.relation == "ownership" and after and cue.text.lower() in BRAND_OF:
        # "X's brand of rebadged Chery models": the maker that qualifies the goods after
        # "brand of" owns nothing (but "owns the Volvo truck brand" names the brand).
        nearest = min(after, key=lambda m: m.start)
        if _goods_name(doc, nearest, PRODUCTS):
            after = []
    if cue.relation == "acquisition":
        # "bought the stake from X", "racheté cette participation à l'australien X": X
        # sold it; it is not what was bought.
        # ("les 30 % que détenait X", "the stake held by X": X held what was bought)
        after = [
            m
            for m in after
            if not _seller(doc, m, cue, kb)
            and not _former_holder(doc, m, kb)
            and not _demonstrated(doc, m)
            # ("buys Minjiang cells", "bought Luqiao kits": goods of a maker are bought,
            # not the maker, even one named like a town; but "acquired the Akbulak
            # exploration licence" is a site's)
            and not (
                not cue.reverse
                and m.entity != UNKNOWN
                and _goods_name(doc, m, GOODS - SITE_RIGHTS if _is_place(m, kb) else GOODS)
            )
        ]
        plant = next(
            (t.i for t in doc[cue.end : cue.end + PLANT_REACH] if t.lower_ in PLANT_NOUNS), None
        )
        if plant is not None and not cue.reverse:
            # "rachète l'usine de sièges que Y possédait à Z": what is bought is the plant,
            # named by its place; the firm that owned it is no purchase.
            # (its town may stand before it: "bought Hyundai's St Petersburg plant"; not a
            # town of the same clause: "bought the plant there in 2023, after X left
            # Russia" names no place of the plant)
            stop = next(
                (t.i for t in doc[plant : doc[plant].sent.end] if t.text in (",", ";")),
                doc[plant].sent.end,
            )
            after = [
                m
                for m in after
                if cue.end <= m.start < stop
                and m.entity != UNKNOWN
                and _is_place(m, kb)
                and not _is_country(m, kb)
            ]
    # "a unit of X", "filiale de X": the owner is the cue's complement, right after it,
    # and what it owns the nearest actor before ("l'usine X de Y, filiale de Z": X).
    complement = cue.relation == "ownership" and cue.text.lower().split()[-1] in OF_WORDS | {
        "par",
        "by",
    }
    window = COORDINATION_WINDOW if complement else WINDOW
    if complement and firms:
        src = firms[-1]
    if cue.relation == "ownership" and cue.text.lower().split()[-1] in OWNED_HEADS:
        # "Sinotruk et sa marque Howo, Shacman, FAW": the brand named right after it.
        window = 1
    tgt = _nearest(after, cue, {src.entity} if src else set(), window=window)
    if (
        cue.relation == "ownership"
        and tgt is not None
        and cue.start > 0
        and doc[cue.start - 1].lower_ in OWNED_CLITICS
        and not any(t.lower_ in OF_WORDS for t in doc[cue.end : tgt.start])
    ):
        # "BYD en détient 51 %, UzAuto Motors 49 %": "en" is what is owned, and the name
        # after the share is a co-owner.
        return []
    if (
        cue.relation == "supply"
        and src is not None
        and tgt is not None
        and tgt.entity != src.entity
        and _inverted_supplier(doc, cue, tgt)
    ):
        return [(tgt.entity, src.entity)]
    reverse = cue.reverse
    # "taken over quickly by", "owned 66% by", "détenue à parts égales par": a passive.
    agent = _passive_agent(doc, cue.end)
    if agent is None and cue.relation == "ownership" and cue.text.lower().split()[-1] in AGENT:
        agent = cue.end - 1  # "51% owned by X and 20% by Y": the cue holds its "by"
    passive = agent is not None
    if (
        cue.relation == "ownership"
        and tgt is not None
        and not passive
        and _share_follows(doc, tgt.end)
    ):
        # "X détient 45 % du capital, Y 35 % et Z 20 %": a name with its own share after
        # it is a co-owner in a list of shareholders, not what X owns.
        return []
    if passive and cue.relation == "ownership" and before:
        # What is owned is the nearest firm or brand before the cue ("Kaiyi, une marque
        # contrôlée par Chery"), never another passive's agent ("The factory, controlled
        # by X with a stake held by Y": Y does not own X).
        subjects = [m for m in before if m.entity == UNKNOWN or not _is_country(m, kb)]
        # (a firm before a town: "X, the Kostanay plant owned by Y", "X, headquartered in
        # Moscow and owned by Y")
        firms = [m for m in subjects if m.entity == UNKNOWN or not _is_place(m, kb)]
        owned = (firms or subjects)[-1] if subjects else None
        if owned is None or doc[owned.start - 1].lower_ in AGENT:
            return []
        # The first owner right after "by"/"par" (not a firm further on: "controlled by a
        # person designated by the US ...", "contrôlé par la holding ..., sous licence de X").
        agents = [
            m for m in after if m.start >= agent and (m.entity == UNKNOWN or not _is_place(m, kb))
        ]
        if not agents or agents[0].start - agent > PASSIVE_REACH:
            return []
        owners = _passive_owners(doc, agents)
        return [(m.entity, owned.entity) for m in owners if m.entity != owned.entity]
    if passive and cue.relation == "acquisition" and tgt is not None and before:
        # "The Yelabuga plant ... was taken over by SOLLERS": SOLLERS acquires the plant;
        # not "filiale de Volkswagen rachetée par X" (the subsidiary was bought), and
        # "Hyundai's plant in St Petersburg was bought by X" is the plant's city.
        # "Outside Moscow, the Esipovo plant ... was acquired by X": the plant after the
        # opening phrase, if one is named there ("À Kalouga, l'ancienne usine ..., rachetée
        # par X": Kaluga).
        # (not who held or ran it: "l'usine qu'exploitait X ... rachetée par Y")
        held = [m for m in before if not _former_holder(doc, m, kb)]
        pool = [m for m in held if m.start >= opening] or held
        if not pool:
            return []
        places = [m for m in pool if m.entity != UNKNOWN and _is_place(m, kb)]
        bought = _plant_of(doc, (places or pool)[0], pool, kb)
        if bought is None or _object(doc, bought):
            return []
        return [(tgt.entity, bought.entity)]
    if cue.relation == "supply":
        nxt = doc[cue.end].lower_ if cue.end < len(doc) else ""
        if _verb_cue(doc, cue) and nxt in PARTITIVES:
            nxt = ""  # "fournit des moteurs à Y": an article, not "kits des Chinois"
        k = cue.end  # "a kit-assembly agreement with Y": the contract after its qualifiers
        while (
            k < len(doc)
            and k - cue.end < 3
            and (doc[k].text == "-" or doc[k].lower_ in SUPPLY_QUALIFIERS)
        ):
            k += 1
        if k > cue.end and k < len(doc) and doc[k].lower_ in CONTRACT_WORDS:
            nxt = doc[k].lower_
        # "des packs livrés à Y": who delivers them is said only by "par X" or "from X"
        # ("platforms licensed from X").
        near_from = cue.text.lower().split()[-1] in FROM or any(
            t.lower_ in FROM for t in doc[cue.end : cue.end + 2]
        )
        if _reduced_participle(doc, cue) and not passive and not near_from:
            return []
        # "X signs a supply agreement with Y": Y supplies X. An offtake agreement or
        # contract is a signed promise of future deliveries: its parties are partners,
        # read by the partnership cue (what is shipped under it is read by the shipping
        # verb: "sells all of its MHP to Y under an offtake agreement"). Without "with",
        # who supplies whom the text does not say.
        offtake = cue.text.lower() in OFFTAKE or cue.text.lower().split()[-1] in OFFTAKE
        if offtake and (nxt in CONTRACT_WORDS or set(cue.text.lower().split()) & CONTRACT_WORDS):
            return []
        if nxt in CONTRACT_WORDS:
            partner = _nearest(after, cue, {src.entity} if src else set(), window=8)
            if partner is None or src is None:
                return []
            if any(t.lower_ in WITH for t in doc[cue.end : partner.start]):
                return [(partner.entity, src.entity)]
            return []
        # "kits shipped from China", "kits fournis par X": the participle says who supplies.
        kit_word = cue.text.lower().split()[-1] in KIT_WORDS
        if kit_word and cue.end < len(doc) and doc[cue.end].pos_ == "VERB":
            return []
        # "X supplied Y only with kits": the delivering verb before reads who supplies whom.
        if kit_word and _with_delivered(doc, cue):
            return []
        kit = cue.text.lower().split()[-1] in KIT_WORDS
        # "assembled cars from BAIC, SWM and Kaiyi kits": the makers named right before
        # the kit word, after "from", supply the subject, whatever is named after it.
        makers = _kit_makers(doc, cue, before, kb) if kit and src is not None else []
        if makers and not _is_country(src, kb) and src not in makers:
            return [(m.entity, src.entity) for m in makers if m.entity != src.entity]
        between = doc[cue.end : tgt.start] if tgt is not None else []
        if tgt is not None and (
            # "kits fournis par X", "une plateforme fournie sous licence par le chinois X"
            doc[tgt.start - 1].lower_ in AGENT
            or (any(t.lower_ in AGENT for t in between) and not any(t.is_punct for t in between))
            # ("ships from its Chongqing plant to Y": the sender's own plant, Y receives)
            or (nxt in FROM and not _from_own_site(doc, cue))
            or cue.text.lower().split()[-1] in FROM
            # "kits Chery": Chery supplies ("kits to Y": Y receives them)
            or (kit and tgt.start - cue.end <= 1 and doc[cue.end].lower_ not in TO)
            # "à partir de kits que le chinois X expédie": the relative's subject sends them
            or (
                kit
                and doc[cue.end].lower_ in NAMED_RELATIVE
                and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between)
            )
        ):
            reverse = True
        # ("l'assembleur monte des BAIC et des Kaiyi à partir de kits": no subject.)
        if tgt is None and src is not None and not _is_country(src, kb) and not _object(doc, src):
            # What is assembled from them names its maker right before the cue ("from
            # Chery kits", "des BAIC et des Kaiyi à partir de kits"), with its coordinates.
            goods = [
                m
                for m in before
                if m.start > src.start
                and m.entity != UNKNOWN
                and not _is_place(m, kb)
                and _dist(m, cue) <= 6
                # "X fournit à Y des kits": Y receives them, it is not what is assembled.
                and doc[m.start - 1].lower_ not in TO
            ]
            # The subject's own brands are not supplied to it ("AvtoVAZ assemble son Lada").
            own = {a.name for a in kb.actors.values() if a.parent == src.entity}
            return [
                (m.entity, src.entity)
                for m in goods
                if m.entity != src.entity and m.entity not in own
            ]
    if (
        src is not None
        and cue.relation == "acquisition"
        and reverse
        and src.end <= cue.start
        and _active(doc, cue.start)
    ):
        # "X sells to Y", "X vend à Y l'essentiel de son nickel": X sells goods, and is
        # not what Y buys (a plant or a stake sold is read by the sale rule).
        return []
    if src is not None and cue.relation == "acquisition" and reverse:
        # "Volkswagen's Kaluga factory was sold to X": X acquires the plant's city.
        src = _plant_of(doc, src, before, kb)
    if src is None or tgt is None:
        return []
    targets = [m for m in _coordinated(doc, tgt, after) if m.entity != src.entity]
    if cue.relation == "ownership" and cue.text.lower().split()[-1] in OWNED_HEADS:
        targets = targets[:1]  # "sa marque X, Y, Z": one brand; the others are listed
    if reverse and cue.relation == "supply" and doc[max(tgt.start - 1, 0)].lower_ in BENEFICIARY:
        reverse = False  # "fits magnets into motors for KAMAZ buses": made for KAMAZ
    if reverse:
        return [(t.entity, src.entity) for t in targets]
    return [(src.entity, t.entity) for t in targets]


def _share_follows(doc: Doc, end: int) -> bool:
    """A share stands right after a name ending at ``end``: "Y 35 %", "Y 35%", "Y (35%)"."""
    k = end + (end < len(doc) and doc[end].text == "(")
    return k + 1 < len(doc) and doc[k].like_num and doc[k + 1].text in ("%", "per")


def _kit_makers(doc: Doc, cue: Cue, before: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """The firms coordinated right before a kit word, after a word of ``FROM`` ("from
    BAIC, SWM and Kaiyi kits"), in reading order; none if a place or an unknown name is
    among them, or if no "from" opens the list."""
    if cue.end - cue.start != 1:
        return []  # ("à partir de kits": the makers, if any, are named after it)
    makers: list[Mention] = []
    edge = cue.start
    for m in reversed(before):
        if m.end > edge:
            continue
        if any(t.text != "," and t.lower_ not in AND_WORDS for t in doc[m.end : edge]):
            break
        if m.entity == UNKNOWN or _is_place(m, kb):
            return []
        makers.append(m)
        edge = m.start
    # (not an article: "produit des BAIC et des Kaiyi")
    if makers and edge > 0 and doc[edge - 1].lower_ in FROM - PARTITIVES:
        return makers[::-1]
    return []


OF_WORDS = GRAMMAR["of_words"]
POSSESSIVES = GRAMMAR["possessives"]
AND_WORDS = GRAMMAR["coordinators"]
PARTNER_PLURALS = frozenset(GRAMMAR["partner_plurals"])
#: Nouns a supply cue may qualify ("supply agreement", "contrat de fourniture").
CONTRACT_WORDS = frozenset(GRAMMAR["contracts"])
OFFTAKE = GRAMMAR["offtake"]
PARTITIVES = frozenset(GRAMMAR["partitives"])
#: How far after a passive's "by"/"par" its first owner may stand ("owned 60% by the
#: Almaty dealer group X").
PASSIVE_REACH = 6
#: Clitics that stand for what an ownership verb's subject owns ("X en détient 51 %").
OWNED_CLITICS = frozenset(GRAMMAR["owned_clitics"])
OBJECT_RELATIVES = frozenset(GRAMMAR["object_relatives"])
#: How many words (articles, a descriptor) may stand between a verb and its subject
#: after it ("que lui expédie le chinois X").
INVERTED_REACH = 3


def _inverted_supplier(doc: Doc, cue: Cue, tgt: Mention) -> bool:
    """Is ``tgt`` the subject of a French object relative that follows its verb ("des
    kits que lui expédie X", "à partir de kits que fournit le chinois X")? Then X
    supplies, and the clause's subject receives. The relative's verb is the cue, or
    follows the cue's noun."""
    if doc[cue.start].pos_ in ("VERB", "AUX"):
        i, verb_end = cue.start - 1, cue.end
        if i >= 0 and doc[i].lower_ in DATIVES:
            i -= 1
        if i < 0 or doc[i].lower_ not in OBJECT_RELATIVES:
            return False
    else:
        i = cue.end
        if i >= len(doc) or doc[i].lower_ not in OBJECT_RELATIVES:
            return False
        i += 1
        if i < len(doc) and doc[i].lower_ in DATIVES:
            i += 1
        if i >= len(doc) or doc[i].pos_ not in ("VERB", "AUX"):
            return False
        verb_end = i + 1
    between = doc[verb_end : tgt.start]
    return 0 <= len(between) <= INVERTED_REACH and not any(
        t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") for t in between
    )


#: Words that make an agreement a supply contract ("supply agreement with Y").
SUPPLY_QUALIFIERS = GRAMMAR["supply_contracts"] | OFFTAKE
MARKETS = GRAMMAR["markets"]
#: Words before an actor that make it a complement, not the subject of a directed cue
#: ("in Kazakhstan", "entre la Pologne et la Lituanie").
NOT_SUBJECT = LOCATIVE | GRAMMAR["between"]


#: Ownership cues ending in a head noun ("sa marque", "its subsidiary"): what is owned is
#: named right after it (the one-word owned heads of ``descriptors.yaml``).
OWNED_HEADS = owned_head_words()
LABEL_DASHES = GRAMMAR["label_dashes"]


def _partnership(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    if cue.start > 0 and doc[cue.start - 1].lower_ in SUPPLY_QUALIFIERS - OFFTAKE:
        # "signs a supply agreement with Y": a supply, read by the supply cue before it
        # (an offtake agreement is a partnership: see the supply rule in ``_directed``).
        return []
    if (
        cue.end + 1 < len(doc)
        and doc[cue.end].lower_ in PARTITIVES
        and doc[cue.end + 1].lower_ in SUPPLY_QUALIFIERS - OFFTAKE
    ):
        return []  # "un accord de licence avec Y": the same, in French word order
    if cue.end < len(doc) and doc[cue.end].text == ":" and not before:
        # "Chinese partner: X and Y": the partners of the item's subject, not of each
        # other; the subject is not in the sentence.
        return []

    # "a partner who knows how to build in Kazakhstan": a country after a locative is
    # where, not a partner (the cue's own words do not count: "s'associe à la Chine").
    def located(m: Mention) -> bool:
        lo = max(m.start - 2, cue.end if m.start >= cue.end else 0)
        return _is_country(m, kb) and any(t.lower_ in LOCATIVE for t in doc[lo : m.start])

    # (and so are the countries listed with it: "in Russia, Belarus, Kazakhstan and
    # Uzbekistan")
    countries = [m for m in before + after if _is_country(m, kb)]
    where = {id(c) for m in countries if located(m) for c in _coordinated(doc, m, countries)}
    before = [m for m in before if id(m) not in where]
    after = [m for m in after if id(m) not in where]
    # "une collaboration entre la Russie et la Chine": two coordinated actors right after.
    nxt = _nearest(after, cue, window=COORDINATION_WINDOW)
    with_cue = cue.text.lower().split()[-1] in WITH
    if nxt is not None and not with_cue:
        group = _coordinated(doc, nxt, after)
        if len(group) >= 2:
            first, second = sorted(group, key=lambda m: m.start)[:2]
            # (not two adjectives: "between Chinese and Russian enterprises" qualifies
            # one noun, the firms, as below)
            if ADJECTIVE not in (first.kind, second.kind):
                return [(first.entity, second.entity)]
    # Otherwise, in order of preference: one actor on each side, two after, two before;
    # the first pair that passes the filters wins.
    wide = 2 * WINDOW
    near_before = sorted((m for m in before if _dist(m, cue) <= wide), key=lambda m: _dist(m, cue))
    # "X produit des modèles A et B dans le cadre d'un accord avec Y": X is the partner.
    if cue.text.lower().split()[-1] in WITH and near_before:
        # ...within the clause: "Rosatom diversifie : sa filiale X a signé avec Y" is X.
        sent_start = doc[cue.start].sent.start
        colon = max((t.i for t in doc[sent_start : cue.start] if t.text == ":"), default=-1)
        near = [m for m in near_before if m.start > colon] or near_before
        near_before = [min(near, key=lambda m: m.start)]
    near_after = sorted((m for m in after if _dist(m, cue) <= wide), key=lambda m: _dist(m, cue))
    options: list[tuple[Mention, Mention]] = []
    # "la coopération du Kazakhstan avec la Chine": the cue's own complement is a partner.
    gap = doc[cue.end : near_after[0].start] if near_after else []
    if len(near_after) >= 2 and len(gap) and all(t.lower_ in GENITIVE for t in gap):
        options.append((near_after[0], near_after[1]))
    for a in near_before[:1]:
        options += [(a, b) for b in near_after[:2]]
    # Two firms on one side only when coordinated ("X et Y ont signé un accord"; not
    # "Membre de l'Union, le Kazakhstan offre aux partenaires ..."); two countries may
    # be ("ce partenariat reflète la dépendance de la Russie vis-à-vis de la Chine").
    # After "avec"/"with", those coordinated are partners of the subject, not of each
    # other ("an agreement signed with X, alongside the Kia and JAC models": no Kia-JAC).
    for side in (near_before,) if with_cue else (near_after, near_before):
        options += [
            (a, b)
            for k, a in enumerate(side[:3])
            for b in side[k + 1 : 3]
            if (_is_country(a, kb) and _is_country(b, kb)) or b in _coordinated(doc, a, side)
        ]
    if with_cue and nxt is not None and near_before:
        # "Kamaz is partnering with Gotion and EVE Energy": the subject and each of them.
        group = _coordinated(doc, nxt, after)
        subject = near_before[0]
        others = [m.entity for m in group if m.entity != subject.entity]
        ends = [subject.entity, *others]
        if (
            len(others) > 1
            and UNKNOWN not in ends
            and all(_keep(subject.entity, o, kb, "partnership") for o in others)
        ):
            return [(subject.entity, o) for o in others]
    for a, b in options:
        if a.entity == b.entity or min(_dist(a, cue), _dist(b, cue)) > WINDOW:
            continue
        # A country adjective partners only another country ("alliance russo-chinoise"),
        # and two adjectives joined by "et"/"and" qualify one noun ("les usines russes et
        # biélorusses"): no partners.
        if ADJECTIVE in (a.kind, b.kind) and not (_is_country(a, kb) and _is_country(b, kb)):
            continue
        # ... and only as the cue's own qualifier or its firms': "российским партнёрам
        # ... сотрудничество" ("Russian partners") names no partner country.
        if any(m.kind == ADJECTIVE and not _qualifies(doc, m, cue, kb) for m in (a, b)):
            continue
        # (nor as the qualifier of a plural "partners": "с российскими партнёрами" names
        # Russian firms)
        if ADJECTIVE in (a.kind, b.kind) and cue.text.lower().split()[-1] in PARTNER_PLURALS:
            continue
        lo, hi = sorted((a, b), key=lambda m: m.start)
        between = {t.lower_ for t in doc[lo.end : hi.start]}
        if a.kind == b.kind == ADJECTIVE and between & {"et", "and", ","}:
            continue
        # (nor two that qualify a venture: "the Sino-Russian joint venture" is of firms)
        if a.kind == b.kind == ADJECTIVE and set(cue.text.lower().split()) & JV_WORDS:
            continue
        # A firm partners a country only when the cue names it ("accord avec la Russie").
        # Not a venture's ("Russie : la coentreprise X": a venture is of firms), nor one
        # a label's colon sets off.
        if _is_country(a, kb) != _is_country(b, kb):
            country = a if _is_country(a, kb) else b
            span = doc[min(country.end, cue.start) : max(country.start, cue.end)]
            venture = set(cue.text.lower().split()) & JV_WORDS
            if _dist(country, cue) > COORDINATION_WINDOW or venture or ":" in span.text:
                continue
        first, second = sorted((a, b), key=lambda m: m.start)
        if UNKNOWN in (a.entity, b.entity) or _keep(first.entity, second.entity, kb, "partnership"):
            return [(first.entity, second.entity)]
    return []


DEMONSTRATIVES = frozenset(GRAMMAR["demonstratives"])
#: How far after a purchase cue the plant bought may be named ("the purchase of the
#: former X plant in Y").
PLANT_REACH = 6


def _demonstrated(doc: Doc, m: Mention) -> bool:
    """Is ``m`` the owner of a thing a demonstrative stands for ("celles de Volkswagen",
    "that of X")?"""
    return (
        m.start >= 2
        and doc[m.start - 1].lower_ in OF_WORDS
        and doc[m.start - 2].lower_ in DEMONSTRATIVES
    )


#: How many heads up from a country adjective its cue may be.
QUALIFIER_HOPS = 3


def _qualifies(doc: Doc, m: Mention, cue: Cue, kb: KnowledgeBase) -> bool:
    """Does the adjective ``m`` qualify the cue's noun ("alliance russo-chinoise",
    "Russian-Chinese cooperation"), or a country's firms taken together ("les entreprises
    chinoises", ``actors.adjective_role``)? Without a parse, only with adjectives and
    hyphens between the adjective and the cue ("российско-китайское сотрудничество")."""
    if any(
        0 <= i < len(doc) and doc[i].lower_ in kb.collective_nouns for i in (m.start - 1, m.end)
    ):
        return True
    if not doc.has_annotation("DEP"):
        lo, hi = (m.end, cue.start) if m.end <= cue.start else (cue.end, m.start)
        return hi - lo <= QUALIFIER_HOPS and all(
            t.pos_ in ("ADJ", "PUNCT", "CCONJ") for t in doc[lo:hi]
        )
    token = doc[m.end - 1]
    for _ in range(QUALIFIER_HOPS):  # ("Russian" -> "Chinese" -> "cooperation")
        if cue.start <= token.i < cue.end:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return cue.start <= token.i < cue.end


def _keep(source: str, target: str, kb: KnowledgeBase, relation: str = "") -> bool:
    if source == target:
        return False
    return allowed(kb.actors[source], kb.actors[target], relation)


def allowed(s: Actor, t: Actor, relation: str = "") -> bool:
    """The type constraints on a relation's ends, whoever found it (rules or model)."""
    if relation and relation not in PLACE_TARGETS and "place" in (s.type, t.type):
        return False
    if relation in DIRECTED and s.type == "place":
        return False
    if relation == "supply" and t.type == "country":
        return False  # "ships most of its output to Russia": a market, not a customer
    if relation == "supply" and s.type == "country":
        return False  # "kits shipped from China": an origin; a firm's supplier is a firm
    if relation in ("production", "acquisition") and s.type == "country":
        return False  # "made in China", "Chinese-built": an origin; firms make and buy
    if relation == "acquisition" and t.type == "country":
        return False  # "a stake in a project in Kazakhstan": where, not what is bought
    for a, b in ((s, t), (t, s)):
        if (
            a.type in ("person", "government body")
            and b.type == "country"
            and a.country == b.country
        ):
            return False
    return True
