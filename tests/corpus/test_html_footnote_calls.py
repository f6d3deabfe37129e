"""A footnote call in a saved web page ("Yelets.<sup><a href="#fn1">1</a></sup> YeAZ")
is a reference, not text: it must not glue to the word before and hide the sentence's
end. Written for this test; it fails before its change."""

from __future__ import annotations

from analysis.corpus.htmltext import html_to_text


def test_a_superscript_link_is_dropped_but_a_unit_exponent_is_kept() -> None:
    html = (
        "<html><body><article><p>Kestrel assembles vans in Yelets.<sup><a href='#fn1'>1"
        "</a></sup> Kestrel bought the site in 2024.<sup>2</sup> The site covers 40 km"
        "<sup>2</sup> of land.</p></article></body></html>"
    )
    text = html_to_text(html)
    assert "Yelets. Kestrel bought" in text, text
    assert "2024. The site" in text, text
    assert "Yelets.1" not in text, text
