"""Subtitles (SRT, WebVTT): cues joined back into the sentences they cut.

A subtitle file cuts speech into cues of a line or two, each under its number and its
time code, and a sentence often runs over two or three cues ("A year later the
Yekaterinburg group" / "Irbis Holding bought the site."). Read cue by cue, every cue
would be a paragraph, and a name at a cue's start would open a new sentence.

A text is subtitles when at least :data:`MIN_CUES` lines are time codes ("00:00:24,410
--> 00:00:28,095") and they head most of its blocks. Its numbers and time codes are
dropped, and a cue goes on with the one before it when that one did not end a sentence,
unless either is a caption ("PRIYA NAIR | Reporting from Pervouralsk") or a sound note
("[engine noise]"), or the cue opens with a speaker's label ("NARRATOR:", "[REPORTER]"):
those stand alone.
"""

from __future__ import annotations

import re

from .clean import blocks_of
from .text import LINE_END

#: A cue's time code line: SRT ("00:00:24,410 --> 00:00:28,095") or WebVTT.
TIME_CODE = re.compile(
    r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}.*$"
)
#: A cue's number, alone on its line.
CUE_NUMBER = re.compile(r"^\s*\d{1,5}\s*$")
#: How many time codes make a text subtitles.
MIN_CUES = 3
#: A caption (a lower third: "NAME | Role") or a sound note ("[engine noise]").
_STANDALONE = re.compile(r"\||^\[[^\]]*\]$|^\([^)]*\)$")
#: A speaker's label opening a cue ("NARRATOR:", "[REPORTER]", "- ").
_SPEAKER = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{1,40}:|\[[^\]]+\]|-\s)")


def is_subtitles(text: str) -> bool:
    """Do time codes head most of the blocks of ``text``, at least :data:`MIN_CUES`?"""
    blocks = blocks_of(text)
    timed = sum(any(TIME_CODE.match(line) for line in block[:2]) for block in blocks)
    return timed >= MIN_CUES and timed >= 0.5 * len(blocks)


def cues_to_prose(text: str) -> str:
    """The text of ``text``'s cues, without numbers and time codes, a cue joined to the
    one before it where that one's sentence goes on; paragraphs are separated by a blank
    line."""
    paragraphs: list[str] = []
    for block in blocks_of(text):
        lines = [line for line in block if not TIME_CODE.match(line)]
        if lines and CUE_NUMBER.match(lines[0]) and len(lines) < len(block):
            lines = lines[1:]
        cue = " ".join(lines).strip()
        if not cue:
            continue
        last = paragraphs[-1] if paragraphs else ""
        if (
            last
            and not LINE_END.search(last)
            and not _STANDALONE.search(last)
            and not _STANDALONE.search(cue)
            and not _SPEAKER.match(cue)
        ):
            paragraphs[-1] = f"{last} {cue}"
        else:
            paragraphs.append(cue)
    return "\n\n".join(paragraphs) + "\n"
