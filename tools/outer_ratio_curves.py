"""Generate src/sumrules/data/outer_ratio_curves.json: the ratio curves of 4d, 5s, 5p
(:mod:`sumrules.models.hydrogenic.outer_curves`) from the Coulomb-wave quadrature.

    python tools/outer_ratio_curves.py              # every state of outer_curves.OUTER_STATES
    python tools/outer_ratio_curves.py --out /tmp/x.json 5s   # one state, elsewhere

Per state: the DEGREE + 1 Chebyshev–Radau nodes in u = √(I/T) (u = 0 exact: g = 0), the
values g = r·(1 − e^{−2πν}) at ``outer_curves.node_dps(n, x)`` digits, some nodes recomputed at 6
more digits (node_checks) and live values at midpoints between nodes (checks), each with its
absolute error against the interpolant. The file is rewritten after every state.
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from pathlib import Path
from typing import Any

import mpmath

from sumrules.core.numeric import precision
from sumrules.models.hydrogenic import outer_curves as oc
from sumrules.models.hydrogenic import ratio_curves as rc
from sumrules.models.hydrogenic.states import label

OUT = Path(__file__).resolve().parents[1] / "src" / "sumrules" / "data" / oc.DATA_FILE
#: nodes recomputed at 6 more digits
NODE_CHECKS = (1, 8, oc.DEGREE)
#: check points: the midpoint of the nodes j and j + 1 for these j
CHECK_MIDPOINTS = (2, 9, 16, 22)


def _x(u: mpmath.mpf) -> mpmath.mpf:
    return 1 / (u * u)


def _entry(x: mpmath.mpf, d: int, a: Any, b: Any, err: Any) -> dict[str, Any]:
    return {
        "x": mpmath.nstr(x, 40),
        "dps": d,
        "r_nmm": mpmath.nstr(a, d),
        "r_ew": mpmath.nstr(b, d),
        "error": float(err),
    }


def _against(curve: rc.RatioCurve, x: mpmath.mpf, d: int) -> dict[str, Any]:
    a, b = oc.live_ratios(curve.n, curve.l, x, d)
    with precision(d):
        va, vb = curve.ratios(x, dps=d)
        err = max(abs(va - a), abs(vb - b))
    return _entry(x, d, a, b, err)


def _state(n: int, l: int) -> dict[str, Any]:
    start = time.perf_counter()
    with precision(60):
        us = rc.radau_nodes(oc.DEGREE)
    g_nmm, g_ew, dps_list = ["0"], ["0"], [0]
    for j, u in enumerate(us[1:], 1):
        with precision(60):
            x = _x(u)
        d = oc.node_dps(n, x)
        r_nmm, r_ew = oc.live_ratios(n, l, x, d)
        with precision(d + 10):
            f = rc.sommerfeld_factor(n, u)
            g_nmm.append(mpmath.nstr(r_nmm * f, d + 2))
            g_ew.append(mpmath.nstr(r_ew * f, d + 2))
        dps_list.append(d)
        print(f"  {label(n, l)} node {j:2d} x = {mpmath.nstr(x, 8)} dps {d}", flush=True)
    nodes = [mpmath.nstr(u, 50) for u in us]
    partial = rc.RatioCurve(n, l, tuple(nodes), tuple(g_nmm), tuple(g_ew), tuple(dps_list), (), ())
    node_checks = []
    for j in NODE_CHECKS:
        with precision(60):
            x = _x(us[j])
        node_checks.append(_against(partial, x, dps_list[j] + 6))
        print(f"  {label(n, l)} node check j = {j}: {node_checks[-1]['error']:.2e}", flush=True)
    checks = []
    for j in CHECK_MIDPOINTS:
        with precision(60):
            x = _x((us[j] + us[j + 1]) / 2)
        checks.append(_against(partial, x, oc.node_dps(n, x)))
        print(f"  {label(n, l)} check x = {mpmath.nstr(x, 6)}: {checks[-1]['error']:.2e}")
    return {
        "n": n,
        "l": l,
        "nodes": nodes,
        "g_nmm": g_nmm,
        "g_ew": g_ew,
        "node_dps": dps_list,
        "node_checks": node_checks,
        "checks": checks,
        "seconds": round(time.perf_counter() - start, 1),
    }


def _provenance() -> dict[str, Any]:
    return {
        "script": "tools/outer_ratio_curves.py",
        "route": "coulomb_waves.ratio_quadrature (3D Coulomb-wave quadrature of S), Z = 1",
        "dps": "outer_curves.node_dps(n, x): 16 (n = 5: 20) up to x = 300, 3 more per decade",
        "nodes": f"Chebyshev-Radau in u = sqrt(I/T), degree {oc.DEGREE}, u = 0 exact",
        "interpolated": "g = r (1 - exp(-2 pi nu)), nu = n u / sqrt(1 - u^2)",
        "date": datetime.date.today().isoformat(),
        "mpmath": mpmath.__version__,
    }


def main(argv: list[str]) -> int:
    args = list(argv)
    out = OUT
    if args[:1] == ["--out"]:
        out, args = Path(args[1]), args[2:]
    wanted = [s for s in oc.OUTER_STATES if not args or label(*s) in args]
    doc: dict[str, Any] = {"states": {}}
    if out.exists():
        doc = json.loads(out.read_text())
    for n, l in wanted:
        key = label(n, l)
        print(f"{key}: computing (degree {oc.DEGREE})", flush=True)
        doc["states"][key] = _state(n, l)
        doc["provenance"] = _provenance()
        doc["states"] = dict(sorted(doc["states"].items()))
        out.write_text(json.dumps(doc, indent=1) + "\n")
        print(f"{key}: {doc['states'][key]['seconds']} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
