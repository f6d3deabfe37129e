"""Defined terms and names' spans, on texts written for these tests.

- An exchange filing's definitions list ('"Purchaser" or "Tanling HK"  Tanling (Hong
  Kong) Holdings Limited, a company ...') defines its terms as the name that follows
  them, for the whole document, before the list as after it; '"Company"  X' names the
  issuer whatever the title says; lower-case words after the terms define a thing.
- A bracketed word inside a firm's name is the name's ("Kariba Graphite (Private)
  Limited"); a stake after a name is not ("Haixing 51 %"); a town after "de" opening a
  name is the firm's home ("du groupe d'Iekaterinbourg X Holding"); a name after a
  possessive is the possessed one ("Hailan's Lumo").
- A lone word that opens a joint venture's name and is the core of another firm's is
  that firm ("Fengyun" for "Hubei Fengyun Automobile", not "Fengyun Volga Motors").
- Goods sent "to a ferroalloy plant in Y" are not made at Y by their sender.
The firms are invented.
"""

from __future__ import annotations

from analysis.corpus import load_corpus
from analysis.extraction import extract
from analysis.extraction.abbreviations import things_defined
from analysis.extraction.registry import name_forms, prefix_of
from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import read_rows, tables_for

FILING = """Hong Kong Exchanges and Clearing Limited take no responsibility for the contents \
of this announcement.

TANLING BATTERY GROUP CO., LTD.

DISCLOSEABLE TRANSACTION

On 3 June 2026, the Purchaser, a wholly-owned subsidiary of the Company, agreed to buy \
40% of the Target Company from its founders.

Since 2024 the Target Company has sold all of its lithium concentrate to the Company.

DEFINITIONS

"Company" Tanling Battery Group Co., Ltd., whose H Shares are listed on the Main Board

"Purchaser" or "Tanling HK" Tanling (Hong Kong) Holdings Limited, a company \
incorporated in Hong Kong

"Share Purchase Agreement" the agreement dated 3 June 2026 between the Purchaser and \
the founders

"Target Company" Kariba Graphite (Private) Limited, a company incorporated in Zimbabwe
"""


def test_a_definitions_list_defines_its_terms_before_and_after_it(tmp_path) -> None:
    (tmp_path / "filing.txt").write_text(FILING, encoding="utf-8")
    tables = extract(load_corpus(tmp_path).documents, progress=False)
    # (with the rows read through "the Purchaser", which ``relation_references`` sets aside)
    read = read_rows(tables)
    found = set(zip(read["source"], read["target"], strict=True))
    assert ("Tanling Battery Group Co., Ltd.", "Tanling (Hong Kong) Holdings Limited") in found
    assert ("Kariba Graphite (Private) Limited", "Tanling Battery Group Co., Ltd.") in found
    entities = set(tables.entities["entity"])
    assert not entities & {"Purchaser", "Target Company", "Share Purchase Agreement"}, entities
    # (the exchange's disclaimer above the title names no issuer)
    assert not {p for p in found if any("Clearing" in e for e in p)}, found


def test_a_definitions_line_followed_by_lower_case_words_defines_a_thing() -> None:
    text = (
        '"Board" or "Directors" the board of directors\n'
        '"Vendor" or "Ortau" Ortau Resources Limited\n'
        '"Agreement" the share purchase agreement'
    )
    assert things_defined(text) == {"Board", "Directors", "Agreement"}


def test_a_bracketed_word_belongs_to_the_name_and_a_stake_does_not() -> None:
    text = (
        "In May the cell maker bought a majority of the shares of Kariba Graphite "
        "(Private) Limited from its founders."
    )
    assert "Kariba Graphite (Private) Limited" in set(
        tables_for({"t": (text, "en")}).entities["entity"]
    )
    found = set(
        tables_for(
            {"t": ("VFM (Fengyun 51 %, Itil 49 %) assemble la Tura à Ijevsk.", "fr")}
        ).entities["entity"]
    )
    assert not {e for e in found if any(c.isdigit() for c in e)}, found


def test_a_home_town_and_a_possessor_are_no_part_of_the_name() -> None:
    found = set(
        tables_for(
            {
                "t": (
                    "Le constructeur appartient au groupe d'Iekaterinbourg Irtysh Holding. "
                    "La berline est construite sur la plateforme de Fengyun's Lumo.",
                    "fr",
                )
            }
        ).entities["entity"]
    )
    assert "Irtysh Holding" in found, found
    assert "Lumo" in found and not {e for e in found if "'s" in e}, found


def test_a_word_opening_a_venture_and_cored_in_another_firm_is_that_firm() -> None:
    names = ["Fengyun Volga Motors", "Hubei Fengyun Automobile"]

    def forms(name: str) -> list[tuple[str, ...]]:
        return name_forms(name, lambda w: w == "Hubei")

    assert prefix_of("Fengyun", names, forms) == "Hubei Fengyun Automobile"
    assert prefix_of("Fengyun", names[:1], forms) == "Fengyun Volga Motors"


def test_goods_sent_to_a_qualified_plant_are_not_made_there() -> None:
    found = relations(
        "Ortau Manganese LLP mines ore at Zhezdi and sells it to a ferroalloy plant in Kazakhstan.",
        "en",
    )
    assert ("Ortau Manganese LLP", "Zhezdi", "production") in found, found
    assert ("Ortau Manganese LLP", "Kazakhstan", "production") not in found, found
