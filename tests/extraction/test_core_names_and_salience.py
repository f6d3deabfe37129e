"""A Chinese firm's core name written alone ("Hanrui denied it" after "Chongqing Hanrui
Automobile Co., Ltd.") is that firm, when the core is pinyin and only one of the
document's names has it; a word of another language cut out of a name ("Battery" of
"Ertis Battery Metals") is not. A definite noun ("the company") takes up the actor the
last sentences make most salient, not merely the first one of the nearest sentence.
"Its plant" after goods bought "from" a firm is the buyer's, and a refinery named with
its possessor is the possessor's, not the shipper's. Texts written for these tests with
invented firms ("Hanrui", "Lanrui", "Ostrel", "Quilon", "Yunshan", "Harrow")."""

from __future__ import annotations

from analysis.extraction.firm_names import is_pinyin
from tests.fixtures.extraction_shared import extracted_relations, read_relations


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
    found = read_relations(
        "Ostrel Akkumulyator JSC said on Monday that Ostrel Akkumulyator JSC would double "
        "its output. Its cells come from Quilon Energy Ltd. "
        "The company is 51% owned by Sollers.",
        "en",
    )
    assert ("Sollers", "Ostrel Akkumulyator JSC", "ownership") in found, found
    assert ("Sollers", "Quilon Energy Ltd", "ownership") not in found, found


def test_a_core_name_is_the_chinese_parent_not_a_venture_named_after_a_river() -> None:
    found = extracted_relations(
        "Guangxi Lanrui Automobile détient 49 % de Kama Lanrui Motors. La coentreprise "
        "assemble les crossovers Irbis à Elabouga, avec des kits que Lanrui expédie de son "
        "usine de Liuzhou.",
        "fr",
    )
    assert ("Guangxi Lanrui Automobile", "Liuzhou", "production") in found, found
    assert ("Kama Lanrui Motors", "Liuzhou", "production") not in found, found


def test_its_plant_is_the_buyers_not_the_sellers() -> None:
    found = extracted_relations(
        "Ningbo Yunshan Magnet, which buys oxide from Shenghe Resources for its plant in "
        "Cixi, said order books were full.",
        "en",
    )
    assert ("Ningbo Yunshan Magnet", "Cixi", "production") in found, found
    assert ("Shenghe Resources", "Cixi", "production") not in found, found


def test_a_refinery_is_run_by_its_possessor_not_by_the_shipper() -> None:
    found = extracted_relations(
        "Harrow Lithium Ltd ships about 60% of the concentrate from its mine at "
        "Ravensthorpe to Minjiang Lithium's refinery at Suining.",
        "en",
    )
    assert ("Harrow Lithium Ltd", "Ravensthorpe", "production") in found, found
    assert ("Minjiang Lithium", "Suining", "production") in found, found
    assert ("Harrow Lithium Ltd", "Suining", "production") not in found, found
