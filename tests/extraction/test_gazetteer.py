"""Towns from GeoNames (``analysis.extraction.gazetteer``): a discovered name after a
place preposition that is a town of the world is a place, whatever NER says; a name
that is only spelled like a town elsewhere stays what its sentence makes it."""

from __future__ import annotations

import pytest

from analysis.extraction.gazetteer import town_country
from tests.fixtures.extraction_shared import tables_for


def _entities(text: str, lang: str) -> dict[str, tuple[str, str]]:
    entities = tables_for({"t": (text, lang)}).entities
    return {
        e: (kind, country)
        for e, kind, country in zip(
            entities["entity"], entities["type"], entities["country"], strict=True
        )
    }


def test_towns_are_read_in_latin_and_cyrillic_spellings_with_their_country() -> None:
    assert town_country("Zlatoust") == "RU"
    assert town_country("Златоуст") == "RU"
    assert town_country("Roanne") == "FR"
    assert town_country("Rudny") == "KZ"
    # a name several countries' towns bear has no one country
    assert town_country("Saran") == ""
    # no town: a firm's name, a common word
    assert town_country("Brixon Motors") is None


@pytest.mark.parametrize(
    ("text", "lang", "town", "country"),
    [
        # NER calls these organisations; the preposition and the gazetteer say where
        ("Kestrel Glass supplies windscreens from Zlatoust to Brixon Motors.", "en", "Zlatoust",
         "RU"),
        ("Varkon Minerals exploite une mine de fer près de Rudny et vend son concentré à "
         "Talvera Steel.", "fr", "Rudny", "KZ"),
    ],
)  # fmt: skip
def test_a_town_after_a_place_preposition_is_a_place_in_its_country(text, lang, town, country):
    found = _entities(text, lang)
    assert found.get(town) == ("place", country), found


def test_a_firm_spelled_like_a_town_is_not_made_a_place_without_a_preposition() -> None:
    found = _entities("Orange signed a supply agreement with Brixon Motors.", "en")
    assert found.get("Orange", ("company", ""))[0] != "place", found


def test_an_acronym_is_never_a_town() -> None:
    """GeoNames lists codes among a town's names; a firm's acronym after "at" is no town."""
    found = _entities("Brixon Axles assembles its gearboxes at AKX for Talvera Drive.", "en")
    assert found.get("AKX", ("company", ""))[0] != "place", found


@pytest.mark.parametrize(
    ("text", "lang", "firm"),
    [
        (
            "Sary-Tash Metals vend son concentré à Baotou Rongxin Rare Earth.",
            "fr",
            "Baotou Rongxin Rare Earth",
        ),
        (
            "The ore is refined at Ganzhou Hengyuan Tungsten Materials.",
            "en",
            "Ganzhou Hengyuan Tungsten Materials",
        ),
    ],
)
def test_a_town_opening_a_longer_name_after_a_preposition_names_a_firm(text, lang, firm):
    assert _entities(text, lang)[firm][0] != "place"
