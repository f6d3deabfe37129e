"""Text of a token range, read from the paragraph's own text.

``doc[start:end].text`` builds a ``Span`` and joins its tokens, once per call; the rules
ask for the text of the same sentences many times, so it is sliced from the paragraph's
text (``parse_documents`` keeps it in ``doc.user_data["text"]``) by character offsets.
The result is the same string: a span's text runs from its first token's first
character to its last token's last.
"""

from __future__ import annotations

from spacy.tokens import Doc


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, without building the span."""
    if start < 0 or end > len(doc):  # (a slice's own clipping rules)
        return doc[start:end].text
    if end <= start:
        return ""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    last = doc[end - 1]
    return text[doc[start].idx : last.idx + len(last.text)]


__all__ = ["span_text"]
