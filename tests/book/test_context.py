"""The context data cites sources that the curated bibliography holds."""

from __future__ import annotations

from analysis import bibliography, context
from tests.book.conftest import ROOT


def test_every_context_source_is_in_references_bib() -> None:
    keys = bibliography.reference_keys(ROOT / "references.bib")
    used = set(context.figures()["source_key"]) | set(context.events()["source_key"])
    assert used - keys == set()


def test_secondary_copies_are_cited_as_reported_by() -> None:
    frame = context.figures()
    secondary = frame[frame["secondary"]].head(1)
    assert context.citations(secondary).startswith("as reported by {cite}`")
    primary = frame[~frame["secondary"]].head(1)
    assert context.citations(primary).startswith("{cite}`")


def test_every_reference_title_keeps_its_capitals() -> None:
    """The bibliography style lower-cases an unprotected title ("moscow", "avtovaz"): every
    hand-written title is braced whole, as the generated seed entries are."""
    from pybtex.database import parse_file

    entries = parse_file(str(ROOT / "references.bib"), bib_format="bibtex").entries
    loose = [k for k, e in entries.items() if not e.fields["title"].startswith("{")]
    assert not loose, f"titles the style would lower-case: {loose}"
