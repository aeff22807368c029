"""Benchmark: the hydrogen sum-rule ratios r_nmm, r_ew at fixed T.

``python benchmarks/bench_hydrogen.py`` prints the figures:

- ``sum_rule_ratios`` at dps = 30 and dps = 50: median seconds per T over T/I from
  1.001 to 10⁶ (targets: ≤ 0.3 s at dps 30, ≤ 1 s at dps 50), and the digits reached
  against the closed form evaluated at 60 digits;
- the same integrals in double precision, with ``scipy.integrate.quad`` (QUADPACK) when
  scipy is installed, and with ``mpmath.fp.quad`` (tanh-sinh in floats) always: seconds
  and the digits each reaches against the dps = 50 values.
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
from collections.abc import Callable
from typing import Any

import mpmath

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import ground as h

__all__ = ["bench_sum_rule_ratios", "double_precision_ratios"]

T_OVER_I = ("1.001", "1.1", "1.5", "2", "5", "10", "100", "1e4", "1e6")


def _density_float(T: float) -> tuple[Callable[[float], float], float]:
    """S(T, q) at Z = 1 in floats (same formula, no cancellation in q² − k²)."""
    k = math.sqrt(2 * T - 1)
    pref = 256 / -math.expm1(-2 * math.pi / k)
    b, y, c = 2 * T / 3, 2 * k, 2 / k

    def s(q: float) -> float:
        a = (q - k) * (q + k) + 1
        return pref * q * q * (q * q + b) * math.exp(-c * math.atan2(y, a)) / (a * a + y * y) ** 3

    return s, k


def _points(k: float) -> list[float]:
    return [float(p) for p in h.ridge_points(mpmath.mpf(k), mpmath.mpf(1))]


def double_precision_ratios(T: float, method: str = "scipy") -> tuple[float, float]:
    """(r_nmm, r_ew) in double precision: ``method`` "scipy" (QUADPACK) or "mpmath-fp"."""
    s, k = _density_float(T)
    pts = _points(k)
    if method == "scipy":
        try:
            from scipy.integrate import quad  # type: ignore[import-untyped]
        except ImportError as exc:
            raise ImportError(
                "scipy is not installed in this environment; the QUADPACK comparison needs it"
            ) from exc
        a = sum(
            quad(lambda q: s(q) / q if q else 0.0, lo, hi, epsabs=0, epsrel=2e-14, limit=200)[0]
            for lo, hi in itertools.pairwise(pts)
        )
        b = sum(
            quad(lambda q: s(q) * q, lo, hi, epsabs=0, epsrel=2e-14, limit=200)[0]
            for lo, hi in itertools.pairwise(pts)
        )
        return 2 * T * a, b
    if method == "mpmath-fp":
        fp = mpmath.fp
        a = fp.quad(lambda q: s(q) / q if q else 0.0, pts)
        b = fp.quad(lambda q: s(q) * q, pts)
        return 2 * T * a, b
    raise ValueError(f"method must be 'scipy' or 'mpmath-fp', got {method!r}")


def _time(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, float, Any]:
    """(first-call seconds, best of ``repeat`` seconds, value)."""
    best, first, value = math.inf, math.nan, None
    for i in range(repeat):
        start = time.perf_counter()
        value = fn()
        elapsed = time.perf_counter() - start
        first = elapsed if i == 0 else first
        best = min(best, elapsed)
    return first, best, value


def bench_sum_rule_ratios(T_over_I: tuple[str, ...] = T_OVER_I) -> dict[str, Any]:
    """Timings (median over T of the best of 3) and digits for every route."""
    Ts = [mpmath.mpf(x) / 2 for x in T_over_I]
    with mpmath.workdps(70):
        exact = [h.exact_sum_rule_ratio(T, dps=60) for T in Ts]
    out: dict[str, Any] = {"T_over_I": list(T_over_I)}
    reference: list[tuple[mpmath.mpf, mpmath.mpf]] = []
    for dps in (30, 50):
        times, firsts, digits = [], [], []
        for T, ex in zip(Ts, exact, strict=True):
            t0, t, (r_nmm, r_ew) = _time(lambda T=T, dps=dps: h.sum_rule_ratios(T, dps=dps))
            times.append(t)
            firsts.append(t0)
            with mpmath.workdps(70):
                digits.append(min(agreement_digits(r_nmm, ex), agreement_digits(r_ew, ex)))
            if dps == 50:
                reference.append((r_nmm, r_ew))
        out[f"dps{dps}"] = {
            "median_s": statistics.median(times),
            "median_first_call_s": statistics.median(firsts),
            "max_s": max(times),
            "min_digits": min(min(d, dps) for d in digits),
        }
    for method in ("scipy", "mpmath-fp"):
        times, digits = [], []
        try:
            for T, (ref_nmm, ref_ew) in zip(Ts, reference, strict=True):
                _, t, (a, b) = _time(lambda T=T, m=method: double_precision_ratios(float(T), m))
                times.append(t)
                with mpmath.workdps(70):
                    digits.append(min(agreement_digits(a, ref_nmm), agreement_digits(b, ref_ew)))
        except ImportError as exc:
            out[method] = {"error": str(exc)}
            continue
        out[method] = {
            "median_s": statistics.median(times),
            "digits_per_T": [round(d, 1) for d in digits],
            "min_digits": min(digits),
        }
    return out


def main() -> None:
    res = bench_sum_rule_ratios()
    print("hydrogen sum_rule_ratios, T/I =", ", ".join(res["T_over_I"]))
    for dps in (30, 50):
        r = res[f"dps{dps}"]
        target = 0.3 if dps == 30 else 1.0
        print(
            f"  mpmath tanh-sinh dps={dps}: median {r['median_s']:.3f} s/T (first call"
            f" {r['median_first_call_s']:.3f}, max {r['max_s']:.3f}, target <= {target} s),"
            f" digits vs closed form >= {r['min_digits']:.1f}"
        )
    for method in ("scipy", "mpmath-fp"):
        r = res[method]
        if "error" in r:
            print(f"  {method}: not run ({r['error']})")
            continue
        print(
            f"  {method} (double): median {r['median_s'] * 1e3:.2f} ms/T, digits vs dps=50:"
            f" min {r['min_digits']:.1f}, per T {r['digits_per_T']}"
        )


if __name__ == "__main__":
    main()
