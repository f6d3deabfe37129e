"""The extraction pipeline end to end: schemas, determinism, source quality, generalisation."""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.corpus import load_corpus
from analysis.corpus.model import Document, Paragraph
from analysis.extraction import evaluate, extract, read_tables, write_tables
from analysis.extraction.nlp import load_model
from analysis.extraction.sentences import find_dates
from analysis.tables import COLUMNS
from tests.fixtures.extraction_shared import (
    ARTICLES,
    FIXTURES,
    GOLD,
    SEEDS,
    fixture_tables,
    seed_tables,
    tables_for,
)

SPEC = {
    "documents": "document,title,language,words,boilerplate_share,repetition_share,"
    "specificity,status",
    "entities": "entity,type,country,sector,mentions,documents,provenance,parent",
    "mentions": "entity,document,sentence_id,text",
    "relations": "source,target,relation,document,sentence_id,sentence",
    "figures": "document,value,unit,year,subject,kind,bound,hedged,sentence_id,sentence",
    "candidates": "text,label,count,documents,actor",
}


def test_core_tables_have_exactly_the_documented_columns() -> None:
    tables = seed_tables()
    for name, cols in SPEC.items():
        assert list(getattr(tables, name).columns) == cols.split(","), name
        assert ",".join(COLUMNS[name]) == cols


def test_two_runs_write_byte_identical_csv(tmp_path: Path) -> None:
    docs = load_corpus(SEEDS).documents
    first = write_tables(extract(docs), tmp_path / "a")
    second = write_tables(extract(docs), tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    raw = (tmp_path / "a" / "documents.csv").read_bytes()
    assert b"\r\n" not in raw
    raw.decode("utf-8")


def test_scores_from_written_csv_equal_scores_from_tables(tmp_path: Path) -> None:
    tables = seed_tables()
    write_tables(tables, tmp_path)
    again = read_tables(tmp_path)
    assert list(again.relations.columns) == list(tables.relations.columns)
    assert evaluate(again, GOLD).equals(evaluate(tables, GOLD))


def test_sentence_ids_are_stable_provenance() -> None:
    tables = seed_tables()
    sentences = tables.details["sentences"]
    ids = set(sentences["sentence_id"])
    for name in ("mentions", "relations", "figures"):
        assert set(getattr(tables, name)["sentence_id"]) <= ids
    for sid in ids:
        doc, para, sent = sid.split(":")
        assert doc in set(tables.documents["document"]) and para.isdigit() and sent.isdigit()


def test_duplicate_paragraphs_are_skipped() -> None:
    docs = load_corpus(SEEDS).documents
    dup_ids = {f"{d.id}:{p.index}:" for d in docs for p in d.paragraphs if p.duplicate_of}
    assert dup_ids
    sids = seed_tables().details["sentences"]["sentence_id"]
    assert not any(s.startswith(prefix) for s in sids for prefix in dup_ids)


def test_seed_002_has_clearly_the_lowest_specificity() -> None:
    docs = seed_tables().documents.set_index("document")
    spec = docs["specificity"].astype(float)
    low = spec.idxmin()
    assert low == "002_a9226e6ab3d17201"
    assert spec.drop(low).min() > 1.5 * spec[low]


def test_skipped_and_unsupported_documents_are_listed_with_empty_numbers() -> None:
    skipped = Document("empty", Path("empty.txt"), "", status="skipped: empty file")
    german = Document(
        "de", Path("de.txt"), "", language="de", paragraphs=[Paragraph(0, "Volkswagen baut.")]
    )
    tables = extract([skipped, german])
    rows = tables.documents.set_index("document")
    assert rows.loc["empty", "status"] == "skipped: empty file"
    assert rows.loc["de", "status"].startswith("skipped: language 'de'")
    assert rows["specificity"].isna().all() and rows["words"].isna().all()
    assert tables.entities.empty and tables.mentions.empty


def test_boilerplate_names_do_not_come_out() -> None:
    tables = seed_tables()
    names = set(tables.entities["entity"]) | set(tables.candidates["text"])
    for word in ["Facebook", "Twitter", "YouTube", "Google", "Cliquez", "Laisser", "Bonjour"]:
        assert word not in names


def test_dates_regex() -> None:
    assert find_dates("annoncé mercredi 7 septembre un accord") == ["mercredi 7 septembre"]
    assert find_dates("100 000 véhicules par an en 2024") == ["2024"]
    assert find_dates("It may open in May 2023.") == ["May 2023"]


def test_english_document_end_to_end() -> None:
    text = (
        "BYD to build a plant in Hungary\n\n"
        "Chinese carmaker BYD said it will build a factory in Hungary, according to Reuters. "
        "The plant could produce 150,000 cars a year from 2025. "
        "BYD already assembles buses in Komárom."
    )
    t = tables_for({"en1": (text, "en")})
    assert {"BYD", "Hungary", "China", "Reuters"} <= set(t.entities["entity"])
    found = set(
        zip(t.relations["source"], t.relations["target"], t.relations["relation"], strict=True)
    )
    # The plant to be built produces nothing yet; the bus plant does.
    assert ("BYD", "Hungary", "production") not in found, found
    assert ("BYD", "Komárom", "production") in found, found
    assert 150000.0 in set(t.figures["value"])
    assert t.details["attributions"]["entity"].tolist() == ["Reuters"]


# --- generalisation: articles written for the tests, with their own gold -----------------


def _read(name: str) -> list[dict]:
    with open(FIXTURES / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_fixture_articles_are_read_in_both_languages() -> None:
    docs = load_corpus(ARTICLES).documents
    langs = {d.id: d.language for d in docs}
    assert sorted(langs.values()).count("fr") >= 2 and sorted(langs.values()).count("en") >= 2


def test_fixture_actors_known_are_linked_and_new_ones_are_discovered() -> None:
    t = fixture_tables()
    provenance = dict(zip(t.entities["entity"], t.entities["provenance"], strict=True))
    pairs = set(zip(t.mentions["document"], t.mentions["entity"], strict=True))
    known = {(d, e) for d, e in pairs if provenance[e] == "knowledge base"}
    found = pairs | set(
        zip(
            t.details["candidate_mentions"]["document"],
            t.details["candidate_mentions"]["text"],
            strict=True,
        )
    )
    gold = _read("gold_actors.csv")
    kb_gold = {(g["document"], g["entity"]) for g in gold if g["kind"] == "kb"}
    cand_gold = {(g["document"], g["entity"]) for g in gold if g["kind"] == "candidate"}
    assert len(kb_gold & known) / len(kb_gold) >= 0.9
    assert len(cand_gold & found) / len(cand_gold) >= 0.75
    # Every firm is an actor; those the knowledge base lacks are marked as discovered.
    for firm in ("Forvia", "Ebro EV Motors", "Tsingshan"):
        assert firm in provenance, firm
    assert provenance["Ebro EV Motors"] == "discovered"


def test_fixture_relations() -> None:
    t = fixture_tables()
    pred = set(
        zip(
            t.relations["document"],
            t.relations["source"],
            t.relations["target"],
            t.relations["relation"],
            strict=True,
        )
    )
    gold = {
        (g["document"], g["source"], g["target"], g["relation"])
        for g in _read("gold_relations.csv")
    }
    tp = len(pred & gold)
    # The gold holds relations with actors outside the knowledge base since actors are
    # discovered (rows marked "open world"). It was reviewed on 2026-12-07 against the
    # methods chapter's conventions by a helper that did not see the extractor's output
    # (``gold_relations_review.md``): 13 of its 30 rows were plans, plants being built,
    # unnamed sources' claims, a region or rows another row makes redundant, and one
    # stated row was missing. Measured then: recall 12 / 18 (0.67), precision 12 / 16
    # (0.75; the wrong rows: an investment in new plants read as production, a supply that
    # is only a partnership's purpose, a country beside a town the model set aside).
    assert tp / len(gold) >= 0.6, sorted(gold - pred)
    assert tp / len(pred) >= 0.75, sorted(pred - gold)


def test_ner_runs_only_where_a_candidate_is_possible() -> None:
    """ner_spans: stretches around capitalised words outside stop words and known names,
    within their sentences; the entities found there are set on the whole paragraph."""
    from analysis.extraction.actors import linker_for
    from analysis.extraction.ner_scope import NER_CONTEXT, ner_spans
    from analysis.extraction.nlp import add_entities

    nlp = load_model("fr")
    linker = linker_for(nlp)
    with nlp.select_pipes(disable=["ner"]):
        known = nlp("Selon Renault, Le constructeur a vendu son usine à Kamaz en Russie.")
        mixed = nlp(
            "Renault a quitté la Russie. La société Zorblatex construit une usine à "
            "Toliatti, sur la rive de la Volga, pour ses camions. Elle ouvrira en 2025. "
            "Le groupe Kamaz et la firme Plixomar suivent."
        )
    assert ner_spans(known, linker.link(known)) == []
    spans = ner_spans(mixed, linker.link(mixed))
    sents = list(mixed.sents)
    # Sentences 2 and 4 need NER, each in one stretch; 1 and 3 (no candidate word) none.
    inside = [next(i for i, s in enumerate(sents) if s.start <= x.start < s.end) for x in spans]
    assert inside == [1, 3]
    assert all(x.end <= sents[i].end for x, i in zip(spans, inside, strict=True))
    # A stretch reaches NER_CONTEXT tokens past the last capitalised word, not further.
    volga = next(t.i for t in mixed if t.text == "Volga")
    assert spans[0].end == min(sents[1].end, volga + NER_CONTEXT + 1)
    add_entities(spans, "fr")
    assert mixed.has_annotation("ENT_IOB")
    assert all(s.start >= sents[1].start for s in mixed.ents)  # none in sentence 1
    assert mixed.user_data["ner_tokens"] == sum(len(x) for x in spans)
    found = {e.text for e in mixed.ents}
    assert found & {"Zorblatex", "Toliatti", "Plixomar"}, found


def test_ner_counts_are_reported() -> None:
    stats = seed_tables().stats
    assert 0 < stats.ner_tokens < stats.tokens
    assert stats.ner_summary().startswith(f"NER ran on {stats.ner_tokens:,} of ")


def test_a_name_discovered_earlier_is_a_mention_where_ner_misses_it() -> None:
    import spacy

    from analysis.extraction.actors import load_knowledge_base
    from analysis.extraction.mentioned_again import mentioned_again

    discovered = {"Varkon Battero": next(iter(load_knowledge_base().actors.values()))}
    doc = spacy.blank("en")("Varkon Battero will supply packs from its plant, Varkon said.")
    again = mentioned_again(doc, set(), discovered, {}, discovered)
    assert [(m.entity, m.start, m.end) for m in again] == [("Varkon Battero", 0, 2)]
    # Tokens already taken by another mention are left alone.
    assert mentioned_again(doc, {0}, discovered, {}, discovered) == []


def test_a_footnote_call_before_a_full_stop_ends_the_sentence() -> None:
    # French tokenisation kept "[21]." whole, so three sentences were read as one and a
    # report in the third ("Selon X, ...") governed the first two.
    text = (
        "Varkon assemble des camions à Toula [20]. À Tver, Quellon produit des bus [21]. "
        "Selon Brantell, le marché recule."
    )
    for lang in ("fr", "en"):
        sents = [s.text for s in load_model(lang)(text).sents]
        assert sents[0] == "Varkon assemble des camions à Toula [20].", (lang, sents)
        assert len(sents) == 3, (lang, sents)
