"""End-to-end: build the book from seeds/ and read it as a reader would (HTML and PDF)."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from analysis.notebooks import toc_files
from tests.book import chrome
from tests.book.conftest import ROOT, BuiltBook

pytestmark = pytest.mark.e2e

EXTERNAL_ASSET = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I
)


def chapter_titles() -> dict[str, str]:
    """docname → the title of each page of _toc.yml, read from its source."""
    titles = {}
    for docname in toc_files(ROOT / "_toc.yml"):
        notebook = ROOT / f"{docname}.ipynb"
        if notebook.exists():
            first = nbformat.read(notebook, as_version=4).cells[0].source
        else:
            first = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
        titles[docname] = re.search(r"^# (.+)$", first, re.M).group(1).strip()
    return titles


def html_pages(book: BuiltBook) -> list[Path]:
    return sorted(p for p in book.html.rglob("*.html") if "_static" not in p.parts)


def test_html_has_every_chapter_of_the_toc(built_book: BuiltBook) -> None:
    # index.html redirects to the root page, whose navigation lists every chapter.
    root = toc_files(ROOT / "_toc.yml")[0]
    assert f"{root}.html" in (built_book.html / "index.html").read_text(encoding="utf-8")
    index = (built_book.html / f"{root}.html").read_text(encoding="utf-8")
    for docname, title in chapter_titles().items():
        page = built_book.html / f"{docname}.html"
        assert page.exists(), f"{docname} missing from the HTML book"
        assert title in page.read_text(encoding="utf-8")
        if docname != root:
            assert f"{docname.split('/')[-1]}.html" in index, f"{docname} not in the navigation"


def test_html_references_no_cdn(built_book: BuiltBook) -> None:
    for page in html_pages(built_book):
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL_ASSET.search(text), f"{page.name} loads an external asset"
        for host in ("unpkg.com", "jsdelivr", "cdnjs", "googleapis", "mathjax"):
            assert host not in text.lower(), f"{page.name} references {host}"


def test_injected_parameters_hidden_and_data_links_present(built_book: BuiltBook) -> None:
    corpus = (built_book.html / "chapters" / "corpus.html").read_text(encoding="utf-8")
    assert "injected-parameters" not in corpus
    assert "data_dir =" not in corpus
    assert 'download="corpus-words.csv"' in corpus or "corpus-words.csv" in corpus
    downloads = list((built_book.html / "_downloads").rglob("corpus-words.csv"))
    assert downloads, "the chart's CSV is not next to the book's pages"


def test_every_data_file_the_pdf_names_is_in_the_archive(built_book: BuiltBook) -> None:
    """The PDF cannot link a CSV: it names it ("Data: corpus-words.csv"), and the data
    archive the first page links holds it under chapters/."""
    text = subprocess.run(
        ["pdftotext", str(built_book.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    named = set(re.findall(r"Data:\s+([a-z0-9\-]+\.csv)", text))
    assert "corpus-words.csv" in named
    with zipfile.ZipFile(built_book.html / "data.zip") as archive:
        held = {n.removeprefix("data/chapters/") for n in archive.namelist()}
    assert named <= held, sorted(named - held)


def test_chart_draws_offline_and_pages_log_no_error(built_book: BuiltBook) -> None:
    pages = html_pages(built_book)
    charts_seen = 0
    with chrome.browser() as browser:
        for path in pages:
            page, report = chrome.open_page(browser, path)
            assert report.errors == [], f"{path.name}: console errors {report.errors}"
            assert report.blocked == [], f"{path.name}: tried the network {report.blocked}"
            assert report.dialogs == [], f"{path.name}: opened a dialog"
            expected = page.locator(".report-chart").count()
            drawn = page.evaluate(
                """() => [...document.querySelectorAll('.report-chart')].filter(
                    c => c.querySelector('svg .role-mark, canvas')).length"""
            )
            assert drawn == expected, f"{path.name}: {expected - drawn} chart(s) did not draw"
            charts_seen += expected
            page.context.close()
    assert charts_seen >= 8, f"the book draws {charts_seen} charts; the report needs at least 8"


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def count_charts(book: BuiltBook) -> int:
    return sum(
        p.read_text(encoding="utf-8").count('class="report-chart"') for p in html_pages(book)
    )


def test_pdf_has_every_chapter_the_bibliography_and_one_image_per_chart(
    built_book: BuiltBook,
) -> None:
    assert built_book.pdf.stat().st_size > 10_000
    text = pdf_text(built_book.pdf)
    flat = re.sub(r"\s+", " ", text).lower()
    for docname, title in chapter_titles().items():
        if docname == "chapters/about":  # the root page is the PDF's front matter, untitled
            continue
        assert re.sub(r"\s+", " ", title).lower() in flat, f"PDF lacks chapter {title!r}"
    assert "bibliography" in flat
    assert "??" not in text, "unresolved reference in the PDF"
    listing = subprocess.run(
        ["pdfimages", "-list", str(built_book.pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [row for row in listing if row.split()[2] == "image"]  # not the alpha masks
    assert len(images) == count_charts(built_book) >= 1


def test_every_seed_is_in_the_bibliography(built_book: BuiltBook) -> None:
    page = (built_book.html / "chapters" / "bibliography.html").read_text(encoding="utf-8")
    documents = (built_book.data / "documents.csv").read_text(encoding="utf-8")
    for seed in sorted(ROOT.joinpath("seeds").glob("*.txt")):
        assert seed.stem in documents
        assert seed.stem.replace("_", "\\_") in page or seed.stem in page


def test_reproducibility_appendix_shows_parameters_and_hashes(built_book: BuiltBook) -> None:
    run = json.loads((built_book.data / "run.json").read_text(encoding="utf-8"))
    page = (built_book.html / "chapters" / "reproducibility.html").read_text(encoding="utf-8")
    # the page shows each hash's first 16 hex digits; its CSV holds all 64
    hashes = next((built_book.html / "_downloads").rglob("seed-hashes.csv")).read_text("utf-8")
    for seed in run["seeds"]:
        assert seed["sha256"][:16] in page and seed["sha256"] in hashes
    assert "seeds_dir" in page and "focus_countries" in page


def test_build_leaves_the_work_tree_clean(built_book: BuiltBook) -> None:
    assert built_book.git_status_after == built_book.git_status_before


def test_toc_is_valid_jb_book() -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["format"] == "jb-book"


def test_the_deal_tracker_and_the_event_counts_reach_html_and_pdf(built_book: BuiltBook) -> None:
    page = (built_book.html / "chapters" / "pivot.html").read_text(encoding="utf-8")
    assert "pivot-deal-tracker" in page and "Deals and their stages" in page
    flat = re.sub(r"\s+", " ", pdf_text(built_book.pdf))
    assert (
        "Deals and their stages, as the seeds state them" in flat
        or "Deals and their stages" in flat
    )
    findings = (built_book.html / "chapters" / "findings.html").read_text(encoding="utf-8")
    assert "Counting events" in findings and "could not be verified" in findings
    assert (built_book.data / "events.csv").exists()


def test_the_seed_flaws_and_claim_corrections_reach_the_book(built_book: BuiltBook) -> None:
    # issue 13's errors on the five seeds, as a reader meets them
    def text(name: str) -> str:
        raw = (built_book.html / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", raw)).replace("&#8217;", "’")

    supply = text("supply_chain")
    # seed 004's technical error, wherever its rare-earth sentences are used
    assert "Technical error" in supply and "permanent magnets" in supply
    # seed 002 (repetitive, low information) drives the cells stage: the stage says so
    assert "mostly on flagged seeds" in supply
    claims = text("claims")
    # a lower bound is a bound; a forecast of a slump is a forecast, of vehicles
    assert "at least 1,500,000 vehicles a year" in claims
    assert "at most 1,000,000 vehicles in 2022" in claims and "a forecast" in claims
    # Renault's 50% is one claim, with its scope note beside it
    assert claims.count("stated in 2 sentences of the seed") == 1
    assert "French manufacturing sites" in claims
    actors = text("actors")
    assert "Russia → China (4" not in actors  # partnerships have no direction
