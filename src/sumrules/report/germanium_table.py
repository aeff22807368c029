"""The ``sumrules germanium`` table: per-subshell and total sum-rule ratios of the Ge shell model.

:func:`germanium_document` builds the JSON-ready dict (the ``--json`` output) from text
arguments as the command line gives them (ValueError naming the argument otherwise);
:func:`print_germanium` prints it.

>>> doc = germanium_document("binding", ["2", "11.2"], "200", "15")
>>> [r["stepping"] for r in doc["rows"]], doc["rows"][0]["shells"]["1s"]["r_nmm"]
([30, 32], '0.0')
>>> germanium_document("hf", None, "200", "15")
Traceback (most recent call last):
...
ValueError: model must be one of binding, slater; got 'hf'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import mpmath
from rich.console import Console
from rich.table import Table

from sumrules.core.numeric import validate_dps
from sumrules.models.germanium_curve import energy_grid, inclusive_curve, per_open_electron
from sumrules.models.hydrogenic.ratio_curves import provenance
from sumrules.models.shells import check_energy_kev, germanium

__all__ = ["germanium_document", "print_germanium"]


def _integer(text: object, name: str, low: int, high: int) -> int:
    try:
        value = int(str(text))
    except ValueError:
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {text!r}") from None
    if not low <= value <= high:
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {text!r}")
    return value


def _energies(values: Sequence[str]) -> list[float]:
    out = []
    for v in values:
        try:
            t = float(v)
        except ValueError:
            raise ValueError(f"T_keV must be a number (keV), got {v!r}") from None
        out.append(check_energy_kev(t))
    return out


def germanium_document(
    model: str,
    T: Sequence[str] | None,
    points: object,
    dps: object,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Per-subshell and total ratios at ``T`` (keV; default: :func:`energy_grid` with
    ``points``), the subshells and the interpolants' provenance and error."""
    d = _integer(dps, "--dps", 10, 100)
    validate_dps(d)
    atom = germanium(model)
    grid = _energies(T) if T else energy_grid(_integer(points, "--points", 2, 100000), 0.1, 30.0)

    def tick(i: int) -> None:
        if progress is not None:
            progress(i, len(grid))

    rows = []
    for r in inclusive_curve(atom, grid, dps=d, progress=tick):
        per = per_open_electron(r) if r.open_count else (mpmath.nan, mpmath.nan)
        rows.append(
            {
                "T_keV": r.T_keV,
                "stepping": r.stepping,
                "open": r.open_count,
                "r_nmm": mpmath.nstr(r.r_nmm, d),
                "r_ew": mpmath.nstr(r.r_ew, d),
                "per_open_nmm": mpmath.nstr(per[0], d),
                "per_open_ew": mpmath.nstr(per[1], d),
                "shells": {
                    name: {"r_nmm": mpmath.nstr(a, d), "r_ew": mpmath.nstr(b, d)}
                    for name, a, b in r.shells
                },
            }
        )
    shells = [
        {
            "name": s.name,
            "n": s.n,
            "l": s.l,
            "occupancy": s.occupancy,
            "binding_keV": mpmath.nstr(s.binding_keV, 8),
            "Z_eff": mpmath.nstr(s.Z_eff, 8),
            "threshold_keV": mpmath.nstr(s.threshold_keV, 8),
            "edges": [name for name, _ in s.edges],
        }
        for s in atom.shells
    ]
    return {
        "model": atom.model,
        "dps": d,
        "interpolation_error": atom.interpolation_error,
        "provenance": provenance(),
        "shells": shells,
        "rows": rows,
    }


def print_germanium(doc: dict[str, Any], console: Console) -> None:
    """The subshells, then one row per T: n(T), r_nmm, r_ew, per open electron, per subshell."""
    shells = Table(title=f"Ge shell model ({doc['model']}): subshells")
    for col in ("subshell", "N", "binding (keV)", "Z_eff", "threshold (keV)", "edges"):
        shells.add_column(col, justify="right")
    for s in doc["shells"]:
        shells.add_row(
            s["name"],
            str(s["occupancy"]),
            s["binding_keV"],
            s["Z_eff"],
            s["threshold_keV"],
            "/".join(s["edges"]),
        )
    console.print(shells)
    names = [s["name"] for s in doc["shells"]]
    table = Table(
        title="r per electron of the atom (1 if Eqs. (12), (15) held for all 32 electrons); "
        "ρ = 32 r/n(T) per open electron; per subshell r_nmm/r_ew "
        f"(interpolation error ≤ {doc['interpolation_error']:.1e})"
    )
    for col in ("T (keV)", "n(T)", "r_nmm", "r_ew", "ρ_nmm", "ρ_ew", *names):
        table.add_column(col, justify="right")
    for r in doc["rows"]:
        cells = [f"{r['T_keV']:.6g}", str(r["stepping"]), r["r_nmm"][:12], r["r_ew"][:12]]
        cells += [r["per_open_nmm"][:12], r["per_open_ew"][:12]]
        for name in names:
            v = r["shells"][name]
            cells.append(f"{v['r_nmm'][:8]}/{v['r_ew'][:8]}")
        table.add_row(*cells)
    console.print(table)
    p = doc["provenance"]
    console.print(f"interpolants: {p['route']}; {p['nodes']}; made {p['date']} by {p['script']}")
