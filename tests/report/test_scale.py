"""Chapters at scale: a corpus of 1,000 documents gives top-N or aggregated charts, capped
tables and short citation lists, while small corpora keep one bar per seed."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis import charts, myst
from analysis.report import (
    actors,
    claim_views,
    claims,
    corpus,
    figures,
    pivot,
    relations,
    seed_quality,
    shift,
)
from tests.fixtures.report_data import document, make_data

N_DOCS = 1000
COMPANIES = [f"Firm{i:02d}" for i in range(30)]
COUNTRIES = ["CN", "RU", "KZ", "DE", "FR"]
UNITS = ["GWh", "MW", "vehicles", "t", "units", "kt", "%"]


def doc_id(i: int) -> str:
    return f"art_{i:04d}"


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """1,000 documents with claims, and relations between 30 firms of five countries."""
    rng = random.Random(3)
    docs = [
        document(doc_id(i), words=rng.randint(200, 900), specificity=rng.uniform(1, 15))
        for i in range(N_DOCS)
    ]
    figures, detail, relations, sentences = [], [], [], []
    for i in range(N_DOCS):
        doc = doc_id(i)
        for j in range(rng.randint(0, 4)):
            sid = f"{doc}:0:{j}"
            unit = rng.choice(UNITS)
            value = float(rng.randint(1, 10_000))
            kind = rng.choice(["target", "fact"])
            text = f"{value:g} {unit}"
            sentence = f"The plant makes {text} a year."
            sentences.append(
                {
                    "sentence_id": sid,
                    "document": doc,
                    "paragraph": 0,
                    "sentence": j,
                    "language": "en",
                    "text": sentence,
                }
            )
            row = {
                "document": doc,
                "sentence_id": sid,
                "value": value,
                "unit": unit,
                "year": 2024,
                "subject": rng.choice(COMPANIES),
                "kind": kind,
                "hedged": False,
            }
            figures.append({**row, "sentence": sentence})
            detail.append(
                {
                    **row,
                    "position": 0,
                    "text": text,
                    "hedges": "",
                    "attribution": "",
                    "start": 0,
                    "end": len(text),
                }
            )
        for j in range(rng.randint(3, 8)):
            sid = f"{doc}:1:{j}"
            source, target = rng.sample(COMPANIES, 2)
            text = f"{source} and {target} build a plant."
            sentences.append(
                {
                    "sentence_id": sid,
                    "document": doc,
                    "paragraph": 1,
                    "sentence": j,
                    "language": "en",
                    "text": text,
                }
            )
            relations.append(
                {
                    "source": source,
                    "target": target,
                    "relation": rng.choice(["partnership", "supply", "production", "exit"]),
                    "document": doc,
                    "sentence_id": sid,
                    "sentence": text,
                }
            )
    entities = [
        {
            "entity": name,
            "type": "company",
            "country": COUNTRIES[k % len(COUNTRIES)],
            "sector": "",
            "mentions": 100 + k,
            "documents": 50,
        }
        for k, name in enumerate(COMPANIES)
    ]
    mentions = [
        {
            "entity": r[side],
            "document": r["document"],
            "sentence_id": r["sentence_id"],
            "text": r[side],
        }
        for r in relations
        for side in ("source", "target")
    ]
    return make_data(
        tmp_path_factory.mktemp("large"),
        documents=docs,
        figures=figures,
        figures_detail=detail,
        relations=relations,
        sentences=sentences,
        entities=entities,
        mentions=mentions,
    )


def cited_keys(text: str) -> list[str]:
    return [k for role in text.split("{cite}`")[1:] for k in role.split("`")[0].split(",")]


def rows(chart) -> int:
    return charts.data_rows(charts.spec(chart))


def test_corpus_charts_are_histograms_for_a_large_corpus(large):
    quality = seed_quality.quality_frame(large)
    assert len(quality) == N_DOCS
    for chart in (corpus.words_chart(quality), corpus.quality_chart(quality)):
        spec = charts.spec(chart)
        assert rows(chart) <= 2 * 25, "a histogram: bins × groups, not one bar per seed"
        assert spec["encoding"]["y"]["title"] == "Seeds (count)"
        assert spec["encoding"]["tooltip"] and "distribution" in spec["title"]
    assert corpus.chart_scope(quality).startswith("With 1,000 seeds")
    bins = corpus.histogram_frame(quality, "words", "language")
    assert bins["seeds"].sum() == N_DOCS
    citations = seed_quality.all_seed_citations(large)
    assert len(cited_keys(citations)) == myst.CITE_LIMIT
    assert citations.endswith("and 990 others (all in the table of sources)")


def test_corpus_charts_keep_one_bar_per_seed_when_small(tmp_path):
    small = make_data(tmp_path, documents=[document(f"s{i}") for i in range(5)])
    quality = seed_quality.quality_frame(small)
    assert rows(corpus.words_chart(quality)) == 5
    assert corpus.chart_scope(quality) == ""
    assert corpus.measures_order(small) == ""


def test_corpus_tables_put_flagged_seeds_first_when_cut(large):
    table = corpus.measures_table(large)
    assert len(table) == N_DOCS
    assert corpus.measures_order(large)
    flagged = table["Flags"] != ""
    assert flagged.any()
    assert flagged.iloc[: int(flagged.sum())].all()
    summary = seed_quality.flagged_summary(seed_quality.quality_frame(large))
    assert len(cited_keys(summary)) <= myst.CITE_LIMIT
    assert "others are flagged too" in summary


def test_claims_kind_chart_shows_the_top_seeds(large):
    register = figures.claims_frame(large)
    counts = figures.kind_counts(register, large.usable_documents)
    assert counts["document"].nunique() == N_DOCS
    chart = claims.kind_chart(counts)
    spec = charts.spec(chart)
    shown = {r["document"] for r in next(iter(spec["datasets"].values()))}
    assert len(shown) == charts.TOP_N
    totals = counts.groupby("document")["claims"].sum()
    assert min(totals[list(shown)]) >= totals.sort_values().iloc[-charts.TOP_N]
    assert "the 25 seeds with most claims" in spec["title"]
    caption = claims.kind_caption(counts)
    assert "all 1,000 seeds are in the CSV" in caption
    assert len(cited_keys(caption)) == myst.CITE_LIMIT


def test_claims_capacity_chart_and_list_are_capped(large):
    register = figures.claims_frame(large)
    scale = figures.capacity_frame(register)
    assert len(scale) > 1000
    assert not figures.per_claim(scale)
    summary = figures.capacity_distribution(scale)
    assert summary["claims"].sum() == len(scale)  # seven units, all shown
    assert len(summary) <= 2 * len(UNITS)
    for unit, group in scale.groupby("unit"):
        mine = summary[summary["unit"] == unit]
        assert mine["max"].max() == group["value"].max()
        assert mine["min"].min() == group["value"].min()
    chart = claims.capacity_view(scale)
    assert rows(chart) == len(summary)
    spec = charts.spec(chart)
    assert "distribution per unit" in spec["title"]
    caption = claims.capacity_caption(scale)
    assert "every claim is in the CSV" in caption and "median" in caption
    assert len(cited_keys(caption)) == myst.CITE_LIMIT
    few = scale.head(10)
    assert rows(claims.capacity_view(few)) == 10
    assert claim_views.capacity_scope(few) == ""
    text = claims.claim_list(register)
    assert text.count("\n- ") == myst.HTML_ROWS - 1
    assert f"*First 100 of {len(register):,} claims" in text
    summary = claims.summary(register, large.usable_documents)
    assert len(cited_keys(summary)) <= 2 * myst.CITE_LIMIT
    assert f"found {len(register):,} quantitative claims" in summary


def test_actors_network_and_relation_table_are_capped(large):
    nodes, edges = relations.network_frames(large, 1)
    assert len(edges) > actors.NETWORK_EDGES
    drawn_nodes, drawn_edges = actors.network_selection(nodes, edges)
    assert len(drawn_edges) == actors.NETWORK_EDGES
    assert set(drawn_nodes["node"]) == set(drawn_edges["source"]) | set(drawn_edges["target"])
    assert drawn_edges["sentences"].min() >= edges["sentences"].nlargest(60).min()
    assert rows(actors.network_chart(drawn_nodes, drawn_edges)) <= charts.MAX_ROWS
    assert all(len(ids) < 200 for ids in drawn_edges["sentence_ids"])
    caption = actors.network_caption(edges, 1, drawn_edges)
    assert "the chart draws the 60 with most supporting sentences" in caption
    assert len(cited_keys(caption)) == myst.CITE_LIMIT

    assert actors.grouped(large)
    links = actors.links_table(large)
    assert links["Sentences"].sum() == len(large.relations)
    assert list(links["Sentences"]) == sorted(links["Sentences"], reverse=True)
    assert len(cited_keys(actors.summary(large))) == myst.CITE_LIMIT


def test_pivot_summaries_and_charts_are_capped(large):
    left = shift.exits(large)
    text = pivot.exits_summary(left)
    assert "other exit" in text and "the 10 stated in most sentences" in text
    named = pd.DataFrame(
        {
            "actor": COMPANIES,
            "type": "company",
            "country": "China",
            "sentences": range(30, 0, -1),
            "seeds": 1,
            "documents": "x",
        }
    )
    assert rows(pivot.cooccurrence_chart(named)) == charts.TOP_N
