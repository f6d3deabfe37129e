"""A deterministic synthetic corpus recombined from the seeds.

Each article is a headline and paragraphs of 3 to 5 sentences drawn (without repetition
within the article) from the sentences of the seeds' cleaned paragraphs, until about
``words`` words. In every sentence, the names of companies, brands and people of the
knowledge base are replaced with random actors of the same type - with probability
``OUTSIDE_SHARE`` an invented name the knowledge base lacks ("Varkonel Motors", "Irina
Dolvaneva"), so that discovery of unknown actors is part of the measured work - and
numbers with random numbers of the same number of digits (years with years), so that
articles differ in what extraction finds while reading like the seeds. Every tenth
article (``RUSSIAN_EVERY``) is Russian, drawn the same way from the sentences of
``bench/data/russian.txt`` (written for the benchmark), so that the Russian pipeline is
part of the measured work. The same ``seed`` gives the same files.

    python -m bench.generate OUT_DIR [--articles 10000] [--words 600] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from pathlib import Path

from analysis.corpus import load_corpus
from analysis.extraction.actors import load_knowledge_base

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: Russian source text of the benchmark's Russian articles.
RUSSIAN = Path(__file__).resolve().parent / "data" / "russian.txt"
#: One article in this many is Russian.
RUSSIAN_EVERY = 10
#: Actor types swapped for one another (countries and places are left as written).
SWAPPED_TYPES = ("company", "brand", "person", "government body", "media")
#: Share of swapped names drawn outside the knowledge base (invented names).
OUTSIDE_SHARE = 0.65
_SYLLABLES = (
    "var",
    "kon",
    "zel",
    "to",
    "mir",
    "la",
    "dor",
    "vek",
    "sa",
    "ri",
    "nel",
    "bo",
    "tan",
    "gu",
    "ler",
    "ka",
    "vo",
    "shen",
    "lin",
    "ra",
)
_SUFFIXES = {
    "company": ("Motors", "Group", "Auto", "Energy", "Industries", "Holding", "Metals"),
    "brand": ("",),
    "person": ("",),
    "government body": ("",),
    "media": ("News", "Info", "Press"),
}
_FIRST_NAMES = ("Irina", "Oleg", "Li", "Wei", "Aigerim", "Timur", "Anna", "Sergei", "Mei")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-ÖØ-ÞА-ЯЁ0-9])")
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"^(19|20)\d\d$")


def seed_sentences(seeds: Path = SEEDS, language: str = "fr") -> list[str]:
    """Sentences of the seeds' unique body paragraphs (no headings), in reading order."""
    out: list[str] = []
    for doc in load_corpus(seeds).documents:
        if not doc.usable or doc.language != language:
            continue
        for p in doc.paragraphs:
            if p.duplicate_of is None and not p.heading:
                out.extend(s.strip() for s in _SENTENCE_END.split(p.text) if len(s.split()) >= 5)
    return out


def actor_names() -> tuple[re.Pattern[str], dict[str, str], dict[str, list[str]]]:
    """A regex of swappable aliases, the type of each alias, and names by type."""
    kb = load_knowledge_base()
    alias_type: dict[str, str] = {}
    by_type: dict[str, list[str]] = defaultdict(list)
    for actor in kb.actors.values():
        if actor.type not in SWAPPED_TYPES:
            continue
        by_type[actor.type].append(actor.name)
        for alias in actor.aliases:
            if len(alias) >= 3:
                alias_type.setdefault(alias, actor.type)
    longest_first = sorted(alias_type, key=lambda a: (-len(a), a))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in longest_first) + r")\b")
    return pattern, alias_type, {t: sorted(names) for t, names in by_type.items()}


def invented_name(kind: str, rng: random.Random) -> str:
    """A name of ``kind`` that no knowledge base lists (syllables drawn by ``rng``)."""
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if kind == "person":
        return (
            f"{rng.choice(_FIRST_NAMES)} {word}ova"
            if rng.random() < 0.5
            else (f"{rng.choice(_FIRST_NAMES)} {word}ov")
        )
    if kind == "government body":
        return f"Agence {word}"
    suffix = rng.choice(_SUFFIXES.get(kind, ("",)))
    return f"{word} {suffix}".strip()


class Generator:
    """Articles from the seeds' sentences; ``article(i)`` depends only on ``seed`` and ``i``."""

    def __init__(self, seed: int = 0, words: int = 600, seeds: Path = SEEDS) -> None:
        self.seed, self.words = seed, words
        self.sentences = seed_sentences(seeds)
        self.russian = [
            s.strip()
            for paragraph in RUSSIAN.read_text(encoding="utf-8").split("\n\n")[1:]
            for s in _SENTENCE_END.split(paragraph)
            if len(s.split()) >= 5
        ]
        self.pattern, self.alias_type, self.names = actor_names()
        self.known = {a.casefold() for a in self.alias_type}
        #: Names swapped in, known and invented (``outside_share`` reads them).
        self.swapped = {"known": 0, "invented": 0}

    def _substitute(self, sentence: str, rng: random.Random) -> str:
        def actor(m: re.Match[str]) -> str:
            kind = self.alias_type[m.group(0)]
            if rng.random() < OUTSIDE_SHARE:
                name = invented_name(kind, rng)
                if name.casefold() not in self.known:
                    self.swapped["invented"] += 1
                    return name
            self.swapped["known"] += 1
            return rng.choice(self.names[kind])

        def number(m: re.Match[str]) -> str:
            digits = m.group(0)
            if _YEAR.match(digits):
                return str(rng.randint(2015, 2030))
            low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
            return str(rng.randint(low, 10 ** len(digits) - 1))

        return _NUMBER.sub(number, self.pattern.sub(actor, sentence))

    def article(self, index: int) -> str:
        rng = random.Random(f"{self.seed}:{index}")
        russian = index % RUSSIAN_EVERY == RUSSIAN_EVERY - 1
        pool = self.russian if russian else self.sentences
        order = rng.sample(range(len(pool)), len(pool))
        paragraphs: list[str] = []
        total, used = 0, 0
        while total < self.words and used < len(order):
            size = rng.randint(3, 5)
            chosen = [self._substitute(pool[i], rng) for i in order[used : used + size]]
            used += size
            paragraphs.append(" ".join(chosen))
            total += sum(len(s.split()) for s in chosen)
        company = self.names["company"]
        joiner, kind = ("и", "сообщение") if russian else ("et", "dépêche")
        title = f"{rng.choice(company)} {joiner} {rng.choice(company)} : {kind} n° {index + 1}"
        return "\n\n".join([title, *paragraphs]) + "\n"


def generate(out_dir: Path, articles: int, *, words: int = 600, seed: int = 0) -> float:
    """Write ``articles`` files ``bench_NNNNN.txt`` into ``out_dir``; return the share of
    swapped actor names that are invented (outside the knowledge base)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed, words)
    for i in range(articles):
        path = out_dir / f"bench_{i:05d}.txt"
        path.write_text(generator.article(i), encoding="utf-8")
    swapped = generator.swapped
    return swapped["invented"] / max(1, swapped["known"] + swapped["invented"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    share = generate(args.out_dir, args.articles, words=args.words, seed=args.seed)
    print(f"{args.articles} articles in {args.out_dir}; {share:.0%} of actor names invented")


if __name__ == "__main__":
    main()
