"""S_nl(T, q) by partial waves with exact Coulomb continuum functions, for any (n, l).

Atomic units, Z = 1 (S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)); k = √(2T − 1/n²), η = −1/k.

Final states |E l′ m′⟩, energy-normalised: R_El′(r) = √(2/(πk)) F_l′(η, kr)/r
(mpmath.coulombf; ⟨E l′|E′ l′⟩ = δ(E − E′) since F ~ sin(kr + …) and dE = k dk). With
e^{iq·r} = 4π Σ_{LM} i^L j_L(qr) Y*_LM(q̂) Y_LM(r̂) and the Gaunt integral
⟨l′m′|Y_LM|lm⟩ = (−1)^{m′} √((2l′+1)(2L+1)(2l+1)/4π) (l′ L l; 0 0 0)(l′ L l; −m′ M m),
the m-average over a closed subshell is rotation invariant, so it equals its average over
q̂; there ∫ dq̂ Y*_LM Y_L′M′ = δ_LL′ δ_MM′ removes the interference between L, and
Σ_{m m′ M} (l′ L l; −m′ M m)² = 1 leaves

    S_nl(T, q) = Σ_{l′, L} A(l, l′, L) I_{l′L}(q)²,    A = (2l′+1)(2L+1) (l′ L l; 0 0 0)²,
    I_{l′L}(q) = √(2/(πk)) ∫₀^∞ F_l′(η, kr) j_L(qr) R_nl(r) r dr.

For l = 0 the 3j symbol forces L = l′ and A = 2l′ + 1 (the 1s route of
:func:`sumrules.models.hydrogenic.checks.partial_wave_density`); Σ_l′ A(l, l′, L) = 2L + 1
(orthogonality of the 3j symbols) is what makes Σ_L (2L+1) j_L² = 1 give closure.

Truncation: L is bounded by the triangle |l′ − l| ≤ L ≤ l′ + l (and l + l′ + L even), so only
l′ is cut. The partial sums S_{l′} = Σ_L A I² fall geometrically at large l′; l′ is raised
until the last two are below 10^{−dps−2} of the sum, and the neglected tail is estimated as
S_last ρ/(1 − ρ), ρ = S_last/S_{last−1} (``truncation_error``).

Radial integrals: Gauss–Legendre panels in r, each spanning at most ~2 radians of the
fastest oscillation (k + q) and at most one decay length n, up to where e^{−r/n} r^{2n} is
below 10^{−dps−10}; F_l′ for all l′ by the downward recurrence from two mpmath.coulombf
values per node, j_L likewise from two Bessel values (both recurrences are stable downward).
With python-flint installed (the ``flint`` extra) these sums run in arb arithmetic, each top
value to the working precision (about 3 times less CPU than mpmath, the same values).

>>> from sumrules.models.hydrogenic import ground
>>> pw = partial_wave_density(1, 0, "0.6", "0.3", dps=15)
>>> abs(pw.value / ground.continuum_density("0.6", "0.3", dps=20) - 1) < 1e-13
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp
from sympy.physics.wigner import wigner_3j

from sumrules.core.certified import flint_available, workprec
from sumrules.core.numeric import precision, validate_dps, validate_int
from sumrules.models.hydrogenic.coulomb_waves import gauss_nodes, gauss_panels
from sumrules.models.hydrogenic.states import (
    RadialPolynomial,
    check_charge,
    check_state,
    radial_polynomial,
)

__all__ = [
    "AngularFactor",
    "CoulombLadder",
    "PartialWaveDensity",
    "angular_factor",
    "angular_factor_by_m_sum",
    "continuum_wave_number",
    "coulomb_column_arb",
    "coulomb_ladder",
    "decay_rate",
    "dipole_density",
    "miller_start",
    "partial_wave_density",
    "radial_grid",
    "tail_estimate",
]

#: A(l, l′, L) -> value; replaceable for negative controls
AngularFactor = Callable[[int, int, int], sp.Expr]


@functools.cache
def angular_factor(l: int, lp: int, L: int) -> sp.Expr:
    """A(l, l′, L) = (2l′+1)(2L+1) (l′ L l; 0 0 0)², exact, from the closed form of the 3j
    symbol with zero projections: for a + b + c = 2g even and a triangle,
    (a b c; 0 0 0)² = (2g−2a)!(2g−2b)!(2g−2c)!/(2g+1)! · [g!/((g−a)!(g−b)!(g−c)!)]², else 0
    (integers only: sympy's general wigner_3j takes milliseconds at l′ ~ 500; it stays the
    route of :func:`angular_factor_by_m_sum`, and the tests compare the two).

    >>> angular_factor(0, 3, 3), angular_factor(1, 0, 1), angular_factor(1, 2, 1)
    (7, 1, 2)
    >>> angular_factor(2, 3, 4) == 7 * 9 * wigner_3j(3, 4, 2, 0, 0, 0) ** 2
    True
    """
    total = l + lp + L
    if total % 2 or max(l, lp, L) > total - max(l, lp, L):  # parity, triangle
        return sp.Integer(0)
    g, fact = total // 2, math.factorial
    num = fact(2 * g - 2 * l) * fact(2 * g - 2 * lp) * fact(2 * g - 2 * L) * fact(g) ** 2
    den = fact(2 * g + 1) * (fact(g - l) * fact(g - lp) * fact(g - L)) ** 2
    return sp.Rational((2 * lp + 1) * (2 * L + 1) * num, den)


@functools.cache
def angular_factor_by_m_sum(l: int, lp: int, L: int) -> sp.Expr:
    """The same factor without the q̂-average: q along z, the sums over m, m′ done with the
    interference between L and L′ = L ± 2 kept, then the L-diagonal part read off.

    (1/(2l+1)) Σ_{m} [(2L+1) √((2l′+1)(2l+1)) (l′ L l; 0 0 0)(l′ L l; −m 0 m)]², which must
    equal :func:`angular_factor`; the cross terms Σ_m (l′ L l; −m 0 m)(l′ L′ l; −m 0 m) vanish
    for L ≠ L′ (checked in the tests).

    >>> all(angular_factor_by_m_sum(2, lp, L) == angular_factor(2, lp, L)
    ...     for lp in range(4) for L in range(6))
    True
    """
    total = sp.Integer(0)
    for m in range(-min(l, lp), min(l, lp) + 1):
        amp = (2 * L + 1) * wigner_3j(lp, L, l, 0, 0, 0) * wigner_3j(lp, L, l, -m, 0, m)
        total += amp**2 * (2 * lp + 1) * (2 * l + 1)
    return sp.nsimplify(total / (2 * l + 1))


def radial_grid(n: int, k: mpmath.mpf, q: mpmath.mpf, dps: int) -> list[mpmath.mpf]:
    """Panel ends in r: width ≤ min(2/(k + q), n), up to the decay of e^{−r/n} r^{2n}."""
    end = (dps + 10) * mpmath.log(10) * n
    end += 2 * n * n * mpmath.log(1 + end)  # the polynomial r^{2n} of |R_nl|
    width = min(2 / (k + q), mpmath.mpf(n))
    pts, r = [mpmath.mpf(0)], mpmath.mpf(0)
    # near r = 0 the integrand is a power r^{l+l′+2}: a geometric start keeps it resolved
    while r < end:
        r = min(end, r + width)
        pts.append(r)
    return pts


@dataclass(frozen=True)
class PartialWaveDensity:
    """S(T, q) as Σ_l′ S_l′, with the partial sums and the truncation estimate."""

    value: mpmath.mpf
    terms: tuple[mpmath.mpf, ...]
    truncation_error: mpmath.mpf


def _radial_table(
    n: int, l: int, k: mpmath.mpf, q: mpmath.mpf, lcut: int, dps: int, eta: mpmath.mpf
) -> dict[tuple[int, int], mpmath.mpf]:
    """I_{l′L} for l′ ≤ lcut and the L allowed by the triangle (one Gauss rule for all);
    the same sums in arb arithmetic when python-flint is installed (:func:`_radial_table_arb`).
    """
    rp = radial_polynomial(n, l)
    pairs = [(lp, L) for lp in range(lcut + 1) for L in range(abs(lp - l), lp + l + 1, 2)]
    totals = dict.fromkeys(pairs, mpmath.mpf(0))
    if flint_available():
        return _radial_table_arb(rp, k, q, lcut, dps, eta, pairs)
    roots = [mpmath.sqrt(ell * ell + eta**2) for ell in range(lcut + 2)]
    for r, w in gauss_nodes(radial_grid(n, k, q, dps), max(20, dps + 14)):
        f = _coulomb_down(lcut, eta, k * r, roots)
        j = _bessel_down(lcut + l, q * r)
        weight = w * rp.value(r) * r
        for lp, L in pairs:
            totals[(lp, L)] += f[lp] * j[L] * weight
    norm = mpmath.sqrt(2 / (mpmath.pi * k))
    return {key: norm * v for key, v in totals.items()}


def _accurate(fl: Any, name: str, z: Any, *args: Any) -> Any:
    """The midpoint of arb's ``z.name(*args)`` (``z``, ``args`` exact) once its ball keeps the
    working precision p: arb's Coulomb and Bessel functions lose some bits, and hundreds
    near the turning point ρ ≈ l, so they run at p + 16 bits and again with the lost bits
    added until they keep p (ArithmeticError past 16 p)."""
    target = fl.ctx.prec
    with workprec(target + 16):
        while True:
            ball = getattr(z, name)(*args)
            kept = ball.rel_accuracy_bits()
            if kept >= target or ball.is_zero():
                return ball.mid()
            if fl.ctx.prec > 16 * target:
                raise ArithmeticError(f"arb could not resolve {name} at {z}")
            fl.ctx.prec += target - max(kept, 0) + 32


def _radial_table_arb(
    rp: RadialPolynomial,
    k: mpmath.mpf,
    q: mpmath.mpf,
    lcut: int,
    dps: int,
    eta: mpmath.mpf,
    pairs: list[tuple[int, int]],
) -> dict[tuple[int, int], mpmath.mpf]:
    """:func:`_radial_table` in arb, 10 bits above mpmath's working precision: the same nodes,
    the same two top values per node (arb's Coulomb and Bessel functions, each to the working
    precision by :func:`_accurate`) and the same downward recurrences, run on midpoints
    (radii dropped at every step, as in floating point: arb's bound grows geometrically along
    a three-term recurrence even where it is stable, and a wide ball costs the midpoint its
    digits)."""
    nodes = gauss_nodes(radial_grid(rp.n, k, q, dps), max(20, dps + 14))
    with workprec(mpmath.mp.prec + 10) as fl:
        ka, qa, et = fl.arb(k), fl.arb(q), fl.arb(eta)
        half = fl.arb(1) / 2
        lmax = lcut + rp.l
        ladder = coulomb_ladder(fl, et, lcut)
        coeffs = [fl.arb(fl.fmpq(int(p.p), int(p.q))) for p in rp.coefficients]
        c0 = fl.arb(fl.fmpq(int(rp.c0_squared.p), int(rp.c0_squared.q))).sqrt()
        totals = {key: fl.arb(0) for key in pairs}
        for r_, w_ in nodes:
            r, w = fl.arb(r_), fl.arb(w_)
            rho, x = (ka * r).mid(), (qa * r).mid()
            f = coulomb_column_arb(fl, lcut, rho, ladder)
            c = (fl.arb.pi() / (2 * x)).sqrt()
            j = [fl.arb(0)] * (lmax + 2)
            j[lmax + 1] = c * _accurate(fl, "bessel_j", x, fl.arb(lmax + 1) + half)
            j[lmax] = c * _accurate(fl, "bessel_j", x, fl.arb(lmax) + half)
            inv = 1 / x
            for ell in range(lmax, 0, -1):
                j[ell - 1] = ((2 * ell + 1) * inv * j[ell] - j[ell + 1]).mid()
            poly = fl.arb(0)
            for p in reversed(coeffs):
                poly = poly * r + p
            weight = w * c0 * r ** (rp.l + 1) * (-r / rp.n).exp() * poly
            for lp, L in pairs:
                totals[(lp, L)] += f[lp] * j[L] * weight
        norm = (2 / (fl.arb.pi() * ka)).sqrt()
        return {key: mpmath.mpf((norm * v).mid()) for key, v in totals.items()}


@dataclass(frozen=True)
class CoulombLadder:
    """The three-term recurrence of F_l(η, ρ) for one η, its coefficients per l in both
    directions (arb, exact η): from (2l + 1)(η + l(l + 1)/ρ) F_l = (l + 1)√(l² + η²) F_{l−1}
    + l √((l + 1)² + η²) F_{l+1},

        F_{l−1} = (down_a[l] + down_b[l]/ρ) F_l − down_c[l] F_{l+1},
        F_{l+1} = (up_a[l] + up_b[l]/ρ) F_l − up_c[l] F_{l−1},

    for 1 ≤ l < len(down_a) (index 0 unused), the turning points ρ_l = η + √(η² + l(l + 1)),
    and the upward coefficients as floats (``up_float[l]`` = (up_a, up_b, up_c)) for a cheap
    estimate of where a downward recurrence may start (:func:`miller_start`)."""

    eta: Any
    down_a: tuple[Any, ...]
    down_b: tuple[Any, ...]
    down_c: tuple[Any, ...]
    up_a: tuple[Any, ...]
    up_b: tuple[Any, ...]
    up_c: tuple[Any, ...]
    turning: tuple[Any, ...]
    up_float: tuple[tuple[float, float, float], ...]


def coulomb_ladder(fl: Any, eta: Any, lcut: int) -> CoulombLadder:
    """The :class:`CoulombLadder` that :func:`coulomb_column_arb` needs for every ρ at this
    ``lcut``: l up to the first whose turning point lies beyond 1.2 (1.2 ρ_{lcut+1} + 8) + 8.

    >>> from sumrules.core.certified import workprec
    >>> with workprec(60) as fl:
    ...     lad = coulomb_ladder(fl, fl.arb(-2), 3)
    ...     rho = fl.arb(3)
    ...     f = [rho.coulomb_f(l, lad.eta) for l in range(3)]
    ...     up = (lad.up_a[1] + lad.up_b[1] / rho) * f[1] - lad.up_c[1] * f[0]
    >>> abs(up - f[2]) < 1e-15
    True
    """

    def turning(l: int) -> Any:  # the root of ρ² − 2ηρ − l(l + 1)
        return eta + (eta * eta + l * (l + 1)).sqrt()

    reach = 1.2 * (1.2 * turning(lcut + 1) + 8) + 8
    top = lcut + 2
    while turning(top) < reach:
        top += 1
    roots = [(ell * ell + eta * eta).sqrt() for ell in range(top + 2)]
    zero = fl.arb(0)
    da, db, dc, ua, ub, uc = ([zero] for _ in range(6))
    for ell in range(1, top + 1):
        down = (ell + 1) * roots[ell]
        up = ell * roots[ell + 1]
        da.append((2 * ell + 1) * eta / down)
        db.append(fl.arb((2 * ell + 1) * ell * (ell + 1)) / down)
        dc.append(ell * roots[ell + 1] / down)
        ua.append((2 * ell + 1) * eta / up)
        ub.append(fl.arb((2 * ell + 1) * ell * (ell + 1)) / up)
        uc.append((ell + 1) * roots[ell] / up)
    turns = tuple(turning(ell) for ell in range(top + 1))
    floats = tuple((float(a), float(b), float(c)) for a, b, c in zip(ua, ub, uc, strict=True))
    return CoulombLadder(
        eta, tuple(da), tuple(db), tuple(dc), tuple(ua), tuple(ub), tuple(uc), turns, floats
    )


def miller_start(ladder: CoulombLadder, top: int, rho: float, digits: float) -> int | None:
    """The l from which the downward recurrence, started at F_{l+1} = 0, F_l = 1 and scaled by
    an exact F_0 or F_1 (Miller's algorithm), gives F_l′ for l′ ≤ ``top`` to about ``digits`` digits:
    the first l where the upward recurrence started at p_top = 0, p_{top+1} = 1 exceeds
    10^digits (its error is about 1/p_l², Gautschi); None beyond the ladder.

    >>> from sumrules.core.certified import workprec
    >>> with workprec(60) as fl:
    ...     lad = coulomb_ladder(fl, fl.arb(-1), 10)
    >>> start = miller_start(lad, 5, 2.0, 20)
    >>> 5 < start < 40
    True
    """
    p_prev, p, ell, bound = 0.0, 1.0, top + 1, 10.0**digits
    while abs(p) < bound:
        if ell >= len(ladder.up_float):
            return None
        a, b, c = ladder.up_float[ell]
        p_prev, p = p, (a + b / rho) * p - c * p_prev
        ell += 1
    return ell if ell < len(ladder.up_float) else None


def coulomb_column_arb(fl: Any, lcut: int, rho: Any, ladder: CoulombLadder) -> list[Any]:
    """F_l(η, ρ) for l ≤ lcut + 1 as arb midpoints (``fl`` the flint module, ``rho`` arb, η
    and the recurrence from ``ladder``, built by :func:`coulomb_ladder` for this ``lcut``).

    The three-term recurrence on midpoints in its stable direction, anchored by arb's Coulomb
    function at l = 0 and 1 (each to the working precision, :func:`_accurate`). When even
    ρ_{lcut+1} lies below (ρ − 8)/1.2 (oscillating for every l ≤ lcut + 1, ρ_l = η +
    √(η² + l(l + 1)) the turning point): upward from F_0 and F_1. Otherwise downward by
    Miller's algorithm, from (0, 1) at the l of :func:`miller_start`, scaled to the exact F_0
    (or F_1, where F_0 is below a quarter of it: near a zero of F_0) (F falls with l beyond
    the turning point, where the recurrence is stable downward). arb is slow and loses most of its bits near the turning point at large
    l and ρ, which Miller's start avoids; if that start lies beyond the ladder, the downward
    recurrence starts instead from two arb values at the first l ≥ lcut + 1 whose turning
    point lies beyond 1.2 ρ + 8.

    >>> from sumrules.core.certified import workprec
    >>> with workprec(80) as fl:
    ...     et = fl.arb(-2)
    ...     lad = coulomb_ladder(fl, et, 3)
    ...     near = coulomb_column_arb(fl, 3, fl.arb(1), lad)
    ...     far = coulomb_column_arb(fl, 3, fl.arb(50), lad)
    ...     ok = [abs(near[3] - fl.arb(1).coulomb_f(3, et)) < 1e-20]
    ...     ok.append(abs(far[4] - fl.arb(50).coulomb_f(4, et)) < 1e-20)
    >>> ok
    [True, True]
    """
    eta, turning, inv = ladder.eta, ladder.turning, 1 / rho
    if 1.2 * turning[lcut + 1] + 8 <= rho:  # oscillating for every l ≤ lcut + 1: upward
        f = [fl.arb(0)] * (lcut + 2)
        f[0] = _accurate(fl, "coulomb_f", rho, 0, eta)
        f[1] = _accurate(fl, "coulomb_f", rho, 1, eta)
        a, b, c = ladder.up_a, ladder.up_b, ladder.up_c
        for ell in range(1, lcut + 1):
            f[ell + 1] = ((a[ell] + b[ell] * inv) * f[ell] - c[ell] * f[ell - 1]).mid()
        return f
    a, b, c = ladder.down_a, ladder.down_b, ladder.down_c
    start = miller_start(ladder, lcut + 1, float(rho), fl.ctx.prec * 0.30103 + 8)
    if start is not None:  # Miller: downward from (0, 1), scaled by an exact F_0 or F_1
        y = [fl.arb(0)] * (start + 2)
        y[start] = fl.arb(1)
        for ell in range(start, 0, -1):
            y[ell - 1] = ((a[ell] + b[ell] * inv) * y[ell] - c[ell] * y[ell + 1]).mid()
        anchor = 0 if abs(y[0]) >= abs(y[1]) / 4 else 1  # away from a zero of F
        scale = _accurate(fl, "coulomb_f", rho, anchor, eta) / y[anchor]
        return [(scale * v).mid() for v in y[: lcut + 2]]
    top = lcut + 1
    while turning[top] < 1.2 * rho + 8:
        top += 1
        if top >= len(turning):
            raise ValueError(f"rho = {rho} beyond the ladder built for lcut = {lcut}")
    f = [fl.arb(0)] * (top + 1)
    f[top] = _accurate(fl, "coulomb_f", rho, top, eta)
    f[top - 1] = _accurate(fl, "coulomb_f", rho, top - 1, eta)
    for ell in range(top - 1, 0, -1):
        f[ell - 1] = ((a[ell] + b[ell] * inv) * f[ell] - c[ell] * f[ell + 1]).mid()
    return f[: lcut + 2]


def _coulomb_down(
    lcut: int, eta: mpmath.mpf, rho: mpmath.mpf, roots: list[mpmath.mpf]
) -> list[mpmath.mpf]:
    """F_l(η, ρ) for l ≤ lcut: two mpmath.coulombf values, then the downward recurrence
    (``roots[l]`` = √(l² + η²), computed once per η)."""
    f = [mpmath.mpf(0)] * (lcut + 2)
    f[lcut + 1], f[lcut] = mpmath.coulombf(lcut + 1, eta, rho), mpmath.coulombf(lcut, eta, rho)
    inv = 1 / rho
    for ell in range(lcut, 0, -1):
        f[ell - 1] = (
            (2 * ell + 1) * (eta + ell * (ell + 1) * inv) * f[ell]
            - ell * roots[ell + 1] * f[ell + 1]
        ) / ((ell + 1) * roots[ell])
    return f


def _bessel_down(lmax: int, x: mpmath.mpf) -> list[mpmath.mpf]:
    """j_L(x) for L ≤ lmax: two Bessel values, then the downward recurrence."""
    c = mpmath.sqrt(mpmath.pi / (2 * x))
    j = [mpmath.mpf(0)] * (lmax + 2)
    j[lmax + 1], j[lmax] = c * mpmath.besselj(lmax + 1.5, x), c * mpmath.besselj(lmax + 0.5, x)
    inv = 1 / x
    for ell in range(lmax, 0, -1):
        j[ell - 1] = (2 * ell + 1) * inv * j[ell] - j[ell + 1]
    return j


def _terms(
    n: int,
    l: int,
    k: mpmath.mpf,
    q: mpmath.mpf,
    lcut: int,
    dps: int,
    eta: mpmath.mpf,
    factor: AngularFactor,
) -> list[mpmath.mpf]:
    table = _radial_table(n, l, k, q, lcut, dps, eta)
    terms = []
    for lp in range(lcut + 1):
        s = mpmath.mpf(0)
        for L in range(abs(lp - l), lp + l + 1, 2):
            a = factor(l, lp, L)
            if a:
                s += mpmath.mpf(sp.N(a, mpmath.mp.dps + 5)) * table[(lp, L)] ** 2
        terms.append(s)
    return terms


def decay_rate(k: mpmath.mpf, q: mpmath.mpf, beta: mpmath.mpf) -> mpmath.mpf:
    """−ln ρ: the partial-wave terms at (k, q) fall like ρ^{2l′}, ρ = w − √(w² − 1),
    w = (k² + q² + β²)/(2kq) (β = Z/n, the bound state's decay constant); slowest on the Bethe
    ridge q² = k² + β².

    >>> k, b = mpmath.mpf(1), mpmath.mpf("0.5")
    >>> decay_rate(k, mpmath.sqrt(k * k + b * b), b) < decay_rate(k, mpmath.mpf(2), b)
    True
    """
    w = (k * k + q * q + beta * beta) / (2 * k * q)
    return -mpmath.log(w - mpmath.sqrt(w * w - 1))


def _first_cut(k: mpmath.mpf, q: mpmath.mpf, beta: mpmath.mpf, dps: int) -> int:
    """A first l′ cut from :func:`decay_rate`."""
    return int((dps + 2) * mpmath.log(10) / (2 * decay_rate(k, q, beta))) + 4


def continuum_wave_number(
    n: int, T: object, Z: object
) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """(Z, T/Z², k) at the current precision, k = √(2T/Z² − 1/n²) the final electron's wave
    number at Z = 1; ValueError naming Z, or T at or below the threshold Z²/(2n²).

    >>> continuum_wave_number(2, 1, 2)
    (mpf('2.0'), mpf('0.25'), mpf('0.5'))
    """
    z = check_charge(Z)
    t = mpmath.mpmathify(T) / (z * z)
    beta = mpmath.mpf(1) / n
    if not t > beta * beta / 2:
        raise ValueError(f"T must exceed the threshold Z**2/(2 n**2), got {T!r}")
    return z, t, mpmath.sqrt(2 * t - beta * beta)


def tail_estimate(terms: list[mpmath.mpf]) -> mpmath.mpf:
    """The neglected tail of a geometrically falling sum, S_last ρ/(1 − ρ) with
    ρ = S_last/S_{last−1} (S_last itself when ρ ≥ 1).

    >>> tail_estimate([mpmath.mpf(4), mpmath.mpf(2), mpmath.mpf(1)])
    mpf('1.0')
    """
    rho = terms[-1] / terms[-2] if terms[-2] else mpmath.mpf(0)
    return terms[-1] * rho / (1 - rho) if rho < 1 else terms[-1]


def partial_wave_density(
    n: int,
    l: int,
    T: object,
    q: object,
    *,
    Z: object = 1,
    dps: int = 20,
    lmax: int = 200,
    factor: AngularFactor | None = None,
    eta_sign: int = -1,
) -> PartialWaveDensity:
    """S_nl(T, q) per unit T, m-averaged, from partial waves (see the module docstring).

    ``factor`` replaces A(l, l′, L) and ``eta_sign = +1`` makes the Coulomb field repulsive:
    both for negative controls only.
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    validate_int(lmax, "lmax", 2)
    with precision(dps + 8):
        z, _, k = continuum_wave_number(n, T, Z)
        q_, beta = mpmath.mpmathify(q) / z, mpmath.mpf(1) / n
        if not q_ > 0:
            raise ValueError(f"q must be positive for the partial-wave sum, got {q!r}")
        eta = eta_sign / k
        lcut = min(lmax, _first_cut(k, q_, beta, dps))
        tol = mpmath.mpf(10) ** (-dps - 2)
        while True:
            terms = _terms(n, l, k, q_, lcut, dps, eta, factor or angular_factor)
            total = mpmath.fsum(terms)
            if max(terms[-1], terms[-2]) <= tol * total:
                break
            if lcut >= lmax:
                raise ValueError(f"lmax = {lmax} too small for convergence at dps = {dps}")
            lcut = min(lmax, lcut + lcut // 2 + 1)
        tail = tail_estimate(terms)
        value = total / (z * z)
    with precision(dps):
        return PartialWaveDensity(+value, tuple(+x / (z * z) for x in terms), +abs(tail) / (z * z))


def dipole_density(n: int, l: int, T: object, *, Z: object = 1, dps: int = 20) -> mpmath.mpf:
    """D(T) = lim_{q→0} S/q² from the dipole radial integrals d_l′ (l′ = l ± 1):

    D = (1/3) [(l+1)/(2l+1) d_{l+1}² + l/(2l+1) d_{l−1}²],
    d_l′ = √(2/(πk)) ∫ F_l′(η, kr) R_nl(r) r² dr.

    >>> from sumrules.models.hydrogenic import ground
    >>> d = dipole_density(1, 0, 1, dps=15)
    >>> abs(d / ground.dipole_density(1, dps=20) - 1) < 1e-13
    True
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    with precision(dps + 8):
        z, _, k = continuum_wave_number(n, T, Z)
        rp = radial_polynomial(n, l)
        pts = radial_grid(n, k, mpmath.mpf(0), dps)
        norm = mpmath.sqrt(2 / (mpmath.pi * k))

        def d(lp: int) -> mpmath.mpf:
            def f(r: mpmath.mpf) -> mpmath.mpf:
                return mpmath.coulombf(lp, -1 / k, k * r) * rp.value(r) * r * r

            return norm * gauss_panels(f, pts, max(20, dps + 14))

        value = (l + 1) * d(l + 1) ** 2
        if l:
            value += l * d(l - 1) ** 2
        value /= 3 * (2 * l + 1)
        # S_Z(T, q)/q² = Z⁻⁴ (S_1/q′²)(T/Z², q/Z)
        value /= z**4
    with precision(dps):
        return +value
