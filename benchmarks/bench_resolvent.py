"""Benchmark: the resolvent expansion of Eqs. (16)-(18) and the oscillator coefficients.

``python benchmarks/bench_resolvent.py`` prints the figures:

- the closed-form (fast) route through order 400, with power counting (Eq. 18) and the
  zero checks for the weights Q^-2 and Q^0 done by the integer condition (target <= 1 s);
  a dynamic programme recounts the classes as an independent check (timed separately);
- order 12: the fast route against sympy's non-commutative expansion of (P + h)^k
  (must agree exactly; target: >= 100x faster);
- the oscillator's exact <0|(P + h)^k|0> through k = 60 from a cold cache (target <= 2 s),
  checked against the Poisson central moments and, for k <= 10, the sympy-matrix ladder.
"""

from __future__ import annotations

import time
import timeit
from typing import Any

import sympy as sp

from sumrules.models import oscillator as osc
from sumrules.theory.expansion import (
    class_counts,
    expansion_terms,
    expansion_terms_dp,
    naive_classes,
    vanishes_fast,
)

__all__ = ["bench_fast_route", "bench_fast_vs_naive", "bench_oscillator"]


def bench_fast_route(order: int = 400) -> dict[str, Any]:
    """Classes through ``order``, power counting and the Q^-2, Q^0 zero checks, timed."""
    start = time.perf_counter()
    terms = expansion_terms(order)
    power_counting = all(t.w >= 2 * t.u + 1 for t in terms)
    live = {j: [(t.u, t.w) for t in terms if not vanishes_fast(t.u + j, t.w)] for j in (-1, 0)}
    seconds = time.perf_counter() - start
    per_order: dict[int, int] = {}
    for t in terms:
        per_order[t.k] = per_order.get(t.k, 0) + t.multiplicity
    counts_ok = all(per_order[k] == 2 ** (k - 3) for k in range(3, order + 1))
    start = time.perf_counter()
    dp_agrees = expansion_terms_dp(order) == terms
    dp_seconds = time.perf_counter() - start
    return {
        "order": order,
        "classes": len(terms),
        "seconds": seconds,
        "power_counting_holds": power_counting,
        "contributing_q-2": live[-1],
        "contributing_q0": live[0],
        "only_empty_word_contributes": live[-1] == live[0] == [(0, 1)],
        "words_per_order_2^(k-3)": counts_ok,
        "dp_agrees": dp_agrees,
        "dp_seconds": dp_seconds,
        "target_s": 1.0,
        "target_met": seconds <= 1.0,
    }


def bench_fast_vs_naive(order: int = 12) -> dict[str, Any]:
    """Every order k <= ``order``: closed-form classes vs sympy's expand((P + h)^k)."""
    start = time.perf_counter()
    naive = {k: naive_classes(k) for k in range(order + 1)}
    naive_seconds = time.perf_counter() - start

    def fast() -> dict[int, dict[tuple[int, int], int]]:
        terms = expansion_terms(order)
        return {k: class_counts(t for t in terms if t.k == k) for k in range(order + 1)}

    repeats = 20
    fast_seconds = min(timeit.repeat(fast, number=1, repeat=repeats))
    return {
        "order": order,
        "agree": fast() == naive,
        "naive_seconds": naive_seconds,
        "fast_seconds": fast_seconds,
        "speedup": naive_seconds / fast_seconds,
        "target_speedup": 100,
        "target_met": naive_seconds / fast_seconds >= 100,
    }


def bench_oscillator(k_max: int = 60) -> dict[str, Any]:
    """Exact oscillator coefficients through ``k_max`` from a cold cache, with cross-checks."""
    osc.clear_caches()
    start = time.perf_counter()
    coefficients = [osc.expansion_coefficient(k) for k in range(k_max + 1)]
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    moments = [osc.resolvent_series_coefficient(k) for k in range(k_max + 1)]
    moments_seconds = time.perf_counter() - start
    poisson_agree = all(sp.expand(a - b) == 0 for a, b in zip(coefficients, moments, strict=True))
    ladder_agree = all(
        sp.expand(osc.expansion_coefficient_ladder(k) - coefficients[k]) == 0 for k in range(11)
    )
    return {
        "k_max": k_max,
        "seconds": seconds,
        "poisson_seconds": moments_seconds,
        "agree_with_poisson_moments": poisson_agree,
        "agree_with_matrix_ladder_k<=10": ladder_agree,
        "largest_coefficient_digits": len(str(max(osc._coefficients(k_max)))),
        "target_s": 2.0,
        "target_met": seconds <= 2.0,
    }


def _show(title: str, result: dict[str, Any]) -> None:
    print(title)
    for key, value in result.items():
        text = f"{value:.4g}" if isinstance(value, float) else str(value)
        if len(text) > 90:
            text = text[:87] + "..."
        print(f"  {key:32s} {text}")


if __name__ == "__main__":
    _show("fast route, order 400", bench_fast_route())
    _show("fast vs naive sympy, order 12", bench_fast_vs_naive())
    _show("oscillator coefficients, k <= 60", bench_oscillator())
