"""Issue 4, "Every sentence": a build from another seed folder gives a different, coherent book.

The folder (``fixtures/``: two English and two French articles written for the tests, on
Stellantis and Leapmotor in Poland, nickel in Indonesia, BYD in Turkey and Chery in
Barcelona) names none of the firms that only the five original seeds name.
"""

from __future__ import annotations

import html
import re
import subprocess

import pandas as pd
import pytest

from analysis import context
from tests.robustness.conftest import SeedBook, html_pages
from tests.robustness.test_broken_seeds import page_text, section_text

pytestmark = pytest.mark.e2e

#: Names found only in the five original seeds (and in what was written about them).
ORIGINAL_ONLY = [
    r"Moskvich",
    r"Kamaz",
    r"Kama",
    r"Rosatom",
    r"Renera",
    r"Xiaomi",
    r"BAIC",
    r"Voltalia",
    r"Nurtleu",
    r"Wang Yi",
    r"Atom Automotive",
    r"TECHNPLAY",
    r"Pannier-Runacher",
    r"Vehicle Energy Japan",
    r"AvtoVAZ",
    r"Astana",
]
ORIGINAL_ONLY_RE = re.compile(r"\b(" + "|".join(ORIGINAL_ONLY) + r")\b", re.IGNORECASE)

#: Pages that may show public context events (and cite them), tested on their own below.
CONTEXT_TIMELINE_PAGES = {"chapters/pivot.html", "chapters/bibliography.html"}
METHODS_PAGE = "chapters/reproducibility.html"


def leaks(book: SeedBook, pages: list[str]) -> dict[str, list[str]]:
    """Page -> the original-only names found in its text, each with its context."""
    found = {}
    for name in pages:
        text = page_text(book.html / name)
        hits = [
            f"{m.group(0)!r} in …{text[max(0, m.start() - 80) : m.end() + 40]}…"
            for m in ORIGINAL_ONLY_RE.finditer(text)
        ]
        if hits:
            found[name] = hits
    return found


def all_pages(book: SeedBook) -> list[str]:
    return [p.relative_to(book.html).as_posix() for p in html_pages(book.html)]


def test_the_other_seeds_are_read_and_analysed(other_book: SeedBook) -> None:
    documents = pd.read_csv(other_book.data / "documents.csv", dtype=str, keep_default_na=False)
    assert (documents["status"] == "ok").all(), documents[["document", "status"]].to_string()
    assert sorted(documents["language"]) == ["en", "en", "fr", "fr"]
    assert other_book.pdf.stat().st_size > 10_000
    pdf = subprocess.run(
        ["pdftotext", str(other_book.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Stellantis" in pdf and "Leapmotor" in pdf
    assert "??" not in pdf, "unresolved reference in the other book's PDF"


def test_chapters_describe_the_new_firms_and_countries(other_book: SeedBook) -> None:
    entities = pd.read_csv(other_book.data / "entities.csv", dtype=str, keep_default_na=False)
    entities["mentions"] = entities["mentions"].astype(int)
    frequent = entities[entities["mentions"] >= 2]
    actors = page_text(other_book.html / "chapters" / "actors.html")
    missing = [e for e in frequent["entity"] if e not in actors]
    assert not missing, (
        f"actors named at least twice in the seeds, absent from the chapter: {missing}"
    )
    firms = set(frequent[frequent["type"].isin(["company", "brand"])]["entity"])
    assert {"BYD", "Stellantis", "Chery"} <= firms, f"extraction lost the new firms: {firms}"
    countries = set(frequent[frequent["type"] == "country"]["entity"])
    assert {"Indonesia", "Spain"} <= countries, countries
    assert countries & {"Türkiye", "Turkey"}, countries
    # The key findings are about these seeds: each names what these seeds name.
    intro = section_text(other_book.html / "chapters" / "findings.html", "key-findings")
    named = [e for e in entities["entity"] if e in intro]
    assert len(named) >= 2, f"the key findings name almost nothing of these seeds: {intro[:1500]}"
    for chapter in ("supply_chain", "claims"):
        text = page_text(other_book.html / "chapters" / f"{chapter}.html")
        assert "BYD" in text, f"{chapter}: BYD's 150,000-vehicle plans are not described"


def test_key_findings_differ_from_another_folders(
    other_book: SeedBook, hostile_book: SeedBook
) -> None:
    """Two seed folders, two sets of findings (the main book's are checked by name below)."""
    ours = section_text(other_book.html / "chapters" / "findings.html", "key-findings")
    theirs = section_text(hostile_book.html / "chapters" / "findings.html", "key-findings")

    def findings(text: str) -> set[str]:
        sentences = re.split(r"(?<=[.;])\s+", text)
        return {s for s in sentences if re.search(r"\d", s)}

    shared = findings(ours) & findings(theirs)
    assert not shared, f"findings repeated verbatim across two seed folders: {shared}"


def test_original_seed_names_absent_from_seed_driven_pages(other_book: SeedBook) -> None:
    pages = [p for p in all_pages(other_book) if p not in CONTEXT_TIMELINE_PAGES | {METHODS_PAGE}]
    assert "chapters/findings.html" in pages and "chapters/actors.html" in pages
    found = leaks(other_book, pages)
    assert not found, f"names only the original seeds contain, in a book of other seeds: {found}"
    for table in other_book.data.glob("*.csv"):
        hits = ORIGINAL_ONLY_RE.findall(table.read_text(encoding="utf-8"))
        assert not hits, f"{table.name} holds {sorted(set(hits))}"


def test_context_timeline_shows_only_events_naming_actors_of_these_seeds(
    other_book: SeedBook,
) -> None:
    """The context events are public data, not seed content: the timeline may show one only
    when these seeds name every actor it is about (issue 16: seeds naming Renault do not
    get the Renault–Voltalia contract), and a measure only when they name the country it
    concerns."""
    names = set(pd.read_csv(other_book.data / "entities.csv", dtype=str)["entity"])
    page = re.sub(r"\s+", " ", page_text(other_book.html / "chapters" / "pivot.html"))
    events = context.events()
    hidden = [
        e
        for e, actors in zip(events["event"], events["actors"], strict=True)
        if not {a.strip() for a in actors.split(";")} <= names
    ]
    for event in hidden:
        assert event[:60] not in page, f"an event about actors these seeds never name: {event!r}"
    assert hidden, "the test needs context events unrelated to these seeds"
    measures = context.measures()
    concern = [
        a if t == "World" else t for a, t in zip(measures["actor"], measures["target"], strict=True)
    ]
    for text, country in zip(measures["measure"], concern, strict=True):
        if country not in names:
            assert text[:60] not in page, f"a measure about {country}, which these seeds never name"


def test_original_seed_names_absent_from_the_methods_appendix(other_book: SeedBook) -> None:
    found = leaks(other_book, [METHODS_PAGE])
    assert not found, found


STUDY_TITLE = "Chinese carmakers abroad: Europe, Turkey and Indonesia's nickel"


def test_the_study_file_titles_the_book_and_sets_its_countries(other_book: SeedBook) -> None:
    """The folder's study.yaml (issue 15): its title in the HTML and the PDF, its
    countries in the chapters, and no trace of the original study's title."""
    about = page_text(other_book.html / "chapters" / "about.html")
    assert STUDY_TITLE in about and "A test study of four articles" in about
    # (Babel's English name of TR is "Türkiye")
    assert "the partner country is China and the home country Türkiye" in about
    assert "Period studied: 2023–2025" in about
    head = html.unescape((other_book.html / "chapters" / "pivot.html").read_text("utf-8"))
    assert f"- {STUDY_TITLE}</title>" in head or STUDY_TITLE in head.split("</title>")[0]
    pdf = subprocess.run(
        ["pdftotext", "-l", "1", str(other_book.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert STUDY_TITLE in " ".join(pdf.split()), pdf[:500]
    pivot = page_text(other_book.html / "chapters" / "pivot.html")
    assert "the partner country is China" in pivot
    for page in ("chapters/about.html", "chapters/pivot.html", "chapters/findings.html"):
        assert "Under sanctions" not in page_text(other_book.html / page)
