"""Coordinated Russian names share one case.

An abbreviation of a legal form and a name in quotes do not inflect, so "поставляет ПАО
«X» и белорусскому ОАО «Y»" reads X as nominative: but the two conjuncts of "и" share
their case, and the adjective before "ОАО" makes both recipients. A preposition before
the first conjunct governs the second ("для X и «Y»"). The firms are invented.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_a_nominative_looking_name_coordinated_with_a_dative_one_is_a_recipient() -> None:
    text = (
        "Компания «Уралэлектро» выпускает тяговые двигатели в Миассе и поставляет их "
        "ПАО «Волгамаш» и казахстанскому ТОО «Сарыарка Дизель»."
    )
    found = relations(text, "ru")
    assert ("Уралэлектро", "Волгамаш", "supply") in found
    assert ("Уралэлектро", "Сарыарка Дизель", "supply") in found
    assert ("Волгамаш", "Сарыарка Дизель", "supply") not in found


def test_with_no_subject_named_two_coordinated_recipients_give_nothing() -> None:
    found = relations("Редукторы поставляет ПАО «Волгамаш» и белорусскому ОАО «Минсктранс».", "ru")
    assert not {r for r in found if r[2] == "supply"}


def test_a_preposition_governs_both_conjuncts() -> None:
    text = "Комплектующие для «Волгамаша» и «Уралэлектро» поставляет Zhejiang Tonghe."
    found = relations(text, "ru")
    assert ("Zhejiang Tonghe", "Уралэлектро", "supply") in found
    assert ("Волгамаш", "Уралэлектро", "supply") not in found
    assert ("Уралэлектро", "Волгамаш", "supply") not in found
