"""Boilerplate removal and paragraph building.

Web pages copied as text carry share buttons, comment forms, newsletter calls,
navigation and photo credits. The rules here look at the *form* of a line (short,
no sentence, dominated by link or call-to-action vocabulary in French or English,
a bare file name or address) rather than at a list of known lines, so that they
apply to seeds nobody has seen. A line repeated across several documents of the
corpus is also treated as boilerplate (site furniture), see :func:`repeated_lines`.

The boilerplate share of a document is counted in **words**: removed words divided by
the words of the text before removal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from .structure import strip_markdown as strip_markdown  # re-exported: its former home
from .text import LINE_END, match_key, word_count, words
from .wrapping import continues, join_lines, wrap_width

#: Lines longer than this (in words) are never treated as boilerplate by the vocabulary rules.
MAX_CTA_WORDS = 40
#: A "navigation" line has at most this many content words.
MAX_NAV_WORDS = 8
#: Lines of at most this many words repeated in several documents are site furniture.
MAX_REPEATED_LINE_WORDS = 12

# Social networks and sharing targets (also machine-translated forms such as "télégramme").
SOCIAL = {
    "facebook", "twitter", "linkedin", "pinterest", "instagram", "whatsapp", "telegram",
    "télégramme", "tiktok", "youtube", "reddit", "tumblr", "flipboard", "snapchat",
    "mastodon", "bluesky", "threads", "messenger", "viber", "vk", "x.com",
}  # fmt: skip

# Single words typical of buttons, menus and calls to action, French and English.
NAV_WORDS = SOCIAL | {
    "email", "e-mail", "mail", "courriel", "imprimer", "print", "partager", "partagez",
    "partage", "share", "shares", "tweet", "tweeter", "épingler", "commentaire",
    "commentaires", "commenter", "commentez", "comment", "comments", "reply", "répondre",
    "laisser", "laissez", "leave", "abonnez-vous", "abonner", "s'abonner", "abonnez",
    "abonnement", "subscribe", "subscription", "newsletter", "newsletters",
    "inscrivez-vous", "inscription", "s'inscrire", "signup", "login", "connexion",
    "lire", "voir", "read", "suite", "aussi", "also", "related", "similaires", "connexes",
    "sommaire", "contents", "retour", "back", "top", "accueil", "home", "menu",
    "rechercher", "search", "recherche", "précédent", "suivant", "previous", "next",
    "video", "vidéo", "vidéos", "videos", "publicité", "advertisement", "sponsored",
    "sponsorisé", "cookies", "cookie", "tags", "tag", "rss", "click", "cliquez",
    "cliquer", "ici", "here", "informé", "informée", "informés", "informed", "restez",
    "rester", "stay", "suivez-nous", "suivez", "suivre", "follow", "like", "j'aime",
}  # fmt: skip

# Multi-word navigation phrases, counted as navigation words as a whole.
NAV_PHRASES = [
    "table des matières", "table of contents", "retour en haut", "haut de page",
    "back to top", "rate this post", "en savoir plus", "read more", "lire la suite",
    "voir aussi", "lire aussi", "see also", "google news", "google actualités",
    "laisser un commentaire", "leave a comment", "leave a reply", "cliquez pour commenter",
    "click to comment", "sign up", "sign in", "log in", "se connecter", "mot de passe",
    "password", "tous droits réservés", "all rights reserved", "notez cet article",
    "noter cet article",
]  # fmt: skip

# Phrases that only a call to action uses (imperatives, second person, form notices).
_CTA_PATTERNS = (
    r"\babonnez[- ]vous\b", r"\binscrivez[- ]vous\b", r"\bsuivez[- ]nous\b",
    r"\brejoignez[- ]nous\b", r"\brest(?:ez|er)\b(?:\s+\S+){0,2}\s+inform",
    r"\bnous suivre\b", r"\bne (?:rien )?rat(?:er|ez)\b", r"\bne ratez rien\b",
    r"\bn'hésitez pas à (?:partager|commenter|nous)", r"\bpartagez (?:cet|cette|l')",
    r"\blaiss(?:er|ez) un commentaire\b", r"\bcliquez (?:ici|pour)\b",
    r"\bvotre adresse (?:e-?mail|électronique|de messagerie) ne sera pas publiée",
    r"\bchamps obligatoires\b", r"\b(?:notre|our) newsletter\b",
    r"\bsubscribe (?:to|now|for|here)\b", r"\bsign up (?:for|to|now|here)\b",
    r"\bfollow us\b", r"\bstay (?:informed|tuned|up[- ]to[- ]date)\b",
    r"\bleave a (?:comment|reply)\b", r"\byour email address will not be published",
    r"\brequired fields are marked\b", r"\bclick (?:here|to)\b",
    r"\bshare (?:this|on)\b", r"\bdon't miss\b", r"\bjoin our\b",
)  # fmt: skip
STRONG_CTA = re.compile("|".join(_CTA_PATTERNS), re.IGNORECASE)

# A line announcing links to other articles.
LEAD_IN = re.compile(
    r"^(?:(?:à|a) )?(?:lire|voir) (?:aussi|également|egalement|plus)\b"
    r"|^(?:read|see) (?:also|more)\b|^related(?: articles?| posts?| stories)?\b"
    r"|^sur le même sujet\b|^articles? (?:similaires|connexes|liés)\b|^more from\b",
    re.IGNORECASE,
)
# Picture credits: "Illustration www.freepik.com", "Photo : AFP", "© Getty Images".
CREDIT_START = re.compile(
    r"^(?:illustration|photos?|images?|crédits?(?: photo)?|credits?|©|copyright"
    r"|source (?:image|photo))\b|^©",
    re.IGNORECASE,
)
CREDIT_HINT = re.compile(
    r"©|\b[\w-]+\.(?:com|net|org|fr|io)\b|getty|shutterstock|freepik|unsplash|pexels|pixabay"
    r"|\bafp\b|reuters|\bap\b|adobe stock|istock|\bdr\b|:",
    re.IGNORECASE,
)
FILE_NAME = re.compile(
    r"^[\w\-.()%~+]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic|mp4|mov|webm|mp3|pdf)$",
    re.IGNORECASE,
)
URL = re.compile(
    r"^(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)[.!]?$", re.IGNORECASE
)

# Function words ignored when measuring how "navigational" a short line is.
STOPWORDS = {
    "a", "à", "au", "aux", "avec", "ce", "cet", "cette", "d", "de", "des", "du", "en", "et",
    "l", "la", "le", "les", "ma", "mes", "mon", "nos", "notre", "nous", "ou", "par", "pas",
    "plus", "pour", "sa", "ses", "son", "sur", "toujours", "un", "une", "vos", "votre",
    "vous", "an", "and", "at", "by", "for", "in", "of", "on", "or", "our", "the", "this",
    "to", "us", "with", "you", "your", "now", "all",
}  # fmt: skip


def _nav_density(line: str) -> tuple[int, float]:
    """Content-word count of ``line`` and the share of them that is navigation vocabulary."""
    key = f" {match_key(line)} "
    nav = 0
    for phrase in NAV_PHRASES:
        if f" {phrase} " in key:
            nav += len(phrase.split())
            key = key.replace(f" {phrase} ", " ")
    content = [w for w in key.split() if w not in STOPWORDS]
    phrase_words = nav
    nav += sum(1 for w in content if w in NAV_WORDS or "." in w)  # "." in a token: a domain
    total = phrase_words + len(content)
    return total, (nav / total if total else 0.0)


def _has_letters(line: str) -> bool:
    return any(c.isalpha() for c in line)


def boilerplate_reason(line: str, *, last_in_block: bool = True) -> str | None:
    """Why ``line`` is boilerplate, or ``None`` when it looks like content.

    ``last_in_block`` tells whether the line ends its block (a blank line or the end of
    the file follows); stray fragments are only recognised there, so that a hard-wrapped
    sentence's last short line is not taken for one.
    """
    text = line.strip()
    if not text:
        return None
    if not _has_letters(text):
        return "separator"
    if FILE_NAME.match(text):
        return "file name"
    if URL.match(text):
        return "address"
    n_words = word_count(text)
    lowered = text.casefold()
    if n_words <= MAX_CTA_WORDS and STRONG_CTA.search(lowered):
        return "call to action"
    if n_words <= 30 and LEAD_IN.match(lowered):
        return "link to other articles"
    if n_words <= 12 and CREDIT_START.match(text) and (n_words <= 3 or CREDIT_HINT.search(text)):
        return "picture credit"
    content, density = _nav_density(text)
    if content <= MAX_NAV_WORDS and density >= 0.6:
        return "navigation"
    tokens = {w.casefold() for w in words(text)}
    if n_words <= 60 and len(tokens & SOCIAL) >= 3:
        return "social media"
    # Leftover of an icon or a tag ("in" of a LinkedIn button): one or two lowercase words.
    if (
        last_in_block
        and n_words <= 2
        and text == text.lower()
        and not LINE_END.search(text)
        and not any(c.isdigit() for c in text)
    ):
        return "stray fragment"
    return None


def repeated_lines(texts: Iterable[str], min_documents: int = 3) -> set[str]:
    """Match keys of short lines that occur in at least ``min_documents`` documents.

    Headers, footers and share bars of one site repeat across its articles; a real
    sentence seldom does. Each document counts once per line.
    """
    return repeated_keys((short_line_keys(text) for text in texts), min_documents)


def repeated_keys(key_sets: Iterable[set[str]], min_documents: int = 3) -> set[str]:
    """Keys found in at least ``min_documents`` of ``key_sets`` (one set per document)."""
    counts: Counter[str] = Counter()
    for keys in key_sets:
        counts.update(keys)
    return {key for key, n in counts.items() if n >= min_documents}


def short_line_keys(text: str) -> set[str]:
    """Match keys of the short lines of one document (what :func:`repeated_lines` counts)."""
    keys = {match_key(line) for line in text.split("\n") if line.strip()}
    return {k for k in keys if k and len(k.split()) <= MAX_REPEATED_LINE_WORDS}


@dataclass
class CleanedText:
    """Result of :func:`remove_boilerplate`."""

    blocks: list[list[str]]
    removed_lines: int = 0
    removed_words: int = 0
    total_words: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """Removed words over all words before removal."""
        return self.removed_words / self.total_words if self.total_words else 0.0


def blocks_of(text: str) -> list[list[str]]:
    """Split text into blocks (separated by blank lines) of non-empty lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


#: Reasons that do not apply to a table row or a list item: short or letterless
#: lines ("lithium", "2023 ; 1 200.") are data there, not leftovers.
_NOT_FOR_STRUCTURE = {"separator", "stray fragment"}


def remove_boilerplate(
    text: str, repeated: set[str] | None = None, structured: Container[str] = frozenset()
) -> CleanedText:
    """Drop boilerplate lines from ``text`` and count them (lines and words).

    ``structured`` holds the lines written as table rows or list items
    (:func:`~analysis.corpus.structure.mark_structure`).
    """
    repeated = repeated or set()
    result = CleanedText(blocks=[])
    for block in blocks_of(text):
        kept: list[str] = []
        for i, line in enumerate(block):
            n = word_count(line)
            result.total_words += n
            reason = boilerplate_reason(line, last_in_block=i == len(block) - 1)
            if reason in _NOT_FOR_STRUCTURE and line in structured:
                reason = None
            if reason is None and match_key(line) in repeated:
                reason = "repeated across documents"
            if reason is None:
                kept.append(line)
            else:
                result.removed_lines += 1
                result.removed_words += n
                result.reasons[reason] += 1
        if kept:
            result.blocks.append(kept)
    return result


def paragraphs_from_blocks(blocks: list[list[str]], *, markdown: bool = False) -> list[str]:
    """Turn blocks of lines into paragraphs.

    Markdown: a block is one paragraph (single newlines are soft wraps). Plain text and
    HTML extracts: each line is a paragraph (web text often separates paragraphs by a
    single newline, as seed 002 does), except where a line continues the previous one
    (:func:`~analysis.corpus.wrapping.continues`: a lower-case start, or a block
    hard-wrapped at a fixed width).
    """
    paragraphs: list[str] = []
    for block in blocks:
        if markdown:
            paragraphs.append(" ".join(block))
            continue
        current = ""
        width = wrap_width(block)
        for line in block:
            if continues(current, line, width):
                current = join_lines(current, line)
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def looks_like_heading(paragraph: str) -> bool:
    """A short single line without final full stop that starts with a capital: a heading."""
    n = word_count(paragraph)
    first = next((c for c in paragraph if c.isalnum()), "")
    return (
        1 <= n <= 15
        and "\n" not in paragraph
        and not paragraph.rstrip().endswith((".", ",", ";"))
        and (first.isupper() or first.isdigit())
    )
