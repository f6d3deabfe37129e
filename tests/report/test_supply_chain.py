"""Supply chain: stages by lexicon, actors and countries per stage, context comparisons.

Built on small English and French tables with other firms and countries than the seeds.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts, context
from analysis.report import comparison, figures, stages, supply, supply_chain
from analysis.report.data import detail_table
from tests.fixtures.report_data import document, make_data

LEX = stages.load_lexicon()


def sentence(sid: str, text: str, language: str = "en") -> dict:
    doc, paragraph, number = sid.split(":")
    return {
        "sentence_id": sid,
        "document": doc,
        "paragraph": int(paragraph),
        "sentence": int(number),
        "language": language,
        "text": text,
    }


SENTENCES = [
    sentence("a:0:0", "CATL builds a 100 GWh battery plant in Hungary."),
    sentence("a:0:1", "Albemarle mines lithium in Chile for lithium-ion cells."),
    sentence("a:1:0", "Reuters says the cars will be sold in Germany."),
    sentence("b:0:0", "Il est parti car il pleuvait.", "fr"),
    sentence("b:0:1", "Les terres rares du Kazakhstan attirent les entreprises chinoises.", "fr"),
]
ENTITIES = [
    {"entity": "CATL", "type": "company", "country": "CN", "sector": "battery"},
    {"entity": "Hungary", "type": "country", "country": "HU", "sector": ""},
    {"entity": "Albemarle", "type": "company", "country": "US", "sector": "mining"},
    {"entity": "Chile", "type": "country", "country": "CL", "sector": ""},
    {"entity": "Reuters", "type": "media", "country": "GB", "sector": "media"},
    {"entity": "Germany", "type": "country", "country": "DE", "sector": ""},
    {"entity": "Kazakhstan", "type": "country", "country": "KZ", "sector": ""},
    {"entity": "China", "type": "country", "country": "CN", "sector": ""},
]
MENTIONS = [
    ("CATL", "a:0:0"),
    ("Hungary", "a:0:0"),
    ("Albemarle", "a:0:1"),
    ("Chile", "a:0:1"),
    ("Reuters", "a:1:0"),
    ("Germany", "a:1:0"),
    ("Kazakhstan", "b:0:1"),
    ("China", "b:0:1"),
]


def mentions() -> list[dict]:
    return [
        {"entity": e, "document": s.split(":")[0], "sentence_id": s, "text": e} for e, s in MENTIONS
    ]


def stage_of(matches: pd.DataFrame, sid: str) -> set[str]:
    return set(matches.loc[matches["sentence_id"] == sid, "stage"])


def test_stages_by_language_and_word_boundaries():
    matches = stages.stage_sentences(pd.DataFrame(SENTENCES), LEX)
    assert stage_of(matches, "a:0:0") == {"cells"}
    # "lithium-ion" is a cell term, "lithium" alone a raw material, "mines" too.
    assert stage_of(matches, "a:0:1") == {"raw_materials", "cells"}
    assert stage_of(matches, "a:1:0") == {"vehicles"}
    # French "car" (because) is not a vehicle.
    assert stage_of(matches, "b:0:0") == set()
    assert stage_of(matches, "b:0:1") == {"raw_materials"}


def test_actors_and_countries_per_stage_exclude_media():
    matches = stages.stage_sentences(pd.DataFrame(SENTENCES), LEX)
    linked = stages.stage_mentions(matches, pd.DataFrame(mentions()), pd.DataFrame(ENTITIES))
    assert "Reuters" not in set(linked["entity"])
    frame = stages.stage_countries(matches, linked, LEX, ["KZ"])
    raw = frame[frame["stage"] == "Raw materials"].set_index("country")
    assert set(raw.index) == {"US", "CL", "KZ", "CN"}
    assert raw.loc["US", "actors"] == "Albemarle" and raw.loc["KZ", "focus"]
    assert raw.loc["CL", "country_name"] == "Chile"
    order = stages.country_order(frame, ["KZ"])
    assert order[0] == "Kazakhstan"
    spec = charts.spec(supply_chain.stage_country_chart(frame, LEX, ["KZ"]))
    assert spec["title"] and spec["layer"][0]["encoding"]["x"]["title"]
    assert spec["layer"][0]["encoding"]["tooltip"]


def test_stage_table_and_summary_say_which_stages_are_thin_or_absent():
    frame = pd.DataFrame(SENTENCES)
    matches = stages.stage_sentences(frame, LEX)
    linked = stages.stage_mentions(matches, pd.DataFrame(mentions()), pd.DataFrame(ENTITIES))
    table = supply_chain.stage_table(matches, linked, LEX).set_index("Stage")
    assert table.loc["Raw materials", "Sentences"] == 2
    assert table.loc["Raw materials", "Seeds"] == "{cite}`seed_a,seed_b`"
    assert table.loc["Refining and processing", "Seeds"] == "none"
    text = supply_chain.stage_summary(matches, frame, LEX)
    assert "Of the 5 sentences" in text and "4 name at least one stage" in text
    assert (
        "No sentence of the seeds names these stages: refining and processing; power and energy."
        in text
    )
    assert "fewer than three sentences" in text
    empty = frame.iloc[0:0]
    assert "no sentence" in supply_chain.stage_summary(matches.iloc[0:0], empty, LEX)
    assert "flagged" not in text


def test_a_stage_resting_on_a_flagged_seed_says_so():
    # issue 13: seed 002, flagged low-information and repetitive, drove a stage unmarked
    frame = pd.DataFrame(SENTENCES)
    matches = stages.stage_sentences(frame, LEX)
    raw = matches[matches["stage"] == "raw_materials"]
    flagged = {"a": "Technical error: it says <b>x</b>."}
    text = supply_chain.stage_summary(matches, frame, LEX, flagged)
    share = f"raw materials ({(raw['document'] == 'a').sum()} of {len(raw)} sentences)"
    assert "mostly on flagged seeds" in text and share in text
    assert "{cite}`seed_a` Technical error" in text and "<b>" not in text
    assert "flagged" not in supply_chain.stage_summary(matches, frame, LEX, {"zz": "x"})


def ctx_rows(*rows: tuple) -> pd.DataFrame:
    cols = ["dataset", "country", "metric", "value", "unit", "year", "source_key", "read_via"]
    frame = pd.DataFrame([(*r, "primary") for r in rows], columns=cols)
    frame["note"] = ""
    frame["secondary"] = False
    return frame


def claim_data(
    tmp_path,
    text,
    value,
    unit,
    *,
    hedges="",
    bound="",
    subject="",
    year=None,
    kind="fact",
    named=(("Hungary", "x"),),
    unlinked=(),
):
    """One claim in sentence ``text`` (its figure written NUM); ``named`` are the actors
    the sentence mentions (entity, surface form), ``unlinked`` names NER found but did
    not link (candidate_mentions, label ORG)."""
    start = text.index("NUM")
    sentence_text = text.replace("NUM", "x")
    row = {
        "document": "d",
        "sentence_id": "d:0:0",
        "position": 0,
        "text": "x",
        "value": value,
        "unit": unit,
        "year": year,
        "kind": kind,
        "bound": bound,
        "hedged": bool(hedges),
        "hedges": hedges,
        "attribution": "",
        "subject": subject,
        "start": start,
        "end": start + 1,
    }
    data = make_data(
        tmp_path,
        documents=[document("d")],
        figures_detail=[row],
        sentences=[sentence("d:0:0", sentence_text)],
        entities=ENTITIES,
        mentions=[
            {"entity": e, "document": "d", "sentence_id": "d:0:0", "text": s} for e, s in named
        ],
        candidate_mentions=[
            {"text": n, "label": "ORG", "document": "d", "sentence_id": "d:0:0"} for n in unlinked
        ],
    )
    return data, figures.claims_frame(data)


SALES = ctx_rows(
    ("hu_sales", "HU", "new cars sold", 400000, "vehicles", 2023, "k1"),
    ("hu_sales", "HU", "new cars sold", 450000, "vehicles", 2024, "k1"),
)


def run_compare(data, frame, ctx):
    return comparison.compare(
        frame,
        ctx,
        data.entities,
        data.mentions,
        LEX,
        stages.languages(data),
        candidates=detail_table(data, "candidate_mentions"),
    )


def test_bound_below_is_consistent_and_bare_number_matches_counts(tmp_path):
    data, frame = claim_data(
        tmp_path,
        "Hungary's car sales could fall below NUM in 2023.",
        5e5,
        "",
        hedges="could",
        bound="upper",
        subject="Hungary",
        year=2023,
        kind="forecast",
    )
    result = run_compare(data, frame, SALES)
    assert list(result["verdict"]) == ["consistent"]
    assert result.loc[0, "scope"] == "bare number"
    text = supply_chain.comparison_paragraphs(result, frame, SALES, LEX)[0]
    assert "upper bound" in text and "consistent" in text and "{cite}`k1`" in text
    assert "forecast" in text


@pytest.mark.parametrize(
    ("value", "hedges", "bound", "verdict"),
    [
        (300000, "", "", "disagrees"),
        (405000, "", "", "consistent"),
        (430000, "about", "", "consistent"),
        (500000, "", "lower", "disagrees"),
        (300000, "", "lower", "consistent"),
    ],
)
def test_verdicts_follow_the_hedge(tmp_path, value, hedges, bound, verdict):
    data, frame = claim_data(
        tmp_path,
        "Hungary sold NUM cars in 2023.",
        value,
        "vehicles",
        hedges=hedges,
        bound=bound,
        subject="Hungary",
        year=2023,
    )
    assert list(run_compare(data, frame, SALES)["verdict"]) == [verdict]


def test_a_company_figure_is_never_set_against_a_country_total(tmp_path):
    # Was "different scope" (set side by side, "10% of it"): a firm's sales are now never
    # compared with the national market, nor named next to it as a near miss.
    data, frame = claim_data(
        tmp_path, "CATL sold NUM cars in 2023.", 40000, "vehicles", subject="CATL", year=2023
    )
    ctx = ctx_rows(("cn_sales", "CN", "new cars sold", 400000, "vehicles", 2023, "k2"))
    result = run_compare(data, frame, ctx)
    assert list(result["verdict"]) == ["no context"]
    assert result.loc[0, "partial_index"] == []
    assert "CATL, is a company" in result.loc[0, "reason"]
    text = supply_chain.comparison_paragraphs(result, frame, ctx, LEX)[0]
    assert "consistent" not in text and "Context:" not in text and "{cite}`k2`" not in text


def test_no_context_names_near_misses_of_another_year_only(tmp_path):
    data, frame = claim_data(
        tmp_path, "Hungary sold NUM cars in 2025.", 5e5, "vehicles", subject="Hungary", year=2025
    )
    result = run_compare(data, frame, SALES)
    assert list(result["verdict"]) == ["no context"]
    assert len(result.loc[0, "partial_index"]) == 2  # the 2023 and 2024 sales rows
    text = supply_chain.comparison_paragraphs(result, frame, SALES, LEX)[0]
    assert "No context figure" in text and "nearest context rows, for another year" in text
    # Was 2 near misses (the sales rows, "for another metric or year"): a production
    # target is no longer shown next to sales figures.
    data, frame = claim_data(
        tmp_path,
        "Hungary will produce NUM cars a year in 2026.",
        1e5,
        "vehicles/year",
        subject="Hungary",
        year=2026,
        kind="target",
    )
    result = run_compare(data, frame, SALES)
    assert list(result["verdict"]) == ["no context"] and result.loc[0, "partial_index"] == []
    text = supply_chain.comparison_paragraphs(result, frame, SALES, LEX)[0]
    assert "No context figure" in text and "nearest" not in text


def test_energy_units_are_converted_within_a_family(tmp_path):
    data, frame = claim_data(
        tmp_path,
        "Hungary's battery demand was NUM in 2023.",
        35000,
        "MWh",
        subject="Hungary",
        year=2023,
    )
    ctx = ctx_rows(("demand", "HU", "EV battery demand", 35, "GWh", 2023, "k3"))
    assert list(run_compare(data, frame, ctx)["verdict"]) == ["consistent"]


def test_no_year_and_unrelated_units(tmp_path):
    # Was "no year" (both sales rows set side by side): without a year, no comparison.
    data, frame = claim_data(tmp_path, "Hungary sold NUM cars.", 4e5, "vehicles", subject="Hungary")
    result = run_compare(data, frame, SALES)
    assert list(result["verdict"]) == ["no context"]
    assert result.loc[0, "reason"] == "the seed gives no year"
    assert result.loc[0, "partial_index"] == []
    data, frame = claim_data(tmp_path, "Hungary paid NUM euros.", 4e5, "EUR", subject="Hungary")
    assert list(run_compare(data, frame, SALES)["verdict"]) == ["no context"]


def test_bound_of_reads_the_figure_bound_then_approximators():
    assert comparison.bound_of({"bound": "upper", "hedges": ["pourraient"]}) == "at_most"
    assert comparison.bound_of({"bound": "lower", "hedges": []}) == "at_least"
    assert comparison.bound_of({"bound": "", "hedges": ["environ"]}) == "about"
    assert comparison.bound_of({"bound": "", "hedges": ["or so"]}) == "about"
    assert comparison.bound_of({"bound": "", "hedges": ["espère"]}) == "exact"


def context_frame(rows: list[tuple]) -> pd.DataFrame:
    cols = [
        "dataset",
        "country",
        "metric",
        "value",
        "unit",
        "year",
        "source_key",
        "read_via",
        "note",
    ]
    frame = pd.DataFrame(rows, columns=cols)
    frame["secondary"] = frame["read_via"].str.startswith("secondary")
    return frame


def test_context_captions_compute_shares_notes_and_citations():
    ctx = context_frame(
        [
            (
                "ree",
                "AU",
                "mine production",
                30,
                "t REO",
                2024,
                "src",
                "secondary copy",
                "estimate",
            ),
            (
                "ree",
                "BR",
                "mine production",
                10,
                "t REO",
                2024,
                "src",
                "secondary copy",
                "estimate",
            ),
            ("ree", "WORLD", "mine production", 100, "t REO", 2024, "src", "secondary copy", ""),
        ]
    )
    rows = supply.context_rows(ctx, "ree")
    world = supply.context_rows(ctx, "ree", world=True)
    assert list(rows["country"]) == ["AU", "BR"]
    caption = supply_chain.rare_earth_caption(rows, world)
    assert "Australia accounts for 30%" in caption and "estimate" in caption
    assert "as reported by {cite}`src`" in caption
    assert charts.spec(supply_chain.rare_earth_chart(rows))["encoding"]["x"]["title"]


def test_market_caption_flags_unresolved_figures_and_changing_scope():
    ctx = context_frame(
        [
            (
                "russia_car_sales",
                "RU",
                "cars and vans sold",
                10,
                "vehicles",
                2021,
                "a",
                "primary",
                "",
            ),
            (
                "russia_car_sales",
                "RU",
                "cars sold",
                12,
                "vehicles",
                2022,
                "b",
                "secondary copy",
                "other reports give 11; unresolved",
            ),
            ("russia_chinese_brand_share", "RU", "share", 50, "%", 2022, "c", "primary", ""),
        ]
    )
    sales, share = supply.market_frames(ctx)
    caption = supply_chain.market_caption(sales, share)
    assert "unresolved" in caption and "not like\\-for\\-like" not in caption
    assert "not like-for-like" in caption and "as reported by {cite}`b`" in caption
    spec = charts.spec(supply_chain.market_chart(sales, share))
    assert len(spec["hconcat"]) == 2


def test_raw_material_note_says_when_the_context_lists_no_output():
    linked = pd.DataFrame(
        [{"stage": "raw_materials", "country": "KZ", "document": "b", "entity": "Kazakhstan"}]
    )
    ctx = context_frame(
        [
            (
                "rare_earth_mine_production",
                "CN",
                "mine production",
                5,
                "t REO",
                2024,
                "u",
                "primary",
                "",
            )
        ]
    )
    note = supply_chain.raw_material_note(linked, ctx)
    assert "no rare-earth mine production for Kazakhstan" in note and "{cite}`u`" in note


def test_prepare_handles_a_folder_without_figures_or_stage_sentences(tmp_path):
    data = make_data(
        tmp_path,
        documents=[document("z")],
        sentences=[sentence("z:0:0", "Nothing to see here.")],
    )
    chapter = supply.prepare(data, ["RU"])
    assert chapter.matches.empty and chapter.countries.empty and chapter.capacities.empty
    assert "No seed states a capacity" in supply_chain.capacity_summary(chapter)
    assert (
        supply_chain.comparison_paragraphs(
            chapter.comparisons, chapter.claims, chapter.context, chapter.lexicon
        )
        == []
    )


def test_rare_earth_sentences_leave_out_other_raw_materials():
    matches = stages.stage_sentences(pd.DataFrame(SENTENCES), LEX)
    rare = stages.rare_earth_sentences(matches, LEX)
    assert list(rare["sentence_id"]) == ["b:0:1"]  # not the lithium sentence


def test_a_capacity_is_not_checked_against_a_demand_figure(tmp_path):
    data, frame = claim_data(
        tmp_path, "Hungary builds a NUM battery plant.", 100, "GWh", subject="Hungary", year=2023
    )
    ctx = ctx_rows(("demand", "HU", "EV battery demand", 35, "GWh", 2023, "k3"))
    result = run_compare(data, frame, ctx)
    assert list(result["verdict"]) == ["no context"]
    # Was 1 near miss (the demand row): another measure is no longer named.
    assert result.loc[0, "partial_index"] == []


def test_rare_earth_sentences_without_any_stage_match_keep_their_columns():
    lexicon = stages.load_lexicon()
    empty = stages.stage_sentences(
        pd.DataFrame(columns=["sentence_id", "document", "language", "text"]), lexicon
    )
    found = stages.rare_earth_sentences(empty, lexicon)
    assert found.empty and "sentence_id" in found.columns


# Matching rules: unit, measure, subject (country or company, product) and year ---------

SHARES = ctx_rows(
    ("rare_earth_share", "CN", "share of world mining", 62, "%", 2023, "s1"),
    ("rare_earth_share", "CN", "share of world refining", 92, "%", 2023, "s1"),
    (
        "battery_cell_capacity_share",
        "CN",
        "share of global battery cell production capacity",
        85,
        "%",
        2023,
        "s2",
    ),
)
CHINA = (("China", "China"),)


def verdicts(tmp_path, text, value, unit, ctx, **claim) -> pd.DataFrame:
    data, frame = claim_data(tmp_path, text, value, unit, **claim)
    return run_compare(data, frame, ctx)


def test_same_country_measure_unit_and_year_are_compared(tmp_path):
    result = verdicts(
        tmp_path,
        "Hungary sold NUM cars in 2024.",
        450000,
        "vehicles",
        SALES,
        subject="Hungary",
        year=2024,
    )
    assert list(result["verdict"]) == ["consistent"]
    assert result.loc[0, "context_index"] == 1 and result.loc[0, "measure"] == "sales"


def test_company_sales_are_not_compared_with_the_market_total(tmp_path):
    ctx = ctx_rows(("de_sales", "DE", "new cars sold", 2_800_000, "vehicles", 2023, "k4"))
    entities = {"subject": "Germany", "year": 2023}
    # The figure's subject is the country, but a firm sits next to it: a known one…
    firm = verdicts(
        tmp_path,
        "In Germany, Albemarle sold NUM cars in 2023.",
        2_800_000,
        "vehicles",
        ctx,
        named=(("Germany", "Germany"), ("Albemarle", "Albemarle")),
        **entities,
    )
    assert list(firm["verdict"]) == ["no context"] and firm.loc[0, "partial_index"] == []
    assert "next to a firm, Albemarle" in firm.loc[0, "reason"]
    # …a name NER found but the knowledge base lacks (not cited as a source)…
    unlinked = verdicts(
        tmp_path,
        "Zorvex expects to sell about NUM cars in Germany in 2023.",
        2_800_000,
        "",
        ctx,
        named=(("Germany", "Germany"),),
        unlinked=("Zorvex",),
        **entities,
    )
    assert list(unlinked["verdict"]) == ["no context"]
    assert "next to Zorvex" in unlinked.loc[0, "reason"]
    # …or the country's name qualifies firms ("German carmakers").
    makers = verdicts(
        tmp_path,
        "German carmakers sold NUM cars in 2023.",
        2_800_000,
        "vehicles",
        ctx,
        named=(("Germany", "German"),),
        **entities,
    )
    assert list(makers["verdict"]) == ["no context"]
    assert makers.loc[0, "reason"] == "it concerns firms of Germany, not Germany as a whole"
    # A source is not a subject: "according to Zorvex" leaves the country's figure.
    cited = verdicts(
        tmp_path,
        "Germany sold NUM cars in 2023, according to Zorvex.",
        2_800_000,
        "vehicles",
        ctx,
        named=(("Germany", "Germany"),),
        unlinked=("Zorvex",),
        **entities,
    )
    assert list(cited["verdict"]) == ["consistent"]


def test_gallium_share_is_not_compared_with_a_battery_cell_share(tmp_path):
    gallium = verdicts(
        tmp_path,
        "China's share of gallium production capacity was NUM in 2023.",
        85,
        "%",
        SHARES,
        subject="China",
        year=2023,
        named=CHINA,
    )
    assert list(gallium["verdict"]) == ["no context"]
    assert gallium.loc[0, "measure"] == "capacity share"  # only the material differs
    cells = verdicts(
        tmp_path,
        "China's share of global battery cell production capacity was NUM in 2023.",
        85,
        "%",
        SHARES,
        subject="China",
        year=2023,
        named=CHINA,
    )
    assert list(cells["verdict"]) == ["consistent"] and cells.loc[0, "context_index"] == 2


def test_rare_earth_mining_share_is_compared_with_the_mining_share_only(tmp_path):
    result = verdicts(
        tmp_path,
        "China's share of rare-earth mining was NUM in 2023.",
        60,
        "%",
        SHARES,
        subject="China",
        year=2023,
        named=CHINA,
        hedges="about",
    )
    assert list(result["verdict"]) == ["consistent"]
    assert list(result["context_index"]) == [0]  # not the refining share, not the cells
    assert result.loc[0, "measure"] == "mining share"


def test_another_year_or_no_year_is_not_compared(tmp_path):
    near = {}
    for year in (2022, None):
        result = verdicts(
            tmp_path,
            "China's share of rare-earth mining was NUM.",
            62,
            "%",
            SHARES,
            subject="China",
            year=year,
            named=CHINA,
        )
        assert list(result["verdict"]) == ["no context"], year
        near[year] = result.loc[0, "partial_index"]
    # Another year names the 2023 mining share as a near miss; no year names nothing.
    assert near == {2022: [0], None: []}


def test_a_percentage_is_compared_only_as_a_share_of_the_same_measure(tmp_path):
    share = ctx_rows(("hu_share", "HU", "share of EV sales", 20, "%", 2023, "k5"))
    growth = verdicts(
        tmp_path,
        "Hungary's car sales rose by NUM in 2023.",
        20,
        "%",
        share,
        subject="Hungary",
        year=2023,
    )
    assert list(growth["verdict"]) == ["no context"]
    assert "not a share" in growth.loc[0, "reason"]
    # A share of production is not a share of sales.
    production = verdicts(
        tmp_path,
        "Hungary's share of EV production was NUM in 2023.",
        20,
        "%",
        share,
        subject="Hungary",
        year=2023,
    )
    assert list(production["verdict"]) == ["no context"]
    assert production.loc[0, "measure"] == "production share"


def test_a_bare_number_needs_vehicles_in_its_sentence(tmp_path):
    result = verdicts(
        tmp_path,
        "Hungary's sales reached NUM in 2023.",
        4e5,
        "",
        SALES,
        subject="Hungary",
        year=2023,
    )
    assert list(result["verdict"]) == ["no context"]
    assert "no unit" in result.loc[0, "reason"]


def test_electric_car_sales_are_not_compared_with_all_car_sales(tmp_path):
    result = verdicts(
        tmp_path,
        "Hungary sold NUM electric cars in 2023.",
        4e5,
        "vehicles",
        SALES,
        subject="Hungary",
        year=2023,
    )
    assert list(result["verdict"]) == ["no context"]


def test_context_rows_are_read_for_measure_product_and_subject():
    vocabulary = comparison.Vocabulary(LEX)
    ctx = context.figures()
    read = {
        (row["dataset"], row["metric"]): comparison.context_figure(i, row, vocabulary)
        for i, row in zip(ctx.index, ctx.to_dict("records"), strict=True)
    }
    expected = {
        ("rare_earth_mine_production", "mine production"): ("mining", "rare earths"),
        ("rare_earth_reserves", "reserves"): ("reserves", "rare earths"),
        ("rare_earth_share", "share of world rare-earth mining"): ("mining share", "rare earths"),
        ("rare_earth_share", "share of world rare-earth refining"): (
            "refining share",
            "rare earths",
        ),
        (
            "battery_cell_capacity_share",
            "share of global battery cell production capacity",
        ): ("capacity share", "battery cells"),
        ("ev_battery_demand", "EV battery demand"): ("demand", "battery cells"),
        ("russia_car_sales", "new passenger cars sold"): ("sales", ""),
    }
    for key, (measure, product) in expected.items():
        figure = read[key]
        assert (figure.measure, figure.product, figure.subject.kind) == (
            measure,
            product,
            "country",
        ), key
    # The Chinese brands' share is a figure of firms: never set against a country's.
    brands = read[("russia_chinese_brand_share", "Chinese brands' share of new car sales")]
    assert brands.subject.kind == ""


def rejected_chapter(tmp_path) -> supply_chain.Chapter:
    data, _ = claim_data(
        tmp_path, "CATL sold NUM cars in 2023.", 40000, "vehicles", subject="CATL", year=2023
    )
    return supply.prepare(data, ["CN"], context_figures=SALES)


def test_when_every_candidate_is_rejected_the_book_says_why_not_how_consistent(tmp_path):
    chapter = rejected_chapter(tmp_path)
    text = supply_chain.comparisons_text(chapter)
    assert "consistent" not in text and "disagree" not in text
    assert text.count(". ") == 0 and text.endswith(".")  # one sentence
    assert "unit" in text and "measure" in text and "subject" in text and "year" in text
    empty = supply_chain.Chapter(**{**vars(chapter), "comparisons": chapter.comparisons[:0]})
    assert "only compared when" in supply_chain.comparisons_text(empty)


def test_two_sources_shares_of_rare_earth_mining_are_set_side_by_side():
    """Issue 16: the IEA's 62% (2023) and the USGS figures' 69% (2024) are stated together
    with the reason they differ, not left to contradict each other."""
    from analysis.report import supply

    text = supply.mining_share_discrepancy(context.figures())
    assert "62% in 2023" in text and "69% in 2024" in text
    assert "not the same measure" in text
    same = context.figures()
    same.loc[same["metric"] == "share of world rare-earth mining", "value"] = 69.0
    assert supply.mining_share_discrepancy(same) == ""
