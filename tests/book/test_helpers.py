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

from analysis import bibliography, book, charts
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
    html = render(book.escape(payload))
    # One paragraph, no element other than <p>, and the text reads back unchanged.
    assert re.findall(r"<(\w+)", html) == ["p"]
    text = re.sub(r"<[^>]+>", "", html).strip()
    text = (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )
    assert text == re.sub(r"\s+", " ", payload).strip()


def test_escape_collapses_lines() -> None:
    assert "\n" not in book.escape("a\n\n# b")


def test_markdown_table_escapes_cells_but_keeps_trusted_roles() -> None:
    frame = pd.DataFrame({"Seed": [book.cite("seed_a")], "Title": ["<b>x</b> | {raw}"]})
    table = book.markdown_table(frame, trusted=["Seed"])
    assert "{cite}`seed_a`" in table
    assert r"\<b\>x\<\/b\> \| \{raw\}" in table
    html = render(table)
    assert "<b>" not in html and html.count("<td") == 2


def test_cite_rejects_unsafe_keys() -> None:
    assert book.cite("seed_000_abc", "usgs_mcs_2025") == "{cite}`seed_000_abc,usgs_mcs_2025`"
    with pytest.raises(ValueError):
        book.cite("x`} {raw}")


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
        book.write_data(pd.DataFrame(), "../escape")
