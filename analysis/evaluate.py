"""Score the extraction on any annotated folder of articles.

    python -m analysis.evaluate --seeds DIR --gold FILE.json [--errors]
    make evaluate SEEDS=DIR GOLD=FILE.json

Reads the folder as the build does, extracts its tables (nothing is written, the
folder is only read) and prints the precision and recall of actors, countries,
relations and figures against the gold (format: ``analysis/extraction/folder_gold``).
``--errors`` also lists the gold actors and relations missed, and the extracted ones the
gold lacks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.extraction.folder_gold import GoldError, errors, read_gold, score_folder


def evaluate_folder(seeds: Path, gold_path: Path):
    """(scores, tables) of the extraction of ``seeds`` against ``gold_path``."""
    from analysis.corpus import load_corpus
    from analysis.extraction import extract

    gold = read_gold(gold_path)
    corpus = load_corpus(seeds)
    tables = extract(corpus.documents, progress=False)
    frames = {
        name: getattr(tables, name) for name in ("entities", "mentions", "relations", "figures")
    }
    return score_folder(frames, gold), frames, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seeds", type=Path, required=True, help="folder of articles")
    parser.add_argument("--gold", type=Path, required=True, help="gold JSON of that folder")
    parser.add_argument("--errors", action="store_true", help="list missed and extra actors")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"evaluate: {args.seeds} is not a folder", file=sys.stderr)
        return 2
    try:
        scores, frames, gold = evaluate_folder(args.seeds, args.gold)
    except GoldError as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2
    print(f"{args.seeds} against {args.gold}")
    print(scores.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    if args.errors:
        for what, names in errors(frames, gold).items():
            sep = "; " if "relations" in what else ", "
            print(f"{what} ({len(names)}): {sep.join(sorted(names))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
