"""A checker for any K(E, q) / S(T, q) table: the sum rules per T and per q, and where the table
cannot be trusted.

Per T (a row): r_nmm = T∫S dQ²/Q² and r_ew = (1/2m)∫S dQ² of the whole table
(:func:`sumrules.theory.table_sums.over_q`), with the stepping count (electrons bound below T)
from the table's orbitals and from xraydb's edges where they are known. Per q (a column): the
Bethe sum Σ(2T/q²)SΔT and the completeness ∫S dT over the table's T
(:func:`sumrules.theory.table_sums.over_t`), with their tails above T_max, and the f-sum the
table's multipole cut keeps according to the shell model (:mod:`sumrules.models.multipole_cut.shells`).

Flags (a row or column is flagged when the stated estimate exceeds the tolerance):

* ``multipole cut`` — the shell model (Slater radii) says the cut L ≤ L_max loses more than
  ``cut_tolerance`` of the f-sum at q, or (per T) of the ratio on the subshells' Bethe ridges;
* ``q grid`` — the pieces of the ratios below q_min (dipole extrapolation) or above q_max
  (power-law extrapolation) exceed ``edge_tolerance``;
* ``threshold cell`` — the row is the first above an orbital energy (or edge): the grid does
  not resolve the onset, and the row's ratios carry the threshold structure;
* ``T truncation`` — the tail above T_max exceeds ``tail_tolerance`` of the sum, or the Bethe
  ridge T ≈ q²/2 lies beyond T_max (the tail cannot be estimated);
* ``threshold cells`` — the jumps at thresholds make the trapezoid in T uncertain by more than
  ``tail_tolerance``;
* ``starts in continuum`` — S(T_min, q) > 0: the table misses the continuum below T_min.

A note says when the Bethe sum at the smallest q (the dipole f-sum, with its tail) misses the
electron count by more than ``tail_tolerance`` (the shipped tables: 14.07 of 18, 46.34 of 52;
:mod:`sumrules.models.bethe_shortfall`).

>>> from sumrules.data.ionisation import packaged_table
>>> c = check_table(packaged_table("Ar"), loo_rows=4)
>>> row = c.row_at(1.0)
>>> round(row.T_keV, 3), round(row.r_nmm, 3), row.stepping, row.flags
(1.007, 9.861, 16.0, ('multipole cut',))
>>> c.column_at(2.0).flags, c.column_at(5.0).flags
(('T truncation', 'threshold cells'), ('multipole cut', 'T truncation'))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sumrules.data.ionisation import (
    HARTREE_KEV,
    IonisationTable,
    leave_one_out,
    loo_summary,
)
from sumrules.data.xray import symbol
from sumrules.models.multipole_cut.shells import Shell, closure_sum, cut_shells, ridge_shares
from sumrules.theory.table_sums import OverQ, OverT, over_q, over_t

__all__ = ["Progress", "QColumn", "TRow", "TableCheck", "check_table", "default_model"]

FloatArray = npt.NDArray[np.float64]
#: progress(done, total, what)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class TRow:
    """One energy transfer T (a row of the table)."""

    T: float
    T_keV: float
    r_nmm: float
    r_ew: float
    quadrature_error: float
    outside_q: float
    stepping: float | None
    stepping_edges: float | None
    cut_loss: float | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class QColumn:
    """One momentum transfer q (a column of the table)."""

    q: float
    bethe: float
    bethe_tail: float
    bethe_threshold_uncertainty: float
    completeness: float
    completeness_tail: float
    closure: float | None
    cut_loss: float | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class TableCheck:
    """The checker's findings on one table."""

    source: str
    element: str | None
    Z: int | None
    electrons: float | None
    max_L: int | None
    shape: tuple[int, int]
    T_range: tuple[float, float]
    q_range: tuple[float, float]
    rows: tuple[TRow, ...]
    columns: tuple[QColumn, ...]
    interpolation: dict[str, tuple[float, float, float]]
    model: str | None
    notes: tuple[str, ...]

    def row_at(self, T_keV: float) -> TRow:
        """The row nearest to T (keV)."""
        return min(self.rows, key=lambda r: abs(np.log(r.T_keV / T_keV)))

    def column_at(self, q: float) -> QColumn:
        """The column nearest to q (1/a₀)."""
        return min(self.columns, key=lambda c: abs(np.log(c.q / q)))

    def flagged(self) -> dict[str, tuple[int, int]]:
        """Per flag: (rows, columns) carrying it."""
        names = {f for r in self.rows for f in r.flags} | {f for c in self.columns for f in c.flags}
        return {
            n: (
                sum(n in r.flags for r in self.rows),
                sum(n in c.flags for c in self.columns),
            )
            for n in sorted(names)
        }


def default_model(table: IonisationTable) -> tuple[Shell, ...] | None:
    """The shell atom of the table's Z, without the subshells the table leaves out.

    Edges and Slater radii as in :mod:`sumrules.models.multipole_cut.shells`; subshells are
    left out where the table lists its orbitals; None if Z is unknown or the shell atom does
    not cover it.
    """
    if table.Z is None:
        return None
    kept = {o.label for o in table.orbitals if o.accessible}
    try:
        shells = cut_shells(table.element or symbol(table.Z))
    except ValueError:
        return None
    return tuple(s for s in shells if not kept or s.name in kept)


def _row_flags(
    i: int,
    cells: set[int],
    outside: float,
    loss: float | None,
    edge_tolerance: float,
    cut_tolerance: float,
) -> tuple[str, ...]:
    flags = []
    if loss is not None and loss > cut_tolerance:
        flags.append("multipole cut")
    if outside > edge_tolerance:
        flags.append("q grid")
    if i in cells:
        flags.append("threshold cell")
    return tuple(flags)


def _column_flags(
    total: float,
    tail: float,
    unc: float,
    start: float,
    loss: float | None,
    tail_tolerance: float,
    cut_tolerance: float,
) -> tuple[str, ...]:
    flags = []
    if loss is not None and loss > cut_tolerance:
        flags.append("multipole cut")
    if not np.isfinite(tail) or tail > tail_tolerance * max(total, 1e-300):
        flags.append("T truncation")
    if unc > tail_tolerance * max(total, 1e-300):
        flags.append("threshold cells")
    if start > 0:
        flags.append("starts in continuum")
    return tuple(flags)


def _thresholds(table: IonisationTable, model: tuple[Shell, ...] | None) -> FloatArray:
    if len(table.thresholds):
        return table.thresholds
    if model is not None:
        return np.array(sorted(s.binding for s in model))
    return np.empty(0)


@dataclass(frozen=True)
class _Cut:
    """The shell model's estimates of the cut: per row, per column, the closure per column."""

    row_loss: FloatArray | None = None
    col_loss: FloatArray | None = None
    closure: FloatArray | None = None
    step_edges: FloatArray | None = None


def _cut(table: IonisationTable, model: tuple[Shell, ...] | None) -> _Cut:
    if model is None:
        return _Cut()
    step_edges = sum(s.electrons * (s.binding < table.E) for s in model) + 0.0 * table.E
    lmax = table.max_L
    if lmax is None:
        return _Cut(step_edges=step_edges)
    shares = ridge_shares(model, table.E, lmax)
    weights = np.array([s.electrons for s in model])[:, None] * (shares > 0)
    open_e = weights.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        row_loss = np.where(open_e > 0, 1 - (weights * shares).sum(axis=0) / open_e, 0.0)
    closure = closure_sum(model, table.q, lmax)
    col_loss = 1 - closure / sum(s.electrons for s in model)
    return _Cut(row_loss, col_loss, closure, step_edges)


def _electrons(table: IonisationTable, model: tuple[Shell, ...] | None) -> float | None:
    if table.electrons is not None:
        return float(table.electrons)
    return None if model is None else float(sum(s.electrons for s in model))


def _small_q_notes(
    columns: tuple[QColumn, ...], electrons: float | None, tolerance: float
) -> list[str]:
    """A note when the Bethe sum at the smallest q (the dipole f-sum) misses the electrons."""
    if electrons is None or not columns:
        return []
    c = columns[0]
    total = c.bethe + c.bethe_tail
    if not np.isfinite(total) or abs(electrons - total) <= tolerance * electrons:
        return []
    return [
        f"Bethe sum at the smallest q (the dipole f-sum) {total:.2f} of {electrons:g}: the "
        f"table's spectrum lacks {electrons - total:.2f} of the oscillator strength at small q "
        "(bound-bound excitations, absent from a continuum-only table, or the f-sum of its own "
        "approximation; see sumrules.models.bethe_shortfall)"
    ]


def _opt(values: FloatArray | None, i: int) -> float | None:
    return None if values is None else float(values[i])


def _rows(
    table: IonisationTable,
    oq: OverQ,
    cut: _Cut,
    thresholds: FloatArray,
    edge_tolerance: float,
    cut_tolerance: float,
) -> tuple[TRow, ...]:
    step = table.stepping(table.E) if table.orbitals else None
    cells = {int(i) for i in np.searchsorted(table.E, thresholds) if 0 <= i < len(table.E)}
    with np.errstate(invalid="ignore", divide="ignore"):
        outside = np.nan_to_num(
            np.maximum(
                (oq.below_nmm + oq.above_nmm) / oq.r_nmm, (oq.below_ew + oq.above_ew) / oq.r_ew
            ),
            nan=0.0,
            posinf=np.inf,
        )
    return tuple(
        TRow(
            float(table.E[i]),
            float(table.E[i] * HARTREE_KEV),
            float(oq.r_nmm[i]),
            float(oq.r_ew[i]),
            float(oq.quadrature_error[i]),
            float(outside[i]),
            _opt(step, i),
            _opt(cut.step_edges, i),
            _opt(cut.row_loss, i),
            _row_flags(
                i, cells, float(outside[i]), _opt(cut.row_loss, i), edge_tolerance, cut_tolerance
            ),
        )
        for i in range(len(table.E))
    )


def _columns(
    table: IonisationTable, ot: OverT, cut: _Cut, tail_tolerance: float, cut_tolerance: float
) -> tuple[QColumn, ...]:
    return tuple(
        QColumn(
            float(table.q[j]),
            float(ot.bethe[j]),
            float(ot.bethe_tail[j]),
            float(ot.bethe_threshold_uncertainty[j]),
            float(ot.completeness[j]),
            float(ot.completeness_tail[j]),
            _opt(cut.closure, j),
            _opt(cut.col_loss, j),
            _column_flags(
                float(ot.bethe[j]),
                float(ot.bethe_tail[j]),
                float(ot.bethe_threshold_uncertainty[j]),
                float(ot.S_at_T_min[j]),
                _opt(cut.col_loss, j),
                tail_tolerance,
                cut_tolerance,
            ),
        )
        for j in range(len(table.q))
    )


def check_table(
    table: IonisationTable,
    *,
    model: tuple[Shell, ...] | None = None,
    cut_tolerance: float = 0.01,
    edge_tolerance: float = 1e-3,
    tail_tolerance: float = 0.01,
    loo_rows: int = 8,
    progress: Progress | None = None,
) -> TableCheck:
    """Check ``table`` (see the module docstring); ``model`` defaults to :func:`default_model`.

    ``loo_rows``: the leave-one-out errors use every ``loo_rows``-th row (0: none).
    """
    tick = progress or (lambda done, total, what: None)
    steps = 5
    model = model if model is not None else default_model(table)
    tick(0, steps, "ratios over q")
    oq = over_q(table.E, table.q, table.K)
    thresholds = _thresholds(table, model)
    tick(1, steps, "sums over T")
    ot = over_t(table.E, table.q, table.K, thresholds)
    tick(2, steps, "multipole cut (shell model)")
    cut = _cut(table, model)
    tick(3, steps, "stepping and flags")
    rows = _rows(table, oq, cut, thresholds, edge_tolerance, cut_tolerance)
    columns = _columns(table, ot, cut, tail_tolerance, cut_tolerance)
    tick(4, steps, "interpolation error")
    interp: dict[str, tuple[float, float, float]] = {}
    if loo_rows:
        sample = list(range(0, len(table.E), loo_rows))
        interp["q, cubic"] = loo_summary(leave_one_out(table, "q", rows=sample))
        interp["E, cubic"] = loo_summary(leave_one_out(table, "E", rows=sample))
    tick(steps, steps, "done")
    notes = _small_q_notes(columns, _electrons(table, model), tail_tolerance)
    if table.max_L is None:
        notes.append("multipole cut unknown (no max_L): the 'multipole cut' flag is not set")
    if model is None:
        notes.append("no shell model (Z unknown): no stepping count, no cut estimate")
    return TableCheck(
        source=table.source,
        element=table.element,
        Z=table.Z,
        electrons=None if table.electrons is None else float(table.electrons),
        max_L=table.max_L,
        shape=table.shape,
        T_range=(float(table.E[0]), float(table.E[-1])),
        q_range=(float(table.q[0]), float(table.q[-1])),
        rows=rows,
        columns=columns,
        interpolation=interp,
        model=None if model is None else "shell atom: xraydb edges, Slater radii",
        notes=tuple(notes),
    )
