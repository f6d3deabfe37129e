"""Key findings: generated from the tables, omitted when the data do not support them."""

from __future__ import annotations

import dataclasses

import pandas as pd

from analysis.report import findings, supply, supply_chain
from tests.fixtures.report_data import document, make_data

ENTITIES = [
    {"entity": "Germany", "type": "country", "country": "DE", "sector": ""},
    {"entity": "China", "type": "country", "country": "CN", "sector": ""},
    {"entity": "France", "type": "country", "country": "FR", "sector": ""},
    {"entity": "CATL", "type": "company", "country": "CN", "sector": "battery"},
    {"entity": "BMW", "type": "company", "country": "DE", "sector": "automaker"},
    {"entity": "Stellantis", "type": "company", "country": "FR", "sector": "automaker"},
    {"entity": "Ford", "type": "company", "country": "US", "sector": "automaker"},
]


def relation(source, target, relation, sid):
    return {
        "source": source,
        "target": target,
        "relation": relation,
        "document": sid.split(":")[0],
        "sentence_id": sid,
        "sentence": f"{source} and {target}.",
    }


def fig(doc, sid, value, unit, kind, subject="", hedges=""):
    return {
        "document": doc,
        "sentence_id": sid,
        "position": 0,
        "text": str(value),
        "value": value,
        "unit": unit,
        "year": 2025,
        "kind": kind,
        "hedged": bool(hedges),
        "hedges": hedges,
        "attribution": "",
        "subject": subject,
        "start": 0,
        "end": 3,
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


def english_data(tmp_path):
    return make_data(
        tmp_path,
        documents=[
            document("a", specificity=9.0),
            document("b", specificity=8.0),
            document("c", specificity=2.0, repetition_share=0.4),
        ],
        entities=ENTITIES,
        relations=[
            relation("BMW", "CATL", "supply", "a:0:0"),
            relation("BMW", "Stellantis", "partnership", "a:0:1"),
            relation("Ford", "Germany", "exit", "b:0:0"),
        ],
        figures_detail=[
            fig("a", "a:1:0", 100, "GWh", "target", "CATL", "could"),
            fig("a", "a:1:1", 40, "GWh", "target", "BMW"),
            fig("b", "b:1:0", 500000, "vehicles/year", "fact", "BMW"),
        ],
        sentences=[
            sent("a:0:0", "BMW buys cells from CATL."),
            sent("a:0:1", "BMW works with Stellantis."),
            sent("a:1:0", "CATL could build 100 GWh of battery capacity."),
            sent("a:1:1", "BMW plans 40 GWh."),
            sent("b:0:0", "Ford left Germany because of sanctions on parts."),
            sent("b:1:0", "BMW makes 500,000 cars a year."),
            sent("c:0:0", "Rare earth and lithium mines are important."),
        ],
    )


def test_partner_share_uses_the_home_and_partner_countries(tmp_path):
    data = english_data(tmp_path)
    text = findings.finding_partner_share(data, "DE", "CN")
    assert text.startswith("Counting events")
    assert "1 of the 3 events linking an actor of Germany" in text
    assert "is with an actor of China" in text and "BMW → CATL supply, in 1 sentence" in text
    # another partner: Germany's one event with the United States is Ford's exit
    other = findings.finding_partner_share(data, "DE", "US")
    assert "1 of the 3 events" in other and "Ford → Germany exit" in other
    assert "BMW → CATL" not in other
    assert findings.finding_partner_share(data, "") is None


def test_largest_target_keeps_its_hedge(tmp_path):
    data = english_data(tmp_path)
    chapter = supply.prepare(data, ["DE"])
    text = findings.finding_largest_target(chapter)
    assert "CATL: 100 GWh" in text and "“could”" in text and "{cite}`seed_a`" in text
    empty = dataclasses.replace(chapter, claims=chapter.claims.iloc[0:0])
    assert findings.finding_largest_target(empty) is None


def test_largest_target_carries_its_seeds_known_problem(tmp_path):
    data = english_data(tmp_path)
    chapter = supply.prepare(data, ["DE"])
    document = findings.largest_target(chapter.claims)["document"]
    flagged = dataclasses.replace(chapter, figure_flags={document: "Reports talks only."})
    text = findings.finding_largest_target(flagged)
    assert "Known problems of the seed behind it: {cite}`seed_a` Reports talks only" in text


def test_exits_sanctions_claims_and_low_information(tmp_path):
    data = english_data(tmp_path)
    assert "Ford (United States)" in findings.finding_exits(data)
    chapter = supply.prepare(data, ["DE"])
    claims_text = findings.finding_claims(chapter.claims)
    assert "3 quantitative claims" in claims_text and "2 are targets" in claims_text
    low = findings.finding_low_information(data)
    assert "{cite}`seed_c`" in low and "2.0 actor mentions" in low and "40%" in low


def test_rare_earth_context_only_when_the_seeds_mention_raw_materials(tmp_path):
    data = english_data(tmp_path)
    chapter = supply.prepare(data, ["DE"])
    text = findings.finding_rare_earths(chapter)
    assert text and "for context, not from the seeds" in text and "as reported by" in text
    chapter.matches = chapter.matches[chapter.matches["stage"] != "raw_materials"]
    assert findings.finding_rare_earths(chapter) is None


def test_findings_of_an_empty_folder_are_few_and_say_nothing_unsupported(tmp_path):
    data = make_data(tmp_path, documents=[document("z")])
    assert findings.findings(data, ["RU", "CN"]) == []
    paragraphs = findings.support(data)
    assert any("no publication dates" in p for p in paragraphs)


def test_findings_of_an_english_folder(tmp_path):
    items = findings.findings(english_data(tmp_path), ["DE", "CN"])
    assert 5 <= len(items) <= 8
    assert all(item.strip().endswith(".") for item in items)


def test_dates_come_only_from_provenance(tmp_path):
    data = make_data(
        tmp_path,
        documents=[document("a"), document("b")],
        sources=[
            {"document": "a", "events_date": "2024-05", "date_precision": "month-uncertain"},
            {"document": "b", "events_date": ""},
        ],
    )
    text = findings.dates_statement(data)
    assert "for 1 of the 2 usable seeds {cite}`seed_a`" in text and "1 of them marked" in text
    data.sources = pd.DataFrame()
    assert "no finding here is dated" in findings.dates_statement(data)


def test_no_rare_earth_context_for_a_lithium_only_corpus(tmp_path):
    data = make_data(
        tmp_path,
        documents=[document("a")],
        sentences=[sent("a:0:0", "Lithium mines in Chile grow.")],
    )
    chapter = supply.prepare(data, ["CL"])
    assert not chapter.matches.empty
    assert findings.finding_rare_earths(chapter) is None
    assert supply_chain.rare_earth_note(chapter) == ""


def context_rows(*rows):
    cols = ["dataset", "country", "metric", "value", "unit", "year", "source_key"]
    frame = pd.DataFrame(list(rows), columns=cols)
    frame["read_via"], frame["note"], frame["secondary"] = "primary", "", False
    return frame


GERMAN_SALES = context_rows(
    ("de_sales", "DE", "new cars sold", 2_800_000, "vehicles", 2025, "kba"),
)


def test_context_check_says_nothing_when_every_comparison_is_rejected(tmp_path):
    # BMW's and CATL's figures are firms' figures: never set against Germany's market.
    chapter = supply.prepare(english_data(tmp_path), ["DE"], context_figures=GERMAN_SALES)
    assert findings.finding_context_check(chapter) is None
    assert "consistent" not in supply_chain.comparisons_text(chapter)


def test_context_check_counts_only_figures_that_match_in_every_rule(tmp_path):
    sentences = [
        sent("g:0:0", "Germany sold 2.8 million cars in 2025."),
        sent("g:0:1", "BMW sold 500,000 cars in 2025."),
    ]
    figures = [
        {**fig("g", "g:0:0", 2_800_000, "vehicles", "fact", "Germany"), "start": 13, "end": 24},
        {**fig("g", "g:0:1", 500_000, "vehicles", "fact", "BMW"), "start": 9, "end": 16},
    ]
    data = make_data(
        tmp_path,
        documents=[document("g")],
        entities=ENTITIES,
        figures_detail=figures,
        sentences=sentences,
        mentions=[
            {"entity": "Germany", "document": "g", "sentence_id": "g:0:0", "text": "Germany"},
            {"entity": "BMW", "document": "g", "sentence_id": "g:0:1", "text": "BMW"},
        ],
    )
    chapter = supply.prepare(data, ["DE"], context_figures=GERMAN_SALES)
    text = findings.finding_context_check(chapter)
    assert text.startswith("Of 2 capacity, output, sales or share figures")
    assert (
        "1 can be set against a context figure of the same unit, measure, subject and year" in text
    )
    assert "1 consistent with it, 0 not" in text
