"""The optional metadata sidecar (``seeds/provenance.csv``).

Columns: ``seed,publisher,url,events_date,date_precision,original_reporting,
known_flaws`` (codes of ``analysis/data/seed_flaws.yaml``). Only
``seed`` is required. A malformed row is reported (file and line) and ignored; a
missing sidecar is not a problem.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .reader import decode_bytes

COLUMNS = [
    "seed",
    "publisher",
    "url",
    "events_date",
    "date_precision",
    "original_reporting",
    "known_flaws",
]
_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
#: Sidecars above this size are not read (they are tables of a few hundred rows).
MAX_BYTES = 10 * 1024 * 1024


def _row_problem(row: dict[str, str]) -> str:
    """Why a row (already of the right width) is malformed, or ``""``."""
    if not row.get("seed"):
        return "empty seed column"
    if row.get("events_date") and not _DATE.match(row["events_date"]):
        return f"events_date {row['events_date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    if row.get("url") and not _URL.match(row["url"]):
        return f"url {row['url']!r} is not an http(s) address"
    return ""


def read_metadata(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Read the sidecar at ``path``: rows keyed by seed id, and one message per problem.

    Messages name the file (``folder/name``) and, for a row, its line number.
    """
    path = Path(path)
    label = f"{path.parent.name}/{path.name}"
    if not path.exists():
        return {}, []
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        return {}, [f"{label}: ignored: not a regular file or larger than {MAX_BYTES} bytes"]
    raw = decode_bytes(path.read_bytes())
    if raw.problem:
        return {}, [f"{label}: ignored: {raw.problem}"]
    reader = csv.reader(io.StringIO(raw.text, newline=""))
    messages: list[str] = []
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        return {}, [f"{label}: ignored: no header row"]
    if "seed" not in header:
        return {}, [f"{label}:1: ignored: no 'seed' column in header {header}"]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        messages.append(f"{label}:1: unknown columns kept as they are: {', '.join(unknown)}")
    rows: dict[str, dict[str, str]] = {}
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            messages.append(f"{label}:{reader.line_num}: malformed row ignored: {error}")
            continue
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue  # blank line
        if len(values) != len(header):
            messages.append(
                f"{label}:{line}: malformed row ignored: "
                f"expected {len(header)} fields, got {len(values)}"
            )
            continue
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        problem = _row_problem(row)
        if problem:
            messages.append(f"{label}:{line}: malformed row ignored: {problem}")
        elif row["seed"] in rows:
            messages.append(f"{label}:{line}: duplicate row for seed {row['seed']} ignored")
        else:
            rows[row["seed"]] = row
    return rows, messages
