"""No extraction function that takes a parsed text is memoised: a cache would keep every
``Doc`` it saw alive for the life of the process (a worker extracts thousands)."""

from __future__ import annotations

import importlib
import pkgutil

import analysis.extraction as extraction

PARSED = ("Doc", "Span", "Token")


def test_no_cached_function_takes_a_parsed_text() -> None:
    offenders = []
    for info in pkgutil.iter_modules(extraction.__path__):
        module = importlib.import_module(f"analysis.extraction.{info.name}")
        for name, obj in vars(module).items():
            wrapped = getattr(obj, "__wrapped__", None)
            if wrapped is None or not hasattr(obj, "cache_info"):
                continue
            annotations = getattr(wrapped, "__annotations__", {})
            if any(p in str(a) for a in annotations.values() for p in PARSED):
                offenders.append(f"{info.name}.{name}")
    assert not offenders, offenders
