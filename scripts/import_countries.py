"""Regenerate analysis/data/countries.csv from mledoze/countries (ODbL 1.0).

    python scripts/import_countries.py path/to/countries.json

Keeps, per ISO 3166 alpha-2 code: English, French and Russian common and official
names, Latin-script alternative spellings (not codes), and the English and French
demonyms (masculine and feminine). The derived table stays under the ODbL, as the
header of the CSV says. The build never downloads it: the CSV is committed.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "countries.csv"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-’]+$")


def main(source: str) -> None:
    rows = []
    for c in json.loads(Path(source).read_text(encoding="utf-8")):
        code = c["cca2"]
        tr = c.get("translations", {})
        en = [c["name"]["common"], c["name"]["official"]]
        fr = [tr.get("fra", {}).get("common", ""), tr.get("fra", {}).get("official", "")]
        ru = [tr.get("rus", {}).get("common", ""), tr.get("rus", {}).get("official", "")]
        alt = [a for a in c.get("altSpellings", []) if LATIN.match(a) and len(a) > 3]
        dem = c.get("demonyms", {})
        rows.append(
            {
                "code": code,
                "en": "|".join(dict.fromkeys(n for n in en + alt if n and "," not in n)),
                "fr": "|".join(dict.fromkeys(n for n in fr if n and "(" not in n)),
                "ru": "|".join(dict.fromkeys(n for n in ru if n)),
                "demonyms_en": "|".join(dict.fromkeys(dem.get("eng", {}).values())),
                "demonyms_fr": "|".join(
                    dict.fromkeys(v.lower() for v in dem.get("fra", {}).values())
                ),
            }
        )
    rows.sort(key=lambda r: r["code"])
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Country names and demonyms derived from mledoze/countries (commit 5e9f370,"
            " 2026-04-27),\n# Open Database License (ODbL) 1.0: "
            "https://opendatacommons.org/licenses/odbl/1.0/ - regenerate with\n"
            "# scripts/import_countries.py; read by analysis/extraction/countries.py.\n"
        )
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
