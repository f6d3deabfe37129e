"""Relations stated by a table row's column headers.

The corpus writes each row of a Markdown or HTML table as one sentence, "subject —
header : value ; header : value." (``analysis/corpus/structure.py``). A header listed in
``relations.yaml``'s ``table_headers`` (the whole header, parentheses aside) says how the
row's subject and the actor named in its cell are related: "Lada — groupe : AvtoVAZ" is
AvtoVAZ's ownership of Lada, "Haval — usine : Toula" production at Tula. A cell that
names no actor yields nothing. A row with an assembler column gives the row's places to
the assembler, and its owner, when another firm, supplies the assembler. A row about a
site (its subject a place) gives it to the firm that runs it before those that own it
("exploitant : X ; actionnaires : Y": X produces there and sells to the buyer, Y owns
X). A status cell, or a remark in brackets after the subject ("Okondja (fermée en
2024)") or opening with a status word in a cell of no relation's column ("start : 2021
(ended 2023)", "capacity : 30 (proposed)"), that says the site is planned, talked of or
stopped leaves only who owns what. A row of a table keyed by buyer (its first column's
header, which the sentence leaves out, is a buyer's: ``nlp.row_header``) is the
buyer's: its maker supplies it and makes it at the row's places.

A factsheet says the same in a list under a heading that names its firm ("### BelGee",
then "- Parent : BelAZ (50 %)", "- Plants : Borisov"): such a *record* line, a listed
header and a colon at its start, is read as a row whose subject is the heading's actor
(``section``), which the pipeline keeps from the document's last heading.
Pure functions of a parsed sentence and its mentions.
"""

from __future__ import annotations

import functools
import re

import yaml
from spacy.tokens import Doc

from analysis.corpus.structure import ROW_DASH
from analysis.extraction.actors import (
    ADJECTIVE,
    KNOWN,
    NAME,
    PLACE_TYPES,
    KnowledgeBase,
    Mention,
)
from analysis.extraction.coreference import ISSUER
from analysis.extraction.discovery import goods_words
from analysis.extraction.nlp import row_header
from analysis.extraction.relation_consolidate import names_a_region
from analysis.extraction.relation_context import (
    FORMER,
    GRAMMAR,
    JV_WORDS,
    KIT_WORDS,
    LEXICON_PATH,
    LOCATIVE,
    Relation,
    _goods_name,
    _possessive,
)

#: Header kind -> (relation type, whether the cell's actor is the source).
HEADER_RELATIONS = {
    "owner": ("ownership", True),
    "producer": ("production", True),  # only as the agent of a row ("Cobalt — producer : X")
    "buyer": ("supply", False),
    "owned": ("ownership", False),
    "brand": ("ownership", False),  # or supply: ``_brands_made``
    "place": ("production", False),
    "partner": ("partnership", False),
    "supplier": ("supply", True),
    "stake": ("ownership", False),  # the document's issuer owns the row's firm
    "activity": ("production", False),  # a place after a comma: ``_cells``
}
#: Columns that name the row's agent when its first cell is no firm.
AGENT_KINDS = frozenset(["owner", "producer"])
#: "fournisseur de cellules", "supplier of kits": a header and what it is of.
HEADER_OF = frozenset(["de", "des", "du", "d'", "of"])
#: Words that make a cell's actor an unsettled party.
UNSETTLED = frozenset(GRAMMAR["unsettled"])
ENDED = frozenset(GRAMMAR["ended_status"])
#: Premises that make nothing ("Almaty (office)").
OUTLETS = frozenset(GRAMMAR["outlets"])
STATUS_HEADERS = frozenset(GRAMMAR["status_headers"])
#: Words that open a status remark in brackets in another cell ("start : 2021 (ended
#: 2023)", "capacity : 30 (proposed)").
REMARKS = frozenset(GRAMMAR["status_remarks"])
MEMORANDA = frozenset(GRAMMAR["memoranda"])
CONTRIBUTIONS = frozenset(GRAMMAR["contributions"])
#: (A signed memorandum or agreement is a partnership, not a plan.)
PLANNED_STATUS = (frozenset(GRAMMAR["planned"]) | frozenset(GRAMMAR["modal"])) - {
    "memorandum",
    "mémorandum",
    "accord",
    "agreement",
}
_NOT_YET = re.compile(r"\b(?:" + "|".join(map(re.escape, GRAMMAR["not_yet"])) + r")\b")


def not_yet(text: str) -> bool:
    """Does ``text`` say its site is only being built or explored ("en chantier")?"""
    return bool(_NOT_YET.search(text.lower()))


_UNCONFIRMED = re.compile(r"\b(?:" + "|".join(map(re.escape, GRAMMAR["unconfirmed"])) + r")\b")


def unconfirmed(text: str) -> bool:
    """Does ``text`` say its site is only talked of ("has been mooted", "non confirmée")?"""
    return bool(_UNCONFIRMED.search(text.lower()))


#: A header is at most this many tokens ("site de production", "share, %").
HEADER_TOKENS = 6
#: A heading is a paragraph of at most this many tokens, without a final stop.
HEADING_TOKENS = 8
#: A section is about a firm, a plant or a body (discovered names are often typed as
#: people or places), not a country or an outlet.
NOT_SECTIONS = frozenset({"country", "media"})


@functools.cache
def load_headers() -> dict[tuple[str, ...], str]:
    """Header words (lower-cased tuple) -> header kind."""
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)["table_headers"]
    unknown = set(data) - set(HEADER_RELATIONS)
    if unknown:
        raise ValueError(f"{LEXICON_PATH}: unknown table header kind(s) {sorted(unknown)}")
    return {
        tuple(phrase.lower().replace("'", "' ").split()): kind
        for kind, phrases in data.items()
        for phrase in phrases
    }


def _unbracketed(header: str) -> str:
    """A header in lower case without its brackets ("Status (June 2026)": "status ")."""
    return re.sub(r"\([^)]*\)", " ", header.lower())


def _kind(header: str) -> str | None:
    """The kind of a column header: its words, parentheses aside, are one of the listed
    headers ("groupe", "site de production (ville)"; not "brands assembled" for "brands"),
    or one followed by a place ("assemblage en Russie", "plant in Kazakhstan") or by what
    it is of ("fournisseur de cellules", "supplier of cathodes")."""
    header = _unbracketed(header).replace("'", "' ").replace(",", " ")
    words = tuple(header.split())
    headers = load_headers()
    if words in headers:
        return headers[words]
    # "chinese brands assembled", "main plant": a qualifier before a listed header (not
    # "former owner": a past one).
    for k in (1, 2):
        if len(words) > k and words[k:] in headers and not FORMER & set(words[:k]):
            return headers[words[k:]]
    for n in range(len(words) - 1, 0, -1):
        if words[:n] in headers and words[n] in LOCATIVE | HEADER_OF:
            return headers[words[:n]]
    return None


#: Header kinds of a first column that names firms or bodies ("Client", "Supplier").
PARTY_KINDS = frozenset({"owner", "owned", "buyer", "supplier", "producer", "partner"})


def party_cell(doc: Doc) -> int:
    """The end of a table row's first cell (its dash) when the column's header names a
    party ("Client | ..."): a name there is a firm or a body, whatever NER took it for
    ("Mosgortrans", "Almatyelectrotrans"). 0 for any other paragraph."""
    if _kind(row_header(doc)) not in PARTY_KINDS:
        return 0
    return _row_dash(doc, 0, len(doc)) or 0


def _bracketed(doc: Doc, m: Mention, start: int) -> bool:
    """Is ``m`` inside parentheses opened after token ``start``?"""
    depth = 0
    for t in doc[start : m.start]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _site_of(doc: Doc, agent: Mention, m: Mention) -> bool:
    """Is ``m`` the bracket right after ``agent``'s name ("X (Engels)")?"""
    return (
        m.start == agent.end + 1
        and m.end < len(doc)
        and doc[agent.end].text == "("
        and doc[m.end].text == ")"
    )


def _row_dash(doc: Doc, start: int, end: int) -> int | None:
    """The index of the dash that ends a table row's subject in ``doc[start:end]``."""
    return next((i for i in range(start, end) if doc[i].text == ROW_DASH), None)


def is_table_row(doc: Doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` a table row as the corpus writes it ("X — header : value")?"""
    dash = _row_dash(doc, start, end)
    return dash is not None and any(doc[i].text == ":" for i in range(dash, min(end, dash + 8)))


def _headed_cells(doc: Doc, dash: int, end: int) -> list[tuple[int, int, int]]:
    """(start, colon, stop) of each cell after the row's dash whose header (before its
    colon) is at most ``HEADER_TOKENS`` long; cells are set apart by ";"."""
    out = []
    cell = dash + 1
    while cell < end:
        stop = next((i for i in range(cell, end) if doc[i].text == ";"), end)
        colon = next((i for i in range(cell, stop) if doc[i].text == ":"), None)
        if colon is not None and colon - cell <= HEADER_TOKENS:
            out.append((cell, colon, stop))
        cell = stop + 1
    return out


def _where_a_site_is(
    doc: Doc, m: Mention, values: list[Mention], colon: int, kb: KnowledgeBase
) -> bool:
    """Is the place ``m`` of a site cell a region or a country after a comma that says
    where the site before it is ("site : Xinyu, Jiangxi", "location : Tsagaan Del,
    Dornogovi Province, Mongolia"), rather than a second site?"""
    actor = kb.actors[m.entity]
    if not (actor.type == "country" or names_a_region(actor, m.text)):
        return False
    if m.start - 1 <= colon or doc[m.start - 1].text != ",":
        return False
    # (the name before the comma, named or not, is a site: not a region or country of
    # a list of them, "countries : Kazakhstan, Russia")
    before = next((v for v in values if v.end == m.start - 1), None)
    if before is None:
        return doc[m.start - 2].text[:1].isupper()
    prior = kb.actors[before.entity]
    if prior.type == "country":
        return False
    # (a country after a region says where the region is: "Dornogovi Province, Mongolia")
    return actor.type == "country" or not names_a_region(prior, before.text)


def _cells(
    doc: Doc, dash: int, end: int, named: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, list[Mention]]]:
    """(header, kind, actors named in the cell outside parentheses) of each cell with a
    listed header ("Non (kits pour X à Y)": the parenthesis is a remark)."""
    out = []
    for cell, colon, stop in _headed_cells(doc, dash, end):
        header = doc[cell:colon].text
        kind = _kind(header)
        values = [m for m in named if colon < m.start and m.end <= stop]
        values = [m for m in values if not _bracketed(doc, m, colon)]
        # "Plants: NdFeB magnet plants in X": a name qualifying goods is no value.
        values = [m for m in values if not _goods_name(doc, m)]
        if kind == "activity":  # ("Graphite mining, Taiyzhuzgen"; not "Négoce")
            values = [m for m in values if doc[m.start - 1].text == ","]
        if kind == "place":
            values = [m for m in values if not _where_a_site_is(doc, m, values, colon, kb)]
        if any(t.lower_ in UNSETTLED for t in doc[colon:stop]):
            values = []  # "partenaire chinois : Ganfeng (négociations)"
        if kind == "place" and any(t.lower_ in OUTLETS for t in doc[colon:stop]):
            values = []  # "site : Almaty (office)": premises that make nothing
        if kind and values:
            out.append((header, kind, values))
    return out


def _stake_header(doc: Doc, dash: int, end: int) -> str | None:
    """The header of the row's stake column whose cell is a share ("equity interest :
    51%"), if any, and if no header names a holder (in a table of the issuer's own
    shareholders, "stake : 24% ; shareholder since : 2021", the row's firm holds the
    issuer)."""
    found, headers = None, load_headers()
    for cell, colon, stop in _headed_cells(doc, dash, end):
        if any(headers.get((t.lower_,)) == "owner" for t in doc[cell:colon]):
            return None
        if _kind(doc[cell:colon].text) == "stake" and "%" in doc[colon:stop].text:
            found = doc[cell:colon].text
    return found


def _cell_role(doc: Doc, m: Mention, end: int) -> str | None:
    """The role a partner cell gives its actor in words after it ("X — fournisseur des
    cellules": supplier; "X — acheteur de nickel", "X (offtake)": buyer), read with the
    header lexicon; or goods in brackets after it, which it supplies ("X (anode)")."""
    stop = next((i for i in range(m.end, end) if doc[i].text == ";"), end)
    headers = load_headers()
    for t in doc[m.end : stop]:
        kind = headers.get((t.lower_,))
        if kind in ("supplier", "buyer"):
            return kind
    after = doc[m.end : stop]
    if len(after) >= 3 and after[0].text == "(" and after[1].lower_ in goods_words():
        return "supplier"
    return None


def _status(doc: Doc, start: int, dash: int, end: int) -> str:
    """The lower-cased text of the row's status cells ("status : Talks; no contract") and
    of the remarks in brackets after its subject ("Kalumbwe (fermée en 2024) — ...") or
    in a cell of no relation's column ("start : 2021 (ended 2023)", "capacity : 30
    (proposed)")."""
    first = doc[start:dash].text if dash > start else ""
    texts = [m.lower() for m in re.findall(r"\(([^()]*)\)", first)]
    cell, status = dash + 1, False
    while cell < end:
        stop = next((i for i in range(cell, end) if doc[i].text == ";"), end)
        colon = next((i for i in range(cell, stop) if doc[i].text == ":"), None)
        if colon is not None:
            # ("Status (June 2026)": the header without its brackets)
            status = " ".join(_unbracketed(doc[cell:colon].text).split()) in STATUS_HEADERS
            value = doc[colon + 1 : stop].text
            if status:
                texts.append(value.lower())
            elif _kind(doc[cell:colon].text) is None:  # (a party's own brackets: _cell_role)
                # (a remark that opens with a status word: "(ended 2023)", "(proposed)",
                # "(projet)"; not "(sold to X)" after a capacity)
                # (or a cell that opens with one: "since : talks only")
                texts += [
                    m.lower()
                    for m in [value, *re.findall(r"\(([^()]*)\)", value)]
                    if m.split() and m.split()[0].lower() in REMARKS
                ]
        elif status:  # the status cell's own ";" ("Registered 2025; plant planned for 2027")
            texts.append(doc[cell:stop].text.lower())
        cell = stop + 1
    return " ".join(texts)


def _unsettled_status(doc: Doc, start: int, dash: int, end: int) -> bool:
    """Does a status cell of the row say the relation is only talked of or planned, or
    has stopped ("Suspended", "Sold")?"""
    words = set(re.findall(r"\w+", _status(doc, start, dash, end)))
    return bool(words & (UNSETTLED | PLANNED_STATUS | ENDED))


def _supplier_status(doc: Doc, start: int, dash: int, end: int) -> bool:
    """Does a status cell of the row name the partner's role as a supplier's ("Supplier
    since 2025", "Licensor": a word of the ``supplier`` headers)?"""
    words = set(re.findall(r"\w+", _status(doc, start, dash, end)))
    roles = {w[0] for w, kind in load_headers().items() if kind == "supplier" and len(w) == 1}
    return bool(words & roles)


def _memorandum_status(doc: Doc, start: int, dash: int, end: int) -> bool:
    """Does a status cell of the row name a memorandum ("Memorandum signed 2024")?"""
    text = f" {_status(doc, start, dash, end)} "
    return any(f" {word} " in text for word in MEMORANDA)


def _venture_named(doc: Doc, first: Mention, named: list[Mention], end: int) -> Mention | None:
    """The joint venture named in the partner's brackets ("X (joint venture Y)", "X
    (coentreprise Y, 49 %)"), if any."""
    stop = next((i for i in range(first.end, end) if doc[i].text == ")"), end)
    jv = [t.i for t in doc[first.end : stop] if t.lower_ in JV_WORDS]
    if "(" not in {t.text for t in doc[first.end : stop]} or not jv:
        return None
    return next((m for m in named if jv[0] < m.start < stop and m.start - jv[0] <= 2), None)


def _holds_stake(doc: Doc, m: Mention, end: int) -> bool:
    """Does a percentage or a joint-venture word follow ``m`` in its cell's brackets?"""
    stop = next((i for i in range(m.end, end) if doc[i].text in (";", ")")), end)
    words = {t.lower_ for t in doc[m.end : stop]}
    return "(" in words and ("%" in words or bool(words & JV_WORDS))


def _brands_made(
    header: str, values: list[Mention], subject: Mention, kb: KnowledgeBase
) -> list[Relation]:
    """A brand column's cells: the row's firm owns a brand of its own (or of no known
    group), and assembles another group's brand or a known carmaker's cars, which that
    group supplies ("Avtotor — brand : Kaiyi": Chery, Kaiyi's group, supplies Avtotor)."""
    out = []
    own_group = kb.actors[subject.entity].parent
    for m in values:
        actor = kb.actors[m.entity]
        # (a name the text alone gives is taken as the column says: a brand)
        brand = actor.type == "brand" or actor.provenance != KNOWN
        maker = actor.parent if brand else m.entity
        if m.entity == subject.entity:
            continue
        if brand and maker in ("", subject.entity):
            out.append(Relation(subject.entity, m.entity, "ownership", header, "table column"))
        elif maker != own_group:  # (not the cars of the firm's own group)
            out.append(Relation(maker, subject.entity, "supply", header, "table column"))
    return out


def section_after(
    doc: Doc, mentions: list[Mention], kb: KnowledgeBase, current: Mention | None
) -> Mention | None:
    """The factsheet subject after the paragraph ``doc``: a heading that opens with the
    name of a firm or a plant ("BelGee", "Saryarka AvtoProm (Kostanay)") starts its
    section, any other heading ends it; running text and record lines leave it as is."""
    last = doc[-1].text if len(doc) else "."
    if len(doc) > HEADING_TOKENS or last in ".!?;:" or is_record(doc, 0, len(doc)):
        return current
    # "Country: China": a record line with a header the lexicon does not list.
    if any(t.text == ":" for t in doc[1 : HEADER_TOKENS + 1]):
        return current
    first = next((m for m in mentions if m.kind == NAME), None)
    if first is not None and first.start == 0 and kb.actors[first.entity].type not in NOT_SECTIONS:
        return first
    return None


def is_record(doc: Doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` a factsheet line, "header : value" with a listed header?"""
    colon = next(
        (i for i in range(start, min(end, start + HEADER_TOKENS + 1)) if doc[i].text == ":"), None
    )
    return colon is not None and colon > start and _kind(doc[start:colon].text) is not None


#: Columns of a buyer's row that ``_bought`` reads (a brand is what was bought: no owner).
BOUGHT_KINDS = frozenset({"producer", "supplier", "place", "brand"})


def _bought(
    subject: Mention,
    cells: list[tuple[str, str, list[Mention]]],
    made_by: tuple[str, Mention] | None,
    unsettled: bool,
) -> list[Relation]:
    """Relations of a row keyed by its buyer ``subject`` (``table_relations``)."""
    suppliers = [(h, m) for h, kind, vs in cells if kind == "supplier" for m in vs]
    if made_by is None and len({m.entity for _, m in suppliers}) == 1:
        made_by = suppliers[0]
    out = []
    if made_by is not None and not unsettled:
        header, maker = made_by
        out.append(Relation(maker.entity, subject.entity, "supply", header, "table column"))
    receiver = made_by[1].entity if made_by else subject.entity
    out += [
        Relation(m.entity, receiver, "supply", h, "table column")
        for h, m in suppliers
        if m.entity != receiver
    ]
    if made_by is not None:
        out += [
            Relation(made_by[1].entity, m.entity, "production", h, "table column")
            for h, kind, vs in cells
            if kind == "place"
            for m in vs
        ]
    return [r for r in out if r.source != r.target]


def table_relations(
    doc: Doc,
    start: int,
    end: int,
    mentions: list[Mention],
    kb: KnowledgeBase,
    section: Mention | None = None,
) -> list[Relation]:
    """Relations of the table row ``doc[start:end]`` (none if it is not a row), or of a
    record line of the factsheet on ``section`` (the actor its heading names).

    The row's subject is its first cell's actor; when that is no firm or brand (a plant
    named by its city, "Kaliningrad plant", or a mineral, "Cobalt") and an owner or
    producer column names one, that actor is the subject of the other columns.
    """
    named = [m for m in mentions if m.kind != ADJECTIVE and kb.actors[m.entity].type != "media"]
    # "Parent: Uzbekistan's State Assets Management Agency": the country qualifies the
    # agency; it is no value of its own.
    named = [
        m for m in named if not (kb.actors[m.entity].type == "country" and _possessive(doc, m))
    ]
    dash = _row_dash(doc, start, end)
    if dash is not None:
        subject = next((m for m in named if start <= m.start and m.end <= dash), None)
        if any(t.lower_ in FORMER for t in doc[start:dash]):
            subject = None  # "Former Hyundai plant — operator : X": a past owner
    elif section is not None and is_record(doc, start, end):
        dash, subject = start - 1, section
    else:
        return []
    cells = _cells(doc, dash, end, named, kb)
    # (an activity cell's place: "Graphite mining, Taiyzhuzgen"; not "Négoce", "Anodes")
    places = {m.entity for m in named if kb.actors[m.entity].type in PLACE_TYPES}
    cells = [(h, k, [m for m in vs if k != "activity" or m.entity in places]) for h, k, vs in cells]
    cells = [c for c in cells if c[2]]
    # (a table keyed by buyer names firms and bodies: a discovered name there that the
    # recogniser took for a place or a person is the buyer, "Mosgortrans")
    bought = dash >= start and _kind(row_header(doc)) == "buyer"
    firm = subject is not None and (
        kb.actors[subject.entity].type not in PLACE_TYPES
        or (bought and kb.actors[subject.entity].provenance != KNOWN)
    )
    out = []
    if not_yet(doc[start:end].text):
        # "statut : en construction": the site produces nothing yet.
        cells = [c for c in cells if HEADER_RELATIONS[c[1]][0] != "production"]
    unsettled = _unsettled_status(doc, start, dash, end)
    if unsettled:
        # "status : Talks; no agreement", "Planned for 2027": only who owns it is stated
        # (and who runs it, as the owners' holding).
        cells = [c for c in cells if HEADER_RELATIONS[c[1]][0] == "ownership" or c[1] == "producer"]
    # "assembleur (site) : X (Engels)": the producer's own site is named in its cell; the
    # row's other places (a buyer's town, "ville : Oufa") and its subject are not X's.
    own_site = next(
        (
            (h, vs[0], sites)
            for h, kind, vs in cells
            if kind == "producer"
            and (sites := [m for m in named if m.entity in places and _site_of(doc, vs[0], m)])
        ),
        None,
    )
    if own_site is not None:
        header, agent, sites = own_site
        if not unsettled and not not_yet(doc[start:end].text):
            out += [
                Relation(agent.entity, m.entity, "production", header, "table column")
                for m in sites
            ]
        cells = [c for c in cells if c[1] not in ("place", "brand")]
        if not firm:
            return out
    if not firm:
        # Who runs the site before who owns it ("exploitant : X ; actionnaires : Y": X
        # produces there, and Y owns X).
        agents = sorted((c for c in cells if c[1] in AGENT_KINDS), key=lambda c: c[1] != "producer")
        if not agents:
            return []
        header, kind, (agent, *_) = agents[0]
        # ("Yelets, Lipetsk region", "Kant (Kirghizistan)": a region or country after an
        # unnamed town says where that town is; the site is the town, not it)
        coarser = subject is not None and any(t.text in ",(" for t in doc[start : subject.start])
        if (
            subject is not None
            and not not_yet(doc[start:end].text)
            and not unsettled
            and not coarser
        ):
            # "Kaliningrad plant — owner : X": X produces there
            out.append(Relation(agent.entity, subject.entity, "production", header, "table column"))
        subject = agent
        cells = [c for c in cells if c[1] not in ({kind} if kind == "producer" else AGENT_KINDS)]
    elif unsettled:
        cells = [c for c in cells if c[1] != "producer"]
    # "partenaire chinois : Geely ; apport : kits CKD": a partner that brings kits, a
    # platform or a licence supplies the subject.
    # (not closing a name: "Volga Cells" is no cells brought; "Moteurs diesel" and
    # "Kits Exeed", which the recogniser takes for names, are)
    in_names = {i for m in named for i in range(m.start + 1, m.end)}
    supplies = any(
        t.i not in in_names and t.lower_ in KIT_WORDS | CONTRIBUTIONS for t in doc[dash + 1 : end]
    ) or _supplier_status(doc, start, dash, end)
    memorandum = _memorandum_status(doc, start, dash, end)
    # "Tenet — owner : X ; assembler : Y ; city : Z": Y makes the brand at Z, and when Y
    # is not X, X supplies Y (a brand assembled by another firm).
    made_by = next(((h, vs[0]) for h, kind, vs in cells if kind == "producer"), None)
    maker = made_by[1] if made_by else None
    if bought:
        # A table keyed by buyer ("Client | Fournisseur de cellules | Site"): the row's
        # firm receives. Its maker (the producer column's, else its only supplier)
        # supplies it and makes it at the row's places; other suppliers supply the maker.
        out += _bought(subject, cells, made_by, unsettled)
        cells = [c for c in cells if c[1] not in BOUGHT_KINDS]
    elif maker is not None and maker.entity != subject.entity:
        owners = [m for _, kind, vs in cells if kind == "owner" for m in vs]
        out += [
            Relation(o.entity, maker.entity, "supply", made_by[0], "table column")
            for o in owners
            if o.entity != maker.entity
        ]
    held = _stake_header(doc, dash, end)
    if held and firm and not any(c[1] == "owner" for c in cells):
        # "Xiangneng Europe Kft. — equity interest : 100%": held by the report's issuer
        out.append(Relation(ISSUER, subject.entity, "ownership", held, "table column"))
    for header, kind, values in cells:
        if kind in ("producer", "stake"):  # ("Lada — producer : X": the owner column's)
            continue
        relation, cell_first = HEADER_RELATIONS[kind]
        if kind == "place" and maker is not None and maker.entity != subject.entity:
            out += [
                Relation(maker.entity, m.entity, "production", header, "table column")
                for m in values
                if m.entity != maker.entity
            ]
            continue
        role = _cell_role(doc, values[0], end) if kind == "partner" else None
        if role is not None:
            # "partenaire chinois : X — fournisseur des cellules" / "— acheteur de nickel"
            relation, cell_first = HEADER_RELATIONS[role]
        elif kind == "partner" and supplies:
            relation, cell_first = "supply", True
        elif kind == "partner" and (venture := _venture_named(doc, values[0], named, end)):
            # "Partners: X (joint venture Y)": X and the subject are partners, and both
            # own their joint venture Y.
            partner = values[0].entity
            if subject.entity not in (partner, venture.entity):
                out += [
                    Relation(subject.entity, partner, "partnership", header, "table column"),
                    Relation(partner, venture.entity, "ownership", header, "table column"),
                    Relation(subject.entity, venture.entity, "ownership", header, "table column"),
                ]
            continue
        elif kind == "partner" and _holds_stake(doc, values[0], end):
            # "partenaire chinois : X (coentreprise, 49 %)": X owns part of the subject.
            relation, cell_first = "ownership", True
        if memorandum and relation == "supply":
            relation = "partnership"  # "status : Memorandum signed": nothing delivered yet
        if kind == "brand":
            made = _brands_made(header, values, subject, kb)
            out += [r for r in made if not unsettled or r.relation == "ownership"]
            continue
        for m in values:
            if m.entity == subject.entity:
                continue
            pair = (m.entity, subject.entity) if cell_first else (subject.entity, m.entity)
            out.append(Relation(*pair, relation, header, "table column"))
    return out
