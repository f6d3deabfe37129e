"""Clauses joined by ", and", lists with a serial comma, and countries that partner
nothing.

- "X assembles ... in Kaluga, and Y builds cars from Z kits in Moscow": the second
  clause has its own subject, for production and for the kits' recipient.
- "Renault, Nissan, and Toyota assemble ...": a serial comma still lists subjects.
- A country adjective partners only as the cue's own qualifier ("Russian-Chinese
  cooperation"), not as another noun's ("российским партнёрам ... сотрудничество").
- Countries listed after a locative are where, not partners.

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
