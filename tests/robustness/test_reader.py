"""Issue 6, "Reading the book as a reader would", on the books of generated seed folders.

The main book's pages are checked in Chromium by ``tests/book``; here the same checks run
on the broken + hostile book, and links and anchors are resolved in every page of the
hostile book and of the other-seeds book.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.book import chrome
from tests.robustness.conftest import PageVisit, SeedBook, html_pages
from tests.robustness.seedgen import SEARCH_WORD

pytestmark = pytest.mark.e2e


class Links(HTMLParser):
    """The ids (anchors) a page defines and the relative links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        attribute = {"a": "href", "link": "href", "img": "src", "script": "src"}.get(tag)
        if attribute and values.get(attribute):
            self.links.append((tag, values[attribute] or ""))


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(html: Path) -> list[str]:
    """Every internal link or anchor of the book's pages that does not resolve."""
    parsed: dict[Path, Links] = {}

    def links_of(page: Path) -> Links:
        if page not in parsed:
            parsed[page] = parse(page)
        return parsed[page]

    problems = []
    for page in html_pages(html):
        for tag, url in links_of(page).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if parts.scheme in ("javascript", "data", "vbscript"):
                    problems.append(f"{page.name}: <{tag}> to {url!r}")
                continue  # external (checked by tests/book: no asset is loaded from the web)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(html)}: <{tag}> {url!r}: no {target.name}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in links_of(target).ids:
                problems.append(f"{page.relative_to(html)}: {url!r}: no id {fragment!r} there")
    return problems


def test_every_page_loads_without_console_error_and_every_chart_draws(
    hostile_visits: dict[str, PageVisit],
) -> None:
    charts = 0
    for name, visit in hostile_visits.items():
        assert visit.errors == [], f"{name}: console errors {visit.errors}"
        assert visit.drawn == visit.charts, f"{name}: {visit.charts - visit.drawn} chart(s) blank"
        charts += visit.charts
    assert charts >= 8, f"only {charts} charts in the hostile book"


@pytest.mark.parametrize("book_fixture", ["hostile_book", "other_book"])
def test_every_internal_link_and_anchor_resolves(
    book_fixture: str, request: pytest.FixtureRequest
) -> None:
    book: SeedBook = request.getfixturevalue(book_fixture)
    problems = broken_links(book.html)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_every_pdf_page_renders_and_no_reference_is_unresolved(hostile_book: SeedBook) -> None:
    info = subprocess.run(
        ["pdfinfo", str(hostile_book.pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    out = hostile_book.build_dir.parent / "pages"
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        ["pdftoppm", "-r", "24", "-png", str(hostile_book.pdf), str(out / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"pdftoppm failed: {result.stderr[-2000:]}"
    rendered = sorted(out.glob("page-*.png"))
    assert len(rendered) == pages >= 10, f"{len(rendered)} of {pages} pages rendered"
    text = subprocess.run(
        ["pdftotext", str(hostile_book.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "??" not in text and "[?]" not in text, "unresolved reference or citation in the PDF"


def search(html: Path, word: str) -> tuple[list[str], list[str]]:
    """Search the book from disk for ``word``: the result entries, and the console errors."""
    page_path = html / "search.html"
    with chrome.browser() as browser:
        page, report = chrome.open_page(browser, page_path, settle_ms=0)
        page.goto(f"{page_path.resolve().as_uri()}?q={word}")
        try:
            page.wait_for_function(
                "() => document.querySelectorAll('#search-results li').length > 0",
                timeout=20_000,
            )
        except PlaywrightTimeout as error:
            summary = page.inner_text("body")[-1500:]
            pytest.fail(f"no search result for {word!r} ({error}); the page says: {summary}")
        page.wait_for_timeout(1000)  # the result summaries load after the list
        results = page.locator("#search-results li").all_inner_texts()
        page.context.close()
    return results, list(report.errors)


def test_search_page_finds_a_word_from_a_seed(hostile_book: SeedBook) -> None:
    results, _ = search(hostile_book.html, SEARCH_WORD)
    assert any("Claims" in r for r in results), f"{SEARCH_WORD!r} not found in Claims: {results}"


def test_search_page_logs_no_console_error(hostile_book: SeedBook) -> None:
    _, errors = search(hostile_book.html, SEARCH_WORD)
    assert errors == [], f"search page console errors: {errors}"
