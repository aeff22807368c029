"""Generate src/sumrules/data/state_ratio_curves.json: the node values of the per-state ratio
interpolants (:mod:`sumrules.models.hydrogenic.ratio_curves`) from the package's own route.

    python tools/state_ratio_curves.py                 # every state of ratio_curves.STATES
    python tools/state_ratio_curves.py 2p 3d           # some states (the others are kept)
    python tools/state_ratio_curves.py --nodes 44 --out /tmp/4s.json 4s   # degree 44, elsewhere
    python tools/state_ratio_curves.py --merge /tmp/4s.json /tmp/4p.json  # into the package file

Route: the closed forms r(κ) (``ratio_curves.node_ratios``: ``exact_sum_rule_ratios``), Z = 1,
at ``ratio_curves.NODE_DPS`` digits per node (x = T/I = 1/u²). Per state: the N + 1
Chebyshev–Radau nodes (u = 0 exact: g = 0), a recomputation of some nodes at 6 more digits
(node_checks) and closed-form values at independent check points between nodes (checks), each
with its absolute error against the interpolant. One process; the file is rewritten after every
state, and a state already in it is skipped unless named on the command line.
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
from sumrules.models.hydrogenic import ratio_curves as rc
from sumrules.models.hydrogenic.states import label, parse_label

OUT = Path(__file__).resolve().parents[1] / "src" / "sumrules" / "data" / rc.DATA_FILE
#: node indices recomputed at 6 more digits: the largest x (smallest u) and a few others
NODE_CHECKS = (1, 3, 16, 30, rc.NODES)
#: check points: the midpoint of the nodes j and j + 1 for these j
CHECK_MIDPOINTS = (1, 2, 4, 6, 9, 12, 18, 24, 31, 38, 44, 47)


def _x(u: mpmath.mpf) -> mpmath.mpf:
    return 1 / (u * u)


def _state(n: int, l: int, degree: int = rc.NODES) -> dict[str, Any]:
    start = time.perf_counter()
    with precision(60):
        us = rc.radau_nodes(degree)
    g_nmm, g_ew, dps_list = ["0"], ["0"], [0]
    for j, u in enumerate(us[1:], 1):
        with precision(60):
            x = _x(u)
        d = rc.NODE_DPS
        r_nmm, r_ew = rc.node_ratios(n, l, x, d)
        with precision(d + 10):
            f = rc.sommerfeld_factor(n, u)
            g_nmm.append(mpmath.nstr(r_nmm * f, d + 2))
            g_ew.append(mpmath.nstr(r_ew * f, d + 2))
        dps_list.append(d)
        print(f"  {label(n, l)} node {j:2d} x = {mpmath.nstr(x, 8)} dps {d}", flush=True)
    nodes = [mpmath.nstr(u, 50) for u in us]
    partial = rc.RatioCurve(n, l, tuple(nodes), tuple(g_nmm), tuple(g_ew), tuple(dps_list), (), ())
    node_checks = []
    for j in (*NODE_CHECKS[:-1], degree):
        with precision(60):
            x = _x(us[j])
        d = dps_list[j] + 6
        a, b = rc.node_ratios(n, l, x, d)
        with precision(d):
            va, vb = partial.ratios(x, dps=d)
            err = max(abs(va - a), abs(vb - b))
        node_checks.append(
            {
                "x": mpmath.nstr(x, 40),
                "dps": d,
                "r_nmm": mpmath.nstr(a, d),
                "r_ew": mpmath.nstr(b, d),
                "error": float(err),
            }
        )
        print(f"  {label(n, l)} node check j = {j}: {float(err):.2e}", flush=True)
    checks = []
    for j in CHECK_MIDPOINTS:
        with precision(60):
            u = (us[j] + us[j + 1]) / 2
        p = rc.check_point(n, l, u)
        with precision(p["dps"]):
            va, vb = partial.ratios(mpmath.mpf(p["x"]), dps=p["dps"])
            err = max(abs(va - mpmath.mpf(p["r_nmm"])), abs(vb - mpmath.mpf(p["r_ew"])))
        p["error"] = float(err)
        checks.append(p)
        print(f"  {label(n, l)} check x = {p['x'][:10]}: {float(err):.2e}", flush=True)
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
        "script": "tools/state_ratio_curves.py",
        "route": "closed forms r(kappa): closed_form_ratios.exact_sum_rule_ratios "
        "(ratio_curves.node_ratios), Z = 1",
        "dps": f"ratio_curves.NODE_DPS = {rc.NODE_DPS}",
        "nodes": "Chebyshev-Radau in u = sqrt(I/T), degree N per state (len(nodes) - 1; "
        f"{rc.NODES} unless more were needed), u = 0 exact",
        "interpolated": "g = r (1 - exp(-2 pi nu)), nu = n u / sqrt(1 - u^2)",
        "date": datetime.date.today().isoformat(),
        "mpmath": mpmath.__version__,
    }


def _write(out: Path, doc: dict[str, Any]) -> None:
    doc["provenance"] = _provenance()
    doc["states"] = dict(sorted(doc["states"].items()))
    out.write_text(json.dumps(doc, indent=1) + "\n")


def _merge(paths: list[str]) -> int:
    doc = json.loads(OUT.read_text())
    for path in paths:
        for key, state in json.loads(Path(path).read_text())["states"].items():
            doc["states"][key] = state
            print(f"{key}: merged from {path} (degree {len(state['nodes']) - 1})", flush=True)
    _write(OUT, doc)
    return 0


def main(argv: list[str]) -> int:
    args = list(argv)
    if args[:1] == ["--merge"]:
        return _merge(args[1:])
    degree, out = rc.NODES, OUT
    while args[:1] and args[0] in ("--nodes", "--out"):
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--nodes":
            degree = int(value)
        else:
            out = Path(value)
    wanted = [parse_label(a) for a in args] or list(rc.STATES)
    doc: dict[str, Any] = {"states": {}}
    if out.exists():
        doc = json.loads(out.read_text())
    for n, l in wanted:
        key = label(n, l)
        if key in doc["states"] and args == []:
            print(f"{key}: kept", flush=True)
            continue
        print(f"{key}: computing (degree {degree})", flush=True)
        doc["states"][key] = _state(n, l, degree)
        _write(out, doc)
        print(f"{key}: {doc['states'][key]['seconds']} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
