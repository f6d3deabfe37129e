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
