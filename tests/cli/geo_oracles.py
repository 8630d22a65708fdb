#!/usr/bin/env python3
"""geo_oracles.py — checks `proxinum project|unproject|distance` against independent programs:
PROJ's cs2cs (EPSG:2154, EPSG:3857) and GeographicLib's GeodSolve, on seeded random points.
usage: geo_oracles.py path/to/proxinum     (fails with a hint when an oracle is not installed)
Tolerances: 1 mm for projections, 1e-8 degree back, 1 mm for distances (the CLI rounds to mm)."""
import json
import random
import shutil
import subprocess
import sys

cli = sys.argv[1]
for tool in ("cs2cs", "GeodSolve"):
    if shutil.which(tool) is None:
        sys.exit(f"geo_oracles: {tool} is missing: run tools/setup (Debian proj-bin, geographiclib-tools)")

rng = random.Random(2154)
failures = []


def run_cli(*args):
    out = subprocess.run([cli, *map(str, args)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def oracle(cmd, lines):
    out = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    return [list(map(float, l.split())) for l in out.stdout.strip().splitlines()]


cases = [("EPSG:2154", [(rng.uniform(-5.5, 10.0), rng.uniform(41.0, 51.5)) for _ in range(40)]),
         ("EPSG:3857", [(rng.uniform(-180, 180), rng.uniform(-85, 85)) for _ in range(40)])]
for crs, pts in cases:
    ref = oracle(["cs2cs", "-f", "%.6f", "EPSG:4326", crs], [f"{lat!r} {lon!r}" for lon, lat in pts])
    for (lon, lat), (x, y, _z) in zip(pts, ref):
        got = run_cli("project", "--crs", crs, repr(lon), repr(lat))
        if abs(got["x"] - x) > 1e-3 or abs(got["y"] - y) > 1e-3:
            failures.append(f"project {crs} {lon} {lat}: {got} vs cs2cs {x} {y}")
        back = run_cli("unproject", "--crs", crs, repr(x), repr(y))
        if abs(back["lon"] - lon) > 1e-8 or abs(back["lat"] - lat) > 1e-8:
            failures.append(f"unproject {crs} {x} {y}: {back} vs {lon} {lat}")

pairs = [(rng.uniform(-180, 180), rng.uniform(-90, 90), rng.uniform(-180, 180), rng.uniform(-90, 90))
         for _ in range(40)]
pairs += [(rng.uniform(-5, 9), rng.uniform(42, 51), rng.uniform(-5, 9), rng.uniform(42, 51)) for _ in range(20)]
ref = oracle(["GeodSolve", "-i", "-p", "9"], [f"{a!r} {b!r} {c!r} {d!r}" for b, a, d, c in pairs])
for (lon1, lat1, lon2, lat2), (_az1, _az2, s12) in zip(pairs, ref):
    got = run_cli("distance", repr(lon1), repr(lat1), repr(lon2), repr(lat2))
    if abs(got["meters"] - s12) > 1e-3:
        failures.append(f"distance {lon1} {lat1} {lon2} {lat2}: {got['meters']} vs GeodSolve {s12}")

if failures:
    print("\n".join(failures[:20]))
    sys.exit(f"geo_oracles: {len(failures)} mismatch(es)")
print(f"geo_oracles: {2 * 40 * 2 + len(pairs)} comparisons with cs2cs and GeodSolve agree")
