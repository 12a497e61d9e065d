"""Cuts the map outline the report ships from the world-atlas npm package (Natural Earth).

    npm install world-atlas@2.0.2 --prefix /tmp/wa
    python scripts/extract_outline.py /tmp/wa/node_modules/world-atlas/countries-50m.json

Writes data/geo/countries.geo.json: GeoJSON of the countries around the two, clipped to the
region the map shows, with points snapped to 0.05 degree (about 5 km), finer than a pixel of a
page-wide map, which keeps it small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COUNTRIES = {
    "Kazakhstan",
    "Turkmenistan",
    "Uzbekistan",
    "Iran",
    "Azerbaijan",
    "Russia",
    "Afghanistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Georgia",
    "Armenia",
    "China",
    "Mongolia",
}
OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.geo.json"


def snap(degrees: float) -> float:
    """To a 0.05-degree grid (about 5 km): finer than a pixel of a page-wide map of the region."""
    return round(round(degrees * 20) / 20, 2)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded and quantized; turn them into lon/lat points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((snap(x * sx + tx), snap(y * sy + ty)))
        arcs.append(points)
    return arcs


BOX = (38.0, 32.0, 82.0, 57.0)  # west, south, east, north: the region the map shows


def clip(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a ring inside BOX (Russia alone would weigh 100 KB)."""
    west, south, east, north = BOX
    edges = [
        (
            lambda p: p[0] >= west,
            lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0])),
        ),
        (
            lambda p: p[0] <= east,
            lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0])),
        ),
        (
            lambda p: p[1] >= south,
            lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south),
        ),
        (
            lambda p: p[1] <= north,
            lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north),
        ),
    ]
    for inside, cross in edges:
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
        if not points:
            break
    return [(round(x, 2), round(y, 2)) for x, y in points]


def ring(indexes: list[int], arcs: list) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    points = clip(points)
    deduplicated = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(deduplicated) < 3:
        return []
    return [list(p) for p in [*deduplicated, deduplicated[0]]]


def feature(geometry: dict, arcs: list) -> dict:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    kept = [[r for r in (ring(indexes, arcs) for indexes in polygon) if r] for polygon in polygons]
    shape = {"type": "MultiPolygon", "coordinates": [p for p in kept if p]}
    return {
        "type": "Feature",
        "properties": {"name": geometry["properties"]["name"]},
        "geometry": shape,
    }


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    features = [feature(g, arcs) for g in geometries if g["properties"]["name"] in COUNTRIES]
    missing = COUNTRIES - {f["properties"]["name"] for f in features}
    if missing:
        raise SystemExit(f"not in {path}: {sorted(missing)}")
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:50m admin-0 countries, via the world-atlas npm package 2.0.2 "
        "(countries-50m.json); extracted by scripts/extract_outline.py",
        "features": sorted(features, key=lambda f: f["properties"]["name"]),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB, {len(features)} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
