"""Run the benchmarks and print each figure as a ratio measured side by side in one run.

Usage::

    python benchmarks/run.py                 # every benchmark
    python benchmarks/run.py kernel ledger   # a selection

Benchmarks: kernel (pole_integral vs sympy's plain integrate + limit), resolvent (fast
expansion vs naive sympy, order 400, oscillator coefficients), hydrogen (sum_rule_ratios at
30 and 50 digits vs double-precision quadrature), states (one ratio per state
2s, 2p, 3d, 4s–4f at dps 30 vs the 1s closed form), certified (python-flint balls vs the mpmath estimate), ledger (the full
``sumrules verify`` with --jobs 2 against --jobs 1).
Timings are wall-clock on this machine; the figures that matter are the ratios.

Also: xray (delta_mu of Ge on 10^4 energies, vectorised vs per-point loops; bench_xray.py);
germanium (the shell model's inclusive curve, >= 200 energies, cold and cached, against the
stepping approximation; bench_germanium.py); tables (reading a 256 x 1024 K(E, q) table and
all its sum-rule ratios against a plain NumPy load; bench_tables.py); derivation (every closed
form of S_nl, n ≤ 4, re-derived, timed and checked against the table; bench_derivation.py).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _kernel() -> None:
    from bench_kernel import bench_pole_integral

    r = bench_pole_integral()
    print(
        f"pole_integral, {r['n_cases']} cases ({r['grid']}): {r['pole_integral_s']:.4f} s; "
        f"sympy integrate+limit: {r['sympy_total_s']:.1f} s"
        f"{' (extrapolated)' if r['extrapolated'] else ''}"
        f"{' (lower bound: time-outs)' if r['lower_bound'] else ''}"
    )
    print(f"  ratio sympy/pole_integral = {r['ratio']:.0f}x")
    print(
        f"  sympy's plain route wrong in {r['sympy_wrong']} of {r['sympy_cases_checked']} checked "
        f"cases (w = 3: {r['sympy_w3_wrong']} of {r['sympy_w3_cases_run']}); "
        f"errors {len(r['sympy_errors'])}, time-outs {len(r['sympy_timed_out'])}"
    )
    print(f"  {r['note']}")


def _resolvent() -> None:
    from bench_resolvent import bench_fast_route, bench_fast_vs_naive, bench_oscillator

    for title, result in (
        ("fast route through order 400 (target <= 1 s)", bench_fast_route()),
        ("order 12: fast vs naive sympy (target >= 100x)", bench_fast_vs_naive()),
        ("oscillator coefficients through k = 60 (target <= 2 s)", bench_oscillator()),
    ):
        print(f"{title}:")
        for key, value in result.items():
            print(f"  {key}: {value}")


def _hydrogen() -> None:
    from bench_hydrogen import main

    main()


def _states() -> None:
    from bench_states import main

    main()


def _certified() -> None:
    from bench_certified import main

    main()


def _xray() -> None:
    from bench_xray import main

    main(["henke", "chantler"])


def _germanium() -> None:
    from bench_germanium import main

    main()


def _tables() -> None:
    from bench_tables import main

    main()


def _derivation() -> None:
    from bench_derivation import main

    main()


def _ledger() -> None:
    """The whole ledger in fresh processes (no warm caches): --jobs 2 against --jobs 1."""
    import json
    import subprocess

    def run(jobs: int) -> tuple[float, dict[str, Any]]:
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "sumrules", "verify", "--json", "--jobs", str(jobs)],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"sumrules verify --jobs {jobs} failed: {proc.stderr[-500:]}")
        return wall, json.loads(proc.stdout)

    serial, doc = run(1)
    parallel, _ = run(2)
    claims = doc["claims"]
    slow = sorted(claims, key=lambda c: -c["seconds"])[:5]
    print(f"sumrules verify, {len(claims)} claims at 30 digits (wall, fresh process):")
    print(f"  --jobs 1: {serial:.1f} s; --jobs 2: {parallel:.1f} s (target <= 15 s)")
    print(f"  speed-up {serial / parallel:.2f}x (target >= 1.6x)")
    print("  slowest five: " + ", ".join(f"{c['id']} {c['seconds']:.2f} s" for c in slow))
    print(f"  controls run {doc['controls']['run']}, caught {doc['controls']['caught']}")


BENCHMARKS: dict[str, Callable[[], Any]] = {
    "kernel": _kernel,
    "resolvent": _resolvent,
    "hydrogen": _hydrogen,
    "states": _states,
    "certified": _certified,
    "xray": _xray,
    "germanium": _germanium,
    "tables": _tables,
    "derivation": _derivation,
    "ledger": _ledger,
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    for name in names:
        print(f"== {name} ==", flush=True)
        BENCHMARKS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
