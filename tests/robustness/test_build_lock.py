"""Two builds into one folder: the second stops at once, naming the first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import buildlock
from tests.robustness.conftest import ROOT, run_build


def test_a_second_build_into_a_locked_folder_stops_with_one_clear_line(tmp_path: Path) -> None:
    build_dir = tmp_path / "_build"
    with buildlock.exclusive(build_dir, "seeds"):
        result = run_build("--seeds", str(ROOT / "seeds"), "--build-dir", str(build_dir))
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if "FAILED" in line]
    assert len(failed) == 1, result.stderr
    assert f"pid {os.getpid()}" in failed[0] and "already building into" in failed[0]
    # It stopped before touching anything: no staging folder, no book.
    assert sorted(p.name for p in build_dir.iterdir()) == [buildlock.LOCK_NAME]


def test_the_lock_is_released_after_a_build_however_it_ends(tmp_path: Path) -> None:
    with pytest.raises(ValueError), buildlock.exclusive(tmp_path):
        with (
            pytest.raises(buildlock.BuildLocked, match="already building"),
            buildlock.exclusive(tmp_path),
        ):
            pass
        raise ValueError("the build failed")
    with buildlock.exclusive(tmp_path):  # free again
        pass
