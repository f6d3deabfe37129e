"""Deals and the tracker from a small hand-made build (sentences written for the test)."""

from __future__ import annotations

import pandas as pd

from analysis import charts
from analysis.report import deals, pivot
from tests.fixtures.report_data import document, make_data

ENTITIES = [
    {"entity": "Geely", "type": "company", "country": "CN"},
    {"entity": "Proton", "type": "company", "country": "MY"},
    {"entity": "Kamaz", "type": "company", "country": "RU"},
    {"entity": "Weichai", "type": "company", "country": "CN"},
]


def rel(source, target, kind, sid, cue):
    return {
        "source": source,
        "target": target,
        "relation": kind,
        "document": sid.split(":")[0],
        "sentence_id": sid,
        "sentence": "",
        "cue": cue,
        "rule": kind,
    }


def sent(sid, text):
    doc, p, s = sid.split(":")
    return {
        "sentence_id": sid,
        "document": doc,
        "paragraph": int(p),
        "sentence": int(s),
        "language": "en",
        "text": text,
    }


def build(tmp_path):
    return make_data(
        tmp_path,
        documents=[document("a"), document("b")],
        entities=ENTITIES,
        relations_detail=[
            rel("Geely", "Proton", "partnership", "a:0:0", "talks with"),
            rel("Kamaz", "Weichai", "partnership", "b:0:0", "agreement"),
            rel("Kamaz", "Weichai", "partnership", "b:1:0", "agreement"),
        ],
        sentences=[
            sent("a:0:0", "Geely is in talks with Proton, people familiar said."),
            sent("b:0:0", "Kamaz and Weichai signed an agreement on engines."),
            sent("b:1:0", "The agreement between Kamaz and Weichai covers gearboxes."),
        ],
        sources=[
            {"document": "a", "events_date": "2024-03"},
            {"document": "b", "events_date": "2023"},
        ],
    )


def test_deals_take_the_furthest_stage_and_keep_hedges(tmp_path):
    data = build(tmp_path)
    table = deals.deals(data).set_index("source")
    assert table.loc["Geely", "stage"] == "talks" and table.loc["Geely", "hedged"]
    assert table.loc["Kamaz", "stage"] == "agreement (signed)"
    assert not table.loc["Kamaz", "hedged"]


def test_the_tracker_dates_labels_and_cites_each_stage(tmp_path):
    data = build(tmp_path)
    track = deals.tracker(data)
    assert len(track) == 2 and track["date"].notna().all()
    assert str(track.set_index("stage").loc["talks", "date"].date()) == "2024-03-01"
    table = pivot.tracker_table(track)
    assert list(table["Evidence"]) == ["hedged", "not hedged"]
    assert "{cite}`seed_a`" in table["Source"].iloc[0]
    spec = charts.spec(pivot.tracker_chart(track))
    assert "layer" in spec  # points and their printed labels
    summary = pivot.tracker_summary(track, deals.deals(data))
    assert "2 deals" in summary and "1 talks" in summary


def test_context_events_naming_both_actors_date_the_deal_without_setting_its_stage(tmp_path):
    data = build(tmp_path)
    context = pd.DataFrame(
        {
            "date": ["2022-06-01", "2022-07-01", "2022-08-01"],
            "event": [
                "Kamaz and Weichai sign a memorandum on engines",
                "Weichai opens an office in Moscow",  # one actor only: not this deal's
                "Geely and Proton talks reported",
            ],
            "source_key": ["k1", "k2", "k3"],
            "secondary": [False, False, True],
        }
    )
    track = deals.tracker(data, context)
    marks = track[track["origin"] == "context"].set_index("source")
    assert set(marks.index) == {"{cite}`k1`", "as reported by {cite}`k3`"}
    assert marks.loc["{cite}`k1`", "stage"] == "memorandum"
    assert deals.deals(data).set_index("source").loc["Kamaz", "stage"] == "agreement (signed)"
    table = pivot.tracker_table(track)
    assert "context event" in set(table["Evidence"])
    assert "squares: a dated context event" in pivot.tracker_caption(track)
    spec = charts.spec(pivot.tracker_chart(track))
    assert "context event" in str(spec)
    summary = pivot.tracker_summary(track, deals.deals(data))
    assert "in 2 events" in summary and "adds 2 context events" in summary
