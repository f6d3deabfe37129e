"""Data model shared by the corpus reader and the extraction stage.

This is the contract between ``analysis.corpus`` (reading and cleaning seeds) and
``analysis.extraction`` (actors, relations, figures). Keep it small and stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Status of a document that was read and cleaned without problem.
STATUS_OK = "ok"


def usable_status(status: str) -> bool:
    """Whether a document with this status is analysed: read without problem, or read with
    a caveat (``"flagged: …"``); a ``"skipped: …"`` document is not. The one home of the
    rule: :attr:`Document.usable` and the report's ``usable_documents`` both use it."""
    return status == STATUS_OK or status.startswith("flagged:")


#: Values of :attr:`Paragraph.kind`.
KIND_TEXT = "text"
KIND_HEADING = "heading"
KIND_TABLE_ROW = "table_row"
KIND_LIST_ITEM = "list_item"
PARAGRAPH_KINDS = (KIND_TEXT, KIND_HEADING, KIND_TABLE_ROW, KIND_LIST_ITEM)


@dataclass(frozen=True)
class Paragraph:
    """One cleaned paragraph of a document.

    ``index`` is the paragraph's position among the document's *kept* paragraphs
    and is the middle part of sentence ids (``document:paragraph:sentence``).
    ``duplicate_of`` names the paragraph (``document:paragraph``) this one repeats,
    exactly or nearly; duplicates are kept for provenance but skipped by extraction.

    ``kind`` says where the paragraph comes from: ``"text"`` (running text),
    ``"heading"`` (the same as ``heading=True``; either one sets the other),
    ``"table_row"`` (one data row of a table, written as a sentence that carries the
    header labels, e.g. ``Haval — ventes 2024 (unités) : 170 000 ; part de marché :
    10,5 %.``; header rows never become paragraphs) or ``"list_item"`` (one item of a
    bulleted or numbered list, marker removed).
    """

    index: int
    text: str
    duplicate_of: str | None = None
    #: Short line without final full stop (a headline or a section heading).
    heading: bool = False
    #: One of :data:`PARAGRAPH_KINDS`.
    kind: str = KIND_TEXT
    #: A table row's first column header, lower-cased ("client", "assembleur"; ``""``
    #: for other paragraphs or a table without one): what the row's subject is, which
    #: its sentence leaves out ("Kama Power — fournisseur : X" is a client's row).
    row_header: str = ""

    def __post_init__(self) -> None:
        if self.kind not in PARAGRAPH_KINDS:
            raise ValueError(f"unknown paragraph kind {self.kind!r}")
        # Keep the older flag and the kind in step for callers that set only one of them.
        if self.heading and self.kind == KIND_TEXT:
            object.__setattr__(self, "kind", KIND_HEADING)
        elif self.kind == KIND_HEADING:
            object.__setattr__(self, "heading", True)


@dataclass
class Document:
    """A seed after reading and cleaning.

    ``id`` is the file name without its suffix (stable across runs, used as the
    BibTeX key stem and in every table). ``status`` is ``"ok"`` or a short reason
    why the document was skipped or flagged (e.g. ``"skipped: empty file"``).
    Extraction only runs on documents whose status is ``"ok"`` or starts with
    ``"flagged:"``.
    """

    id: str
    path: Path
    sha256: str
    status: str = STATUS_OK
    title: str = ""
    language: str = ""
    encoding: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    words: int = 0
    boilerplate_lines: int = 0
    boilerplate_share: float = 0.0
    repetition_share: float = 0.0
    metadata: dict[str, str] = field(default_factory=dict)
    #: True when the text has no headline and ``title`` was made from its first sentence.
    title_derived: bool = False
    #: Words in paragraphs marked ``duplicate_of``, over ``words``.
    duplicate_paragraph_share: float = 0.0
    #: Words in sentences restating an earlier sentence (paraphrase), over ``words``.
    restated_share: float = 0.0

    @property
    def usable(self) -> bool:
        return usable_status(self.status)

    @property
    def text(self) -> str:
        """Cleaned text, paragraphs separated by blank lines (duplicates included)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def unique_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.duplicate_of is None]
