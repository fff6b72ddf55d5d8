"""A story's chain of transmission drawn as SVG: reports as nodes, reuse as arrows.

Reports are laid out in layers by how far down the chain they are (a source before the
reports that took from it), right to left as Arabic reads, and stacked within a layer by
publication date. An arrow goes from the source to the report that took from it; a solid
arrow is a reuse the later report credits by name («في حوار مع موقع …»), a dashed one a
reuse without credit. Every label comes from news text, so every one is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from khabar.web.mapsvg import safe_href

NODE_WIDTH = 170
NODE_HEIGHT = 46
LAYER_GAP = 90
ROW_GAP = 22
MARGIN = 16
LABEL_CHARS = 24


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # the outlet
    sublabel: str  # the date, or the title's start
    href: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # duplicate / rewrite / partial
    cited: bool  # the target names its source


def layers(nodes: Sequence[Node], edges: Sequence[Edge]) -> list[list[Node]]:
    """Nodes by depth in the reuse graph (longest path from a report that took from none)."""
    ids = {node.id for node in nodes}
    parents: dict[str, list[str]] = {node.id: [] for node in nodes}
    for edge in edges:
        if edge.source in ids and edge.target in ids and edge.source != edge.target:
            parents[edge.target].append(edge.source)
    depth: dict[str, int] = {}

    def depth_of(node_id: str, seen: frozenset[str] = frozenset()) -> int:
        if node_id not in depth:
            known = [p for p in parents[node_id] if p not in seen]  # a cycle stops here
            depth[node_id] = 1 + max((depth_of(p, seen | {node_id}) for p in known),
                                     default=-1)
        return depth[node_id]

    grouped: dict[int, list[Node]] = {}
    for node in nodes:
        grouped.setdefault(depth_of(node.id), []).append(node)
    return [grouped[level] for level in sorted(grouped)]


def provenance_svg(nodes: Sequence[Node], edges: Sequence[Edge]) -> str:
    """The SVG markup (already escaped: insert it as is)."""
    levels = layers(nodes, edges)
    rows = max((len(level) for level in levels), default=1)
    width = MARGIN * 2 + len(levels) * NODE_WIDTH + max(len(levels) - 1, 0) * LAYER_GAP
    height = MARGIN * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP
    where: dict[str, tuple[float, float]] = {}
    for level, members in enumerate(levels):
        x = width - MARGIN - NODE_WIDTH - level * (NODE_WIDTH + LAYER_GAP)  # right to left
        for row, node in enumerate(members):
            where[node.id] = (x, MARGIN + row * (NODE_HEIGHT + ROW_GAP))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="provenance" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape("من نقل عن من", quote=True)}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/>'
        '</marker></defs>',
    ]
    for edge in edges:
        if edge.source not in where or edge.target not in where:
            continue
        (sx, sy), (tx, ty) = where[edge.source], where[edge.target]
        # from the source's left side to the target's right side (the chain runs leftwards)
        x1, y1 = sx, sy + NODE_HEIGHT / 2
        x2, y2 = tx + NODE_WIDTH, ty + NODE_HEIGHT / 2
        if x2 >= x1:  # same layer: along the side
            x1, x2 = sx + NODE_WIDTH / 2, tx + NODE_WIDTH / 2
            y1, y2 = sy + NODE_HEIGHT, ty
        style = "cited" if edge.cited else "uncited"
        label = f"{edge.kind}{' · cites' if edge.cited else ''}"
        parts.append(
            f'<g class="edge {style}" data-source="{escape(edge.source, quote=True)}" '
            f'data-target="{escape(edge.target, quote=True)}">'
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
            f'marker-end="url(#arrow)"/>'
            f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2 - 6:.0f}" '
            f'text-anchor="middle">{escape(label)}</text>'
            f'<title>{escape(label)}</title></g>')
    for node in nodes:
        x, y = where[node.id]
        parts.append(
            f'<a href="{escape(safe_href(node.href), quote=True)}" class="node" '
            f'data-id="{escape(node.id, quote=True)}">'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" '
            f'rx="6"/>'
            f'<text x="{x + NODE_WIDTH / 2:.0f}" y="{y + 19:.0f}" text-anchor="middle">'
            f'{escape(_short(node.label))}</text>'
            f'<text class="sub" x="{x + NODE_WIDTH / 2:.0f}" y="{y + 37:.0f}" '
            f'text-anchor="middle">{escape(_short(node.sublabel))}</text>'
            f'<title>{escape(node.label)} — {escape(node.sublabel)}</title></a>')
    parts.append("</svg>")
    return "".join(parts)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"
