"""Make the map's country outlines, once, from Natural Earth's countries as the npm package
`world-atlas` ships them (TopoJSON), cut to a region: the small file the generator keeps and draws.

Run it again only to change the region or the source version (nothing reads the network at build
or read time):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/map_outlines.py package/countries-50m.json --box 25 24 55 42

It decodes the TopoJSON arcs (quantized, delta-encoded), cuts every ring to the box
(Sutherland-Hodgman against each side), rounds to 0.01 degree (about a kilometre: far finer than
a phone's pixel on a map of the region) and drops points that no longer move the line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from explainer.maps import clip  # noqa: E402  (the same cut the maps use)

OUT = Path(__file__).resolve().parent.parent / "hooks" / "explainer" / "geo"
PRECISION = 2  # decimal places of a degree


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs in degrees: TopoJSON stores them quantized and as differences from the point before."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """A closed ring from its arcs; a negative index (~i) is arc i read backwards."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def rounded(points) -> list[list[float]]:
    """Points to 0.01 degree, without repeats and without points on a straight line between neighbours."""
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, PRECISION), round(y, PRECISION)]
        if out and p == out[-1]:
            continue
        if len(out) >= 2 and _collinear(out[-2], out[-1], p):
            out[-1] = p
            continue
        out.append(p)
    return out


def _collinear(a, b, c) -> bool:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) < 1e-9


def convert(source: Path, box: tuple[float, float, float, float]) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                cut = rounded(clip(ring(indexes, arcs), box))
                if len(cut) >= 4:
                    rings.append(cut)
        if rings:
            countries.append({"id": str(geometry.get("id", "")), "name": geometry["properties"]["name"], "rings": rings})
    countries.sort(key=lambda c: c["name"])
    return {"box": list(box), "countries": countries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="countries-50m.json from the world-atlas package")
    parser.add_argument("--box", type=float, nargs=4, metavar=("WEST", "SOUTH", "EAST", "NORTH"), default=(25, 24, 55, 42))
    args = parser.parse_args()
    data = convert(args.source, tuple(args.box))
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"
    (OUT / "outlines.json").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(args.source.read_bytes()).hexdigest()
    print(f"wrote {OUT / 'outlines.json'}: {len(data['countries'])} countries, {len(text.encode())} bytes "
          f"(source sha256 {digest})")


if __name__ == "__main__":
    main()
