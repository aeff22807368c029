"""What the two ratio-curve generators share: the node values, the checks and the record.

``tools/state_ratio_curves.py`` (closed forms, per-state degree) and
``tools/outer_ratio_curves.py`` (Coulomb-wave quadrature, fixed degree) differ only in the route
that gives (r_nmm, r_ew) at x = T/I, the digits asked at each node and the check points; this
module builds, from those, the record of one state as the package data stores it
(:mod:`sumrules.models.hydrogenic.ratio_curves`): nodes u in √(I/T), g = r·(1 − e^{−2πν}) at
each node, node rechecks and check points with their absolute errors against the interpolant.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import mpmath

from sumrules.core.numeric import precision
from sumrules.models.hydrogenic import ratio_curves as rc
from sumrules.models.hydrogenic.states import label

#: (n, l, x, dps) -> (r_nmm, r_ew)
Ratios = Callable[[int, int, mpmath.mpf, int], tuple[mpmath.mpf, mpmath.mpf]]


def x_of(u: mpmath.mpf) -> mpmath.mpf:
    """x = T/I = 1/u² at 60 digits."""
    with precision(60):
        return 1 / (mpmath.mpf(u) ** 2)


def entry(x: mpmath.mpf, d: int, a: Any, b: Any, err: Any) -> dict[str, Any]:
    """One check as stored: x, dps, both ratios as text, and the interpolant's error."""
    return {
        "x": mpmath.nstr(x, 40),
        "dps": d,
        "r_nmm": mpmath.nstr(a, d),
        "r_ew": mpmath.nstr(b, d),
        "error": float(err),
    }


def error_against(curve: rc.RatioCurve, x: mpmath.mpf, d: int, a: Any, b: Any) -> mpmath.mpf:
    """max |interpolant − value| of the two ratios at x, at d digits."""
    with precision(d):
        va, vb = curve.ratios(x, dps=d)
        return max(abs(va - mpmath.mpf(a)), abs(vb - mpmath.mpf(b)))


def _check(curve: rc.RatioCurve, x: mpmath.mpf, d: int, ratios: Ratios) -> dict[str, Any]:
    a, b = ratios(curve.n, curve.l, x, d)
    found = entry(x, d, a, b, error_against(curve, x, d, a, b))
    print(f"  {label(curve.n, curve.l)} check x = {mpmath.nstr(x, 8)}: {found['error']:.2e}")
    return found


def state_record(
    n: int,
    l: int,
    us: list[mpmath.mpf],
    ratios: Ratios,
    node_dps: Callable[[mpmath.mpf], int],
    node_checks: Iterable[int],
    check_points: Iterable[mpmath.mpf],
) -> dict[str, Any]:
    """The record of state (n, l) on the Radau nodes ``us`` (us[0] = 0: g = 0 exactly).

    Each node j ≥ 1 gets ``ratios`` at ``node_dps(x)`` digits; the nodes ``node_checks`` are
    recomputed at 6 more digits; at each x of ``check_points`` (between nodes) ``ratios`` is
    compared with the interpolant built from the node values. Errors are absolute, against
    the unrounded values.
    """
    start = time.perf_counter()
    g_nmm, g_ew, dps_list = ["0"], ["0"], [0]
    for j, u in enumerate(us[1:], 1):
        x = x_of(u)
        d = node_dps(x)
        r_nmm, r_ew = ratios(n, l, x, d)
        with precision(d + 10):
            f = rc.sommerfeld_factor(n, u)
            g_nmm.append(mpmath.nstr(r_nmm * f, d + 2))
            g_ew.append(mpmath.nstr(r_ew * f, d + 2))
        dps_list.append(d)
        print(f"  {label(n, l)} node {j:2d} x = {mpmath.nstr(x, 8)} dps {d}", flush=True)
    nodes = [mpmath.nstr(u, 50) for u in us]
    curve = rc.RatioCurve(n, l, tuple(nodes), tuple(g_nmm), tuple(g_ew), tuple(dps_list), (), ())
    rechecks = [_check(curve, x_of(us[j]), dps_list[j] + 6, ratios) for j in node_checks]
    checks = [_check(curve, x, node_dps(x), ratios) for x in check_points]
    return {
        "n": n,
        "l": l,
        "nodes": nodes,
        "g_nmm": g_nmm,
        "g_ew": g_ew,
        "node_dps": dps_list,
        "node_checks": rechecks,
        "checks": checks,
        "seconds": round(time.perf_counter() - start, 1),
    }


def write_document(out: Path, doc: dict[str, Any], provenance: dict[str, Any]) -> None:
    """Rewrite ``out`` with ``provenance`` and the states sorted by label."""
    doc["provenance"] = provenance
    doc["states"] = dict(sorted(doc["states"].items()))
    out.write_text(json.dumps(doc, indent=1) + "\n")
