"""Requirement 2: encodings detected (not assumed), broken files skipped with a reason."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from corpus_samples import FRENCH_BODY, FRENCH_TITLE, article

from analysis.corpus import load_corpus
from analysis.corpus.reader import decode_bytes

SENTENCE = "L'État a déçu les élèves : « Où est passé le cœur de l'été ? »"
TEXT = article(body=[SENTENCE, *FRENCH_BODY])


def only(seeds: Path):
    (doc,) = load_corpus(seeds).documents
    return doc


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),  # no BOM: detected from the byte pattern
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_encodings_are_read(seeds: Path, write, encoding: str, bom: bytes) -> None:
    text = TEXT.replace("œ", "oe") if encoding == "latin-1" else TEXT
    write("a.txt", bom + text.encode(encoding))
    doc = only(seeds)
    assert doc.status == "ok"
    assert doc.encoding
    assert doc.title == FRENCH_TITLE
    assert doc.paragraphs[1].text == SENTENCE.replace("œ", "oe" if encoding == "latin-1" else "œ")
    assert "é" in doc.text and "Ã" not in doc.text


def test_recorded_encodings() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode()).encoding == "utf-8 with BOM"
    assert decode_bytes(TEXT.encode("utf-16")).encoding == "utf-16"
    assert decode_bytes(TEXT.encode("cp1252")).encoding in {"cp1252", "latin-1", "iso8859-15"}
    # A one-sentence cp1252 text is still read as Western European, not as an exotic code
    # page (charset-normalizer alone picks cp1257 or cp1250 for some short texts).
    for short in ["Déjà vu", "Le véhicule électrique arrivera en été."]:
        assert decode_bytes(short.encode("cp1252")).text == short


def test_empty_and_blank_files(seeds: Path, write) -> None:
    write("empty.txt", b"")
    write("blank.txt", b"  \n\n \t\n")
    corpus = load_corpus(seeds)
    assert {d.status for d in corpus.documents} == {"skipped: empty file"}
    assert "seeds/empty.txt: skipped: empty file" in corpus.messages


def test_binary_data(seeds: Path, write) -> None:
    write("nul.txt", b"abc\x00\x01\x02\x03" * 200 + os.urandom(64))
    write("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    write("random.txt", os.urandom(4096))
    docs = load_corpus(seeds).documents
    assert {d.id: d.status for d in docs} == {
        "nul": "skipped: binary data",
        "png": "skipped: binary data",
        "random": "skipped: binary data",
    }


def test_undecodable_bytes(seeds: Path, write) -> None:
    # UTF-8 text broken by stray bytes: read as UTF-8, the bytes replaced and reported,
    # rather than the whole text decoded as another code page (mojibake).
    write("mixed.txt", TEXT.encode() + b"\xff\xfe\x81" + TEXT.encode())
    corpus = load_corpus(seeds)
    (doc,) = corpus.documents
    assert doc.status == "flagged: 3 undecodable bytes replaced by \ufffd (read as UTF-8)"
    assert doc.encoding == "utf-8" and "Ã" not in doc.text
    assert any("mixed.txt" in m and "undecodable" in m for m in corpus.messages)


def test_mostly_invalid_utf8_is_not_read_as_utf8(seeds: Path, write) -> None:
    write("noise.txt", "é".encode() + bytes(range(0x80, 0xFF)) * 4)
    doc = only(seeds)
    assert doc.encoding != "utf-8"


def test_large_file_skipped_without_reading(seeds: Path, write, monkeypatch) -> None:
    write("big.txt", TEXT * 50)
    size = (seeds / "big.txt").stat().st_size

    def fail(*_args, **_kwargs):
        raise AssertionError("a file over the limit must not be read whole")

    monkeypatch.setattr(Path, "read_bytes", fail)
    corpus = load_corpus(seeds, max_bytes=1000)
    (doc,) = corpus.documents
    assert doc.status == f"skipped: file too large ({size} bytes > 1000)"
    assert doc.sha256  # hashed in chunks
    assert corpus.messages == [f"seeds/big.txt: {doc.status}"]


def test_default_limit_is_50_megabytes() -> None:
    from analysis.corpus.reader import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
