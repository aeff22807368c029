"""Eqs. (12) and (15) on argon and xenon: the relativistic Hartree–Fock tables against the
stepping count, the shell model and the multipole cut.

The tables (:func:`sumrules.data.ionisation.packaged_table`) give S(T, q) of the whole atom
(xenon without its 1s, which lies above 10 keV) for multipoles L ≤ 6. At every tabulated T
this module compares the table's r_nmm, r_ew with

* the stepping count N(T): the electrons bound below T, from the table's orbital energies
  (``stepping``) and from xraydb's edges (``stepping_edges``);
* the uncut shell model r(T) = Σ_s N_s r_s(T/E_s) (:mod:`sumrules.models.shell_atom.model`),
  thresholds from the table's orbitals (``model``) or from the edges (``model_edges``, the
  recipe of the germanium shell atom);
* the same shell model with the table's cut (``cut``: Slater radii; ``cut_binding``: the
  radii of the binding-energy charges, a wrong model kept as a negative control).

At fixed q it compares the table's Bethe sum (with its tail above 10 keV) with the f-sum the
cut keeps (Σ_s N_s B_s(q)). And at each orbital threshold it measures the jump of the table's
ratios per electron of the opened orbital (a shell-by-shell number the summed table still
shows) against the hydrogen-like r_s just above threshold.

>>> p = ratio_point("Ar", 1.0)
>>> p.stepping, round(p.table_nmm / p.stepping, 3), round(p.cut_nmm / p.stepping, 3)
(16.0, 0.617, 0.601)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sumrules.data.ionisation import HARTREE_KEV, IonisationTable, packaged_table
from sumrules.models.shell_atom.model import ShellModel, shell_model, table_shell_model
from sumrules.models.shell_atom.state_grid import ratio
from sumrules.theory.table_sums import OverQ, OverT, over_q, over_t

__all__ = [
    "ELEMENTS",
    "MAX_L",
    "REPORT_Q",
    "REPORT_T_KEV",
    "Analysis",
    "BethePoint",
    "Curves",
    "Jump",
    "RatioPoint",
    "analysis",
    "bethe_point",
    "curves",
    "ratio_point",
    "threshold_jumps",
]

FloatArray = npt.NDArray[np.float64]
#: the shipped tables
ELEMENTS = ("Ar", "Xe")
#: the multipole cut of the shipped tables
MAX_L = 6
#: energy transfers (keV) of the report
REPORT_T_KEV = (0.1, 0.3, 1.0, 3.0, 9.0)
#: momentum transfers (1/a₀) of the report
REPORT_Q = (0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True)
class Analysis:
    """A shipped table with its sums and shell models (computed once per element)."""

    table: IonisationTable
    over_q: OverQ
    over_t: OverT
    model: ShellModel
    model_binding: ShellModel
    model_edges: ShellModel


@functools.cache
def analysis(element: str) -> Analysis:
    """The table of ``element`` ("Ar" or "Xe"), its sums and its shell models."""
    t = packaged_table(element)
    edges = shell_model(element)
    if element == "Xe":  # the table leaves out 1s (34.6 keV): so does the comparison
        edges = ShellModel(edges.name, edges.Z, edges.subshells[1:], edges.recipe)
    return Analysis(
        t,
        over_q(t.E, t.q, t.K),
        over_t(t.E, t.q, t.K, t.thresholds),
        table_shell_model(t),
        table_shell_model(t, recipe="binding"),
        edges,
    )


@dataclass(frozen=True)
class RatioPoint:
    """The whole atom's ratios at one T: the table and its comparisons (see the docstring)."""

    element: str
    T_keV: float
    table_nmm: float
    table_ew: float
    stepping: float
    stepping_edges: float
    model_nmm: float
    model_ew: float
    model_edges_nmm: float
    model_edges_ew: float
    cut_nmm: float
    cut_ew: float
    cut_binding_nmm: float
    cut_binding_ew: float

    @property
    def T(self) -> float:
        return self.T_keV / HARTREE_KEV

    @property
    def restored_nmm(self) -> float:
        """The table's r_nmm with the cut undone by the model: table × model/cut."""
        return self.table_nmm * self.model_nmm / self.cut_nmm

    @property
    def restored_ew(self) -> float:
        return self.table_ew * self.model_ew / self.cut_ew


def ratio_point(element: str, T_keV: float) -> RatioPoint:
    """The comparisons at T (keV): the table's ratios interpolated in ln T (cubic, inside one
    threshold segment; InterpolationError in a threshold cell)."""
    a = analysis(element)
    T = np.array([T_keV / HARTREE_KEV])
    nmm = float(a.table.interpolate_rows(a.over_q.r_nmm, T)[0])
    ew = float(a.table.interpolate_rows(a.over_q.r_ew, T)[0])
    m_nmm, m_ew = a.model.ratios(T)
    e_nmm, e_ew = a.model_edges.ratios(T)
    c_nmm, c_ew = a.model.cut_ratios(T, MAX_L)
    b_nmm, b_ew = a.model_binding.cut_ratios(T, MAX_L)
    return RatioPoint(
        element,
        float(T_keV),
        nmm,
        ew,
        float(a.table.stepping(T)[0]),
        float(a.model_edges.stepping(T)[0]),
        float(m_nmm[0]),
        float(m_ew[0]),
        float(e_nmm[0]),
        float(e_ew[0]),
        float(c_nmm[0]),
        float(c_ew[0]),
        float(b_nmm[0]),
        float(b_ew[0]),
    )


@dataclass(frozen=True)
class BethePoint:
    """The Bethe sum and completeness at one q: the table (trapezoid over T ≤ 10 keV, the
    tail above, the threshold-cell uncertainty) against the cut's closure."""

    element: str
    q: float
    bethe: float
    bethe_tail: float
    bethe_uncertainty: float
    completeness: float
    completeness_tail: float
    closure: float
    closure_binding: float
    electrons: float

    @property
    def bethe_total(self) -> float:
        return self.bethe + self.bethe_tail


def bethe_point(element: str, q: float) -> BethePoint:
    """The Bethe sum at q (1/a₀), interpolated in ln q (cubic) between the table's columns.

    >>> p = bethe_point("Ar", 2.0)
    >>> round(p.bethe_total, 2), round(p.closure, 2), p.electrons
    (17.57, 17.85, 18.0)
    """
    a = analysis(element)
    ot = a.over_t

    def at(values: FloatArray) -> float:
        return float(a.table.interpolate_columns(values, q)[0])

    qq = np.array([q])
    return BethePoint(
        element,
        float(q),
        at(ot.bethe),
        at(ot.bethe_tail),
        at(ot.bethe_threshold_uncertainty),
        at(ot.completeness),
        at(ot.completeness_tail),
        float(a.model.bethe(qq, MAX_L)[0]),
        float(a.model_binding.bethe(qq, MAX_L)[0]),
        a.model.electrons,
    )


@dataclass(frozen=True)
class Jump:
    """The jump of the table's ratios at the first row above one or more orbital energies,
    per electron opened, against the hydrogen-like ratio there."""

    element: str
    orbitals: tuple[str, ...]
    electrons: int
    T_keV: float
    T_over_I: float
    nmm: float
    ew: float
    hydrogenic_nmm: float
    hydrogenic_ew: float


def threshold_jumps(element: str) -> tuple[Jump, ...]:
    """Per threshold cell: the ratios of the first row above it minus their linear extrapolation
    (in ln T) from the two rows below, divided by the electrons that open there.

    >>> j = threshold_jumps("Ar")[-1]
    >>> j.orbitals, j.electrons, round(j.nmm, 2), round(j.hydrogenic_nmm, 3)
    (('1s_1/2',), 2, 1.16, 0.958)
    """
    a = analysis(element)
    t, oq = a.table, a.over_q
    lnE = np.log(t.E)
    cells: dict[int, list[str]] = {}
    for o in t.orbitals:
        if o.accessible:
            cells.setdefault(int(np.searchsorted(t.E, o.binding)), []).append(o.name)
    out = []
    for i in sorted(cells):
        opened = [o for o in t.orbitals if o.name in cells[i] and o.accessible]
        n_el = sum(o.electrons for o in opened)
        jumps = []
        for r in (oq.r_nmm, oq.r_ew):
            if i >= 2 and r[i - 1] > 0:
                slope = (r[i - 1] - r[i - 2]) / (lnE[i - 1] - lnE[i - 2])
                below = r[i - 1] + slope * (lnE[i] - lnE[i - 1])
            else:
                below = 0.0
            jumps.append((r[i] - below) / n_el)
        hyd = np.zeros(2)
        for o in opened:
            hyd += o.electrons * np.array(ratio(o.label, float(t.E[i] / o.binding)))
        hyd /= n_el
        out.append(
            Jump(
                element,
                tuple(o.name for o in opened),
                n_el,
                float(t.E[i] * HARTREE_KEV),
                float(t.E[i] / max(o.binding for o in opened)),
                float(jumps[0]),
                float(jumps[1]),
                float(hyd[0]),
                float(hyd[1]),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class Curves:
    """Whole-atom ratios on every row of a table (threshold cells included) for the figure."""

    element: str
    T_keV: list[float]
    table_nmm: list[float]
    table_ew: list[float]
    stepping: list[float]
    model_nmm: list[float]
    model_ew: list[float]
    cut_nmm: list[float]
    cut_ew: list[float]


@functools.cache
def curves(element: str) -> Curves:
    """:class:`Curves` of ``element`` on the rows where at least one electron is bound below T."""
    a = analysis(element)
    t = a.table
    keep = t.stepping(t.E) > 0
    T = t.E[keep]
    m_nmm, m_ew = a.model.ratios(T)
    c_nmm, c_ew = a.model.cut_ratios(T, MAX_L)
    return Curves(
        element,
        [float(v) for v in T * HARTREE_KEV],
        [float(v) for v in a.over_q.r_nmm[keep]],
        [float(v) for v in a.over_q.r_ew[keep]],
        [float(v) for v in t.stepping(T)],
        [float(v) for v in m_nmm],
        [float(v) for v in m_ew],
        [float(v) for v in c_nmm],
        [float(v) for v in c_ew],
    )
