"""Subtitles (SRT) are read as prose: a sentence cut across cues is joined again.

The texts here were written for these tests; none comes from a seed folder.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.corpus.subtitles import cues_to_prose, is_subtitles

SRT = """\
1
00:00:00,000 --> 00:00:02,500
[theme music]

2
00:00:02,500 --> 00:00:05,100
NARRATOR: On the Volga, in the town of Engels,
an old trolleybus hall

3
00:00:05,100 --> 00:00:07,900
now builds Chinese vans.

4
00:00:08,100 --> 00:00:10,000
ANNA PETROVA | Reporting from Engels

5
00:00:10,000 --> 00:00:13,400
[REPORTER] Last year the Saratov group
Volgatrans Holding bought the hall.

6
00:00:13,400 --> 00:00:16,800
The kits come from Qilin Motors in Hefei.
"""


def test_cues_are_joined_where_their_sentence_goes_on() -> None:
    assert is_subtitles(SRT)
    paragraphs = cues_to_prose(SRT).strip().split("\n\n")
    assert paragraphs == [
        "[theme music]",
        "NARRATOR: On the Volga, in the town of Engels, an old trolleybus hall now builds "
        "Chinese vans.",
        "ANNA PETROVA | Reporting from Engels",
        "[REPORTER] Last year the Saratov group Volgatrans Holding bought the hall.",
        "The kits come from Qilin Motors in Hefei.",
    ]


def test_prose_with_a_time_or_two_is_no_subtitles() -> None:
    text = "The call began at 10:00:00,000 --> 10:05:00,000 by the clock.\n\nIt ended soon."
    assert not is_subtitles(text)


def test_a_subtitle_file_reads_as_sentences(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(SRT, encoding="utf-8")
    (doc,) = load_corpus(tmp_path).documents
    texts = [p.text for p in doc.paragraphs]
    assert "[REPORTER] Last year the Saratov group Volgatrans Holding bought the hall." in texts
    assert not any("-->" in t for t in texts)
