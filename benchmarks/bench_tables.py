"""Benchmark: reading a 256 × 1024 K(E, q) table and all its sum-rule ratios.

In a fresh process, on the argon table written out as plain text (the format of the shipped
tables, uncompressed):

* ``read_s`` — :func:`sumrules.data.ionisation.read_table` (every number parsed and checked:
  finite, grids increasing, K ≥ 0, row lengths; line numbers kept for the errors);
* ``sums_s`` — every per-T ratio (r_nmm, r_ew, Simpson's check, the pieces beyond the q grid)
  and every per-q sum (Bethe, completeness, tails, threshold-cell uncertainties);
* ``numpy_s`` — the plain NumPy load of the same file (comment lines dropped, all numbers by
  one ``np.array(text.split(), float)``, reshaped): the floor to compare with.

Target: read + sums ≤ 2 s. The figure that matters is the ratio to the plain load.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["bench_table", "main"]

_CHILD = r"""
import json, sys, time
import numpy as np
t0 = time.perf_counter()
from sumrules.data.ionisation import read_table
from sumrules.theory.table_sums import over_q, over_t
t1 = time.perf_counter()
table = read_table(sys.argv[1], orbitals=())
t2 = time.perf_counter()
oq = over_q(table.E, table.q, table.K)
ot = over_t(table.E, table.q, table.K, np.array([0.58, 9.5, 11.9, 3206 / 27.211]))
t3 = time.perf_counter()
text = open(sys.argv[1]).read()
body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
flat = np.array(body.split(), dtype=float)
E, q = flat[:256], flat[256:1280]
K = flat[1280:].reshape(256, 1024)
t4 = time.perf_counter()
assert np.array_equal(K, table.K)
print(json.dumps({"shape": list(table.shape), "import_s": t1 - t0, "read_s": t2 - t1,
                  "sums_s": t3 - t2, "numpy_s": t4 - t3}))
"""


def bench_table() -> dict[str, Any]:
    """Write the argon table as plain text, time the child; the timings it reports."""
    raw = resources.files("sumrules.data").joinpath(
        "ionisation_tables", "K_Ar_hf_v_6_hp_orth_mat.txt.gz"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "K_Ar_hf_v_6_hp_orth_mat.txt"
        path.write_bytes(gzip.decompress(raw.read_bytes()))
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
        )
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_s"] = time.perf_counter() - start
    out["read_and_sums_s"] = out["read_s"] + out["sums_s"]
    out["ratio_to_numpy"] = out["read_and_sums_s"] / out["numpy_s"]
    return out


def main() -> None:
    r = bench_table()
    print(
        f"table {r['shape'][0]} x {r['shape'][1]}: read {r['read_s']:.3f} s + all sums "
        f"{r['sums_s']:.3f} s = {r['read_and_sums_s']:.3f} s (target <= 2 s); plain NumPy load "
        f"{r['numpy_s']:.3f} s; ratio {r['ratio_to_numpy']:.2f}; import {r['import_s']:.2f} s"
    )


if __name__ == "__main__":
    main()
