"""Events map and timeline drawn as inline SVG, from country outlines shipped in the package.

khabar runs offline, so the map cannot come from a tile server: the countries are Natural
Earth's 1:110m outlines in ``boundaries.json`` (see BOUNDARIES.md), projected here with a
plain equirectangular projection. At the scale of a region (a country and its neighbours)
that projection is faithful enough once x is scaled by cos(mid-latitude), and it needs no
GIS library.

Everything placed in the SVG — labels, hrefs, CSS classes — comes from news text, which is
untrusted: every text and attribute value is escaped, links are kept only when they are
site-relative paths, and CSS classes are reduced to ``[a-z0-9-]``. The returned string is
therefore safe to insert into a page as markup (Jinja2: ``|safe``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from typing import Any

# Libya and its neighbours: what an analyst of khabar's corpus expects to see when there is
# nothing to plot yet.
DEFAULT_BOX = (5.0, 17.0, 33.0, 36.0)  # west, south, east, north (degrees)
# Degrees: a single point still shows its surroundings; at 1:110m a smaller box would show
# little more than a straight stretch of coast.
MIN_SPAN = 6.0
MARGIN = 0.15  # share of the points' span added on every side
MAX_LABELS = 5  # labels listed in the tooltip of a merged point

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class MapPoint:
    """One place to mark: ``count`` events at (lat, lon), linking to ``href``.

    ``kind`` (e.g. an ACLED event type) becomes a CSS class, so a page can colour the
    circles by type.
    """

    lat: float
    lon: float
    label: str
    href: str
    count: int = 1
    kind: str = ""


@cache
def load_boundaries() -> dict[str, Any]:
    """The country outlines, read once from the package data (never from the network)."""
    text = resources.files("khabar.web").joinpath("boundaries.json").read_text(encoding="utf-8")
    return json.loads(text)


# Characters XML 1.0 forbids even when escaped; news text scraped from the web has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _attr(value: object) -> str:
    """Text or attribute value made safe: XML-forbidden characters dropped, all escaped."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def safe_href(href: str) -> str:
    """``href`` when it is a path on this site, else ``"#"``.

    Only links the web UI itself makes are expected. Anything else — ``javascript:``,
    ``data:``, other sites, and protocol-relative ``//host`` (also spelt ``/\\host`` or with
    tabs or newlines that browsers strip) — is replaced rather than repaired.
    """
    if not isinstance(href, str) or not href.startswith("/"):
        return "#"
    if "\\" in href or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in href):
        return "#"
    if href.startswith("//"):
        return "#"
    return href


def css_class(kind: str) -> str:
    """``kind`` as a CSS class name: lower case, runs of other characters become ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", str(kind).lower()).strip("-")


def _valid(point: MapPoint) -> bool:
    try:
        lat, lon = float(point.lat), float(point.lon)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def merge_points(points: Iterable[MapPoint]) -> list[MapPoint]:
    """Merge points at the same coordinates rounded to 0.01° (about 1 km).

    One circle per place reads better than a stack of identical circles, of which only the
    top one could be hovered or clicked. The merged point sums the counts, lists the distinct
    labels, and keeps the link and kind of its largest part (the first on a tie).
    """
    groups: dict[tuple[float, float], list[MapPoint]] = {}
    for point in points:
        if _valid(point):
            key = (round(float(point.lat), 2), round(float(point.lon), 2))
            groups.setdefault(key, []).append(point)
    merged = []
    for (lat, lon), group in groups.items():
        if len(group) == 1:
            merged.append(group[0])
            continue
        main = max(group, key=lambda p: _count(p.count))  # max keeps the first on a tie
        labels = list(dict.fromkeys(p.label for p in group if p.label))
        label = " · ".join(labels[:MAX_LABELS]) + (" · …" if len(labels) > MAX_LABELS else "")
        total = sum(_count(p.count) for p in group)
        merged.append(MapPoint(lat, lon, label, main.href, total, main.kind))
    return merged


def _count(count: object) -> int:
    try:
        return max(1, int(count))  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 1


def view_box(points: Sequence[MapPoint], width: int, height: int) -> Box:
    """The (west, south, east, north) box shown: the points plus a margin, at the SVG's shape.

    The box is widened in one direction so that, after the cos(mid-latitude) scaling, it has
    the width:height ratio of the SVG — the map is never stretched.
    """
    if points:
        # Near the poles the projection degenerates; no event of interest lies beyond ±80°.
        lats = [min(max(float(p.lat), -80.0), 80.0) for p in points]
        lons = [float(p.lon) for p in points]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        pad_x = max(MARGIN * (east - west), (MIN_SPAN - (east - west)) / 2, 0.5)
        pad_y = max(MARGIN * (north - south), (MIN_SPAN - (north - south)) / 2, 0.5)
        west, east, south, north = west - pad_x, east + pad_x, south - pad_y, north + pad_y
    else:
        west, south, east, north = DEFAULT_BOX
    south, north = max(south, -85.0), min(north, 85.0)
    mid_lat = (south + north) / 2
    x_scale = max(math.cos(math.radians(mid_lat)), 0.05)
    ratio = width / height
    span_x = (east - west) * x_scale  # projected units
    span_y = north - south
    if span_x / span_y < ratio:
        grow = (span_y * ratio / x_scale - (east - west)) / 2
        west, east = west - grow, east + grow
    else:
        grow = (span_x / ratio - span_y) / 2
        south, north = south - grow, north + grow
    return (west, south, east, north)


class _Projection:
    """Equirectangular lon/lat → SVG pixels for a box fitted to the SVG's shape."""

    def __init__(self, box: Box, width: int, height: int) -> None:
        west, south, east, north = box
        self.west, self.north = west, north
        # view_box gave the box the SVG's shape after cos(mid-latitude) scaling, so kx is
        # ky * cos(mid-latitude): a degree of longitude is drawn shorter than one of latitude.
        self.kx = width / (east - west)
        self.ky = height / (north - south)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.kx, (self.north - lat) * self.ky)


def _clip(ring: list[tuple[float, float]], box: Box) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a ring to a rectangle.

    Keeps the SVG small (a corner of Algeria is not the whole of Algeria) while filling
    correctly. The cut edges run along the rectangle, which callers put just outside the
    visible area so that they are hidden.
    """
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    )
    out = ring
    for inside, cross in edges:
        if not out:
            break
        points, out = out, []
        prev = points[-1]
        for point in points:
            if inside(point):
                if not inside(prev):
                    out.append(cross(prev, point))
                out.append(point)
            elif inside(prev):
                out.append(cross(prev, point))
            prev = point
    return out


def _cross_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _intersects(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _country_paths(box: Box, project: _Projection, width: int, height: int) -> list[str]:
    # Clip in pixel space to a rectangle 2 px outside the viewBox: cut edges stay hidden.
    pixel_box = (-2.0, -2.0, width + 2.0, height + 2.0)
    paths = []
    for country in load_boundaries()["countries"]:
        if not _intersects(country["bbox"], box):
            continue
        parts = []
        for polygon in country["polygons"]:
            for ring in polygon:
                clipped = _clip([project(lon, lat) for lon, lat in ring], pixel_box)
                if len(clipped) < 3:
                    continue
                coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in clipped)
                parts.append(f"M{coords}Z")
        if parts:
            name = country.get("name_ar") or country["name"]
            paths.append(
                f'<path class="country" data-iso="{_attr(country["a3"])}" '
                f'fill="#eeeae2" stroke="#9a958c" stroke-width="0.6" fill-rule="evenodd" '
                f'd="{"".join(parts)}"><title>{_attr(name)}</title></path>'
            )
    return paths


def radius(count: int, width: int, height: int) -> float:
    """Circle radius: its area, not its radius, grows with the count (radius ∝ √count)."""
    return min(3.0 + 2.5 * math.sqrt(max(count, 1)), min(width, height) / 8)


def events_map_svg(points: Sequence[MapPoint], width: int = 640, height: int = 480) -> str:
    """An SVG map of ``points`` over the country outlines around them, as a markup string.

    The box is the points' extent plus a margin (at least ``MIN_SPAN`` degrees across), or
    Libya and its neighbours when there are no usable points. Each place is a circle, linked
    to its ``href`` (site-relative paths only) with a tooltip «label (count)»; larger circles
    are drawn first so that small ones stay clickable on top. All values are escaped.
    """
    width, height = max(int(width), 1), max(int(height), 1)
    merged = merge_points(points)
    box = view_box(merged, width, height)
    project = _Projection(box, width, height)
    total = sum(_count(p.count) for p in merged)
    if merged:
        aria = f"خريطة الأحداث — عدد الأحداث: {total}، عدد المواقع: {len(merged)}"
    else:
        aria = "خريطة الأحداث — لا أحداث ذات إحداثيات"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{_attr(aria)}">',
        f'<rect class="sea" x="0" y="0" width="{width}" height="{height}" fill="#dde9f0"/>',
        '<g class="countries">',
        *_country_paths(box, project, width, height),
        "</g>",
        '<g class="events">',
    ]
    for point in sorted(merged, key=lambda p: -_count(p.count)):
        x, y = project(float(point.lon), float(point.lat))
        count = _count(point.count)
        classes = " ".join(c for c in ("event", css_class(point.kind)) if c)
        parts.append(
            f'<a href="{_attr(safe_href(point.href))}">'
            f'<circle class="{_attr(classes)}" cx="{_num(x)}" cy="{_num(y)}" '
            f'r="{_num(radius(count, width, height))}" fill="#b03a2e" fill-opacity="0.65" '
            f'stroke="#ffffff" stroke-width="1">'
            f"<title>{_attr(point.label)} ({count})</title></circle></a>"
        )
    parts += ["</g>", "</svg>"]
    return "".join(parts)


def _date_key(text: str) -> tuple[str, int] | None:
    """(granularity, ordinal) of an ISO date: day, month or year; None when not a date."""
    text = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]) and (len(text) == 10 or text[10] in "T "):
            return ("day", date.fromisoformat(text[:10]).toordinal())
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            return ("month", year * 12 + month - 1) if 1 <= month <= 12 else None
        if re.fullmatch(r"\d{4}", text):
            return ("year", int(text))
    except ValueError:
        return None
    return None


def timeline_svg(dates: Sequence[tuple[str, int]], width: int = 640, height: int = 120) -> str:
    """A bar chart of event counts per date (``[("2024-05-03", 4), …]``), as SVG markup.

    When every date is an ISO day (or every one a month, or a year) the bars stand at their
    place in time, so that quiet days show as gaps; otherwise they stand in sorted order.
    Repeated dates are summed. Time runs left to right, as on most Arabic-language charts;
    the axis shows the first and last dates and the tallest bar's count. All text is escaped.
    """
    width, height = max(int(width), 40), max(int(height), 40)
    totals: dict[str, int] = {}
    for when, count in dates:
        totals[str(when)] = totals.get(str(when), 0) + max(0, _int(count))
    entries = sorted(totals.items())
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
    ]
    if not entries:
        aria = "الخط الزمني للأحداث — لا تواريخ"
        parts[0] += f'aria-label="{_attr(aria)}">'
        parts.append(
            f'<text class="empty" x="{width / 2:g}" y="{height / 2:g}" text-anchor="middle" '
            f'font-size="12" fill="#666666">{_attr("لا تواريخ")}</text></svg>'
        )
        return "".join(parts)
    total = sum(count for _, count in entries)
    aria = f"الخط الزمني للأحداث من {entries[0][0]} إلى {entries[-1][0]} — عدد الأحداث: {total}"
    parts[0] += f'aria-label="{_attr(aria)}">'

    keys = [_date_key(when) for when, _ in entries]
    if all(keys) and len({k[0] for k in keys if k}) == 1:
        ordinals = [k[1] for k in keys if k]
        slots = [o - ordinals[0] for o in ordinals]
        n_slots = slots[-1] + 1
    else:
        slots = list(range(len(entries)))
        n_slots = len(entries)

    left, right, top, bottom = 4.0, 4.0, 16.0, 18.0
    plot_w, plot_h = width - left - right, height - top - bottom
    slot_w = plot_w / n_slots
    bar_w = max(slot_w * 0.8, 0.5)
    peak = max(count for _, count in entries) or 1
    base = top + plot_h
    parts.append('<g class="bars">')
    for (when, count), slot in zip(entries, slots, strict=True):
        h = plot_h * count / peak
        x = left + slot * slot_w + (slot_w - bar_w) / 2
        parts.append(
            f'<rect class="bar" x="{x:.2f}" y="{base - h:.2f}" width="{bar_w:.2f}" '
            f'height="{h:.2f}" fill="#b03a2e"><title>{_attr(when)}: {count}</title></rect>'
        )
    parts.append("</g>")
    text = 'font-size="10" fill="#444444" direction="ltr"'
    parts += [
        f'<line class="axis" x1="{left:g}" y1="{base:g}" x2="{width - right:g}" '
        f'y2="{base:g}" stroke="#888888" stroke-width="1"/>',
        f'<text class="axis-label" x="{left:g}" y="{height - 4:g}" text-anchor="start" '
        f"{text}>{_attr(entries[0][0])}</text>",
        f'<text class="axis-label" x="{width - right:g}" y="{height - 4:g}" '
        f'text-anchor="end" {text}>{_attr(entries[-1][0])}</text>',
        f'<text class="axis-label" x="{left:g}" y="{top - 4:g}" text-anchor="start" '
        f"{text}>{peak}</text>",
        "</svg>",
    ]
    return "".join(parts)


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 0
