"""A name the document discovered or defined earlier, written again over shorter
mentions it holds, is that actor: "Kama Lunfeng assembles ..." after "Kama Lunfeng
Automotive LLC (Kama Lunfeng)" is the venture, not the known "Kama" beside a
"Lunfeng". A short name in brackets without quotes ("X JSC (X)") is that actor, and
its words no cue. A lawsuit's caption ("X c/ Y") names two parties, not one. Texts written
for these tests with invented firms ("Lunfeng", "Sokor", "Valbrune")."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations


def test_a_short_name_defined_in_brackets_is_the_venture_not_a_known_part() -> None:
    found = extracted_relations(
        "Sokor Invest JSC holds 55 percent of Kama Lunfeng Automotive LLC (Kama Lunfeng), "
        "its joint venture with Chongqing Lunfeng Automobile Co., Ltd. Kama Lunfeng "
        "assembles passenger cars at Yelabuga from kits shipped from China.",
        "en",
    )
    assert ("Kama Lunfeng Automotive LLC", "Yelabuga", "production") in found, found
    assert not {r for r in found if "Kama" in (r[0], r[1])}, found


def test_a_full_names_first_words_written_again_are_that_firm() -> None:
    found = extracted_relations(
        "Kama Lunfeng Automotive LLC is a Russian carmaker owned by Sokor Invest JSC. "
        "Since 2024 Kama Lunfeng has assembled passenger cars at Yelabuga.",
        "en",
    )
    assert ("Kama Lunfeng Automotive LLC", "Yelabuga", "production") in found, found
    assert ("Kama", "Yelabuga", "production") not in found, found


def test_a_known_name_alone_is_still_itself() -> None:
    found = extracted_relations(
        "Kama Lunfeng Automotive LLC is a Russian carmaker owned by Sokor Invest JSC. "
        "Kamaz assembles trucks in Naberezhnye Chelny.",
        "en",
    )
    assert ("Kamaz", "Naberezhnye Chelny", "production") in found, found


def test_a_lawsuits_caption_names_two_parties() -> None:
    found = extracted_relations(
        "Cour d'appel de Paris, 12 mars 2026, Valbrune Systèmes c/ JSC Sokor Group. "
        "La société Valbrune Systèmes a quitté la Russie en 2022.",
        "fr",
    )
    assert ("Valbrune Systèmes", "Russia", "exit") in found, found


def test_a_short_name_in_brackets_without_quotes_is_no_cue() -> None:
    found = extracted_relations(
        "Sokor Invest JSC (Sokor Invest) is a holding company in the Republic of Tatarstan. "
        "Sokor Invest owns Kesar Cells LLC, which assembles battery packs in Yelabuga.",
        "en",
    )
    assert not {r for r in found if r[2] == "investment"}, found
    assert ("Sokor Invest JSC", "Kesar Cells LLC", "ownership") in found, found
