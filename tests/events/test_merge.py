"""The event table from small hand-made tables, and from the five seeds (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.datastage import write_sources
from analysis.events import build_events, parse_flaws
from analysis.extraction import write_tables
from analysis.tables import EVENT_COLUMNS
from tests.fixtures.extraction_shared import SEEDS, seed_tables


def write(folder: Path, name: str, rows: list[list], columns: list[str]) -> None:
    pd.DataFrame(rows, columns=columns).to_csv(folder / f"{name}.csv", index=False)


def tables(folder: Path, *, flaws: str = "", specificity: float = 5.0) -> Path:
    """Two seeds: "a" states a talks-stage partnership twice; "b" states it without stage."""
    folder.mkdir()
    sentences = [
        ["a:2:0", "a", "Ayla is in talks with Bolt about cells.", "en"],
        ["a:12:0", "a", "Talks with Bolt go on, Ayla said.", "en"],
        ["b:0:0", "b", "Bolt and Ayla work with each other.", "en"],
    ]
    write(folder, "sentences", sentences, ["sentence_id", "document", "text", "language"])
    relations = [
        ["Bolt", "Ayla", "partnership", "a", "a:12:0", "talks with", "partnership", False],
        ["Ayla", "Bolt", "partnership", "a", "a:2:0", "talks with", "partnership", False],
        ["Bolt", "Ayla", "partnership", "b", "b:0:0", "work with", "partnership", False],
    ]
    columns = ["source", "target", "relation", "document", "sentence_id", "cue", "rule"]
    write(folder, "relations_detail", relations, [*columns, "directed"])
    write(folder, "attributions", [], ["document", "sentence_id", "cue", "source", "entity"])
    write(folder, "mentions", [], ["entity", "document", "sentence_id", "text"])
    write(folder, "entities", [], ["entity", "type"])
    docs = [[d, "ok", specificity, 0.0, 0.0] for d in ("a", "b")]  # equal numbers: no numeric flag
    write(
        folder,
        "documents",
        docs,
        ["document", "status", "specificity", "repetition_share", "boilerplate_share"],
    )
    write(
        folder,
        "sources",
        [["a", "2024-05", flaws], ["b", "2023-01-02", ""]],
        ["document", "events_date", "known_flaws"],
    )
    return folder


def test_sentences_stating_the_same_thing_are_one_event(tmp_path: Path) -> None:
    events = build_events(tables(tmp_path / "d"))
    assert list(events.columns) == list(EVENT_COLUMNS)
    talks = events[events["stage"] == "talks"].iloc[0]
    # No direction: one unordered pair; ids in numeric order (2 before 12).
    assert (talks["source"], talks["target"]) == ("Ayla", "Bolt")
    assert talks["sentence_ids"] == "a:2:0; a:12:0"
    assert talks["first_date"] == talks["last_date"] == "2024-05"
    stated = events[events["stage"] == "stated"].iloc[0]
    assert stated["documents"] == "b" and not stated["hedged"]
    assert len(events) == 2


def test_flags_travel_only_when_every_seed_is_flagged(tmp_path: Path) -> None:
    events = build_events(tables(tmp_path / "d", flaws="unverified-partner: Bolt Ltd"))
    by_stage = events.set_index("stage")["flags"]
    assert by_stage["talks"] == "a: unverified partner"
    assert by_stage["stated"] == ""


def test_a_talks_only_flaw_caps_and_hedges_its_pair(tmp_path: Path) -> None:
    folder = tables(tmp_path / "d", flaws="talks-only: Ayla, Bolt")
    sentences = pd.read_csv(folder / "sentences.csv")
    sentences.loc[0, "text"] = "Ayla signed an agreement with Bolt."
    sentences.to_csv(folder / "sentences.csv", index=False)
    events = build_events(folder)
    seed_a = events[events["documents"] == "a"]
    assert set(seed_a["stage"]) == {"talks"} and seed_a["hedged"].all()


def test_an_unknown_flaw_code_is_reported_not_kept() -> None:
    flaws, problems = parse_flaws("patchwork: two wires; wrong-date: 2021")
    assert [f.code for f in flaws] == ["patchwork"]
    assert problems and "wrong-date" in problems[0]


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("data")
    tables_ = seed_tables()
    write_tables(tables_, folder)
    write_sources(load_corpus(SEEDS).documents, folder / "sources.csv")
    return build_events(folder), tables_.relations


def test_seed_events_are_fewer_than_their_sentences(seed_events) -> None:
    events, relations = seed_events
    assert 0 < len(events) < len(relations)


def test_xiaomi_baic_is_at_the_talks_stage_and_hedged(seed_events) -> None:
    from analysis.events import deal_stage

    events, _ = seed_events
    deal = events[(events["source"] == "BAIC") & (events["target"] == "Xiaomi")]
    stage = deal_stage(list(zip(deal["stage"], deal["hedged"], strict=True)))
    assert stage == ("talks", True)


def test_rosatom_renera_is_ownership_and_no_production_links_renault_to_russia(
    seed_events,
) -> None:
    events, _ = seed_events
    pairs = set(zip(events["source"], events["target"], events["type"], strict=True))
    assert ("Rosatom", "Renera", "ownership") in pairs
    assert not {("Renault", "Russia", "production"), ("Russia", "Renault", "production")} & pairs


def test_the_russia_china_event_carries_its_seeds_unverified_partner(seed_events) -> None:
    events, _ = seed_events
    china = events[(events["source"] == "China") & (events["target"] == "Russia")]
    assert len(china) == 1 and "unverified partner" in china["flags"].iloc[0]
    assert len(china["sentence_ids"].iloc[0].split("; ")) == 3


def test_the_pending_acquisition_is_not_a_done_deal(seed_events) -> None:
    events, _ = seed_events
    nissan = events[(events["source"] == "Nissan") & (events["type"] == "acquisition")]
    assert set(nissan["stage"]) == {"agreement (pending)"}


def test_xiaomi_s_possible_use_of_the_hyundai_plant_carries_its_own_hedge(seed_events) -> None:
    # issue 13: the hedge sat on Hyundai → China and the Xiaomi link was missing
    events, _ = seed_events
    in_china = events[(events["target"] == "China") & (events["type"] == "production")]
    by = in_china.set_index("source")
    assert by.at["Xiaomi", "hedged"] and by.at["Xiaomi", "attributed_to"] == "Reuters"
    assert by.at["Hyundai", "attributed_to"] in ("", None) or pd.isna(
        by.at["Hyundai", "attributed_to"]
    )


def test_the_rare_earth_invitation_is_a_proposal_between_kazakhstan_and_china(seed_events) -> None:
    # issue 13: the corpus's only rare-earth cooperation claim gave no relation
    events, _ = seed_events
    pair = events[(events["source"] == "China") & (events["target"] == "Kazakhstan")]
    assert "proposal" in set(pair["stage"])


def test_the_jac_kamaz_link_names_reuters_and_its_anonymous_sources(seed_events) -> None:
    events, _ = seed_events
    jac = events[(events["source"] == "JAC") & (events["target"] == "Kamaz")]
    assert jac["attributed_to"].iloc[0] == "Reuters; anonymous sources"


def test_the_build_names_an_unknown_flaw_code_in_the_sidecar(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from analysis.datastage import flaw_messages

    seeds = tmp_path / "my_seeds"
    document = SimpleNamespace(id="a1", metadata={"known_flaws": "patchwork; misdated: 2021"})
    messages = flaw_messages(SimpleNamespace(seeds=seeds), [document])
    assert len(messages) == 1
    assert messages[0].startswith("my_seeds/provenance.csv: seed a1: unknown flaw code 'misdated'")
