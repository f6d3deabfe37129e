"""Trade in goods: goods sold or bought are a supply from the seller to the buyer (see
``relations`` for the method).

- "X sells its concentrate to Y", "X a vendu 2 000 camions à Y", "X builds tractors and
  sells them to Y": a sale verb, goods (or a plural pronoun) as its object, then
  "to"/"à" and the buyer; the seller is the nearest firm before the verb in its clause.
- "X produced 3,100 t of concentrate, all of it sold to Y": a share of goods named before
  a bare participle of sale; the seller is the firm the sentence is about.
- "X achète à Y des voitures", "X achète ses cellules auprès de Y": a French purchase
  verb, the seller after "à"/"auprès de", goods on either side of it. (English "buys
  gearboxes from Y" is read by the acquisition cue's own rule in ``relations``.)

What changes hands must be goods: a goods noun (kits, products, the contributions a
partner brings, raw materials, ``traded_goods``) and no share, plant or firm (``assets``,
premises, a named actor): "sold its stake in Y to Z" is an acquisition, read by
``relation_places._sales``. A sale that is denied, planned or only possible states
nothing.

Reads a parsed sentence and its linked mentions; returns (source, target, cue, rule)
tuples as the other rules do.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.cue_filters import counted_goods
from analysis.extraction.descriptors import goods_nouns
from analysis.extraction.discovery import material_words
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import SALE, TO, UNKNOWN, Cue, _is_place
from analysis.extraction.relation_modality import _ended, _modal, _negated, _planned
from analysis.extraction.relation_places import PREMISES
from analysis.extraction.relation_rules import OF_WORDS
from analysis.extraction.units import forms as unit_forms

#: How far the buyer's "to"/"à" (or the seller's "à"/"auprès de") may stand after the verb.
REACH = 10
#: French purchase verbs ("achète à Y", "acheté auprès de Y"; "rachète" is an acquisition).
PURCHASES = GRAMMAR["purchases"]
#: Verbs that may state a trade: a sentence with one is read even with no cue.
TRADE_VERBS = SALE | PURCHASES
#: What names the seller after a purchase verb.
FROM_SELLER = GRAMMAR["from_seller"] | TO
#: Nouns of a firm's whole output, and the words after them that name the firm.
OUTPUTS = frozenset(GRAMMAR["outputs"])
OUTPUT_OF = frozenset(GRAMMAR["complement_of"])


def seller_at(doc: Doc, i: int) -> bool:
    """Does word ``i`` after a purchase cue introduce a seller, not what is bought: "from
    X", or "of" after a firm's output ("buys the entire output of X": X supplies)?"""
    word = doc[i].lower_
    return word in GRAMMAR["from_seller"] or (
        word in OUTPUT_OF and i > 0 and doc[i - 1].lower_ in OUTPUTS
    )


#: Objects that stand for goods already named ("sells them to Y", "les vend à Y").
GOODS_PRONOUNS = frozenset({"them", "les"})
GOODS_SHARES = frozenset(GRAMMAR["goods_shares"])
GOODS_REFERENTS = frozenset(GRAMMAR["goods_referents"])
RULE = "trade in goods"


@functools.cache
def goods_words() -> frozenset[str]:
    """Nouns of goods that change hands in a sale (lower case, one word each): kits,
    products and contributions (``descriptors``), raw materials, ``traded_goods``, and
    the counts and tonnes of ``units.yaml`` ("2 000 units", "3,100 tonnes")."""
    counted = {w for lang in unit_forms().values() for u in COUNTED for w in lang.get(u, ())}
    words = goods_nouns() | material_words() | GRAMMAR["traded_goods"] | counted
    return frozenset(w.lower() for w in words if " " not in w)


#: The units of ``units.yaml`` whose words count goods ("units", "tonnes").
COUNTED = ("units", "t")


def trades(
    doc: Doc, start: int, end: int, parts: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, Cue, str]]:
    """Supplies stated by sales and purchases of goods in ``doc[start:end]``."""
    named = [m for m in parts if m.entity != UNKNOWN and m.kind != ADJECTIVE]
    firms = [m for m in named if not _is_place(m, kb)]
    out = []
    for i in range(start, end):
        word = doc[i].lower_
        if word in SALE and _share_sold(doc, i, start):
            ends = _participle_sale(doc, i, end, firms)
        elif word in SALE and not _active(doc, i, start):
            ends = _goods_passive(doc, i, start, end, firms)
        elif word in SALE and _active(doc, i, start):
            ends = _sale(doc, i, end, firms)
        elif word in PURCHASES:
            ends = _purchase(doc, i, end, firms)
        else:
            continue
        if ends is None:
            continue
        cue = Cue("supply", i, i + 1, doc[i].text, False)
        if _negated(doc, cue, start) or _planned(doc, cue, start) or _modal(doc, cue, start):
            continue
        if _ended(doc, cue):
            continue
        out.append((ends[0].entity, ends[1].entity, cue, RULE))
    return out


def trade_verbs(found: list[tuple[str, str, Cue, str]]) -> frozenset[int]:
    """Token indexes of the verbs of ``trades``' rows: their acquisition cues ("vend à")
    are not read again as a sale of a firm."""
    return frozenset(cue.start for *_, cue, rule in found if rule == RULE)


def _active(doc: Doc, i: int, start: int) -> bool:
    """Not a passive ("the vans were sold to Y": what is sold is the subject)."""
    return not (i > start and doc[i - 1].lower_ in GRAMMAR["passive_auxiliaries"])


def _goods(doc: Doc, lo: int, hi: int, firms: list[Mention]) -> bool:
    """Goods and nothing else change hands in ``doc[lo:hi]``: a goods noun, no share,
    plant or firm named there (a place may qualify the goods: "cars made in X")."""
    words = {t.lower_ for t in doc[lo:hi]}
    if words & (GRAMMAR["assets"] | PREMISES) or any(t.text == "%" for t in doc[lo:hi]):
        return False
    if any(lo <= m.start < hi and not counted_goods(doc, m) for m in firms):
        return False  # ("40 autobus Tulpar": goods a name qualifies)
    return bool(words & goods_words())


def _sale(doc: Doc, i: int, end: int, firms: list[Mention]) -> tuple[Mention, Mention] | None:
    """(seller, buyer) of "X sells <goods> to Y", or ``None``."""
    to = next((j for j in range(i + 1, min(end, i + 1 + REACH)) if doc[j].lower_ in TO), None)
    if to is None:
        return None
    pronoun = doc[i + 1].lower_ in GOODS_PRONOUNS or doc[i - 1].lower_ in GOODS_PRONOUNS
    if not (_goods(doc, i + 1, to, firms) or (pronoun and not _goods_free(doc, i + 1, to))):
        return None
    buyer = next((m for m in firms if to < m.start <= to + 3), None)
    seller = _subject(doc, i, firms)
    if buyer is None or seller is None or seller.entity == buyer.entity:
        return None
    return seller, buyer


def _share_sold(doc: Doc, i: int, start: int) -> bool:
    """Is the sale verb at ``i`` a participle whose subject is a share of goods named
    before ("all of it sold to Y", "most of which was sold to Y")?"""
    if not ("Part" in doc[i].morph.get("VerbForm") or doc[i].tag_ == "VBN"):
        return False
    j = i - 1
    if j > start and doc[j].lower_ in GRAMMAR["passive_auxiliaries"]:
        j -= 1
    return (
        j - 2 >= start
        and doc[j].lower_ in GOODS_REFERENTS
        and doc[j - 1].lower_ == "of"
        and doc[j - 2].lower_ in GOODS_SHARES
        and any(t.lower_ in goods_words() for t in doc[start : j - 2])
    )


def _participle_sale(
    doc: Doc, i: int, end: int, firms: list[Mention]
) -> tuple[Mention, Mention] | None:
    """(seller, buyer) of "X produced 3,100 t of concentrate, all of it sold to Y": the
    buyer right after "to", the seller the firm the sentence is about."""
    to = next((j for j in range(i + 1, min(end, i + 4)) if doc[j].lower_ in TO), None)
    if to is None:
        return None
    buyer = next((m for m in firms if to < m.start <= to + 3), None)
    seller = _subject(doc, i, [m for m in firms if m is not buyer])
    if buyer is None or seller is None or seller.entity == buyer.entity:
        return None
    return seller, buyer


#: How many words the goods sold may stand before a passive's auxiliary.
GOODS_REACH = 6


def _goods_passive(
    doc: Doc, i: int, start: int, end: int, firms: list[Mention]
) -> tuple[Mention, Mention] | None:
    """(seller, buyer) of "all the concentrate of X is sold to Y", "X's output is sold
    to Y": goods of a firm, the subject of a passive of sale, go to the firm after
    "to"; the firm is not sold."""
    aux = i - 1
    lo = max(start, aux - GOODS_REACH)
    goods = [t.i for t in doc[lo:aux] if t.lower_ in goods_words()]
    if not goods:
        return None
    g = goods[0]
    seller = next(
        (
            m
            for m in firms
            if (g < m.start < aux and doc[m.start - 1].lower_ in ("of", "de", "du", "d'"))
            or (lo <= m.end < g and doc[m.end].text in ("'s", "’s"))
        ),
        None,
    )
    to = next((j for j in range(i + 1, min(end, i + 4)) if doc[j].lower_ in TO), None)
    if seller is None or to is None:
        return None
    buyer = next((m for m in firms if to < m.start <= to + 3), None)
    return (seller, buyer) if buyer is not None and buyer.entity != seller.entity else None


def _goods_free(doc: Doc, lo: int, hi: int) -> bool:
    """Something other than goods stands between a pronoun object and "to"."""
    return bool({t.lower_ for t in doc[lo:hi]} & (GRAMMAR["assets"] | PREMISES))


def _purchase(doc: Doc, i: int, end: int, firms: list[Mention]) -> tuple[Mention, Mention] | None:
    """(seller, buyer) of "X achète à Y des voitures" / "X achète des cellules auprès de
    Y", or ``None``."""
    marker = next(
        (j for j in range(i + 1, min(end, i + 1 + REACH)) if doc[j].lower_ in FROM_SELLER),
        None,
    )
    if marker is None:
        return None
    seller = next((m for m in firms if marker < m.start <= marker + 3), None)
    if seller is None:
        return None
    after = min(end, seller.end + REACH)
    others = [m for m in firms if m is not seller]
    if not (_goods(doc, i + 1, marker, others) or _goods(doc, seller.end, after, others)):
        return None
    if _goods_free(doc, i + 1, after):
        return None
    buyer = _subject(doc, i, firms)
    if buyer is None or buyer.entity == seller.entity:
        return None
    return seller, buyer


def _subject(doc: Doc, i: int, firms: list[Mention]) -> Mention | None:
    """The nearest firm before the verb ``i`` in its clause (no ";" between), one that
    is no complement if there is one ("Renera, la filiale de Rosatom, achète ...":
    Renera; but "... de X, qui les vend à Y": X)."""
    before = [m for m in firms if m.end <= i and not any(t.text == ";" for t in doc[m.end : i])]
    heads = [
        m
        for m in before
        if not (m.start > 0 and doc[m.start - 1].lower_ in OF_WORDS)
        and not _in_apposition(doc, m, i, before)
    ]
    return (heads or before)[-1] if before else None


def _in_apposition(doc: Doc, m: Mention, i: int, firms: list[Mention]) -> bool:
    """Is ``m`` inside an apposition that a comma and a determiner open after an earlier
    firm and a comma closes before the verb ``i`` ("X (XM), a joint venture of A (70%)
    and the state-owned B (30%), sells ...": B describes X and sells nothing)?"""
    if not any(t.text == "," for t in doc[m.end : i]):
        return False  # (no comma closes it before the verb)
    for p in firms:
        if p.end > m.start:
            continue
        k = p.end
        if k < m.start and doc[k].text == "(":  # its abbreviation: "X (XM), a ..."
            k = next((j + 1 for j in range(k, m.start) if doc[j].text == ")"), k)
        if (
            k + 1 < m.start
            and doc[k].text == ","
            # (or a bare role noun: "Ak-Tyuz Metals, filiale de la société d'État X, vend")
            and (doc[k + 1].pos_ == "DET" or (doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN"))
            # (the same apposition: no comma closes it before m)
            and not any(t.text == "," for t in doc[k + 1 : m.start])
        ):
            return True
    return False
