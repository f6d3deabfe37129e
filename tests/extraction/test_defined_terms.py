"""Terms a document defines in quotes inside brackets, on texts written for these tests.

Firms are invented ("Brixon Trucks", "Quellon Auto"); written before the rule.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import tables_for

AWARD = (
    '1. The Claimant, Brixon Trucks LLP ("Brixon", "the Assembler"), assembles trucks '
    'at Pavlodar. The Respondent, Quellon Auto Co., Ltd. ("Quellon", "the Supplier" '
    "under the KSA), builds light trucks at Fuling.\n\n"
    '2. By a kit supply agreement dated 14 March 2022 ("the KSA"), the Supplier agreed to '
    'deliver kits to the Assembler. By a share purchase agreement ("the SPA"), Norvik '
    'Metals (the "Seller") agreed to sell 25% of Brixon to Quellon.\n\n'
    "3. The Supplier suspended deliveries under the KSA in April 2024, and the Seller "
    "terminated the SPA."
)


def test_a_defined_term_for_a_thing_is_no_actor_and_a_role_term_is_its_name():
    # (the KSA is named before the paragraph that defines it)
    tables = tables_for({"award": (AWARD, "en")})
    actors = set(tables.entities["entity"])
    assert not {"KSA", "SPA", "Supplier", "Seller", "Assembler"} & actors, actors
    # the parties stay actors, under a name of their own
    assert any(a.startswith("Brixon") for a in actors), actors
    assert any(a.startswith("Quellon") for a in actors), actors
    ends = set(tables.relations["source"]) | set(tables.relations["target"])
    assert not {"KSA", "SPA"} & ends, tables.relations


def test_amounts_legal_forms_and_world_regions_are_no_actors():
    text = (
        "Brixon Trucks LLP invested KZT 12 billion in Central Asia in 2025, and Quellon "
        "Auto (Hong Kong) Co., Limited sells its trucks across Asie centrale and Europe."
    )
    actors = set(tables_for({"t": (text, "en")}).entities["entity"])
    assert not {"KZT", "KZT 12 billion", "Limited", "Central Asia", "Europe"} & actors, actors
    assert any(a.startswith("Brixon") for a in actors), actors
