"""A registration number's label ("ABN 61 604 118 372", "ИНН 7701...") and a ticker
after its exchange ("ASX: SGR") are no actors, on an exchange announcement written for
this test (the firms are invented). Both stood at relation ends: "the Company" took up
"ABN", the first name of the announcement's head."""

from __future__ import annotations

from tests.fixtures.extraction_shared import tables_for

TEXT = (
    "ABN 61 604 118 372\n\n"
    "ASX: TGR\n\n"
    "Tobol Graphite Limited (ASX: TGR) is pleased to provide an update on its graphite "
    "project in East Kazakhstan, which is operated by its subsidiary Kokpekty Graphite LLP. "
    "Kokpekty Graphite LLP, ИНН 7701234567, sold 8,400 tonnes of concentrate to Hunan "
    "Lianxin Materials Co., Ltd. in the quarter."
)


def test_labels_and_tickers_are_no_actors() -> None:
    entities = set(tables_for({"t": (TEXT, "en")}).entities["entity"])
    assert not entities & {"ABN", "TGR", "ИНН"}, entities
    assert "Tobol Graphite Limited" in entities, entities
