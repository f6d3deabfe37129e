"""The stage a sentence states for a relation: stage words (``stages.yaml``) near its cue."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from analysis.events.model import STAGES, UNSTATED, lexicon, rank


@cache
def _patterns(language: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(stage, word, pattern) for every stage word of ``language`` (English otherwise),
    longest words first so that an overlap keeps the longer one."""
    words = []
    for stage in STAGES:
        cues = lexicon()["cues"][stage]
        for word in cues.get(language) or cues.get("en", []):
            word = str(word)
            pattern = re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])", re.IGNORECASE)
            words.append((stage, word, pattern))
    words.sort(key=lambda item: -len(item[1]))
    return tuple(words)


def _excluded(flat: str) -> list[tuple[int, int]]:
    spans = []
    for phrase in lexicon().get("exclude", []):
        pattern = re.compile(r"(?<![\w])" + re.escape(str(phrase)) + r"(?![\w])", re.IGNORECASE)
        spans += [(m.start(), m.end()) for m in pattern.finditer(flat)]
    return spans


def stage_words(text: str, language: str) -> list[tuple[int, int, str, str]]:
    """(start, end, stage, word) of each stage word in ``text``, overlaps resolved and
    words inside an excluded phrase left out."""
    flat = str(text).replace("\u2019", "'")
    taken: list[tuple[int, int, str, str]] = [(a, b, "", "") for a, b in _excluded(flat)]
    lowered = flat.lower()
    for stage, word, pattern in _patterns(language):
        if word.lower() not in lowered:
            continue
        for match in pattern.finditer(flat):
            if any(match.start() < end and start < match.end() for start, end, _, _ in taken):
                continue
            taken.append((match.start(), match.end(), stage, word))
    return sorted(w for w in taken if w[2])


def _find(flat: str, cue: str) -> int:
    return flat.lower().find(str(cue).replace("\u2019", "'").lower()) if cue else -1


def stage_of(
    text: str, cue: str, language: str, other_cues: Iterable[str] = (), relation: str = ""
) -> tuple[str, str]:
    """The furthest stage ``text`` states near the relation's ``cue``, and its word.

    "Near" is ``stages.yaml``'s window around the cue's first occurrence, not crossing a
    boundary, and nearer to this cue than to any of ``other_cues`` (the cues of the
    sentence's other relations). The whole sentence when the cue is not found as written.
    Stages ``relation`` cannot have are ignored; a framing stage near the cue ("in talks
    with X about assembling") wins over the later stages it frames. :data:`UNSTATED` and
    "" when no stage word is near.
    """
    excluded = set(lexicon().get("not_for", {}).get(relation, []))
    flat = str(text).replace("\u2019", "'")
    window = lexicon()["window"]
    at = _find(flat, cue)
    if at < 0:
        low, high = 0, len(flat)
    else:
        low, high = at - window["before"], at + len(cue) + window["after"]
        for boundary in lexicon()["boundaries"]:
            before = flat.lower().rfind(boundary, 0, at)
            after = flat.lower().find(boundary, at + len(cue))
            low = max(low, before + len(boundary)) if before >= 0 else low
            high = min(high, after) if after >= 0 else high
    others = [p for p in (_find(flat, c) for c in other_cues if c != cue) if p >= 0 and p != at]
    near = []
    for start, end, stage, word in stage_words(flat, language):
        if not (start < high and low < end) or stage in excluded:
            continue
        mine = abs(start - at) if at >= 0 else 0
        on_cue = at >= 0 and start < at + len(cue) and at < end
        if at >= 0 and not on_cue and any(abs(start - p) < mine for p in others):
            continue
        near.append((rank(stage), -mine, stage, word))
    if not near:
        return UNSTATED, ""
    framing = [n for n in near if n[2] in lexicon()["framing"]]
    _, _, stage, word = max(framing or near)
    return stage, word
