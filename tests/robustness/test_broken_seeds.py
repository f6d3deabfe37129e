"""Issue 6, "Broken seeds": every broken seed is reported, listed, skipped or read; the book builds.

The reader-level tests run in seconds; the ``e2e`` ones share ONE build of the broken +
hostile seeds folder (``hostile_book``), plus two quick ``--strict`` runs that stop
before any notebook runs.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from analysis.bibliography import seed_key
from analysis.corpus import load_corpus
from analysis.corpus.reader import decode_bytes
from tests.robustness.conftest import ROOT, SeedBook, html_pages, run_build
from tests.robustness.seedgen import (
    ACCENTED_NAME,
    BASE_ARTICLE,
    CP1252_TITLE,
    HUGE_BYTES,
    OUTSIDE_SECRET,
    UTF16_TITLE,
    SeedFolder,
    make_broken_hostile_seeds,
    snapshot,
)


def doc_id(name: str) -> str:
    return unicodedata.normalize("NFC", Path(name).stem)


def problems(folder: SeedFolder) -> dict[str, str]:
    """File name -> expected status, for the files that are not simply read."""
    return {name: status for name, status in folder.expected.items() if status != "ok"}


def page_text(path: Path) -> str:
    """A page's text as a reader sees it (tags dropped, entities decoded, spaces collapsed)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    return text.replace("\u2019", "'")  # Sphinx's smart quotes: compared as typed


def section_text(page: Path, section_id: str) -> str:
    """Text of the ``<section id=...>`` of a Sphinx page, up to the next section or the end."""
    raw = page.read_text(encoding="utf-8")
    start = raw.find(f'id="{section_id}"')
    assert start >= 0, f"{page.name} has no section {section_id!r}"
    end = raw.find("<section", start + 1)
    chunk = raw[start : end if end > 0 else len(raw)]
    chunk = re.sub(r"<(script|style)\b.*?</\1>", " ", chunk, flags=re.S | re.I)
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", chunk)))
    return text.replace("\u2018", "'").replace("\u2019", "'")


# --- the reader alone (fast) -------------------------------------------------------------


def test_reader_gives_each_broken_seed_its_status(tmp_path: Path) -> None:
    folder = make_broken_hostile_seeds(tmp_path)
    corpus = load_corpus(folder.path)
    statuses = {d.id: d.status for d in corpus.documents}
    wrong = {
        name: (statuses.get(doc_id(name)), expected)
        for name, expected in folder.expected.items()
        if expected != "flagged: no actor"  # judged by extraction, checked on the build
        and not str(statuses.get(doc_id(name))).startswith(expected)
        and not (name == "undecodable.txt" and str(statuses.get(doc_id(name))).startswith("skip"))
    }
    assert not wrong, f"file: (status, expected prefix): {wrong}"


def test_file_over_50_mb_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "base.txt").write_text(BASE_ARTICLE, encoding="utf-8")
    load_corpus(seeds)  # warm-up: imports and the language model's tables are not the seed
    huge = seeds / "huge.txt"
    with huge.open("wb") as handle:  # real text, so that reading it would have worked
        block = ("Kamaz produira des camions en Russie selon Reuters. " * 20 + "\n").encode()
        while handle.tell() <= HUGE_BYTES:
            handle.write(block * 512)
    tracemalloc.start()
    try:
        corpus = load_corpus(seeds)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    status = {d.id: d.status for d in corpus.documents}
    assert status["huge"].startswith("skipped: file too large"), status
    assert status["base"] == "ok", status
    assert any("huge.txt" in m and "too large" in m for m in corpus.messages), corpus.messages
    assert peak < 16 * 1024 * 1024, (
        f"reading a folder with a {huge.stat().st_size / 2**20:.0f} MiB seed peaked at "
        f"{peak / 2**20:.1f} MiB of Python memory: the file was read"
    )


def test_stray_bytes_in_utf8_text_are_reported_not_turned_into_mojibake() -> None:
    data = BASE_ARTICLE.encode("utf-8")
    for damaged in (
        data[:300] + b"\xff\xfe\x81" + data[300:],  # a few undecodable bytes
        data + "Un café à Paris.\n".encode("cp1252"),  # one line in another encoding
    ):
        raw = decode_bytes(damaged)
        assert "abandonnée" in raw.text, f"read as {raw.encoding}: {raw.text[:120]!r}"
        assert "undecodable" in raw.warning, f"the bad bytes are not reported: {raw!r}"


# --- the build (one shared build of the broken + hostile folder) ------------------------


@pytest.mark.e2e
def test_each_problem_has_a_one_line_message_naming_file_and_reason(
    hostile_book: SeedBook,
) -> None:
    lines = hostile_book.log.splitlines()
    seeds_name = hostile_book.seeds.path.name
    for name, expected in problems(hostile_book.seeds).items():
        if expected == "flagged: no actor":
            continue  # its own test below (a known gap)
        matching = [
            line
            for line in lines
            if "seed problem" in line and f"{seeds_name}/{name}: {expected}" in line
        ]
        if name == "undecodable.txt":  # any reason will do (it reads as 2 words of Korean)
            matching = [line for line in lines if f"{seeds_name}/{name}: skipped" in line]
        assert len(matching) == 1, f"{name}: expected one log line with {expected!r}: {matching}"
    for line_number in (5, 6):
        assert any(f"provenance.csv:{line_number}: malformed row" in line for line in lines), (
            f"no message for the malformed provenance.csv row on line {line_number}"
        )
    assert any("provenance.csv" in line and "ghost_seed" in line for line in lines)


@pytest.mark.e2e
def test_documents_csv_has_every_file_with_its_status(hostile_book: SeedBook) -> None:
    documents = pd.read_csv(hostile_book.data / "documents.csv", dtype=str, keep_default_na=False)
    status = dict(zip(documents["document"], documents["status"], strict=True))
    for name, expected in hostile_book.seeds.expected.items():
        if expected == "flagged: no actor":
            continue
        got = status.get(doc_id(name))
        assert got is not None, f"{name} missing from documents.csv"
        if name == "undecodable.txt":
            assert got.startswith("skipped:"), f"{name}: {got}"
        else:
            assert got.startswith(expected), f"{name}: status {got!r}, expected {expected!r}"
    messages = (hostile_book.data / "messages.txt").read_text(encoding="utf-8")
    assert "provenance.csv:5: malformed row ignored" in messages


@pytest.mark.e2e
def test_corpus_chapter_lists_every_skipped_or_flagged_file(hostile_book: SeedBook) -> None:
    table = section_text(hostile_book.html / "chapters" / "corpus.html", "skipped-or-flagged-files")
    documents = pd.read_csv(hostile_book.data / "documents.csv", dtype=str, keep_default_na=False)
    for row in documents[documents["status"] != "ok"].itertuples():
        assert f"{row.document} {row.status}" in table, (
            f"{row.document} ({row.status}) not in the Corpus chapter's skipped/flagged table"
        )
    assert "provenance.csv:5: malformed row ignored" in table
    assert "provenance.csv:6: malformed row ignored" in table


@pytest.mark.e2e
def test_utf16_and_cp1252_seeds_are_read_with_their_accents(hostile_book: SeedBook) -> None:
    documents = pd.read_csv(hostile_book.data / "documents.csv", dtype=str, keep_default_na=False)
    rows = documents.set_index("document")
    for seed, title in (("cp1252_article", CP1252_TITLE), ("utf16_article", UTF16_TITLE)):
        assert rows.at[seed, "status"] == "ok", rows.loc[seed].to_dict()
        assert rows.at[seed, "language"] == "fr"
        assert rows.at[seed, "title"] == title, f"{seed}: title {rows.at[seed, 'title']!r}"
        corpus = page_text(hostile_book.html / "chapters" / "corpus.html")
        assert title in corpus, f"{seed}'s accented title not in the Corpus chapter"
    # UTF-8 with three invalid bytes: read as UTF-8 (flagged), its accents intact.
    stray = rows.loc["stray_bytes"]
    assert stray["status"].startswith("flagged: 3 undecodable byte"), stray.to_dict()
    assert stray["title"] == "Le chinois Geely ouvre une usine d'assemblage en Biélorussie"
    everything = " ".join(page_text(p) for p in html_pages(hostile_book.html))
    for word in ("Œuvre", "été 2024", "Oulianovsk", "coentreprise"):
        assert word in everything or word in (hostile_book.data / "sentences.csv").read_text(
            encoding="utf-8"
        ), f"{word!r} lost"
    assert "Ã" not in everything, "mojibake (UTF-8 read as Latin-1) in the HTML book"


@pytest.mark.e2e
def test_file_name_with_spaces_and_accents_is_read_and_cited(hostile_book: SeedBook) -> None:
    documents = pd.read_csv(hostile_book.data / "documents.csv", dtype=str, keep_default_na=False)
    row = documents[documents["document"] == ACCENTED_NAME]
    assert len(row) == 1, f"{ACCENTED_NAME!r} not in documents.csv"
    assert row.iloc[0]["status"] == "ok"
    title = "Geely et Haval se partagent le marché russe des SUV électriques"
    assert title in page_text(hostile_book.html / "chapters" / "corpus.html")
    bibliography = page_text(hostile_book.html / "chapters" / "bibliography.html")
    # Lower-cased: the bibliography style changes the titles' case (see test_hostile_seeds).
    assert title.lower() in bibliography.lower(), "the accented seed is not in the bibliography"
    assert ACCENTED_NAME in bibliography, "the seed's file name is not in its BibTeX note"
    # Its citation (key made from the name by seed_key) resolves to its bibliography entry.
    raw = html.unescape((hostile_book.html / "chapters" / "corpus.html").read_text("utf-8"))
    citations = re.findall(r'<a [^>]*href="bibliography\.html#[^"]+" title="([^"]*)"', raw)
    assert any(f"Seed article {ACCENTED_NAME};" in c for c in citations), (
        f"the Corpus chapter has no citation of {seed_key(ACCENTED_NAME)} that resolves"
    )


@pytest.mark.e2e
def test_symbolic_link_outside_is_not_followed(hostile_book: SeedBook) -> None:
    for path in [*hostile_book.build_dir.rglob("*.html"), *hostile_book.data.glob("*")]:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert OUTSIDE_SECRET not in text, f"{path} holds text read through the link"
    pdf = subprocess.run(
        ["pdftotext", str(hostile_book.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert OUTSIDE_SECRET not in pdf
    assert hostile_book.outside_after == hostile_book.outside_before


@pytest.mark.e2e
def test_seeds_folder_is_never_written(hostile_book: SeedBook) -> None:
    after = snapshot(hostile_book.seeds.path)
    assert hostile_book.after == hostile_book.before, "the build changed the seeds folder"
    changed = {
        k: (hostile_book.before.get(k), v)
        for k, v in after.items()
        if hostile_book.before.get(k) != v
    }
    assert not changed, f"seeds folder changed (entry: before, after): {changed}"


@pytest.mark.e2e
def test_seed_with_no_actor_is_flagged(hostile_book: SeedBook) -> None:
    documents = pd.read_csv(hostile_book.data / "documents.csv", dtype=str, keep_default_na=False)
    status = documents.set_index("document").at["no_actor", "status"]
    assert status.startswith("flagged:") and "actor" in status, f"no_actor: status {status!r}"
    assert any("no_actor.txt" in line and "actor" in line for line in hostile_book.log.splitlines())
    table = section_text(hostile_book.html / "chapters" / "corpus.html", "skipped-or-flagged-files")
    assert "no_actor" in table


def _strict_failure_names_the_problems(output: str, folder: SeedFolder) -> None:
    assert "STRICT" in output or "strict" in output, output[-2000:]
    for name, expected in problems(folder).items():
        if expected == "flagged: no actor":
            continue
        assert name in output, f"the strict failure does not name {name}:\n{output[-3000:]}"


@pytest.mark.e2e
def test_strict_build_fails_naming_the_problems(hostile_seeds: SeedFolder, tmp_path: Path) -> None:
    before = snapshot(hostile_seeds.path)
    build_dir = tmp_path / "_build"
    result = run_build(
        "--seeds", str(hostile_seeds.path), "--build-dir", str(build_dir), "--strict"
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"--strict accepted a folder of broken seeds:\n{output[-3000:]}"
    _strict_failure_names_the_problems(output, hostile_seeds)
    assert not (build_dir / "html").exists(), "a strict failure published a book"
    assert snapshot(hostile_seeds.path) == before


@pytest.mark.e2e
def test_make_book_strict_fails_with_a_non_zero_exit(
    hostile_seeds: SeedFolder, tmp_path: Path
) -> None:
    build_dir = tmp_path / "_build"
    result = subprocess.run(
        [
            "make",
            "-C",
            str(ROOT),
            "book",
            f"VENV={sys.prefix}",
            "STRICT=1",
            f"SEEDS={hostile_seeds.path}",
            f"BUILD_DIR={build_dir}",
            "FORMATS=html",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"make book STRICT=1 succeeded:\n{output[-3000:]}"
    assert "--strict" in output, "the Makefile did not pass --strict"
    _strict_failure_names_the_problems(output, hostile_seeds)
