"""Plain text's tables set in columns of spaces are read row by row.

The texts here were written for these tests; none comes from a seed folder.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.corpus.columns import pipe_tables

REPORT = """\
5.2 Principal subsidiaries at 31 December 2025

Company                                   Country      Interest      Activity
------------------------------------------------------------------------------
Orsk Graphite Services SAS                France       100 %         Technical ser-
                                                                     vices
Kariba Graphite (Private) Limited         Zimbabwe     80 %          Graphite mine
Tengyu Anode (Jixi) Materials             China        50 %          Spherical
  Co., Ltd.                                                          graphite
------------------------------------------------------------------------------

The group sold its Russian subsidiary in 2022.
"""


def test_a_column_table_becomes_a_pipe_table() -> None:
    lines = [line for line in pipe_tables(REPORT).split("\n") if line.startswith("|")]
    assert lines[0] == "| Company | Country | Interest | Activity |"
    assert "| Orsk Graphite Services SAS | France | 100 % | Technical services |" in lines
    assert (
        "| Tengyu Anode (Jixi) Materials Co., Ltd. | China | 50 % | Spherical graphite |" in lines
    )
    assert len(lines) == 5  # header, delimiter, three rows


def test_prose_with_double_spaces_is_no_table() -> None:
    text = "The plant  opened in 2024.  It makes  cells.\nThe second line  follows.\n"
    assert pipe_tables(text) == text


def test_each_row_of_a_column_table_is_its_own_sentence(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (doc,) = load_corpus(tmp_path).documents
    texts = [p.text for p in doc.paragraphs]
    assert any(
        t.startswith("Kariba Graphite (Private) Limited — country : Zimbabwe") for t in texts
    )


ANNUAL = """\
Principal subsidiaries and associates

Name                                  Place of        Equity     Principal activity
                                      incorporation   interest
------------------------------------  --------------  ---------  ------------------------
Subsidiaries
Orsk Cathode (Baoding) Co., Ltd.      PRC             100%       Cathode material,
                                                                 Baoding
Kariba Lithium (Private) Limited      Zimbabwe        60%        Lithium mining
Associates
Tengyu Graphite LLP                   Kazakhstan      25%        Graphite mining
------------------------------------------------------------------------------------

                         Power        Storage
RMB million              cells        systems       Total
-----------------------  -----------  ------------  --------
Segment revenue          1,200        300           1,500
Segment result           90           -12           78

(b) Transactions (RMB'000)                              2025          2024

Sales of cells to Quellon Motors                        1,284         902
Purchases of concentrate from Kariba Lithium
  by Orsk Cathode (Baoding) Co., Ltd.                   618           -
"""


def test_a_two_line_header_group_labels_and_split_rules_are_read() -> None:
    lines = [line for line in pipe_tables(ANNUAL).split("\n") if line.startswith("|")]
    assert lines[0] == "| Name | Place of incorporation | Equity interest | Principal activity |"
    assert "| Orsk Cathode (Baoding) Co., Ltd. | PRC | 100% | Cathode material, Baoding |" in lines
    # "Subsidiaries" and "Associates" label groups of rows; a rule of dashes is no row
    assert not [line for line in lines if "Subsidiaries" in line or "Associates" in line]
    assert not [line for line in lines if "---- |" in line]


def test_a_header_line_above_without_first_cell_and_a_blank_line_after_it() -> None:
    lines = [line for line in pipe_tables(ANNUAL).split("\n") if line.startswith("|")]
    assert "| RMB million | Power cells | Storage systems | Total |" in lines
    assert "| (b) Transactions (RMB'000) | 2025 | 2024 |" in lines
    # a row whose first cell wraps onto an indented line is one row
    assert (
        "| Purchases of concentrate from Kariba Lithium by Orsk Cathode (Baoding) Co., Ltd."
        " | 618 | - |"
    ) in lines
