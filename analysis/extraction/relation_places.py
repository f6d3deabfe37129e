"""Rules around plants and markets: plants sold (and the seller's exit), who leaves a
country, and brands assembled by another firm (see ``relations`` for the method;
production at a place is ``relation_production``)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, NAME, KnowledgeBase, Mention
from analysis.extraction.descriptors import organisation_heads
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import (
    AGENT,
    BENEFICIARY,
    GENITIVE,
    KIT_WORDS,
    PLANT_NOUNS,
    SELLING,
    TO,
    UNKNOWN,
    WINDOW,
    WITH,
    Cue,
    _coordinated,
    _dist,
    _goods_name,
    _is_place,
    _nearest,
    _possessive,
    names_vehicles,
    sold_before,
)
from analysis.extraction.relation_modality import _modal, _negated
from analysis.extraction.relation_rules import POSSESSIVES
from analysis.extraction.relation_russian import oblique


def _sales(
    doc: Doc, start: int, end: int, parts: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, Cue, str]]:
    """ "X a vendu son usine de Kalouga à Z", "X sold its stake in Y to Z": Z acquires
    what is named between the verb and "à"/"to" (a plant's place, a firm)."""
    out = []
    for i in range(start, end):
        if doc[i].lower_ not in SELLING:
            continue
        to = next(
            (j for j in range(i + 1, min(end, i + 1 + 2 * WINDOW)) if doc[j].lower_ in TO), None
        )
        if to is None:
            continue
        named = [m for m in parts if m.entity != UNKNOWN]
        # The buyer right after "à"/"to", or after a short description of it and a comma
        # ("to its former partner, Z").
        buyer = next(
            (
                m
                for m in named
                if to < m.start <= to + 4
                or (
                    to < m.start <= to + 8
                    and doc[m.start - 1].text == ","
                    and all(t.is_lower or t.text == "," for t in doc[to + 1 : m.start])
                )
            ),
            None,
        )
        goods = [m for m in named if i < m.start < to and kb.actors[m.entity].type != "country"]
        if any(t.lower_ in PREMISES for t in doc[i + 1 : to]):
            # "sold its former Lada assembly hall in Shymkent to Z": premises are sold, named
            # by their place; a brand or firm that qualifies them is not.
            goods = [m for m in goods if _is_place(m, kb)] or goods
        else:
            # "sold Vektor tractors to Z": a name qualifying goods is no firm sold
            goods = [m for m in goods if not _goods_name(doc, m)]
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


def sold_by(doc: Doc, cue: Cue, start: int) -> bool:
    """The acquisition ``cue`` is a sale's own word, or what a sale word right before it
    sells ("en cédant sa participation majoritaire dans X à Y": the sale rule reads the
    buyer; the seller acquires nothing)."""
    if cue.text.lower().split()[0] in SELLING:
        return True
    return sold_before(doc, cue.start, start, 3)


#: Nouns of premises that change hands with their place (plants, mines, halls).
PREMISES = PLANT_NOUNS | GRAMMAR["site_nouns"] | GRAMMAR["premises"]
#: Words that open an infinitive or gerund clause ("avant de quitter", "before leaving").
NONFINITE_LEADS = GRAMMAR["nonfinite_leads"] | GRAMMAR["sequels"]
#: Conjunctions after which a verb may share the clause's subject ("and left", "puis").
JOINTS = GRAMMAR["coordinators"] | GRAMMAR["sequels"]


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
        (i for i in range(cue.start - 1, m.end - 1, -1) if doc[i].lower_ in JOINTS),
        None,
    )
    return joint is not None and all(
        t.pos_ in ("AUX", "ADV") or t.lower_ in GRAMMAR["sequels"]
        for t in doc[joint + 1 : cue.start]
    )


def _adjective_country(doc: Doc, i: int, kb: KnowledgeBase) -> str | None:
    """The ISO code of the country adjective ``doc[i]`` ("French", "французская"), if
    it is one."""
    words = {doc[i].text, doc[i].lower_, doc[i].lemma_.lower()}
    return next((a.code for a in kb.adjectives if not a.prefix and a.form in words), None)


def _common_subject(doc: Doc, cue: Cue) -> int | None:
    """The index of the exit verb's subject if it is, right before the verb, a common
    noun for a firm after a determiner or an adjective ("the French company left",
    "французская компания ушла"); else None."""
    k = cue.start - 1
    while k > 0 and doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    word = doc[k]
    found = (
        word.pos_ == "NOUN"
        and word.is_lower
        and word.lower_ in organisation_heads()
        and k > 0
        and doc[k - 1].pos_ in ("DET", "ADJ")
    )
    return k if found else None


def _leavers(
    doc: Doc, here: list[Mention], cue: Cue, kb: KnowledgeBase, parts: list[Mention] = ()
) -> list[Mention]:
    """Who leaves: the firm the cue's complement names ("le départ de Renault", "après le
    retrait de X"), else the nearest firm before the exit cue and those coordinated with
    it ("McDonald's et Starbucks ... pour quitter"). Firms further on belong to another
    clause ("X leaves as Y moves in"). Before an apposition that closes right before the
    verb, the apposition's head leaves, not a firm it names ("X, longtemps fournisseur
    d'Y, a quitté la Russie"), unless it adds leavers ("X, like Y, left")."""
    firms = [m for m in here if m.entity != UNKNOWN and not _is_place(m, kb)]
    before = [m for m in firms if m.end <= cue.start]
    after = [m for m in firms if m.start >= cue.end]
    # "après le retrait de X de Russie", "the exit of X": the cue's complement leaves.
    named = _nearest(after, cue, window=3)
    if named is not None and _complement(doc, cue, named):
        return [m for m in _coordinated(doc, named, after) if m.entity != UNKNOWN]
    first = _nearest(before, cue)
    if _unnamed_antecedent(doc, cue, here):
        return []  # ("bought it from a French supplier that exited Russia": unnamed)
    noun = _common_subject(doc, cue)
    country = _adjective_country(doc, noun - 1, kb) if noun is not None else None
    if country is not None:
        # "ZAK bought the unit of France's Ondaine when the French company left Russia":
        # the firm before it of that country leaves (Ondaine, not the nearer ZAK)
        of_it = [
            m
            for m in [*here, *parts]
            if m.entity != UNKNOWN
            and m.end < noun
            and not _is_place(m, kb)
            and kb.actors[m.entity].country == country
        ]
        return [max(of_it, key=lambda m: m.start)] if of_it else []
    opening = _apposition_before(doc, cue)
    if opening is not None:
        # "X, longtemps fournisseur d'Y, a quitté ...": X leaves, and so do the names
        # coordinated with it; Y, a complement in the apposition, never does (but "Western
        # suppliers, among them A and B, have left": A and B do).
        heads = [m for m in parts if m.entity != UNKNOWN and not _is_place(m, kb)]
        head = next((m for m in heads if m.end == opening), None)
        # ("Scania, как и Volvo и Daimler Truck, ушла": the apposition adds leavers)
        adds = doc[opening + 1].lower_ in ALSO_LEAVING
        if head is not None and not adds:
            return [m for m in _coordinated(doc, head, heads) if m.entity != UNKNOWN]
        if head is not None:
            also = _coordinated(doc, first, before) if first is not None else []
            return [m for m in [head, *also] if m.entity != UNKNOWN]
        if first is not None and first.start > opening and doc[first.start - 1].lower_ in GENITIVE:
            return []
    if first is not None and (_shares_subject(doc, first, cue) or _received(doc, first, cue)):
        # "X sold its plant to Y in 2023 and left Russia": the clause's subject leaves;
        # "Les Français ont vendu l'usine à Y et ont quitté la Russie": not Y.
        first = before[0] if not _received(doc, before[0], cue) else None
    if first is not None:
        return [m for m in _coordinated(doc, first, before) if m.entity != UNKNOWN]
    # "le départ de Renault", "the exit of Ford": only a firm the cue's complement names.
    first = _nearest(after, cue, window=3)
    if first is not None and _complement(doc, cue, first):
        return [m for m in _coordinated(doc, first, after) if m.entity != UNKNOWN]
    return []


#: How many words a name's apposition may hold before its noun ("X, the French
#: wiring-harness maker that ...").
APPOSED_REACH = 8


def _unnamed_antecedent(doc: Doc, cue: Cue, here: list[Mention]) -> bool:
    """Does a relative pronoun right before the cue take up a common noun no name ends
    ("a French automotive supplier that exited Russia", "un équipementier qui a quitté
    la Russie")? Its clause's subject is then that unnamed firm, not a name before it."""
    i = cue.start - 1
    while i > 0 and doc[i].pos_ in ("AUX", "ADV", "PART"):
        i -= 1  # ("qui a quitté", "that had exited", "that has since left")
    if i < 1 or doc[i].lower_ not in RELATIVE:
        return False
    j = i - 1
    while j > 0 and doc[j].pos_ == "ADJ":
        j -= 1  # ("un équipementier français qui")
    if doc[j].pos_ != "NOUN" or any(m.start <= j < m.end for m in here):
        return False
    # ... unless the noun's phrase is a name's apposition ("Maréchal Câblage SA, the
    # French wiring-harness maker that left Russia"): then the name left.
    k = j - 1
    while k > max(0, j - APPOSED_REACH) and doc[k].text != ",":
        if doc[k].pos_ not in ("NOUN", "ADJ", "DET", "PROPN", "PUNCT") or doc[k].text in ("(", ")"):
            return True
        k -= 1
    return not (doc[k].text == "," and any(m.end == k for m in here))


#: Words opening an apposition that names more leavers ("X, like Y, left", "X, comme Y",
#: "X, как и Y", "suppliers, among them A and B, have left").
ALSO_LEAVING = frozenset(GRAMMAR["also_leaving"])


def _apposition_before(doc: Doc, cue: Cue) -> int | None:
    """The opening comma of an apposition that closes right before an exit verb (its
    auxiliary and adverbs aside): "X, longtemps fournisseur d'Y, a quitté", "X, which
    sold Y, left"; else ``None``."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return None
    start = doc[cue.start].sent.start
    i = cue.start - 1
    while i > start and doc[i].pos_ in ("AUX", "ADV", "PART") and not doc[i].is_punct:
        i -= 1
    if i <= start or doc[i].text != ",":
        return None
    # (a hyphen or an apostrophe inside a word is no boundary: "a long-time supplier")
    opening = next(
        (t.i for t in reversed(doc[start:i]) if t.is_punct and t.text not in ("-", "'", "’")),
        None,
    )
    return opening if opening is not None and doc[opening].text == "," else None


def _received(doc: Doc, m: Mention, cue: Cue) -> bool:
    """Is ``m`` named after "to"/"à", or in a Russian case no subject takes: the one a
    site went to, not one that leaves?"""
    if all(t.is_punct or t.lower_ in RELATIVE for t in doc[m.end : cue.start]):
        return False  # "had belonged to Volvo Group, which left Russia": its antecedent
    return (m.start > 0 and doc[m.start - 1].lower_ in TO) or oblique(doc, m, cue)


#: Relative pronouns ("X, which left Russia").
RELATIVE = frozenset(GRAMMAR["relative"])


def country_left(doc: Doc, cue: Cue, places: list[Mention]) -> Mention | None:
    """The place of a known country an exit cue leaves: the nearest after its verb,
    unless the verb's object is another thing ("left Russia, leaving carmakers to buy
    in China"); else the nearest named before it, no adjective ("des modèles chinois.
    Ford avait quitté le pays")."""
    after = [] if leaves_other(doc, cue) else [m for m in places if m.start >= cue.end]
    after = [m for m in after if not _gone_to(doc, m)]
    ahead = [m for m in places if m.end <= cue.start and m.kind == NAME]
    return _nearest(after, cue) or _nearest(ahead, cue)


#: Prepositions of where one goes to ("left for Almaty"), and Russian ones that do so
#: before the accusative ("ушёл в Казань"; "в Казани" is where).
_TOWARDS = GRAMMAR["destinations"]
_INTO = GRAMMAR["destinations_accusative"]


def _gone_to(doc: Doc, m: Mention) -> bool:
    """Is ``m`` where an exit verb goes, not what it leaves?"""
    i = m.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    return word in _TOWARDS or (word in _INTO and "Acc" in doc[m.start].morph.get("Case"))


def leaves_other(doc: Doc, cue: Cue) -> bool:
    """Does the exit cue's object name something else than a country or a market
    ("leaving carmakers to find parts in China", "laissant ses salariés")? Its first
    noun, after articles, adjectives and numbers, is a common noun that is neither."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return False  # "après le départ de X": the noun's complement is who leaves
    for t in doc[cue.end : cue.end + OBJECT_REACH]:
        if t.pos_ in ("DET", "ADJ", "NUM") or t.lower_ in ("the", "its", "their"):
            continue
        return t.pos_ == "NOUN" and t.is_lower and t.lower_ not in LEFT_NOUNS
    return False


#: How far after a verb (an exit, a production) its object's noun may stand.
OBJECT_REACH = 4
#: Nouns an exit leaves: a market, or the country ("quitté le pays").
LEFT_NOUNS = frozenset(GRAMMAR["markets"]) | {
    "pays",
    "country",
    "страну",
    "страны",
    "рынок",
    "рынка",
}


def _complement(doc: Doc, cue: Cue, m: Mention) -> bool:
    """Is ``m`` the genitive complement of the exit noun ("le départ de Renault", "the
    exit of Ford")? A verb's direct object is what is left or sold, not who leaves
    ("a cédé cette filiale", "X quitte Y"): a genitive word must stand between."""
    between = doc[cue.end : m.start]
    return len(between) > 0 and all(t.lower_ in GENITIVE for t in between)


def _assembled(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str, str, str]]:
    """(brand, assembler, "supply", rule) for "X assembles Kia and Chery models", "Avtotor
    produit des BAIC": a firm assembling another maker's brand gets its kits, platform or
    licence; (assembler, brand, "ownership", rule) for "X produit ses Haval".
    The brand follows the verb within a few words and no punctuation; the subject's own
    brands ("AvtoVAZ produit des Lada") are not supplied to it. The rule is
    :data:`LICENSED` where a kit word stands between the verb and the brand ("assemble
    des voitures sous licence de Chery"), else :data:`ASSEMBLED`."""
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
        # ("assembling packs for Kamaz buses": the buyer's vehicles, not what is built)
        and not any(
            t.is_punct or t.pos_ == "VERB" or t.lower_ in WITH | BENEFICIARY
            for t in doc[cue.end : m.start]
        )
    ]
    if not firms or not makers or kb.actors[firms[0].entity].type != "company":
        return []
    src = firms[0].entity
    licensed = any(t.lower_ in KIT_WORDS for t in doc[cue.end : makers[0].start])
    rule = LICENSED if licensed else ASSEMBLED
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
            out.append((src, m.entity, "ownership", rule))
        elif src not in (brand.parent, brand.name):
            # A brand supplies nothing: its owner does ("les SUV Jetour, marque du groupe
            # Chery": Chery supplies the assembler).
            owner = brand.parent if brand.type == "brand" and brand.parent in kb.actors else ""
            if not owner and names_vehicles(doc, m, kb):
                continue  # ("assembles Sever crossovers": Sever is what is built)
            out.append((owner or m.entity, src, "supply", rule))
    return out


#: The rules of ``_assembled``: a brand after the verb, and a brand after a kit word
#: ("sous licence de X", "from X kits"), which the relation model may not set aside
#: (``relation_model.vetoable``).
ASSEMBLED = "assembles brand"
LICENSED = "assembles under licence"
#: How far after an assembly verb the brand assembled may stand ("assemble pour sa part
#: des modèles des marques chinoises BAIC"), and before it its subject.
BRAND_REACH = 8
SUBJECT_REACH = 3
