"""A joint venture's parents, on sentences written for these tests (invented firms:
"Ostrava Cells", "Varkon Industries", "Quellon Motors", "Kelmar Holding"). None is taken
from a seed or a test folder.

The convention (the methods chapter's): each parent owns the venture, the parents are
partners, and a venture is never its own parent's partner.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations, tables_for


def partners(found: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, b, "partnership") in found or (b, a, "partnership") in found


VARKON, QUELLON, OSTRAVA = "Varkon Industries", "Quellon Motors", "Ostrava Cells"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Created "by A ..., and by B": both own it, and they are partners.
        (
            "fr",
            "Ostrava Cells est une coentreprise créée en 2023 par Varkon Industries, qui en "
            "détient 51 %, et par le fabricant chinois Quellon Motors, qui détient les 49 % "
            "restants.",
        ),
        (
            "en",
            "Ostrava Cells is a joint venture set up in 2023 by Varkon Industries, which "
            "holds 51%, and by the Chinese maker Quellon Motors, which holds the other 49%.",
        ),
        # "A and B formed X, a joint venture": the subjects are the parents.
        (
            "en",
            "Varkon Industries and Quellon Motors formed Ostrava Cells, a 51:49 joint "
            "venture, in 2023.",
        ),
        (
            "fr",
            "Varkon Industries a créé avec Quellon Motors une coentreprise, Ostrava Cells, "
            "en 2023.",
        ),
        # Other verbs of creation, the second stake in a gapped clause ("and B 40%").
        (
            "en",
            "In May 2022 Varkon Industries and Quellon Motors register a joint venture, "
            "Ostrava Cells, in which Varkon Industries holds 60% and Quellon 40%.",
        ),
        (
            "en",
            "Varkon Industries and Quellon Motors launched Ostrava Cells, a joint venture "
            "in which Varkon Industries holds 51%.",
        ),
        (
            "ru",
            "Varkon Industries и Quellon Motors учредили совместное предприятие "
            "Ostrava Cells в 2023 году.",
        ),
    ],
)
def test_the_parents_of_a_venture_own_it_and_are_partners(lang, text) -> None:
    found = extracted_relations(text, lang)
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert partners(found, VARKON, QUELLON), found
    # one parent holds no stake in the other, and the venture is no partner of either
    assert (VARKON, QUELLON, "ownership") not in found, found
    assert (QUELLON, VARKON, "ownership") not in found, found
    assert not partners(found, OSTRAVA, VARKON), found
    assert not partners(found, OSTRAVA, QUELLON), found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Ostrava Cells, the pack-assembly joint venture in which Quellon Motors holds 49%, "
            "makes packs in Tver.",
        ),
        (
            "fr",
            "Ostrava Cells, la coentreprise dont Quellon Motors détient 49 %, assemble des "
            "packs à Tver.",
        ),
    ],
)
def test_a_stake_holder_in_a_venture_owns_it_and_is_no_partner(lang, text) -> None:
    found = extracted_relations(text, lang)
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert not partners(found, OSTRAVA, QUELLON), found
    assert (OSTRAVA, "Tver", "production") in found, found


def test_a_parents_own_parent_is_not_the_ventures_owner() -> None:
    """ "par A, filiale de G, qui en détient 51 %": A holds the 51 %, not its parent G."""
    found = extracted_relations(
        "Ostrava Cells est une coentreprise créée en 2023 par Varkon Industries, filiale de "
        "Kelmar Holding, qui en détient 51 %, et par Quellon Motors, qui détient les 49 % "
        "restants.",
        "fr",
    )
    assert ("Kelmar Holding", VARKON, "ownership") in found, found
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert ("Kelmar Holding", OSTRAVA, "ownership") not in found, found
    assert ("Kelmar Holding", QUELLON, "ownership") not in found, found


VENTURE_SIGNS = (
    "Ostrava Cells, une coentreprise de Varkon Industries et de Quellon Motors, a signé "
    "un partenariat avec Sollers."
)


def test_a_venture_keeps_a_partner_that_is_no_parent() -> None:
    """A partnership the venture signs with a third firm stays one: the rules read it
    (kept, or set aside by the model for the review table)."""
    tables = tables_for({"t": (VENTURE_SIGNS, "fr")})
    rows = [tables.relations, tables.details["relations_set_aside"]]
    read = {(r.source, r.target, r.relation) for df in rows for r in df.itertuples()}
    assert partners(read, OSTRAVA, "Sollers"), read
    kept = {(r.source, r.target, r.relation) for r in tables.relations.itertuples()}
    assert (VARKON, OSTRAVA, "ownership") in kept, kept


# (the models retrained on 145, 149 and 153 folders set this partnership aside, 0.803
# with 145 at a veto of 0.8; the model of 161 keeps it)
def test_the_venture_s_partnership_survives_the_model() -> None:
    assert partners(extracted_relations(VENTURE_SIGNS, "fr"), OSTRAVA, "Sollers")


def test_holders_named_with_a_description_and_an_owners_apposition() -> None:
    """ "A, the cell maker, holds 60% and B, the arm of the fund G, holds 40%": A and B
    hold the stakes; G owns B, not the venture."""
    found = extracted_relations(
        "Ostrava Cells, a joint venture in which Varkon Industries, the Tver-based cell "
        "maker, holds 60% and Quellon Motors, the truck arm of the state fund Kelmar "
        "Holding, holds 40%, opened a plant in Tver.",
        "en",
    )
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert ("Kelmar Holding", OSTRAVA, "ownership") not in found, found


def test_a_venture_named_by_its_parents_is_none_of_them() -> None:
    """ "the A–B joint venture, B owning the rest": B is a parent, not the venture."""
    found = extracted_relations(
        "Varkon Industries, which holds 51% of the Varkon-Quellon joint venture, Quellon "
        "Motors owning the rest, makes cells in Tver.",
        "en",
    )
    assert (VARKON, QUELLON, "ownership") not in found, found
    assert (QUELLON, VARKON, "ownership") not in found, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the venture's members after "of"/"between", a share in brackets after one
        (
            "en",
            "Ostrava Cells LLP, a joint venture of Varkon Industries (51 %) and Quellon "
            "Motors, makes packs in Tver.",
        ),
        (
            "en",
            "Ostrava Cells, a 50-50 joint venture between Varkon Industries and Quellon "
            "Motors, makes packs in Tver.",
        ),
        (
            "fr",
            "Ostrava Cells, coentreprise à parts égales entre Varkon Industries et Quellon "
            "Motors, assemble des packs à Tver.",
        ),
        (
            "fr",
            "Ostrava Cells, une coentreprise de Varkon Industries (60 %) et de Quellon "
            "Motors (40 %), assemble des packs à Tver.",
        ),
        # holders joined by "and" before one holding verb
        (
            "en",
            "Ostrava Cells, a joint venture in which Varkon Industries and Quellon Motors "
            "each hold 50%, makes packs in Tver.",
        ),
        (
            "fr",
            "Ostrava Cells, une coentreprise dont Varkon Industries et Quellon Motors "
            "détiennent chacun 50 %, assemble des packs à Tver.",
        ),
    ],
)
def test_members_named_together_each_own_the_venture(lang, text) -> None:
    found = extracted_relations(text, lang)
    venture = next(s for s, t, r in found if r == "production")
    assert (VARKON, venture, "ownership") in found, found
    assert (QUELLON, venture, "ownership") in found, found
    assert partners(found, VARKON, QUELLON), found
    assert not partners(found, venture, QUELLON), found
    assert not partners(found, venture, VARKON), found
    assert (VARKON, QUELLON, "ownership") not in found, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Ostrava Cells, la coentreprise que le groupe détient à parts égales avec "
            "Quellon Motors, assemble des packs à Tver.",
        ),
        (
            "en",
            "Ostrava Cells, the joint venture the group holds with Quellon Motors, makes "
            "packs in Tver.",
        ),
        ("en", "Ostrava Cells, our joint venture with Quellon Motors, makes packs in Tver."),
    ],
)
def test_the_partner_a_venture_is_held_with_owns_it(lang, text) -> None:
    """ "the venture the group holds with B": B is a parent (the other is unnamed), and
    the venture holds nothing of B."""
    found = extracted_relations(text, lang)
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert (OSTRAVA, QUELLON, "ownership") not in found, found
    assert (OSTRAVA, "Tver", "production") in found, found


def test_a_venture_that_signs_with_a_firm_is_not_held_with_it() -> None:
    found = extracted_relations(
        "The joint venture Ostrava Cells signed a supply deal with Quellon Motors in May.", "en"
    )
    assert (QUELLON, OSTRAVA, "ownership") not in found, found


def test_a_members_owner_in_apposition_is_not_the_ventures() -> None:
    """ "coentreprise entre A et B, filiale du groupe G": G owns B, not the venture, and
    is no partner of A."""
    found = extracted_relations(
        "Ostrava Cells, coentreprise à parts égales entre Varkon Industries et Quellon "
        "Motors, filiale du groupe Kelmar Holding, assemble des packs à Tver.",
        "fr",
    )
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert (QUELLON, OSTRAVA, "ownership") in found, found
    assert ("Kelmar Holding", OSTRAVA, "ownership") not in found, found
    assert not partners(found, "Kelmar Holding", VARKON), found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A member the holding clause does not reach: "entre A (AB), qui en détient ..."
        (
            "fr",
            "Ostrava Cells est une coentreprise créée en 2022 entre Varkon Industries "
            "(VI), qui en détient 55 %, et Quellon Motors, qui détient le reste.",
        ),
        (
            "en",
            "Ostrava Cells, a cell joint venture in Russia with Varkon Industries, makes "
            "packs in Tver.",
        ),
        (
            "ru",
            "ООО «Ostrava Cells» — совместное предприятие тверского АО «Varkon Industries» "
            "и китайской компании Quellon Motors.",
        ),
    ],
)
def test_a_member_named_after_the_ventures_noun_owns_it(lang, text) -> None:
    """The venture's own noun makes no partner of the venture: a member named after it
    owns the venture."""
    found = extracted_relations(text, lang)
    assert (VARKON, OSTRAVA, "ownership") in found, found
    assert not partners(found, VARKON, OSTRAVA), found


def test_a_firm_named_before_the_noun_or_past_a_verb_is_no_venture_member() -> None:
    """ "M makes modules for the joint venture V": M is the venture's supplier; "V, a
    joint venture of A, supplies packs to B": B is a customer."""
    found = extracted_relations(
        "Varkon Industries fabrique des modules de refroidissement pour la coentreprise "
        "Ostrava Cells à Tver.",
        "fr",
    )
    assert (VARKON, OSTRAVA, "ownership") not in found, found
    found = extracted_relations(
        "Ostrava Cells, a joint venture of Kelmar Holding, supplies packs to Quellon Motors.",
        "en",
    )
    assert (OSTRAVA, QUELLON, "supply") in found, found
    assert (QUELLON, OSTRAVA, "ownership") not in found, found
