"""Article text and title from HTML seeds (trafilatura, with an lxml fallback).

The HTML is parsed, never rendered or executed: scripts and styles are dropped and
only text comes out. Tables and lists come out as Markdown (trafilatura writes a
``<table>`` as pipe rows, a ``<th>`` row followed by ``|---|``, and each ``<li>`` as
``- item``; the fallback does the same), so that
:func:`~analysis.corpus.structure.mark_structure` treats them as in text seeds.
"""

from __future__ import annotations

import itertools
import logging
import re

import lxml.html
import trafilatura

from .structure import is_table_line

log = logging.getLogger(__name__)


# Blocks of the fallback; text inside a table row is read with its row.
_BLOCKS = "//tr|(//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre)[not(ancestor::tr)]"


def _flat(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def _block_text(node: lxml.html.HtmlElement) -> str:
    """A block as trafilatura would write it: a row as ``| a | b |`` (then ``|---|``
    after a row of ``<th>``), a list item as ``- item``."""
    if node.tag == "tr":
        cells = [c for c in node if c.tag in ("td", "th")]
        row = "| " + " | ".join(_flat(c).replace("|", "\\|") for c in cells) + " |"
        if cells and all(c.tag == "th" for c in cells):
            row += "\n|" + "---|" * len(cells)
        return row if any(_flat(c) for c in cells) else ""
    text = _flat(node)
    return f"- {text}" if node.tag == "li" and text else text


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Visible text of the page, block by block, when trafilatura finds no article."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    texts = [_block_text(b) for b in tree.xpath(_BLOCKS)] or [tree.text_content()]
    return "\n\n".join(t for t in texts if t)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def html_title(html: str) -> str:
    """Title from trafilatura's metadata, else ``<h1>``, else ``<title>``."""
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception as error:  # odd input must not stop the build
        log.debug("trafilatura metadata failed: %s", error)
        meta = None
    title = (getattr(meta, "title", None) or "").strip() if meta else ""
    if title:
        return " ".join(title.split())
    tree = _parse(html)
    if tree is None:
        return ""
    for xpath in ("//h1", "//title"):
        for node in tree.xpath(xpath):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return ""


#: A footnote call: a superscript link ("Yelets.<sup><a href="#fn1">1</a></sup> YeAZ"),
#: or a superscript mark after punctuation; its text would glue to the word before
#: and hide the sentence's end ("Yelets.1 YeAZ"). (Not "km<sup>2</sup>": a unit.)
_FOOTNOTE_CALL = re.compile(
    r"<sup\b[^>]*>\s*<a\b[^>]*>\s*\[?[\w*†‡]{1,4}\]?\s*</a>\s*</sup>"
    r"|(?<=[.,;:!?)\]»\"'])<sup\b[^>]*>\s*\[?[\w*†‡]{1,4}\]?\s*</sup>",
    re.IGNORECASE,
)


def html_to_text(html: str) -> str:
    """Main text of an HTML page, paragraphs separated by blank lines."""
    html = _FOOTNOTE_CALL.sub("", html)
    text = None
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )
    except Exception as error:  # odd input must not stop the build
        log.debug("trafilatura extraction failed: %s", error)
    if not text:
        tree = _parse(html)
        text = _fallback_text(tree) if tree is not None else ""
    # trafilatura separates paragraphs by single newlines; make them blocks (the rows of
    # a table stay together: a table's header applies to the rows that follow it).
    lines = [line for line in text.split("\n") if line.strip()]
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        together = is_table_line(previous) and is_table_line(line)
        out.append(f"\n{line}" if together else f"\n\n{line}")
    return "".join(out)
