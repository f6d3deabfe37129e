"""Claims register: joins, hedges, kinds, empty folders and escaping, on small English tables."""

from __future__ import annotations

import pandas as pd

from analysis import charts
from analysis.report import claim_views, claims, figures
from tests.fixtures.report_data import document, make_data

S1 = "CATL builds a 100 GWh plant in Hungary, according to Reuters."
S2 = "The plant could employ about 9,000 people by 2026."
S3 = "Hungary had 35 GWh of cell capacity in 2023."


def detail(doc, sid, text, value, unit, kind, hedges="", attribution="", subject="", year=None):
    return {
        "document": doc,
        "sentence_id": sid,
        "position": 0,
        "text": text,
        "value": value,
        "unit": unit,
        "year": year,
        "kind": kind,
        "hedged": bool(hedges or attribution),
        "hedges": hedges,
        "attribution": attribution,
        "subject": subject,
        "start": 0,
        "end": len(text),
    }


def figure(row: dict, sentence: str) -> dict:
    keys = ("document", "value", "unit", "year", "subject", "kind", "hedged", "sentence_id")
    return {**{k: row[k] for k in keys}, "sentence": sentence}


def english_data(tmp_path):
    rows = [
        detail(
            "b", "b:0:0", "100 GWh", 100, "GWh", "target", attribution="Reuters", subject="CATL"
        ),
        detail(
            "a", "a:1:0", "about 9,000 people", 9000, "jobs", "target", "about;could", year=2026
        ),
        detail("a", "a:0:0", "35 GWh", 35, "GWh", "fact", subject="Hungary", year=2023),
    ]
    sentences = {"b:0:0": S1, "a:1:0": S2, "a:0:0": S3}
    return make_data(
        tmp_path,
        documents=[document("a"), document("b"), document("c")],
        figures_detail=rows,
        figures=[figure(r, sentences[r["sentence_id"]]) for r in rows],
    )


def test_claims_frame_joins_sentences_orders_and_splits_hedges(tmp_path):
    frame = figures.claims_frame(english_data(tmp_path))
    assert list(frame["sentence_id"]) == ["a:0:0", "a:1:0", "b:0:0"]
    assert frame.loc[1, "hedges"] == ["about", "could"]
    assert frame.loc[1, "year"] == 2026 and frame.loc[2, "year"] is None
    assert frame.loc[2, "sentence"] == S1
    assert frame.loc[2, "citation"] == "{cite}`seed_b`"
    assert bool(frame.loc[2, "hedged"]) and not bool(frame.loc[0, "hedged"])


def test_claim_sentence_keeps_hedges_attribution_and_citation(tmp_path):
    frame = figures.claims_frame(english_data(tmp_path))
    hedged = claim_views.claim_sentence(frame.loc[1])
    assert "“about”" in hedged and "“could”" in hedged and "not an achieved figure" in hedged
    attributed = claim_views.claim_sentence(frame.loc[2])
    assert attributed.startswith("CATL: 100 GWh") and "attributed to Reuters" in attributed
    assert attributed.endswith("{cite}`seed_b`.")
    assert "reported as a fact" in claim_views.claim_sentence(frame.loc[0])


def test_seed_text_is_escaped_in_prose(tmp_path):
    row = detail("a", "a:0:0", "{raw}`<b>` 5 t", 5, "t", "fact", subject="[x](http://e)")
    data = make_data(tmp_path, documents=[document("a")], figures_detail=[row])
    text = claim_views.claim_sentence(figures.claims_frame(data).loc[0])
    assert "{raw}`" not in text and "](http" not in text
    assert r"\{raw\}" in text


def test_summary_counts_kinds_and_names_seeds_without_figures(tmp_path):
    data = english_data(tmp_path)
    text = claims.summary(figures.claims_frame(data), data.usable_documents)
    assert "3 quantitative claims in 2 of the 3 usable seeds" in text
    assert "2 targets, plans or capacities" in text and "1 figure reported as fact" in text
    assert "1 seed states no figure at all {cite}`seed_c`" in text


def test_empty_folder_builds_an_empty_register(tmp_path):
    data = make_data(tmp_path, documents=[document("a")])
    frame = figures.claims_frame(data)
    assert frame.empty and list(frame.columns) == list(figures.CLAIM_COLUMNS)
    assert "no quantitative claim" in claims.summary(frame, data.usable_documents)
    assert figures.capacity_frame(frame).empty
    counts = figures.kind_counts(frame, data.usable_documents)
    assert set(counts["claims"]) == {0}


def test_falls_back_to_figures_without_detail(tmp_path):
    row = detail("a", "a:0:0", "", 350, "MW", "fact", subject="Voltalia")
    data = make_data(tmp_path, documents=[document("a")], figures=[figure(row, "A 350 MW deal.")])
    frame = figures.claims_frame(data)
    assert frame.loc[0, "value"] == 350 and frame.loc[0, "sentence"] == "A 350 MW deal."


def test_kind_counts_have_rows_for_documents_without_claims(tmp_path):
    data = english_data(tmp_path)
    counts = figures.kind_counts(figures.claims_frame(data), data.usable_documents)
    got = {(d, k): n for d, k, n in counts[["document", "kind", "claims"]].itertuples(index=False)}
    assert got[("a", "target")] == 1 and got[("a", "fact")] == 1 and got[("c", "target")] == 0


def test_a_figure_repeated_in_one_seed_is_one_claim_with_its_scope(tmp_path):
    # issue 13: Renault's 50% was two claims of opposite kinds, without its scope note
    rows = [
        detail("a", "a:17:0", "la moitié", 50, "%", "target", subject="Renault"),
        detail("a", "a:18:2", "50%", 50, "%", "fact", "", "Voltalia", subject="Renault"),
        detail("a", "a:18:1", "350 mégawatts", 350, "MW", "fact", subject="Renault"),
    ]
    rows[1]["bound"] = "upper"
    sources = [
        {"document": "a", "known_flaws": "patchwork: two stories; scope: the 50% concerns "
         "Renault's French sites, not all of Renault"},
    ]  # fmt: skip
    data = make_data(tmp_path, documents=[document("a")], figures_detail=rows, sources=sources)
    frame = figures.claims_frame(data)
    assert len(frame) == 2
    half = frame[frame["value"] == 50].iloc[0]
    assert (half["kind"], half["bound"], half["sentences"]) == ("target", "upper", 2)
    assert half["sentence_ids"] == "a:17:0; a:18:2"
    assert half["attribution"] == "Voltalia" and half["text"] == "la moitié / 50%"
    assert half["scope"].startswith("the 50% concerns Renault's French sites")
    assert frame[frame["value"] == 350].iloc[0]["scope"] == ""  # the note names another figure
    sentence = claim_views.claim_sentence(half)
    assert r"at most 50\%" in sentence and "stated in 2 sentences" in sentence
    assert r"scope (from the seed's provenance): the 50\% concerns" in sentence


def test_capacity_frame_keeps_positive_values_and_units_apart(tmp_path):
    rows = [
        detail("a", "a:0:0", "100 GWh", 100, "GWh", "target", subject="CATL"),
        detail("a", "a:0:1", "0 t", 0, "t", "target"),
        detail("a", "a:0:2", "5%", 5, "%", "fact"),
        detail("a", "a:0:3", "100 GWh", 100, "GWh", "target", subject="CATL"),
        detail("a", "a:0:4", "two million", 2e6, "", "target"),
    ]
    data = make_data(tmp_path, documents=[document("a")], figures_detail=rows)
    frame = figures.capacity_frame(figures.claims_frame(data))
    # no zero, no fact in %; CATL's 100 GWh, stated twice in seed a, is one claim
    assert list(frame["value"]) == [100, 2e6]
    assert frame["label"].is_unique
    assert set(frame["unit"]) == {"GWh", figures.NO_UNIT}
    spec = charts.spec(claims.capacity_chart(frame))
    assert spec["spec"]["encoding"]["x"]["scale"]["type"] == "log"
    assert spec["resolve"]["scale"]["x"] == "independent"
    assert spec["spec"]["encoding"]["x"]["title"]


def test_register_table_and_data(tmp_path):
    frame = figures.claims_frame(english_data(tmp_path))
    table = claims.register_table(frame)
    assert table.columns[0] == "Seed"
    assert "Hungary: 35 GWh (2023)" in list(table.iloc[:, 2])
    assert "target, hedge: about; could" in list(table["Kind, hedge, source"])
    data = claims.register_data(frame)
    assert "citation" not in data.columns and data.loc[1, "hedges"] == "about; could"


def test_quantity_formats():
    assert figures.quantity(1_500_000, "vehicles/year") == "1,500,000 vehicles a year"
    assert figures.quantity(58.7, "%") == "58.7%"
    assert figures.quantity(1e6, "") == "1,000,000"
    assert pd.isna(float("nan")) and figures.format_value(float("nan")) == ""
