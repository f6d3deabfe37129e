"""A Russian own-brand cue: who owns the brand depends on the cue's case.

Firms here are invented; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import rule_relations


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        # A dash defines the brand as another's own: the name after the cue owns it.
        (
            "«Квеллон» — собственная марка ООО «Варкон Моторс».",
            ("Варкон Моторс", "Квеллон", "ownership"),
            ("Квеллон", "Варкон Моторс", "ownership"),
        ),
        (
            "Напомним, «Квеллон» — собственная марка ООО «Варкон Моторс», товарный знак "
            "зарегистрирован на СП.",
            ("Варкон Моторс", "Квеллон", "ownership"),
            ("Квеллон", "Варкон Моторс", "ownership"),
        ),
        # In the genitive after a verb, the verb's subject owns the name after the cue.
        (
            "ООО «Варкон Моторс» выпускает электромобили собственной марки «Квеллон».",
            ("Варкон Моторс", "Квеллон", "ownership"),
            ("Квеллон", "Варкон Моторс", "ownership"),
        ),
    ],
)
def test_an_own_brand_belongs_to_the_right_firm(sentence, wanted, unwanted) -> None:
    found = rule_relations(sentence, "ru")
    assert wanted in found, found
    assert unwanted not in found, found
