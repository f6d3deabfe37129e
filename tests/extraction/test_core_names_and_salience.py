"""A Chinese firm's core name written alone ("Hanrui denied it" after "Chongqing Hanrui
Automobile Co., Ltd.") is that firm, when the core is pinyin and only one of the
document's names has it; a word of another language cut out of a name ("Battery" of
"Ertis Battery Metals") is not. A definite noun ("the company") takes up the actor the
last sentences make most salient, not merely the first one of the nearest sentence.
Texts written for these tests with invented firms ("Hanrui", "Ostrel", "Quilon")."""

from __future__ import annotations

from analysis.extraction.firm_names import is_pinyin
from tests.fixtures.extraction_shared import extracted_relations


def test_pinyin_words_are_told_from_other_words() -> None:
    assert all(map(is_pinyin, ["Hanrui", "Tianheng", "Xi'an", "Zhangjiagang", "Ruineng"]))
    assert not any(map(is_pinyin, ["Battery", "Energy", "Metals", "Renault", "Sokol", "Nova"]))


def test_a_chinese_firms_core_name_alone_is_that_firm() -> None:
    found = extracted_relations(
        "Chongqing Hanrui Automobile Co., Ltd. is a Chinese carmaker. "
        "Since 2024 Hanrui has assembled electric crossovers in Fuling.",
        "en",
    )
    assert ("Chongqing Hanrui Automobile Co., Ltd.", "Fuling", "production") in found, found


def test_a_core_name_is_not_a_venture_named_after_the_parent() -> None:
    found = extracted_relations(
        "Hanrui Volga Motors LLC is the joint venture of Chongqing Hanrui Automobile "
        "Co., Ltd. and Ostrel Group. Hanrui ships kits from its plant in Fuling.",
        "en",
    )
    assert ("Chongqing Hanrui Automobile Co., Ltd.", "Fuling", "production") in found, found
    assert ("Hanrui Volga Motors LLC", "Fuling", "production") not in found, found


def test_a_common_word_cut_out_of_a_name_is_no_firm() -> None:
    found = extracted_relations(
        "Ertis Battery Metals JSC mines graphite near Oskemen. "
        "Battery packs are assembled by Ostrel Energo LLC in Nizhnekamsk.",
        "en",
    )
    assert not {r for r in found if r[0] == "Ertis Battery Metals JSC" and r[1] == "Nizhnekamsk"}


def test_the_company_takes_up_the_salient_firm_not_the_nearest_one() -> None:
    found = extracted_relations(
        "Ostrel Akkumulyator JSC said on Monday that Ostrel Akkumulyator JSC would double "
        "its output. Its cells come from Quilon Energy Ltd. "
        "The company is 51% owned by Sollers.",
        "en",
    )
    assert ("Sollers", "Ostrel Akkumulyator JSC", "ownership") in found, found
    assert ("Sollers", "Quilon Energy Ltd", "ownership") not in found, found
