"""Benchmark: the full inclusive curve of the germanium shell model.

≥ 200 energies on T = 0.1–30 keV (log grid plus points just below and above every edge and
every subshell threshold), every subshell, both sum rules, both models, at 15 digits:

* cold — in a fresh process (no curve read, no interpolation table, no result cached);
* cached — the same curve again in that process (every (T, dps) is cached);
* stepping — the stepping approximation n(T)/32 on the same grid (the cost to compare with).

Targets: cold ≤ 20 s, cached ≤ 1 s. The figures that matter are the ratios.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

__all__ = ["bench_curve", "main"]

_CHILD = r"""
import json, time
t0 = time.perf_counter()
from sumrules.models.germanium_curve import energy_grid, inclusive_curve
from sumrules.models.shells import MODELS, germanium
grid = energy_grid(200, 0.1, 30.0, MODELS)
t1 = time.perf_counter()
for m in MODELS:
    inclusive_curve(germanium(m), grid, dps=15)
t2 = time.perf_counter()
for m in MODELS:
    inclusive_curve(germanium(m), grid, dps=15)
t3 = time.perf_counter()
for m in MODELS:
    [germanium(m).stepping_count(t) / 32 for t in grid]
t4 = time.perf_counter()
print(json.dumps({"energies": len(grid), "import_and_grid_s": t1 - t0, "cold_s": t2 - t1,
                  "cached_s": t3 - t2, "stepping_s": t4 - t3,
                  "error": max(germanium(m).interpolation_error for m in MODELS),
                  "atom_error": max(germanium(m).ratio_error for m in MODELS)}))
"""


def bench_curve() -> dict[str, Any]:
    """Run the curve in a fresh interpreter; the timings it reports."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True
    )
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_s"] = time.perf_counter() - start
    out["ratio_cold_to_stepping"] = out["cold_s"] / out["stepping_s"]
    out["ratio_cached_to_stepping"] = out["cached_s"] / out["stepping_s"]
    return out


def main() -> None:
    r = bench_curve()
    print(
        f"Ge shell model, {r['energies']} energies x 2 models x 8 subshells x 2 sum rules, "
        f"dps 15 (per-state interpolation error <= {r['error']:.1e}, atom ratios <= "
        f"{r['atom_error']:.1e}):"
    )
    print(
        f"  cold {r['cold_s']:.2f} s (target <= 20 s; fresh process {r['process_s']:.1f} s, "
        f"import + grid {r['import_and_grid_s']:.2f} s); cached {r['cached_s'] * 1e3:.1f} ms "
        "(target <= 1 s)"
    )
    print(
        f"  stepping approximation on the same grid {r['stepping_s'] * 1e3:.2f} ms: cold/stepping "
        f"= {r['ratio_cold_to_stepping']:.0f}x, cached/stepping = "
        f"{r['ratio_cached_to_stepping']:.3f}x"
    )


if __name__ == "__main__":
    main()
