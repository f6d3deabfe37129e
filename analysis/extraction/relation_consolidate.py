"""Document-level consistency of relation rows: what one sentence cannot see.

Reads: the relation rows of the corpus (the rules' and the learned model's, each with
``source``, ``target``, ``relation``, ``document`` and ``sentence_id``) and every actor
by name (known or discovered). Returns: the same rows, in the same order, minus those
that another row of the same document (for rules 2, 3, 5 and 10, of the corpus) makes
redundant or contradicts. Nothing is added.

Sentence rules read one sentence; an article states a plant's site, a brand's owner,
a firm's home or its exit in other sentences. The rows dropped here, and why:

1. **A coarser site.** Production at a country by a firm whose production at a place
   of that country the same document states ("Great Wall Motor produces in Russia"
   beside "its plant at Tula") or at a place of no known country in the same sentence
   ("à Kara-Balta, au Kirghizistan"), unless the sentence gives the plant to another
   firm too. The site says where; the coarser name adds no second plant. (Production at
   a region is set aside before, whatever the document says: :func:`split_regions`.)
2. **A brand where its maker produces.** Production of a brand at a place where a firm
   that is no brand produces, in any document of the corpus ("Lada ... in Togliatti"
   beside "AvtoVAZ produces at Togliatti"; "The Ladoga is built at Tosno" in one article,
   "Neva Drive assemble à Tosno" in another): the operator makes the brand there. (On
   the 129 annotated folders, the five such rows across documents were brands as
   operators, which the later conventions reject; the gold of the early ones accepts
   two.)
3. **Supply between a brand and its owner.** A group neither supplies its own brand nor
   is supplied by it (the owner is the knowledge base's ``parent`` or an ownership row
   of any document of the corpus): the relation is ownership.
4. **An exit from home.** A firm does not exit the country the knowledge base or its
   descriptor gives as its own ("BYD ... left China" is another firm's exit misread).
5. **A partnership with what one owns.** A document of the corpus says that one of the
   two owns the other ("X, the Y–Z joint venture": Y owns X; the joint-venture cue does
   not also make X and Y partners, in this article or another), or the knowledge base
   gives one as the other's parent.
6. **Ownership of a place.** A town or a country is where a subsidiary is, not what its
   parent owns ("la filiale allemande de X, à Freiberg").
7. **Ownership of what is sold.** Ownership of a firm that the same sentence says another
   firm (not a second name of the owner's) acquires ("X a cédé sa filiale Y au groupe Z":
   X owned Y until then).
8. **A parent where its venture produces.** Production at a place by a firm that the
   document says owns another firm the same sentence gives production there too ("KHA,
   the Russian joint venture of X and Y, assembles at Z"): the venture runs the site.
   (In two sentences, parent and subsidiary may well both have plants in one town.)
9. **Production where it has left.** Production at a place of a country, or at the
   country, that the same document says the firm exits ("Feb 2022: our radiators go to
   Renault's plant in Moscow ... May 2022: Renault leaves Russia"): the plant is its
   past, whatever the order of the two sentences, unless the production's own sentence
   says it goes on (``continuing``: "still", "resumed", "по-прежнему").

Rule 2 reads the producers of the whole corpus; rules 3 and 5 read the owners that any
document of the corpus states (the ownership rows rules 6 and 7 would drop apart: a
place, or what the sentence says is sold), and so does one more, since a venture's own
site and its parent's plants are often named in different articles:

10. **A venture's plant in its parent's country.** Production at a town of a country
    that is the home of an owner of the firm, where that owner produces too, by a firm
    that is not of that country and produces in another ("kits that Tianhe ships from
    its plant in Zhuzhou" beside "Tianhe Volga Motors assembles at Dimitrovgrad": the
    plant in Zhuzhou is the parent's). A subsidiary of its parent's country keeps its
    plants, and so does one whose parent's home is not known or is elsewhere. On the 121
    annotated folders the rule drops three rows, all wrong; without the condition on
    the firm's plant in another country, such rows were right 44 times of 47. (A
    subsidiary of no known country that builds at home and abroad, "X Battery, which
    builds cells in Changzhou and Debrecen", would lose its home plant: none of the
    annotated folders has one.)

Three more, whatever the rest of the document says: a row between a name and its
abbreviation ("Idel Haixing Motors", "IHM": one actor), a supply from or to a town (a
plant's site, never a supplier or a customer), and a supply from a brand found only in
the text ("assembles Sokol crossovers", "sous la marque Iset, à partir de kits que X
expédie"): a brand supplies nothing, and its owner, which the knowledge base would give
(``relation_places``), is not known.

Apart from these, :func:`named_ends` drops a row with a firm, brand, body or person at
an end its document never names: the knowledge base may type and merge actors, never
stand in for one (a brand's owner where only the brand is named).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from analysis.extraction.abbreviations import abbreviates
from analysis.extraction.actors import DISCOVERED, Actor
from analysis.extraction.descriptors import load_lexicon as load_descriptors
from analysis.extraction.gazetteer import is_province_name, town_country
from analysis.extraction.grammar import GRAMMAR

#: Rows as the assembly holds them: dicts with at least the keys above.
Row = dict
#: Types that make nothing and leave nowhere themselves.
NOT_MAKERS = ("brand", "place", "country")
#: Words that say a production goes on after an exit (rule 9).
CONTINUING = GRAMMAR["continuing"]
#: Types no firm owns (a town named with a subsidiary is where it is, not what is held).
PLACE_KINDS = ("place", "country")


def _is_region(actor: Actor, words: frozenset[str]) -> bool:
    named = {w.lower() for w in actor.name.replace("'", " ").replace("-", " ").split()}
    return actor.type == "place" and bool(named & words)


def is_region(actor: Actor) -> bool:
    """A place named with a ``region_words`` noun ("Tula region", "région de Mourmansk")."""
    return _is_region(actor, load_descriptors().region_words)


def names_a_region(actor: Actor, text: str) -> bool:
    """Is the place ``actor``, named ``text``, a region: a ``region_words`` noun in
    either ("Tula region", "Dornogovi Province") or a province's name ("Sichuan")?"""
    words = load_descriptors().region_words
    return is_region(actor) or bool(set(text.lower().split()) & words) or is_province_name(text)


def _same_firm(a: str, b: str) -> bool:
    """Two names of one firm as the rows may hold them ("BTR", "BTR New Material")."""
    return a.split()[0].lower() == b.split()[0].lower()


def _one_actor(a: str, b: str) -> bool:
    """Is one name the other's abbreviation ("IHM", "Idel Haixing Motors LLC")?"""
    return abbreviates(a, b) or abbreviates(b, a)


def _redundant(
    rows: list[Row],
    actors: dict[str, Actor],
    regions: frozenset[str],
    held: dict[str, set[str]],
    makers: dict[str, set[str]],
) -> set[int]:
    """Indexes of the rows of one document that rules 1-9 drop (module docstring);
    ``held`` gives each firm's owners by the ownership rows of the whole corpus, and
    ``makers`` each place's producers by its production rows."""

    # (looked up per name: the corpus's actors are many, a document's rows few)
    def kind(name: str) -> str | None:
        return actors[name].type if name in actors else None

    def country_of(name: str) -> str | None:
        return actors[name].country if name in actors else None

    def owners(name: str) -> set[str]:
        return _owners_of(name, held, actors)

    stated_owners: dict[str, set[str]] = defaultdict(set)
    # producer -> sentence -> places it produces at; place -> producers there
    sites: dict[str, dict[object, set[str]]] = defaultdict(lambda: defaultdict(set))
    producers: dict[str, set[str]] = defaultdict(set)
    producers_in: dict[tuple[object, str], set[str]] = defaultdict(set)  # by sentence
    acquired_in: dict[tuple[object, str], set[str]] = defaultdict(set)  # by sentence
    left: dict[str, set[str]] = defaultdict(set)  # firm -> countries it exits
    for r in rows:
        # (not a firm's misread exit from its own country: rule 4 drops it)
        exit_ = r["relation"] == "exit" and kind(r["target"]) == "country"
        if exit_ and country_of(r["source"]) != country_of(r["target"]):
            left[r["source"]].add(country_of(r["target"]) or "")
        if r["relation"] == "ownership":
            stated_owners[r["target"]].add(r["source"])
        if r["relation"] == "acquisition":
            acquired_in[r["sentence_id"], r["target"]].add(r["source"])
        if r["relation"] == "production":
            sites[r["source"]][r["sentence_id"]].add(r["target"])
            producers[r["target"]].add(r["source"])
            producers_in[r["sentence_id"], r["target"]].add(r["source"])

    def precise(site: str) -> bool:
        return kind(site) == "place" and not _is_region(actors[site], regions)

    def reason(r: Row) -> str:
        src, tgt, rel = r["source"], r["target"], r["relation"]
        if _one_actor(src, tgt):
            return "an actor and its abbreviation"
        if rel == "production":
            others = set().union(*sites[src].values()) - {tgt}
            # (not a plant the sentence gives another firm too: "l'usine Hyundai en
            # Chine, que Xiaomi pourrait utiliser" is no second name of Xiaomi's own site)
            shared = any(p != src for p in producers_in[r["sentence_id"], tgt])
            # a site of no known country in the same sentence ("à Kara-Balta, au
            # Kirghizistan") is where in that country
            same_sentence = sites[src][r["sentence_id"]] - {tgt}
            if (
                kind(tgt) == "country"
                and not shared
                and (
                    any(precise(s) and country_of(s) == country_of(tgt) for s in others)
                    or any(precise(s) and not country_of(s) for s in same_sentence)
                )
            ):
                return "coarser site: country"
            words = set(str(r.get("sentence") or "").lower().split())
            if (
                kind(tgt) in PLACE_KINDS
                and (country_of(tgt) or "") in left[src] - {""}
                and not words & CONTINUING
            ):
                return "production where it has left"
            others_there = (producers[tgt] | makers[tgt]) - {src}
            if kind(src) == "brand" and any(kind(p) not in NOT_MAKERS for p in others_there):
                return "brand where its maker produces"
            ventures = producers_in[r["sentence_id"], tgt] - {src}
            if any(src in stated_owners[p] and kind(p) not in NOT_MAKERS for p in ventures):
                return "parent where its venture produces"
        elif rel == "supply":
            own = src in owners(tgt) or tgt in owners(src)
            if own and "brand" in (kind(src), kind(tgt)):
                return "supply between a brand and its owner"
            if "place" in (kind(src), kind(tgt)):
                return "supply with a town"
            if kind(src) == "brand" and actors[src].provenance == DISCOVERED:
                return "supply from a discovered brand"
        elif rel == "partnership":
            if src in owners(tgt) or tgt in owners(src):
                return "partnership with what one owns"
        elif rel == "ownership" and kind(tgt) in PLACE_KINDS:
            return "ownership of a place"
        elif rel == "ownership" and any(
            not _same_firm(src, buyer) for buyer in acquired_in[r["sentence_id"], tgt]
        ):
            return "ownership of what is sold"
        elif rel == "exit":
            home = country_of(src)
            if home and kind(src) not in NOT_MAKERS and home == country_of(tgt):
                return "exit from home"
        return ""

    return {i for i, r in enumerate(rows) if reason(r)}


#: The reason a production at a region carries in ``relations_set_aside.csv``.
REGION = "a region, not a site"


def is_region_end(actor: Actor | None) -> bool:
    """A region as a relation's end: a place named with a ``region_words`` noun ("Tula
    region", "oblast du Kazakhstan-Oriental") or a province's name that is no town's
    ("Heilongjiang", "Gansu"; not "Navoi" or "Chongqing", towns as well)."""
    if actor is None or actor.type != "place":
        return False
    return is_region(actor) or (is_province_name(actor.name) and town_country(actor.name) is None)


def split_regions(rows: Iterable[Row], actors: dict[str, Actor]) -> tuple[list[Row], list[Row]]:
    """(kept, set aside): a production at a region is set aside with ``reason``
    :data:`REGION`, every other row kept, in the given order.

    A region locates a plant, a mine or a deposit ("the Sarytau mine in the East
    Kazakhstan region", "l'usine Haval de la région de Toula"); it is none itself. On
    the 121 annotated folders such rows matched the gold's pairs once in 30: the sentence
    names the site as well, or the plant is another firm's. The row stays in the review
    table, where the site can be read off its sentence."""
    kept, set_aside = [], []
    for row in rows:
        if row["relation"] == "production" and is_region_end(actors.get(row["target"])):
            set_aside.append({**row, "reason": REGION})
        else:
            kept.append(row)
    return kept, set_aside


#: Ends a row may have that its document never names: a country or a place (a town
#: left stands for its country, a plant of the knowledge base for its city).
INFERRED_ENDS = frozenset({"country", "place"})


def named_ends(rows: Iterable[Row], mentions: Iterable[Row], actors: dict[str, Actor]) -> list[Row]:
    """``rows`` minus those with a firm, brand, body or person at an end that their
    document never names: the knowledge base's owner of a brand assembled ("Tofaş
    assemble des Fiat" is no supply by Stellantis, which the article never names)."""
    named = {(m["document"], m["entity"]) for m in mentions}

    def traced(r: Row, end: str) -> bool:
        actor = actors.get(r[end])
        return (actor is not None and actor.type in INFERRED_ENDS) or (
            (r["document"], r[end]) in named
        )

    return [r for r in rows if traced(r, "source") and traced(r, "target")]


def _owners_of(name: str, held: dict[str, set[str]], actors: dict[str, Actor]) -> set[str]:
    """The knowledge base's parent of ``name`` and the owners the corpus's rows name
    (``held``), looked up per name: the corpus's actors are many, its rows few."""
    parent = actors[name].parent if name in actors else ""
    return held[name] | ({parent} if parent else set())


def _held(rows: list[Row], actors: dict[str, Actor]) -> dict[str, set[str]]:
    """Each firm's owners by the ownership rows of ``rows`` that rules 6 and 7 keep (not
    of a place, not of what another firm buys in that sentence)."""
    bought: dict[tuple[object, str], set[str]] = defaultdict(set)
    for r in rows:
        if r["relation"] == "acquisition":
            bought[r["sentence_id"], r["target"]].add(r["source"])
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        src, tgt = r["source"], r["target"]
        if r["relation"] != "ownership" or src == tgt:
            continue
        place = tgt in actors and actors[tgt].type in PLACE_KINDS
        sold = any(not _same_firm(src, b) for b in bought[r["sentence_id"], tgt])
        if not place and not sold:
            owners[tgt].add(src)
    return owners


def _parents_plants(
    rows: list[Row], actors: dict[str, Actor], owners: dict[str, set[str]]
) -> set[int]:
    """Indexes of the rows rule 10 drops (module docstring), over the whole corpus."""

    def site_country(name: str) -> str:
        actor = actors.get(name)
        return actor.country if actor is not None and actor.type == "place" else ""

    produces_in: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["relation"] == "production" and site_country(r["target"]):
            produces_in[r["source"]].add(site_country(r["target"]))

    def home(name: str) -> str:
        return actors[name].country if name in actors else ""

    def parents_plant(r: Row) -> bool:
        firm, country = r["source"], site_country(r["target"])
        parents = _owners_of(firm, owners, actors) - {firm}
        return (
            bool(country)
            and home(firm) != country
            and bool(produces_in[firm] - {country})
            and any(home(p) == country and country in produces_in[p] for p in parents)
        )

    return {i for i, r in enumerate(rows) if r["relation"] == "production" and parents_plant(r)}


def consolidate(rows: Iterable[Row], actors: dict[str, Actor]) -> list[Row]:
    """``rows`` minus those another row of their document (or, for rules 2, 3, 5 and 10,
    of the corpus) makes redundant (module docstring)."""
    rows = list(rows)
    regions = load_descriptors().region_words
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_doc[r["document"]].append(i)
    held = _held(rows, actors)
    makers: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["relation"] == "production":
            makers[r["target"]].add(r["source"])
    dropped = _parents_plants(rows, actors, held)
    for indexes in by_doc.values():
        local = [rows[i] for i in indexes]
        dropped |= {indexes[j] for j in _redundant(local, actors, regions, held, makers)}
    return [r for i, r in enumerate(rows) if i not in dropped]
