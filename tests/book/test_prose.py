"""The book's generated English reads as prose (issue 15): no "(s)" plural placeholders,
no word written twice in a row. Seed text quoted in the book is left out of the scan
(it is quoted as written, and a seed may repeat a word)."""

from __future__ import annotations

import html
import re

from tests.book.conftest import BuiltBook

#: Quoted seed text, in the quotation marks the book puts around it.
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
DOUBLED = re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.IGNORECASE)


def paragraphs(page) -> list[str]:
    """The text of a page's paragraphs and list items, quotes removed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
    out = []
    for block in re.findall(r"<(?:p|li)\b[^>]*>(.*?)</(?:p|li)>", raw, flags=re.S):
        text = html.unescape(re.sub(r"<[^>]+>", " ", block))
        out.append(QUOTED.sub(" ", re.sub(r"\s+", " ", text)))
    return out


def test_no_plural_placeholder_nor_doubled_word(built_book: BuiltBook) -> None:
    problems = []
    for page in sorted(built_book.html.rglob("*.html")):
        if "_static" in page.parts:
            continue
        for text in paragraphs(page):
            if "(s)" in text or "(ies)" in text:
                problems.append(f"{page.name}: plural placeholder in …{text[:160]}…")
            for match in DOUBLED.finditer(text):
                start = max(0, match.start() - 60)
                problems.append(f"{page.name}: doubled word in …{text[start : match.end() + 40]}…")
    assert not problems, "\n".join(problems[:20])


def test_the_build_log_says_only_what_the_user_needs(built_book: BuiltBook) -> None:
    """A quiet log (issue 15): every line is the build's own, no kernel warning ("running
    over TCP without encryption", "KeyboardInterrupt caught in kernel") nor traceback."""
    lines = [line for line in built_book.log.splitlines() if line.strip()]
    foreign = [line for line in lines if not line.startswith("[build]")]
    assert not foreign, "\n".join(foreign[:20])
    placeholders = [line for line in lines if re.search(r"\((?:s|es|ies)\)", line)]
    assert not placeholders, "\n".join(placeholders[:20])
