"""Why the tables' Bethe sum falls short of the electron count at small q.

At fixed q the Bethe sum Σ(2T/q²)SΔT of a whole atom is its electron count N (Ar 18, Xe 52
without its 1s, as the table). The shipped tables (:mod:`sumrules.models.rhf_tables`) give,
with their tail above 10 keV, 14.07 / 46.34 at the table's smallest q (the dipole limit),
15.09 / 48.69 at q = 0.5, 16.54 / 51.21 at q = 1. This module measures the shortfall
Δ(q) = N − Bethe(q) and tests each possible cause by computation:

* **not the multipole cut**: the shell model's closure keeps 18.00 / 52.00 at q ≤ 0.5
  (:func:`sumrules.models.multipole_cut.shells.closure_sum`);
* **not the q grid**: the Bethe sum is flat below q = 0.1 (the dipole law S ∝ q² holds on the
  table's first columns), so Δ(0) is read at the smallest q (:attr:`Shortfall.dipole`);
* **not the 10 keV cut**: the tail above 10 keV (0.19 for Ar) is the one measured
  photoabsorption gives there (:attr:`DipoleBudget.data_tail`);
* **the table's own spectrum**: at q → 0 the Bethe sum is the dipole f-sum, ∫ σ dT/(2π²α)
  (atomic units). Measured photoabsorption (Henke's compilation, xraydb, 10 eV – 30 keV, a
  power law beyond) carries 18.1 for Ar and the table 14.1: the difference window by window
  (:func:`dipole_budget`) is the whole shortfall, 3/4 of it (Ar) in the valence region
  T < 0.1 keV, where the table's cross section falls from 92 Mb at the 3p threshold to 2 Mb at
  30 eV while the measured one stays above 25 Mb to 30 eV. With Chantler's values above the
  valence region instead of Henke's the deficit is smaller by 0.69 (Ar) and 1.92 (Xe)
  (:attr:`DipoleBudget.deficit_spread`): the data route's own spread;
* **the discrete excitations** a continuum-only table leaves out: in the measured atom they
  have the room N − (measured continuum f), −0.09 for Ar and 0.88 for Xe. Henke's
  compilation is good to a few tenths of an electron near the valence thresholds, not enough
  to resolve argon's resonance lines, but enough to show they do not explain Δ(0) = 3.9. An
  independent-electron atom in a self-consistent field (:mod:`sumrules.models.central_field`)
  puts 1.12 (Ar) and 2.53 (Xe) electrons into discrete excitations at q → 0, that is 30% and
  45% of the shortfall. The hydrogen-like shell model is no measure
  of them (:func:`hydrogenic_discrete_share`): its empty levels are compact orbitals of the
  inner charge, and its discrete share to unoccupied levels (13.4 of Ar's 18 at q → 0, 2p
  → 3d alone 5.6) is three times the shortfall.

So the shortfall is a property of the tables' relativistic Hartree–Fock spectrum (a one-body
approximation with non-local exchange, whose continuum need not satisfy the f-sum), not of the
sum rule: Δ(q)/Δ(0) = 0.74, 0.37, 0.11 (Ar) at q = 0.5, 1, 2. Which part of it the bound
excitations of the tables' final-state potential would restore, and which is exchange, the
tables alone cannot tell (their bound spectrum is not published).

>>> s = shortfall("Ar", 0.5)
>>> round(s.bethe, 2), round(s.shortfall, 2), round(s.dipole, 2), round(s.profile, 2)
(15.09, 2.91, 3.93, 0.74)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from sumrules.core.numeric import precision
from sumrules.data.constants import ALPHA, BARN_CM2
from sumrules.data.ionisation import HARTREE_KEV
from sumrules.data.units import bohr2_to_cm2
from sumrules.data.xray import TableName, photoabsorption
from sumrules.models.hydrogenic.closure_sums import radial_integrals
from sumrules.models.hydrogenic.partial_waves import angular_factor
from sumrules.models.rhf_tables import ELEMENTS, analysis, bethe_point
from sumrules.models.shells import configuration
from sumrules.theory.table_sums import trapezoid_weights

__all__ = [
    "SPLIT_KEV",
    "DipoleBudget",
    "Shortfall",
    "dipole_budget",
    "hydrogenic_discrete_share",
    "shortfall",
]

#: T (keV) splitting the valence region from the inner shells in the dipole budget
SPLIT_KEV = {"Ar": 0.1, "Xe": 0.15}
#: σ (barn) = SIGMA_PER_F × df/dT (per hartree): 2π²α a₀²
SIGMA_PER_F = float(2 * mpmath.pi**2 * float(ALPHA) * bohr2_to_cm2(1) / BARN_CM2.mpf())
#: Henke's compilation ends here (keV); beyond it a power law through its last decade
DATA_END_KEV = 30.0


def _element(element: str) -> str:
    if element not in ELEMENTS:
        raise ValueError(f"element must be one of {', '.join(ELEMENTS)}, got {element!r}")
    return element


@dataclass(frozen=True)
class Shortfall:
    """N − Bethe(q) of a table at q (1/a₀); ``dipole``: the same at the table's smallest q."""

    element: str
    q: float
    electrons: float
    bethe: float
    shortfall: float
    dipole: float

    @property
    def profile(self) -> float:
        """Δ(q)/Δ(0): how the missing strength falls with q."""
        return self.shortfall / self.dipole


def shortfall(element: str, q: float) -> Shortfall:
    """The table's Bethe shortfall at q, with its tail above 10 keV (see the module)."""
    p = bethe_point(_element(element), q)
    q0 = float(analysis(element).table.q[0])
    d0 = bethe_point(element, q0)
    return Shortfall(
        element,
        float(q),
        p.electrons,
        p.bethe_total,
        p.electrons - p.bethe_total,
        d0.electrons - d0.bethe_total,
    )


@dataclass(frozen=True)
class DipoleBudget:
    """The dipole f-sum (q → 0) of the table and of measured photoabsorption, in three windows:
    threshold to ``split_keV``, ``split_keV`` to 10 keV, above 10 keV."""

    element: str
    electrons: float
    split_keV: float
    table_low: float
    table_high: float
    table_tail: float
    data_low: float
    data_high: float
    data_tail: float
    chantler_high: float

    @property
    def table(self) -> float:
        return self.table_low + self.table_high + self.table_tail

    @property
    def data(self) -> float:
        return self.data_low + self.data_high + self.data_tail

    @property
    def deficit(self) -> float:
        """What the table's continuum lacks against the measured one."""
        return self.data - self.table

    @property
    def shortfall(self) -> float:
        return self.electrons - self.table

    @property
    def deficit_spread(self) -> float:
        """How much the deficit moves with Chantler's values above ``split_keV`` instead of
        Henke's (the data route's own uncertainty there)."""
        return self.data_high - self.chantler_high

    @property
    def room_for_lines(self) -> float:
        """N − the measured continuum: what discrete lines may carry in the measured atom."""
        return self.electrons - self.data


def _data_f(element: str, lo_keV: float, hi_keV: float, table: TableName = "henke") -> float:
    T = np.geomspace(lo_keV, hi_keV, 20001)
    sigma = photoabsorption(element, T, table=table)
    return float(np.trapezoid(sigma / SIGMA_PER_F, T / HARTREE_KEV))


def _data_tail(element: str) -> float:
    """∫ above 10 keV: Henke to 30 keV, then σ ∝ T^{−p} with p through 20 and 30 keV (the K
    shell of xenon, left out of the table, opens above 30 keV and stays out)."""
    s20, s30 = photoabsorption(element, [20.0, DATA_END_KEV], table="henke")
    p = float(np.log(s20 / s30) / np.log(DATA_END_KEV / 20.0))
    beyond = s30 / SIGMA_PER_F * (DATA_END_KEV / HARTREE_KEV) / (p - 1)
    return _data_f(element, 10.0, DATA_END_KEV) + float(beyond)


@functools.cache
def dipole_budget(element: str) -> DipoleBudget:
    """The table's f-sum at its smallest q against Henke's photoabsorption (see the module).

    >>> b = dipole_budget("Ar")
    >>> round(b.table, 2), round(b.data, 2), round(b.deficit, 2), round(b.shortfall, 2)
    (14.07, 18.09, 4.03, 3.93)
    >>> round(b.deficit_spread, 2)  # Chantler instead of Henke above 0.1 keV
    0.69
    """
    a = analysis(_element(element))
    t = a.table
    split = SPLIT_KEV[element]
    w = trapezoid_weights(np.log(t.E))
    f = t.E * t.E * t.K[:, 0] * 2 / t.q[0] ** 2  # df/dT · T on the ln T grid
    low = t.E_keV < split
    edge = min(o.binding for o in t.orbitals if o.accessible) * HARTREE_KEV
    return DipoleBudget(
        element,
        float(sum(s.electrons for s in a.shells)),
        split,
        float((w * low) @ f),
        float((w * ~low) @ f),
        float(a.over_t.bethe_tail[0]),
        _data_f(element, max(edge, 0.01), split),
        _data_f(element, split, 10.0),
        _data_tail(element),
        _data_f(element, split, 10.0, "chantler"),
    )


def _weighted_transitions(n: int, l: int, q: float, n_max: int) -> dict[tuple[int, int], float]:
    """{(n′, l′): (E_n′ − E_n) F_{n′l′}(q)} of the hydrogen-like state (Z = 1), n′ ≤ n_max."""
    out: dict[tuple[int, int], float] = {}
    with precision(15 + 2 * (l + n_max) + 20):
        qq = mpmath.mpf(q)
        for nf in range(n + 1, n_max + 1):
            gap = mpmath.mpf(1) / (2 * n * n) - mpmath.mpf(1) / (2 * nf * nf)
            for (lp, L), i in radial_integrals(n, l, nf, qq).items():
                a = sp.Rational(angular_factor(l, lp, L))
                if a:
                    term = gap * mpmath.mpf(a.p) / a.q * i * i
                    out[nf, lp] = out.get((nf, lp), 0.0) + float(term)
    return out


def hydrogenic_discrete_share(element: str, q: float, *, n_max: int = 16) -> dict[str, float]:
    """Per subshell, N_s × the Bethe share of the hydrogen-like state (charge of the
    ``"binding"`` model) that goes to the atom's unoccupied bound levels n′ > n at q (1/a₀):
    the discrete excitations the shell model would add to a continuum-only sum. Levels
    n′ ≤ ``n_max`` one by one, the rest as n′⁻³ from the last (transitions down, and up to
    occupied levels, are left out: in one potential they cancel in pairs).

    >>> d = hydrogenic_discrete_share("Ar", 0.0268173, n_max=12)
    >>> round(sum(d.values()), 1), round(d["2p"], 1)
    (13.4, 5.6)
    """
    a = analysis(_element(element))
    Z = a.table.Z or 0
    occupied = {(n, l) for n, l, _ in configuration(Z)}
    out = {}
    for s in a.shells:
        Zs = s.n * float(np.sqrt(2 * s.binding))
        qs = q / Zs
        terms = _weighted_transitions(s.n, s.l, qs, n_max)
        kept = {k: v for k, v in terms.items() if k not in occupied}
        last = sum(v for (nf, _), v in kept.items() if nf == n_max)
        tail = last * n_max**3 * float(mpmath.zeta(3, n_max + 1))
        out[s.name] = s.electrons * (sum(kept.values()) + tail) / (qs * qs / 2)
    return out
