"""Corpus reader: a seeds folder in, cleaned :class:`Document` objects out.

Public API::

    corpus = load_corpus(Path("seeds"))      # Corpus(documents=[...], messages=[...])
    rows, messages = read_metadata(Path("seeds/provenance.csv"))

Each candidate file (``.txt``, ``.md``, ``.html``/``.htm`` and anything else found
directly in the folder, except hidden files, ``README*`` and the metadata sidecar)
gives one :class:`Document`, whose ``status`` is ``"ok"``, ``"flagged: <reason>"``
(usable, with a caveat) or ``"skipped: <reason>"``. See ``loader.py`` for the steps.
"""

from .loader import Corpus, load_corpus
from .metadata import read_metadata
from .model import STATUS_OK, Document, Paragraph, usable_status

__all__ = [
    "STATUS_OK",
    "Corpus",
    "Document",
    "Paragraph",
    "load_corpus",
    "read_metadata",
    "usable_status",
]
