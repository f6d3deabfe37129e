"""The pivot chapter, on small tables built in the tests (other firms, other countries)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts, context
from analysis.report import pivot, sanctions, shift, timeline
from tests.fixtures.report_data import document, make_data
from tests.report.test_actors import entity, relation, sentence

TEXTS = {
    "a:0:0": "Siemens left Argentina because of the sanctions.",
    "a:1:0": "Hyundai could partner with YPF, according to Reuters.",
    "a:2:0": "Export controls hit Argentina and Chile.",
    "b:0:0": "Samsung will build a plant in Argentina.",
    "b:1:0": "Argentina works with Germany on batteries.",
    "b:2:0": "Samsung will build a plant in Argentina.",  # repeated sentence
    "c:0:0": "Les sanctions visent l’Argentine ; l'embargo continue.",
}


@pytest.fixture
def other_world(tmp_path):
    return make_data(
        tmp_path / "data",
        documents=[document("a"), document("b"), document("c", language="fr")],
        entities=[
            entity("Argentina", "country", "AR", 7, 3),
            entity("Chile", "country", "CL", 1),
            entity("Germany", "country", "DE", 1),
            entity("Siemens", "company", "DE", 1),
            entity("Hyundai", "company", "KR", 1),
            entity("YPF", "company", "AR", 1),
            entity("Samsung", "company", "KR", 2),
            entity("Reuters", "media", "GB", 1),
        ],
        mentions=[
            {"entity": e, "document": sid[0], "sentence_id": sid, "text": e}
            for sid, names in {
                "a:0:0": ["Siemens", "Argentina"],
                "a:2:0": ["Argentina", "Chile"],
                "c:0:0": ["Argentina"],
            }.items()
            for e in names
        ],
        relations=[
            relation("Siemens", "Argentina", "exit", "a", "a:0:0", TEXTS["a:0:0"]),
            relation("Hyundai", "YPF", "partnership", "a", "a:1:0", TEXTS["a:1:0"]),
            relation("Samsung", "Argentina", "production", "b", "b:0:0", TEXTS["b:0:0"]),
            relation("Argentina", "Germany", "partnership", "b", "b:1:0", TEXTS["b:1:0"]),
        ],
        sentences=[
            sentence(sid, sid[0], text, "fr" if sid[0] == "c" else "en")
            for sid, text in TEXTS.items()
        ],
        attributions=[
            {
                "document": "a",
                "sentence_id": "a:1:0",
                "cue": "according to",
                "source": "Reuters",
                "entity": "Reuters",
            }
        ],
    )


@pytest.fixture
def empty(tmp_path):
    return make_data(tmp_path / "data", documents=[document("a")])


def test_home_country_is_a_parameter():
    assert shift.home_country(["RU", "CN", "KZ"]) == "RU"
    assert shift.home_country(["cn", "ru"]) == "RU"
    assert shift.home_country(["AR", "KR"]) == "AR"
    assert shift.home_country([]) == ""


def test_exits_name_the_firm_and_its_country(other_world, empty):
    left = shift.exits(other_world)
    assert list(left["source"]) == ["Siemens"]
    text = pivot.exits_summary(left)
    assert "Siemens (Germany) leaving Argentina {cite}`seed_a`" in text
    table = pivot.exits_table(left)
    assert table.iloc[0]["Who left where"] == "Siemens (Germany) → Argentina"
    assert pivot.exits_summary(shift.exits(empty)) == (
        "No exit relation was extracted from these seeds."
    )


def test_two_exits_in_one_sentence_are_one_sentence(tmp_path):
    # issue 13: "McDonald's et Starbucks ... quitter le pays" was counted as 2 sentences
    text = "McDonald's et Starbucks ont quitté la Russie. Renault aussi."
    data = make_data(
        tmp_path / "data",
        documents=[document("a", language="fr")],
        entities=[
            entity("Russia", "country", "RU", 3),
            entity("McDonald's", "company", "US", 1),
            entity("Starbucks", "company", "US", 1),
            entity("Renault", "company", "FR", 1),
        ],
        relations=[
            relation("McDonald's", "Russia", "exit", "a", "a:8:0", text),
            relation("Starbucks", "Russia", "exit", "a", "a:8:0", text),
            relation("Renault", "Russia", "exit", "a", "a:12:0", text),
        ],
    )
    summary = pivot.exits_summary(shift.exits(data))
    assert "3 actors leaving a country, in 2 distinct sentences of 1 seed" in summary


def test_entries_with_korea_as_partner(other_world):
    came_in = shift.entries(other_world, ["AR", "KR"], partner="KR")
    assert sorted(came_in["partner_actor"]) == ["Hyundai", "Samsung"]
    assert set(came_in["role"]) == {"partnership", "production"}
    assert set(came_in["other_country"]) == {"Argentina"}
    text = pivot.entries_summary(came_in, ["AR", "KR"], "KR")
    assert "2 links (an actor pair and a relation type" in text
    assert "join an actor of South Korea" in text and "stated in 2 distinct sentences" in text
    assert "{cite}`seed_a,seed_b`" in text
    assert "1 of the 2 sentences is attributed" in text
    charts.png(charts.spec(pivot.entries_chart(came_in, "KR")))
    first = pivot.entries_table(came_in).iloc[0]
    assert first["Partner-country actor, role, other side"] == (
        "Hyundai: partnership, with YPF (Argentina)"
    )
    # China is the default partner: none of these actors is Chinese
    assert shift.entries(other_world, ["AR", "CN"]).empty
    assert "No relation was extracted" in pivot.entries_summary(
        shift.entries(other_world, ["AR", "CN"]), ["AR", "CN"], "CN"
    )


def test_foreign_share_counts_rows_and_pairs(other_world):
    foreign = shift.foreign_relations(other_world, "AR")
    # Siemens (DE) exit, Hyundai (KR) partnership, Samsung (KR) production, Germany partnership
    assert len(foreign) == 4
    share = shift.foreign_share(foreign, "AR", partner="KR")
    assert (share.with_partner, share.relations) == (2, 4)
    assert share.share == 0.5
    text = pivot.share_summary(share, foreign)
    assert "Of the 4 relations linking an actor of Argentina" in text
    assert "2 link it with an actor of South Korea (50%)" in text
    assert "Germany (exit 1, partnership 1)" in text
    assert "rests on 4 relations (one per sentence and actor pair) from 2 articles" in text
    charts.png(charts.spec(pivot.share_chart(foreign, "AR")))


def test_foreign_share_when_nothing_is_foreign(empty):
    foreign = shift.foreign_relations(empty, "RU")
    share = shift.foreign_share(foreign, "RU")
    assert share.share is None
    assert "no share can be given" in pivot.share_summary(share, foreign)


def test_sanctions_language_fr_and_en(other_world):
    found = sanctions.sanction_sentences(other_world)
    assert list(found["sentence_id"]) == ["a:0:0", "a:2:0", "c:0:0"]
    assert found.set_index("sentence_id").at["c:0:0", "terms"] == "sanctions; embargo"
    assert found.set_index("sentence_id").at["a:2:0", "terms"] == "export controls"
    per_doc = sanctions.sanctions_per_document(other_world, found).set_index("Seed")
    assert per_doc.at["{cite}`seed_a`", "With sanctions language"] == 2
    # the repeated sentence of b counts once
    assert per_doc.at["{cite}`seed_b`", "Sentences (distinct)"] == 2
    named = sanctions.cooccurring_actors(other_world, found)
    assert named.iloc[0]["actor"] == "Argentina" and named.iloc[0]["sentences"] == 3
    assert set(named["country"]) == {"Argentina", "Chile", "Germany"}
    text = pivot.sanctions_summary(other_world, found, named)
    assert "3 sentences in 2 of the 3 usable seeds" in text
    assert "not that the actor is sanctioned" in text
    charts.png(charts.spec(pivot.cooccurrence_chart(named)))


def test_sanctions_terms_are_whole_words():
    lexicon = {"en": ("sanctions", "embargo"), "fr": ("sanctions",)}
    assert sanctions.sanction_terms("Sanctionsless embargoes", "en", lexicon) == []
    assert sanctions.sanction_terms("The EMBARGO and sanctions.", "en", lexicon) == [
        "embargo",
        "sanctions",
    ]


def test_no_sanctions_language(empty):
    found = sanctions.sanction_sentences(empty)
    assert found.empty
    assert "No sentence of the 1 usable seed" in pivot.sanctions_summary(
        empty, found, sanctions.cooccurring_actors(empty, found)
    )


def test_timeline_with_and_without_provenance(other_world, tmp_path):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    events = context.events()
    rows, messages, found = timeline.seed_dates(other_world, seeds_dir)
    assert rows.empty and not found and messages == []
    assert "no provenance table" in pivot.timeline_summary(rows, events, found)
    only_events = timeline.timeline(rows, events)
    assert len(only_events) == len(events)
    (seeds_dir / "provenance.csv").write_text(
        "seed,publisher,url,events_date,date_precision,original_reporting\n"
        "a,,,2021-03,month,\n"
        "b,,,2020,,\n"
        "zz,,,2019-01-01,day,\n",
        encoding="utf-8",
    )
    rows, messages, found = timeline.seed_dates(other_world, seeds_dir)
    assert found and list(rows["document"]) == ["a", "b"]  # zz is not a usable seed
    assert list(rows["precision"]) == ["month", "year"]
    line = timeline.timeline(rows, events)
    assert line.iloc[0]["document"] == "b"  # 2020 comes first
    summary = pivot.timeline_summary(rows, events, found)
    assert "dates the events of 2 seeds {cite}`seed_a,seed_b`" in summary
    assert "from 2020 to 2021-03" in summary
    caption = pivot.timeline_caption(line)
    assert "{cite}`seed_a,seed_b`" in caption and "as reported by" in caption
    table = pivot.timeline_table(line)
    assert table.iloc[0]["Date, place and event (or seed title)"] == (
        "2020 (year), seed titled Title of b"
    )
    assert table.iloc[0]["Source"] == "{cite}`seed_b`"
    charts.png(charts.spec(pivot.timeline_chart(line)))


def test_timeline_with_other_events(other_world, tmp_path):
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2021-01-02"]),
            "precision": ["day"],
            "country": ["KR"],
            "event": ["Korean battery plant opens"],
            "source_key": ["korea_2021"],
            "read_via": ["primary"],
            "secondary": [False],
        }
    )
    line = timeline.timeline(timeline.seed_dates(other_world, tmp_path)[0], events)
    assert list(line["lane"]) == ["Context: South Korea"]
    assert pivot.timeline_caption(line).endswith("context events: {cite}`korea_2021`.")


def test_scope_names_countries_from_codes():
    text = pivot.scope(["AR", "KR"], "KR", "AR")
    assert "partner country is South Korea" in text
    assert "Argentina and South Korea" in text


def test_timeline_keeps_context_events_whose_every_actor_the_seeds_name(tmp_path):
    """Issue 16: seeds naming Renault but not Voltalia do not get the Renault–Voltalia
    contract; an event within a scope needs seeds that speak of it."""
    data = make_data(
        tmp_path,
        documents=[document("a")],
        entities=[entity("Türkiye", "country", "TR", 2), entity("Renault", "company", "FR", 1)],
        sentences=[sentence("a:0:0", "a", "Renault builds cars in Türkiye.")],
    )
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]),
            "country": ["TR", "FR", "TR", "TR"],
            "event": ["Türkiye signs a deal", "Renault and Voltalia sign", "Renault cars", "x"],
            "actors": ["Türkiye", "Renault; Voltalia", "Renault; Türkiye", "Türkiye"],
            "scope": ["", "", "vehicles", "rare earths"],
        }
    )
    kept = pivot.relevant_events(events, data)
    assert kept["event"].tolist() == ["Türkiye signs a deal", "Renault cars"]


def test_entries_from_a_flagged_seed_are_pale(tmp_path):
    # issue 13: a partner that could not be verified weakens what its seed says
    data = make_data(
        tmp_path / "data",
        documents=[document("a"), document("b")],
        entities=[entity("Russia", "country", "RU", 2), entity("China", "country", "CN", 2),
                  entity("JAC", "company", "CN", 1), entity("Kamaz", "company", "RU", 1)],
        relations=[relation("Russia", "China", "partnership", "a", "a:0:0", "Russia and China."),
                   relation("Kamaz", "JAC", "partnership", "b", "b:0:0", "Kamaz works with JAC.")],
        sources=[{"document": "a", "known_flaws": "unverified-partner: Atom"}],
    )  # fmt: skip
    came_in = shift.entries(data, ["RU", "CN"], "CN")
    assert dict(zip(came_in["document"], came_in["evidence"], strict=True)) == {
        "a": "flagged seeds only",
        "b": "other seeds",
    }
    assert "Pale bars" in pivot.entries_caption(came_in)
    assert "flagged seeds only" in str(charts.spec(pivot.entries_chart(came_in, "CN")))


def test_timeline_labels_of_close_points_are_merged_not_overlapping() -> None:
    """Two events four days apart in one lane share one label "1, 2"; a point alone, or
    in another lane at the same date, keeps its own number (issue 15: overlapping numbers)."""
    points = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-05-16", "2022-05-20", "2022-05-20", "2024-01-01"]),
            "lane": ["Context: Russia", "Context: Russia", "Seeds", "Context: Russia"],
            "number": ["1", "2", "3", "4"],
        }
    )
    labels = timeline.point_labels(points).sort_values(["lane", "date"]).reset_index(drop=True)
    assert labels["label"].tolist() == ["1, 2", "4", "3"]
    merged = labels.iloc[0]
    assert pd.Timestamp("2022-05-16") < merged["date"] < pd.Timestamp("2022-05-20")


def test_timeline_labels_run_of_numbers_is_a_range() -> None:
    points = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-01", "2023-01-02", "2023-01-03"]),
            "lane": ["L"] * 3,
            "number": ["7", "8", "9"],
        }
    )
    assert timeline.point_labels(points)["label"].tolist() == ["7–9"]
    spread = points.assign(date=pd.to_datetime(["2023-01-01", "2023-06-01", "2023-12-01"]))
    assert timeline.point_labels(spread)["label"].tolist() == ["7", "8", "9"]


def test_a_context_event_dated_like_a_seed_is_marked() -> None:
    """A context event of the seed's day (or month, for a seed dated to the month) may be
    the report the seed retells: the table says so instead of presenting it as a second
    source (issue 15's review)."""
    seeds = pd.DataFrame(
        {
            "document": ["s1", "s2"],
            "date": pd.to_datetime(["2024-05-20", "2023-08-01"]),
            "date_text": ["2024-05-20", "2023-08"],
            "precision": ["day", "month-uncertain"],
            "title": ["A", "B"],
        }
    )
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-05-20", "2023-08-14", "2024-05-21"]),
            "precision": ["day"] * 3,
            "country": ["KZ", "RU", "KZ"],
            "event": ["Same day", "Same month", "Next day"],
            "source_key": ["k1", "k2", "k3"],
            "secondary": [False, True, False],
        }
    )
    line = timeline.timeline(seeds, events)
    marked = dict(zip(line["what"], line["same_date_seeds"], strict=True))
    assert marked["Same day"] == "s1" and marked["Same month"] == "s2"
    assert marked["Next day"] == "" and marked["A"] == ""
    table = pivot.timeline_table(line)
    same_day = table[table.iloc[:, 1].str.endswith("Same day")]
    assert same_day["Source"].iloc[0].endswith("; dated like seed {cite}`seed_s1`")
    assert not table.iloc[:, 1].str.contains("cite").any()  # the text column is escaped
    assert "dated like seed" in pivot.timeline_caption(line)


def test_other_context_series_are_shown_with_their_sources_and_plain_text():
    from analysis.report import context_views

    table = context_views.other_series(context.figures())
    assert "Kyrgyzstan" in set(table["Country"]) or "China" in set(table["Country"])
    assert all(s.startswith(("{cite}", "as reported by {cite}")) for s in table["Source"])
    assert not any("\\(" in n for n in table["Note"])  # escaped once, by the table itself
    assert "15.20 bn USD" in set(table["Value"])


def test_what_the_relevance_rule_left_out_is_counted_and_cited():
    from analysis.report import context_views

    every = context.measures()
    kept = every.iloc[2:].reset_index(drop=True)
    text = context_views.left_out("measure", every, kept)
    assert text.startswith("The context data holds 2 measures")
    for key in every["source"].iloc[:2]:
        assert key in text
    assert context_views.left_out("measure", every, every) == ""


def test_scope_words_match_whole_words_or_stems_in_three_languages():
    from analysis.report import relevance

    assert relevance.used_scopes("BYD is a partner of the group.") == set()
    assert relevance.used_scopes("Spare parts and batteries.") == {"parts", "batteries"}
    assert relevance.used_scopes("Завод аккумуляторов в Германии.") == {"batteries"}
    assert relevance.used_scopes("Les terres rares et le graphite.") == {"rare earths", "graphite"}
    assert "vehicles" in relevance.used_scopes("Первый российский электромобиль.")
