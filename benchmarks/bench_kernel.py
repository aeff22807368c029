"""Benchmark: the closed-form pole integral against sympy's plain ``integrate`` + ``limit``.

``python benchmarks/bench_kernel.py`` prints the figures. The plain route integrates
``x^s (T − x/2m − iε)^(−w)`` over ``(mT, 3mT)`` with ``m = T = 1`` and ``ε`` a positive symbol,
takes ``im`` and then ``limit(ε → 0+)``; each case runs in a child process with a timeout.
When the whole grid does not fit the time budget, a fixed-seed uniform random sample of the
grid is timed and the total is extrapolated (mean × number of cases); timed-out cases count at
the timeout, so the extrapolation is then a lower bound.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import time
from multiprocessing.connection import Connection
from typing import Any

import sympy as sp

from sumrules.theory.pole_integral.closed_form import pole_integral

__all__ = ["bench_pole_integral", "plain_sympy_route"]


def plain_sympy_route(s: int, w: int) -> sp.Expr:
    """sympy's own route at m = T = 1: integrate at finite ε > 0, im, limit ε → 0+, divide by π."""
    x = sp.Symbol("x", real=True)
    eps = sp.Symbol("epsilon", positive=True)
    integral = sp.integrate(x**s * (1 - x / 2 - sp.I * eps) ** (-w), (x, 1, 3))
    return sp.simplify(sp.limit(sp.im(integral), eps, 0, "+") / sp.pi)


def _child(s: int, w: int, conn: Connection) -> None:
    start = time.perf_counter()
    try:
        value = plain_sympy_route(s, w)
        conn.send((time.perf_counter() - start, sp.srepr(value), None))
    except Exception as exc:
        conn.send((time.perf_counter() - start, None, repr(exc)))
    finally:
        conn.close()


def _run_plain(s: int, w: int, timeout: float) -> tuple[float, sp.Expr | None, str | None]:
    """(seconds, value or None, error or None) for one case, in a child process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(s, w, child))
    proc.start()
    child.close()
    if parent.poll(timeout):
        seconds, srepr, error = parent.recv()
        proc.join()
        return seconds, (sp.sympify(srepr) if srepr is not None else None), error
    proc.terminate()  # only the child we started
    proc.join()
    return timeout, None, "timeout"


def bench_pole_integral(
    max_sw: int = 12,
    *,
    budget_s: float = 180.0,
    case_timeout_s: float = 60.0,
    w3_budget_s: float = 60.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Time ``pole_integral`` on 0 <= s <= max_sw, 1 <= w <= max_sw against sympy's plain route.

    Returns the times, their ratio, whether the sympy total was extrapolated, and the cases
    where the plain route is wrong (compared with ``pole_integral``), errs, or times out.
    The timing sample is a fixed-seed shuffle of the grid; afterwards the w = 3 column (where
    sympy is reported to go wrong with positive ε) is completed for correctness only, within
    ``w3_budget_s``, and not used for the timing extrapolation.
    """
    grid = [(s, w) for s in range(max_sw + 1) for w in range(1, max_sw + 1)]
    reps = 5
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        exact = {(s, w): pole_integral(s, w) for s, w in grid}
        best = min(best, time.perf_counter() - start)

    order = grid[:]
    random.Random(seed).shuffle(order)
    times: dict[tuple[int, int], float] = {}
    wrong: list[tuple[int, int, str, str]] = []
    errors: list[tuple[int, int, str]] = []
    timed_out: list[tuple[int, int]] = []

    def check(s: int, w: int, value: sp.Expr | None, error: str | None) -> None:
        if error == "timeout":
            timed_out.append((s, w))
        elif error is not None or value is None:
            errors.append((s, w, str(error)))
        elif sp.simplify(value - exact[(s, w)]) != 0:
            wrong.append((s, w, str(value), str(exact[(s, w)])))

    wall = time.perf_counter()
    for s, w in order:
        if times and time.perf_counter() - wall > budget_s:
            break
        seconds, value, error = _run_plain(s, w, case_timeout_s)
        times[(s, w)] = seconds
        check(s, w, value, error)
    measured = sum(times.values())
    n_timed = len(times)
    extrapolated = n_timed < len(grid)
    sympy_total = measured / n_timed * len(grid) if extrapolated else measured
    lower_bound = bool(timed_out)

    wall = time.perf_counter()
    for s in range(max_sw + 1):
        if (s, 3) in times or max_sw < 3 or time.perf_counter() - wall > w3_budget_s:
            continue
        seconds, value, error = _run_plain(s, 3, case_timeout_s)
        times[(s, 3)] = seconds
        check(s, 3, value, error)
    w3 = [(s, 3) for s in range(max_sw + 1) if (s, 3) in times]
    return {
        "grid": f"0<=s<={max_sw}, 1<=w<={max_sw}, m = T = 1",
        "n_cases": len(grid),
        "pole_integral_s": best,
        "pole_integral_per_case_s": best / len(grid),
        "sympy_cases_timed": n_timed,
        "sympy_cases_checked": len(times),
        "sympy_measured_s": measured,
        "sympy_total_s": sympy_total,
        "extrapolated": extrapolated,
        "lower_bound": lower_bound,
        "ratio": sympy_total / best,
        "sympy_wrong": len(wrong),
        "sympy_wrong_cases": wrong,
        "sympy_errors": errors,
        "sympy_timed_out": timed_out,
        "sympy_w3_cases_run": len(w3),
        "sympy_w3_wrong": sum(1 for c in wrong if c[1] == 3),
        "slowest_sympy_cases": sorted(times.items(), key=lambda kv: -kv[1])[:5],
        "note": (
            "plain route: integrate at finite positive eps, im, limit eps->0+; "
            + (
                f"uniform random sample (seed {seed}) of {n_timed}/{len(grid)} cases, "
                "total = mean x n_cases"
                if extrapolated
                else "full grid measured"
            )
            + (
                f"; timed-out cases count at {case_timeout_s}s, so the total is a lower bound"
                if lower_bound
                else ""
            )
        ),
    }


if __name__ == "__main__":
    result = bench_pole_integral()
    for key, value in result.items():
        print(f"{key}: {value}")
