"""The offline world map: an equirectangular projection shared by the outline and the event points.

``static/world.svg`` (country outlines and a 30° graticule, viewBox 0 0 360 180) is generated once by
this module's ``main`` from the Natural Earth 1:110m countries (public domain) shipped inside the
geopandas 0.14.4 wheel, read straight from the wheel file (no install, nothing fetched by the page):

    pip download --no-deps geopandas==0.14.4 -d /tmp/geo
    python -m newsdesk.web.worldmap /tmp/geo/geopandas-0.14.4-py3-none-any.whl
"""
from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).parent / "static" / "world.svg"
SHP = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp"
WIDTH, HEIGHT = 360, 180


def project(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) in degrees -> (x, y) in the map's viewBox."""
    return round(lon + 180, 2), round(90 - lat, 2)


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each shape's rings as (lon, lat) lists, from an ESRI Shapefile (.shp) of polygons."""
    shapes, pos = [], 100
    while pos + 8 <= len(shp):
        _, words = struct.unpack(">ii", shp[pos:pos + 8])
        content = shp[pos + 8:pos + 8 + words * 2]
        pos += 8 + words * 2
        if struct.unpack("<i", content[:4])[0] != 5:  # 5 = polygon
            continue
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{nparts}i", content[44:44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = [struct.unpack("<dd", content[base + 16 * i:base + 16 * i + 16]) for i in range(npoints)]
        shapes.append([pts[parts[k]:parts[k + 1]] for k in range(nparts)])
    return shapes


def ring_path(ring: list[tuple[float, float]], step: float = 0.2) -> str:
    """SVG path data for one ring, snapped to ``step`` degrees, repeated points dropped."""
    pts: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = project(lat, lon)
        p = (round(x / step) * step, round(y / step) * step)
        if not pts or p != pts[-1]:
            pts.append(p)
    if len(pts) < 4:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in (tuple(round(c, 1) for c in p) for p in pts)) + "Z"


def build_svg(shapes: list[list[list[tuple[float, float]]]]) -> str:
    land = "".join(ring_path(r) for shape in shapes for r in shape)
    grid = "".join(f"M{x} 0V{HEIGHT}" for x in range(0, WIDTH + 1, 30))
    grid += "".join(f"M0 {y}H{WIDTH}" for y in range(0, HEIGHT + 1, 30))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}">'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef3f8"/>'
            f'<path d="{grid}" fill="none" stroke="#d3dde8" stroke-width="0.3"/>'
            f'<path d="{land}" fill="#d9dfd3" stroke="#a9b3a2" stroke-width="0.2" fill-rule="evenodd"/>'
            "</svg>\n")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit(__doc__)
    with zipfile.ZipFile(args[0]) as wheel:
        shapes = read_polygons(wheel.read(SHP))
    OUT.write_text(build_svg(shapes), encoding="utf-8")
    print(f"{len(shapes)} countries -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
