"""The context data cites sources that the curated bibliography holds, and the book
built from the default seeds cites every one of them (issue 16)."""

from __future__ import annotations

import html
import re

import yaml

from analysis import bibliography, context
from analysis.report import relevance
from tests.book.conftest import ROOT, BuiltBook


def test_every_context_source_is_in_references_bib() -> None:
    keys = bibliography.reference_keys(ROOT / "references.bib")
    used = (
        set(context.figures()["source_key"])
        | set(context.events()["source_key"])
        | set(context.measures()["source"])
    )
    assert used - keys == set()


def test_every_context_row_is_complete_and_its_scope_known() -> None:
    """No row without date, text, source or read_via; every scope is in scopes.yaml."""
    raw = yaml.safe_load((context.CONTEXT_DIR / "scopes.yaml").read_text(encoding="utf-8"))
    known = set(raw["specific"]) | set(raw["general"])
    measures = context.measures()
    for column in ("date", "actor", "target", "measure", "instrument", "scope", "source"):
        assert measures[column].astype(str).str.strip().ne("").all(), column
    assert set(measures["read_via"]) <= {"primary", "secondary copy"}
    for frame in (measures, context.events(), context.figures()):
        scopes = {s for cell in frame["scope"] for s in relevance.split(cell)}
        assert scopes <= known, scopes - known
    assert all(relevance.split(a) for a in context.events()["actors"])
    actors = set(measures["actor"])
    assert {"EU", "US", "China", "Russia"} <= actors and len(measures) >= 25


def test_every_reference_is_cited_by_the_default_book(built_book: BuiltBook) -> None:
    """Every entry of references.bib is cited by the book built from the default seeds:
    the bibliography page lists only cited works (and the seeds), so each entry's title
    must be on it."""
    from pybtex.database import parse_file

    entries = parse_file(str(ROOT / "references.bib"), bib_format="bibtex").entries
    page = (built_book.html / "chapters" / "bibliography.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    missing = []
    for key, entry in entries.items():
        title = entry.fields["title"].replace("{", "").replace("}", "")
        title = " ".join(title.replace("\\%", "%").replace("--", "–").split())
        if title[:40] not in text:
            missing.append(key)
    assert not missing, f"references no chapter cites: {missing}"
