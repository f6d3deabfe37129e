"""The context of a relation cue: participants, clauses, and the words that qualify them.

Shared by the relation rules (``relation_rules``) and their driver (``relations``), whose
docstring states the method. Pure functions of a parsed sentence and its mentions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.extraction.actors import ATTRIBUTE, DISCOVERED, PLACE_TYPES, KnowledgeBase, Mention
from analysis.extraction.appositions import apposition_words, owned_head_words
from analysis.extraction.descriptors import goods_nouns
from analysis.extraction.descriptors import load_lexicon as load_descriptors
from analysis.extraction.figures_lexicon import month_names
from analysis.extraction.grammar import GRAMMAR, RELATIONS_LEXICON
from analysis.extraction.russian import CYRILLIC, QUOTES

LEXICON_PATH = RELATIONS_LEXICON

RELATION_TYPES = (
    "partnership",
    "ownership",
    "acquisition",
    "exit",
    "production",
    "investment",
    "supply",
)
SYMMETRIC = frozenset({"partnership"})
DIRECTED = frozenset({"ownership", "acquisition", "investment", "supply"})
#: Types whose ends may be a city or region (a plant is bought, financed, left there);
#: in the others a place can only be a country.
PLACE_TARGETS = frozenset({"acquisition", "investment", "production", "exit"})
WINDOW = 12
PLACE_WINDOW = 10
LOCATIVE = GRAMMAR["locative"]
#: Production cues that are nouns: "l'usine de Toula", "the plant of ...", "its plant
#: near Kaluga" take the place after "de"/"of"/"near" as well.
PLANT_NOUNS = GRAMMAR["plant_nouns"]
PLANT_OF = GRAMMAR["plant_of"]
#: After a supply cue, these say the actor that follows is the supplier ("kits from X",
#: "under licence from X", "based on X's model").
FROM = GRAMMAR["from"]
#: Words that make what follows a thing of the past: "l'ancienne usine Renault", "the
#: former Hyundai plant", "formerly part of": its firm is a former owner, not an agent.
FORMER = GRAMMAR["former"]
#: What a supplier hands over ("kits", "licence", "plateforme").
KIT_WORDS = GRAMMAR["kit_words"]
#: Nouns of vehicles and models ("trucks", "SUV"), and of goods a firm's name may
#: qualify ("Geely kits", "NdFeB magnets", "Khazar brand").
PRODUCTS = frozenset(w.lower() for w in load_descriptors().product_words)
GOODS = goods_nouns() | {"brand", "marque"}
#: Rights to a site ("the Akbulak exploration licence"): no goods of a maker.
SITE_RIGHTS = frozenset(GRAMMAR["site_rights"])
#: Joint-venture nouns ("coentreprise", "joint venture").
JV_WORDS = GRAMMAR["joint_venture"]
#: Sale verbs: "X a vendu son usine de Y à Z", "X sold its stake in Y to Z".
SALE = GRAMMAR["sale"]
#: ... and with its nouns: the words that open a sale ("sold", "la vente de").
SELLING = SALE | GRAMMAR["sale_nouns"]
TO = GRAMMAR["to"]
BOUGHT = GRAMMAR["bought"]
ANAPHORS = (("le", "pays"), ("ce", "pays"), ("the", "country"), ("this", "country"))
_EXCLUDE = "exclude"
UNKNOWN = ""  # entity of an actor the knowledge base lacks (a candidate)
UNKNOWN_PLACE = "unknown place"
NEAR = GRAMMAR["near"]
COORDINATION_WINDOW = 4
GENITIVE = GRAMMAR["genitive"]
RELATIVE = GRAMMAR["relative"]
#: Relative pronouns that open an object relative when its subject follows them ("les
#: kits que X expédie", "the kits that X ships").
NAMED_RELATIVE = GRAMMAR["object_relative"] | GRAMMAR["either_relative"]
PREPOSITIONS = GRAMMAR["prepositions"]


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    relation: str
    cue: str
    rule: str


@dataclass(frozen=True)
class Cue:
    relation: str
    start: int
    end: int
    text: str
    reverse: bool


def _dist(m: Mention, cue: Cue) -> int:
    return cue.start - m.end if m.end <= cue.start else m.start - cue.end


def clause_distance(m: Mention, cue: Cue, clauses: list[tuple[int, int]]) -> int:
    """Tokens between ``m`` and the cue, less those of the relative clauses and
    appositions between them ("X, a joint venture of A (51%) and B (49%), assembles":
    X is the verb's subject however long its apposition)."""
    lo, hi = (m.end, cue.start) if m.end <= cue.start else (cue.end, m.start)
    return _dist(m, cue) - sum(max(0, min(e, hi) - max(s, lo)) for s, e in clauses)


NOT_PARTICIPANTS = frozenset({"media", "person"})


def participants(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Mentions that may take part in a relation (see module docstring, step 2)."""
    return [
        m
        for m in mentions
        if m.role != ATTRIBUTE and kb.actors[m.entity].type not in NOT_PARTICIPANTS
    ]


#: A wire dateline opening a paragraph: a place in capitals, a comma, a date (a month's
#: name and a day, maybe a country and a year before it), maybe the wire's credit, and
#: the dash that opens the story ("MOSCOW, June 9 (Reuters) - ", "TAIZHOU, China, June 3,
#: 2026 /PRNewswire/ -- ", "МОСКВА, 9 июня (ТАСС) — ").
_DATELINE = re.compile(
    r"(?P<place>[^,\n]{2,40}),(?P<date>[^\n]{3,70}?)\s(?:--|[-–—])\s",
)
_WORDS = re.compile(r"[^\W\d_]+")


def dateline_length(text: str) -> int:
    """How many characters of a paragraph's first sentence ``text`` a wire dateline
    opening it takes (``_DATELINE``); 0 if it opens with none. Its town and country say
    where the story was filed, not where anyone produces: no relation's end, by the rules
    or the model. The date must hold a month's name and a number, so that a sentence
    opening with a firm's name in capitals ("BYD, which sold 3 million cars in 2023 -
    more than Tesla - builds ...") is no dateline."""
    found = _DATELINE.match(text)
    if found is None or not found["place"].isupper():
        return 0
    date = found["date"]
    months = month_names()
    if not any(c.isdigit() for c in date) or not any(
        w.lower() in months for w in _WORDS.findall(date)
    ):
        return 0
    return found.end()


def _is_country(m: Mention, kb: KnowledgeBase) -> bool:
    return m.entity != UNKNOWN and kb.actors[m.entity].type == "country"


def _is_place(m: Mention, kb: KnowledgeBase) -> bool:
    return kb.actors[m.entity].type in PLACE_TYPES


#: Prepositions repeated in a coordination ("de X, de Y et de Z", "of X and of Y").
REPEATED = GRAMMAR["repeated"]
#: The agent of a passive ("par X", "by X") and the complement of "avec"/"with".
AGENT = GRAMMAR["agent"]
#: "for" before a name: whom goods are made for ("packs for Kamaz buses").
BENEFICIARY = frozenset(GRAMMAR["beneficiary"])
PLANT_USERS = frozenset(GRAMMAR["plant_users"])
WITH = GRAMMAR["with"]


def _coordinated(
    doc: Doc, first: Mention, pool: list[Mention], joiners: frozenset[str] = frozenset()
) -> list[Mention]:
    """``first`` and the mentions joined to it by "et"/"and"/commas/articles (+ ``joiners``)."""
    allowed = {"et", "and", ",", "la", "le", "les", "l'", "the"} | joiners
    # "de BAIC, de FAW et de Kaiyi": the preposition before the first, repeated.
    before = doc[first.start - 1].lower_ if first.start > 0 else ""
    repeated = {before} if before in REPEATED else set()
    group = [first]
    ordered = sorted(pool, key=lambda m: m.start)
    for seq, forward in ((ordered, True), (ordered[::-1], False)):
        cur = first
        for m in seq:
            lo, hi = (cur.end, m.start) if forward else (m.end, cur.start)
            if lo >= hi or m in group:
                continue
            gap = _list_gap(doc, lo, hi, m if forward else cur)
            gap_words = set(gap)
            joined = allowed | repeated if gap_words & {",", "et", "and"} else allowed
            if gap_words <= joined:
                # ", and Kazakhstan is exploring ...": the subject of a new clause.
                # (not the serial comma of a list of subjects: "Renault, Nissan, and
                # Toyota build": no verb before it)
                new_clause = forward and gap[:1] == [","] and gap[1:2] in (["and"], ["et"])
                if (
                    new_clause
                    and m.end < len(doc)
                    and doc[m.end].pos_ in ("VERB", "AUX")
                    and any(t.pos_ in ("VERB", "AUX") for t in doc[doc[lo].sent.start : lo])
                ):
                    break
                group.append(m)
                cur = m
    return group


#: Phrases that join the items of a list as "and" does ("ainsi que", "as well as").
LIST_JOINERS = tuple(GRAMMAR["list_joiners"])


def _list_gap(doc: Doc, lo: int, hi: int, later: Mention) -> list[str]:
    """The words between two items of a list, with "ainsi que"/"as well as" read as
    "and", and without the words that name the later item as the earlier one's held firm
    ("Forvia et sa filiale Hella": "et")."""
    words = [t.lower_ for t in doc[lo:hi]]
    if _held_name(doc, later):
        k = len(words)
        while k > 0 and (words[k - 1] in ROLES | WHOSE or doc[lo + k - 1].pos_ == "ADJ"):
            k -= 1
        words = words[:k]
    text = f" {' '.join(words)} "
    for phrase in LIST_JOINERS:
        text = text.replace(f" {phrase} ", " and ")
    return text.split()


def _nearest(
    cands: list[Mention], cue: Cue, exclude: set[str] = frozenset(), window: int = WINDOW
) -> Mention | None:
    pool = [m for m in cands if m.entity not in exclude and _dist(m, cue) <= window]
    return min(pool, key=lambda m: (_dist(m, cue), m.start)) if pool else None


APPOSITION = GRAMMAR["apposition"]
ATTRIBUTION = GRAMMAR["attribution"]


def _relative_clauses(
    doc: Doc,
    start: int,
    end: int,
    name_ends: frozenset[int] = frozenset(),
    in_names: frozenset[int] = frozenset(),
) -> list[tuple[int, int]]:
    """Token ranges of ", qui/which ... ," clauses, of Russian participle phrases
    (", входящее в X,") and of appositions after a name (", the battery arm of
    Rosatom,", ", le fabricant des Lada,"), to the next comma or
    the sentence end. ``name_ends`` are the end indices of actor mentions (a name the
    tagger took for a common noun still opens an apposition); ``in_names`` are the
    tokens inside them, whose commas ("Co., Ltd.") neither open nor close a clause."""
    out = []
    # "À Moscou, le distributeur X, qui ...": the comma that closes an opening phrase
    # ("À Moscou", "Dans la région de Y") opens the subject, not an apposition to Y.
    first = doc[start] if start < end else None
    opening = first is not None and (first.pos_ == "ADP" or first.lower_ in LOCATIVE)
    opening_comma = next((i for i in range(start, end) if doc[i].text == ","), None)
    heads = APPOSITION | apposition_words()
    for i in range(start, end - 1):
        if doc[i].text != "," or i in in_names:
            continue
        after_name = (
            i > start
            and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].is_upper or i in name_ends)
            and not (opening and i == opening_comma)
        )
        # ", in which ...", ", dans lequel ...": a preposition before the pronoun.
        nxt = i + 2 if doc[i + 1].lower_ in PREPOSITIONS and i + 2 < end else i + 1
        # An apposition opens with an article or a head noun, not a verb (French "a").
        word = doc[i + 1]
        # (a Russian participle opens one after any noun: "Предприятие, входящее в X,")
        participle = doc.lang_ == "ru" and "Part" in word.morph.get("VerbForm")
        opens = (
            doc[nxt].lower_ in RELATIVE
            or participle
            or (
                after_name
                and (
                    (word.lower_ in heads and word.pos_ != "AUX")
                    # "Renera, Rosatom's battery subsidiary, is building ..."
                    or (i + 2 < end and doc[i + 2].text in ("'s", "’s"))
                )
            )
        )
        if opens:
            j = i + 2
            while j < end and (doc[j].text != "," or j in in_names):
                j += 1
            out.append((i, j))
    return out


def _anaphor(doc: Doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start:end]]
    return any(words[i : i + 2] == list(a) for a in ANAPHORS for i in range(len(words) - 1))


def _former(doc: Doc, i: int, start: int, reach: int = 4) -> bool:
    """Is token ``i`` preceded (within ``reach`` tokens of its sentence) by a "former"?"""
    words = [t.lower_ for t in doc[max(i - reach, start) : i]]
    return any(w in FORMER or w.startswith("ex-") for w in words) or doc[i].lower_.startswith("ex-")


CLAUSE_BREAKS = GRAMMAR["clause_breaks"]
SOFT_BREAKS = GRAMMAR["soft_breaks"]
COMMA_BREAKS = GRAMMAR["comma_breaks"]


def _main_clause_before(doc: Doc, start: int, comma: int) -> bool:
    """Does the stretch between the previous comma and ``comma`` hold a verb of its own,
    not a relative clause's ("Kamaz, qui a signé ..., et le gouvernement": no)?"""
    lo = next((t.i + 1 for t in reversed(doc[start:comma]) if t.text == ","), start)
    words = doc[lo:comma]
    if not len(words) or words[0].lower_ in RELATIVE:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in words)


def _clause(doc: Doc, start: int, end: int, cue: Cue, parts: list[Mention] = ()) -> tuple[int, int]:
    """The token range of the cue's clause: between breaks such as ";" and "while"; a
    colon (``SOFT_BREAKS``) opens it only if one of ``parts`` stands between it and the cue."""
    lo = start
    for i in range(cue.start - 1, start - 1, -1):
        after_comma = (
            i > start
            and doc[i - 1].text == ","
            and (
                doc[i].lower_ in COMMA_BREAKS
                # ", et X négocie ...": a new clause, when one with its own verb came before
                # (not the list "Renault, Volkswagen, and Toyota left").
                or (doc[i].lower_ in ("et", "and") and _main_clause_before(doc, start, i - 1))
            )
        )
        if (
            doc[i].lower_ in CLAUSE_BREAKS
            or after_comma
            or (
                doc[i].text in SOFT_BREAKS
                and any(i < m.start and m.end <= cue.start for m in parts)
            )
        ):
            lo = i + 1
            break
    hi = end
    for i in range(cue.end, end):
        after_comma = doc[i - 1].text == "," and doc[i].lower_ in COMMA_BREAKS
        if doc[i].lower_ in CLAUSE_BREAKS or after_comma:
            hi = i
            break
    return lo, hi


def is_question(sentence: str) -> bool:
    """Does the sentence end with a question mark (closing quotes aside)? It asks, and
    states no relation ("Is Yutong about to take a stake in SamAuto?")."""
    return sentence.rstrip(" \t\n»\"'”’)").endswith("?")


#: How many words open a sentence whose modal clause governs it whole.
_OPENING_WORDS = 6
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_possibility(sentence: str) -> bool:
    """Does the sentence open with a modal clause that governs it whole ("Il est possible
    que X signe ...", "It is likely that X will ...")? It states no relation."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)[:_OPENING_WORDS]]
    complementizers = {w.rstrip("'") for w in GRAMMAR["complementizers"]}
    # (or a speaker's hearsay: "I had heard that X ...", not "The court heard that X ...")
    hearsay = any(w in GRAMMAR["hearsay"] for w in words) and any(
        w in GRAMMAR["first_person"] for w in words
    )
    return (any(w in GRAMMAR["modal"] for w in words) or hearsay) and any(
        w in complementizers or w.split("'")[0] in complementizers for w in words
    )


def is_retraction(sentence: str) -> bool:
    """Does the sentence take a statement back: an allegation or a statement said to be
    wrong ("wrongly", "якобы"), or what a correction's earlier version said ("An earlier
    version of this article said ...")? Its relations are not stated."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
    return any(w in GRAMMAR["allegations"] for w in words) or earlier_version(words)


def earlier_version(words: list[str]) -> bool:
    """Do lower-case ``words`` hold a correction's earlier version: an earlier word with a
    version noun within two words of it, in either order ("an earlier version", "une
    version précédente"), or a first version of this very text ("the first version of
    this post")?"""
    versions = set(GRAMMAR["version_nouns"])
    firsts = set(GRAMMAR["first_words"])
    this = set(GRAMMAR["this_words"])
    return any(
        (w in GRAMMAR["earlier_words"] and set(words[max(i - 2, 0) : i + 3]) & versions)
        # ("the first version of this post said ...")
        or (
            w in firsts
            and i + 1 < len(words)
            and words[i + 1] in versions | {"post"}
            and set(words[i + 2 : i + 5]) & this
        )
        for i, w in enumerate(words)
    )


def _goods_name(doc: Doc, m: Mention, nouns: frozenset[str] = frozenset()) -> bool:
    """Does the name qualify goods rather than name an agent? It is followed by one of
    ``nouns`` (``GOODS`` by default), with at most two adjectives or nouns between
    ("Sitrak heavy trucks", "Geely kits", "NdFeB magnet plants"), or by its owner's
    "sa marque" ("les Evolute, sa marque de voitures")."""
    nouns = nouns or GOODS
    # Russian puts the goods noun first: "кроссоверы Haval", "автомобилей «Москвич»"
    before = m.start - 1
    while before >= 0 and doc[before].text in QUOTES:
        before -= 1
    if before >= 0 and CYRILLIC.search(doc[before].text) and doc[before].lower_ in PRODUCTS:
        return True
    # ... and so does French after an article or a number ("41 300 voitures Geely", "les
    # SUV Jetour"), but not after a partitive, where the goods may describe a maker ("le
    # fabricant de camions Kamaz"; "des SUV Jetour" is left out with it).
    if (
        before >= 1
        and doc[before].lower_ in PRODUCTS
        and doc[before - 1].lower_ not in GRAMMAR["partitives"]
        and (doc[before - 1].pos_ in ("DET", "NUM") or doc[before - 1].like_num)
    ):
        return True
    goods = _coordinated_names_end(doc, m.end)
    for t in doc[goods : goods + 3]:
        if t.lower_ in nouns:  # (also "SUVs", "EV")
            return True
        # (a verb of delivery the tagger takes for a noun: "X ships kits" is X's deed)
        if not t.is_lower or t.pos_ not in ("ADJ", "NOUN") or t.lower_ in GRAMMAR["delivers"]:
            break
    after = [t.lower_ for t in doc[m.end : m.end + 5]]
    return (
        len(after) > 2
        and after[0] == ","
        and after[1] in GRAMMAR["possessives"]
        and bool({"marque", "brand"} & set(after[2:]))
    )


def _coordinated_names_end(doc: Doc, i: int) -> int:
    """Past the names coordinated after a name ending at ``i`` ("Chery and Jetour cars":
    the goods noun qualifies both), else ``i``."""
    k = i
    while k + 1 < len(doc) and doc[k].lower_ in GRAMMAR["coordinators"] and doc[k + 1].is_title:
        k += 1
        while k < len(doc) and k - i < 5 and doc[k].is_title and doc[k].pos_ == "PROPN":
            k += 1
    return k


def _possessive(doc: Doc, m: Mention) -> bool:
    """ "X's plant", and "Varkon Industries' plant" (a bare apostrophe after an s)."""
    if m.end >= len(doc):
        return False
    mark = doc[m.end].text
    return mark in ("'s", "’s") or (mark in ("'", "’") and doc[m.end - 1].lower_.endswith("s"))


#: Nouns of a held firm's role, and the words that say whose it is ("sa filiale Y",
#: "whose subsidiary Y", "dont la coentreprise Y", "X's battery subsidiary Y").
ROLES = frozenset(GRAMMAR["subsidiary"]) | frozenset(GRAMMAR["joint_venture"])
OF_COMPLEMENT = frozenset(GRAMMAR["of_complement"]) | frozenset(GRAMMAR["partitives"])
WHOSE = frozenset(GRAMMAR["possessives"]) | frozenset(GRAMMAR["owner_relative"]) | {"'s", "’s"}
DONT_ARTICLES = frozenset(GRAMMAR["articles"])


def _held_name(doc: Doc, m: Mention) -> bool:
    """Is ``m`` named as another actor's subsidiary or venture ("its subsidiary Y", "sa
    filiale kazakhe Y", "whose subsidiary Y", "dont la filiale Y")? Such a name is the
    agent of its clause; its holder, named before, is not."""
    i = m.start - 1
    while i >= 0 and m.start - i <= 2 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1  # "sa filiale kazakhe Y"
    if i < 0 or doc[i].lower_ not in ROLES:
        return False
    i -= 1
    head = i
    while i >= 0 and head - i <= 2 and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN"):
        i -= 1  # "its battery subsidiary Y"
    if i < 0:
        return False
    word = doc[i].lower_
    return word in WHOSE or (word in DONT_ARTICLES and i > 0 and doc[i - 1].lower_ == "dont")


INDEFINITE = frozenset(GRAMMAR["indefinite"])


def unnamed_held(doc: Doc, m: Mention) -> bool:
    """Is ``m`` the holder of an unnamed firm that a preposition introduces ("supplied by
    a subsidiary of X", "par une filiale de X")? The unnamed firm is the agent or the
    complement; X is neither. (In an apposition, "Y, a subsidiary of X", no preposition
    stands before the article.)"""
    i = m.start - 1
    if i < 1 or doc[i].lower_ not in OF_COMPLEMENT:
        return False
    i -= 1
    while i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1  # "a Chinese subsidiary of X"
    if doc[i].lower_ not in ROLES:
        return False
    i -= 1
    while i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return i > 0 and doc[i].lower_ in INDEFINITE and doc[i - 1].pos_ == "ADP"


#: Words that may stand between a role noun's "de"/"of" and its holder's name ("la
#: filiale russe du groupe X", "the battery subsidiary of the group X").
_TO_HOLDER = frozenset(GRAMMAR["to_holder"])


def _holder_of_role(doc: Doc, m: Mention) -> bool:
    """Is ``m`` the holder named after a role noun ("cette filiale du groupe X", "la
    filiale russe de X", "a subsidiary of X")? The phrase's head is the subsidiary or the
    venture, so ``m`` is not its clause's agent."""
    i = m.start - 1
    while i >= 0 and m.start - i <= 2 and doc[i].lower_ in _TO_HOLDER:
        i -= 1
    if i < 0 or doc[i].lower_ not in OF_COMPLEMENT:
        return False
    i -= 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1  # "la filiale russe de X"
    return i >= 0 and doc[i].lower_ in ROLES


def _changes_hands(doc: Doc, cue: Cue, start: int) -> bool:
    """A sale or purchase verb governs the cue: within eight tokens before it, with no
    other verb between ("sold its half of the Vladivostok engine plant"; not "has sold
    trucks built at its plant"). A finite cue verb is governed by no other verb ("X,
    which bought Y in 2021, builds cells in Z")."""
    if "Fin" in doc[cue.start].morph.get("VerbForm"):
        return False
    for t in reversed(doc[max(cue.start - 8, start) : cue.start]):
        if t.lower_ in SALE | BOUGHT:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _attributed(doc: Doc, m: Mention, start: int) -> bool:
    """Is ``m`` the source a statement is credited to ("selon X", "according to X",
    "d'après X")? The attribution word stands within five words before it, with no comma
    between: in "Selon X, Y assemble ..." Y is the statement's subject."""
    for t in reversed(doc[max(m.start - 5, start) : m.start]):
        if t.is_punct and t.text not in ("'", "’", "-"):
            return False
        # (the French tokenizer splits "d'après" into "d'" and "après")
        pair = f"{doc[t.i - 1].lower_}{t.lower_}" if t.i > start else t.lower_
        if t.lower_ in ATTRIBUTION or pair in ATTRIBUTION:
            return True
    return False


def plant_city(entity: str, kb: KnowledgeBase) -> str | None:
    """The city or region a plant of the knowledge base is named after ("AvtoVAZ
    Togliatti plant", alias "usine de Togliatti": Togliatti), if it is an actor too."""
    actor = kb.actors.get(entity)
    if actor is None or actor.type != "place" or not actor.parent:
        return None
    words = {w.strip("'’").lower() for alias in actor.aliases for w in alias.split()}
    return next((name for word, name in _city_names() if word in words), None)


@functools.cache
def _city_names() -> tuple[tuple[str, str], ...]:
    """(one-word alias, entity) of the knowledge base's cities and regions (no plants)."""
    from analysis.extraction.actors import load_knowledge_base

    return tuple(
        (alias.lower(), a.name)
        for a in load_knowledge_base().actors.values()
        if a.type == "place" and not a.parent
        for alias in a.aliases
        if " " not in alias
    )


def _country_of(entity: str, kb: KnowledgeBase) -> str:
    """A city or region's country entity (firms leave countries), else ``entity``."""
    actor = kb.actors.get(entity)
    if actor is not None and actor.type == "place" and actor.country in kb.country_names:
        return kb.country_entity(actor.country)
    return entity


def sold_before(
    doc: Doc, end: int, floor: int, reach: int, skipped: frozenset[str] = frozenset()
) -> bool:
    """A sale word stands among the ``reach`` tokens before ``end`` (not before
    ``floor``), with only determiners, adjectives, pronouns and ``skipped`` words between:
    what follows is what is sold ("the sale of its precursor plant", "en cédant sa
    participation")."""
    for i in range(end - 1, max(end - reach, floor) - 1, -1):
        if doc[i].lower_ in SELLING:
            return True
        # (a noun or name right before what is sold modifies it: "its precursor plant")
        modifier = i == end - 1 and doc[i].pos_ in ("NOUN", "PROPN")
        if (
            doc[i].pos_ not in ("DET", "ADJ", "PRON")
            and not modifier
            and doc[i].lower_ not in skipped
        ):
            return False
    return False


def names_vehicles(doc: Doc, m: Mention, kb: KnowledgeBase) -> bool:
    """Does a name the knowledge base lacks name the vehicles themselves: right before a
    vehicle noun, past an adjective ("Sever crossovers", "Orvia electric cars"), or, in
    Russian, right after one ("кроссоверов «Сокол»")? Such a name is a brand or a model,
    not the maker that ships the kits (a known carmaker's name stays one: "Chery
    crossovers")."""
    actor = kb.actors.get(m.entity)
    if actor is None or actor.provenance != DISCOVERED or actor.parent:
        return False
    if len(actor.name.split()) > 1:  # ("автомобилей Haiyue": Shandong Haiyue Motor Group)
        return False
    after = [t for t in doc[m.end : m.end + 3] if t.pos_ != "ADJ" and not t.is_quote]
    before = [t for t in doc[max(0, m.start - 2) : m.start] if not t.is_quote]
    return bool(after and after[0].lower_ in PRODUCTS) or bool(
        before and before[-1].lower_ in PRODUCTS and CYRILLIC.search(before[-1].text)
    )


def held_brand(target: str, source: str, cue: Cue, parts: list[Mention], kb: KnowledgeBase) -> bool:
    """Is ``target`` a brand whose owner the sentence names, held by another? Its holder
    holds the owner, not the brand, and the sentence says so of the owner ("AvtoVAZ, le
    fabricant des Lada contrôlé par Rostec"), unless the cue says whose brand it is
    ("Tenet crossovers, a brand of China's Chery", whatever the knowledge base says)."""
    if set(cue.text.lower().split()) & owned_head_words():
        return False
    brand = kb.actors.get(target)
    if brand is None or brand.type != "brand" or brand.parent in ("", source):
        return False
    return any(m.entity == brand.parent for m in parts)
