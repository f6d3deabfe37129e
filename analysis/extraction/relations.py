"""Typed relations between actors of the same sentence.

Method (cited by the methods appendix). Relations are found sentence by sentence:

1. **Cues.** Cue phrases of seven types - partnership, ownership (subsidiaries, brands,
   stakes held), acquisition, exit, production (localisation, assembly), investment,
   supply (kits, platforms, licences, technology, energy) - are listed in French and
   English in ``analysis/data/lexicons/relations.yaml`` and matched case-insensitively
   on tokens. Exclusion phrases cancel overlapping cues ("fonds d'investissement",
   "s'est produit").
2. **Participants.** The actors of the sentence, known or discovered, except media and
   people (in news they are sources: "selon l'AFP", "said the minister"), actors
   introduced as sources ("selon X", "according to X"), country adjectives or names
   that qualify a firm ("le constructeur chinois Chery", "the US carmaker Ford",
   "China's BYD"), and firms named as a thing of the past ("l'ancienne usine Renault",
   "the former Hyundai plant": a former owner is no agent, except of an exit).
   Actors inside a relative clause or an apposition that does not hold the cue are
   out of its reach ("X, the battery arm of Y, is building ...", "X, filiale de Y,
   possède une usine ...": not Y), and so are those of another clause ("..., while Y
   builds ...", "..., and Z is exploring ...", or after a colon that an actor
   follows); a cue inside "X, qui/which ..." takes X as its agent, and one inside an
   object relative with a pronoun subject ("la marque X, qu'elle contrôle") takes X as
   its object and the main clause's subject as its agent. A phrase that opens the
   sentence ("Dans la région de Y, ...", "Contrôlé par Y, ...") holds no subject, and
   the comma that ends it opens the subject, not an apposition to Y.
3. **Window rule.** For each cue, participants are looked for within ``WINDOW`` tokens on
   either side of it, in the same sentence:

   - *partnership* (symmetric): the nearest participant before the cue and the nearest
     after it ("Stellantis, allié de Leapmotor"); if one side is empty, the two nearest
     distinct participants on the other side, when coordinated or both countries ("une
     collaboration entre la Hongrie et la Chine"). A cue ending in "avec"/"with" pairs
     the subject with each actor coordinated after it ("X partners with Y and Z").
     One of the two must lie within ``WINDOW`` tokens of the cue, the other within
     ``2 * WINDOW``. A country adjective partners only another country, and a
     firm partners a country only when the cue names it. Source is the one read first.
   - *ownership, acquisition, investment, supply* (directed): the source is the first
     participant of the sentence before the cue - news sentences put the agent first -
     and the target the nearest participant after the cue, with those coordinated with
     it. ``reverse`` cues swap them ("filiale de Y", "un contrat ... avec le fabricant
     CATL"), and so do passives ("racheté par X", "taken over by X": X acquires the
     sentence's first actor) and supply cues followed by "de"/"from"/"by" ("kits from
     X"). A firm after a purchase cue introduced by "from", "auprès de" or, in French,
     "à" sold what was bought ("racheté cette participation à X"): it is not what was
     bought, nor a supplier when a stake, firm or plant is bought; nor is a firm named
     as who held or ran what was bought ("les 30 % que détenait X", "the plant that had
     belonged to X", "l'usine qu'exploitait X ..., rachetée par Y": Y acquires the
     plant's town). A supply verb after a dative pronoun ("Y, qui lui fournit des
     boîtes") supplies the sentence's first firm. A brand of vehicles ("Sitrak heavy
     trucks", "les SUV Jetour") neither supplies nor receives them. A supply agreement
     names its supplier after "with" ("X signs a supply agreement with Y": Y supplies X;
     no partnership is read from it), while a signed offtake agreement makes its parties
     partners: it promises future deliveries, and what is shipped under it is read by
     the shipping verb. A country supplies no firm ("kits shipped from China" is an
     origin). A participle qualifying goods ("des packs livrés à Y") names its supplier
     only with "par"/"from" after it. With nothing after a supply cue, what the subject
     assembles is supplied to it ("X assembles JAC and Chery models from kits"). Read
     both ways, a supply keeps the reading of the cue nearest before its later-named
     end ("a platform ... supplied by X": ``cue_filters.one_way``). A
     country adjective is never an agent here, and a possessor is never what is acquired
     ("Mercedes-Benz's plant"). A complement cue ("filiale de X", "a unit of X") takes
     its owner right after it and what is owned as the nearest actor before it.
     Participles that are cues only as passives ("owned 66% by X and 34% by Y", "détenue
     à parts égales par X et Y", "run by X") make each agent an owner of the sentence's
     subject, and a "dont"/"whose"/"in which" clause holding an ownership cue makes its
     subject an owner of the antecedent ("X, dont l'allemand Y détient 25 %"); "X, whose
     Y subsidiary ..." makes X the owner of Y. A firm named as another's subsidiary or
     venture ("X, whose subsidiary Y refines ...", "X, dont la filiale Y produit ...",
     "X said its subsidiary Y builds ...") is owned by it and is the agent of its
     clause, not its holder.
   - *sales*: "X a vendu son usine de Y à Z", "X sold its stake in Y to Z", "the sale of
     its plant at Y to Z": Z acquires Y (the first actor between the verb and "à"/"to");
     the plant or stake changing hands is no production or ownership of X, and the
     seller of a plant exits the plant's country ("... to Z in 2023 and left Russia",
     "..., avant de quitter la Russie": the seller leaves, not Z). The seller of a stake
     or a firm bought "from" it ("bought the remaining 30% from X", "bought Y outright
     from its founder") supplies nothing. Premises sold are named by their place ("sold
     its former Lada assembly hall in Y to Z": Y, not the brand). An active sale that
     names nothing between the verb and the buyer ("X sells to Z") sells goods, and Z
     buys no X; a passive one ("X was sold to Z", "X a été vendue à Z") is an
     acquisition of X. A kit-assembly, licence or supply agreement "with Z" is a supply
     by Z, not a partnership; "en cédant sa participation dans Y à Z": X, the seller,
     acquires nothing.
   - *trade in goods* (``relation_trade``): goods sold or bought are a supply from the
     seller to the buyer: a sale verb whose object is goods ("X sells its concentrate
     to Y", "X a vendu 2 000 camions à Y", "builds tractors and sells them to Y"), or a
     French purchase verb with the seller after "à", "auprès de" or "chez" ("X achète à
     Y des voitures", "X achète ses cellules auprès de Y"). Goods are a noun of kits,
     products, a partner's contributions, raw materials or traded goods (concentrate,
     output, parts...) with no share, plant, percentage or firm beside it; the other
     party is the nearest firm before the verb that is not a complement ("Y, la filiale
     de Z, achète ...": Y). Goods a firm buys or imports were made by another: "X
     achète ... des voitures assemblées en Y" gives X no production in Y.
   - *assembly of another maker's brand*: "X assembles Kia and Chery models", "X monte
     des Geely": the brands named within 8 words after the verb supply X (kits, platform
     or licence), X being the firm right before the verb; a brand X owns is not
     supplied to it, and one it calls its own ("X produit ses Geely", "des Tenet, sa
     propre marque") is owned by X. A brand with an owner in the knowledge base is
     supplied by that owner ("les SUV Jetour": Chery), not by the brand.
   - *production*: the target is a country or place introduced by a locative
     preposition (en, au, à, dans, sur, in...) within ``PLACE_WINDOW`` tokens after the
     cue, or by "de"/"of"/"near" after a plant or mine noun ("l'usine de Toula", "la
     mine de X"), or named before it ("the X graphite mine"; a verb whose object is that
     plant leaves the site to it), or a place opening the sentence ("À Kaliningrad, X
     assemble ..."), with places coordinated with it (a region after a town only says
     where the town is: "at X, in the Y region", "X, près de Y, dans la région de
     Z"); the source is the firm before the cue (within two windows; not one that
     follows another verb when a pronoun is the cue's subject: "assembling Kia models,
     which it builds in Y"; nor the parents of an unnamed joint venture that is the
     subject: "X said that its joint venture with Y had assembled ... in Z"; nor a name
     that qualifies goods: "assembles Geely kits", "NdFeB magnet plants", "les Evolute,
     sa marque"; nor an organisation whose sentence
     names goods assembled somewhere: "lets cars assembled in Y enter"), else an agent
     after it ("assemblés par X") or the plant's owner ("l'usine Hyundai", "built at
     X's plant in Y", "ships its concentrate to X's spherical-graphite plant at Y": X,
     not the shipper; a production noun that qualifies a plant noun, "X's assembly
     plant", is no cue of its own), with firms coordinated with it; not the former owner of a plant
     sold since ("l'usine de X à Y, rachetée par Z"), nor of one it closed ("la
     fermeture de son usine de Y"). The brands assembled there are
     not producers ("X assembles Kia and Chery models in Y": Kia and Chery supply X);
     a country is the producer only when no firm is at hand and it is neither a
     location nor a possessive ("Russia's first gigafactory"). A plant of the
     knowledge base named as the place ("l'usine X de Y", when the base lists it) gives
     its city as the end of a production, acquisition or investment, not the plant.
   - *Russian*: a directed cue whose first word's lemma has a case frame in the
     lexicon's ``case_frames`` takes its source and target by grammatical case, not by
     word order ("Комплектующие для «Соллерса» поставляет Chery": the nominative Chery
     supplies Sollers; ``relation_russian``); a place after "в"/"на" in the accusative
     is a direction, not where things are made ("перешёл на китайские машинокомплекты").
     The grammar word lists hold the Russian locatives, modals, negations and clause
     breaks, and a Russian verb in the future ("запустит") is a plan.
   - Names the recogniser found but that did not become actors take part in the choice
     but yield no relation, so that a relation is not moved onto a neighbour.
   - *exit*: the target is the country nearest the cue (a city stands for its country),
     or - when the sentence says only "le pays"/"the country" - the last country named
     earlier in the document; the sources are the nearest firm or brand before the cue
     with those coordinated with it ("X et Y ... quitter"), else the cue's complement
     ("le départ de X").
4. **Appositions and tables.** Ownership is also read from appositions, for any actor: "X,
   filiale de Y", "X, la marque électrique haut de gamme de Y", "X, Y's premium brand", "X,
   a joint venture between Y and Z" (Y and Z own X, and partner each other), "X, our joint
   venture with Y", "X, the Y–Z joint venture", "X (XYZ), its joint venture with Y" (Y owns
   X; the venture partners neither of its parents), "X, the maker of Y" (X owns Y); see
   ``appositions``. A sentence opening with the noun of a role ("Filiale de Y, X
   assemble ...", "A subsidiary of Y, X ...") makes Y the owner of X, and Y is no agent of
   the clause after it. In a table row, a column header listed in the lexicon's
   ``table_headers`` says how the row's subject and the actor in its cell are related: a
   "groupe"/"group" column owns the row's brand, a "site"/"plant" column is where it is
   made, a "kits from" column supplies it, a "buyer" column is supplied by it (a "brands
   assembled" column says nothing of who ships the kits); when
   the first cell is no firm ("Kaliningrad plant", "Cobalt"), the "owner" or "producer"
   column names the row's subject (``relation_tables``); a first cell that names a past
   owner ("Former X plant") is no subject. A partner column is supply when the row says the
   partner brings kits, a platform, a licence or goods ("apport : cellules"), and
   partnership when the row's status names only a memorandum; a cell whose actor is only in
   talks, rumoured or planned ("Y (négociations)") states nothing, nor does a row whose
   site is under construction or in exploration. A factsheet's record lines ("- Parent: Y",
   "- Plants: Z" under a heading "X") are read as rows whose subject is the heading's
   actor. A record line with a header the lexicon does not list ("- Country: China") keeps
   the section; a partner whose brackets name a joint venture ("Partners: Y (joint venture
   Z)") is a partner of the subject, and both own Z. In a brand's row with an assembler
   column ("Tenet — owner : Y ; assembler : Z ; city : W"), Z produces at W and, when Z is
   not Y, Y supplies Z.
   A sentence that calls an actor a joint venture ("X est une coentreprise créée par Y,
   qui en détient 51 %, et par Z", "Y and Z formed X, a joint venture", "X, the joint
   venture in which Z holds 49%") is read as a whole (``relation_ventures``): the agents
   of its creation, the subjects of a verb of creation, who holds a stake in it ("in
   which Y and Z each hold 50%"), the members listed after its noun ("a joint venture of
   Y (51 %) and Z", "coentreprise à parts égales entre Y et Z") and the partner it is
   held "with" ("la coentreprise que le groupe détient avec Z") are its parents; each
   owns X, they partner each other, X partners neither, and the holding verbs of the
   stake clauses give no other ownership ("Y, filiale de G, qui en détient 51 %": Y
   holds the stake, not G; "entre Y et Z, filiale de G": G owns Z, not X). A later
   "la coentreprise", "the joint venture" or "la filiale" takes up the actor the
   document last called so, before the nearest firm, and "the Company", "the Group",
   "le Groupe" or "la Société", capitalised, an issuer's name for itself, take up the
   first firm the document's title names, or nothing (``coreference``). Another noun of
   a firm ("l'entreprise", "the carmaker") takes up the most salient actor of its type
   in the two sentences before: each mention counts one, a sentence's named subject one
   more, and the earlier sentence half as much as the later. A singular
   pronoun opening a sentence before its verb ("Elle y assemble ...", "It buys ...")
   takes up the named subject of the sentence before, when that is a firm, a brand or
   a body; "il y a", "it is likely" take up nothing. An actor taken up counts as named
   in its sentence for the next one ("Elle livrait GAZ. L'entreprise produit à Y": the
   firm, not GAZ), and a noun with a name in apposition after it ("Le seul fabricant
   russe de cellules, X, produit ...") describes that name and takes up nothing.
5. **Filters.** A cue with a negation just before it ("no plans to invest", "n'a pas
   investi") or a denial earlier in its clause ("has denied that it is in talks with X",
   "dément toute négociation") states nothing, nor does a plant that is only planned,
   negotiated, being built or talked of ("construit une usine", "a memorandum ... on a
   possible assembly plant near X", "a second X plant has been mooted"), nor a plan, a
   possibility, an expectation or a mention: a cue shortly after "plans to", "envisage
   de", "is expected to", "la presse évoque", "pourrait", an English modal
   (could, will, may) or a French verb in the conditional or future ("fournirait",
   "construira"), or in a clause opened by "Il est possible que" / "It is likely that".
   Nor does a cue followed by a statement that nothing was concluded or a denial later
   in its sentence ("discute avec X sans avoir rien signé", "but said nothing had been
   signed", "n'ont pas abouti", "was negotiating with X; Y denied it"), or one in a
   clause a denial introduces ("denied a report in the daily Z that it was buying ...").
   A French auxiliary in the conditional governs its whole clause ("X aurait envisagé
   en 2024 de partager une plateforme avec Y"), and "n'a confirmé" or "has not
   confirmed" after the cue counts as a denial. What talks or a memorandum are about
   ("in talks about assembling ... with packs from X", "a memorandum on deliveries to
   Y", "меморандум о поставках") is not done, though the signatories of a memorandum
   are partners; nor is a production, an investment or an acquisition an agreement
   arranges ("signed a deal to assemble cars in X", "an agreement between A and B on
   the assembly of cars at Y"), and an agreement "which was not signed" makes no
   partners. A site still under construction ("toujours en chantier") produces
   nothing; a licence, kits or a purchase still under negotiation ("négocie avec X une
   licence") is supplied or bought by nobody yet, and talks make no partners ("in
   talks with X", "négocie avec X": nothing is agreed). A relation of the past states
   nothing now ("assemblait naguère", "previously supplied", "a cessé ses livraisons",
   "; that contract ended last year"). What follows press reports that name no outlet
   is reported, not stated ("We are aware of press reports ... that X supplies Y":
   ``hedges.reported``). No relation of an actor with itself, nor of a
   person or government body with its own country; a country is a market, not a
   customer (no supply to a country); a city or
   region takes part only where a plant can be (production, acquisition, investment,
   exit); one row per (source, target, type, sentence). A planned or denied relation
   makes no row here: this sentence-level table holds what the seeds state as done or
   under way, hedged or not. Talks, rumours and denials about a pair of actors come in
   afterwards, in the deal stages (``analysis/events``), which read them from the
   sentences of the seeds that link the pair.

6. **A learned complement.** Pairs of actors of one sentence that no rule relates are
   read by a linear model (``relation_model``) trained on the annotated test folders
   (articles written for testing, with a reader's relations marked). It weighs the
   words between, before and after the two names, the words of the whole sentence (so
   that talks, plans and denials count against), the two actors' types and what the
   rules made of each in that sentence; it adds a relation only when its probability
   reaches the stored threshold, under the same type constraints as the rules. Its rows
   say ``model`` in the ``rule`` column of ``relations_detail.csv``, with the word that
   weighed most as the cue. It also reads the pairs the rules related, and sets a rule's
   row aside when it is all but sure they are unrelated (see the scores below).

7. **Consolidation by document.** Rows that another row of the same document makes
   redundant are dropped (``relation_consolidate``; a few rules read the whole corpus's
   owners): production at a country by a firm
   whose site there the document names, a brand's production where its maker produces,
   supply between a brand and its owner, an exit from home. A production at a region
   is set aside, whatever the document says (``split_regions``).

The rule is deliberately simple: the parse of scraped news text is unreliable, and a
window rule behaves the same in both languages. Its errors are measured against the
gold standards (``evaluate.py``, ``folder_gold.py``; ``make evaluate``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.extraction import cue_filters
from analysis.extraction.actors import KnowledgeBase, Mention
from analysis.extraction.cue_filters import describes_a_firm, object_says_otherwise, purpose_of
from analysis.extraction.doc_text import span_text
from analysis.extraction.hedges import reported, unnamed_source
from analysis.extraction.relation_clauses import (
    _dative,
    _reach,
    _to_dative,
    modifies_plant,
    outside,
    stop_bounds,
)
from analysis.extraction.relation_context import (  # noqa: F401 - re-exported
    _EXCLUDE,
    ANAPHORS,
    APPOSITION,
    COORDINATION_WINDOW,
    DIRECTED,
    GRAMMAR,
    LEXICON_PATH,
    LOCATIVE,
    NEAR,
    PLACE_WINDOW,
    PLANT_NOUNS,
    PREPOSITIONS,
    RELATION_TYPES,
    RELATIVE,
    SALE,
    SYMMETRIC,
    UNKNOWN,
    UNKNOWN_PLACE,
    WINDOW,
    Cue,
    Relation,
    _anaphor,
    _attributed,
    _changes_hands,
    _clause,
    _country_of,
    _former,
    _is_place,
    _nearest,
    _relative_clauses,
    dateline_length,
    held_brand,
    is_question,
    names_vehicles,
    participants,
    plant_city,
)
from analysis.extraction.relation_modality import (
    RESUMING,
    _ended,
    _modal,
    _negated,
    _planned,
    corrected,
    denies,
    resumed,
)
from analysis.extraction.relation_places import _assembled, _leavers, _sales, country_left, sold_by
from analysis.extraction.relation_production import _production, beside_a_site
from analysis.extraction.relation_rules import OF_WORDS, _directed, _keep, _partnership
from analysis.extraction.relation_russian import (
    is_russian,
    russian_cues,
    russian_roles,
    russian_venture,
)
from analysis.extraction.relation_syntax import _passive_agent
from analysis.extraction.relation_tables import (
    is_record,
    is_table_row,
    not_yet,
    table_relations,
    unconfirmed,
)
from analysis.extraction.relation_trade import TRADE_VERBS, seller_at, trade_verbs, trades

#: Relations whose target may be a plant of the knowledge base: its city is the end instead.
PLANT_SITES = frozenset({"production", "acquisition", "investment"})


def _verb(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` a verb? The tagger's word, or a word it took for a noun between a
    name, a pronoun or an apposition's closing comma and a preposition or article
    ("Avtotor produit à Kaliningrad", "qui fabrique des", "X, la filiale du groupe,
    produit à", where "un produit" would have an article before it)."""
    if doc[i].pos_ in ("VERB", "AUX"):
        return True
    before = doc[i - 1] if i > 0 else None
    return (
        before is not None
        and i < len(doc) - 1
        and (
            before.pos_ in ("PROPN", "PRON")
            or before.text == ","
            or (before.text[:1].isupper() and before.pos_ not in ("DET", "ADP"))
        )
        and doc[i + 1].pos_ in ("ADP", "DET")
    )


@functools.cache
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, dict[str, list[str]]]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    unknown = set(data) - set(RELATION_TYPES) - {"grammar", "table_headers", "case_frames"}
    if unknown:
        raise ValueError(f"{path}: unknown relation type(s) {sorted(unknown)}")
    return data


@dataclass
class CueMatcher:
    matcher: PhraseMatcher
    keys: dict[int, str]
    reverse: frozenset[str]
    verb_only: frozenset[str]
    passive: frozenset[str]
    passive_only: frozenset[str]
    #: Russian cues matched on stems (NORM), across inflection; None for other pipelines.
    stems: PhraseMatcher | None = None

    def cues(self, doc: Doc) -> list[Cue]:
        """Cue matches of ``doc``, minus those overlapping an exclusion phrase."""
        found = list(self.matcher(doc))
        if self.stems is not None:
            found += self.stems(doc)
        raw = [(s, e, self.keys[mid]) for mid, s, e in found]
        excluded = bytearray(len(doc))
        for s, e, rel in raw:
            if rel == _EXCLUDE:
                excluded[s:e] = b"\x01" * (e - s)
        # Longest cue wins among overlapping cues ("filiale de" over "filiale").
        raw.sort(key=lambda x: (-(x[1] - x[0]), x[0], x[2]))
        taken = bytearray(len(doc))
        out = []
        for s, e, rel in raw:
            if rel == _EXCLUDE or any(excluded[s:e]) or any(taken[s:e]):
                continue
            text = doc[s:e].text
            if text.lower() in self.verb_only and not _verb(doc, s):
                continue
            if text.lower() in RESUMING and resumed(doc, e):
                continue  # "a repris lundi l'assemblage": resumed, not taken over
            if object_says_otherwise(doc, rel, e):
                continue  # "holds a licence from X" is no stake, "runs showrooms" no plant
            if rel != "partnership" and describes_a_firm(doc, s, e):
                continue  # "the investment firm X", "Russian kit assembler Y"
            # "owned 66% by", "détenue à parts égales par": a participle that is a cue
            # only as a passive ("state-owned" is not one).
            if text.lower() in self.passive_only and (
                _passive_agent(doc, e) is None or (s > 0 and doc[s - 1].text == "-")
            ):
                continue
            taken[s:e] = b"\x01" * (e - s)
            reverse = text.lower() in self.reverse
            # "racheté par X", "taken over by X": the agent comes after the cue.
            if e < len(doc) and f"{rel}:{doc[e].lower_}" in self.passive:
                reverse = not reverse
            out.append(Cue(rel, s, e, text, reverse))
        out.sort(key=lambda c: (c.start, c.relation))
        return out


@functools.cache
def cue_matcher_for(nlp: Language) -> CueMatcher:
    """Compile the cue lexicon for ``nlp``'s tokenizer (cached per pipeline)."""
    lexicon = load_lexicon()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, str] = {}
    reverse: set[str] = set()
    verb_only: set[str] = set()
    passive: set[str] = set()
    passive_only: set[str] = set()
    for rel in RELATION_TYPES:
        spec = lexicon.get(rel, {})
        verb_only |= {p.lower() for p in spec.get("verb_only", [])}
        passive_only |= {p.lower() for p in spec.get("passive_only", [])}
        cues = spec.get("fr", []) + spec.get("en", [])
        for name, phrases in (
            (rel, cues + spec.get("verb_only", []) + spec.get("passive_only", [])),
            (_EXCLUDE, spec.get("exclude", [])),
        ):
            if not phrases:
                continue
            label = f"relation:{name}"
            keys[nlp.vocab.strings.add(label)] = name
            matcher.add(label, [nlp.make_doc(p) for p in phrases])
        reverse |= {p.lower() for p in spec.get("reverse", [])}
        passive |= {f"{rel}:{p.lower()}" for p in spec.get("passive", [])}
    return CueMatcher(
        matcher,
        keys,
        frozenset(reverse),
        frozenset(verb_only),
        frozenset(passive),
        frozenset(passive_only),
        russian_cues(nlp, lexicon, keys),
    )


ASSETS = GRAMMAR["assets"]


#: How many words may open an apposition before its role noun ("the Russian joint").
APPOSED_REACH = 4


def _apposed_to(doc: Doc, cue: Cue, parts: list[Mention]) -> Mention | None:
    """The name an ownership cue of a role and "of" is in apposition to (", the Russian
    joint venture of Z"): the mention that ends right before the comma opening it."""
    if cue.relation != "ownership" or cue.text.lower().split()[-1] not in OF_WORDS:
        return None
    i = cue.start - 1
    while i >= 0 and cue.start - i <= APPOSED_REACH and doc[i].text != ",":
        if not (doc[i].is_lower or doc[i].pos_ in ("DET", "ADJ")):
            return None
        i -= 1
    if i < 0 or doc[i].text != ",":
        return None
    return next((m for m in parts if m.end == i and m.entity != UNKNOWN), None)


def relations_in_sentence(
    doc: Doc,
    start: int,
    end: int,
    mentions: list[Mention],
    cues: list[Cue],
    kb: KnowledgeBase,
    previous_country: str | None = None,
    unknown: list[tuple[int, int, str]] = (),
    section: Mention | None = None,
    *,
    denied: bool = False,
) -> list[Relation]:
    """Relations supported by the sentence ``doc[start:end]`` (see module docstring);
    with ``denied``, those it denies instead, read the same way from the cues a negation
    or denial governs ("Tianheng has not bought Iset": ``relation_denials``).

    ``unknown`` are token spans (start, end, label) of actors the knowledge base lacks
    (candidates): they take part in the window rule so that a relation is not moved
    onto a linked actor standing next to them, but no relation is emitted for them.
    Unknown places (NER label LOC, or after a locative preposition) are never agents.
    ``section`` is the actor of the factsheet the sentence may be a record line of.
    """
    if denied:
        cues = [c for c in cues if start <= c.start < end and denies(doc, c, start)]
        if not cues:
            return []  # (most sentences: read before the sentence's text is)
    text = span_text(doc, start, end)
    if is_question(text):
        return []  # "Is Yutong about to take a stake in SamAuto?": asked, not stated
    if denied:
        # (the denial's own clause: "n'a signé aucun accord avec un raffineur chinois :
        # les pourparlers avec Y n'ont pas abouti" denies nothing of Y)
        start, end = stop_bounds(doc, start, end, cues[0].start)
        cues = [c for c in cues if start <= c.start < end]
    rows = table_relations(doc, start, end, mentions, kb, section)
    table = (
        bool(rows) or is_table_row(doc, start, end) or bool(section and is_record(doc, start, end))
    )
    if table:
        # A table row's headers are no cue words ("partner : BAIC, Kaiyi").
        cues = []
    parts = [m for m in participants(mentions, kb) if start <= m.start and m.end <= end]
    # (a paragraph's first sentence may open with a dateline: "MOSCOW, June 9 (Reuters) -")
    filed = doc[start].idx + (dateline_length(text) if start == 0 else 0)
    parts = corrected(doc, [m for m in parts if doc[m.start].idx >= filed], kb)  # "X, sorry, Y"
    for s, e, label in unknown:
        prev = doc[s - 1].lower_ if s > start else ""
        kind = UNKNOWN_PLACE if label == "LOC" or prev in LOCATIVE | NEAR else UNKNOWN
        parts.append(Mention(UNKNOWN, s, e, doc[s:e].text, kind))
    parts.sort(key=lambda m: m.start)
    if denied and (table or not cues):
        return []
    if not cues and (table or not any(t.lower_ in TRADE_VERBS for t in doc[start:end])):
        return beside_a_site(
            doc, [r for r in rows if _keep(r.source, r.target, kb, r.relation)], parts, kb
        )
    inner = frozenset(i for m in parts for i in range(m.start + 1, m.end))
    clauses = _relative_clauses(doc, start, end, frozenset(m.end for m in parts), inner)
    unbuilt = not_yet(text) or unconfirmed(text)
    # "X sold its plant in Y to Z": the sale rule reads seller, buyer and plant; the
    # "sold its" cue would read them again, the seller as a buyer.
    sales = _sales(doc, start, end, parts, kb)
    # "X sells its concentrate to Y": goods sold are a supply (relation_trade), and the
    # "sells to"/"vend à" cue is no sale of a firm.
    traded = trades(doc, start, end, parts, kb)
    verbs = trade_verbs(traded)
    found: list[tuple[str, str, Cue, str]] = []
    for cue in cues:
        if sales and cue.relation == "acquisition" and sold_by(doc, cue, start):
            continue
        if cue.start in verbs and cue.relation in ("acquisition", "supply"):
            continue
        if not start <= cue.start < end or any(
            m.start < cue.end and cue.start < m.end for m in parts
        ):
            continue
        if (
            _negated(doc, cue, start) != denied
            or _planned(doc, cue, start)
            or _modal(doc, cue, start)
        ):
            continue
        if _ended(doc, cue):  # "assemblait naguère", "formerly supplied"
            continue
        if cue.relation == "production" and unbuilt:
            continue  # "la gigafactory de X à Y est toujours en chantier"
        if modifies_plant(doc, cue, end):
            continue  # "to Y's assembly plant at Z": the plant noun's own cue reads it
        seller = next(
            (i for i in range(cue.end, min(end, cue.end + 8)) if seller_at(doc, i)),
            None,
        )
        bought = doc[cue.end : seller].text.lower().split() if seller is not None else []
        if (
            cue.relation == "acquisition"
            and seller is not None
            and not ASSETS & set(bought)
            and not cue_filters.stake_or_firm(doc, cue.end, seller, parts)
            and not cue_filters.bought_before(doc, cue.start)
        ):
            # "buys gearboxes from X": X supplies; not with no actor after it ("from a
            # smaller supplier"), nor a pronoun bought ("bought it from X": a plant said).
            named = any(seller < m.start <= seller + 8 for m in parts if m.entity != UNKNOWN)
            if not named or any(t.tag_ == "PRP" for t in doc[cue.end : seller]):
                continue
            cue = Cue("supply", cue.start, cue.end, cue.text, True)
        here, owners = _reach(doc, start, end, cue, parts, clauses, kb)
        if here:  # ("X said that Y supplies Z": X reports it)
            here = [m for m in here if not cue_filters.reporter(doc, cue, m)]
        if here and cue.relation == "supply":  # ("assembles Orvia cars from kits we ship")
            here = [m for m in here if not names_vehicles(doc, m, kb)]
        if here and cue.relation in ("supply", "acquisition"):  # ("the 60 Tulpar buses")
            here = cue_filters.traders(doc, cue, here)
        if here and cue.relation == "acquisition" and seller is not None:
            # "bought the 30% stake from a fund based in Almaty": the seller's words.
            here = [m for m in here if m.start < seller]
        if owners is not None:
            found += [(a, b, cue, "whose") for a, b in owners]
            continue
        if here is None:
            continue
        if cue.relation == "acquisition":
            # "buys our cathode material for its cell plant at Liuzhou": the plant is
            # what the goods are for, not what is bought.
            purpose = purpose_of(doc, cue.end, end)
            here = [m for m in here if purpose is None or m.start < purpose]
        before = [m for m in here if m.end <= cue.start]
        after = [m for m in here if m.start >= cue.end]
        # "... supplies Y, the Russian joint venture of Z": the apposition is Y's, though
        # Y stands in a clause the cue's reach leaves out.
        apposed = _apposed_to(doc, cue, parts)
        if apposed is not None and apposed not in before:
            before = [m for m in before if m.start < apposed.start] + [apposed]
        rule = cue.relation
        if cue.relation == "supply" and _dative(doc, cue):
            found += [(a, b, cue, "dative") for a, b in _to_dative(before, parts, kb)]
            continue
        venture = russian_venture(doc, here, cue) if is_russian(doc, cue) else None
        if venture is not None:
            found += [
                (a, b, Cue(rel, cue.start, cue.end, cue.text, False), "venture")
                for a, b, rel in venture
            ]
            continue
        if cue.relation in SYMMETRIC:
            found += [(a, b, cue, rule) for a, b in _partnership(doc, before, after, cue, kb)]
        elif cue.relation in DIRECTED:
            by_case = russian_roles(doc, here, cue) if is_russian(doc, cue) else None
            if by_case is not None:
                found += [(a, b, cue, "case") for a, b in by_case]
                continue
            found += [(a, b, cue, rule) for a, b in _directed(doc, before, after, cue, kb)]
        elif cue.relation == "production":
            made = _production(doc, here, after, cue, kb, parts, clauses)
            found += [(a, b, cue, rule) for a, b in made]
            found += [
                (a, b, Cue(rel, cue.start, cue.end, cue.text, False), name)
                for a, b, rel, name in _assembled(
                    doc, outside(doc, before, clauses, cue), after, cue, kb
                )
            ]
        elif cue.relation == "exit":
            # Places whose country is known: a firm leaves a country ("le départ de
            # Nissan d'Espagne", not the nearer "en Catalogne" whose country is unknown).
            places = [
                m
                for m in here
                if m.entity != UNKNOWN
                and _is_place(m, kb)
                and kb.actors[_country_of(m.entity, kb)].type == "country"
            ]
            near = country_left(doc, cue, places)
            target = near.entity if near else None
            if target is None and previous_country and _anaphor(doc, start, end):
                target, rule = previous_country, "exit (country named before)"
            if target:
                leavers = _leavers(doc, here, cue, kb, parts)
                found += [(m.entity, target, cue, rule) for m in leavers]
    # (one way a supply; sales and trades read no cue, so a denial has none of them)
    found = cue_filters.one_way(found + ([] if denied else sales + traded), parts)
    # "X is in talks with Y, two people familiar with the discussions said": what unnamed
    # sources say is reported, not stated (an apposition or relative clause describing a
    # name is still the text's own: "Avtodom, the dealer group that bought ...").
    if unnamed_source(text) and not denied:  # (a denial is said by someone: "it said")
        found = [f for f in found if any(s <= f[2].start < e for s, e in clauses)]
    if not denied:
        found = [f for f in found if not reported(text, doc[f[2].start].idx - doc[start].idx)]
    unique: dict[tuple[str, str, str], Relation] = {}
    for src, tgt, cue, rule in found:
        if cue.relation == "exit":
            tgt = _country_of(tgt, kb)
            # A place whose country is unknown is no country one leaves.
            if tgt in kb.actors and kb.actors[tgt].type != "country":
                continue
        if cue.relation == "ownership" and held_brand(tgt, src, cue, parts, kb):
            continue
        if UNKNOWN in (src, tgt) or not _keep(src, tgt, kb, cue.relation):
            continue
        # "its Togliatti plant": production at a plant of the knowledge base is
        # production in its city, and so is a plant bought or invested in ("reprend
        # l'usine Volkswagen de Kalouga"); the city, not the plant, is the relation's end.
        city = plant_city(tgt, kb) if cue.relation in PLANT_SITES else None
        if city and _keep(src, city, kb, cue.relation):
            tgt, rule = city, "plant"
        unique.setdefault(
            (src, tgt, cue.relation), Relation(src, tgt, cue.relation, cue.text, rule)
        )
    if denied:
        return list(unique.values())
    for r in rows:
        if _keep(r.source, r.target, kb, r.relation):
            unique.setdefault((r.source, r.target, r.relation), r)
    return beside_a_site(doc, list(unique.values()), parts, kb)
