"""The provenance graph: sources before the reports that took from them, escaped labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from khabar.web.graph import Edge, Node, layers, provenance_svg

NODES = [Node("a", "وكالة", "2025-03-10", "/articles/a"),
         Node("b", "صحيفة", "2025-03-11", "/articles/b"),
         Node("c", "<script>alert(1)</script>", "", "javascript:alert(2)")]
EDGES = [Edge("a", "b", "rewrite", cited=True), Edge("b", "c", "duplicate", cited=False)]


def test_a_source_is_laid_out_before_what_took_from_it() -> None:
    assert [[node.id for node in level] for level in layers(NODES, EDGES)] == [["a"], ["b"],
                                                                               ["c"]]
    # a cycle (two reports each said to take from the other) still lays out every node
    cycle = layers(NODES[:2], [Edge("a", "b", "rewrite", True), Edge("b", "a", "rewrite", True)])
    assert sorted(node.id for level in cycle for node in level) == ["a", "b"]


def test_the_svg_parses_marks_citations_and_escapes_news_text() -> None:
    svg = provenance_svg(NODES, EDGES)
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    edges = root.findall("svg:g", ns)
    assert [(e.get("data-source"), e.get("data-target"), e.get("class")) for e in edges] == [
        ("a", "b", "edge cited"), ("b", "c", "edge uncited")]
    links = [a.get("href") for a in root.findall("svg:a", ns)]
    assert links == ["/articles/a", "/articles/b", "#"]  # javascript: never gets in
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    # right to left: the source stands to the right of the report that took from it
    x = {a.get("data-id"): float(a.find("svg:rect", ns).get("x"))
         for a in root.findall("svg:a", ns)}
    assert x["a"] > x["b"] > x["c"]
