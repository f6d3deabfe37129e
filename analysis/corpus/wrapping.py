"""Hard-wrapped plain text: text pasted from a PDF or an e-mail, broken at a fixed width.

Plain text usually puts one paragraph on a line, so a line is a paragraph unless it
starts in lower case after a line that did not end a sentence. Hard-wrapped text also
breaks before capitalised words ("... a joint venture of the dealer group" /
"Ulmotors Group JSC (51%) and ..."), and reading each such line as a paragraph cuts
sentences, and names, in two.

A block is hard-wrapped when most of its lines fill a narrow column (the longest line
is at most :data:`MAX_WIDTH` characters and most lines come close to it) and some of
them start in lower case, as running prose broken at a width does. A list of names, a
header of "Label: value" lines or a column of figures fills a column too, but hardly
any of its lines starts in lower case. Inside a hard-wrapped block a line that fills
the column without ending a sentence was broken by the width, so the next line
continues it whatever its first letter. A short line (a heading, a signature, the last
line of a paragraph) and a line led by a dash or a bullet still end their paragraph.
"""

from __future__ import annotations

import re

from .text import LINE_END

#: Widest column read as a hard wrap; lines of web text pasted one paragraph per line
#: are longer than this.
MAX_WIDTH = 130
#: Narrowest column read as a hard wrap (below it, lists of short items look alike).
MIN_WIDTH = 40
#: A line fills the column when it is at least this share of the block's widest line.
FILL = 0.7
#: Share of a block's lines (the last one aside) that must fill the column.
FILLED_SHARE = 0.6
#: Share of a block's lines (the first one aside) that must start in lower case.
LOWER_SHARE = 0.2

#: Words no sentence, heading or list item ends with (articles, prepositions,
#: conjunctions, relative pronouns): a line ending with one goes on in the next.
OPEN_ENDS = frozenset(
    re.findall(
        r"\S+",
        "the a an of to in on at by for with from and or but which that whose who "
        "le la les l' de du des d' à au aux dans par pour avec sur et ou qui que dont un une "
        "и в на с по из к от для что который которая которое которые",
    )
)
#: A line led by a dash or a bullet starts an item of its own.
ITEM_START = re.compile(r"^[—–\-•·*▪►]\s")
#: A word broken at the line end with a hyphen ("show-" / "rooms").
BROKEN_WORD = re.compile(r"[^\W\d_]-$")


def wrap_width(block: list[str]) -> int | None:
    """The column width of a hard-wrapped block of lines, or ``None`` if it is not one."""
    if len(block) < 3:
        return None
    width = max(len(line) for line in block)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    body = block[:-1]
    filled = sum(1 for line in body if len(line) >= FILL * width)
    lower = sum(1 for line in block[1:] if line[:1].islower())
    wrapped = filled >= FILLED_SHARE * len(body) and lower >= LOWER_SHARE * (len(block) - 1)
    return width if wrapped else None


def continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` (both stripped).

    Everywhere: a lower-case start after a line that did not end a sentence, and any
    start after a line that ends with a word no sentence ends with (:data:`OPEN_ENDS`).
    In a hard-wrapped block (``width`` given): also any start after a line that filled
    the column without ending a sentence.
    """
    if not previous or LINE_END.search(previous):
        return False
    if line[:1].islower():
        return True
    # "... held by Honghe Resources (Hong Kong) Limited, which" / "Guangxi Honghe owns it":
    # no sentence, heading or item ends with an article, a preposition or a conjunction.
    last = previous.rsplit(None, 1)[-1].lower()
    if last in OPEN_ENDS and not ITEM_START.match(line):
        return True
    return width is not None and len(previous) >= FILL * width and not ITEM_START.match(line)


def join_lines(previous: str, line: str) -> str:
    """``previous`` and its continuation ``line``, a word broken by a hyphen rejoined."""
    if BROKEN_WORD.search(previous) and line[:1].isalpha():
        return previous + line
    return f"{previous} {line}"


#: An e-mail's quote marker at a line's start ("> ", "> > ", ">>").
QUOTE_MARKER = re.compile(r"^(?:[ \t]*>)+[ \t]?", re.MULTILINE)
#: How many quoted lines make a plain text an e-mail thread.
MIN_QUOTED = 3


def without_quote_markers(text: str) -> str:
    """``text`` without the quote markers an e-mail client puts before the lines of an
    earlier message ("> Dear Claire,"), when at least :data:`MIN_QUOTED` lines have one:
    the quoted message is read as text (a line left empty by it separates paragraphs)."""
    if len(QUOTE_MARKER.findall(text)) < MIN_QUOTED:
        return text
    return QUOTE_MARKER.sub("", text)
