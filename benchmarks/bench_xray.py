"""Benchmark: δ_(μ)(T) of Eq. (13) for Ge on 10⁴ energies from one X-ray table.

``python benchmarks/bench_xray.py [henke|elam|chantler]`` prints, measured side by side in
one run (best of several repeats, wall clock):

- the first call (loads the table from the installed package and builds the interpolant);
- ``germanium.delta_mu`` on the array of 10⁴ energies after the first call (target <= 50 ms);
- a plain per-point Python loop calling ``germanium.delta_mu`` on each float, and the ratio
  loop / vectorised;
- for the log-log-linear tables (henke, chantler), a plain Python loop that interpolates
  the same nodes itself (bisect, math.log, math.exp): the ratio to it, and that it agrees.
"""

from __future__ import annotations

import bisect
import math
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from sumrules.data import germanium as G
from sumrules.data import xray as X

__all__ = ["bench_delta_mu", "main"]


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, value = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def _plain_python(table: X.TableName, energies: list[float]) -> Callable[[], list[float]]:
    """δ by a per-point loop over the table's own nodes: bisect, then log-log interpolation."""
    nodes = [float(e) for e in X.tabulated_energies("Ge", table)]
    sigma = [float(s) for s in X.photoabsorption("Ge", np.array(nodes), table=table)]
    ln_e = [math.log(e) for e in nodes]
    ln_s = [math.log(s) for s in sigma]
    factor = G.delta_per_sigma_t2(32)

    def run() -> list[float]:
        out = []
        for t in energies:
            i = min(max(bisect.bisect_right(nodes, t) - 1, 0), len(nodes) - 2)
            x = math.log(t)
            w = (x - ln_e[i]) / (ln_e[i + 1] - ln_e[i])
            out.append(math.exp(ln_s[i] + w * (ln_s[i + 1] - ln_s[i])) * t * t * factor)
        return out

    return run


def bench_delta_mu(
    n: int = 10_000, table: X.TableName = "henke", repeat: int = 7
) -> dict[str, Any]:
    """Timings (seconds) and ratios for δ_(μ) on ``n`` log-spaced energies in 1.01–29.9 keV."""
    t = np.geomspace(1.01, 29.9, n)
    start = time.perf_counter()
    first = G.delta_mu(t, table=table)
    first_s = time.perf_counter() - start
    vec_s, vec = _best(lambda: G.delta_mu(t, table=table), repeat)
    floats = [float(v) for v in t]
    loop_s, loop = _best(lambda: [G.delta_mu(v, table=table) for v in floats], max(1, repeat // 3))
    out: dict[str, Any] = {
        "table": table,
        "n": n,
        "first_call_s": first_s,
        "vectorised_s": vec_s,
        "target_s": 0.05,
        "target_met": vec_s <= 0.05,
        "api_loop_s": loop_s,
        "api_loop_over_vectorised": loop_s / vec_s,
        # equal to rounding: NumPy's SIMD exp/log on arrays may differ from its scalar path by 1 ulp
        "api_loop_max_rel_diff": float(np.max(np.abs(np.array(loop) / vec - 1))),
        "first_call_agrees": bool(np.array_equal(first, vec)),
    }
    # a discontinuity that falls between log-spaced energies is the same for both methods,
    # but Henke's continuation inside its 0.2 eV edge gaps is not a straight line between
    # nodes: the plain loop is compared away from the gaps
    if table != "elam":
        plain_s, plain = _best(_plain_python(table, floats), max(1, repeat // 3))
        gaps = np.zeros(n, dtype=bool)
        for e in X.discontinuities("Ge", table):
            gaps |= np.abs(t - e) < 1.5e-4  # keV: Henke's gap is +-0.1 eV
        diff = np.abs(np.array(plain)[~gaps] / vec[~gaps] - 1)
        out.update(
            {
                "plain_loop_s": plain_s,
                "plain_loop_over_vectorised": plain_s / vec_s,
                "plain_loop_max_rel_diff": float(diff.max()),
            }
        )
    return out


def main(argv: list[str] | None = None) -> None:
    """Print :func:`bench_delta_mu` for the tables named in ``argv`` (default: henke)."""
    tables = argv or ["henke"]
    for table in tables:
        r = bench_delta_mu(table=X.TABLES[X.TABLES.index(table)])  # type: ignore[arg-type]
        print(f"delta_mu for Ge on {r['n']} energies, table {table}:")
        print(f"  first call (load + build): {r['first_call_s'] * 1e3:.1f} ms")
        print(
            f"  vectorised, after the first call: {r['vectorised_s'] * 1e3:.2f} ms "
            f"(target <= 50 ms: {'met' if r['target_met'] else 'MISSED'})"
        )
        print(
            f"  per-point loop over delta_mu(float): {r['api_loop_s']:.2f} s, "
            f"ratio {r['api_loop_over_vectorised']:.0f}x; "
            f"max relative difference {r['api_loop_max_rel_diff']:.1e}"
        )
        if "plain_loop_s" in r:
            print(
                f"  plain Python loop (bisect + math): {r['plain_loop_s'] * 1e3:.1f} ms, "
                f"ratio {r['plain_loop_over_vectorised']:.1f}x; "
                f"max relative difference {r['plain_loop_max_rel_diff']:.1e}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
