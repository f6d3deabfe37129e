"""The code's layout holds: no import cycle, small modules, chapters that stand alone."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "analysis"
#: The chapter modules of analysis/report (one per notebook); they import no other.
CHAPTERS = {"actors", "claims", "corpus", "findings", "pivot", "supply_chain"}
MAX_LINES = 700


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the project modules it imports, at the top or inside a function."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        edges[name] = {m for m in found if m in modules and m != name}
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle, or [] (depth-first search)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_module_imports_another_that_imports_it_back() -> None:
    assert _cycle(_imports(_modules())) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_chapter_modules_never_import_each_other() -> None:
    edges = _imports(_modules())
    chapters = {f"analysis.report.{c}" for c in CHAPTERS}
    assert chapters <= set(edges)
    crossing = {c: sorted(edges[c] & chapters) for c in chapters if edges[c] & chapters}
    assert crossing == {}


def test_no_data_file_states_a_key_twice() -> None:
    """A YAML mapping that repeats a key keeps only the last: the first list is a second
    home for a fact that silently does nothing (``relations.yaml`` had ``purpose`` twice)."""
    import collections

    import yaml

    repeated: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        repeated.extend(
            f"{node.start_mark.name}:{node.start_mark.line + 1}: {k}"
            for k, n in collections.Counter(map(str, keys)).items()
            if n > 1
        )
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted((PACKAGE / "data").rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    assert not repeated, repeated
