"""Discovered actors across a corpus: merging their names, settling their attributes.

Per document, extraction records each discovered actor's name as written and what the
text says of it (``descriptors``). Over the corpus:

- **Names merge** on their key (case, accents, punctuation and transliteration
  variants folded: "Sollers" and "SOLLERS", "Kostanai" and "Kostanay"), and a one-word
  person's name merges with the only longer person's name that ends with it
  ("Manturov" and "Denis Manturov"). Within a document a short form
  of an earlier organisation's name was already given that name ("Great Wall" after
  "Great Wall Motor"); a short form an article defines in brackets ("Tobolsk Lanfeng
  Motors (TLM)") is that organisation in the other articles too, unless two articles
  define it for two. The canonical name is the most frequent form, then the longest.
- **Attributes** (type, sector, country, parent) take the value with the strongest
  basis (a descriptor or apposition before words of the name, before the NER label),
  then the most evidence, then the first in reading order; the sentence of that first
  evidence is kept as its justification (``actor_evidence.csv``).

Everything here is a pure function of the rows it is given.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analysis.extraction.actors import DISCOVERED, Actor
from analysis.extraction.name_keys import spelling_key

#: Strength of each basis of an attribute (higher wins).
BASIS_RANK = {
    "parent": 3,
    "descriptor": 3,
    "apposition": 3,
    "locative": 2,
    # a name after "at"/"à" that GeoNames knows as a town ("gazetteer")
    "gazetteer": 2,
    "name": 2,
    # the words before one mention ("fournis par X", "l'usine de X", "région d'X"):
    # what a sentence says outweighs a label NER gives another mention
    "context": 2,
    "region": 2,
    "NER label": 1,
}


@dataclass(frozen=True)
class Settled:
    """A discovered actor's attribute value and the evidence it rests on."""

    value: str
    basis: str
    sentence_id: str


def merge_names(
    mentions: list[dict], evidence: list[dict], is_place: Callable[[str], bool] = lambda w: False
) -> dict[str, str]:
    """Map every discovered name (as recorded) to its canonical name. ``is_place`` says
    whether a word is a town's or a province's name (``gazetteer.is_place_name``)."""
    counts: Counter[str] = Counter(m["entity"] for m in mentions)
    person = {e["entity"] for e in evidence if e["attribute"] == "type" and e["value"] == "person"}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts):
        groups[spelling_key(name)].append(name)
    canonical: dict[str, str] = {}
    for names in groups.values():
        best = max(names, key=lambda n: (counts[n], len(n), n))
        for n in names:
            canonical[n] = best
    # "Manturov" -> "Denis Manturov" when exactly one longer person's name ends with it.
    people = sorted({canonical[n] for n in canonical if n in person})
    for short in [p for p in people if " " not in p]:
        longer = [p for p in people if p != short and p.split()[-1] == short]
        if len(longer) == 1:
            for n, c in canonical.items():
                if c == short:
                    canonical[n] = longer[0]
    apart = _apart(mentions, evidence, canonical)
    # (the evidence of a name's every spelling types its canonical name)
    typed = [
        {**e, "entity": canonical.get(e["entity"], e["entity"])}
        for e in evidence
        if e["attribute"] == "type"
    ]
    shortened = _short_forms(set(canonical.values()), typed, is_place)
    shortened |= _defined_elsewhere(evidence, canonical, typed)
    for short, longer in shortened.items():
        if frozenset((short, longer)) in apart:
            continue
        for n, c in canonical.items():
            if c == short:
                canonical[n] = longer
    return canonical


def _defined_elsewhere(
    evidence: list[dict], canonical: dict[str, str], typed: list[dict]
) -> dict[str, str]:
    """Names that are a short form an article defines for one organisation ("Tobolsk
    Lanfeng Motors (TLM)", evidence of attribute ``SHORT_FORM``) -> that organisation,
    for the articles that write the short form alone (within the defining article the
    pipeline gave it the name already). Not a short form defined for two organisations,
    nor a name a sentence types as a person, place or country."""
    meant: dict[str, set[str]] = defaultdict(set)
    for e in evidence:
        if e["attribute"] == SHORT_FORM:
            meant[spelling_key(e["value"])].add(canonical.get(e["entity"], e["entity"]))
    not_orgs = {
        e["entity"] for e in typed if e["value"] in NOT_ORGANISATIONS and e["basis"] != "NER label"
    }
    out = {}
    for name in set(canonical.values()) - not_orgs:
        full = meant.get(spelling_key(name), set())
        if len(full) == 1 and name not in full:
            out[name] = next(iter(full))
    return out


def _apart(
    mentions: list[dict], evidence: list[dict], canonical: dict[str, str]
) -> set[frozenset[str]]:
    """Pairs of names that are two actors: named in one sentence ("Nidec Leroy-Somer,
    filiale du groupe japonais Nidec") or one recorded as the other's parent."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.get("sentence_id"):
            by_sentence[m["sentence_id"]].add(canonical.get(m["entity"], m["entity"]))
    out = {
        frozenset((a, b))
        for names in by_sentence.values()
        if len(names) > 1
        for a in names
        for b in names
        if a != b
    }
    for e in evidence:
        if e["attribute"] == "parent":
            a, b = canonical.get(e["entity"], e["entity"]), canonical.get(e["value"], e["value"])
            out.add(frozenset((a, b)))
    return out


#: The attribute of an evidence row recording a short form its article defines.
SHORT_FORM = "short form"
#: Types that make a name no organisation's short or full form.
NOT_ORGANISATIONS = frozenset({"person", "place", "country"})


def _short_forms(
    names: set[str], evidence: list[dict], is_place: Callable[[str], bool]
) -> dict[str, str]:
    """Organisations' short forms -> the one longer organisation's name they shorten
    (``shortened``): "Varkon Motors" and "Varkon Motors LLC", "Lanxin" and "Hubei Lanxin
    Power Co., Ltd." (Chinese firms are named after their home). Not when two longer
    names could be meant ("Marvène": "Marvène Rus" or "Marvène Composants"), nor for
    names typed as people or places by what a sentence says, nor for a short name that
    is itself a town's or province's."""
    typed: dict[str, set[str]] = defaultdict(set)
    for e in evidence:
        # (NER's person label of one word is no basis: it takes "Kaiheng" for a person)
        weak = e["basis"] == "NER label" and e["value"] == "person" and " " not in e["entity"]
        if e["attribute"] == "type" and e["value"] in NOT_ORGANISATIONS and not weak:
            typed[e["entity"]].add(e["value"])
    orgs = sorted(n for n in names if not typed.get(n))
    forms = {name: name_forms(name, is_place) for name in orgs}
    by_first: dict[str, set[str]] = defaultdict(set)
    for name, fs in forms.items():
        for form in fs:
            by_first[form[0]].add(name)
    # (a Chinese firm's core names it, not a venture named after it: "Lanxing" is never
    # "Kama Lanxing Motors", even where the firm itself was typed otherwise)
    cores = {chinese_core(name_forms(name, is_place)) for name in names}
    out: dict[str, str] = {}
    for short in orgs:
        if is_place(short):
            continue
        full = shortened(short, by_first.get(short.split()[0], ()), forms)
        if full is not None and (short not in cores or chinese_core(forms[full]) == short):
            out[short] = full
    return out


@functools.cache
def leading_words() -> frozenset[str]:
    """Words a firm's name may open with before its own ("Groupe Dalvène"): the heads of
    company descriptors (``descriptors.yaml``)."""
    from analysis.extraction.descriptor_lexicon import load_lexicon

    return frozenset(
        k[0] for k, (kind, _) in load_lexicon().heads.items() if len(k) == 1 and kind == "company"
    )


def name_forms(name: str, is_place: Callable[[str], bool]) -> list[tuple[str, ...]]:
    """The words of ``name``, and its words once up to two opening words that are a
    town's, a province's or a firm word are set aside ("Jiangsu Kaiheng New Energy" ->
    "Kaiheng New Energy", "Groupe Dalvène" -> "Dalvène"), the second one only when no word
    of firms' names follows it ("Hunan Tianhe Automobile" -> "Tianhe Automobile")."""
    from analysis.extraction.descriptor_lexicon import load_lexicon

    words = tuple(name.split())
    leading = leading_words()
    lexicon = load_lexicon()
    k = 0
    while k < len(words) - 1 and k < 2 and (words[k].lower() in leading or is_place(words[k])):
        # (a town's name right before a word of firms' names is the firm's own: "Hunan
        # Tianhe Automobile" is "Tianhe Automobile", though Tianhe is a district too)
        if k and lexicon.name_word(words[k + 1]):
            break
        k += 1
    return [words, words[k:]] if k else [words]


def shortened(
    short: str, names: Iterable[str], forms: dict[str, list[tuple[str, ...]]]
) -> str | None:
    """The one name of ``names`` that ``short`` shortens: its words open one of that
    name's ``forms``; None when none does or when two names could be meant."""
    words = tuple(short.split())
    longer = [name for name in names if name != short and _opens(words, forms[name])]
    if not longer:
        return None
    full = max(longer, key=lambda name: (len(name.split()), name))
    if all(_within(name, full, forms) for name in longer):
        return full
    # ("Lanxing": "Guangxi Lanxing Automobile", not "Kama Lanxing Motors", the venture
    # named after it, whose first word is no Chinese home)
    chinese = [name for name in longer if chinese_core(forms[name]) == short]
    full = max(chinese, key=lambda name: (len(name.split()), name), default=None)
    return full if full and all(_within(name, full, forms) for name in chinese) else None


def chinese_core(forms: list[tuple[str, ...]]) -> str | None:
    """A Chinese firm's core name: the first word of a name's ``forms`` once its opening
    Chinese home is set aside, when two words or more are left and it is written in
    pinyin ("Hanxing" of "Chongqing Hanxing Automobile Co., Ltd."); else None."""
    from analysis.extraction.firm_names import is_pinyin
    from analysis.extraction.gazetteer import is_chinese_place

    if len(forms) < 2 or len(forms[1]) < 2:
        return None
    plain, core = forms
    home = plain[: len(plain) - len(core)]
    word = core[0]
    return word if word.isalpha() and is_pinyin(word) and all(map(is_chinese_place, home)) else None


def prefix_of(
    short: str, names: list[str], forms: Callable[[str], list[tuple[str, ...]]]
) -> str | None:
    """The first of ``names`` (in the order named) that ``short`` opens ("Great Wall"
    for "Great Wall Motor"), unless ``short`` is the core of one other name once its home
    word is set aside (or of several forms of one name): "Haixing" is "Shandong Haixing
    Automobile", not the joint venture named after it, "Haixing Ural Motors"."""
    words = tuple(short.split())
    opened = [n for n in names if n != short and tuple(n.split()[: len(words)]) == words]
    if not opened:
        return None
    cored = [
        n
        for n in names
        if n != short and n not in opened and any(f[: len(words)] == words for f in forms(n)[1:])
    ]
    return cored[0] if cored and _one_name(cored) else opened[0]


def _one_name(names: list[str]) -> bool:
    """Are ``names`` forms of one name, each opening the longest ("Hunan Tianhe
    Automobile" and "Hunan Tianhe Automobile Co., Ltd.")?"""
    words = [tuple(w.rstrip(".") for w in n.split()) for n in names]
    longest = max(words, key=len)
    return all(longest[: len(w)] == w for w in words)


def core_shortened(
    short: str, names: Iterable[str], forms: dict[str, list[tuple[str, ...]]]
) -> str | None:
    """The one name of ``names`` whose core (its words once a home or firm word is set
    aside, ``name_forms``) ``short`` opens: "Yunfan" for "Chongqing Yunfan Automobile",
    not "Nidec" for "Nidec Leroy-Somer", whose first word may name its group."""
    words = tuple(short.split())
    longer = {
        n for n in names if n != short and any(f[: len(words)] == words for f in forms[n][1:])
    }
    return next(iter(longer)) if len(longer) == 1 else None


def _opens(words: tuple[str, ...], forms: list[tuple[str, ...]]) -> bool:
    """Do ``words`` open a name of these ``forms``? One word opens only the name once its
    home or firm word is set aside ("Kaiheng", "Dalvène"), or the name with nothing
    after but a legal form: a lone word opening a longer name is as often a deposit, a
    town or a parent named in it ("Kalesay" and "Kalesay Rare Earth Company")."""
    n = len(words)
    plain, *core = forms
    if core and core[0][:n] == words:
        return True
    rest = {w.lower() for w in plain[n:]}
    return plain[:n] == words and (n > 1 or rest <= legal_words())


#: Which type a name's firm words give it when they disagree ("Kazakh Energy Ministry",
#: "Ministry of Energy": a ministry).
_TYPE_ORDER = ("government body", "organisation", "media", "company")


def firm_named(name: str) -> str | None:
    """The type the words of ``name`` give it when they show no person is so named, else
    None: a legal form ("Co., Ltd.", "LLC"), or a word of firms' names ("New Energy",
    "Manganese", "E-Drive", "Ministry") in a name of three words or more, or in one of
    two whose first word is a Chinese town's or province's ("Guangxi Manganese"). A person's
    name of two words may end with such a word ("Fiona Power", "Vince Cable"), so NER's
    label or a title before it ("President, International Business, Jiangxi Ruineng New
    Energy Technology Co., Ltd.") stands there."""
    from analysis.extraction.descriptor_lexicon import load_lexicon
    from analysis.extraction.gazetteer import is_chinese_place

    lexicon = load_lexicon()
    words = name.split()
    found = [lexicon.name_word(w.strip(",.")) for w in words]
    kinds = {f[0] or "company" for f in found if f is not None}
    legal = any(
        f == ("company", "") and w.strip(",.").lower() in lexicon.legal_forms
        for f, w in zip(found, words, strict=True)
    )
    if not kinds or len(words) < 2:
        return None  # (a firm word alone is a table's label, "Anode", or a fragment)
    if legal or len(words) >= 3 or is_chinese_place(words[0]):
        return next(k for k in _TYPE_ORDER if k in kinds)
    return None


@functools.cache
def legal_words() -> frozenset[str]:
    """Legal forms a firm's name may end with ("LLP", "Co.,", "Ltd."), lower-cased."""
    from analysis.extraction.grammar import GRAMMAR

    words = {w.lower() for w in GRAMMAR["legal_suffixes"] | GRAMMAR["company_abbreviations"]}
    return frozenset(words | {f"{w}," for w in words})


def _within(name: str, full: str, forms: dict[str, list[tuple[str, ...]]]) -> bool:
    """Is ``name`` ``full`` or a form that ``full`` extends (one longer name is meant)?"""
    return name == full or any(g[: len(f)] == f for f in forms[name] for g in forms[full])


def settle(evidence: list[dict], names: dict[str, str]) -> dict[str, dict[str, Settled]]:
    """Attributes of each canonical discovered actor from its evidence rows."""
    by_attr: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in evidence:
        by_attr[(names.get(row["entity"], row["entity"]), row["attribute"])].append(row)
    out: dict[str, dict[str, Settled]] = defaultdict(dict)
    for (entity, attribute), rows in sorted(by_attr.items()):
        rank = max(BASIS_RANK.get(r["basis"], 0) for r in rows)
        strong = [r for r in rows if BASIS_RANK.get(r["basis"], 0) == rank]
        values = Counter(names.get(r["value"], r["value"]) for r in strong)
        value = sorted(values.items(), key=lambda x: -x[1])[0][0]  # stable: first seen
        first = next(r for r in strong if names.get(r["value"], r["value"]) == value)
        if attribute == "parent" and value == entity:
            continue
        out[entity][attribute] = Settled(value, first["basis"], first["sentence_id"])
    return dict(out)


def discovered_actor(name: str, attributes: dict[str, Settled]) -> Actor:
    """The ``Actor`` of a discovered name (sector and country may be unknown: empty)."""

    def get(key: str) -> str:
        found = attributes.get(key)
        return found.value if found else ""

    kind = get("type") or "company"
    if kind == "brand" and name.split()[-1].lower() in legal_words():
        kind = "company"  # ("Anhui Qingyun Automobile Co., Ltd.": a legal form is a firm's)
    elif kind == "person":
        kind = firm_named(name) or kind
    return Actor(
        name=name,
        type=kind,
        country=get("country"),
        sector=get("sector"),
        aliases=(name,),
        parent=get("parent"),
        provenance=DISCOVERED,
    )
