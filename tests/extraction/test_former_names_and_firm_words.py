"""A former name in brackets is the same firm's ("X (formerly Y)", "ООО «X» (до 2023 года —
ООО «Y»)", "X (anciennement Y)"): no relation between the two, and the former name
written again is the firm (``abbreviations._after_former_marker``); and a word of firms'
names makes a discovered name no person's (``registry.firm_named``). Invented firms;
each case failed before the change."""

from __future__ import annotations

from tests.fixtures.extraction_shared import entities_and_relations


def _read(text: str, lang: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    return entities_and_relations({"t": (text, lang)})


def test_an_english_former_name_and_its_later_mention_are_the_firm() -> None:
    entities, relations = _read(
        "Qoryn Lithium LLP (formerly Tasbay Mining LLP) sells concentrate to Verkhal "
        "Chemicals. Tasbay Mining also runs a pilot plant at Ayagoz.",
        "en",
    )
    assert "Tasbay Mining LLP" not in entities
    assert relations == {
        ("Qoryn Lithium LLP", "Verkhal Chemicals", "supply"),
        ("Qoryn Lithium LLP", "Ayagoz", "production"),
    }


def test_a_russian_former_name_until_a_year_is_no_second_firm() -> None:
    text = (
        "Владеет 100% ООО «Тарвен Энергосистемы» (до 2023 года — ООО «Обнинский завод "
        "аккумуляторов»)."
    )
    entities, relations = _read(text, "ru")
    assert "Обнинский завод аккумуляторов" not in entities
    assert not relations  # (not the former name's ownership of the firm)


def test_a_french_former_name_is_the_firm() -> None:
    entities, _ = _read(
        "Verkhal Motors (anciennement Kessler Auto Rus) assemble des crossovers à Kalouga.", "fr"
    )
    assert "Kessler Auto Rus" not in entities and "Verkhal Motors" in entities


def test_a_former_parent_is_no_former_name() -> None:
    # "formerly part of Y": a lower-case word opens what follows, so Y keeps its own name
    entities, _ = _read(
        "Verkhal Motors (formerly part of Kessler Group) assembles crossovers in Kaluga. "
        "Kessler Group left Russia in 2022.",
        "en",
    )
    assert {"Verkhal Motors", "Kessler Group"} <= entities


def test_a_firm_word_in_a_name_makes_it_no_persons() -> None:
    # NER labels many Chinese and Central Asian firms' names as people's, and a title
    # before a firm's name typed it a person ("President, International Business, X")
    from analysis.extraction.registry import Settled, discovered_actor

    def typed(name: str, kind: str, basis: str = "NER label") -> str:
        return discovered_actor(name, {"type": Settled(kind, basis, "s")}).type

    assert typed("Qoryn New Energy Technology Co., Ltd.", "person", "descriptor") == "company"
    assert typed("Tasbulak Manganese Materials", "person") == "company"
    assert typed("Ministry of Energy", "person") == "government body"
    assert typed("Dmitry Kurbatov", "person") == "person"
    assert typed("Anode", "person") == "person"  # a firm word alone
    # two words: a person's surname may be a firm word, unless a Chinese home opens it
    assert typed("Fiona Power", "person") == "person"
    assert typed("Guangxi Manganese", "person") == "company"
    assert typed("Kazakh Energy Ministry", "person") == "government body"


def test_a_former_name_is_the_holders_not_a_persons_nor_a_parents() -> None:
    entities, relations = _read(
        "Anna Petrova (formerly Marnex Motors) now heads Quellor Group. "
        "Marnex Motors assembles trucks in Tver.",
        "en",
    )
    assert relations == {("Marnex Motors", "Tver", "production")}
    entities, _ = _read(
        "Talvik Motors (a unit of Brennar Group, formerly Osgard Auto Rus) assembles "
        "crossovers in Kaluga. Osgard Auto Rus was founded in 2011.",
        "en",
    )
    assert "Brennar Group" in entities and "Osgard Auto Rus" not in entities
