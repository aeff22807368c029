"""The sum rules of a tabulated structure function S(T, q): per T over q, per q over T.

Atomic units (m = 1, T in hartree, q in 1/a₀, S per hartree); the whole table, not per electron.

**Per T** (Eqs. (12) and (15)), on the table's q grid, by the trapezoidal rule in u = ln q:

    r_nmm(T) = T ∫ S dQ²/Q² = 2T ∫ S du,    r_ew(T) = (1/2m) ∫ S dQ² = ∫ S q² du.

A second rule (Simpson's, for the uneven spacing of the printed grid) on the same nodes gives the
quadrature error. Outside the grid: below q_min, S = S(q_min)(q/q_min)² (the dipole limit, as
the table's first columns show) adds T·S(q_min) to r_nmm and S(q_min) q_min²/4 to r_ew; above
q_max, S ∝ q^{−p} with p from the last two columns adds 2T S(q_max)/p and
S(q_max) q_max²/(p − 2) (infinite when p ≤ 2: the table stops on the rising side).

**Per q** over T, by the trapezoidal rule in ln T on the table's T grid:

    Bethe(q) = Σ (2T/q²) S ΔT,    completeness C(q) = ∫ S dT,

which for the whole atom would be the number of electrons (the f-sum) and
Z − Σ_{ab}|⟨a|e^{iq·r}|b⟩|² (all excitations). The table stops at T_max: above it S ∝ T^{−p}
with p from the last two rows adds T_max² S(T_max)(2/q²)/(p − 2) and T_max S(T_max)/(p − 1)
(infinite when the Bethe ridge T ≈ q²/2 lies beyond T_max). Where a row of the grid jumps across
an orbital threshold, the trapezoid does not know where in the cell the jump lies: half the
cell times the jump of the integrand is the uncertainty (``threshold_uncertainty``).

>>> import numpy as np
>>> q = np.geomspace(1e-3, 1e3, 2001); T = np.array([2.0])
>>> S = np.exp(-((q**2 / 2 - T[0]) ** 2) / 0.02)[None, :] / np.sqrt(0.02 * np.pi)
>>> r = over_q(T, q, S)  # a smeared free electron: r_nmm = 1 + σ²/T² exactly
>>> round(float(r.r_ew[0]), 4), round(float(r.r_nmm[0]), 4)
(1.0, 1.0025)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["OverQ", "OverT", "over_q", "over_t", "simpson_weights", "trapezoid_weights"]

FloatArray = npt.NDArray[np.float64]


def trapezoid_weights(u: FloatArray) -> FloatArray:
    """Weights w with Σ w f = trapezoidal ∫ f du on the nodes u.

    >>> trapezoid_weights(np.array([0.0, 1.0, 3.0])).tolist()
    [0.5, 1.5, 1.0]
    """
    h = np.diff(u)
    w = np.zeros_like(u)
    w[:-1] += h / 2
    w[1:] += h / 2
    return w


def simpson_weights(u: FloatArray) -> FloatArray:
    """Weights of composite Simpson on uneven nodes (pairs of cells; a last odd cell by the
    trapezoid). Exact for quadratics on each pair.

    >>> u = np.array([0.0, 0.5, 1.5, 2.0, 3.0])
    >>> float(simpson_weights(u) @ u**2), 9.0
    (9.0, 9.0)
    """
    w = np.zeros_like(u)
    n = len(u) - 1
    for k in range(0, n - 1, 2):
        h0, h1 = u[k + 1] - u[k], u[k + 2] - u[k + 1]
        s = h0 + h1
        w[k] += s / 6 * (2 - h1 / h0)
        w[k + 1] += s**3 / (6 * h0 * h1)
        w[k + 2] += s / 6 * (2 - h0 / h1)
    if n % 2:
        h = u[-1] - u[-2]
        w[-2] += h / 2
        w[-1] += h / 2
    return w


def _power(x0: FloatArray, x1: FloatArray, f0: FloatArray, f1: FloatArray) -> FloatArray:
    """p in f ∝ x^{−p} through two points (nan where either value is not positive)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = -np.log(f1 / f0) / np.log(x1 / x0)
    return np.where((f0 > 0) & (f1 > 0), p, np.nan)


@dataclass(frozen=True)
class OverQ:
    """Per T: the ratios of the whole table (trapezoid), Simpson's values, the pieces beyond the
    q grid (estimates), and the local power of S at q_max."""

    T: FloatArray
    r_nmm: FloatArray
    r_ew: FloatArray
    simpson_nmm: FloatArray
    simpson_ew: FloatArray
    below_nmm: FloatArray
    below_ew: FloatArray
    above_nmm: FloatArray
    above_ew: FloatArray
    power_at_q_max: FloatArray

    @property
    def quadrature_error(self) -> FloatArray:
        """max over the two ratios of |trapezoid − Simpson|/trapezoid (0 where both are 0)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            a = np.abs(self.r_nmm - self.simpson_nmm) / self.r_nmm
            b = np.abs(self.r_ew - self.simpson_ew) / self.r_ew
        return np.nan_to_num(np.maximum(a, b), nan=0.0)


def over_q(T: FloatArray, q: FloatArray, S: FloatArray) -> OverQ:
    """r_nmm(T), r_ew(T) on each row of S (rows: T, columns: q); see the module docstring."""
    u = np.log(q)
    wt, ws = trapezoid_weights(u), simpson_weights(u)
    q2 = q * q
    r_nmm = 2 * T * (S @ wt)
    r_ew = S @ (wt * q2)
    s_nmm = 2 * T * (S @ ws)
    s_ew = S @ (ws * q2)
    below_nmm = T * S[:, 0]
    below_ew = S[:, 0] * q2[0] / 4
    p = _power(q[-2], q[-1], S[:, -2], S[:, -1])
    with np.errstate(divide="ignore", invalid="ignore"):
        above_nmm = np.where(p > 0, 2 * T * S[:, -1] / p, np.inf)
        above_ew = np.where(p > 2, S[:, -1] * q2[-1] / (p - 2), np.inf)
    zero = S[:, -1] == 0
    above_nmm = np.where(zero, 0.0, above_nmm)
    above_ew = np.where(zero, 0.0, above_ew)
    return OverQ(T, r_nmm, r_ew, s_nmm, s_ew, below_nmm, below_ew, above_nmm, above_ew, p)


@dataclass(frozen=True)
class OverT:
    """Per q: the Bethe sum and completeness over the table's T (trapezoid in ln T), their
    tails above T_max (estimates, inf when the ridge is beyond T_max), the threshold-cell
    uncertainties, and S(T_min, q) (non-zero: the table starts inside the continuum)."""

    q: FloatArray
    bethe: FloatArray
    completeness: FloatArray
    bethe_tail: FloatArray
    completeness_tail: FloatArray
    bethe_threshold_uncertainty: FloatArray
    completeness_threshold_uncertainty: FloatArray
    S_at_T_min: FloatArray


def over_t(T: FloatArray, q: FloatArray, S: FloatArray, thresholds: FloatArray) -> OverT:
    """Bethe(q) and C(q) over the rows of S (see the module docstring); ``thresholds``
    (hartree) mark the cells whose jump makes the trapezoid uncertain."""
    v = np.log(T)
    w = trapezoid_weights(v)
    f_c = S * T[:, None]  # ∫ S dT = ∫ S T d(ln T)
    f_b = f_c * T[:, None] * (2 / (q * q))[None, :]
    completeness = w @ f_c
    bethe = w @ f_b
    p = _power(T[-2], T[-1], S[-2], S[-1])
    with np.errstate(divide="ignore", invalid="ignore"):
        c_tail = np.where(p > 1, T[-1] * S[-1] / (p - 1), np.inf)
        b_tail = np.where(p > 2, T[-1] ** 2 * S[-1] * (2 / (q * q)) / (p - 2), np.inf)
    zero = S[-1] == 0
    c_tail = np.where(zero, 0.0, c_tail)
    b_tail = np.where(zero, 0.0, b_tail)
    cells = [int(i) - 1 for i in np.searchsorted(T, thresholds) if 0 < i < len(T)]
    c_unc = np.zeros_like(q)
    b_unc = np.zeros_like(q)
    for i in cells:
        h = (v[i + 1] - v[i]) / 2
        c_unc += h * np.abs(f_c[i + 1] - f_c[i])
        b_unc += h * np.abs(f_b[i + 1] - f_b[i])
    return OverT(q, bethe, completeness, b_tail, c_tail, b_unc, c_unc, S[0].copy())
