"""Fixtures for the corpus reader tests: small seed folders written in ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """An empty seeds folder."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


@pytest.fixture
def write(seeds: Path) -> Callable[[str, str | bytes], Path]:
    """Write a seed file (text as UTF-8, or raw bytes) into the ``seeds`` folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = seeds / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write
