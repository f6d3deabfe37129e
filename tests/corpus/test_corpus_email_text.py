"""An e-mail thread pasted as plain text is read as prose: quote markers dropped, lines
broken after an article, a preposition or a conjunction joined, a numbered point's
hanging indent kept in its point.

The texts here were written for these tests; none comes from a seed folder.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.corpus.wrapping import continues, without_quote_markers

THREAD = """\
Tom,

Thanks. Two points before Friday:

1. Correction. The memo says Orsk Nickel "owns 40% of Kestrel". Not so:
   the 40% is held by Orsk Nickel (Cyprus) Limited, which
   Orsk Nickel owns outright.
2. The offtake with Tengyu Battery runs to 2028.

Best,
Anna

> -----Original Message-----
> From: Tom Reyes
> Sent: Monday, 4 May 2026 09:12
>
> Anna, can you check who owns the 40% stake in
> Kestrel Metals? The register lists a Cyprus company.
"""


def test_a_line_ending_with_a_function_word_goes_on() -> None:
    assert continues("held by Orsk Nickel (Cyprus) Limited, which", "Orsk Nickel owns it.", None)
    assert continues("who owns the 40% stake in", "Kestrel Metals?", None)
    assert not continues("Best,", "Anna", None)
    assert not continues("The offtake runs to 2028.", "Best,", None)


def test_quote_markers_are_dropped_only_in_a_thread() -> None:
    assert "> " not in without_quote_markers(THREAD)
    one = "He wrote:\n> a single quoted line\nand went on."
    assert without_quote_markers(one) == one


def test_a_pasted_thread_reads_as_sentences(tmp_path: Path) -> None:
    (tmp_path / "thread.txt").write_text(THREAD, encoding="utf-8")
    (doc,) = load_corpus(tmp_path).documents
    texts = [p.text for p in doc.paragraphs]
    assert any(
        t.endswith("held by Orsk Nickel (Cyprus) Limited, which Orsk Nickel owns outright.")
        for t in texts
    ), texts
    assert "Anna, can you check who owns the 40% stake in Kestrel Metals?" in " ".join(texts)
