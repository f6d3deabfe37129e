"""A subject across its apposition, and a short form of a firm named earlier in its sentence.

- "X, a joint venture of A (60%) and B (40%), assembles buses in Y": X assembles,
  however long the apposition between the name and its verb.
- "Hefei Qianyuan Battery Co., Ltd. ... Qianyuan ships": the short form is the firm
  named before it in the same sentence once its home word is set aside; but "... du
  groupe Volmar" after "Jiangsu Volmar Electric" names the group, not the firm.

The firms and places are invented, not taken from any seed or test folder.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import tables_for


def _mentions(text: str, lang: str = "en") -> set[tuple[str, str]]:
    t = tables_for({"t": (text, lang)})
    return set(zip(t.mentions["text"], t.mentions["entity"], strict=True))


def test_a_subject_is_found_across_a_long_apposition() -> None:
    text = (
        "Tavria Electrobus LLC, a joint venture of the regional transport holding Volgatrans "
        "Group JSC (60%) and the bus maker Zhengzhou Lanyu Bus Co., Ltd. (40%), assembles "
        "electric buses in Saransk."
    )
    found = relations(text, "en")
    assert ("Tavria Electrobus LLC", "Saransk", "production") in found
    assert not {r for r in found if r[1] == "Saransk" and r[0] != "Tavria Electrobus LLC"}


def test_a_short_form_after_its_full_name_in_one_sentence_is_that_firm() -> None:
    text = (
        "Saryarka Motors LLP assembles vans in Karaganda from cells of Hefei Qianyuan Battery "
        "Co., Ltd., and Qianyuan ships them from its plant in Lu'an."
    )
    assert ("Qianyuan", "Hefei Qianyuan Battery Co., Ltd.") in _mentions(text)
    found = relations(text, "en")
    assert ("Hefei Qianyuan Battery Co., Ltd.", "Lu'an", "production") in found
    assert ("Saryarka Motors LLP", "Lu'an", "production") not in found


def test_a_group_word_before_the_short_form_names_the_group() -> None:
    text = (
        "Jiangsu Volmar Electric, filiale du groupe Volmar, fabrique des moteurs de traction "
        "à Changzhou."
    )
    assert ("Volmar", "Jiangsu Volmar Electric") not in _mentions(text, "fr")
