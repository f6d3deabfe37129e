"""Sites, their regions and names' articles, on texts written for these tests.

- A region named right after a site in a table cell ("Ekibastuz, Pavlodar region") says
  where the site is: the firm produces at the site, not also at the region.
- A French article capitalised inside a sentence is part of the place's name ("à La
  Ciotat"); at the sentence's start it is the article it reads as.
- A legal form of any country closes a firm's name ("Lda", "Kft.", "d.o.o.").
- One word listed beside a firm ("a joint venture of A and W") is a firm of its own.
The firms are invented.
"""

from __future__ import annotations

import pytest

from analysis.extraction.descriptor_lexicon import load_lexicon
from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import folder_relations, tables_for


def test_a_region_after_a_site_in_a_table_cell_is_no_second_site(tmp_path) -> None:
    table = (
        "| Company | Site | Product |\n| --- | --- | --- |\n"
        "| Qazyna Anode LLP | Ekibastuz, Pavlodar region | spherical graphite |\n"
        "| Orda Lithium LLP | Shu, Zhambyl region | lithium concentrate |\n"
    )
    found = folder_relations(tmp_path, f"# Sites\n\nSites in 2025.\n\n{table}")
    assert {
        ("Qazyna Anode LLP", "Ekibastuz", "production"),
        ("Orda Lithium LLP", "Shu", "production"),
    } <= found, found
    assert not {r for r in found if r[1].endswith("region")}, found


def test_two_towns_in_a_cell_stay_two_sites(tmp_path) -> None:
    """Only a region by its name is taken for the place of the site before it."""
    table = (
        "| Company | Site | Product |\n| --- | --- | --- |\n"
        "| Qazyna Anode LLP | Ekibastuz, Aksu | graphite |\n"
    )
    found = folder_relations(tmp_path, f"# Sites\n\nSites in 2025.\n\n{table}")
    assert {
        ("Qazyna Anode LLP", "Ekibastuz", "production"),
        ("Qazyna Anode LLP", "Aksu", "production"),
    } <= found, found


def test_a_capitalised_article_inside_a_sentence_is_part_of_the_place() -> None:
    found = relations("Lumen Batteries fabrique ses cellules à La Ciotat depuis 2024.", "fr")
    assert ("Lumen Batteries", "La Ciotat", "production") in found, found
    found = relations("La société Lumen Batteries fabrique ses cellules à Grenoble.", "fr")
    assert ("Lumen Batteries", "Grenoble", "production") in found, found


def test_a_legal_form_of_any_country_types_a_firm() -> None:
    """cleanco's legal forms close a firm's name ("Lda", "Kft.", "d.o.o."); written in
    lower case without an inner full stop they are words, and Cyrillic forms open a
    name ("ООО «X»"), never close one."""
    lex = load_lexicon()
    for form in ("Lda", "Kft.", "d.o.o.", "Oyj", "S.p.A."):
        assert lex.name_word(form) == ("company", ""), form
    for word in ("lda", "as", "et", "e.g.", "VAT", "EV", "UK", "ООО"):
        assert lex.name_word(word) != ("company", ""), word


def test_a_name_closed_by_a_legal_form_is_a_firm_not_a_person() -> None:
    tables = tables_for({"t": ("Ruvuma Carbono Lda ships flake graphite from Montepuez.", "en")})
    types = dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))
    assert types.get("Ruvuma Carbono Lda") == "company", types


def test_a_word_listed_beside_a_firm_is_a_parent_not_the_venture_it_names() -> None:
    """ "a joint venture of A and W": W is a firm of its own, not the short form of the
    venture named after it ("Ural Fengyun Trucks")."""
    found = relations(
        "Ural Fengyun Trucks LLC, a joint venture of Uralmash Holding and Fengyun, "
        "assembles trucks in Miass.",
        "en",
    )
    assert {
        ("Fengyun", "Ural Fengyun Trucks LLC", "ownership"),
        ("Uralmash Holding", "Ural Fengyun Trucks LLC", "ownership"),
        ("Ural Fengyun Trucks LLC", "Miass", "production"),
    } <= found, found


def test_the_name_of_a_plant_at_a_town_is_its_owner() -> None:
    """ "l'usine de X à Y", "X's plant in Y": X owns the plant at Y; X is no place, and
    whoever the sentence is about does not produce at X."""
    texts = {
        "fr": (
            "Les cellules de Belkar viennent de l'usine de Tarvel à Yichun, selon la "
            "direction de Belkar.",
            "fr",
        ),
        "en": ("Belkar's cells come from the plant of Tarvel in Yichun.", "en"),
    }
    tables = tables_for(texts)
    types = dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))
    assert types.get("Tarvel") != "place", types
    rel = tables.relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert not {r for r in found if r[1] == "Tarvel"}, found
    assert ("Belkar", "Yichun", "production") not in found, found


def test_a_plant_in_brackets_after_a_name_is_that_names() -> None:
    """ "A (usine de X) et B (usine de Y)": each bracket is about the name right before
    it, not the list's first name."""
    found = relations(
        "Principaux acheteurs : Tarvel Advanced Material (usine de Tongren) et Kestrel "
        "Precursor Technology (usine de Jiangmen).",
        "fr",
    )
    assert ("Tarvel Advanced Material", "Jiangmen", "production") not in found, found
    assert ("Kestrel Precursor Technology", "Jiangmen", "production") in found, found


@pytest.mark.parametrize(
    ("lang", "sentence", "producer", "place", "other"),
    [
        (
            "en",
            "Kestrel Holding JSC, which also owns Tarvel Motors LLC (Tarvel), a vehicle "
            "assembler in Taganrog, was not designated.",
            "Tarvel Motors LLC",
            "Taganrog",
            "Kestrel Holding JSC",
        ),
        (
            "fr",
            "Kestrel Holding contrôle aussi Tarvel Auto, un spécialiste de l'assemblage de "
            "camions à Tver.",
            "Tarvel Auto",
            "Tver",
            "Kestrel Holding",
        ),
    ],
)
def test_a_role_noun_in_an_apposition_is_its_heads(lang, sentence, producer, place, other) -> None:
    """ "Y, a vehicle assembler in Z": the apposition, opened by its article, says Y
    assembles at Z, not the clause's subject that owns Y."""
    found = relations(sentence, lang)
    assert (producer, place, "production") in found, found
    assert (other, place, "production") not in found, found
