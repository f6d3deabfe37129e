"""A joint venture that no role noun calls so, and parents named with their short forms
or before "their", on sentences written for these tests. The firms are invented
("Ostrava Cells", "Varkon Industries", "Quellon Motors"); none is taken from a seed or
a test folder.

The convention (the methods chapter's): each parent owns the venture, the parents are
partners, and a venture is never its own parent's partner.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations

VARKON, QUELLON, OSTRAVA = "Varkon Industries", "Quellon Motors", "Ostrava Cells"


def partners(found: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, b, "partnership") in found or (b, a, "partnership") in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The venture is created "sous la forme d'une coentreprise entre A ..., et B":
        # no role noun follows its name, and the holders' clauses name the parents.
        (
            "fr",
            "Ostrava Cells a été créée en 2023 sous la forme d'une coentreprise entre "
            "Varkon Industries, qui en détient 51 %, et le fabricant chinois Quellon "
            "Motors, qui détient les 49 % restants.",
        ),
        # "A and B said that their joint venture, X": the parents come before "their",
        # each with its short form in brackets.
        (
            "en",
            'Varkon Industries ("Varkon") and Quellon Motors ("Quellon") said on Monday '
            "that their joint venture, Ostrava Cells, had started making packs in Tver.",
        ),
    ],
)
def test_the_parents_of_an_unnamed_venture_own_it(lang, text) -> None:
    found = extracted_relations(text, lang)
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert partners(found, VARKON, QUELLON), found
    assert not partners(found, OSTRAVA, VARKON), found
    assert not partners(found, OSTRAVA, QUELLON), found


def test_quoted_russian_members_are_both_parents() -> None:
    # The first member's closing quote stands between it and "и".
    found = extracted_relations(
        "«Острава Селлс», совместное предприятие «Варкона» и «Квеллона», собирает батареи в Твери.",
        "ru",
    )
    owners = {s for s, t, r in found if r == "ownership" and t.startswith("Острава")}
    assert len(owners) == 2, found
    assert not {r for r in found if r[2] == "partnership" and r[0].startswith("Острава")}, found
    assert not {r for r in found if r[2] == "partnership" and r[1].startswith("Острава")}, found


def test_a_venture_with_one_holder_named_is_left_to_the_other_rules() -> None:
    # One holder gives no pair of parents, so the sentence names no unnamed venture.
    found = extracted_relations(
        "Ostrava Cells, which Varkon Industries set up as a joint venture, makes packs in Tver.",
        "en",
    )
    assert (OSTRAVA, "Tver", "production") in found, found


def test_members_named_with_a_description_before_them_own_the_venture() -> None:
    # "China's A and Kazan-based B": the words before each name describe it.
    found = extracted_relations(
        "Ostrava Cells (OC), the Russian joint venture of China's Quellon Motors and "
        "Kazan-based Varkon Industries, assembled 2,950 packs in the first quarter.",
        "en",
    )
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert partners(found, VARKON, QUELLON), found


def test_a_name_that_opens_with_a_known_firm_and_ends_as_a_firm_is_its_own() -> None:
    # "Kama" is a known start-up; "Kama Tarvo Automotive" (a name the tagger may call a
    # person) is another firm, not Kama.
    found = extracted_relations(
        "Kama Tarvo Automotive assembled 2,950 crossovers at Naberezhnye Chelny.", "en"
    )
    assert ("Kama Tarvo Automotive", "Naberezhnye Chelny", "production") in found, found
    assert ("Kama", "Naberezhnye Chelny", "production") not in found, found
