"""The ``sumrules xray`` table: σ_γ, σ_γT² and δ_(μ) of Eq. (13) from one X-ray table.

:func:`xray_document` builds a JSON-ready dict (the ``--json`` output); :func:`print_xray`
prints it as a terminal table, with the table's provenance and the maximum of σ_γT².

>>> doc = xray_document("Ge", "chantler", [14.0])
>>> doc["table"], doc["rows"][0]["T_keV"], round(doc["rows"][0]["sigma_T2_barn_keV2"] / 1e6, 3)
('chantler', 14.0, 2.535)
>>> round(doc["maximum"]["T_keV"], 3), round(doc["maximum"]["delta"] * 1e3, 3)
(11.162, 0.827)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from sumrules.data import germanium as ge
from sumrules.data.xray import TableName, discontinuities, edges, symbol

__all__ = ["DEFAULT_POINTS", "print_xray", "xray_document"]

#: Log-spaced points of the default energies (plus two at every edge).
DEFAULT_POINTS = 30


def _edge_notes(element: str, table: TableName) -> dict[float, str]:
    """Grid points just below/above an edge -> 'below K', 'above L3', ..."""
    named = edges(element)
    marks = {e: k for k, e in named.items()}
    for d in discontinuities(element, table):
        nearest = min(named, key=lambda k: abs(named[k] - d))
        if abs(named[nearest] - d) < 0.01 * d:
            marks.setdefault(d, nearest)
    notes: dict[float, str] = {}
    for e, name in marks.items():
        notes[e * (1 - ge.EDGE_OFFSET)] = f"just below {name}"
        notes[e * (1 + ge.EDGE_OFFSET)] = f"just above {name}"
    return notes


def xray_document(
    element: object = ge.GERMANIUM,
    table: TableName = "henke",
    T_keV: Sequence[float] | None = None,
    *,
    points: int = DEFAULT_POINTS,
) -> dict[str, Any]:
    """σ_γ (barn), σ_γT² (barn keV²) and δ_(μ) at ``T_keV`` (default: a grid on 1–30 keV with
    points just below and above every edge), the maximum of σ_γT² on 1–30 keV, provenance.

    ValueError (naming the argument) for a bad element, table or energy.
    """
    sym = symbol(element)
    energies = (
        ge.energy_grid(element=sym, table=table, points=points, nodes=False)
        if T_keV is None
        else np.asarray(T_keV, dtype=np.float64)
    )
    scan = ge.scan(energies, element=sym, table=table)
    notes = _edge_notes(sym, table) if T_keV is None else {}
    prov = scan.provenance
    doc: dict[str, Any] = {
        "element": sym,
        "Z": scan.Z,
        "table": table,
        "provenance": {
            "library": prov.library,
            "library_version": prov.library_version,
            "data_version": prov.data_version,
            "table_name": prov.table_name,
            "citation": prov.citation,
            "quantity": prov.quantity,
            "conversion": prov.conversion,
            "interpolation": prov.interpolation,
        },
        "rows": [
            {
                "T_keV": float(t),
                "sigma_barn": float(s),
                "sigma_T2_barn_keV2": float(st2),
                "delta": float(d),
                "note": notes.get(float(t), ""),
            }
            for t, s, st2, d in zip(
                scan.T_keV, scan.sigma_barn, scan.sigma_t2, scan.delta, strict=True
            )
        ],
    }
    try:
        summary = ge.summary(element=sym, table=table)
    except ValueError as exc:  # e.g. Henke's Si, refused around its K edge
        doc["maximum"] = {"range_keV": list(ge.SCAN_RANGE_KEV), "error": str(exc)}
    else:
        doc["maximum"] = {
            "range_keV": list(ge.SCAN_RANGE_KEV),
            "T_keV": summary.peak.T_keV,
            "side": summary.peak.side,
            "sigma_T2_barn_keV2": summary.peak.sigma_t2,
            "delta": summary.peak_delta,
        }
        doc["at_14_keV"] = {
            "sigma_T2_barn_keV2": summary.sigma_t2_at_paper_T,
            "delta": summary.delta_at_paper_T,
        }
    if sym == ge.GERMANIUM:
        doc["paper"] = {
            "sigma_T2_barn_keV2": ge.PAPER_PEAK_SIGMA_T2,
            "T_keV": ge.PAPER_PEAK_T_KEV,
            "delta_bound": ge.PAPER_DELTA_BOUND,
        }
    return doc


def _g(x: float, n: int = 6) -> str:
    return f"{x:.{n}g}"


def print_xray(doc: dict[str, Any], console: Console | None = None) -> None:
    """Print :func:`xray_document` as a table, with provenance, maximum and the paper's numbers."""
    console = console or Console()
    prov = doc["provenance"]
    table = Table(
        title=f"{doc['element']} (Z = {doc['Z']}), table {doc['table']}: σ_γ, σ_γT² and "
        "δ_(μ) = σ_γT²/(4π²αZ) of Eq. (13)",
    )
    for col in ("T (keV)", "σ_γ (barn)", "σ_γT² (barn keV²)", "δ_(μ)"):
        table.add_column(col, justify="right")
    table.add_column("")
    for r in doc["rows"]:
        table.add_row(
            _g(r["T_keV"], 8),
            _g(r["sigma_barn"]),
            _g(r["sigma_T2_barn_keV2"]),
            _g(r["delta"], 4),
            r["note"],
        )
    console.print(table)
    m = doc["maximum"]
    side = {"above": " (the limit from above at an edge)", "below": " (limit from below)"}
    lo, hi = m["range_keV"]
    if "error" in m:
        console.print(
            f"maximum of σ_γT² on {lo:g}–{hi:g} keV: not available ({m['error']})",
            highlight=False,
            markup=False,
        )
    else:
        console.print(
            f"maximum of σ_γT² on {lo:g}–{hi:g} keV: {_g(m['sigma_T2_barn_keV2'])} barn keV² "
            f"at T = {_g(m['T_keV'], 8)} keV{side.get(m['side'] or '', '')}; "
            f"δ_(μ) = {_g(m['delta'], 4)}",
            highlight=False,
        )
        at14 = doc["at_14_keV"]
        console.print(
            f"at T = 14 keV: σ_γT² = {_g(at14['sigma_T2_barn_keV2'])} barn keV², "
            f"δ_(μ) = {_g(at14['delta'], 4)}",
            highlight=False,
        )
    if "paper" in doc:
        p = doc["paper"]
        console.print(
            f"paper: maximum at T ≈ {p['T_keV']:g} keV, σ_γT² ≈ {p['sigma_T2_barn_keV2']:g} "
            f"barn keV², δ_(μ) < {p['delta_bound']:g}",
            highlight=False,
        )
    console.print(
        f"data: {prov['table_name']} [{prov['citation']}], read through {prov['library']} "
        f"{prov['library_version']} ({prov['data_version']})",
        highlight=False,
        markup=False,
    )
