"""Benchmark: certified (python-flint) enclosures against the mpmath routes.

``python benchmarks/bench_certified.py`` prints, at T/I = 1.001, 2, 100 (Z = 1):

- the certified hydrogen ratios at 30 digits (target <= 2 s per T): best-of-3 seconds,
  radius and certified digits of the worse of r_nmm, r_ew, and whether the closed form
  lies inside;
- ``hydrogen.sum_rule_ratios`` at dps = 30 on the same T and the cost ratio
  certified / mpmath;
- the certified pole-integral grid (s = −3..8, w = 1..9) at 30 digits: total seconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import mpmath

from sumrules.models.hydrogenic import ground as h
from sumrules.models.hydrogenic.certified import certified_sum_rule_ratios
from sumrules.theory.pole_integral.certified import certified_pole_integral_grid

__all__ = ["bench_certified", "bench_certified_pole_grid"]

T_OVER_I = ("1.001", "2", "100")


def _best(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best, value = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def bench_certified(T_over_I: tuple[str, ...] = T_OVER_I, digits: int = 30) -> dict[str, Any]:
    """Per T/I: certified seconds, mpmath seconds, their ratio, radius, digits, containment."""
    rows = []
    for x in T_over_I:
        T = Fraction(x) / 2
        t_cert, cr = _best(lambda T=T: certified_sum_rule_ratios(T, digits=digits))
        t_mp, _ = _best(lambda T=T: h.sum_rule_ratios(T, dps=digits))
        exact = h.exact_sum_rule_ratio(T, dps=digits + 20)
        rows.append(
            {
                "T_over_I": x,
                "certified_s": t_cert,
                "mpmath_s": t_mp,
                "ratio": t_cert / t_mp,
                "mid": mpmath.nstr(cr.r_nmm.mid, digits + 2),
                "radius": float(max(cr.rad)),
                "digits": cr.digits,
                "closed_form_inside": cr.r_nmm.contains(
                    exact, rel_tol=Fraction(1, 10 ** (digits + 18))
                )
                and cr.r_ew.contains(exact, rel_tol=Fraction(1, 10 ** (digits + 18))),
            }
        )
    return {"digits": digits, "target_s": 2.0, "rows": rows}


def bench_certified_pole_grid(digits: int = 30) -> dict[str, Any]:
    """The 12 × 9 grid of certified pole integrals: seconds and how many are certified."""
    start = time.perf_counter()
    rows = certified_pole_integral_grid(range(-3, 9), range(1, 10), digits=digits)
    return {
        "seconds": time.perf_counter() - start,
        "cases": len(rows),
        "certified": sum(r.certified for r in rows),
    }


def main() -> None:
    res = bench_certified()
    print(f"certified hydrogen ratios at {res['digits']} digits (target <= {res['target_s']} s/T):")
    for r in res["rows"]:
        print(
            f"  T/I = {r['T_over_I']:>6}: {r['certified_s']:.3f} s certified vs "
            f"{r['mpmath_s']:.3f} s mpmath dps=30 (ratio {r['ratio']:.2f}); "
            f"mid {r['mid']}, radius {r['radius']:.2e}, {r['digits']:.1f} digits, "
            f"closed form inside: {r['closed_form_inside']}"
        )
    g = bench_certified_pole_grid()
    print(
        f"certified pole integrals: {g['certified']}/{g['cases']} certified in {g['seconds']:.2f} s"
    )


if __name__ == "__main__":
    main()
