"""Stage words near a relation's cue, and a deal's stage from its events.

The sentences are written for these tests, in the styles of the wires and dailies the
seeds come from; none is a seed sentence.
"""

from __future__ import annotations

import pytest

from analysis.events import deal_stage
from analysis.events.stages import stage_of


@pytest.mark.parametrize(
    ("text", "cue", "language", "stage"),
    [
        ("Geely is in talks with Proton about a plant in Malaysia.", "talks with", "en", "talks"),
        ("Haval a signé un mémorandum avec la région de Toula.", "mémorandum", "fr", "memorandum"),
        (
            "Kamaz and Weichai signed an agreement on engines.",
            "agreement",
            "en",
            "agreement (signed)",
        ),
        ("Renault est sur le point d'acquérir Avtovaz.", "acquérir", "fr", "agreement (pending)"),
        (
            "Astana invited Chinese firms to a partnership on lithium.",
            "partnership",
            "en",
            "proposal",
        ),
        ("Chery has denied any partnership with Avtotor.", "partnership", "en", "denied"),
        (
            "Toyota suspended its partnership with Sollers.",
            "partnership",
            "en",
            "suspended or ended",
        ),
        (
            "Cela s'est déjà produit lors de la collaboration entre A et B.",
            "collaboration",
            "fr",
            "stated",
        ),
        ("Une collaboration entre A et B.", "collaboration", "fr", "stated"),
    ],
)
def test_stage_words_near_the_cue(text: str, cue: str, language: str, stage: str) -> None:
    assert stage_of(text, cue, language)[0] == stage


def test_a_stage_word_goes_to_the_nearer_cue_of_two_relations() -> None:
    text = "Le groupe A, allié de B, a annoncé un accord pour acquérir C, un fabricant de cellules."
    cues = ["allié de", "acquérir"]
    assert stage_of(text, "acquérir", "fr", cues)[0] == "agreement (pending)"
    assert stage_of(text, "allié de", "fr", cues)[0] == "stated"


def test_a_stage_word_does_not_cross_a_clause_boundary() -> None:
    text = "X signed a contract with Y last year; it now works with Z on batteries."
    assert stage_of(text, "works with", "en")[0] == "stated"


def test_deal_stage_is_the_furthest_firm_stage_and_a_hedged_denial_is_no_stage() -> None:
    assert deal_stage([("talks", False), ("memorandum", False)]) == ("memorandum", False)
    assert deal_stage([("talks", True), ("denied", True)]) == ("talks", True)
    assert deal_stage([("talks", True), ("denied", False)]) == ("denied", False)
    assert deal_stage([("operating", True), ("talks", False)]) == ("talks", False)
    assert deal_stage([("stated", False)]) == ("stated", False)


def test_a_framing_stage_wins_over_what_it_frames() -> None:
    text = "People said Avtotor was in talks with Changan about assembling its cars next year."
    assert stage_of(text, "talks with", "en")[0] == "talks"
    text = "Reports that Sinotruk is buying a stake in Kamaz and producing trucks were denied."
    assert stage_of(text, "buying", "en", relation="acquisition")[0] == "denied"


def test_an_acquisition_neither_operates_nor_ends_by_a_sale() -> None:
    text = "Volkswagen sold its Kaluga plant to Art-Finance, which now assembles crossovers there."
    assert stage_of(text, "sold its", "en", relation="acquisition")[0] == "stated"
    assert stage_of(text, "sold its", "en", relation="supply")[0] == "suspended or ended"
