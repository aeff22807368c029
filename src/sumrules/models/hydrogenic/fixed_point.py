"""Coulomb and spherical Bessel functions for every l at many points, in fixed point.

The fast partial-wave route (:mod:`.partial_wave_ratios`) needs F_l(η, kr) at some hundreds of
radial nodes for every l ≤ l_top, and j_L(qr) at the same nodes for some hundreds of q. One
mpmath.coulombf call costs milliseconds, so here a value is a Python int v standing for
v·2^{−bits} (absolute precision 2^{−bits}), and every function is built from a few exact
evaluations and recurrences:

* F_0 and F_0′ (attractive η < 0): the power series F_0 = C_0 Σ A_m ρ^m near ρ = 0
  (m(m−1)A_m = 2ηA_{m−1} − A_{m−2}, A_1 = 1, A_2 = η; Abramowitz–Stegun 14.1.3–5), then Taylor
  steps of ρu″ = (2η − ρ)u from node to node (the solution is entire, so each step converges);
* F_1 from the ladder u_0′ = (1/ρ + η)u_0 − √(1 + η²)u_1, then every l by the three-term
  recurrence in l: upward where all l are past their turning point (stable there), else
  downward from a start far enough above l_top (Miller) and normalised to F_0 or F_1;
* j_0, j_1 from sin and cos, then the same two regimes for the spherical Bessel recurrence.

Where the downward recurrence starts is decided by running the dominant solution in floats
until it has grown by 2^{bits/2 + 8}: the error of Miller's algorithm is the inverse square of
that growth.

>>> import mpmath
>>> with mpmath.workdps(40):
...     rhos = [mpmath.mpf(x) for x in ("0.3", "2.5", "7", "40")]
...     table = coulomb_table(12, mpmath.mpf(-2), rhos, 120)
...     err = max(abs(mpmath.mpf(table[i][l]) / 2**120 - mpmath.coulombf(l, -2, rhos[i]))
...               for i in range(4) for l in range(13))
>>> err < 1e-33
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import mpmath
import numpy as np

__all__ = [
    "bessel_columns",
    "bessel_row",
    "coulomb_normalisation",
    "coulomb_f0_series",
    "coulomb_table",
    "to_fixed",
]

#: the largest step of a Taylor step relative to the distance from ρ = 0
_STEP = 0.5


def to_fixed(x: object, bits: int) -> int:
    """round-down(x·2^bits) as an int.

    >>> to_fixed(-1.5, 4)
    -24
    """
    return int(mpmath.mpf(x).to_fixed(bits))


def coulomb_normalisation(l: int, eta: mpmath.mpf) -> mpmath.mpf:
    """C_l(η) = 2^l e^{−πη/2} |Γ(l + 1 + iη)| / (2l + 1)! at the current precision.

    >>> with mpmath.workdps(20):
    ...     c = coulomb_normalisation(0, mpmath.mpf(-1))
    ...     abs(c - mpmath.sqrt(2 * mpmath.pi / (1 - mpmath.exp(-2 * mpmath.pi)))) < 1e-18
    True
    """
    g = mpmath.loggamma(mpmath.mpc(l + 1, eta)).real
    return mpmath.exp(l * mpmath.log(2) - mpmath.pi * eta / 2 + g - mpmath.loggamma(2 * l + 2))


def coulomb_f0_series(eta: mpmath.mpf, rho: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(F_0, F_0′)(η, ρ) by the power series about ρ = 0 at the current precision (small ρ).

    >>> with mpmath.workdps(30):
    ...     f, _ = coulomb_f0_series(mpmath.mpf(-3), mpmath.mpf("1.5"))
    ...     abs(f - mpmath.coulombf(0, -3, 1.5)) < 1e-25
    True
    """
    c0 = coulomb_normalisation(0, eta)
    t_prev, t = mpmath.mpf(0), rho  # A_0 ρ^0 = 0, A_1 ρ = ρ
    value, slope = t, mpmath.mpf(1)
    m, tiny = 1, mpmath.eps * abs(rho)
    small = 0
    while small < 3:
        m += 1
        t_prev, t = t, (2 * eta * rho * t - rho * rho * t_prev) / (m * (m - 1))
        value += t
        slope += m * t / rho
        small = small + 1 if abs(t) * m <= tiny else 0
    return c0 * value, c0 * slope


def _taylor_step(
    u: int, du: int, rho0: mpmath.mpf, delta: mpmath.mpf, eta: mpmath.mpf, bits: int
) -> tuple[int, int]:
    """(u, u′) at ρ0 + Δ from (u, u′) at ρ0 for ρu″ = (2η − ρ)u, in fixed point.

    With d_m = c_m Δ^m: (m+2)(m+1) d_{m+2} = [Δ²(2η − ρ0) d_m − Δ³ d_{m−1} − Δ(m+1)m d_{m+1}]/ρ0.
    """
    a1 = to_fixed(delta * delta * (2 * eta - rho0) / rho0, bits)
    a2 = to_fixed(delta**3 / rho0, bits)
    a3 = to_fixed(delta / rho0, bits)
    d_prev, d0, d1 = 0, u, (du * to_fixed(delta, bits)) >> bits
    value, slope = d0 + d1, d1
    m, quiet = 0, 0
    while quiet < 3:
        d2 = ((a1 * d0 - a2 * d_prev - a3 * (m + 1) * m * d1) >> bits) // ((m + 2) * (m + 1))
        value += d2
        slope += (m + 2) * d2
        d_prev, d0, d1 = d0, d1, d2
        m += 1
        # >> rounds down: a tiny negative term stays at −1, so 'quiet' means |d| ≤ 2
        quiet = quiet + 1 if abs(d2) <= 2 else 0
    return value, (slope << bits) // to_fixed(delta, bits)


def _f0_along(eta: mpmath.mpf, rhos: Sequence[mpmath.mpf], bits: int) -> list[tuple[int, int]]:
    """(F_0, F_0′) in fixed point at increasing ρ: the series up to ρ = 2, then Taylor steps."""
    out: list[tuple[int, int]] = []
    last: tuple[mpmath.mpf, int, int] | None = None
    switch = mpmath.mpf(2)
    for rho in rhos:
        if rho <= switch or last is None:
            f, df = coulomb_f0_series(eta, rho)
            u, du = to_fixed(f, bits), to_fixed(df, bits)
        else:
            r0, u, du = last
            while rho - r0 > _STEP * r0:
                step = _STEP * r0
                u, du = _taylor_step(u, du, r0, step, eta, bits)
                r0 += step
            u, du = _taylor_step(u, du, r0, rho - r0, eta, bits)
        last = (rho, u, du)
        out.append((u, du))
    return out


def _coulomb_grow(eta: float, rho: float, start: int, bits: int) -> int:
    """Miller's start for the Coulomb recurrence: where the growing solution from ``start``
    upward has grown by 2^{bits/2 + 8} (in floats)."""
    target = 2.0 ** (bits / 2 + 8)
    w_prev, w = 0.0, 1.0
    l = max(start, 1)
    while abs(w) < target:
        s_l, s_next = math.hypot(l, eta), math.hypot(l + 1, eta)
        pot = (2 * l + 1) * (eta + l * (l + 1) / rho)
        w_prev, w = w, (pot * w - (l + 1) * s_l * w_prev) / (l * s_next)
        l += 1
    return l + 2


def _turning_point(l: int, eta: float) -> float:
    """ρ where l(l+1)/ρ² + 2η/ρ = 1 (the outer turning point of F_l)."""
    return eta + math.sqrt(eta * eta + l * (l + 1))


class _CoulombLadder:
    """The fixed-point coefficients of the recurrence in l, for l ≤ ``top``.

    Down: F_{l−1} = a_l (η + l(l+1)/ρ) F_l − b_l F_{l+1};
    up: F_{l+1} = g_l (η + l(l+1)/ρ) F_l − d_l F_{l−1}.
    """

    def __init__(self, eta: mpmath.mpf, top: int, bits: int) -> None:
        s = [mpmath.sqrt(l * l + eta * eta) for l in range(top + 2)]
        self.bits, self.eta = bits, to_fixed(eta, bits)
        self.s1 = to_fixed(s[1], bits)
        self.a = [0] + [to_fixed((2 * l + 1) / ((l + 1) * s[l]), bits) for l in range(1, top + 1)]
        self.b = [0] + [to_fixed(l * s[l + 1] / ((l + 1) * s[l]), bits) for l in range(1, top + 1)]
        self.g = [0] + [to_fixed((2 * l + 1) / (l * s[l + 1]), bits) for l in range(1, top + 1)]
        self.d = [0] + [to_fixed((l + 1) * s[l] / (l * s[l + 1]), bits) for l in range(1, top + 1)]

    def up(self, f0: int, f1: int, inv: int, top: int) -> list[int]:
        bits, eta, out = self.bits, self.eta, [f0, f1]
        for l in range(1, top):
            pot = eta + l * (l + 1) * inv
            out.append((self.g[l] * (pot * out[l] >> bits) >> bits) - (self.d[l] * out[l - 1] >> bits))
        return out[: top + 1]

    def down(self, f0: int, f1: int, inv: int, top: int, start: int) -> list[int]:
        bits, eta = self.bits, self.eta
        vals = [0] * (start + 2)
        vals[start] = 1 << bits
        for l in range(start, 0, -1):
            pot = eta + l * (l + 1) * inv
            vals[l - 1] = (self.a[l] * (pot * vals[l] >> bits) >> bits) - (
                self.b[l] * vals[l + 1] >> bits
            )
        return _normalise(vals[: top + 1], f0, f1, bits)


def _normalise(vals: list[int], f0: int, f1: int, bits: int) -> list[int]:
    """Scale a Miller sequence so that its first (or second) value is f0 (or f1)."""
    ref, got = (f0, vals[0]) if abs(f0) >= abs(f1) or len(vals) < 2 else (f1, vals[1])
    shift = max(0, got.bit_length())
    factor = (ref << (bits + shift)) // got
    return [(v * factor) >> (bits + shift) for v in vals]


def coulomb_table(
    top: int, eta: mpmath.mpf, rhos: Sequence[mpmath.mpf], bits: int
) -> list[list[int]]:
    """F_l(η, ρ_i)·2^bits for l ≤ top at increasing ρ_i > 0 (η < 0, current precision)."""
    e = float(eta)
    plans = []
    for rho in rhos:
        down = float(rho) <= _turning_point(top, e) + 2
        plans.append(_coulomb_grow(e, float(rho), top, bits) if down else 0)
    ladder = _CoulombLadder(eta, max([top + 1, *plans]), bits)
    one = 1 << bits
    rows = []
    for rho, start, (f0, df0) in zip(rhos, plans, _f0_along(eta, rhos, bits), strict=True):
        inv = (one << bits) // to_fixed(rho, bits)
        f1 = (((ladder.eta + inv) * f0 >> bits) - df0) * one // ladder.s1
        if top == 0:
            rows.append([f0])
        elif start:
            rows.append(ladder.down(f0, f1, inv, top, start))
        else:
            rows.append(ladder.up(f0, f1, inv, top))
    return rows


def _bessel_grow(x: float, start: int, bits: int) -> int:
    """Miller's start for j_L: where y grows from ``start`` by 2^{bits/2 + 8} (floats)."""
    target = 2.0 ** (bits / 2 + 8)
    w_prev, w = 0.0, 1.0
    n = start
    while abs(w) < target:
        w_prev, w = w, (2 * n + 1) / x * w - w_prev
        n += 1
    return n + 2


def bessel_row(x: float, sin_x: int, cos_x: int, inv_x: int, top: int, bits: int) -> list[int]:
    """j_L(x)·2^bits for L ≤ top from sin x, cos x and 1/x in fixed point.

    >>> import mpmath
    >>> with mpmath.workdps(40):
    ...     x, b = mpmath.mpf(7), 120
    ...     row = bessel_row(x, to_fixed(mpmath.sin(x), b), to_fixed(mpmath.cos(x), b),
    ...                      to_fixed(1 / x, b), 20, b)
    ...     err = max(abs(mpmath.mpf(row[L]) / 2**b
    ...                   - mpmath.sqrt(mpmath.pi / (2 * x)) * mpmath.besselj(L + 0.5, x))
    ...               for L in range(21))
    >>> err < 1e-33
    True
    """
    j0 = (sin_x * inv_x) >> bits
    j1 = ((j0 - cos_x) * inv_x) >> bits
    if top == 0:
        return [j0]
    xf = float(x)
    if xf > top + 1:
        out = [j0, j1]
        for n in range(1, top):
            out.append((((2 * n + 1) * out[n]) * inv_x >> bits) - out[n - 1])
        return out
    start = _bessel_grow(max(xf, 1e-300), top, bits)
    vals = [0] * (start + 2)
    a, b = 0, 1 << bits
    vals[start] = b
    for n in range(start, 0, -1):
        a, b = b, (((2 * n + 1) * b) * inv_x >> bits) - a
        vals[n - 1] = b
    return _normalise(vals[: top + 1], j0, j1, bits)


#: int.bit_length over an object array
_BIT_LENGTH = np.frompyfunc(int.bit_length, 1, 1)


def _debye_phase(nu: np.ndarray, x: np.ndarray) -> np.ndarray:
    """φ(ν) = ν acosh(ν/x) − √(ν² − x²) for ν > x, else 0: j_ν ~ e^{−φ}, y_ν ~ e^{φ}."""
    ratio = np.maximum(nu / x, 1.0)
    return nu * np.arccosh(ratio) - x * np.sqrt(ratio * ratio - 1)


def _order_where(x: np.ndarray, phase: np.ndarray) -> np.ndarray:
    """The smallest integer L ≥ x with φ(L + ½) ≥ ``phase`` (Newton from the right, + 2)."""
    nu = x + np.sqrt(2 * np.maximum(phase, 0) * np.maximum(x, 1e-300)) + phase + 1
    for _ in range(30):
        f = _debye_phase(nu, x) - phase
        step = f / np.maximum(np.arccosh(np.maximum(nu / x, 1.0)), 1e-12)
        nu = np.maximum(nu - step, x)
        if np.all(np.abs(step) < 0.5):
            break
    return np.ceil(nu).astype(np.int64) + 2


def bessel_columns(
    x: np.ndarray, sin_x: list[int], cos_x: list[int], inv_x: list[int], top: int, bits: int
) -> list[np.ndarray]:
    """j_L(x_i)·2^bits for L ≤ top as object arrays over increasing x_i (vectorised
    :func:`bessel_row`: upward where x_i > top + 1, else Miller from a start per node, values
    below 2^{−bits} dropped).

    >>> import mpmath
    >>> with mpmath.workdps(40):
    ...     xs, b = [mpmath.mpf(v) for v in ("0.02", "3", "30", "90")], 120
    ...     cols = bessel_columns(np.array([float(v) for v in xs]),
    ...                           [to_fixed(mpmath.sin(v), b) for v in xs],
    ...                           [to_fixed(mpmath.cos(v), b) for v in xs],
    ...                           [to_fixed(1 / v, b) for v in xs], 40, b)
    ...     err = max(abs(mpmath.mpf(int(cols[L][i])) / 2**b
    ...                   - mpmath.sqrt(mpmath.pi / (2 * xs[i])) * mpmath.besselj(L + 0.5, xs[i]))
    ...               for i in range(4) for L in range(41))
    >>> err < 1e-33
    True
    """
    inv = np.array(inv_x, dtype=object)
    j0 = (np.array(sin_x, dtype=object) * inv) >> bits
    j1 = ((j0 - np.array(cos_x, dtype=object)) * inv) >> bits
    split = int(np.searchsorted(x, top + 1, side="right"))
    cols = [np.empty(len(x), dtype=object) for _ in range(top + 1)]
    if split < len(x):
        up = _bessel_up(j0[split:], j1[split:], inv[split:], top, bits)
        for L in range(top + 1):
            cols[L][split:] = up[L]
    if split:
        down = _bessel_miller(x[:split], j0[:split], j1[:split], inv[:split], top, bits)
        for L in range(top + 1):
            cols[L][:split] = down[L]
    return cols


def _bessel_up(j0: np.ndarray, j1: np.ndarray, inv: np.ndarray, top: int, bits: int) -> list:
    out = [j0, j1]
    for n in range(1, top):
        out.append((((2 * n + 1) * out[n]) * inv >> bits) - out[n - 1])
    return out[: top + 1]


def _bessel_miller(
    x: np.ndarray, j0: np.ndarray, j1: np.ndarray, inv: np.ndarray, top: int, bits: int
) -> list:
    """Downward from per-node starts (injected as the recurrence reaches them)."""
    ln2 = math.log(2)
    negligible = np.minimum(_order_where(x, np.full_like(x, (bits + 8) * ln2)), top)
    phase_top = _debye_phase(negligible + 0.5, x)
    start = _order_where(x, phase_top + (bits / 2 + 8) * ln2)
    start = np.maximum.accumulate(np.maximum(start, negligible + 2))
    size, first = len(x), int(start.max())
    a = np.zeros(size, dtype=object)
    b = np.zeros(size, dtype=object)
    vals: list = [None] * (top + 1)
    one = 1 << bits
    for n in range(first, 0, -1):
        lo = int(np.searchsorted(start, n, side="left"))
        b[lo:][start[lo:] == n] = one
        new = (((2 * n + 1) * b[lo:]) * inv[lo:] >> bits) - a[lo:]
        a[lo:], b[lo:] = b[lo:], new
        if n - 1 <= top:
            col = np.zeros(size, dtype=object)
            col[lo:] = new
            vals[n - 1] = col
    for n in range(top + 1):
        if vals[n] is None:
            vals[n] = np.zeros(size, dtype=object)
    use0 = np.abs(j0) >= np.abs(j1)
    ref = np.where(use0, j0, j1)
    got = np.where(use0, vals[0], vals[1])
    shift = _BIT_LENGTH(got) + bits
    factor = (ref << shift) // got
    return [(v * factor) >> shift for v in vals]
