"""Finding seed files and turning their bytes into text.

Discovery is **not recursive**: only the files directly in the seeds folder are seeds.
Hidden files, sub-folders, the metadata sidecar and ``README*`` files are not seeds.
Nothing here ever writes to the seeds folder.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from analysis.corpus.study import STUDY_NAME

#: File types read as seeds.
SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm"}
#: Default size limit: larger files are skipped without being read.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Signatures of common binary formats that a seeds folder may receive by mistake.
_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
# Encodings of French and English text, tried on their own as well (see decode_bytes).
_WESTERN = ["utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32"]


@dataclass
class RawText:
    """What reading one file gives: text (or an empty string) and why not, if it failed."""

    text: str = ""
    encoding: str = ""
    problem: str = ""  # "" or a skip reason such as "binary data"
    warning: str = ""  # "" or why the text was read with a caution (the seed is flagged)


#: A UTF-8 text may hold this share of invalid bytes (replaced by U+FFFD and reported)
#: before it counts as undecodable; a stray byte must not turn a whole text into mojibake.
MAX_INVALID_UTF8_SHARE = 0.01


def _damaged_utf8(data: bytes) -> RawText | None:
    """UTF-8 text with a few invalid bytes, read as UTF-8 with those bytes reported.

    charset-normalizer would otherwise pick a single-byte code page that decodes every
    byte, turning each accented letter into two wrong ones.
    """
    try:
        data.decode("utf-8")
        return None  # valid UTF-8: charset-normalizer's answer is fine
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if multibyte == 0 or invalid > MAX_INVALID_UTF8_SHARE * len(data):
        return None
    return RawText(
        text=text,
        encoding="utf-8",
        warning=f"{invalid} undecodable byte{'' if invalid == 1 else 's'} replaced by \ufffd "
        "(read as UTF-8)",
    )


def is_candidate(path: Path, metadata_name: str) -> bool:
    """Whether a directory entry is a candidate seed (possibly one to skip with a reason)."""
    name = path.name
    if (
        name.startswith(".")
        or name in (metadata_name, STUDY_NAME)
        or name.upper().startswith("README")
    ):
        return False
    if path.is_symlink():
        return True  # judged later: a link may point outside the folder
    return path.is_file()


def discover(seeds_dir: Path, metadata_name: str) -> list[Path]:
    """Candidate seed files directly in ``seeds_dir``, sorted by name."""
    return sorted(
        (p for p in seeds_dir.iterdir() if is_candidate(p, metadata_name)),
        key=lambda p: unicodedata.normalize("NFC", p.name),
    )


def link_problem(path: Path, seeds_dir: Path) -> str:
    """Skip reason for a symbolic link that is broken or leads outside ``seeds_dir``."""
    if not path.is_symlink():
        return ""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken symbolic link"
    if not target.is_relative_to(seeds_dir.resolve()):
        return "symbolic link pointing outside the seeds folder (not followed)"
    if not target.is_file():
        return "symbolic link to something that is not a file"
    return ""


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file, read in chunks (bounded memory even for huge files)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _looks_binary(data: bytes) -> bool:
    """Binary signatures, or many control bytes in the first 8 KiB."""
    if data.startswith(_MAGIC):
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(sample)


def _mostly_text(text: str) -> bool:
    """Whether decoded text is made of printable characters (not decoded noise)."""
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for c in sample if c == "\ufffd" or (not c.isprintable() and c not in "\n\r\t"))
    return bad <= 0.02 * len(sample)


def _detect(data: bytes, encodings: list[str] | None = None) -> list:
    """charset-normalizer's candidate readings of ``data`` (best first), or ``[]``."""
    try:
        return list(charset_normalizer.from_bytes(data, cp_isolation=encodings))
    except Exception as error:  # a library failure must not stop the build
        logging.getLogger(__name__).warning("charset-normalizer failed: %s", error)
        return []


def decode_bytes(data: bytes) -> RawText:
    """Detect the encoding of ``data`` with charset-normalizer and decode it.

    A byte-order mark decides first. Otherwise charset-normalizer ranks candidate
    encodings; a Western European reading is preferred when it is as good as the best.
    NUL bytes that no UTF-16/32 reading explains mean binary data.
    """
    if not data.strip():
        return RawText(problem="empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return RawText(problem="undecodable")
            return RawText(text=text, encoding=encoding.replace("-sig", " with BOM"))
    if data.startswith(_MAGIC):
        return RawText(problem="binary data")
    if b"\x00" not in data and (damaged := _damaged_utf8(data)) is not None:
        return damaged
    matches = _detect(data)
    western = _detect(data, _WESTERN)
    if not matches and not western:
        return RawText(problem="binary data" if _looks_binary(data) else "undecodable")
    chosen = matches[0] if matches else western[0]
    # charset-normalizer stops at the first clean reading, which for short texts can be
    # an exotic code page: a Western reading as clean and as coherent is preferred.
    if western and (
        western[0].chaos <= chosen.chaos + 0.02 and western[0].coherence >= chosen.coherence - 0.05
    ):
        chosen = western[0]
    text = str(chosen)
    if "\x00" in text or not _mostly_text(text):
        return RawText(problem="binary data" if b"\x00" in data else "undecodable")
    if b"\x00" in data and not chosen.encoding.startswith(("utf_16", "utf_32")):
        return RawText(problem="binary data")
    return RawText(text=text, encoding=chosen.encoding.replace("_", "-"))


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawText:
    """Read and decode one file, checking its size before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        return RawText(problem=f"file too large ({size} bytes > {max_bytes})")
    if size == 0:
        return RawText(problem="empty file")
    return decode_bytes(path.read_bytes())
