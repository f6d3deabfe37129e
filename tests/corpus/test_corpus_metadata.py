"""The optional metadata sidecar."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import article

from analysis.corpus import load_corpus, read_metadata

HEADER = "seed,publisher,url,events_date,date_precision,original_reporting\n"


def test_rows_and_malformed_rows(seeds: Path, write) -> None:
    write(
        "provenance.csv",
        HEADER
        + 'a,Le Journal,https://ex.org/a,2024-05-20,day,"Reuters, 2024"\n'
        + "b,too,few\n"
        + "c,Pub,ftp://ex.org,2024,year,\n"
        + "d,Pub,,2024-13,month,\n"
        + ",Pub,,,,\n"
        + "a,Again,,,,\n"
        + "ghost,Pub,,2023,year,\n",
    )
    write("a.txt", article())
    rows, messages = read_metadata(seeds / "provenance.csv")
    assert rows["a"]["original_reporting"] == "Reuters, 2024"
    assert sorted(rows) == ["a", "ghost"]
    assert messages == [
        "seeds/provenance.csv:3: malformed row ignored: expected 6 fields, got 3",
        "seeds/provenance.csv:4: malformed row ignored: url 'ftp://ex.org' is not an http(s) "
        "address",
        "seeds/provenance.csv:5: malformed row ignored: events_date '2024-13' is not YYYY, "
        "YYYY-MM or YYYY-MM-DD",
        "seeds/provenance.csv:6: malformed row ignored: empty seed column",
        "seeds/provenance.csv:7: duplicate row for seed a ignored",
    ]
    corpus = load_corpus(seeds)
    (doc,) = corpus.documents
    assert doc.metadata["publisher"] == "Le Journal"
    assert corpus.messages[:5] == messages
    assert corpus.messages[-1] == "seeds/provenance.csv: row for unknown seed ghost"


def test_without_sidecar_or_with_a_broken_one(seeds: Path, write) -> None:
    assert read_metadata(seeds / "provenance.csv") == ({}, [])
    write("a.txt", article())
    assert load_corpus(seeds).documents[0].metadata == {}
    write("provenance.csv", b"\x00\x01\x02\x03" * 100)
    rows, messages = read_metadata(seeds / "provenance.csv")
    assert rows == {} and messages == ["seeds/provenance.csv: ignored: binary data"]
    write("provenance.csv", "publisher,url\nX,\n")
    assert read_metadata(seeds / "provenance.csv")[1][0].startswith(
        "seeds/provenance.csv:1: ignored: no 'seed' column"
    )


def test_custom_sidecar_name_and_bom(seeds: Path, write) -> None:
    write("meta.csv", "\ufeff" + HEADER + "a,Pub,,,,\n")
    write("a.txt", article())
    corpus = load_corpus(seeds, metadata_name="meta.csv")
    assert [d.id for d in corpus.documents] == ["a"]
    assert corpus.documents[0].metadata["publisher"] == "Pub"
