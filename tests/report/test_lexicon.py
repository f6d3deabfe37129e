"""The report's one lexicon matcher, and the first-word test run before its regexes."""

from __future__ import annotations

import pytest

from analysis.report import sanctions, stages
from analysis.report.lexicon import FirstWords, Matcher, for_language, pattern, text_words

TEXTS = [
    "Les SANCTIONS occidentales ont frappé l'industrie.",
    "Une gigafactory de batteries lithium-ion ouvrira à Kaliningrad.",
    "Le lithium-ion n'est pas du lithium : contre-sanctions et anti-sanctions.",
    "Stockage d’énergie et terres   rares, selon l'entreprise.",
    "Rare-earth magnets and rare earths; EVs, SUVs and a power plant.",
    "Aucun terme ici, seulement des mots ordinaires.",
    "«Embargo» sur les mines, (raffinage) et «cellules».",
    "",
]


def test_text_words_are_lower_case_word_runs() -> None:
    assert text_words("Lithium-ion, L’usine «Atom»") == {"lithium", "ion", "l", "usine", "atom"}


def test_first_words() -> None:
    first = FirstWords.of(["terres rares", "lithium-ion", "d'après", " Stockage"])
    assert first.words == {"terres", "lithium", "d", "stockage"}
    assert not first.always
    assert first.possible_in(text_words("Des TERRES rares"))
    assert not first.possible_in(text_words("Du nickel"))
    assert FirstWords.of(["(note"]).always  # no first word: nothing can be ruled out


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_keeps_every_supply_chain_match(text: str) -> None:
    lexicon = stages.load_lexicon()
    for stage in lexicon.stages:
        for language in ("fr", "en", "de"):  # "de": every language's terms
            terms = for_language(stage.terms, language)
            if pattern(terms).search(text):
                assert FirstWords.of(terms).possible_in(text_words(text)), (stage.id, text)


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_keeps_every_sanctions_match(text: str) -> None:
    lexicon = sanctions.sanctions_lexicon()
    for terms in [*lexicon.values(), tuple(t for ts in lexicon.values() for t in ts)]:
        if terms and pattern(terms, in_compounds=True).search(text):
            assert FirstWords.of(terms).possible_in(text_words(text)), text


def test_stage_sentences_match_the_regex_alone() -> None:
    """stage_sentences (with the prefilter) finds what running every pattern finds."""
    import pandas as pd

    lexicon = stages.load_lexicon()
    frame = pd.DataFrame(
        {
            "sentence_id": [f"d:0:{i}" for i in range(len(TEXTS))],
            "document": "d",
            "language": ["fr"] * 4 + ["en"] + ["fr"] * 3,
            "text": TEXTS,
        }
    )
    found = stages.stage_sentences(frame, lexicon)
    expected = set()
    for sid, language, text in zip(frame["sentence_id"], frame["language"], TEXTS, strict=True):
        for stage in lexicon.stages:
            if text and pattern(for_language(stage.terms, language)).search(text):
                expected.add((sid, stage.id))
    assert set(zip(found["sentence_id"], found["stage"], strict=True)) == expected
    assert expected  # the texts do hold stage terms


def test_matcher_finds_whole_terms_in_order_once() -> None:
    matcher = Matcher.of(["terres rares", "lithium", "d'après"])
    text = "D’après X, les Terres  rares et le lithium-ion; les terres rares encore, lithium."
    assert matcher.find(text) == ["d'après", "terres rares", "lithium"]
    assert Matcher.of([]).find(text) == []


def test_a_hyphen_joins_words_unless_terms_count_in_compounds() -> None:
    text = "Les anti-sanctions et le lithium-ion."
    assert Matcher.of(["sanctions", "lithium"]).find(text) == []
    assert Matcher.of(["sanctions"], in_compounds=True).find(text) == ["sanctions"]
