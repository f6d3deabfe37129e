"""Unit tests of the presentation helpers: escaping, tables, citations, charts, BibTeX."""

from __future__ import annotations

import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from markdown_it import MarkdownIt
from pybtex.database import parse_string
from pybtex.richtext import Text

from analysis import bibliography, charts, myst
from analysis.corpus.model import Document

HOSTILE = [
    "```{raw} html\n<script>alert(1)</script>\n```",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "{cite}`x` {include}`/etc/passwd` {eval-rst}`.. raw:: html`",
    r"\input{/etc/passwd} \write18{ls} $x^2$ $$y$$",
    "{{ template }} {% tag %}",
    "# heading\n\n- list\n1. item\n| a | b |",
    "*emphasis* _under_ **bold** ~~strike~~ `code`",
]


def render(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("payload", HOSTILE)
def test_escape_renders_literally(payload: str) -> None:
    html = render(myst.escape(payload))
    # One paragraph, no element other than <p>, and the text reads back unchanged.
    assert re.findall(r"<(\w+)", html) == ["p"]
    text = re.sub(r"<[^>]+>", "", html).strip()
    text = (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )
    assert text == re.sub(r"\s+", " ", payload).strip()


def test_escape_collapses_lines() -> None:
    assert "\n" not in myst.escape("a\n\n# b")


def test_markdown_table_escapes_cells_but_keeps_trusted_roles() -> None:
    frame = pd.DataFrame({"Seed": [myst.cite("seed_a")], "Title": ["<b>x</b> | {raw}"]})
    table = myst.markdown_table(frame, trusted=["Seed"])
    assert "{cite}`seed_a`" in table
    assert r"\<b\>x\<\/b\> \| \{raw\}" in table
    html = render(table)
    assert "<b>" not in html and html.count("<td") == 2


def test_cite_rejects_unsafe_keys() -> None:
    assert myst.cite("seed_000_abc", "usgs_mcs_2025") == "{cite}`seed_000_abc,usgs_mcs_2025`"
    with pytest.raises(ValueError):
        myst.cite("x`} {raw}")


def test_seed_keys_are_stable_and_safe() -> None:
    assert bibliography.seed_key("000_1a0e151e3db47431") == "seed_000_1a0e151e3db47431"
    odd = bibliography.seed_key("Réacteur à Pékin (copie)")
    assert re.fullmatch(r"seed_[A-Za-z0-9_]+", odd)
    assert odd != bibliography.seed_key("Reacteur a Pekin copie")
    assert odd == bibliography.seed_key("Réacteur à Pékin (copie)")


def test_seed_bib_round_trips_hostile_titles(tmp_path: Path) -> None:
    title = r"Prix 100 % & {braces} $x$ \input{/etc/passwd} # _ ^ ~ é <script>"
    document = Document(
        id="x",
        path=tmp_path / "x.txt",
        sha256="0" * 64,
        title=title,
        metadata={"publisher": "Pub } {", "url": "javascript:alert(1)", "events_date": "2024"},
    )
    path = bibliography.write_seed_bib([document], tmp_path / "seeds.bib")
    entry = parse_string(path.read_text(encoding="utf-8"), "bibtex").entries["seed_x"]
    assert "url" not in entry.fields  # not an http(s) address
    # What sphinxcontrib-bibtex shows: the same text, braces read as parentheses.
    shown = Text.from_latex(entry.fields["title"]).render_as("text")
    assert shown == title.replace("{", "(").replace("}", ")")


def test_safe_url() -> None:
    assert bibliography.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert bibliography.safe_url("https://example.org/{x}") == ""
    assert bibliography.safe_url("file:///etc/passwd") == ""


def test_chart_html_cannot_break_out_of_its_script() -> None:
    frame = pd.DataFrame({"label": ["</script><script>alert(1)</script>"], "value": [1]})
    chart = alt.Chart(frame).mark_bar().encode(x="value:Q", y="label:N", tooltip=["label:N"])
    html = charts.html(charts.spec(chart), "test-chart", "A <title>")
    body = html.split("<script>", 1)[1].rsplit("</script>", 1)[0]
    assert "</script" not in body and "<script" not in body
    assert 'aria-label="A &lt;title&gt;"' in html
    assert "$schema" not in html


def test_chart_png_is_rendered(tmp_path: Path) -> None:
    chart = alt.Chart(pd.DataFrame({"a": ["x"], "b": [2]})).mark_bar().encode(x="a:N", y="b:Q")
    data = charts.png(charts.spec(chart))
    assert data.startswith(b"\x89PNG") and len(data) > 1000


def test_chart_names_are_slugs() -> None:
    with pytest.raises(ValueError):
        myst.write_data(pd.DataFrame(), "../escape")


# --- caps for large corpora -------------------------------------------------------------


def shown_markdown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, frame: pd.DataFrame, **kw):
    """What ``myst.show_table`` displays (MyST), with its CSV written under ``tmp_path``."""
    shown: list[str] = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(myst, "show", shown.append)
    myst.show_table(frame, **kw)
    assert len(shown) == 1
    return shown[0]


def block(markdown: str, builder: str) -> str:
    match = re.search(r"::::\{only\} " + builder + r"\n(.*?)\n::::", markdown, re.DOTALL)
    assert match, f"no {builder} block"
    return match.group(1)


def body_rows(markdown: str) -> int:
    """Rows of the pipe tables in ``markdown``, header and rule lines excluded."""
    lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    return len([line for line in lines if not line.startswith("| :--")]) - markdown.count("| n |")


def test_show_table_cuts_a_long_table_in_html_and_pdf(monkeypatch, tmp_path) -> None:
    frame = pd.DataFrame({"n": range(500), "text": [f"row {i}" for i in range(500)]})
    markdown = shown_markdown(monkeypatch, tmp_path, frame, name="long-table", order="in row order")
    html, latex = block(markdown, "html"), block(markdown, "latex")
    assert body_rows(html) == myst.HTML_ROWS == 100
    assert body_rows(latex) == myst.PDF_ROWS
    assert "*First 100 of 500 rows (in row order); the full table is in the CSV linked below.*" in (
        html
    )
    # The HTML book no longer has every row, so the PDF points to the CSV only.
    assert (
        "*First 25 of 500 rows (in row order); the full table is in the CSV linked below the "
        "table in the HTML book.*"
    ) in latex
    assert markdown.rstrip().endswith("{download}`Data: long-table.csv <data/long-table.csv>`")
    assert "row 99 " in html and "row 100 " not in html
    assert len(pd.read_csv(tmp_path / "data" / "long-table.csv")) == 500


def test_show_table_keeps_small_tables_whole(monkeypatch, tmp_path) -> None:
    small = pd.DataFrame({"n": range(20)})
    markdown = shown_markdown(monkeypatch, tmp_path, small, name="small-table")
    assert "{only}" not in markdown and "First" not in markdown
    assert body_rows(markdown) == 20
    # Between the caps: whole in HTML, cut in the PDF with a pointer to the HTML book.
    medium = pd.DataFrame({"n": range(60)})
    markdown = shown_markdown(monkeypatch, tmp_path, medium, name="medium-table")
    assert body_rows(block(markdown, "html")) == 60
    assert "First" not in block(markdown, "html")
    assert "the full table is in the HTML book and {download}" in block(markdown, "latex")


def test_cite_some_names_ten_and_counts_the_rest() -> None:
    keys = [f"seed_{i:04d}" for i in range(1000)]
    text = myst.cite_some(keys)
    assert text.startswith("{cite}`seed_0000,")
    assert text.split("`")[1].count(",") == myst.CITE_LIMIT - 1
    assert text.endswith(" and 990 others (all in the table of sources)")
    assert myst.cite_some(keys[:10]) == myst.cite(*keys[:10])
    assert myst.cite_some(["a", "a", ""]) == myst.cite("a")
    assert myst.cite_some([]) == ""
    assert myst.cite_some(keys[:11]).endswith(" and 1 other (all in the table of sources)")
    docs = [f"doc {i}" for i in range(30)] * 2
    assert myst.cite_documents(docs).endswith(" and 20 others (all in the table of sources)")


def test_capped_list() -> None:
    items = [f"item {i}" for i in range(250)]
    text = myst.capped_list(items, 100, what="claims", where="the CSV", order="in order")
    assert text.count("\n- ") == 99 and "item 99" in text and "item 100" not in text
    assert text.endswith("*First 100 of 250 claims (in order); all are in the CSV.*")
    assert myst.capped_list(items[:5]) == myst.bullet_list(items[:5])


def test_charts_refuse_too_many_rows() -> None:
    frame = pd.DataFrame({"document": [f"d{i}" for i in range(1000)], "value": range(1000)})
    chart = alt.Chart(frame).mark_bar().encode(y="document:N", x="value:Q")
    assert charts.data_rows(charts.spec(chart)) == 1000
    with pytest.raises(ValueError, match="1,000 data rows"):
        charts.check_size(charts.spec(chart), "too-big")
    charts.check_size(charts.spec(alt.Chart(frame.head(50)).mark_bar()), "fine")
    assert charts.top_note(1000, 25, "seeds with most claims") == (
        "The chart shows the 25 seeds with most claims; all 1,000 are in the CSV. "
    )
    assert charts.top_note(20, 25, "seeds") == ""


def test_bibliography_lists_every_seed_only_when_few() -> None:
    few = bibliography.bibliography_markdown(bibliography.SEED_LIST_LIMIT)
    assert ':filter: cited or key % "^seed_"' in few
    assert few.startswith("Every seed article analysed by this build")
    many = bibliography.bibliography_markdown(bibliography.SEED_LIST_LIMIT + 1)
    assert ":filter: cited\n" in many and "^seed_" not in many
    assert f"read {bibliography.SEED_LIST_LIMIT + 1:,} seed files" in many
    assert "{doc}`corpus chapter <corpus>`" in many


def test_table_csv_has_citation_keys_not_roles(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(myst, "show", lambda text: None)
    frame = pd.DataFrame(
        {"Seed": [myst.cite("seed_a"), myst.cite("seed_b", "seed_c")], "Text": ["{cite}`x`", "y"]}
    )
    myst.show_table(frame, trusted=["Seed"], name="seeds")
    written = pd.read_csv(tmp_path / myst.DATA_FOLDER / "seeds.csv")
    assert written["Seed"].tolist() == ["seed_a", "seed_b,seed_c"]
    assert written["Text"].tolist() == ["{cite}`x`", "y"]  # seed text is left as it is


def test_a_table_without_rows_is_said_in_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # A header-only pipe table stops Sphinx's LaTeX writer (StopIteration), so no table.
    frame = pd.DataFrame(columns=["Seed", "Terms found"])
    shown = shown_markdown(monkeypatch, tmp_path, frame, caption="Per seed.", name="empty")
    assert "|" not in shown
    assert myst.EMPTY_TABLE in shown and "Per seed." in shown
    assert (tmp_path / myst.DATA_FOLDER / "empty.csv").exists()  # the CSV is still linked


def test_column_widths_never_give_a_short_column_the_whole_spare_line() -> None:
    """A table whose columns all fit: a citation column ("[3]") stays about as wide as the
    numbers beside it instead of taking the line's spare width (issue 15's review)."""
    frame = pd.DataFrame(
        {
            "Seed": ["{cite}`seed_a`", "{cite}`seed_b`"],
            "Words": [388, 608],
            "Boilerplate": ["10%", "0%"],
            "Flags": ["low specificity, repetitive", ""],
        }
    )
    widths = myst.column_widths(frame, trusted=["Seed"])
    assert widths[0] <= widths[2], widths
    assert widths[0] < sum(widths) / 4, widths
