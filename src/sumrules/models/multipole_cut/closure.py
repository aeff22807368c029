"""The Bethe sum rule multipole by multipole: what a cut L ≤ L_max keeps, from the density alone.

For one electron in a spherically averaged state (a closed subshell) with a local potential,
the f-sum of the operator e^{iq·r} splits over the multipoles of
e^{iq·r} = Σ_L i^L (2L + 1) j_L(qr) P_L(q̂·r̂): averaged over the direction of q, different L do
not interfere (∫dq̂ Y*_LM Y_L′M′ = δ_LL′ δ_MM′), and each multipole O_L obeys its own
double-commutator sum rule Σ_n (E_n − E_0)|⟨n|O_L|0⟩|² = ⟨|∇O_L|²⟩/2m. With
Σ_M |∇(f Y_LM)|² = (2L + 1)/(4π) [f′² + L(L + 1) f²/r²], the share of multipole L in the Bethe
sum Σ_n (2m ΔE/q²)|⟨n|e^{iq·r}|0⟩|² = 1 is

    b_L(q) = (2L + 1) ⟨ j_L′(qr)² + L(L + 1) j_L(qr)²/(qr)² ⟩,    Σ_{L=0}^∞ b_L = 1,

an expectation value in the ground state: no excited state is needed. ``bethe_fraction`` returns
B(q) = Σ_{L ≤ L_max} b_L for a hydrogen-like density. For an atom of independent electrons the
Pauli-blocked transitions cancel in pairs in the f-sum (ΔE changes sign, the matrix element
does not), so the whole atom's L ≤ L_max Bethe sum is Σ_subshells N_s B_s(q).

At q → 0 the dipole takes everything (b_1 → 1); at qr ≫ L_max the cut keeps
Σ_{L ≤ L_max}(2L + 1)/(2(qr)²) = (L_max + 1)²/(2(qr)²) of an electron at radius r — the
multipole cut removes the Compton peak of every electron with qr ≫ L_max.

Numerics: j_L by upward recurrence for x > L_max (stable there) and Miller's downward
recurrence (normalised to j₀ = sin x/x) below; g(x) = Σ_{L ≤ L_max}(2L + 1)[j_L′² + …] tabulated
with step 1/200 up to x_a = max(60, 10(L_max + 1)) and interpolated linearly (error ~10⁻⁵);
beyond x_a its asymptotic form [(L_max + 1)² + (−1)^{L_max}(L_max + 1) cos 2x]/(2x²) (relative
error ∝ L_max²/x_a² of a piece below (L_max + 1)²/(2x_a²) ≲ 0.7%: < 10⁻⁴). The radial integral
by Gauss–Legendre panels (see :func:`bethe_fraction`); checked against the same integral with
scipy's spherical Bessel functions on a dense grid, and Σ_L b_L = 1 (tests).

>>> import numpy as np
>>> round(float(bethe_fraction(1, 0, 1.0, np.array([1e-3]), 6)[0]), 9)
1.0
>>> b = bethe_fraction(3, 1, 6.75, np.array([1.0, 5.0, 20.0]), 6)
>>> [round(float(v), 4) for v in b]
[1.0, 0.462, 0.0708]
"""

from __future__ import annotations

import functools
import math

import numpy as np
import numpy.typing as npt

from sumrules.core.numeric import validate_int
from sumrules.models.hydrogenic.states import check_state, radial_polynomial

__all__ = ["bethe_fraction", "multipole_weight", "radial_probability", "spherical_bessel"]

FloatArray = npt.NDArray[np.float64]


def spherical_bessel(lmax: int, x: FloatArray) -> FloatArray:
    """j_L(x) for L = 0 … lmax (rows) at x > 0 (columns).

    >>> import numpy as np
    >>> j = spherical_bessel(2, np.array([0.5, 10.0]))
    >>> [round(float(v), 10) for v in j[2]]
    [0.0163711066, 0.0779421936]
    """
    x = np.asarray(x, dtype=np.float64)
    out = np.zeros((lmax + 1, *x.shape))
    up = x > lmax
    if up.any():
        xu = x[up]
        j0, j1 = np.sin(xu) / xu, np.sin(xu) / xu**2 - np.cos(xu) / xu
        out[0][up] = j0
        if lmax >= 1:
            out[1][up] = j1
        for L in range(1, lmax):
            out[L + 1][up] = (2 * L + 1) / xu * out[L][up] - out[L - 1][up]
    down = ~up
    if down.any():
        xd = x[down]
        start = lmax + 30
        f_next, f = np.zeros_like(xd), np.full_like(xd, 1e-300)
        keep = np.zeros((lmax + 1, len(xd)))
        for L in range(start, 0, -1):
            f_prev = (2 * L + 1) / xd * f - f_next
            f_next, f = f, f_prev
            if lmax >= L - 1:
                keep[L - 1] = f
            big = np.abs(f) > 1e250
            if big.any():
                f[big] *= 1e-250
                f_next[big] *= 1e-250
                keep[:, big] *= 1e-250
        small = xd < 1e-8
        j0 = np.where(small, 1.0, np.sin(xd) / np.where(small, 1.0, xd))
        scale = j0 / keep[0]
        for L in range(lmax + 1):
            out[L][down] = keep[L] * scale
    return out


def multipole_weight(lmax: int, x: FloatArray) -> FloatArray:
    """g(x) = Σ_{L ≤ lmax} (2L + 1)[j_L′(x)² + L(L + 1) j_L(x)²/x²] (→ 1 for lmax → ∞).

    >>> import numpy as np
    >>> round(float(multipole_weight(1, np.array([1e-6]))[0]), 9)
    1.0
    >>> round(float(multipole_weight(80, np.array([7.0]))[0]), 9)
    1.0
    """
    x = np.asarray(x, dtype=np.float64)
    j = spherical_bessel(lmax + 1, x)
    g = np.zeros_like(x)
    for L in range(lmax + 1):
        d = -j[1] if L == 0 else j[L - 1] - (L + 1) / x * j[L]
        g += (2 * L + 1) * (d * d + L * (L + 1) * (j[L] / x) ** 2)
    return g


@functools.cache
def _radial_coefficients(n: int, l: int) -> tuple[float, tuple[float, ...]]:
    rp = radial_polynomial(n, l)
    return float(rp.c0_squared), tuple(float(p) for p in rp.coefficients)


def radial_probability(n: int, l: int, Z: float, r: FloatArray) -> FloatArray:
    """P(r) = R_nl(r)² r² of the hydrogen-like orbital of charge Z (∫ P dr = 1).

    >>> import numpy as np
    >>> r = np.linspace(0, 60, 60001)
    >>> round(float(np.trapezoid(radial_probability(2, 1, 1.0, r), r)), 9)
    1.0
    """
    n, l = check_state(n, l, max_n=None)
    c0sq, coeffs = _radial_coefficients(n, l)
    rho = Z * np.asarray(r, dtype=np.float64)
    poly = np.zeros_like(rho)
    for p in reversed(coeffs):
        poly = poly * rho + p
    radial_sq = c0sq * rho ** (2 * l) * np.exp(-2 * rho / n) * poly**2
    return np.asarray(Z * radial_sq * rho**2, dtype=np.float64)


@functools.cache
def _gauss(count: int) -> tuple[FloatArray, FloatArray]:
    x, w = np.polynomial.legendre.leggauss(count)
    return x, w


def _panels(a: float, b: float, width: float, count: int = 10) -> tuple[FloatArray, FloatArray]:
    pieces = max(1, math.ceil((b - a) / width))
    edges = np.linspace(a, b, pieces + 1)
    x, w = _gauss(count)
    half = np.diff(edges)[:, None] / 2
    mid = (edges[:-1] + edges[1:])[:, None] / 2
    return (mid + half * x).ravel(), (half * w).ravel()


@functools.cache
def _weight_table(lmax: int) -> tuple[FloatArray, FloatArray, float]:
    """g(x) on a grid of step 1/200 up to x_a (linear interpolation: error ~ 10⁻⁵)."""
    x_a = max(60.0, 10.0 * (lmax + 1))
    x = np.linspace(0.0, x_a, int(x_a * 200) + 1)
    x[0] = 1e-9
    return x, multipole_weight(lmax, x), x_a


def _weight(lmax: int, x: FloatArray, oscillating: bool) -> FloatArray:
    """g(x): tabulated below x_a, the asymptotic form above it (with or without cos 2x)."""
    xg, g, x_a = _weight_table(lmax)
    big = (lmax + 1) ** 2 + ((-1) ** lmax * (lmax + 1) * np.cos(2 * x) if oscillating else 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        far = big / (2 * x * x)
    return np.where(x < x_a, np.interp(x, xg, g), far)


def bethe_fraction(n: int, l: int, Z: float, q: FloatArray, lmax: int) -> FloatArray:
    """B(q) = Σ_{L ≤ lmax} b_L(q) for the hydrogen-like orbital (n, l) of charge Z (per electron).

    Two regimes (both vectorised over q): for q below 1/(2h), h = n/(8Z), the radial panels of
    width h resolve both the density and the oscillation of g(qr); above it the panels are laid
    in x = qr (width 1/2 up to x_a) and only the average of g beyond x_a is kept.

    >>> import numpy as np
    >>> round(float(bethe_fraction(1, 0, 1.0, np.array([2.0]), 40)[0]), 6)
    1.0
    """
    n, l = check_state(n, l, max_n=None)
    validate_int(lmax, "lmax", 0)
    if not (math.isfinite(Z) and Z > 0):
        raise ValueError(f"Z must be a finite positive number, got {Z!r}")
    q = np.atleast_1d(np.asarray(q, dtype=np.float64))
    if (q <= 0).any() or not np.isfinite(q).all():
        raise ValueError("q must be finite and positive")
    _, _, x_a = _weight_table(lmax)
    h = n / (8.0 * Z)
    r, wr = _panels(0.0, (40.0 + 6.0 * n) * n / Z, h, 12)
    p = radial_probability(n, l, Z, r)
    out = np.empty_like(q)
    slow = q <= 0.5 / h
    if slow.any():
        x = q[slow, None] * r[None, :]
        out[slow] = (_weight(lmax, x, oscillating=True) * p[None, :]) @ wr
    fast = ~slow
    if fast.any():
        qf = q[fast, None]
        xi, wi = _panels(0.0, x_a, 0.5, 8)
        inner = (radial_probability(n, l, Z, xi[None, :] / qf) / qf) @ (
            wi * _weight(lmax, xi, True)
        )
        x = qf * r[None, :]
        far = np.where(x >= x_a, _weight(lmax, np.maximum(x, x_a), oscillating=False), 0.0)
        out[fast] = inner + (far * p[None, :]) @ wr
    return out
