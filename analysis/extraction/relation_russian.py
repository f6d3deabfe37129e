"""Who does what in a Russian sentence: the grammatical case, not the word order.

French and English news put the agent first, and the window rule of ``relation_rules``
reads the source before the cue. Russian orders words by what is new, not by role:
"Комплектующие для АвтоВАЗа поставляет Chery" puts the supplier last. Its cases say the
roles instead, and slovnet's morphology tagger gives them (``russian``). For a directed
cue whose first word has a lemma listed in ``relations.yaml``'s ``case_frames``, the
source and the target are the actors of the cue's clause in the frame's cases:

- an actor's case is that of its first Cyrillic word («АвтоВАЗу»: dative), or, for a
  name in Latin letters, which Russian does not inflect, that of the noun or adjective
  right before it ("маркой Lada": instrumental, "китайской Great Wall Motor": dative);
  a Latin name right after a cue noun is its complement ("дочерняя компания Geely":
  genitive);
- an actor after a preposition ("для АвтоВАЗа", "в Калуге") is in that preposition's
  role instead, so a place is no subject;
- an actor whose case is unknown (a Latin name with nothing before it) fills a role no
  actor's case filled, the nearest to the cue first;
- country adjectives ("китайской") are never an end, as in the other languages;
- a name a dash joins to a share ("51% принадлежит X, 49% — «Y»") owns that share too,
  and is never what is owned.

- a subsidiary noun in the accusative after a verb of creation ("создала дочернюю
  компанию ООО «Y»") names the new firm after it, whose parent is the verb's subject,
  the last nominative before it, whatever case a legal form before the name seems to
  have.

The nearest actor in each role is taken, with the targets coordinated with it ("и").
With no actor in one of the roles the cue states nothing: the window rule's guess would
go by word order, which this module exists to avoid. Pure functions of a parsed sentence.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, Mention
from analysis.extraction.descriptor_lexicon import load_lexicon
from analysis.extraction.grammar import GRAMMAR, RELATIONS_LEXICON
from analysis.extraction.relation_context import (
    JV_WORDS,
    RELATION_TYPES,
    Cue,
    _coordinated,
    _dist,
)
from analysis.extraction.russian import CYRILLIC, QUOTES, lemma

#: Verbs of creation ("создала дочернюю компанию"; relations.yaml's ``grammar``).
CREATION = frozenset(GRAMMAR["creation"])

#: Words that join coordinated Russian names ("АвтоВАЗу и Соллерсу").
AND = frozenset({"и"})
#: How many words (adjectives, descriptor nouns, quotes) may stand between a
#: preposition and the name it governs ("для калужской компании «X»").
PREPOSITION_REACH = 3


@dataclass(frozen=True)
class Frame:
    """The cases (or prepositions) of a directed cue's source and target."""

    source: frozenset[str]
    target: frozenset[str]


@functools.cache
def case_frames() -> dict[str, Frame]:
    """``relations.yaml``'s ``case_frames``, by the lemma of a cue's first word."""
    with open(RELATIONS_LEXICON, encoding="utf-8") as fh:
        data = yaml.safe_load(fh).get("case_frames", {})
    return {k: Frame(frozenset(v["source"]), frozenset(v["target"])) for k, v in data.items()}


def is_russian(doc: Doc, cue: Cue) -> bool:
    return bool(CYRILLIC.search(doc[cue.start].text))


def _before(doc: Doc, i: int) -> int:
    """The index of the word before ``i``, quotation marks skipped (-1 at the start)."""
    i -= 1
    while i >= 0 and doc[i].text in QUOTES:
        i -= 1
    return i


def case_of(doc: Doc, mention: Mention, cue: Cue) -> str | None:
    """The case (Nom, Gen, Dat, Acc, Ins, Loc), governing preposition, or ``next`` (the
    name right after a cue noun) of ``mention``."""
    before = _before(doc, mention.start)
    if before >= 0 and cue.start <= before < cue.end:
        # "дочерняя компания Geely", "собственной марки Evolute": the cue noun's
        # complement; "входит в «Ростех»": the cue's own preposition
        if doc[before].pos_ == "ADP":
            return doc[before].lower_
        return "next" if doc[before].pos_ in ("NOUN", "PROPN") else None
    # a preposition a few words before: "для АвтоВАЗа", "в группу Allur"
    for i in range(mention.start - 1, max(-1, mention.start - 2 - PREPOSITION_REACH), -1):
        token = doc[i]
        if token.pos_ == "ADP":  # (the cue's own: "входящая в группу Chery")
            return token.lower_
        if cue.start <= i < cue.end or (
            token.text not in QUOTES and token.pos_ not in ("ADJ", "NOUN", "DET")
        ):
            break
    # A name in Latin letters is not inflected, nor mostly one in quotes after a
    # descriptor noun (it stays nominative): the word before carries the case
    # ("компании «Узавтосаноат»", "китайской Great Wall Motor"; not "«Автотору»").
    first = doc[mention.start]
    quoted = mention.start > 0 and doc[mention.start - 1].text in QUOTES
    own = first.morph.get("Case") if CYRILLIC.search(first.text) else []
    if (
        quoted
        and own in ([], ["Nom"])
        and before >= 0
        and doc[before].is_sent_start
        and doc[before].pos_ in ("NOUN", "PROPN")
    ):
        # "СП «X» выпускает": the noun opening the sentence is its subject (not goods
        # before an inflected name: "Стёкла «КАМАЗу» поставляет Y")
        return "Nom"
    if before >= 0 and (not CYRILLIC.search(first.text) or (quoted and own in ([], ["Nom"]))):
        token = doc[before]
        # (a legal form in capitals does not inflect either: "белорусскому ОАО «Y»")
        ahead = _before(doc, before)
        if token.text.isupper() and ahead >= 0 and doc[ahead].pos_ == "ADJ":
            token = doc[ahead]
        elif token.text.isupper() and ahead >= 0 and _possessed(doc[ahead]):
            # "Ячейки для батарей ООО «X» поставляет Y": after a noun that names no firm,
            # the legal form and its name are that noun's owner, in the genitive
            return "Gen"
        elif token.text.isupper() and quoted and ahead >= 0 and doc[ahead].text == "%":
            return None  # "владеет 40% СП «Y»": after a share, its form says no case
        if CYRILLIC.search(token.text) and token.pos_ in ("NOUN", "ADJ"):
            case = token.morph.get("Case")
            if case:
                return case[0]
    for token in doc[mention.start : mention.end]:
        if CYRILLIC.search(token.text) and token.morph.get("Case"):
            return token.morph.get("Case")[0]
    return None


#: Dashes that stand for a repeated verb ("45% — «Y»").
_GAP_DASHES = frozenset({"—", "–", "-"})


def _gapped_share(doc: Doc, m: Mention) -> bool:
    """Is ``m`` joined by a dash to a share, before or after it ("45% — «Y»", "«Y» —
    45%")?"""
    sent = doc[m.start].sent
    before = [t.text for t in doc[max(sent.start, m.start - 4) : m.start] if t.text not in QUOTES]
    after = [t.text for t in doc[m.end : min(sent.end, m.end + 4)] if t.text not in QUOTES]
    dash_after_share = len(before) >= 2 and before[-2] == "%" and before[-1] in _GAP_DASHES
    dash_before_share = len(after) >= 3 and after[0] in _GAP_DASHES and after[2] == "%"
    return dash_after_share or dash_before_share


def _gapped(doc: Doc, m: Mention) -> bool:
    return _gapped_share(doc, m) or _gapped_goods(doc, m)


def _gapped_goods(doc: Doc, m: Mention) -> bool:
    """Is ``m`` the subject of a clause after a comma whose verb a dash stands for,
    beside its goods ("Стёкла поставляет X, электромоторы — Y", ", а Y — электромоторы")?
    It supplies other goods, in parallel with the verb's subject."""
    sent = doc[m.start].sent

    def goods(tokens) -> list:
        return list(itertools.takewhile(lambda t: t.is_lower and t.pos_ in ("NOUN", "ADJ"), tokens))

    k = m.start - 1
    while k > sent.start and doc[k].text in QUOTES:
        k -= 1
    if k > sent.start and doc[k].text in _GAP_DASHES:
        before = goods(reversed(doc[max(sent.start, k - 3) : k]))
        opener = k - len(before) - 1
        return bool(before) and opener >= sent.start and _opens_clause(doc[opener])
    after_dash = m.end
    while after_dash < sent.end and doc[after_dash].text in QUOTES:
        after_dash += 1
    if (
        after_dash + 1 >= sent.end
        or doc[after_dash].text not in _GAP_DASHES
        or not (k >= sent.start and _opens_clause(doc[k]))
    ):
        return False
    after = goods(doc[after_dash + 1 : min(sent.end, after_dash + 4)])
    rest = after_dash + 1 + len(after)
    return bool(after) and (rest >= sent.end or doc[rest].is_punct)


def _opens_clause(token) -> bool:
    return token.text == "," or token.lower_ == "а"


def _possessed(token) -> bool:
    """Is ``token`` a Russian noun that names no firm ("батарей", not "компания"), whose
    complement a legal form's name after it is?"""
    return (
        token.pos_ == "NOUN"
        and token.is_lower
        and CYRILLIC.search(token.text) is not None
        and (token.lower_,) not in load_lexicon().heads
    )


def _unnamed(doc: Doc, cue: Cue, cases: frozenset[str], named: list[Mention]) -> bool:
    """A noun or pronoun of the sentence in one of ``cases`` that is no actor fills the
    role ("Машинокомплекты предприятию поставляют ...": an unnamed plant receives)."""
    inside = {i for m in named for i in range(m.start, m.end)}
    sent = doc[cue.start].sent
    return any(
        t.i not in inside
        and not cue.start <= t.i < cue.end
        and t.pos_ in ("NOUN", "PRON")
        and set(t.morph.get("Case")) & cases
        for t in sent
    )


def russian_roles(doc: Doc, here: list[Mention], cue: Cue) -> list[tuple[str, str]] | None:
    """(source, target) pairs of a Russian directed cue read by case, or None when the
    cue's first word has no case frame (the window rule applies)."""
    frame = case_frames().get(lemma(doc[cue.start].text))
    if frame is None:
        return None
    defined = _own_brand_defined(doc, here, cue) if frame.target == {"next"} else None
    if defined is not None:
        return [defined]
    created = _subsidiary_created(doc, here, cue)
    if created is not None:
        return [created]
    # "55% принадлежит «X», 45% — «Y»": a name a dash joins to a share is a second
    # owner of that share, never what is owned.
    # (and a name a dash joins to its goods is a second supplier: "электромоторы — Y")
    pool = [m for m in here if m.kind != ADJECTIVE and not _gapped(doc, m)]
    bracketed = _bracketed(doc, pool, cue)
    pool = bracketed or pool
    cases = {(m.start, m.end): case_of(doc, m, cue) for m in pool}
    if bracketed:
        cases[(pool[0].start, pool[0].end)] = "Nom"  # the bracket's unstated subject
    # "ПАО «Соллерс», которому принадлежит УАЗ": the relative pronoun's case is its
    # antecedent's, the name before its comma.
    relative = next(
        (i for i in range(max(0, cue.start - 2), cue.start) if doc[i].lower_.startswith("котор")),
        None,
    )
    if relative is not None:
        case = (doc[relative].morph.get("Case") or [None])[0]
        # (not a name in brackets before the comma: "заводу ПАЗ (входит в «ГАЗ»), который")
        edge = _bracket_opening(doc, relative)
        antecedent = max((m for m in pool if m.end <= edge), key=lambda m: m.end, default=None)
        if antecedent is not None and case is not None:
            cases[(antecedent.start, antecedent.end)] = case
    cases = _agree(doc, pool, cases)
    sources = [m for m in pool if cases[(m.start, m.end)] in frame.source]
    targets = [m for m in pool if cases[(m.start, m.end)] in frame.target]
    loose = sorted(
        (m for m in pool if cases[(m.start, m.end)] is None), key=lambda m: _dist(m, cue)
    )
    if not sources and loose:
        sources = [loose.pop(0)]
    # (a dative noun that names no actor is the recipient: no loose name is)
    dative = frozenset({"Dat"}) & frame.target
    if not targets and loose and not (dative and _unnamed(doc, cue, dative, pool)):
        targets = [loose[0]]
    if not sources or not targets:
        return []
    # the subject before the verb, as Russian mostly writes it, else the nearest after
    # it ("Комплектующие для АвтоВАЗа поставляет Chery")
    source = _nearest_first(sources, cue)
    # "поставляют BAIC и Kaiyi": each coordinated name, whatever its tagged case
    group = _coordinated(doc, source, sources + loose, AND)
    # ... and the second owner of a share, after a dash: "51% принадлежит X, 49% — Y"
    group += [m for m in here if m.kind != ADJECTIVE and _gapped(doc, m)]
    names = {m.entity for m in group}
    targets = [m for m in targets if m.entity not in names]
    if not targets:
        return []
    if "Nom" in frame.target:  # a subject, as for the source
        target = _nearest_first(targets, cue)
    else:
        target = min(targets, key=lambda m: (_dist(m, cue), m.start))
    return [
        (a.entity, b.entity)
        for a in group
        for b in _conjuncts(doc, target, targets + loose)
        if b.entity not in names
    ]


def _bracket_opening(doc: Doc, i: int) -> int:
    """Where the bracket closed right before ``i`` (and a comma) opens, else ``i``."""
    j = i - 1
    while j >= 0 and doc[j].is_punct and doc[j].text != ")":
        j -= 1
    if j < 0 or doc[j].text != ")":
        return i
    return next((t.i for t in reversed(doc[:j]) if t.text == "("), i)


def _bracketed(doc: Doc, pool: list[Mention], cue: Cue) -> list[Mention]:
    """A cue opening a bracket right after a name says something of that name only
    ("заводу ПАЗ (входит в «Группу ГАЗ»)"): the name and those inside the bracket, or
    nothing when the cue opens no bracket after a name."""
    if cue.start == 0 or doc[cue.start - 1].text != "(":
        return []
    head = [m for m in pool if m.end == cue.start - 1]
    close = next((t.i for t in doc[cue.end :] if t.text == ")"), len(doc))
    return head + [m for m in pool if cue.start <= m.start < close] if head else []


def _subsidiary_created(doc: Doc, here: list[Mention], cue: Cue) -> tuple[str, str] | None:
    """(parent, subsidiary) of "X создала дочернюю компанию ООО «Y»": a subsidiary noun
    in the accusative, the object of a verb of creation, names the new firm after it
    (whatever case a legal form before it seems to have), and the verb's subject, the
    nominative before it, is the parent."""
    if lemma(doc[cue.start].text) != "дочерний" or "Acc" not in doc[cue.start].morph.get("Case"):
        return None
    opening = doc[cue.start].sent.start
    if not any(t.lower_ in CREATION for t in doc[opening : cue.start]):
        return None
    names = [m for m in here if m.kind != ADJECTIVE]
    # (the verb's own subject, the last nominative before the cue: "X сообщил, что группа
    # «Y» создала дочернюю компанию": Y)
    parent = next(
        (m for m in reversed(names) if m.end <= cue.start and case_of(doc, m, cue) == "Nom"),
        None,
    )
    child = min((m for m in names if m.start >= cue.end), key=lambda m: m.start, default=None)
    if parent is None or child is None or parent.entity == child.entity:
        return None
    return parent.entity, child.entity


#: How far after an own-brand cue its owner's name may start ("собственная марка ООО
#: «X»").
OWNER_REACH = 3


def _own_brand_defined(doc: Doc, here: list[Mention], cue: Cue) -> tuple[str, str] | None:
    """(owner, brand) of a brand a dash defines as another's own ("«Квеллон» —
    собственная марка ООО «Варкон»": the name after the cue owns the one before the
    dash), or None. The cue is then in the nominative; in the genitive it follows the
    verb whose subject owns the name after it ("выпускает машины собственной марки X")."""
    if cue.start < 2 or doc[cue.start - 1].text not in _GAP_DASHES:
        return None
    if "Nom" not in doc[cue.start].morph.get("Case"):
        return None
    names = [m for m in here if m.kind != ADJECTIVE]
    dash = cue.start - 1
    brand = next(
        (
            m
            for m in reversed(names)
            if m.end <= dash and all(t.text in QUOTES for t in doc[m.end : dash])
        ),
        None,
    )
    owner = next((m for m in names if cue.end <= m.start <= cue.end + OWNER_REACH), None)
    if brand is None or owner is None or brand.entity == owner.entity:
        return None
    return owner.entity, brand.entity


#: What may stand between two coordinated names besides "и": descriptors and quotes
#: ("ПАО «X» и белорусскому ОАО «Y»").
_BETWEEN = frozenset({"ADJ", "NOUN", "PROPN", "DET"})


def _joined(doc: Doc, a: Mention, b: Mention) -> bool:
    """Are ``a`` and ``b`` (in that order) joined by "и", descriptors aside?"""
    gap = doc[a.end : b.start]
    return any(t.lower_ in AND for t in gap) and all(
        t.lower_ in AND or t.text in QUOTES or t.pos_ in _BETWEEN for t in gap
    )


def _conjuncts(doc: Doc, first: Mention, pool: list[Mention]) -> list[Mention]:
    """``first`` and the names of ``pool`` joined to it, forward ("ПАО «X» и белорусскому
    ОАО «Y»"), as well as by ``_coordinated``'s "и" and commas."""
    group = _coordinated(doc, first, pool, AND)
    for m in sorted(pool, key=lambda m: m.start):
        last = max(group, key=lambda g: g.end)
        if m.start >= last.end and m not in group and _joined(doc, last, m):
            group.append(m)
    return group


def _agree(
    doc: Doc, pool: list[Mention], found: dict[tuple[int, int], str | None]
) -> dict[tuple[int, int], str | None]:
    """The names' cases (``found``), coordinated names given one: "поставляет ПАО «КАМАЗ»
    и белорусскому ОАО «Y»" names two recipients, though an abbreviation and a name in
    quotes do not inflect and read as nominative. A name whose case is unknown or
    nominative takes the other conjunct's oblique case or preposition."""
    cases = dict(found)
    for a, b in itertools.pairwise(sorted(pool, key=lambda m: m.start)):
        if not _joined(doc, a, b):
            continue
        ka, kb_ = (a.start, a.end), (b.start, b.end)
        if cases[ka] is not None and cases[ka].islower() and cases[ka] != "next":
            cases[kb_] = cases[ka]  # "для АвтоВАЗа и «Соллерса»": the preposition governs both
        elif cases[ka] in (None, "Nom") and cases[kb_] not in (None, "Nom", "next"):
            cases[ka] = cases[kb_]
        elif cases[kb_] in (None, "Nom") and cases[ka] not in (None, "Nom", "next"):
            cases[kb_] = cases[ka]
    return cases


def _nearest_first(mentions: list[Mention], cue: Cue) -> Mention:
    """The first of ``mentions`` before the cue (a subject comes before its appositions:
    "Белджи, дочерняя компания Geely, собирает"), else the nearest after it."""
    ahead = [m for m in mentions if m.end <= cue.start]
    if ahead:
        return min(ahead, key=lambda m: m.start)
    return min(mentions, key=lambda m: (_dist(m, cue), m.start))


def russian_venture(doc: Doc, here: list[Mention], cue: Cue) -> list[tuple[str, str, str]] | None:
    """ "Совместное предприятие «Норникеля» и «Росатома» «Полярный литий»": the names
    after the joint-venture noun up to the next nominative are its partners, which
    partner each other and own the venture named next; None for another cue."""
    if doc[cue.start].lower_ not in JV_WORDS:
        return None
    after = sorted(
        (m for m in here if m.start >= cue.end and m.kind != ADJECTIVE), key=lambda m: m.start
    )
    partners: list[Mention] = []
    for m in after:
        case = case_of(doc, m, cue)
        if case in ("next", "Gen") or (partners and case is None):
            partners.append(m)
            continue
        if case == "Nom" and len(partners) >= 2:
            out = [(a.entity, m.entity, "ownership") for a in partners]
            return out + [
                (a.entity, b.entity, "partnership")
                for i, a in enumerate(partners)
                for b in partners[i + 1 :]
            ]
        break
    return None


def russian_subject(doc: Doc, firms: list[Mention], cue: Cue) -> Mention | None:
    """The firm in the nominative (or named right after a plant noun: «завод
    "СарыаркаАвтоПром"») that is a Russian production cue's subject, before the verb if
    one is, else after it ("... выпускает на бывшем заводе Volkswagen холдинг «АГР»")."""
    cases = {id(m): case_of(doc, m, cue) for m in firms if m.kind != ADJECTIVE}
    subjects = [m for m in firms if cases.get(id(m), "") in ("Nom", "next")]
    # (else a name whose case is unknown: "«Волну» собирает «Кама X Моторс»", the object
    # in the accusative, the subject a name the tagger reads as foreign)
    subjects = subjects or [m for m in firms if id(m) in cases and cases[id(m)] is None]
    return _nearest_first(subjects, cue) if subjects else None


def oblique(doc: Doc, m: Mention, cue: Cue) -> bool:
    """Is ``m`` a Cyrillic name inflected in a case no subject takes ("«Волну»")? A Latin
    name's case is only its neighbour's ("Машинокомплекты Foton производит": Foton is
    the subject), so it is never ruled out."""
    own = doc[m.start].morph.get("Case") if CYRILLIC.search(doc[m.start].text) else []
    return bool(own) and own != ["Nom"] and case_of(doc, m, cue) not in (None, "Nom", "next")


def with_neuter_past(phrases: list[str]) -> list[str]:
    """``phrases`` and, for each with a feminine past verb ("приобрела", "продала
    завод", "свернула производство"), the same with its neuter ("приобрело", "продало
    завод"): the verb of «Общество», «АО», «предприятие». The stems cannot join them (an
    "о" ending is also a name's own)."""
    out = list(phrases)
    for phrase in phrases:
        words = phrase.split(" ")
        for k, word in enumerate(words):
            ending = next((f for f in ("лась", "ла") if word.endswith(f)), None)
            if ending and len(word) > len(ending) + 2:
                neuter = word[: -len(ending)] + ("лось" if ending == "лась" else "ло")
                out.append(" ".join([*words[:k], neuter, *words[k + 1 :]]))
                break
    return list(dict.fromkeys(out))


def russian_cues(nlp: Language, lexicon: dict, keys: dict[int, str]) -> PhraseMatcher | None:
    """The ``ru`` cues of ``relations.yaml`` (``lexicon``), matched on stems (the Russian
    pipeline sets them as NORM), so that «соглашение» also finds «соглашении», each
    with its neuter past (:func:`with_neuter_past`); None for a pipeline without stems.
    ``keys`` gets each relation's label."""
    if "russian_stems" not in nlp.pipe_names:
        return None
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for rel in RELATION_TYPES:
        phrases = with_neuter_past(lexicon.get(rel, {}).get("ru", []))
        if phrases:
            label = f"relation:{rel}"
            keys[nlp.vocab.strings.add(label)] = rel
            matcher.add(label, list(nlp.pipe(phrases)))
    return matcher
