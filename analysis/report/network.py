"""Network layout with networkx, turned into node and edge tables that Altair can draw.

The layout is deterministic: nodes and edges are added in sorted order and each connected
component gets a spring layout (Fruchterman-Reingold, numpy only) from a fixed seed, so the
same tables always give the same picture.
Positions carry no meaning beyond "linked actors sit closer together".
"""

from __future__ import annotations

import math

import altair as alt
import networkx as nx
import pandas as pd

from analysis import charts

#: Seed of the spring layout (any fixed number gives a reproducible picture).
LAYOUT_SEED = 7
#: Circle areas (px²) of the least- and most-mentioned actors.
SIZE_RANGE = (60, 700)
#: Line styles of the relation types (in sorted order), told apart in print: solid, long
#: dash, dots, dash-dot, short dash, dash-dot-dot, long-short.
DASHES = ([1, 0], [12, 6], [2, 5], [12, 5, 2, 5], [5, 5], [12, 5, 2, 5, 2, 5], [20, 5, 5, 5])

NODE_COLUMNS = ("node", "x", "y")
#: Largest component laid out with the spring layout (networkx needs scipy above 500).
SPRING_MAX = 400
#: Node shape by where the actor comes from (``entities.csv``'s ``provenance``).
PROVENANCE_SHAPES = {"knowledge base": "circle", "discovered": "diamond"}
EDGE_COLUMNS = ("edge", "source", "target", "x", "y", "x2", "y2")


def _component_layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected component, centred, in a box of side ~1."""
    if graph.number_of_nodes() == 1:
        return {str(next(iter(graph.nodes))): (0.0, 0.0)}
    if graph.number_of_nodes() > SPRING_MAX:
        # Thousands of actors (a large folder): the spring layout would need scipy and
        # minutes; a circle keeps the CSV complete, and the chart draws only the most
        # supported links, laid out again (``actors.network_selection``).
        positions = nx.circular_layout(graph)
    else:
        positions = nx.spring_layout(graph, seed=seed, iterations=300)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {str(n): ((x - cx) / span, (y - cy) / span) for n, (x, y) in positions.items()}


def layout(
    nodes: list[str], edges: list[tuple[str, str]], seed: int = LAYOUT_SEED
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes``: each connected component laid out on its own, then packed.

    A component of n actors gets a box of side about sqrt(n); boxes are placed in rows,
    largest first (a shelf packing), so small groups do not fly off to the edges as they
    do in a single spring layout. Coordinates are rounded so that the output is stable.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(nodes)))
    for source, target in sorted({tuple(sorted(e)) for e in edges if e[0] != e[1]}):
        if source in graph and target in graph:
            graph.add_edge(source, target)
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    sides = [0.6 + 0.9 * math.sqrt(len(c) - 1) for c in components]
    row_width = max(max(sides), math.sqrt(sum(s * s for s in sides)) * 1.25)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component, side in zip(components, sides, strict=True):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        # Built in sorted order: a subgraph view's copy iterates a set of names, whose
        # order changes with the process's hash seed (and the spring layout with it).
        sub = nx.Graph()
        sub.add_nodes_from(component)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges(component)))
        local = _component_layout(sub, seed)
        inner = side - 0.6 if len(component) > 1 else 0.0
        for node, (lx, ly) in local.items():
            positions[node] = (x + side / 2 + lx * inner, y - side / 2 + ly * inner)
        x += side
        row_height = max(row_height, side)
    return {n: (round(px, 4), round(py, 4)) for n, (px, py) in sorted(positions.items())}


def node_frame(nodes: pd.DataFrame, positions: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """``nodes`` (one row per node, column ``node``) with ``x``, ``y`` and ``label_dy``.

    ``label_dy`` (pixels) puts the name just above the circle: the circle's radius follows
    the size scale (:data:`SIZE_RANGE`, linear in ``mentions`` when that column exists).
    """
    frame = nodes.copy()
    frame["x"] = [positions[n][0] for n in frame["node"]]
    frame["y"] = [positions[n][1] for n in frame["node"]]
    if "mentions" in frame and not frame.empty:
        values = frame["mentions"].astype(float)
        low, high = float(values.min()), float(values.max())
        share = (values - low) / (high - low) if high > low else values * 0
        area = SIZE_RANGE[0] + share * (SIZE_RANGE[1] - SIZE_RANGE[0])
        frame["label_dy"] = [-(4 + 2 * round(math.sqrt(a / math.pi) / 2)) for a in area]
    else:
        frame["label_dy"] = pd.Series(dtype=int)
    return frame.reset_index(drop=True)


def edge_frame(
    edges: pd.DataFrame, positions: dict[str, tuple[float, float]], spread: float = 0.035
) -> pd.DataFrame:
    """``edges`` (columns ``source``, ``target``…) with segment ends ``x, y, x2, y2``.

    Several edges between the same two nodes (e.g. two relation types) are shifted
    sideways by ``spread`` each so that they stay visible side by side. Each row gets an
    ``edge`` id (its position in the sorted table).
    """
    frame = edges.sort_values(["source", "target"]).reset_index(drop=True).copy()
    if frame.empty:
        for column in EDGE_COLUMNS:
            frame[column] = pd.Series(dtype=float if column[0] in "xy" else object)
        return frame
    pair = [tuple(sorted((s, t))) for s, t in zip(frame["source"], frame["target"], strict=True)]
    frame["_pair"] = pair
    frame["_rank"] = frame.groupby("_pair").cumcount()
    frame["_size"] = frame.groupby("_pair")["_pair"].transform("size")
    xs, ys, x2s, y2s = [], [], [], []
    for (a, b), rank, size in zip(frame["_pair"], frame["_rank"], frame["_size"], strict=True):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        offset = (rank - (size - 1) / 2) * spread
        dx, dy = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
        xs.append(round(x1 + dx, 4))
        ys.append(round(y1 + dy, 4))
        x2s.append(round(x2 + dx, 4))
        y2s.append(round(y2 + dy, 4))
    frame["x"], frame["y"], frame["x2"], frame["y2"] = xs, ys, x2s, y2s
    frame.insert(0, "edge", range(len(frame)))
    return frame.drop(columns=["_pair", "_rank", "_size"])


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    width: int = 540,
    height: int = 440,
) -> alt.LayerChart:
    """Edges as rules (dash = relation type), nodes as circles (colour = country, size =
    mentions) with their names.

    ``nodes``: node, x, y, type, country_name, mentions. ``edges``: edge, x, y, x2, y2,
    relation, sentences (count), sentence_ids, source, target.
    """
    relation_types = sorted(set(edges["relation"].astype(str))) if "relation" in edges else []
    if len(relation_types) > len(DASHES):
        raise ValueError(f"at most {len(DASHES)} relation types can be drawn")
    hidden = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    xs = pd.concat([nodes["x"], edges.get("x", pd.Series(dtype=float))])
    pad = 0.25
    x_scale = alt.Scale(domain=[float(xs.min()) - pad, float(xs.max()) + pad], nice=False)
    ys = pd.concat([nodes["y"], edges.get("y", pd.Series(dtype=float))])
    y_scale = alt.Scale(domain=[float(ys.min()) - pad, float(ys.max()) + pad], nice=False)
    # links only flagged seeds state are drawn pale (the corpus chapter says why)
    evidence = (
        {
            "color": alt.Color(
                "evidence:N",
                title="Evidence",
                scale=alt.Scale(
                    domain=["other seeds", "flagged seeds only"], range=["#555555", "#c4c4c4"]
                ),
            )
        }
        if "evidence" in edges
        else {}
    )
    edge_layer = (
        alt.Chart(edges)
        .mark_rule(color="#555555", opacity=0.75)
        .encode(
            **evidence,
            x=alt.X("x:Q", axis=hidden, scale=x_scale),
            y=alt.Y("y:Q", axis=hidden, scale=y_scale),
            x2="x2:Q",
            y2="y2:Q",
            strokeDash=alt.StrokeDash(
                "relation:N",
                title="Relation (line style)",
                # a long legend stroke, so that print shows each dash pattern whole
                legend=alt.Legend(symbolSize=1400, symbolStrokeWidth=2, symbolType="stroke"),
                scale=alt.Scale(domain=relation_types, range=list(DASHES[: len(relation_types)])),
            ),
            strokeWidth=alt.StrokeWidth(
                "sentences:Q",
                title="Supporting sentences",
                scale=alt.Scale(range=[1.5, 5]),
                legend=None,
            ),
            detail="edge:N",
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("target:N", title="Target"),
                alt.Tooltip("sentences:Q", title="Supporting sentences (count)"),
                alt.Tooltip("sentence_ids:N", title="Sentence ids"),
                *([alt.Tooltip("evidence:N", title="Evidence")] if "evidence" in edges else []),
            ],
        )
    )
    totals = nodes.groupby("country_name")["mentions"].sum()
    countries = list(totals.sort_values(ascending=False, kind="stable").index)
    colours = [charts.PALETTE[i % len(charts.PALETTE)] for i in range(len(countries))]
    node_tooltip = [
        alt.Tooltip("node:N", title="Actor"),
        alt.Tooltip("type:N", title="Type"),
        alt.Tooltip("country_name:N", title="Country"),
        alt.Tooltip("mentions:Q", title="Mentions (count)"),
        alt.Tooltip("provenance:N", title="Actor from"),
    ]
    node_layer = (
        alt.Chart(nodes)
        .mark_point(filled=True, opacity=0.95, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("x:Q", axis=hidden, scale=x_scale),
            y=alt.Y("y:Q", axis=hidden, scale=y_scale),
            # the most mentioned countries take the palette's first, most distinct colours
            # (in print, Russia and China must not both be blues)
            color=alt.Color(
                "country_name:N",
                title="Country of the actor",
                scale=alt.Scale(domain=countries, range=colours),
            ),
            # Discovered actors (read from the text, not the knowledge base) are diamonds.
            shape=alt.Shape(
                "provenance:N",
                title="Actor from",
                scale=alt.Scale(
                    domain=list(PROVENANCE_SHAPES), range=list(PROVENANCE_SHAPES.values())
                ),
            ),
            size=alt.Size(
                "mentions:Q",
                title="Mentions (count)",
                scale=alt.Scale(range=list(SIZE_RANGE), zero=False),
            ),
            tooltip=node_tooltip,
        )
    )
    label_layers = [
        alt.Chart(nodes)
        .transform_filter(alt.datum.label_dy == int(dy))
        .mark_text(dy=int(dy), baseline="bottom", fontSize=10, color="#222222")
        .encode(
            x=alt.X("x:Q", axis=hidden, scale=x_scale),
            y=alt.Y("y:Q", axis=hidden, scale=y_scale),
            text="node:N",
            tooltip=node_tooltip,
        )
        for dy in sorted(set(nodes["label_dy"]))
    ]
    heading = alt.TitleParams(title, subtitle=subtitle) if subtitle else title
    # Colour means evidence on the lines and country on the circles: two scales, or the
    # countries would be drawn in the evidence greys.
    return (
        alt.layer(edge_layer, node_layer, *label_layers)
        .resolve_scale(color="independent")
        .properties(title=heading, width=width, height=height)
    )
