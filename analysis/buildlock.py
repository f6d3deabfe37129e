"""One build at a time per build folder.

Two ``make book`` runs into the same folder (a terminal and an editor, two CI jobs on
one runner) would share its staging folder and fail each other with confusing errors.
:func:`exclusive` holds an advisory lock on ``<build-dir>/.lock`` for the whole build;
a second build stops at once with one line naming the running one, and the published
book stays as the first build leaves it. The operating system drops the lock when the
holding process ends, however it ends, so a crashed build never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".lock"


class BuildLocked(RuntimeError):
    """Another build holds the build folder's lock."""


def _holder(handle) -> str:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
    except ValueError:
        return "another build"
    started = time.strftime("%H:%M:%S", time.localtime(info.get("started", 0)))
    return f"build pid {info.get('pid', '?')} (seeds {info.get('seeds', '?')}, started {started})"


@contextlib.contextmanager
def exclusive(build_dir: Path, seeds: Path | str = "") -> Iterator[None]:
    """Hold ``build_dir``'s build lock, or raise :class:`BuildLocked` at once."""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / LOCK_NAME
    # "a+": opening must not truncate what the running build wrote about itself.
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"{_holder(handle)} is already building into {build_dir}; wait for it to "
                "finish, or build into another folder (make book BUILD_DIR=…)"
            ) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(
                json.dumps({"pid": os.getpid(), "seeds": str(seeds), "started": time.time()})
            )
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
