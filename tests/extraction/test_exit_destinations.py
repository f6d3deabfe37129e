"""A place an exit verb goes *to* is no country left ("ушёл в Казань", "left for
Almaty", "est parti pour Tachkent"), while the place left still is ("ушла из России",
"свернула производство в России"). Sentences written for these tests ("Берег",
"Kestrel Motors" and "Tulpar" are invented)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Шестидесятый «Тулпар» ушёл в Казань.", "ru"),
        ("Первая партия машин «Берега» ушла в Алматы в мае.", "ru"),
        ("The first Kestrel Motors truck left for Almaty in May.", "en"),
    ],
)
def test_a_place_gone_to_is_no_exit(text, lang) -> None:
    found = extracted_relations(text, lang)
    assert not {r for r in found if r[2] == "exit"}, found


@pytest.mark.parametrize(
    ("text", "lang", "leaver"),
    [
        ("Компания «Берег» ушла из России в 2022 году.", "ru", "Берег"),
        ("«Берег» свернул производство в России в 2022 году.", "ru", "Берег"),
        ("Kestrel Motors left Russia in 2022.", "en", "Kestrel Motors"),
    ],
)
def test_a_country_left_is_still_an_exit(text, lang, leaver) -> None:
    found = extracted_relations(text, lang)
    assert (leaver, "Russia", "exit") in found, found


@pytest.mark.xfail(
    strict=True,
    reason="a Latin name takes its case from the adjective before it, which the tagger "
    "reads as a genitive as often as a dative; ruling out every oblique case lost two "
    "right exits on 157 folders (a genitive antecedent of 'которая ушла'), the dative "
    "alone none and changed nothing",
)
def test_a_latin_name_in_an_oblique_case_is_no_leaver() -> None:
    """ "компания продала завод государственной X и ушла из Финляндии": X, in the dative
    by its adjective, bought the plant; the unnamed company left."""
    found = extracted_relations(
        "В июле 2025 года компания продала завод государственной Kestrel Minerals Group "
        "за 212 млн евро и ушла из Финляндии.",
        "ru",
    )
    assert not {r for r in found if r[2] == "exit"}, found


def test_a_latin_name_after_a_nominative_adjective_still_leaves() -> None:
    found = extracted_relations("Шведская Kestrel Minerals Group ушла из России в 2022 году.", "ru")
    assert ("Kestrel Minerals Group", "Russia", "exit") in found, found
