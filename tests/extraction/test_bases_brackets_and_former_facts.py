"""Name spans, bases and former facts, on sentences written for these tests.

- An abbreviation in brackets after a Russian name in quotes is that firm ("«X» (XM)"),
  and NER's span never keeps the bracket ("(XM").
- A common noun opening a span is no part of the name ("usine de X" is the town X), and
  a firm's span stops at "at"/"in" ("Tete Grafite at Montepuez").
- "Perth-based" says where a firm is based: Perth is no end of a relation.
- "Until 2022, X built ... from cells supplied by Y" is a former supply.
- Russian: an accusative name before the verb is what is made ("«Волну» собирает «X»"),
  and a plant goods are sent to ("на завод «X» в Y") is X's.
The firms are invented.
"""

from __future__ import annotations

from analysis.extraction.actors import Actor
from analysis.extraction.relation_rules import allowed
from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import tables_for


def _entities(text: str, lang: str) -> set[str]:
    return set(tables_for({"t": (text, lang)}).entities["entity"])


def test_an_abbreviation_after_a_quoted_russian_name_is_that_firm() -> None:
    text = "«Кама Вектор Моторс» (КВМ) купила у «Промстроя» завод в Нижнекамске. КВМ начнёт сборку."
    found = _entities(text, "ru")
    assert "Кама Вектор Моторс" in found
    assert not {e for e in found if "КВМ" in e}


def test_a_common_noun_and_a_place_after_at_are_no_part_of_a_name() -> None:
    fr = _entities("L'équipementier a cédé en 2022 son usine de Tchistopol à Volgaresurs.", "fr")
    assert not {e for e in fr if e.startswith("usine")}
    en = _entities("Jixi Fengda Graphite sources flake from Tete Grafite at Montepuez.", "en")
    assert "Tete Grafite" in en
    assert not {e for e in en if " at " in e or e.endswith(" at")}


def test_a_base_glued_to_based_is_no_relation_end() -> None:
    found = relations(
        "Hunan Dexin Carbon Co., Ltd. bought 51% of Rovuma Grafite from the Perth-based "
        "Kestrel Minerals Ltd.",
        "en",
    )
    assert not {r for r in found if "Perth" in (r[0], r[1])}


def test_a_country_is_never_what_is_bought() -> None:
    def actor(name: str, kind: str) -> Actor:
        return Actor(name=name, type=kind, country="", sector="", aliases=())

    firm = actor("X", "company")
    assert not allowed(firm, actor("Kazakhstan", "country"), "acquisition")
    assert allowed(firm, actor("Kostanay", "place"), "acquisition")


def test_until_a_year_opening_the_sentence_makes_a_supply_former() -> None:
    text = "Until 2022, Varkel Motors built its packs from cells supplied by Hanil Energy."
    assert not relations(text, "en")
    text = "Since 2023, Varkel Motors has built its packs from cells supplied by Hanil Energy."
    assert ("Hanil Energy", "Varkel Motors", "supply") in relations(text, "en")


def test_an_accusative_name_before_a_russian_verb_is_what_is_made() -> None:
    found = relations("Напомним: «Волну» собирает «Кама Вектор Моторс» в Елабуге.", "ru")
    assert ("Кама Вектор Моторс", "Yelabuga", "production") in found
    assert not {r for r in found if r[0] == "Волну" and r[2] == "production"}


def test_a_plant_goods_are_sent_to_is_its_owners() -> None:
    found = relations(
        "ООО «Волгамаш» поставляет двигатели на завод ООО «Нева Моторс» в Саранске.", "ru"
    )
    assert ("Нева Моторс", "Саранске", "production") in found
    assert ("Волгамаш", "Саранске", "production") not in found


def test_a_supplier_makes_nothing_at_the_plant_it_delivers_to() -> None:
    text = "Le groupe Volmar livre depuis 2024 des bacs de batteries à l'usine de Saransk."
    assert not {r for r in relations(text, "fr") if r[2] == "production"}
