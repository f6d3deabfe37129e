"""The relation model adds no exit for a firm named only as a noun's complement.

The sentences are written for these tests; what each expects was written first."""

from __future__ import annotations

from analysis.extraction.relation_model import _complement_only


def _mention(text: str, name: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return {"entity": name, "start": start, "end": start + len(name)}


def test_a_supplier_s_customer_is_a_complement() -> None:
    text = "Le motoriste Hallberg Motorenwerke, longtemps fournisseur d'OrAZ, a quitté la Russie."
    assert _complement_only(text, [_mention(text, "OrAZ")], "OrAZ")
    assert not _complement_only(
        text, [_mention(text, "Hallberg Motorenwerke")], "Hallberg Motorenwerke"
    )


def test_the_firms_an_exit_noun_takes_are_who_leave() -> None:
    text = "Depuis le départ précipité de Renault, de Volkswagen et de Toyota en 2022, tout change."
    for name in ("Renault", "Volkswagen", "Toyota"):
        assert not _complement_only(text, [_mention(text, name)], name)


def test_a_firm_also_named_as_a_subject_is_no_complement() -> None:
    text = "Ortex, client de Varnel, a quitté la Russie, et Varnel aussi."
    mentions = [_mention(text, "Varnel"), _mention(text, "Varnel", 1)]
    assert not _complement_only(text, mentions, "Varnel")
    assert _complement_only(text, mentions[:1], "Varnel")


def test_a_complement_a_relative_takes_up_leaves() -> None:
    text = "A Saint-Pétersbourg, l'usine de Nissan, qui a quitté la Russie, a été reprise."
    assert not _complement_only(text, [_mention(text, "Nissan")], "Nissan")
    text = "Dans l'ex-usine de Cerdan Industries, partie de Russie en 2022."
    assert not _complement_only(text, [_mention(text, "Cerdan Industries")], "Cerdan Industries")
