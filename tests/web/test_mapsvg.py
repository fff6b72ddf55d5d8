"""The offline events map and timeline: valid SVG, right places, nothing executable."""

import itertools
import re
import xml.etree.ElementTree as ET
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.web.mapsvg import (
    MapPoint,
    css_class,
    events_map_svg,
    load_boundaries,
    safe_href,
    timeline_svg,
)

NS = "{http://www.w3.org/2000/svg}"
TRIPOLI = (32.9, 13.18)
DERNA = (32.76, 22.64)
SABHA = (27.04, 14.43)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def links(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """(href, circle) for every linked circle."""
    out = []
    for a in root.iter(f"{NS}a"):
        circles = a.findall(f"{NS}circle")
        assert len(circles) == 1
        out.append((a.get("href"), circles[0]))
    return out


def circle_for(root: ET.Element, href: str) -> ET.Element:
    return next(circle for h, circle in links(root) if h == href)


def countries(root: ET.Element) -> dict[str, ET.Element]:
    return {p.get("data-iso"): p for p in root.iter(f"{NS}path") if p.get("class") == "country"}


def test_boundaries_ship_with_the_package_and_stay_small() -> None:
    data = resources.files("khabar.web").joinpath("boundaries.json")
    assert len(data.read_bytes()) < 400_000
    by_code = {c["a3"]: c for c in load_boundaries()["countries"]}
    assert len(by_code) > 170
    libya = by_code["LBY"]
    assert (libya["a2"], libya["name"], libya["name_ar"]) == ("LY", "Libya", "ليبيا")
    west, south, east, north = libya["bbox"]
    assert west < TRIPOLI[1] < east and south < TRIPOLI[0] < north
    ring = libya["polygons"][0][0]
    assert all(len(p) == 2 and p == [round(p[0], 2), round(p[1], 2)] for p in ring)
    assert all(a != b for a, b in itertools.pairwise(ring))
    # Lesotho is a hole in South Africa: the hole travels with its polygon.
    assert len(by_code["ZAF"]["polygons"][0]) == 2


def test_map_is_svg_with_accessible_name_and_linked_circles() -> None:
    points = [
        MapPoint(*TRIPOLI, "اشتباكات في طرابلس", "/events/1", 3, "Battles"),
        MapPoint(*DERNA, "انفجار في درنة", "/events/2?x=1&y=2", 1, "Explosions/Remote violence"),
    ]
    svg = events_map_svg(points, width=640, height=480)
    root = parse(svg)
    assert root.get("viewBox") == "0 0 640 480"
    assert root.get("role") == "img"
    assert root.get("class") == "map"
    assert "4" in root.get("aria-label") and "2" in root.get("aria-label")
    found = dict(links(root))
    assert set(found) == {"/events/1", "/events/2?x=1&y=2"}
    assert "&amp;" in svg  # the & was escaped in the markup and parsed back
    assert found["/events/1"].get("class") == "event battles"
    assert found["/events/2?x=1&y=2"].get("class") == "event explosions-remote-violence"
    title = found["/events/1"].find(f"{NS}title").text
    assert title == "اشتباكات في طرابلس (3)"


def test_libya_outline_is_drawn_around_a_point_in_tripoli() -> None:
    root = parse(events_map_svg([MapPoint(*TRIPOLI, "طرابلس", "/e/1")]))
    drawn = countries(root)
    assert "LBY" in drawn and "TUN" in drawn  # Tripoli is 150 km from Tunisia
    assert "CHN" not in drawn and "BRA" not in drawn
    assert drawn["LBY"].get("d").startswith("M") and drawn["LBY"].get("d").endswith("Z")
    assert drawn["LBY"].find(f"{NS}title").text == "ليبيا"


def test_country_outlines_are_clipped_to_the_view() -> None:
    root = parse(events_map_svg([MapPoint(*TRIPOLI, "طرابلس", "/e/1")], 640, 480))
    numbers = [
        float(n) for p in countries(root).values() for n in re.findall(r"-?[\d.]+", p.get("d"))
    ]
    assert numbers
    assert min(numbers) >= -2 and max(numbers) <= 642


def test_projection_puts_east_right_and_north_up() -> None:
    points = [
        MapPoint(*TRIPOLI, "west", "/w"),
        MapPoint(*DERNA, "east", "/e"),
        MapPoint(*SABHA, "south", "/s"),
    ]
    root = parse(events_map_svg(points, 640, 480))
    west, east, south = (circle_for(root, h) for h in ("/w", "/e", "/s"))
    assert float(east.get("cx")) > float(west.get("cx"))
    assert float(south.get("cy")) > float(west.get("cy"))  # SVG y grows downwards
    for circle in (west, east, south):
        assert 0 < float(circle.get("cx")) < 640 and 0 < float(circle.get("cy")) < 480


def test_longitude_is_shortened_by_cos_latitude() -> None:
    # One degree east and one degree north of a point at 60°N: the eastward step is drawn
    # half as long (cos 60° = 0.5) as the northward one.
    points = [MapPoint(60, 10, "o", "/o"), MapPoint(60, 11, "e", "/e"), MapPoint(61, 10, "n", "/n")]
    root = parse(events_map_svg(points, 500, 500))
    o, e, n = (circle_for(root, h) for h in ("/o", "/e", "/n"))
    dx = float(e.get("cx")) - float(o.get("cx"))
    dy = float(o.get("cy")) - float(n.get("cy"))
    assert 0.4 < dx / dy < 0.6


def test_hostile_label_href_and_kind_come_out_inert() -> None:
    points = [
        MapPoint(*TRIPOLI, "<script>alert(1)</script>", "javascript:alert(1)", 1, '"><script>'),
        MapPoint(*DERNA, 'x" onmouseover="alert(1)', " javascript:alert(2)"),
        MapPoint(*SABHA, "b", "//evil.example/x"),
        MapPoint(31.2, 16.6, "c", "/\\evil.example"),
        MapPoint(30.0, 20.0, "d", "/\tjavascript:alert(3)"),
    ]
    svg = events_map_svg(points)
    root = parse(svg)
    assert "<script" not in svg.lower()
    for element in root.iter():
        assert not element.tag.endswith("script")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "javascript:" not in value.lower()
    assert [h for h, _ in links(root)] == ["#"] * 5
    titles = [c.find(f"{NS}title").text for _, c in links(root)]
    assert "<script>alert(1)</script> (1)" in titles  # kept as text, shown as typed
    assert circle_for(root, "#").get("class").startswith("event")
    assert all(re.fullmatch(r"event( [a-z0-9-]+)?", c.get("class")) for _, c in links(root))


def test_safe_href_and_css_class() -> None:
    assert safe_href("/events/12?page=2#x") == "/events/12?page=2#x"
    assert safe_href("/أحداث/درنة") == "/أحداث/درنة"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "https://x.example",
        "//x.example",
        "/\\x.example",
        "/\n/x.example",
        "",
        "events/1",
    ):
        assert safe_href(bad) == "#"
    assert css_class("Violence against civilians") == "violence-against-civilians"
    assert css_class("Explosions/Remote violence") == "explosions-remote-violence"
    assert css_class("معارك") == ""


def test_points_at_the_same_place_merge_and_radius_grows_with_count() -> None:
    points = [
        MapPoint(32.901, 13.181, "قصف", "/e/1", 2, "Battles"),
        MapPoint(32.899, 13.179, "اشتباك", "/e/2", 5, "Protests"),
        MapPoint(*DERNA, "درنة", "/e/3", 1),
    ]
    root = parse(events_map_svg(points))
    found = dict(links(root))
    assert set(found) == {"/e/2", "/e/3"}  # the merged point links to its largest part
    merged = found["/e/2"]
    assert merged.find(f"{NS}title").text == "قصف · اشتباك (7)"
    assert merged.get("class") == "event protests"
    assert float(merged.get("r")) > float(found["/e/3"].get("r"))
    # Larger circles are drawn first, so small ones stay on top and clickable.
    assert [h for h, _ in links(root)] == ["/e/2", "/e/3"]


def test_empty_map_shows_libya_and_its_neighbours() -> None:
    for points in ([], [MapPoint(float("nan"), 13.0, "x", "/x"), MapPoint(95, 200, "y", "/y")]):
        root = parse(events_map_svg(points))
        assert links(root) == []
        assert {"LBY", "EGY", "TUN", "DZA"} <= set(countries(root))
        assert root.get("aria-label")


def test_map_size_is_used() -> None:
    root = parse(events_map_svg([MapPoint(*TRIPOLI, "t", "/t")], width=300, height=200))
    assert root.get("viewBox") == "0 0 300 200"
    circle = circle_for(root, "/t")
    assert 0 < float(circle.get("cx")) < 300 and 0 < float(circle.get("cy")) < 200


@settings(max_examples=40, deadline=None)
@given(label=st.text(max_size=40), href=st.text(max_size=40), kind=st.text(max_size=20))
def test_any_text_gives_well_formed_inert_svg(label: str, href: str, kind: str) -> None:
    svg = events_map_svg([MapPoint(*TRIPOLI, label, href, 2, kind)], 200, 150)
    root = parse(svg)
    ((link, circle),) = links(root)
    assert link == "#" or (link == href and link.startswith("/") and not link.startswith("//"))
    assert re.fullmatch(r"event( [a-z0-9-]+)?", circle.get("class"))
    assert not any(e.tag.endswith("script") for e in root.iter())


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == "bar"]


def test_timeline_has_a_bar_per_date_placed_in_time() -> None:
    dates = [("2024-05-01", 3), ("2024-05-10", 1), ("2024-05-04", 6), ("2024-05-04", 1)]
    root = parse(timeline_svg(dates, width=640, height=120))
    assert root.get("viewBox") == "0 0 640 120" and root.get("role") == "img"
    drawn = bars(root)
    assert [b.find(f"{NS}title").text for b in drawn] == [
        "2024-05-01: 3",
        "2024-05-04: 7",
        "2024-05-10: 1",
    ]
    x = [float(b.get("x")) for b in drawn]
    assert abs((x[1] - x[0]) / (x[2] - x[0]) - 3 / 9) < 0.01  # day 3 of 9 after the first
    heights = [float(b.get("height")) for b in drawn]
    assert heights[1] == max(heights) and heights[2] < heights[0] < heights[1]
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert "2024-05-01" in labels and "2024-05-10" in labels and "7" in labels


def test_timeline_months_escaping_and_empty() -> None:
    root = parse(timeline_svg([("2024-01", 2), ("2024-03", 4)]))
    x = [float(b.get("x")) for b in bars(root)]
    assert len(x) == 2 and x[1] > x[0]
    svg = timeline_svg([("<script>x</script>", 1), ("b&c", 2)])
    root = parse(svg)
    assert "<script" not in svg and len(bars(root)) == 2
    empty = parse(timeline_svg([]))
    assert bars(empty) == [] and empty.get("aria-label")
