"""Compare two built books: every data file byte for byte, every page's text.

Used to show that a refactor preserves behaviour::

    python scripts/compare_builds.py _build_before _build_after

Run timings and paths differ between builds by design, so ``run.json`` is compared
without its ``timings`` and path fields, and each page is compared as the text a
reader sees plus the chart specifications it embeds. Exits 1 on any difference.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

from lxml import html

#: run.json fields that change from one build to the next by design.
VOLATILE = {"timings", "build_dir", "seeds", "started", "finished", "elapsed"}
#: Sphinx's per-build random ids, and the build folder inside texts.
NOISE = re.compile(r"(id=\"[0-9a-f]{32}\"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f-]{14,})")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _run_json(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    kept = {k: v for k, v in data.items() if k not in VOLATILE}
    return json.dumps(kept, indent=1, sort_keys=True, ensure_ascii=False)


def _page(path: Path) -> str:
    tree = html.fromstring(path.read_bytes())
    for bad in tree.xpath("//script[not(@type='application/json')]|//style"):
        bad.drop_tree()
    main = tree.xpath("//main") or [tree]
    text = " ".join(main[0].text_content().split())
    specs = [s.text or "" for s in tree.xpath("//script[@type='application/json']")]
    return NOISE.sub("<id>", text + "\n" + "\n".join(specs))


def _differ(label: str, a: str, b: str) -> bool:
    if a == b:
        return False
    # Page text is one line: split it into sentences so that the diff shows where.
    lines_a, lines_b = (re.split(r"(?<=[.\n]) ", t) for t in (a, b))
    diff = difflib.unified_diff(lines_a, lines_b, label, label, lineterm="", n=0)
    print("\n".join(list(diff)[:40]))
    return True


def compare(before: Path, after: Path) -> int:
    """The number of files that differ between two build folders."""
    changed = 0
    for folder, reader in (("data", None), ("html", _page)):
        names = {
            p.relative_to(before / folder)
            for p in (before / folder).rglob("*")
            if p.is_file() and (folder == "data" or p.suffix == ".html")
        }
        names |= {
            p.relative_to(after / folder)
            for p in (after / folder).rglob("*")
            if p.is_file() and (folder == "data" or p.suffix == ".html")
        }
        for name in sorted(names):
            a, b = before / folder / name, after / folder / name
            label = f"{folder}/{name}"
            if not a.exists() or not b.exists():
                print(f"only in {'after' if b.exists() else 'before'}: {label}")
                changed += 1
                continue
            read = reader or _text
            if name.name == "run.json":
                read = _run_json
            # Each build names its own folder in the parameters it reports.
            text_a = read(a).replace(str(before.resolve()), "<build>")
            text_b = read(b).replace(str(after.resolve()), "<build>")
            changed += _differ(label, text_a, text_b)
    print(f"{changed} file(s) differ")
    return changed


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python scripts/compare_builds.py BUILD_BEFORE BUILD_AFTER")
    sys.exit(1 if compare(Path(sys.argv[1]), Path(sys.argv[2])) else 0)
