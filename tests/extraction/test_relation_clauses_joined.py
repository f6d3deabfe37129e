"""Clauses joined by ", and", lists with a serial comma, countries that partner nothing,
and the ends of passives, purchases and plants.

- "X assembles ... in Kaluga, and Y builds cars from Z kits in Moscow": the second
  clause has its own subject, for production and for the kits' recipient.
- "Renault, Nissan, and Toyota assemble ...": a serial comma still lists subjects.
- A country adjective partners only as the cue's own qualifier ("Russian-Chinese
  cooperation"), not as another noun's ("российским партнёрам ... сотрудничество").
- Countries listed after a locative are where, not partners.
- "owned by the Erdenet investment firm X": X owns, not the town; "a racheté celles de
  Volkswagen à Kalouga": the plant's town is bought, not its former owner; so is "the
  former X plant in Y"; a plant "annoncée pour 2027" produces nothing yet.
- "cette filiale du groupe X monte ...": X is not the verb's agent; ", the joint venture
  of X" after a name in a relative clause is that name's.

The firms are invented and the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_a_joined_clause_has_its_own_subject() -> None:
    found = relations(
        "Tarvel Holding produces crossovers at Kaluga, and Kestrel Auto builds cars from "
        "Quellon kits in Moscow.",
        "en",
    )
    assert ("Kestrel Auto", "Moscow", "production") in found
    assert ("Tarvel Holding", "Moscow", "production") not in found
    assert not {r for r in found if r[1] == "Tarvel Holding" and r[2] == "supply"}


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Varkon Motors, Quellon Auto, and Tarvel Holding produce compact cars and "
            "light vans in Tver.",
            {
                (f, "Tver", "production")
                for f in ("Varkon Motors", "Quellon Auto", "Tarvel Holding")
            },
        ),
        (
            "Renault, Volkswagen, and Toyota left Russia in 2022.",
            {(f, "Russia", "exit") for f in ("Renault", "Volkswagen", "Toyota")},
        ),
    ],
)
def test_a_serial_comma_still_lists_subjects(sentence, wanted) -> None:
    assert wanted <= relations(sentence, "en")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "ru",
            "Мы поставляем продукцию российским партнёрам в соответствии с "
            "законодательством КНР и рассчитываем на долгосрочное сотрудничество.",
        ),
        (
            "en",
            "Since 2022, nearly every plant in Russia, Belarus, Kazakhstan and Uzbekistan "
            "that lost a Western partner has found a Chinese one.",
        ),
    ],
)
def test_countries_named_beside_a_partner_word_are_no_partners(lang, sentence) -> None:
    assert not {r for r in relations(sentence, lang) if r[2] == "partnership"}


def test_a_country_adjective_of_the_cue_still_partners() -> None:
    found = relations("Russian-Chinese cooperation is growing fast.", "en")
    assert ("Russia", "China", "partnership") in found


def test_a_name_qualifying_the_owners_descriptor_is_not_the_owner() -> None:
    found = relations(
        "Tarvel Mining is 66% owned by the Erdenet investment firm Quellon Capital and 34% "
        "by Varkon Holding, the state holding company.",
        "en",
    )
    assert {("Quellon Capital", "Tarvel Mining", "ownership")} <= found
    assert not {r for r in found if r[0] == "Erdenet"}


def test_what_a_demonstrative_stands_for_is_bought_not_its_owner() -> None:
    found = relations(
        "Les constructeurs occidentaux ont vendu leurs usines. Tarvel Holding a racheté "
        "celles de Volkswagen à Kalouga.",
        "fr",
    )
    assert ("Tarvel Holding", "Kaluga", "acquisition") in found
    assert ("Tarvel Holding", "Volkswagen", "acquisition") not in found


def test_the_former_plant_bought_is_its_town() -> None:
    found = relations(
        "Kestrel Auto closed the purchase of the former Quellon Motors plant in Dzerzhinsk.",
        "en",
    )
    assert ("Kestrel Auto", "Dzerzhinsk", "acquisition") in found
    assert ("Kestrel Auto", "Quellon Motors", "acquisition") not in found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Rien avant l'ouverture de la gigafactory de Varkon Cells à Kaliningrad, "
         "annoncée pour 2027."),
        ("en", "Varkon Cells will need new suppliers for its cell plant in Kaliningrad, "
         "slated for 2028."),
    ],
)  # fmt: skip
def test_a_plant_due_at_a_year_is_planned(lang, sentence) -> None:
    assert not {r for r in relations(sentence, lang) if r[2] == "production"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Le premier client s'appelle Kestrel Energy : cette filiale du groupe Varkon "
        "Holding monte des packs de batteries à Dzerjinsk.",
        "La filiale russe de Varkon Holding monte des packs de batteries à Dzerjinsk.",
    ],
)
def test_the_holder_after_a_role_noun_is_not_its_clauses_agent(sentence) -> None:
    assert ("Varkon Holding", "Dzerjinsk", "production") not in relations(sentence, "fr")


def test_an_apposition_in_a_relative_clause_is_its_names() -> None:
    found = relations(
        "Its customers include Tarvel Drives, a Russian maker of motors that supplies "
        "Kestrel Automotive, the Russian joint venture of China's Quellon Motor.",
        "en",
    )
    assert ("Quellon Motor", "Kestrel Automotive", "ownership") in found
    assert ("Quellon Motor", "Tarvel Drives", "ownership") not in found
