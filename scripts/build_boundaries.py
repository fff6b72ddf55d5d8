"""Build khabar/web/boundaries.json, the country outlines of the offline events map.

The web UI draws its events map as SVG from these outlines: no tile server, no network at
run time. The outlines are Natural Earth's 1:110m admin-0 countries (public domain,
naturalearthdata.com), as shipped inside the geopandas 0.14.x wheel (``naturalearth_lowres``;
geopandas 1.0 dropped the bundled datasets). The wheel is only read at development time:
khabar never imports geopandas, shapely or pyshp. The shapefile is parsed here with
``struct`` (polygon records and the dBASE table are simple fixed layouts), so the script needs
nothing beyond the standard library; babel (CLDR) adds Arabic country names when installed.

Steps:
    pip download geopandas==0.14.4 --no-deps -d /tmp/gp
    python scripts/build_boundaries.py /tmp/gp/geopandas-0.14.4-py3-none-any.whl

The argument may also be an unzipped ``naturalearth_lowres.shp`` (its ``.dbf`` and ``.cpg``
beside it). Output: compact JSON, one entry per country, ISO 3166-1 alpha-3 (alpha-2 from
pycountry when the code is a real ISO code; Natural Earth's own codes CYN and SOL for N.
Cyprus and Somaliland, XKX/XK for Kosovo), English name, Arabic name, bounding box and
polygons as lists of rings of [lon, lat] rounded to 2 decimals, duplicate consecutive
points dropped. Deterministic: the same input gives the same file.
"""

from __future__ import annotations

import itertools
import json
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "web" / "boundaries.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
DECIMALS = 2

Ring = list[tuple[float, float]]

# Natural Earth gives Kosovo no code (-99); XKX/XK are the user-assigned codes the EU, IMF
# and CLDR use. N. Cyprus (CYN) and Somaliland (SOL) keep Natural Earth's own codes, which
# are not ISO codes, and get their Arabic names here because CLDR has none.
EXTRA_CODES = {"Kosovo": ("XKX", "XK")}
EXTRA_ARABIC = {"N. Cyprus": "شمال قبرص", "Somaliland": "أرض الصومال"}


def read_inputs(path: Path) -> tuple[bytes, bytes, str]:
    """The .shp and .dbf bytes and the .dbf text encoding, from the wheel or a .shp path."""
    if path.suffix in {".whl", ".zip"}:
        with zipfile.ZipFile(path) as wheel:
            shp = wheel.read(MEMBER + ".shp")
            dbf = wheel.read(MEMBER + ".dbf")
            cpg = wheel.read(MEMBER + ".cpg").decode("ascii")
    else:
        shp = path.read_bytes()
        dbf = path.with_suffix(".dbf").read_bytes()
        cpg_path = path.with_suffix(".cpg")
        cpg = cpg_path.read_text("ascii") if cpg_path.exists() else "latin-1"
    return shp, dbf, cpg.strip() or "latin-1"


def read_dbf(data: bytes, encoding: str) -> list[dict[str, str]]:
    """The attribute rows of a dBASE III table, as stripped strings."""
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for i in range(count):
        start = header_len + i * record_len
        record = data[start : start + record_len]
        if record[:1] == b"*":  # deleted
            continue
        pos = 1
        row = {}
        for name, length in fields:
            row[name] = record[pos : pos + length].decode(encoding).strip()
            pos += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[Ring]]:
    """Each record's rings (lists of (x, y)) from an ESRI polygon shapefile."""
    (code,) = struct.unpack(">i", data[0:4])
    (shape_type,) = struct.unpack("<i", data[32:36])
    if code != 9994 or shape_type != 5:
        raise ValueError(f"not a polygon shapefile (file code {code}, shape type {shape_type})")
    records = []
    pos = 100
    while pos < len(data):
        _number, words = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (rec_type,) = struct.unpack("<i", content[0:4])
        if rec_type == 0:  # null shape
            records.append([])
            continue
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        base = 44 + 4 * num_parts
        coords = struct.unpack(f"<{2 * num_points}d", content[base : base + 16 * num_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, num_points]
        records.append([points[a:b] for a, b in itertools.pairwise(bounds)])
    return records


def signed_area(ring: Ring) -> float:
    """Shoelace area: negative for clockwise rings, which ESRI uses for outer rings."""
    return 0.5 * sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def contains(ring: Ring, point: tuple[float, float]) -> bool:
    """Even-odd point-in-ring test, to give each hole to the outer ring around it."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def group_polygons(rings: list[Ring]) -> list[list[Ring]]:
    """Rings into polygons: each clockwise ring starts one, each hole joins its container."""
    polygons: list[list[Ring]] = []
    holes = []
    for ring in rings:
        if signed_area(ring) <= 0:
            polygons.append([ring])
        else:
            holes.append(ring)
    for hole in holes:
        owner = next((p for p in polygons if contains(p[0], hole[0])), None)
        if owner is None:  # badly wound outer ring: keep it as a polygon of its own
            polygons.append([hole])
        else:
            owner.append(hole)
    return polygons


def simplify(ring: Ring) -> list[list[float]]:
    """Round to DECIMALS and drop repeated consecutive points (and the closing repeat)."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def alpha2(alpha3: str) -> str:
    try:
        import pycountry
    except ImportError:
        return ""
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else ""


def arabic_name(code2: str) -> str:
    try:
        from babel import Locale
    except ImportError:
        return ""
    return Locale("ar").territories.get(code2, "") if code2 else ""


def build(path: Path) -> dict:
    shp, dbf, encoding = read_inputs(path)
    rows = read_dbf(dbf, encoding)
    shapes = read_shp(shp)
    if len(rows) != len(shapes):
        raise ValueError(f"{len(rows)} attribute rows but {len(shapes)} shapes")
    countries = []
    for row, rings in zip(rows, shapes, strict=True):
        polygons = []
        for polygon in group_polygons(rings):
            outer, *holes = (simplify(ring) for ring in polygon)
            if len(outer) >= 3:  # an island that rounds to a point or a line is dropped
                polygons.append([outer, *(hole for hole in holes if len(hole) >= 3)])
        if not polygons:
            continue
        xs = [p[0] for poly in polygons for p in poly[0]]
        ys = [p[1] for poly in polygons for p in poly[0]]
        code3, code2 = EXTRA_CODES.get(row["name"], (row["iso_a3"], ""))
        code3 = "" if code3 == "-99" else code3
        code2 = code2 or alpha2(code3)
        countries.append(
            {
                "a3": code3,
                "a2": code2,
                "name": row["name"],
                "name_ar": arabic_name(code2) or EXTRA_ARABIC.get(row["name"], ""),
                "bbox": [min(xs), min(ys), max(xs), max(ys)],
                "polygons": polygons,
            }
        )
    countries.sort(key=lambda c: (c["a3"] or "~", c["name"]))
    return {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), "
        "as naturalearth_lowres in the geopandas 0.14.4 wheel",
        "built_by": "scripts/build_boundaries.py",
        "coordinates": "[lon, lat], WGS84 degrees, rounded to 2 decimals",
        "countries": countries,
    }


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    data = build(Path(argv[1]))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    rings = sum(len(poly) for c in data["countries"] for poly in c["polygons"])
    print(f"{OUT}: {len(data['countries'])} countries, {rings} rings, {len(text.encode())} bytes")


if __name__ == "__main__":
    main(sys.argv)
