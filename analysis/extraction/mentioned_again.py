"""Names a document discovered earlier, written again where NER missed them.

Reads a parsed paragraph, the tokens already taken and the document's discovered names
and abbreviations; returns the mentions found (``pipeline`` adds them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc

from analysis.extraction.actors import NAME, Mention


def mentioned_again(
    doc: Doc,
    taken: set[int],
    discovered: Iterable[str],
    abbreviations: Mapping[str, str],
    actors: Mapping[str, object],
) -> list[Mention]:
    """Names discovered earlier in the document, written again here where the
    recogniser missed them ("REPT Battero will supply ..."), and abbreviations defined
    earlier that stand for an actor of ``actors``: mentions too. ``taken`` are the
    tokens already in a mention or candidate."""
    by_first: dict[str, list[str]] = {}
    for name in discovered:
        by_first.setdefault(name.split()[0], []).append(name)
    out: list[Mention] = []
    text = doc.user_data.get("text") or doc.text
    if not any(w in text for w in by_first) and not any(a in text for a in abbreviations):
        return out  # (none of those words is written here)
    words = [t.text for t in doc]
    i = 0
    while i < len(doc):
        match = None
        if words[i] not in by_first and words[i] not in abbreviations:
            i += 1
            continue
        short = abbreviations.get(words[i])
        if i not in taken and short is not None and short in actors:
            # "BCS livre ...": an abbreviation defined earlier, which NER may not tag.
            out.append(Mention(short, i, i + 1, words[i], NAME))
            i += 1
            continue
        if i not in taken:
            for name in sorted(by_first.get(words[i], ()), key=len, reverse=True):
                n = len(name.split())
                for j in range(i + n, min(i + 2 * n + 1, len(doc) + 1)):
                    if " ".join(doc[i:j].text.split()) == name:
                        match = (name, j)
                        break
                if match:
                    break
        if match and not any(k in taken for k in range(i, match[1])):
            out.append(Mention(match[0], i, match[1], doc[i : match[1]].text, NAME))
            i = match[1]
        else:
            i += 1
    return out


__all__ = ["mentioned_again"]
