"""A report's table of holdings and an agent that no sentence names.

The texts were written for these tests; none comes from an annotated folder.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import folder_relations, tables_for

REPORT = """\
VARKON HOLDING CO., LTD.
2025 ANNUAL REPORT (EXCERPT)

This report is published by Varkon Holding Co., Ltd. (the "Company") and its
subsidiaries (together, the "Group").

Principal subsidiaries and associates

Name                                  Place of        Equity     Principal activity
                                      incorporation   interest
------------------------------------  --------------  ---------  ------------------------
Subsidiaries
Orsk Cathode Materials Co., Ltd.      PRC             100%       Cathode material,
                                                                 Baoding
Kariba Lithium (Private) Limited      Zimbabwe        60%        Lithium mining, Bindura
Varkon International Limited          Hong Kong       100%       Investment holding
Quellon Europe Kft.                   Hungary         100%       Cell plant, Miskolc
                                                                 (under construction)
Associates
Tengyu Graphite LLP                   Kazakhstan      25%        Trading
------------------------------------------------------------------------------------
"""

SHAREHOLDERS = """\
Varkon Holding Co., Ltd. (the "Company") makes cells.

Shareholder                           Jurisdiction    Stake      Shareholder since
------------------------------------  --------------  ---------  ------------------
Ruifeng Capital Group JSC             Kazakhstan      51%        2021
Quellon Investment Ltd                Hong Kong       24%        2023
"""


def test_a_stake_column_gives_the_issuer_its_holdings(tmp_path) -> None:
    found = folder_relations(tmp_path, REPORT, "report.txt")
    # (a name keeps or loses its final full stop: "Co., Ltd" is "Co., Ltd.")
    found = {tuple(x.rstrip(".") for x in r) for r in found}
    owned = {t for s, t, r in found if s == "Varkon Holding Co., Ltd" and r == "ownership"}
    assert {"Orsk Cathode Materials Co., Ltd", "Kariba Lithium (Private) Limited"} <= owned, found
    assert {"Tengyu Graphite LLP", "Quellon Europe Kft", "Varkon International Limited"} <= owned
    assert len(owned) == 5, found  # (not the defined term 'the "Group"')
    # the activity's place after a comma is where the firm produces; not a plant being built
    assert ("Orsk Cathode Materials Co., Ltd", "Baoding", "production") in found, found
    assert ("Kariba Lithium (Private) Limited", "Bindura", "production") in found, found
    assert not [r for r in found if r[1] == "Miskolc" and r[2] == "production"], found


def test_a_table_of_the_issuers_shareholders_gives_it_no_holdings(tmp_path) -> None:
    found = folder_relations(tmp_path, SHAREHOLDERS, "report.txt")
    assert not [r for r in found if r[0].startswith("Varkon Holding")], found


def test_an_unnamed_firm_after_by_is_the_agent_not_its_holder() -> None:
    rel = tables_for(
        {
            "t": (
                "A significant share of Orsk Cathode Materials' feedstock is supplied by a "
                "subsidiary of Quellon Motors.",
                "en",
            )
        }
    ).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert not [r for r in found if r[0] == "Quellon Motors"], found


def test_a_firms_name_read_back_from_its_legal_form_runs_to_ners_end() -> None:
    # NER often starts a Chinese firm's name after its home town ("Cathode Materials
    # Co., Ltd."); the capitalised words before it are the name's.
    from spacy.tokens import Span

    from analysis.extraction.name_spans import named_spans
    from analysis.extraction.nlp import load_model

    doc = load_model("en")(
        "Kariba shipped it to Baoding Quellon Cathode Materials Co., Ltd., which converts it."
    )
    assert doc[6].text == "Cathode" and doc[10].text == "Ltd."
    doc.ents = [Span(doc, 6, 11, label="ORG")]  # "Cathode Materials Co., Ltd."
    names = [e.text for e in named_spans(doc, [-1] * len(doc))]
    assert "Baoding Quellon Cathode Materials Co., Ltd." in names, names


def test_goods_sold_to_a_buyer_are_no_firm_it_acquires() -> None:
    rel = tables_for(
        {"t": ("Varkon Industries has sold Quellon tractors to Magnit and PEK this year.", "en")}
    ).relations
    assert "acquisition" not in set(rel["relation"]), rel
