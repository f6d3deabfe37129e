"""The Actors and partnerships chapter, on small tables built in the tests."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from analysis import charts
from analysis.extraction import reporting
from analysis.report import actors, network, relations, wording
from tests.fixtures.report_data import document, make_data


def entity(name: str, kind: str, country: str, mentions: int, documents: int = 1) -> dict:
    return {
        "entity": name,
        "type": kind,
        "country": country,
        "sector": "",
        "mentions": mentions,
        "documents": documents,
    }


def relation(source: str, target: str, kind: str, doc: str, sid: str, text: str) -> dict:
    return {
        "source": source,
        "target": target,
        "relation": kind,
        "document": doc,
        "sentence_id": sid,
        "sentence": text,
    }


def sentence(sid: str, doc: str, text: str, language: str = "en") -> dict:
    return {
        "sentence_id": sid,
        "document": doc,
        "paragraph": int(sid.split(":")[1]),
        "sentence": int(sid.split(":")[2]),
        "language": language,
        "text": text,
    }


@pytest.fixture
def other_world(tmp_path):
    """English seeds on other firms and countries: a German firm leaving, Korea as partner."""
    texts = {
        "a:0:0": "Siemens left Argentina after the crisis.",
        "a:1:0": "Hyundai could partner with YPF, according to Reuters, citing anonymous sources.",
        "b:0:0": "<script>alert(1)</script> Samsung will build a plant in Argentina.",
    }
    return make_data(
        tmp_path,
        documents=[document("a"), document("b")],
        entities=[
            entity("Argentina", "country", "AR", 6, 2),
            entity("Siemens", "company", "DE", 2),
            entity("Hyundai", "company", "KR", 3),
            entity("YPF", "company", "AR", 1),
            entity("Samsung", "company", "KR", 2),
            entity("Reuters", "media", "GB", 1),
        ],
        mentions=[
            {"entity": "Siemens", "document": "a", "sentence_id": "a:0:0", "text": "Siemens"},
            {"entity": "Hyundai", "document": "a", "sentence_id": "a:1:0", "text": "Hyundai"},
            {"entity": "Samsung", "document": "b", "sentence_id": "b:0:0", "text": "Samsung"},
        ],
        relations=[
            relation("Siemens", "Argentina", "exit", "a", "a:0:0", texts["a:0:0"]),
            relation("Hyundai", "YPF", "partnership", "a", "a:1:0", texts["a:1:0"]),
            relation("Samsung", "Argentina", "production", "b", "b:0:0", texts["b:0:0"]),
        ],
        sentences=[sentence(sid, sid[0], text) for sid, text in texts.items()],
        attributions=[
            {
                "document": "a",
                "sentence_id": "a:1:0",
                "cue": "according to",
                "source": "Reuters",
                "entity": "Reuters",
            },
            {
                "document": "a",
                "sentence_id": "a:1:0",
                "cue": "anonymous sources",
                "source": "anonymous sources",
                "entity": "",
            },
        ],
        candidates=[
            {"text": "{raw} html <b>x</b>", "label": "ORG", "count": 2, "documents": 1},
            {"text": "Mercosur", "label": "ORG", "count": 1, "documents": 1},
        ],
    )


@pytest.fixture
def empty(tmp_path):
    return make_data(tmp_path, documents=[document("a")])


def test_country_names_come_from_iso_codes():
    assert wording.country_name("KR") == "South Korea"
    assert wording.country_name("de") == "Germany"
    assert wording.country_name("SU") == "USSR"
    assert wording.country_name("") == wording.NO_COUNTRY
    assert wording.country_name(float("nan")) == wording.NO_COUNTRY


def test_hedge_cues_ignore_capitalised_months():
    assert reporting.hedge_cues("The plant may open in May 2025.", "en") == ["may"]
    assert reporting.hedge_cues("Production starts in May.", "en") == []
    assert reporting.hedge_cues("Selon Reuters, X pourrait acheter Y.", "fr") == [
        "selon",
        "pourrait",
    ]


def test_relations_carry_countries_and_hedges(other_world):
    rel = relations.relations(other_world).set_index("sentence_id")
    assert rel.at["a:0:0", "source_country_name"] == "Germany"
    assert rel.at["a:0:0", "target_country_name"] == "Argentina"
    assert rel.at["a:1:0", "attributed_to"] == "Reuters; anonymous sources"
    # the evidential cue is redundant once the source is named; the modal one stays
    assert rel.at["a:1:0", "hedges"] == "could"
    assert not rel.at["a:0:0", "reported"]


def test_summary_counts_and_cites(other_world):
    text = actors.summary(other_world)
    assert "3 relations between 5 actors in 2 of the 2 usable seeds" in text
    assert "{cite}`seed_a,seed_b`" in text
    assert "Of these, 1 comes from sentences" in text
    assert "With only 3 relations" in text


def test_network_is_deterministic_and_filters_by_mentions(other_world):
    nodes, edges = relations.network_frames(other_world, min_mentions=1)
    again_nodes, again_edges = relations.network_frames(other_world, min_mentions=1)
    pd.testing.assert_frame_equal(nodes, again_nodes)
    pd.testing.assert_frame_equal(edges, again_edges)
    assert set(nodes["node"]) == {"Argentina", "Siemens", "Hyundai", "YPF", "Samsung"}
    assert "Reuters" not in set(nodes["node"])  # mentioned but in no relation
    # YPF (1 mention) drops out with min_mentions=2, and so does its edge
    nodes2, edges2 = relations.network_frames(other_world, min_mentions=2)
    assert "YPF" not in set(nodes2["node"])
    assert "partnership" not in set(edges2["relation"])
    chart = actors.network_chart(nodes, edges)
    spec = charts.spec(chart)
    assert spec["title"]["text"]
    assert charts.png(spec)[:4] == b"\x89PNG"


def test_network_layout_separates_components_and_parallel_edges():
    positions = network.layout(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    assert set(positions) == {"a", "b", "c", "d"}
    assert positions == network.layout(["d", "c", "b", "a"], [("d", "c"), ("b", "a")])
    edges = pd.DataFrame(
        {"source": ["a", "a"], "target": ["b", "b"], "relation": ["exit", "production"]}
    )
    frame = network.edge_frame(edges, positions)
    assert list(frame["edge"]) == [0, 1]
    assert (frame.loc[0, "x"], frame.loc[0, "y"]) != (frame.loc[1, "x"], frame.loc[1, "y"])
    assert network.layout([], []) == {}


def test_country_matrix(other_world):
    matrix = relations.country_matrix(other_world).set_index(["source_country", "target_country"])
    assert matrix.at[("Germany", "Argentina"), "relations"] == 1
    # a partnership has no direction: Hyundai ↔ YPF sits under the countries' alphabetical order
    assert matrix.at[("South Korea", "Argentina"), "types"] == "production (1)"
    assert matrix.at[("Argentina", "South Korea"), "types"] == "partnership (1)"
    summary = actors.matrix_summary(relations.country_matrix(other_world))
    assert "3 link actors of two different countries" in summary
    assert "pairs, tied at 1 relation, are" in summary
    assert r"Argentina – South Korea (1 distinct sentence: partnership \(1\))" in summary
    assert "South Korea → Argentina" in summary
    charts.png(charts.spec(actors.matrix_chart(relations.country_matrix(other_world))))


def test_relation_table_quotes_and_cites(other_world):
    table = actors.relations_table(other_world)
    assert list(table["Seed"]) == ["{cite}`seed_a`", "{cite}`seed_a`", "{cite}`seed_b`"]
    assert list(table["Relation"]) == [
        "Siemens → Argentina (exit)",
        "Hyundai ↔ YPF (partnership, at the rumour stage)",  # could, per Reuters
        "Samsung → Argentina (production)",
    ]
    hedged = table.iloc[1]["Sentence (quoted), hedges"]
    assert hedged.endswith("(according to Reuters and anonymous sources; hedge: “could”)")
    # untrusted text stays raw here: myst.show_table escapes it (only "Seed" is trusted)
    assert "<script>" in table.iloc[2]["Sentence (quoted), hedges"]


def test_relation_table_sorts_sentence_ids_as_numbers(tmp_path):
    # issue 13: "First 10 of 22 rows in seed and sentence order" put a:12:0 before a:2:0
    ids = ("a:12:0", "a:2:0", "a:2:10", "a:2:9")
    data = make_data(
        tmp_path / "data",
        documents=[document("a")],
        entities=[entity("X", "company", "FR", 3), entity("Y", "company", "DE", 3)],
        relations=[relation("X", "Y", "supply", "a", sid, f"Sentence {sid}.") for sid in ids],
    )
    quoted = list(actors.relations_table(data)["Sentence (quoted), hedges"])
    assert quoted == [f"« Sentence {sid}. »" for sid in ("a:2:0", "a:2:9", "a:2:10", "a:12:0")]


def test_top_actors_and_candidates(other_world):
    top = relations.top_actors(other_world, n=3)
    assert list(top["actor"]) == ["Argentina", "Hyundai", "Samsung"]
    assert list(top["country"]) == ["Argentina", "South Korea", "South Korea"]
    assert isinstance(actors.top_actors_chart(top), alt.Chart)
    assert "{cite}`seed_a,seed_b`" in actors.top_actors_caption(other_world, top)
    note = actors.candidates_note(other_world)
    assert "2 names (3 occurrences)" in note and "listed for review" in note
    cands = actors.candidates_table(other_world)
    assert cands.iloc[0]["Name as found"] == "{raw} html <b>x</b>"
    summary = actors.actors_summary(other_world)
    assert "South Korea (2)" in summary


def test_empty_tables_build_sentences_not_errors(empty):
    assert "No relation" in actors.summary(empty)
    nodes, edges = relations.network_frames(empty)
    assert nodes.empty and edges.empty
    assert relations.country_matrix(empty).empty
    assert "No relation" in actors.matrix_summary(relations.country_matrix(empty))
    assert actors.relations_table(empty).empty
    assert relations.top_actors(empty).empty
    assert "No actor" in actors.actors_summary(empty)
    assert "found no" in actors.candidates_note(empty)


def test_every_relation_type_has_a_line_style() -> None:
    from analysis.extraction.relations import RELATION_TYPES
    from analysis.report.network import DASHES

    assert len(DASHES) >= len(RELATION_TYPES)


def test_a_network_of_thousands_of_actors_is_laid_out_without_scipy() -> None:
    from analysis.report import network

    nodes = [f"actor {i}" for i in range(1200)]
    edges = [(nodes[i], nodes[i + 1]) for i in range(len(nodes) - 1)]
    positions = network.layout(nodes, edges)
    assert set(positions) == set(nodes)
    assert positions == network.layout(list(reversed(nodes)), edges)  # order-free


def test_links_only_flagged_seeds_state_are_drawn_pale(tmp_path):
    # issue 13: flaws travel with the evidence, into the charts too
    data = make_data(
        tmp_path / "data",
        documents=[document("a"), document("b")],
        entities=[entity("X", "company", "FR", 2), entity("Y", "company", "CN", 2),
                  entity("Z", "company", "DE", 1)],
        relations=[relation("X", "Y", "partnership", "a", "a:0:0", "X works with Y."),
                   relation("X", "Z", "supply", "b", "b:0:0", "Z supplies X.")],
        sources=[{"document": "a", "known_flaws": "unverified-partner: Y"}],
    )  # fmt: skip
    _, edges = relations.network_frames(data)
    evidence = dict(zip(edges["target"], edges["evidence"], strict=True))
    assert evidence == {"Y": relations.FLAGGED_ONLY, "Z": "other seeds"}
    assert "Pale lines (1)" in actors.network_caption(edges, 1)
    spec = charts.spec(actors.network_chart(*relations.network_frames(data)))
    assert "flagged seeds only" in str(spec)
    # the lines' evidence greys are a colour scale of their own: the circles keep the
    # countries' colours (a shared scale drew every country in grey)
    assert spec["resolve"]["scale"]["color"] == "independent"
