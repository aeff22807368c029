"""The ``sumrules table`` output: a checked K(E, q) table as JSON or as terminal tables.

:func:`check_document` turns a :class:`~sumrules.models.table_check.TableCheck` into a
JSON-ready dict (every row and column); :func:`print_check` prints a selection of rows (about
:data:`SHOWN` log-spaced T and q, flagged or not) with the flag counts, the interpolation error
and the notes.

>>> from sumrules.data.ionisation import packaged_table
>>> from sumrules.models.table_check import check_table
>>> doc = check_document(check_table(packaged_table("Ar"), loo_rows=0))
>>> doc["shape"], doc["electrons"], len(doc["rows"]), doc["flags"]["multipole cut"]
([256, 1024], 18.0, 256, [170, 575])
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from sumrules.models.table_check import TableCheck

__all__ = ["SHOWN", "check_document", "print_check", "shown"]

#: rows (and columns) printed by default
SHOWN = 20


def _clean(value: Any) -> Any:
    """JSON-safe: inf and nan become strings."""
    if isinstance(value, float) and not np.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def check_document(check: TableCheck) -> dict[str, Any]:
    """Every number of the check, JSON-ready (inf/nan as text)."""
    doc = {
        "source": check.source,
        "element": check.element,
        "Z": check.Z,
        "electrons": check.electrons,
        "max_L": check.max_L,
        "units": "atomic: T in hartree, q in 1/a0, S per hartree; ratios of the whole table",
        "shape": list(check.shape),
        "T_range_hartree": list(check.T_range),
        "q_range": list(check.q_range),
        "model": check.model,
        "flags": {k: list(v) for k, v in check.flagged().items()},
        "interpolation_leave_one_out": {
            k: {"median": v[0], "p95": v[1], "max": v[2]} for k, v in check.interpolation.items()
        },
        "notes": list(check.notes),
        "rows": [asdict(r) for r in check.rows],
        "columns": [asdict(c) for c in check.columns],
    }
    return _clean(doc)


def shown(count: int, wanted: int = SHOWN) -> list[int]:
    """About ``wanted`` indices of ``count``, evenly spread, first and last included.

    >>> shown(256, 5)
    [0, 64, 128, 191, 255]
    """
    if count <= wanted:
        return list(range(count))
    return sorted({round(v) for v in np.linspace(0, count - 1, wanted)})


def _g(x: float | None, digits: int = 5) -> str:
    if x is None:
        return "-"
    if not np.isfinite(x):
        return str(x)
    return f"{x:.{digits}g}"


def print_check(check: TableCheck, console: Console | None = None, *, every: bool = False) -> None:
    """Print the check: a selection of rows and columns (all with ``every``), flags, notes."""
    console = console or Console()
    head = (
        f"{check.source}: {check.shape[0]} T × {check.shape[1]} q, "
        f"T = {check.T_range[0]:g}–{check.T_range[1]:g} hartree, "
        f"q = {check.q_range[0]:g}–{check.q_range[1]:g}/a0; Z = {check.Z}, electrons in the "
        f"table = {check.electrons}, multipole cut L <= {check.max_L}"
    )
    console.print(head, highlight=False, markup=False)
    rows = range(len(check.rows)) if every else shown(len(check.rows))
    t = Table(title="per T: r_nmm = T∫S dQ²/Q², r_ew = ∫S dQ²/2m (whole table)")
    for col in ("T (keV)", "r_nmm", "r_ew", "stepping", "edges", "cut loss", "flags"):
        t.add_column(col, justify="right" if col != "flags" else "left")
    for i in rows:
        r = check.rows[i]
        t.add_row(
            _g(r.T_keV),
            _g(r.r_nmm),
            _g(r.r_ew),
            _g(r.stepping, 3),
            _g(r.stepping_edges, 3),
            _g(r.cut_loss, 3),
            ", ".join(r.flags),
        )
    console.print(t)
    cols = range(len(check.columns)) if every else shown(len(check.columns))
    t = Table(title="per q: Bethe Σ(2T/q²)SΔT and completeness ∫S dT over the table's T")
    for col in ("q (1/a0)", "Bethe", "tail > T_max", "± thresholds", "∫S dT", "L-cut closure"):
        t.add_column(col, justify="right")
    t.add_column("flags")
    for j in cols:
        c = check.columns[j]
        t.add_row(
            _g(c.q),
            _g(c.bethe),
            _g(c.bethe_tail, 3),
            _g(c.bethe_threshold_uncertainty, 2),
            _g(c.completeness),
            _g(c.closure),
            ", ".join(c.flags),
        )
    console.print(t)
    for name, (n_rows, n_cols) in check.flagged().items():
        console.print(f"flag '{name}': {n_rows} rows, {n_cols} columns", highlight=False)
    for name, (med, p95, top) in check.interpolation.items():
        console.print(
            f"interpolation ({name}), leave-one-out |error|: median {med:.2g}, 95% {p95:.2g}, "
            f"max {top:.2g}",
            highlight=False,
        )
    if check.model:
        console.print(f"shell model: {check.model}", highlight=False, markup=False)
    for note in check.notes:
        console.print(f"note: {note}", highlight=False, markup=False)
