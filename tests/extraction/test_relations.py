"""Relation cues, directions and filters, on sentences written for the tests (FR and EN)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations, relations


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # partnership (symmetric: source is the actor read first)
        ("Xiaomi s'entend avec BAIC pour produire des voitures.", "fr",
         ("Xiaomi", "BAIC", "partnership")),
        ("Une collaboration étroite entre la Hongrie et la Chine a été annoncée.", "fr",
         ("Hungary", "China", "partnership")),
        ("Tesla teams up with CATL on new batteries.", "en", ("Tesla", "CATL", "partnership")),
        # acquisition: buyer -> bought
        ("Nissan a acquis la majorité du capital de Vehicle Energy Japan.", "fr",
         ("Nissan", "Vehicle Energy Japan", "acquisition")),
        ("Volkswagen bought a stake in Xiaomi.", "en",
         ("Volkswagen", "Xiaomi", "acquisition")),
        ("Rosatom a présenté sa filiale Renera.", "fr", ("Rosatom", "Renera", "ownership")),
        # exit: firm -> country
        ("Le départ de Renault de la Russie a surpris.", "fr", ("Renault", "Russia", "exit")),
        ("Starbucks decided to leave Russia in May.", "en", ("Starbucks", "Russia", "exit")),
        # production: producer -> place
        # (plans, "veut produire", "will open", "va acquérir", "vise une production", are no facts:
        # test_relations_open.test_plans_and_possibilities_are_no_stated_relations)
        # (a country is no producer: test_relations_open.test_a_country_neither_...)
        ("BYD opened a factory in Hungary last year.", "en", ("BYD", "Hungary", "production")),
        # investment: investor -> target
        ("Hyundai a investi 2 milliards dans Nio.", "fr", ("Hyundai", "Nio", "investment")),
        ("CATL is investing heavily in Indonesia.", "en", ("CATL", "Indonesia", "investment")),
        # supply: supplier -> customer, incl. a reverse cue
        ("CATL supplies batteries to Tesla.", "en", ("CATL", "Tesla", "supply")),
        ("Renault a signé un contrat d'électricité avec le producteur Voltalia.", "fr",
         ("Voltalia", "Renault", "supply")),
    ],
)  # fmt: skip
def test_cue_type_and_direction(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text, lang)


def test_adjective_of_the_same_firm_is_not_a_relation() -> None:
    found = relations("Le constructeur automobile chinois JAC travaille avec Kamaz.")
    assert found == {("JAC", "Kamaz", "partnership")}


def test_no_relation_with_itself_or_own_country() -> None:
    assert relations("Renault et Renault Group renforcent leur alliance.") == set()
    found = relations("Murat Nurtleu salue la coopération du Kazakhstan avec la Chine.")
    assert ("Murat Nurtleu", "Kazakhstan", "partnership") not in found
    assert ("Kazakhstan", "China", "partnership") in found


def test_excluded_phrases_are_not_cues() -> None:
    assert relations("Nissan et le fonds d'investissement japonais Toyota discutent.") == set()
    assert relations("Cela s'est déjà produit entre Nio et la Chine.") == set()


def test_place_without_locative_link_is_not_a_production_site() -> None:
    text = "Une nouvelle en Russie : Rosatom lance la production de batteries."
    assert relations(text) == set()


def test_unknown_actor_blocks_a_wrong_attribution() -> None:
    text = (
        "Panasonic and LG Energy Solution, which also supply Tesla, are investing in new "
        "plants in the United States."
    )
    # Tesla is supplied (true), but does not invest in the United States.
    assert not {r for r in relations(text, "en") if set(r[:2]) == {"Tesla", "United States"}}


def test_media_are_sources_not_partners() -> None:
    found = relations("Kamaz travaille avec JAC, selon Reuters.")
    assert found == {("Kamaz", "JAC", "partnership")}


def test_exit_belongs_to_the_firm_that_leaves_not_to_the_newcomers() -> None:
    found = relations("Volkswagen leaves Argentina as Hyundai and BYD move in.", "en")
    exits = {r for r in found if r[2] == "exit"}
    assert exits == {("Volkswagen", "Argentina", "exit")}


def test_coordinated_firms_leave_together() -> None:
    found = relations(
        "McDonald's et Starbucks étaient parmi les grands noms à quitter la Russie.", "fr"
    )
    assert {r for r in found if r[2] == "exit"} == {
        ("McDonald's", "Russia", "exit"),
        ("Starbucks", "Russia", "exit"),
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Varkon Industries, Quellon Motors et Brantell Group sont partis de Russie en 2022.",
            "fr",
        ),
        ("Varkon Industries, Quellon Motors et Brantell Group se sont retirés de Russie.", "fr"),
        ("Varkon Industries, Quellon Motors and Brantell Group quit Russia in 2022.", "en"),
    ],
)
def test_each_of_the_coordinated_firms_leaves(text: str, lang: str) -> None:
    """ "partir de", "se retirer de", "quit": one exit per firm of the list (invented
    firms: the whole pipeline, with discovery)."""
    found = extracted_relations(text, lang)
    assert {r for r in found if r[2] == "exit"} == {
        (firm, "Russia", "exit")
        for firm in ("Varkon Industries", "Quellon Motors", "Brantell Group")
    }


def test_a_starting_date_is_no_departure() -> None:
    found = relations("Varkon Industries livrera Quellon Motors à partir de 2027 en Russie.", "fr")
    assert not {r for r in found if r[2] == "exit"}
