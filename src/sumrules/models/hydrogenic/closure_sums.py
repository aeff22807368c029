"""Completeness and the Bethe sum rule of every hydrogen-like state at fixed momentum transfer.

One electron in the state (n, l), averaged over its 2l + 1 substates, Z = 1 (atomic units;
the checks are Z-free: S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)). At fixed q the final states are the
bound states n′l′ of every n′ ≥ 1 (the initial state itself: elastic; the other states of the
shell n′ = n: zero energy transfer; n′ < n: the transitions down, which exist because nothing
blocks them — one electron, no Pauli exclusion) and the continuum. Closure and the
double commutator give

    completeness:  Σ_{n′l′} F_{n′l′}(q) + ∫_I^∞ S(T, q) dT = ⟨nl|e^{−iq·r}e^{iq·r}|nl⟩ = 1,
    Bethe:         Σ_{n′l′} (E_{n′} − E_n) F_{n′l′}(q) + ∫_I^∞ T S(T, q) dT = q²/2,

with F_{n′l′} = Σ_L A(l, l′, L) ∫(R_{n′l′} R_nl j_L(qr) r² dr)² (the 3j factor of
:func:`.partial_waves.angular_factor`, the same that builds the continuum S).

**Bound-bound integrals.** With R_{n′l′}R_nl r² = c c′ r^{l+l′+2} e^{−ar} × polynomial,
a = 1/n + 1/n′, everything reduces to K(μ, L) = ∫₀^∞ r^μ e^{−ar} j_L(qr) dr:

    K(μ, 0) = (μ−1)! Im (a − iq)^{−μ} / q,
    K(μ, 1) = (μ−2)! Im (a − iq)^{1−μ} / q² − (μ−1)! Re (a − iq)^{−μ} / q,
    K(μ, L+1) = (2L+1) K(μ−1, L) / q − K(μ, L−1)     (the recurrence of j_L),

evaluated with 2L_max + 20 guard digits (the upward recurrence loses about two digits per
order). The radial functions of any n′ come from the associated Laguerre polynomials
(:func:`radial_coefficients`).

**The discrete tail.** n′³ F_{n′} is a smooth function g of the level energy −1/(2n′²) (it
joins the continuum density at threshold), so the levels n′ ≤ N are summed one by one and the
rest as Σ_j g_j ζ(3 + 2j, N + 1), g interpolated as a polynomial in 1/n′² through the last
``fit`` levels; the change with two fewer levels and two fewer fitted terms is the reported
``discrete_error`` (an approximation named: the tail is an interpolation, not a bound).

**The continuum.** ∫ S dT = ∫₀^∞ S k dk by Gauss–Legendre panels graded about the ridge
k ≈ q (:func:`continuum_moments`), S from the closed form where one exists (:mod:`.closed_forms`: n ≤ 4), else from the
three-dimensional Coulomb wave (:mod:`.coulomb_waves`).

>>> c = closure(2, 1, "0.5", dps=12, levels=16, fit=8)
>>> abs(c.completeness_residual) < 1e-8, abs(c.bethe_residual) < 1e-8
(True, True)
>>> bad = closure(2, 1, "0.5", dps=12, levels=16, fit=8, include_lower=False)
>>> bool(bad.completeness_residual < -1e-3)
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.numeric import precision, validate_dps, validate_int
from sumrules.models.hydrogenic import closed_forms, coulomb_waves
from sumrules.models.hydrogenic.partial_waves import AngularFactor, angular_factor
from sumrules.models.hydrogenic.states import check_state

__all__ = [
    "DEFAULT_FIT",
    "DEFAULT_LEVELS",
    "BoundTransitions",
    "Closure",
    "bound_transitions",
    "closure",
    "continuum_moments",
    "radial_coefficients",
    "radial_integrals",
]

#: the discrete levels summed one by one (n′ ≤ N) and how many of the last are fitted
DEFAULT_LEVELS = 24
DEFAULT_FIT = 10


@functools.cache
def radial_coefficients(n: int, l: int) -> tuple[Fraction, tuple[Fraction, ...]]:
    """(c², (p_0, p_1, …)) with R_nl(r) = c r^l e^{−r/n} Σ_j p_j r^j at Z = 1, any n ≥ 1.

    From R_nl = N r^l e^{−r/n} L^{(2l+1)}_{n−l−1}(2r/n), N² = (2/n)³ (n−l−1)!/(2n (n+l)!)
    (2/n)^{2l}; the sign convention does not enter |F|².

    >>> c2, p = radial_coefficients(2, 0)
    >>> c2 * p[0] ** 2, p[1] / p[0]
    (Fraction(1, 2), Fraction(-1, 2))
    """
    n, l = check_state(n, l, max_n=None)
    k, alpha = n - l - 1, 2 * l + 1
    c2 = (
        Fraction(2, n) ** 3
        * Fraction(math.factorial(k), 2 * n * math.factorial(n + l))
        * Fraction(2, n) ** (2 * l)
    )
    p = tuple(
        Fraction((-1) ** j * math.comb(k + alpha, k - j), math.factorial(j)) * Fraction(2, n) ** j
        for j in range(k + 1)
    )
    return c2, p


def _k_table(a: mpmath.mpf, q: mpmath.mpf, mu_max: int, l_max: int) -> list[list[mpmath.mpf]]:
    """K[L][μ] = ∫₀^∞ r^μ e^{−ar} j_L(qr) dr for L ≤ l_max, L + 1 ≤ μ ≤ mu_max."""
    w = 1 / mpmath.mpc(a, -q)  # (a − iq)^{−1}
    powers = [mpmath.mpc(1)]
    for _ in range(mu_max + 1):
        powers.append(powers[-1] * w)
    fact = [mpmath.mpf(1)]
    for m in range(1, mu_max + 1):
        fact.append(fact[-1] * m)
    zero = mpmath.mpf(0)
    k0 = [zero] + [fact[m - 1] * powers[m].imag / q for m in range(1, mu_max + 1)]
    table = [k0]
    if l_max >= 1:
        k1 = [zero, zero] + [
            fact[m - 2] * powers[m - 1].imag / (q * q) - fact[m - 1] * powers[m].real / q
            for m in range(2, mu_max + 1)
        ]
        table.append(k1)
    for L in range(1, l_max):
        prev, cur = table[L - 1], table[L]
        table.append(
            [zero] * (L + 2)
            + [(2 * L + 1) * cur[m - 1] / q - prev[m] for m in range(L + 2, mu_max + 1)]
        )
    return table


def _mp(x: Fraction) -> mpmath.mpf:
    return mpmath.mpf(x.numerator) / x.denominator


def radial_integrals(
    n: int, l: int, n_final: int, q: mpmath.mpf
) -> dict[tuple[int, int], mpmath.mpf]:
    """{(l′, L): ∫ R_{n′l′} R_nl j_L(qr) r² dr} for every l′ < n′ and allowed L, at the current
    precision (which should carry the guard digits of the module docstring).

    >>> with mpmath.workdps(30):
    ...     i = radial_integrals(1, 0, 1, mpmath.mpf("0.5"))[(0, 0)]  # 16/(4 + q²)²
    ...     abs(i - 16 / (4 + mpmath.mpf("0.25")) ** 2) < 1e-25
    True
    """
    c2, p = radial_coefficients(n, l)
    a = mpmath.mpf(1) / n + mpmath.mpf(1) / n_final
    mu_max = l + (n_final - 1) + 2 + (n - l - 1) + (n_final - 1)
    table = _k_table(a, q, mu_max, l + n_final - 1)
    out = {}
    for lp in range(n_final):
        c2p, pp = radial_coefficients(n_final, lp)
        poly = [Fraction(0)] * (len(p) + len(pp) - 1)
        for i, x in enumerate(p):
            for j, y in enumerate(pp):
                poly[i + j] += x * y
        coeffs = [_mp(x) for x in poly]
        norm = mpmath.sqrt(_mp(c2 * c2p))
        mu0 = l + lp + 2
        for L in range(abs(l - lp), l + lp + 1, 2):
            row = table[L]
            out[(lp, L)] = norm * mpmath.fsum(c * row[mu0 + j] for j, c in enumerate(coeffs))
    return out


@dataclass(frozen=True)
class BoundTransitions:
    """F_{n′} = Σ_{l′} F_{n′l′}(q) per final shell n′ (the initial state's own term apart)."""

    q: mpmath.mpf
    elastic: mpmath.mpf
    per_shell: tuple[mpmath.mpf, ...]  # n′ = 1, 2, …, without the elastic term


def bound_transitions(
    n: int, l: int, q: object, n_max: int, *, factor: AngularFactor | None = None
) -> BoundTransitions:
    """F_{n′}(q) for n′ = 1 … n_max at the current precision (the module docstring's guard
    digits added here); ``factor`` replaces A(l, l′, L) (negative controls)."""
    n, l = check_state(n, l)
    ang = factor or angular_factor
    dps = mpmath.mp.dps
    with precision(dps + 2 * (l + n_max) + 20):
        qq = mpmath.mpmathify(q)
        shells, elastic = [], mpmath.mpf(0)
        for nf in range(1, n_max + 1):
            total = mpmath.mpf(0)
            for (lp, L), i in radial_integrals(n, l, nf, qq).items():
                a = ang(l, lp, L)
                if not a:
                    continue
                term = mpmath.mpf(sp.Rational(a).p) / sp.Rational(a).q * i * i
                if (nf, lp) == (n, l):
                    elastic += term
                else:
                    total += term
            shells.append(total)
    with precision(dps):
        return BoundTransitions(+qq, +elastic, tuple(+s for s in shells))


def _k_panels(q: mpmath.mpf, beta: mpmath.mpf) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """Panel ends in k on [0, K] graded by 4 about the ridge k = q (width β), and K."""
    far = q + 8 * beta
    pts = {mpmath.mpf(0), far}
    for d in (beta / 2, 2 * beta, 8 * beta):
        pts.update(x for x in (q - d, q + d) if 0 < x < far)
    return sorted(pts), far


def _gauss_moments(
    density: Callable[[mpmath.mpf], mpmath.mpf], q: mpmath.mpf, beta: mpmath.mpf, degree: int
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(∫ S k dk, ∫ T S k dk) by Gauss–Legendre panels, the tail k > K in u = K/k."""
    pts, far = _k_panels(q, beta)
    nodes = coulomb_waves.gauss_nodes(pts, degree)
    nodes += [
        (far / u, w * far / (u * u))
        for u, w in coulomb_waves.gauss_nodes([mpmath.mpf(0), mpmath.mpf(1)], degree)
    ]
    plain = weighted = mpmath.mpf(0)
    for k, w in nodes:
        t = (k * k + beta * beta) / 2
        s = w * density(t) * k
        plain += s
        weighted += s * t
    return plain, weighted


def continuum_moments(
    n: int, l: int, q: mpmath.mpf, dps: int
) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """(∫ S dT, ∫ T S dT, an error estimate) over T > I at q (Z = 1): Gauss–Legendre panels in
    k (no node at k = 0, where the Coulomb wave loses its digits to e^{πν}) with dps + 10
    nodes each; the estimate is the change from dps + 2 nodes."""
    beta = mpmath.mpf(1) / n
    closed = (n, l) in closed_forms.CLOSED_FORMS

    def density(t: mpmath.mpf) -> mpmath.mpf:
        if closed:
            return closed_forms.continuum_density_closed(n, l, t, q, dps=dps)
        return coulomb_waves.continuum_density(n, l, t, q, dps=dps)

    with precision(dps + 5):
        s0, w0 = _gauss_moments(density, q, beta, dps + 10)
        s1, w1 = _gauss_moments(density, q, beta, dps + 2)
    return s0, w0, max(abs(s0 - s1), abs(w0 - w1) / max(abs(w0), 1))


@dataclass(frozen=True)
class Closure:
    """Completeness and the Bethe sum of one state at q (Z = 1), part by part.

    ``lower``/``same_shell``/``higher``: Σ F over n′ < n, the other l′ of n′ = n, n′ > n
    (extrapolated); ``*_weighted``: the same with (E_{n′} − E_n); ``continuum``,
    ``continuum_weighted``: ∫ S dT, ∫ T S dT; residuals: total − 1 and (weighted total)/(q²/2) − 1;
    ``discrete_error``: the tail's own spread; ``continuum_error``: the quadrature's.
    """

    n: int
    l: int
    q: mpmath.mpf
    elastic: mpmath.mpf
    lower: mpmath.mpf
    same_shell: mpmath.mpf
    higher: mpmath.mpf
    continuum: mpmath.mpf
    lower_weighted: mpmath.mpf
    higher_weighted: mpmath.mpf
    continuum_weighted: mpmath.mpf
    discrete_error: mpmath.mpf
    continuum_error: mpmath.mpf

    completeness_residual: mpmath.mpf
    bethe_residual: mpmath.mpf


def _tail(terms: list[mpmath.mpf], fit: int) -> mpmath.mpf:
    """Σ_{n′ > N} of terms smooth in 1/n′², N = len(terms): n′³ F_{n′} = g(1/n′²) interpolated
    through the last ``fit`` terms, Σ n′^{−3−2j} = ζ(3 + 2j, N + 1)."""
    N = len(terms)
    ns = range(N - fit + 1, N + 1)
    xs = [mpmath.mpf(1) / (m * m) for m in ns]
    with precision(mpmath.mp.dps + 3 * fit):  # the Vandermonde system is ill-conditioned
        matrix = mpmath.matrix([[x**j for j in range(fit)] for x in xs])
        values = mpmath.matrix([terms[m - 1] * m**3 for m in ns])
        g = mpmath.lu_solve(matrix, values)
    return mpmath.fsum(g[j] * mpmath.zeta(3 + 2 * j, N + 1) for j in range(fit))


def _extrapolated(terms: list[mpmath.mpf], start: int, fit: int) -> tuple[Any, Any]:
    """(Σ_{n′ > start} terms to ∞, error estimate): the terms summed to N, the tail from
    :func:`_tail`; the estimate is the change with two fewer fitted terms and N − 2."""
    value = mpmath.fsum(terms[start:]) + _tail(terms, fit)
    other = mpmath.fsum(terms[start:-2]) + _tail(terms[:-2], fit - 2)
    return value, abs(value - other)


def closure(
    n: int,
    l: int,
    q: object,
    *,
    dps: int = 20,
    levels: object = DEFAULT_LEVELS,
    fit: object = DEFAULT_FIT,
    include_lower: bool = True,
    factor: AngularFactor | None = None,
) -> Closure:
    """Completeness and the Bethe sum of (n, l) at q > 0 (Z = 1; module docstring).

    ``include_lower=False`` leaves out the transitions to n′ < n and ``factor`` replaces the
    3j factor: both are negative controls that must break the sums.
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    fit = validate_int(fit, "fit", 4)
    levels = validate_int(levels, "levels", n + fit + 2)
    with precision(dps + 10):
        qq = mpmath.mpmathify(q)
        if not qq > 0:
            raise ValueError(f"q must be positive, got {q!r}")
        bt = bound_transitions(n, l, qq, levels, factor=factor)
        shells = list(bt.per_shell)
        gaps = [
            mpmath.mpf(1) / (2 * n * n) - mpmath.mpf(1) / (2 * m * m) for m in range(1, levels + 1)
        ]
        weighted = [g * f for g, f in zip(gaps, shells, strict=True)]
        keep = 1 if include_lower else 0
        lower = keep * mpmath.fsum(shells[: n - 1])
        lower_w = keep * mpmath.fsum(weighted[: n - 1])
        higher, err = _extrapolated(shells, n, fit)
        higher_w, err_w = _extrapolated(weighted, n, fit)
        cont, cont_w, cont_err = continuum_moments(n, l, qq, dps + 5)
        total = mpmath.fsum((bt.elastic, lower, shells[n - 1], higher, cont))
        total_w = mpmath.fsum((lower_w, higher_w, cont_w))
        residuals = (total - 1, total_w / (qq * qq / 2) - 1)
    with precision(dps):
        return Closure(
            n,
            l,
            +qq,
            +bt.elastic,
            +lower,
            +shells[n - 1],
            +higher,
            +cont,
            +lower_w,
            +higher_w,
            +cont_w,
            +max(err, err_w),
            +cont_err,
            *(+r for r in residuals),
        )
