"""A negation before a determiner and an adjective, a relative clause about an unnamed
firm, a plural "partners" with a country adjective, a former site in a Russian
participle, the comma of "Co., Ltd." inside a relative clause, and a Chinese firm's
core name that is also a town's. Sentences written for these tests, with invented firms;
each test fails before its change."""

from __future__ import annotations

from analysis.extraction.registry import name_forms
from tests.fixtures.extraction_shared import extracted_relations as relations


def test_a_negated_verb_before_a_determiner_and_an_adjective_states_nothing() -> None:
    found = relations("Qiantai Motor Co., Ltd. does not run a single factory in Belarus.", "en")
    assert not {r for r in found if r[2] == "production"}, found
    found = relations("Qiantai Motor Co., Ltd. runs a large factory in Minsk.", "en")
    assert ("Qiantai Motor Co., Ltd.", "Minsk", "production") in found, found


def test_an_unnamed_firm_that_left_is_not_the_buyer() -> None:
    found = relations(
        "Orlovsky Motors bought the site in 2023 from a Swedish axle maker that exited "
        "Russia the same year.",
        "en",
    )
    assert ("Orlovsky Motors", "Russia", "exit") not in found, found
    found = relations(
        "Orlovsky Motors a racheté le site à un équipementier suédois qui a quitté la "
        "Russie en 2022.",
        "fr",
    )
    assert ("Orlovsky Motors", "Russia", "exit") not in found, found
    # (a name's apposition still gives the name's exit)
    found = relations(
        "Brekke Aksel AS, the Swedish axle maker that exited Russia in 2022, reported "
        "higher sales.",
        "en",
    )
    assert ("Brekke Aksel AS", "Russia", "exit") in found, found


def test_russian_partners_are_firms_not_russia() -> None:
    found = relations(
        "«Мы работаем с российскими партнёрами по долгосрочным контрактам и по законам "
        "КНР», — сказал директор.",
        "ru",
    )
    assert not {r for r in found if {r[0], r[1]} == {"Russia", "China"}}, found


def test_a_site_that_formerly_made_something_is_no_current_production() -> None:
    text = (
        "В феврале 2024 года общество приобрело у немецкой Brekke Aksel GmbH "
        "производственную площадку в Сызрани, {} мосты для грузовиков."
    )
    found = relations(text.format("ранее выпускавшую"), "ru")
    assert not {r for r in found if r[2] == "production" and r[0].startswith("Brekke")}, found
    found = relations(text.format("выпускающую"), "ru")
    assert {r for r in found if r[2] == "production" and r[0].startswith("Brekke")}, found


def test_the_comma_of_a_legal_form_does_not_close_a_relative_clause() -> None:
    found = relations(
        "The motor comes from Wuxi Lanfeng Drive Co., Ltd., which builds it in Wuxi with "
        "magnets that Ganzhou Qirun Magnet Co., Ltd. sinters at its plant in Ganzhou.",
        "en",
    )
    assert ("Ganzhou Qirun Magnet Co., Ltd.", "Ganzhou", "production") in found, found
    assert ("Wuxi Lanfeng Drive Co., Ltd.", "Ganzhou", "production") not in found, found


def test_a_core_name_that_is_also_a_town_stays_the_core() -> None:
    # ("Tianhe" is a district of Guangzhou, and the core of this firm's name)
    forms = name_forms("Hunan Tianhe Automobile Co., Ltd.", lambda w: w in {"Hunan", "Tianhe"})
    assert forms[1][0] == "Tianhe", forms
    # (two home words before a name that is no firm word are still set aside)
    forms = name_forms("Hunan Changsha Qirun Battery", lambda w: w in {"Hunan", "Changsha"})
    assert forms[1][0] == "Qirun", forms
