"""What later paragraphs of one document need from earlier ones (``DocumentState``):
the pipeline keeps one per document and reads it paragraph by paragraph."""

from __future__ import annotations

from collections import ChainMap, Counter
from dataclasses import replace

from analysis.extraction.actors import NAME, Actor, KnowledgeBase, Mention
from analysis.extraction.coreference import ISSUER, ISSUER_ACTOR, Recent
from analysis.extraction.descriptors import Attribute
from analysis.extraction.discovery import Candidate
from analysis.extraction.gazetteer import is_place_name
from analysis.extraction.registry import (
    NOT_ORGANISATIONS,
    core_shortened,
    discovered_actor,
    name_forms,
    prefix_of,
    settle,
    shortened,
)

#: Actor types never used as a figure's fallback subject.
FALLBACK_EXCLUDED = frozenset({"place", "country", "person", "media"})


class DocumentState:
    """What later paragraphs of one document need from earlier ones: the last country
    named, the discovered actors (typed by their first description) and the actors
    view relations read (the knowledge base plus those discovered here)."""

    def __init__(self, kb: KnowledgeBase, hint: int | None) -> None:
        self.kb = kb
        self.hint = hint
        self.last_country: str | None = None
        #: The actor whose factsheet the document is in (``relation_tables``).
        self.section: Mention | None = None
        self.discovered: dict[str, Actor] = {}
        self.evidence: dict[str, list[Attribute]] = {}
        # (with the stand-in for "the Company", which only the relation rules see)
        self.view = replace(kb, actors=ChainMap(self.discovered, {ISSUER: ISSUER_ACTOR}, kb.actors))
        self.previous: list[str] = []
        self.counts: Counter[str] = Counter()
        #: The actors of the last sentences, for the noun phrases that take them up.
        self.recent = Recent()
        self.headline: str | None = None  # (the issuer: the title's first firm)
        self.paragraphs = 0
        #: Abbreviations defined in brackets so far ("MCT" -> "Minsk Cell Technologies").
        self.abbreviations: dict[str, str] = {}
        #: Terms defined for things ('a kit supply agreement ("the KSA")'): no actors.
        self.things: set[str] = set()
        #: Discovered names' forms (``registry.name_forms``), computed once each.
        self.forms: dict[str, list[tuple[str, ...]]] = {}
        self.defined: dict[str, str] = {}  # (a definitions list's '"Purchaser"  X Ltd')
        self.peers: set[str] = set()  # (``discovery.listed_peers``: they shorten nothing)

    def saw(self, mentions: list[Mention]) -> None:
        """Count the sentence's named actors (firms, bodies: not places or people) for
        the figures' fallback subjects; call after ``subjects``."""
        named = [
            m.entity
            for m in mentions
            if m.kind == NAME and self.view.actors[m.entity].type not in FALLBACK_EXCLUDED
        ]
        self.previous = named[:1]
        self.counts.update(named)

    def subjects(self) -> list[str]:
        """Fallback subjects of a figure ("Il espère ... 100 000 véhicules"): the first
        actor of the previous sentence, then the document's most named actor so far."""
        main = [n for n, _ in sorted(self.counts.items(), key=lambda x: -x[1])[:1]]
        return list(dict.fromkeys(self.previous + main))

    def name(
        self,
        cand: Candidate,
        pending: tuple[str, ...] = (),
        place: bool = False,
        here: tuple[str, ...] = (),
    ) -> str:
        """The name an abbreviation defined earlier stands for, an earlier organisation's
        name ``cand`` shortens ("Great Wall" after "Great Wall Motor", "Lanxin" after
        "Hubei Lanxin Power"), else its own. ``pending``: organisations of earlier
        sentences of the paragraph; ``here``: of its sentence, before it (only their core
        shortens); ``place``: it follows a place preposition (it shortens nothing)."""
        if cand.actor in self.abbreviations:
            return self.abbreviations[cand.actor]
        if cand.actor in self.peers:
            return cand.actor
        opens = cand.label != "PER" and prefix_of(cand.actor, list(self.discovered), self.forms_of)
        if opens:
            return opens
        if (cand.label == "PER" and " " in cand.actor) or place or is_place_name(cand.actor):
            return cand.actor
        for n in (*self.discovered, *pending, *here):
            self.forms_of(n)
        if cand.label != "LOC":
            # "Kaiheng" after "Jiangsu Kaiheng New Energy" (NER may take it for a person's)
            orgs = [n for n, a in self.discovered.items() if a.type not in NOT_ORGANISATIONS]
            orgs += [n for n in pending if n not in self.discovered]
            if full := shortened(cand.actor, orgs, self.forms):
                return full
        # (a firm's core word after its full name in one sentence, whatever NER's label:
        # "Hefei Qianyuan Battery ..., and Qianyuan ships")
        return core_shortened(cand.actor, here, self.forms) or cand.actor

    def forms_of(self, name: str) -> list[tuple[str, ...]]:
        if name not in self.forms:
            self.forms[name] = name_forms(name, is_place_name)
        return self.forms[name]

    def learn(self, name: str, attributes: list[Attribute]) -> None:
        best = self.evidence.get(name)
        described = [a for a in attributes if a.basis != "NER label"]
        if best is None or (described and all(a.basis == "NER label" for a in best)):
            self.evidence[name] = attributes
            rows = [
                dict(
                    entity=name, attribute=a.attribute, value=a.value, basis=a.basis, sentence_id=""
                )
                for a in attributes
            ]
            self.discovered[name] = discovered_actor(name, settle(rows, {}).get(name, {}))
