"""The sector knowledge base: its schema, its size, and one meaning per alias."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis.extraction.actors import (
    KB_PATH,
    KnowledgeBaseError,
    load_knowledge_base,
    parse_knowledge_base,
)


def _data() -> dict:
    with open(KB_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_the_sector_knowledge_base_is_large_and_well_formed() -> None:
    data = _data()
    kb = load_knowledge_base()
    actors = [a for a in kb.actors.values() if a.type != "country"]
    assert len(actors) >= 250
    types, sectors = set(data["types"]), set(data["sectors"])
    for actor in actors:
        assert actor.type in types and re.fullmatch(r"[A-Z]{2}", actor.country), actor
        assert not actor.sector or actor.sector in sectors, actor
        assert not actor.parent or actor.parent in kb.actors, actor
    # French/English and Russian forms: most entries carry Cyrillic aliases.
    cyrillic = [a for a in actors if any(re.search("[\u0400-\u04ff]", x) for x in a.aliases)]
    assert len(cyrillic) >= len(actors) // 2


def test_no_alias_names_two_actors() -> None:
    owner: dict[str, str] = {}
    for actor in load_knowledge_base().actors.values():
        for alias in actor.aliases:
            assert owner.setdefault(alias.casefold(), actor.name) == actor.name, alias


def test_a_shared_alias_or_unknown_parent_is_refused() -> None:
    base = {"types": ["company", "brand"], "sectors": ["automaker"]}
    shared = {
        **base,
        "actors": [
            {"name": "Alpha Motors", "type": "company", "country": "CN", "aliases": ["AM"]},
            {"name": "Amber Motors", "type": "company", "country": "RU", "aliases": ["am"]},
        ],
    }
    with pytest.raises(KnowledgeBaseError, match="names two actors"):
        parse_knowledge_base(shared)
    orphan = {
        **base,
        "actors": [{"name": "Zeta", "type": "brand", "country": "CN", "parent": "Nobody"}],
    }
    with pytest.raises(KnowledgeBaseError, match="parent"):
        parse_knowledge_base(orphan)
    latin = {**base, "actors": [{"name": "Zeta", "type": "brand", "country": "CN", "ru": ["Zeta"]}]}
    with pytest.raises(KnowledgeBaseError, match="Cyrillic"):
        parse_knowledge_base(latin)


def test_lexicon_words_are_strings() -> None:
    """YAML reads bare no/yes/on/off as booleans: no word of a lexicon may become one
    ("no" is a negation, not False); values may be numbers or empty."""
    lexicons = Path(__file__).resolve().parents[2] / "analysis" / "data" / "lexicons"

    def leaves(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from leaves(value)
        elif isinstance(node, list):
            for value in node:
                yield from leaves(value)
        else:
            yield node

    for path in sorted(lexicons.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        bad = [v for v in leaves(data) if isinstance(v, bool)]
        assert bad == [], f"{path.name}: words read as booleans {bad} (quote them)"
