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
