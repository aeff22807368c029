"""Eqs. (12) and (15) on argon and xenon: the relativistic Hartree–Fock tables against the
stepping count, the shell model and the multipole cut.

The tables (:func:`sumrules.data.ionisation.packaged_table`) give S(T, q) of the whole atom
(xenon without its 1s, bound by 34.6 keV, above the grid) for the multipoles L ≤ 6. At a
tabulated T this module compares the table's r_nmm = T∫S dQ²/Q² and r_ew = (1/2m)∫S dQ² with

* the stepping count N(T): the electrons bound below T, from xraydb's edges (the shell atom's
  binding energies; xenon's 1s left out like the table leaves it out);
* the shell model of germanium applied to the element (:func:`sumrules.models.shells.
  shell_atom`, model ``"binding"``: every subshell the hydrogen-like state of the same n, l
  opening at its edge): r(T) = Σ_s N_s r_s(T) uncut;
* the same shell model with the tables' multipole cut: r_cut(T) = Σ_s N_s r_s(T) B_s(k_s),
  B_s the share of the f-sum that L ≤ 6 keeps (:func:`sumrules.models.multipole_cut.closure.
  bethe_fraction`) on the subshell's Bethe ridge k_s = √(2(T − E_s)), with the subshell's
  radius from Slater's charge (the shell atom's ``"slater"`` model). Using B at the ridge for
  the cut share of the whole Compton peak is an approximation: the partial waves cut at L ≤ 6
  (:mod:`sumrules.models.multipole_cut.points`) measure it.

Every subshell of argon and xenon has a hydrogen-like ratio curve (1s … 4p:
:mod:`sumrules.models.hydrogenic.ratio_curves`; xenon's 4d, 5s, 5p:
:mod:`sumrules.models.hydrogenic.outer_curves`). A subshell without one would enter the model
with r_s = 1 above its edge (the stepping value); :attr:`RatioPoint.assumed_one` counts those
electrons (0 for both tables).

At fixed q, the table's Bethe sum Σ(2T/q²)SΔT over T ≤ 10 keV (with its tail above, estimated
from the last two rows) is compared with the f-sum the cut keeps, Σ_s N_s B_s(q) (no ridge
approximation: an exact property of the hydrogen-like densities).

>>> p = ratio_point("Ar", 1.0)
>>> p.stepping, round(p.table_nmm, 2), round(p.cut_nmm, 2)
(16.0, 9.88, 9.56)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sumrules.data.ionisation import HARTREE_KEV, IonisationTable, Orbital, packaged_table
from sumrules.models.hydrogenic.outer_curves import any_curve
from sumrules.models.multipole_cut.shells import (
    MAX_L,
    Shell,
    closure_sum,
    cut_shells,
    ridge_shares,
)
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
    "dipole_cross_section",
    "ratio_point",
    "threshold_jumps",
]

FloatArray = npt.NDArray[np.float64]
#: the shipped tables
ELEMENTS = ("Ar", "Xe")
#: energy transfers (keV) of the report
REPORT_T_KEV = (0.1, 0.3, 1.0, 3.0, 9.0)
#: momentum transfers (1/a₀) of the report
REPORT_Q = (0.5, 1.0, 2.0, 5.0)
#: the lowest T (keV) of the shell model (below: no hydrogen-like shell picture)
T_MIN_MODEL_KEV = 0.05


@dataclass(frozen=True)
class Analysis:
    """A shipped table with its sums and the element's shell model (computed once)."""

    table: IonisationTable
    over_q: OverQ
    over_t: OverT
    shells: tuple[Shell, ...]

    def stepping(self, T: float) -> float:
        """Electrons bound below T (hartree) by xraydb's edges."""
        return float(sum(s.electrons for s in self.shells if s.binding < T))


@functools.cache
def analysis(element: str) -> Analysis:
    """The table of ``element`` ("Ar" or "Xe"), its sums and its shell model."""
    t = packaged_table(element)
    leave_out = ("1s",) if element == "Xe" else ()  # as the table leaves it out
    return Analysis(
        t,
        over_q(t.E, t.q, t.K),
        over_t(t.E, t.q, t.K, t.thresholds),
        cut_shells(element, leave_out=leave_out),
    )


@dataclass(frozen=True)
class RatioPoint:
    """The whole atom's ratios at one T: the table, the stepping count, the shell model uncut
    and cut at L ≤ 6; ``assumed_one``: open electrons without a ratio curve (r_s = 1)."""

    element: str
    T_keV: float
    table_nmm: float
    table_ew: float
    stepping: float
    model_nmm: float
    model_ew: float
    cut_nmm: float
    cut_ew: float
    assumed_one: int


def _model(
    shells: tuple[Shell, ...], T: float, lmax: int = MAX_L
) -> tuple[float, float, float, float, int]:
    m_nmm = m_ew = c_nmm = c_ew = 0.0
    assumed = 0
    for s in shells:
        a, b = s.ratios(T)
        if a == 0.0:
            continue
        share = s.cut_share(T, lmax)
        m_nmm += s.electrons * a
        m_ew += s.electrons * b
        c_nmm += s.electrons * a * share
        c_ew += s.electrons * b * share
        assumed += 0 if s.has_curve else s.electrons
    return m_nmm, m_ew, c_nmm, c_ew, assumed


@functools.cache
def ratio_point(element: str, T_keV: float, lmax: int = MAX_L) -> RatioPoint:
    """The comparisons at T (keV): the table's ratios interpolated in ln T (cubic, inside one
    threshold segment; InterpolationError in a threshold cell); the model cut at ``lmax``."""
    a = analysis(element)
    if not T_keV >= T_MIN_MODEL_KEV:
        raise ValueError(f"T_keV must be at least {T_MIN_MODEL_KEV} keV, got {T_keV!r}")
    T = T_keV / HARTREE_KEV
    nmm = float(a.table.interpolate_rows(a.over_q.r_nmm, T)[0])
    ew = float(a.table.interpolate_rows(a.over_q.r_ew, T)[0])
    m_nmm, m_ew, c_nmm, c_ew, assumed = _model(a.shells, T, lmax)
    return RatioPoint(
        element, float(T_keV), nmm, ew, a.stepping(T), m_nmm, m_ew, c_nmm, c_ew, assumed
    )


@dataclass(frozen=True)
class BethePoint:
    """The Bethe sum and completeness at one q: the table (trapezoid over T ≤ 10 keV, the
    tail above, the threshold-cell uncertainty) against the cut's closure Σ N_s B_s(q)."""

    element: str
    q: float
    bethe: float
    bethe_tail: float
    bethe_uncertainty: float
    completeness: float
    closure: float
    electrons: float

    @property
    def bethe_total(self) -> float:
        return self.bethe + self.bethe_tail


@functools.cache
def bethe_point(element: str, q: float, lmax: int = MAX_L) -> BethePoint:
    """The Bethe sum at q (1/a₀), interpolated in ln q (cubic) between the table's columns;
    the closure of the model cut at ``lmax``.

    >>> p = bethe_point("Ar", 2.0)
    >>> round(p.bethe_total, 2), round(p.closure, 2), p.electrons
    (17.58, 17.85, 18.0)
    """
    a = analysis(element)
    ot = a.over_t

    def at(values: FloatArray) -> float:
        return float(a.table.interpolate_columns(values, q)[0])

    closure = float(closure_sum(a.shells, np.array([q]), lmax)[0])
    return BethePoint(
        element,
        float(q),
        at(ot.bethe),
        at(ot.bethe_tail),
        at(ot.bethe_threshold_uncertainty),
        at(ot.completeness),
        closure,
        float(sum(s.electrons for s in a.shells)),
    )


def dipole_cross_section(element: str, T_keV: float) -> float:
    """The table's photoabsorption cross section (barn) from its dipole limit: σ = 4π²αT·S/q²
    at the smallest q (atomic units, T in hartree), at the first row at or above T.

    >>> round(dipole_cross_section("Ar", 3.0) / 1e3, 1)
    10.3
    """
    a = analysis(element)
    t = a.table
    i = min(int(np.searchsorted(t.E_keV, T_keV)), len(t.E) - 1)
    alpha, a0_cm = 7.2973525693e-3, 0.529177210903e-8
    return float(4 * np.pi**2 * alpha * t.E[i] * t.K[i, 0] / t.q[0] ** 2 * a0_cm**2 * 1e24)


@dataclass(frozen=True)
class Curves:
    """Whole-atom ratios on the rows of a table from T_MIN_MODEL_KEV on, for the figure."""

    element: str
    T_keV: list[float]
    table_nmm: list[float]
    table_ew: list[float]
    stepping: list[float]
    model_nmm: list[float]
    cut_nmm: list[float]


@functools.cache
def curves(element: str, every: int = 1) -> Curves:
    """:class:`Curves` of ``element`` on every ``every``-th row above T_MIN_MODEL_KEV."""
    a = analysis(element)
    t = a.table
    rows = [i for i in range(0, len(t.E), every) if t.E_keV[i] >= T_MIN_MODEL_KEV]
    T = t.E[rows]
    shares = ridge_shares(a.shells, T, MAX_L)
    per = np.array([[s.ratios(float(x))[0] for x in T] for s in a.shells])
    weights = np.array([s.electrons for s in a.shells], dtype=np.float64)[:, None]
    return Curves(
        element,
        [float(v) for v in t.E_keV[rows]],
        [float(v) for v in a.over_q.r_nmm[rows]],
        [float(v) for v in a.over_q.r_ew[rows]],
        [a.stepping(float(x)) for x in T],
        [float(v) for v in (weights * per).sum(axis=0)],
        [float(v) for v in (weights * per * shares).sum(axis=0)],
    )


@dataclass(frozen=True)
class Jump:
    """Shell by shell: the jump of the table's r_nmm where orbitals open (the first row above
    their energy, minus the linear extrapolation in ln T of the two rows below), per electron
    opened, against the shell model there: Σ (2j+1) r_s B_s / Σ (2j+1) (r_s of the state's
    curve at T/E_orbital, B_s on the ridge); ``model`` is None without a curve. The jump is a
    fair measure at an isolated deep threshold (Ar 2s: 0.962 against 0.964); where the other
    subshells' response bends at the same T (resonances, Cooper minima, the first rows of
    the grid) the extrapolation from below is not, and the number says so by its size."""

    element: str
    orbitals: tuple[str, ...]
    electrons: int
    T_keV: float
    table: float
    model: float | None


def threshold_jumps(element: str) -> tuple[Jump, ...]:
    """The jumps at every orbital energy inside the table's grid (see :class:`Jump`).

    >>> j = threshold_jumps("Ar")[3]
    >>> j.orbitals, j.electrons, round(j.table, 3), round(j.model or 0, 3)
    (('2s_1/2',), 2, 0.962, 0.964)
    """
    a = analysis(element)
    t, r = a.table, a.over_q.r_nmm
    by_label = {s.name: s for s in a.shells}
    cells: dict[int, list[Orbital]] = {}
    for o in t.orbitals:
        i = int(np.searchsorted(t.E, o.binding))
        if o.accessible and 2 <= i < len(t.E):
            cells.setdefault(i, []).append(o)
    out = []
    for i, opened in sorted(cells.items()):
        slope = (r[i - 1] - r[i - 2]) / (np.log(t.E[i - 1]) - np.log(t.E[i - 2]))
        below = r[i - 1] + slope * (np.log(t.E[i]) - np.log(t.E[i - 1]))
        n_el = sum(o.electrons for o in opened)
        T = float(t.E[i])
        shells = [by_label[o.label] for o in opened]
        model = None
        if all(s.has_curve for s in shells):
            model = (
                sum(
                    o.electrons
                    * float(any_curve(s.n, s.l).ratios(T / o.binding)[0])
                    * s.cut_share(T - o.binding + s.binding)
                    for o, s in zip(opened, shells, strict=True)
                )
                / n_el
            )
        out.append(
            Jump(
                element,
                tuple(o.name for o in opened),
                n_el,
                T * HARTREE_KEV,
                float((r[i] - below) / n_el),
                model,
            )
        )
    return tuple(out)
