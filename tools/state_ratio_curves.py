"""Generate src/sumrules/data/state_ratio_curves.json: the node values of the per-state ratio
interpolants (:mod:`sumrules.models.hydrogenic.ratio_curves`) from the package's own route.

    python tools/state_ratio_curves.py                 # every state of ratio_curves.STATES
    python tools/state_ratio_curves.py 2p 3d           # some states (the others are kept)
    python tools/state_ratio_curves.py --nodes 44 --out /tmp/4s.json 4s   # degree 44, elsewhere
    python tools/state_ratio_curves.py --merge /tmp/4s.json /tmp/4p.json  # into the package file

Route: the closed forms r(κ) (``ratio_curves.node_ratios``: ``exact_sum_rule_ratios``), Z = 1,
at ``ratio_curves.NODE_DPS`` digits per node (x = T/I = 1/u²). Per state: the N + 1
Chebyshev–Radau nodes (u = 0 exact: g = 0), a recomputation of some nodes at 6 more digits
(node_checks) and closed-form values at independent check points between nodes (checks), each
with its absolute error against the interpolant (``tools/curve_records.py``). One process; the
file is rewritten after every state, and a state already in it is skipped unless named on the
command line.
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
from sumrules.models.hydrogenic import ratio_curves as rc
from sumrules.models.hydrogenic.states import label, parse_label

OUT = Path(__file__).resolve().parents[1] / "src" / "sumrules" / "data" / rc.DATA_FILE
#: node indices recomputed at 6 more digits (the last, the largest u, is added per degree)
NODE_CHECKS = (1, 3, 16, 30)
#: check points: the midpoint of the nodes j and j + 1 for these j
CHECK_MIDPOINTS = (1, 2, 4, 6, 9, 12, 18, 24, 31, 38, 44, 47)


def _state(n: int, l: int, degree: int = rc.NODES) -> dict[str, Any]:
    with precision(60):
        us = rc.radau_nodes(degree)
        mids = [x_of((us[j] + us[j + 1]) / 2) for j in CHECK_MIDPOINTS]
    return state_record(
        n, l, us, rc.node_ratios, lambda x: rc.NODE_DPS, (*NODE_CHECKS, degree), mids
    )


def _provenance() -> dict[str, Any]:
    return {
        "script": "tools/state_ratio_curves.py",
        "route": "closed forms r(kappa): closed_form_ratios.exact_sum_rule_ratios "
        "(ratio_curves.node_ratios), Z = 1",
        "dps": f"ratio_curves.NODE_DPS = {rc.NODE_DPS}",
        "nodes": "Chebyshev-Radau in u = sqrt(I/T), degree N per state (len(nodes) - 1; "
        f"{rc.NODES} unless more were needed), u = 0 exact",
        "interpolated": "g = r (1 - exp(-2 pi nu)), nu = n u / sqrt(1 - u^2)",
        "date": datetime.date.today().isoformat(),
        "mpmath": mpmath.__version__,
    }


def _merge(paths: list[str]) -> int:
    doc = json.loads(OUT.read_text())
    for path in paths:
        for key, state in json.loads(Path(path).read_text())["states"].items():
            doc["states"][key] = state
            print(f"{key}: merged from {path} (degree {len(state['nodes']) - 1})", flush=True)
    write_document(OUT, doc, _provenance())
    return 0


def main(argv: list[str]) -> int:
    args = list(argv)
    if args[:1] == ["--merge"]:
        return _merge(args[1:])
    degree, out = rc.NODES, OUT
    while args[:1] and args[0] in ("--nodes", "--out"):
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--nodes":
            degree = int(value)
        else:
            out = Path(value)
    wanted = [parse_label(a) for a in args] or list(rc.STATES)
    doc: dict[str, Any] = {"states": {}}
    if out.exists():
        doc = json.loads(out.read_text())
    for n, l in wanted:
        key = label(n, l)
        if key in doc["states"] and args == []:
            print(f"{key}: kept", flush=True)
            continue
        print(f"{key}: computing (degree {degree})", flush=True)
        doc["states"][key] = _state(n, l, degree)
        write_document(out, doc, _provenance())
        print(f"{key}: {doc['states'][key]['seconds']} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
