"""Article text and title from HTML seeds (trafilatura, with an lxml fallback).

The HTML is parsed, never rendered or executed: scripts and styles are dropped and
only text comes out.
"""

from __future__ import annotations

import logging

import lxml.html
import trafilatura

log = logging.getLogger(__name__)


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Visible text of the page, block by block, when trafilatura finds no article."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre|//td")
    texts = [" ".join(b.text_content().split()) for b in blocks] or [tree.text_content()]
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


def html_to_text(html: str) -> str:
    """Main text of an HTML page, paragraphs separated by blank lines."""
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
    # trafilatura separates paragraphs by single newlines; make them blocks.
    return "\n\n".join(line for line in text.split("\n") if line.strip())
