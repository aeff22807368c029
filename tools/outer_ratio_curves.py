"""Generate src/sumrules/data/outer_ratio_curves.json: the ratio curves of 4d, 5s, 5p
(:mod:`sumrules.models.hydrogenic.outer_curves`) from the Coulomb-wave quadrature.

    python tools/outer_ratio_curves.py              # every state of outer_curves.OUTER_STATES
    python tools/outer_ratio_curves.py --out /tmp/x.json 5s   # one state, elsewhere

Per state: the DEGREE + 1 Chebyshev–Radau nodes in u = √(I/T) (u = 0 exact: g = 0), the
values g = r·(1 − e^{−2πν}) at ``outer_curves.node_dps(n, x)`` digits, some nodes recomputed at 6
more digits (node_checks) and live values at midpoints between nodes (checks), each with its
absolute error against the interpolant (``tools/curve_records.py``). The file is rewritten
after every state.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

import mpmath
from curve_records import state_record, write_document, x_of

from sumrules.core.numeric import precision
from sumrules.models.hydrogenic import outer_curves as oc
from sumrules.models.hydrogenic import ratio_curves as rc
from sumrules.models.hydrogenic.states import label

OUT = Path(__file__).resolve().parents[1] / "src" / "sumrules" / "data" / oc.DATA_FILE
#: nodes recomputed at 6 more digits
NODE_CHECKS = (1, 8, oc.DEGREE)
#: check points: the midpoint of the nodes j and j + 1 for these j
CHECK_MIDPOINTS = (2, 9, 16, 22)


def _state(n: int, l: int) -> dict[str, Any]:
    with precision(60):
        us = rc.radau_nodes(oc.DEGREE)
        mids = [x_of((us[j] + us[j + 1]) / 2) for j in CHECK_MIDPOINTS]
    return state_record(n, l, us, oc.live_ratios, lambda x: oc.node_dps(n, x), NODE_CHECKS, mids)


def _provenance() -> dict[str, Any]:
    return {
        "script": "tools/outer_ratio_curves.py",
        "route": "coulomb_waves.ratio_quadrature (3D Coulomb-wave quadrature of S), Z = 1",
        "dps": "outer_curves.node_dps(n, x): 16 (n = 5: 20) up to x = 300, 3 more per decade",
        "nodes": f"Chebyshev-Radau in u = sqrt(I/T), degree {oc.DEGREE}, u = 0 exact",
        "interpolated": "g = r (1 - exp(-2 pi nu)), nu = n u / sqrt(1 - u^2)",
        "date": datetime.date.today().isoformat(),
        "mpmath": mpmath.__version__,
    }


def main(argv: list[str]) -> int:
    args = list(argv)
    out = OUT
    if args[:1] == ["--out"]:
        out, args = Path(args[1]), args[2:]
    wanted = [s for s in oc.OUTER_STATES if not args or label(*s) in args]
    doc: dict[str, Any] = {"states": {}}
    if out.exists():
        doc = json.loads(out.read_text())
    for n, l in wanted:
        key = label(n, l)
        print(f"{key}: computing (degree {oc.DEGREE})", flush=True)
        doc["states"][key] = _state(n, l)
        write_document(out, doc, _provenance())
        print(f"{key}: {doc['states'][key]['seconds']} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
