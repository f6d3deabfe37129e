"""Issue 6, "Hostile seeds": whatever a seed says reaches the HTML and the PDF as literal text.

The hostile seeds (``seedgen``) carry HTML, a ``javascript:`` link, MyST roles and
directives, LaTeX commands, math and template braces in their titles and in sentences
that extraction keeps (relations, figures), so the payloads reach titles, tables, chart
tooltips, the bibliography and the PDF. Chromium runs with the network cut off; a payload
that ran would set ``window.__pwned`` or open a dialog.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pybtex.database import parse_file
from pybtex.richtext import Text

from analysis.bibliography import seed_key, write_seed_bib
from analysis.corpus import load_corpus
from analysis.corpus.model import Document
from tests.robustness.conftest import PageVisit, SeedBook, html_pages
from tests.robustness.seedgen import (
    DISPLAY_MATH,
    EVAL_RST,
    IMG,
    INCLUDE,
    INLINE_MATH,
    INPUT,
    JINJA_TAG,
    JINJA_VAR,
    JS_LINK,
    PWNED,
    SCRIPT,
    SVG,
    make_broken_hostile_seeds,
)

#: Payload texts that must be visible, as text, somewhere in the HTML book.
VISIBLE = [
    SCRIPT,
    IMG,
    JS_LINK,
    SVG,
    INPUT,
    "\\write18{touch",
    "{cite}",
    "fake2020",
    JINJA_VAR,
    JINJA_TAG,
    INLINE_MATH,
    DISPLAY_MATH,
    "{raw} html",
    INCLUDE,
    EVAL_RST,
    f"Chery <script>{PWNED}</script> vend en Russie",  # the .html seed's escaped title
]


def passwd_line() -> str:
    """The first line of /etc/passwd: it must never be included in the book."""
    return Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def vega_specs(page: Path) -> dict[str, dict]:
    """Chart element id -> the Vega-Lite spec passed to vegaEmbed in the page."""
    raw = page.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    specs = {}
    for match in re.finditer(r'vegaEmbed\("#([\w\-]+)",\s*', raw):
        spec, _ = decoder.raw_decode(raw, match.end())
        specs[match.group(1)] = spec
    return specs


class LiveMarkup(HTMLParser):
    """Elements and attributes of a page that could run or load something from a seed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: list[str] | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "pwned" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                ("javascript:", "data:text/html")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and ("src", "x") in attrs:
            self.found.append("<img src=x>")
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self.script = []

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            self.scripts.append("".join(self.script))
            self.script = None


# --- in the browser ---------------------------------------------------------------------


@pytest.mark.e2e
def test_no_payload_runs_and_no_dialog_opens(hostile_visits: dict[str, PageVisit]) -> None:
    assert hostile_visits, "no page visited"
    for name, visit in hostile_visits.items():
        assert visit.dialogs == [], f"{name}: a dialog opened: {visit.dialogs}"
        assert visit.pwned == "undefined", f"{name}: a seed's script ran (window.__pwned set)"
        assert visit.blocked == [], f"{name}: tried the network: {visit.blocked}"


@pytest.mark.e2e
def test_payload_text_is_visible_as_text(hostile_visits: dict[str, PageVisit]) -> None:
    missing = [p for p in VISIBLE if not any(p in v.text for v in hostile_visits.values())]
    assert not missing, f"payload text not visible on any page: {missing}"
    # Titles carry payloads too: the Corpus chapter and the bibliography show them as text.
    for page in ("chapters/corpus.html", "chapters/bibliography.html"):
        text = hostile_visits[page].text.lower()  # (case: see the bibliography test below)
        assert f"{SCRIPT} en Russie".lower() in text, f"{page}: hostile title not shown as text"
        assert f"Chery <script>{PWNED}</script> vend en Russie".lower() in text, page
    # Sentences with actors and figures reach the relation and claim tables.
    assert any(f"Chery {SCRIPT} selon Reuters" in v.text for v in hostile_visits.values())


@pytest.mark.e2e
def test_bibliography_shows_seed_titles_exactly(hostile_visits: dict[str, PageVisit]) -> None:
    text = hostile_visits["chapters/bibliography.html"].text
    for title in (
        "Rosatom et le chinois CATL discutent d'une usine de cellules à Kaliningrad, été 2024",
        "Le russe Sollers assemblera des camionnettes avec le chinois JAC à Oulianovsk",
    ):
        assert title in text.replace("\u2019", "'"), f"title not shown as written: {title!r}"


# --- in the HTML files ------------------------------------------------------------------


@pytest.mark.e2e
def test_seed_markup_never_becomes_live_html(hostile_book: SeedBook) -> None:
    for page in html_pages(hostile_book.html):
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.found, f"{page.name}: live markup from a seed: {parser.found}"
        for script in parser.scripts:
            if "pwned" in script:
                assert "vegaEmbed(" in script, f"{page.name}: seed text in a script: {script[:300]}"
                for raw in ("<script", "</script", "<img", "<svg", "<!--"):
                    assert raw not in script.lower(), (
                        f"{page.name}: a chart spec holds a raw {raw!r} (not JSON-escaped)"
                    )


@pytest.mark.e2e
def test_chart_tooltip_data_keeps_payloads_as_json_strings(hostile_book: SeedBook) -> None:
    seen = 0
    for page in html_pages(hostile_book.html):
        for chart, spec in vega_specs(page).items():
            flat = json.dumps(spec, ensure_ascii=False)
            if "__pwned" in flat:
                seen += 1
                assert PWNED in flat, f"{page.name} {chart}: payload altered in the chart data"
    assert seen, "no chart carries seed text with a payload: the tooltip path is untested"


@pytest.mark.e2e
def test_directives_and_commands_are_not_executed_or_included(hostile_book: SeedBook) -> None:
    secret = passwd_line()
    for page in html_pages(hostile_book.html):
        assert secret not in page.read_text(encoding="utf-8"), f"{page.name} includes /etc/passwd"
    assert secret not in pdf_text(hostile_book.pdf), "the PDF includes /etc/passwd"
    assert not hostile_book.seeds.sentinel.exists(), "\\write18 ran during the PDF build"
    bibliography = (hostile_book.html / "chapters" / "bibliography.html").read_text(
        encoding="utf-8"
    )
    assert 'id="fake2020"' not in bibliography, "a seed's {cite} role became a citation"


@pytest.mark.e2e
def test_pdf_text_shows_the_payloads_literally(hostile_book: SeedBook) -> None:
    text = pdf_text(hostile_book.pdf)
    flat = re.sub(r"\s+", "", text)
    for payload in (
        SCRIPT,
        INPUT,
        JINJA_VAR,
        JINJA_TAG,
        "{cite}",
        INLINE_MATH,
        "[lien](javascript:",
        "\\write18(ls)",  # the bibliography note (BibTeX braces become parentheses)
    ):
        assert re.sub(r"\s+", "", payload) in flat, f"{payload!r} not in the PDF text"
    assert "??" not in text, "unresolved reference in the PDF"


@pytest.mark.e2e
def test_pdf_table_cells_are_not_clipped(hostile_book: SeedBook) -> None:
    flat = re.sub(r"\s+", "", pdf_text(hostile_book.pdf))
    sentinel = hostile_book.seeds.sentinel
    for tail in (f"\\write18{{touch{sentinel}}}selonReuters", f"{DISPLAY_MATH},selonleministère"):
        assert tail in flat, f"the end of a long table cell is missing from the PDF: {tail!r}"


# --- the generated BibTeX (deleted with the staging folder: checked here directly) -----


def test_generated_bibtex_keeps_hostile_titles_as_text(tmp_path: Path) -> None:
    folder = make_broken_hostile_seeds(tmp_path / "folder")
    documents = load_corpus(folder.path).documents
    evil = Document(
        id="evil",
        path=folder.path / "evil.txt",
        sha256="",
        title="x} @misc{injected, title={pwn}} \\input{/etc/passwd} % comment } {",
        metadata={"publisher": "} @misc{p,", "url": "javascript:alert(1)"},
    )
    bib = write_seed_bib([*documents, evil], tmp_path / "seeds.bib")
    parsed = parse_file(str(bib), bib_format="bibtex")
    assert "injected" not in parsed.entries and "p" not in parsed.entries
    assert len(parsed.entries) == len(documents) + 1
    for document in [*documents, evil]:
        entry = parsed.entries[seed_key(document.id)]
        # As sphinxcontrib-bibtex renders it: LaTeX escapes undone, braces shown as parentheses.
        title = Text.from_latex(entry.fields["title"]).render_as("text")
        expected = (document.title or document.id).replace("{", "(").replace("}", ")")
        assert title == re.sub(r"\s+", " ", expected).strip(), document.id
        assert "url" not in entry.fields or entry.fields["url"].startswith("http")
