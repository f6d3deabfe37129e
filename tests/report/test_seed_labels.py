"""Readable, unique seed labels for charts (issue 15)."""

from __future__ import annotations

import pandas as pd

from analysis.report.seed_labels import seed_labels


def test_labels_are_publisher_and_date_else_a_short_headline_else_the_id():
    documents = pd.DataFrame(
        {
            "document": ["a", "b", "c", "d", "e"],
            "title": [
                "Ignored when the publisher is known",
                "La Russie et la Chine signent un accord de coopération sur les batteries",
                "",
                "Same",
                "Same",
            ],
        }
    )
    sources = pd.DataFrame(
        {
            "document": ["a", "b", "d", "e"],
            "publisher": ["pifauto.com", "", "", ""],
            "url": ["", "", "https://www.example.org/x", "https://example.org/y"],
            "events_date": ["2022-08-26", "", "2024-05", "2024-05"],
        }
    )
    labels = seed_labels(documents, sources)
    assert labels["a"] == "pifauto.com, 2022-08-26"
    assert labels["b"] == "La Russie et la Chine signent un…"
    assert labels["c"] == "c"
    # the host stands for a missing publisher; a repeated label is numbered
    assert (labels["d"], labels["e"]) == ("example.org, 2024-05", "example.org, 2024-05 (2)")
    assert len(set(labels.values())) == len(labels)
