"""Sum-rule ratios of every hydrogen-like state: tables, the large-T law, the stepping error.

r_nmm(T) = T ∫ S dQ²/Q² and r_ew(T) = (1/2m) ∫ S dQ², per electron, m-averaged over the
subshell (both 1 if Eqs. (12) and (15) held). They are functions of T/I alone
(I = Z²/(2n²)).

**The large-T law.** r − 1 ≈ c (I/T)^p with p = 5/2 + l, for both weights. Derivation: Eq. (16) expands R in
powers of (p·q + H − E₀)/(T − Q²/2); the coefficient of T^{−j} holds momentum moments
⟨p^{2j}⟩ of the bound state (with Q² powers that Eq. (19) integrates to powers of T). Each
term integrates to zero, so a ratio differs from 1 only by what the expansion misses: the
moments diverge from the first j with ∫ p^{2j} n(p) p² dp = ∞. The momentum density falls
as n(p) → A_nl p^{−8−2l} (:func:`~.states.momentum_tail`: the cusp r^{l+1} of R_nl), so
⟨p^{2j}⟩ is finite exactly for j < 5/2 + l and the first term the series cannot produce is
(I/T)^{5/2+l} (half-integer: no logarithm). The coefficient is carried by the tail:
c = −C_l A_nl (n/Z)^{5+2l} with a universal C_l (Z drops out since A_nl ∝ Z^{5+2l}).

Where the package has a closed form of r (n ≤ 4) the law is also read off it exactly
(:func:`large_T_law_exact`): p = 5/2 + l for all ten states and both weights, and

    C_0 = 2π/15 (both weights: c_ns = −16n²/(15π)),   C_1 = 6π/35 (nmm), −13π/210 (ew),
    C_2 = 2π/315 (nmm), 13π/630 (ew),   C_3 = 547π/24948 (nmm), −19π/4455 (ew);

C_l is fixed by the lowest state with that l (:data:`UNIVERSAL_FROM`); the 3p, 4p values then
follow from 2p, the 2s, 3s, 4s values from 1s and 4d from 3d, and each agrees exactly with the
state's own closed form (universality, checked in the tests). C_3 rests on 4f alone. For
l ≥ 1 the weights differ, and 1 − r_ew changes sign for p and f (r_ew → 1 from above).
:func:`fit_large_T_law` and :func:`fitted_law_from_closed_form` confirm p and c by fits.

>>> p = large_T_exponent(2)
>>> p
9/2
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from sumrules.core.numeric import agreement_digits, precision, validate_dps
from sumrules.models.hydrogenic.q_integrals import ratios_from_density
from sumrules.models.hydrogenic.states import check_state, label, momentum_tail

__all__ = [
    "UNIVERSAL_FROM",
    "LargeTFit",
    "LargeTLaw",
    "StateRatioRow",
    "fit_large_T_law",
    "fitted_law_from_closed_form",
    "large_T_coefficient",
    "large_T_exponent",
    "large_T_law_exact",
    "large_T_numerator_series",
    "leading_term",
    "predicted_large_T_coefficient",
    "ratio_table",
    "ratios_from_density",
    "stepping_table",
    "universal_coefficient",
]

#: T/I of the report table
TABLE_T_OVER_I = ("1.001", "1.5", "2", "10", "100")


def large_T_exponent(l: int) -> sp.Rational:
    """p = 5/2 + l (see the module docstring).

    >>> large_T_exponent(0), large_T_exponent(1)
    (5/2, 7/2)
    """
    return sp.Rational(5, 2) + l


def large_T_coefficient(n: int, l: int, C: sp.Expr | None = None) -> sp.Expr:
    """c = −C_l A_nl n^{5+2l} (Z = 1); C defaults to the 1s value 2π/15 (exact for s states
    only if C_l is universal, which the fits test).

    >>> large_T_coefficient(1, 0)
    -16/(15*pi)
    """
    n, l = check_state(n, l)
    c_l = 2 * sp.pi / 15 if C is None else C
    return sp.simplify(-c_l * momentum_tail(n, l) * n ** (5 + 2 * l))


@dataclass(frozen=True)
class LargeTLaw:
    """r − 1 = c (I/T)^p + … for one weight (``which``: "nmm" or "ew") of a state, exact."""

    state: str
    which: str
    exponent: sp.Rational
    coefficient: sp.Expr


@functools.cache
def large_T_law_exact(n: int, l: int, which: str) -> LargeTLaw:
    """(p, c) of r − 1 = c (I/T)^p from the closed form of r(κ) (:data:`.RATIO_FORMS`, n ≤ 4).

    With u = 1/κ and arctan κ = π/2 − arctan u the closed form reads
    r − 1 = [1 − e^{4nu·arctan u} B(1/u²)/(c_B(1 + 1/u²)^{2n})]/(e^{2πnu} − 1): the numerator
    is even in u, so its first term N_{2j}u^{2j} gives r − 1 ≈ N_{2j}u^{2j−1}/(2πn), and
    u = w/√(1 − w²), w = √(I/T), leaves the leading coefficient unchanged: p = j − 1/2.
    The series is exact power-series arithmetic (:func:`large_T_numerator_series`).

    >>> law = large_T_law_exact(2, 1, "ew")
    >>> law.exponent, law.coefficient
    (7/2, 832/(315*pi))
    """
    from sumrules.models.hydrogenic.closed_form_ratios import RATIO_FORMS

    n, l = check_state(n, l)
    if which not in ("nmm", "ew"):
        raise ValueError(f"which must be 'nmm' or 'ew', got {which!r}")
    if (n, l) not in RATIO_FORMS:
        raise ValueError(
            f"no closed form of r for n = {n}, l = {l}: the states with one are "
            f"{tuple(sorted(RATIO_FORMS))}"
        )
    u = sp.Symbol("u", positive=True)
    b = sp.cancel(RATIO_FORMS[(n, l)].b(which).subs(sp.Symbol("y"), 1 / u**2))
    power, coefficient = leading_term(large_T_numerator_series(n, b, u, 2 * l + 12))
    return LargeTLaw(
        label(n, l),
        which,
        sp.Rational(power - 1, 2),
        sp.Rational(coefficient.numerator, coefficient.denominator) / (2 * sp.pi * n),
    )


Series = list[Fraction]


def _series_product(a: Series, b: Series) -> Series:
    order = len(a)
    return [sum((a[i] * b[k - i] for i in range(k + 1)), Fraction(0)) for k in range(order)]


def _series_exp(g: Series) -> Series:
    """exp(g) for g(0) = 0, by e_k = (1/k) Σ_{j=1..k} j g_j e_{k−j} (from E′ = g′E)."""
    e = [Fraction(1)] + [Fraction(0)] * (len(g) - 1)
    for k in range(1, len(g)):
        e[k] = sum((j * g[j] * e[k - j] for j in range(1, k + 1)), Fraction(0)) / k
    return e


def _series_quotient(num: Series, den: Series) -> Series:
    """num/den as a power series (den(0) ≠ 0)."""
    out: Series = []
    for k in range(len(num)):
        out.append(
            (num[k] - sum((den[j] * out[k - j] for j in range(1, k + 1)), Fraction(0))) / den[0]
        )
    return out


def _coefficients(poly: sp.Expr, u: sp.Symbol, order: int) -> Series:
    coeffs = [Fraction(0)] * order
    for (k,), c in sp.Poly(poly, u).terms():
        if k < order:
            c = sp.Rational(c)
            coeffs[k] = Fraction(int(c.p), int(c.q))
    return coeffs


def large_T_numerator_series(n: int, b: sp.Expr, u: sp.Symbol, order: int) -> Series:
    """Taylor coefficients of 1 − e^{4nu·arctan u} b(u) to u^{order−1}, exactly (Fractions).

    b must be a rational function of u regular at u = 0. e^{4nu·arctan u} has rational
    coefficients (arctan u = Σ (−1)ᵏ u^{2k+1}/(2k+1)), so the whole series is rational: exact
    power-series arithmetic, no symbolic series expansion (which :func:`sympy.series` checks).

    >>> u = sp.Symbol("u")
    >>> large_T_numerator_series(1, sp.Integer(1), u, 5)
    [Fraction(0, 1), Fraction(0, 1), Fraction(-4, 1), Fraction(0, 1), Fraction(-20, 3)]
    """
    num, den = sp.fraction(sp.cancel(b))
    den_series = _coefficients(den, u, order)
    if den_series[0] == 0:
        raise ValueError(f"b = {b} is singular at u = 0")
    arctan = [Fraction(0)] * order
    for k in range(0, order, 2):
        if k + 1 < order:
            arctan[k + 1] = Fraction((-1) ** (k // 2), k + 1)
    g = [Fraction(0)] + [4 * n * c for c in arctan[:-1]]  # 4n u·arctan u
    product = _series_product(
        _series_exp(g), _series_quotient(_coefficients(num, u, order), den_series)
    )
    return [(1 if k == 0 else 0) - c for k, c in enumerate(product)]


def leading_term(series: Series) -> tuple[int, Fraction]:
    """(k, c_k) of the first non-zero coefficient; ValueError if all vanish.

    >>> leading_term([Fraction(0), Fraction(0), Fraction(-4)])
    (2, Fraction(-4, 1))
    """
    for k, c in enumerate(series):
        if c:
            return k, c
    raise ValueError("every coefficient of the series vanishes to the order computed")


#: the state whose closed form fixes the universal C_l of each l (the lowest n with that l)
UNIVERSAL_FROM = {0: (1, 0), 1: (2, 1), 2: (3, 2), 3: (4, 3)}


def universal_coefficient(l: int, which: str) -> sp.Expr:
    """C_l = −c/(A_nl n^{5+2l}) of the state :data:`UNIVERSAL_FROM` [l] (exact).

    >>> universal_coefficient(0, "nmm"), universal_coefficient(1, "ew")
    (2*pi/15, -13*pi/210)
    """
    if l not in UNIVERSAL_FROM:
        raise ValueError(
            f"l must be one of {sorted(UNIVERSAL_FROM)} (a closed form fixes C_l), got {l!r}"
        )
    n, _ = UNIVERSAL_FROM[l]
    law = large_T_law_exact(n, l, which)
    return sp.simplify(-law.coefficient / (momentum_tail(n, l) * n ** (5 + 2 * l)))


def predicted_large_T_coefficient(n: int, l: int, which: str) -> sp.Expr | None:
    """c = −C_l A_nl n^{5+2l} with the universal C_l (None for l ≥ 4: no closed form fixes it).

    >>> predicted_large_T_coefficient(3, 1, "nmm")
    -1536/(35*pi)
    """
    n, l = check_state(n, l)
    if l not in UNIVERSAL_FROM:
        return None
    return sp.simplify(-universal_coefficient(l, which) * momentum_tail(n, l) * n ** (5 + 2 * l))


@dataclass(frozen=True)
class StateRatioRow:
    """One (state, T/I) of :func:`ratio_table`; ``digits_closed`` where a closed form exists."""

    state: str
    T_over_I: mpmath.mpf
    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    digits_closed: float | None
    seconds: float


def ratio_table(
    states: Sequence[tuple[int, int]] = ((1, 0), (2, 0), (2, 1)),
    T_over_I: Sequence[object] = TABLE_T_OVER_I,
    *,
    dps: int = 30,
) -> list[StateRatioRow]:
    """r_nmm, r_ew per state and T/I (Z = 1), with the agreement with a closed form.

    >>> rows = ratio_table([(2, 1)], ["2"], dps=12)
    >>> print(mpmath.nstr(rows[0].r_nmm, 10), mpmath.nstr(rows[0].r_ew, 10))
    0.9954801103 1.000127984
    """
    from sumrules.models.hydrogenic.atom import Hydrogenic

    validate_dps(dps)
    rows = []
    for n, l in states:
        atom = Hydrogenic(n, l)
        closed = atom.ratio_routes().get("closed form")
        for x in T_over_I:
            t = atom.energy_at(x, dps=dps)
            start = time.perf_counter()
            r_nmm, r_ew = atom.sum_rule_ratios(t, dps=dps)
            seconds = time.perf_counter() - start
            digits = None
            if closed is not None:
                c_nmm, c_ew = closed(t, dps)
                with precision(dps + 10):
                    digits = min(agreement_digits(r_nmm, c_nmm), agreement_digits(r_ew, c_ew))
            with precision(dps):
                rows.append(
                    StateRatioRow(label(n, l), +t / atom.threshold, r_nmm, r_ew, digits, seconds)
                )
    return rows


@dataclass(frozen=True)
class LargeTFit:
    """1 − r ≈ c (I/T)^p fitted to computed ratios of one state, next to the derived p.

    ``local_exponents[j]``: the slope of log|1 − r_nmm| against log(I/T) between points j and
    j + 1; ``exponent``/``coefficient`` from the last two points; ``exponent_extrapolated``:
    the last two slopes extrapolated linearly in √(I/T) (the leading correction);
    ``C_fitted`` = −c/(A_nl n^{5+2l}) (compare 2π/15 = 0.4189 for s states);
    ``exponent_ew``/``coefficient_ew``: the same last-two-point fit of 1 − r_ew;
    ``at_derived_p``: (r − 1)/(I/T)^p at the last point with the derived p, for (nmm, ew).
    """

    state: str
    T_over_I: tuple[mpmath.mpf, ...]
    deviations_nmm: tuple[mpmath.mpf, ...]
    deviations_ew: tuple[mpmath.mpf, ...]
    local_exponents: tuple[mpmath.mpf, ...]
    exponent: mpmath.mpf
    coefficient: mpmath.mpf
    exponent_extrapolated: mpmath.mpf
    exponent_derived: sp.Rational
    C_fitted: mpmath.mpf
    exponent_ew: mpmath.mpf = mpmath.nan
    coefficient_ew: mpmath.mpf = mpmath.nan
    at_derived_p: tuple[mpmath.mpf, mpmath.mpf] = (mpmath.nan, mpmath.nan)


def fit_large_T_law(
    n: int,
    l: int,
    T_over_I: Sequence[object] = (10**3, 10**4, 10**5),
    *,
    dps: int = 40,
    ratios: Callable[[mpmath.mpf, int], tuple[mpmath.mpf, mpmath.mpf]] | None = None,
) -> LargeTFit:
    """Fit p and c in r − 1 ≈ c (I/T)^p (Z = 1) for r_nmm and r_ew; ``ratios(T, dps)`` may
    replace the model (a negative control).

    >>> fit = fit_large_T_law(1, 0, [10**4, 10**5], dps=30)
    >>> round(float(fit.exponent), 2), fit.exponent_derived
    (2.49, 5/2)
    """
    from sumrules.models.hydrogenic.atom import Hydrogenic

    n, l = check_state(n, l)
    validate_dps(dps)
    if len(T_over_I) < 2:
        raise ValueError("T_over_I must hold at least two values")
    atom = Hydrogenic(n, l)
    compute = ratios or (lambda t, d: atom.sum_rule_ratios(t, dps=d))
    with precision(dps):
        xs = [mpmath.mpmathify(x) for x in T_over_I]
        if any(x <= 1 for x in xs) or xs != sorted(xs):
            raise ValueError("T_over_I must be increasing and > 1")
        pairs = [compute(x * atom.threshold, dps) for x in xs]
        d_nmm = [1 - a for a, _ in pairs]
        d_ew = [1 - b for _, b in pairs]
        if any(d == 0 for d in d_nmm + d_ew):
            raise ValueError("1 - r vanished at this precision: raise dps")
        ys = [1 / x for x in xs]
        slopes = [
            mpmath.log(abs(d_nmm[j + 1] / d_nmm[j])) / mpmath.log(ys[j + 1] / ys[j])
            for j in range(len(xs) - 1)
        ]
        p_fit = slopes[-1]
        c_fit = -d_nmm[-1] / ys[-1] ** p_fit
        p_ew = mpmath.log(abs(d_ew[-1] / d_ew[-2])) / mpmath.log(ys[-1] / ys[-2])
        c_ew = -d_ew[-1] / ys[-1] ** p_ew
        p_ext = p_fit
        if len(slopes) >= 2:
            h1 = mpmath.sqrt(mpmath.sqrt(ys[-2] * ys[-1]))
            h0 = mpmath.sqrt(mpmath.sqrt(ys[-3] * ys[-2]))
            p_ext = (slopes[-1] * h0 - slopes[-2] * h1) / (h0 - h1)
        p_exact = large_T_exponent(l)
        c_exact_p = -d_nmm[-1] / ys[-1] ** mpmath.mpf(sp.N(p_exact, dps))
        tail = mpmath.mpf(sp.N(momentum_tail(n, l) * n ** (5 + 2 * l), dps))
        return LargeTFit(
            state=label(n, l),
            T_over_I=tuple(xs),
            deviations_nmm=tuple(d_nmm),
            deviations_ew=tuple(d_ew),
            local_exponents=tuple(slopes),
            exponent=p_fit,
            coefficient=c_fit,
            exponent_extrapolated=p_ext,
            exponent_derived=p_exact,
            C_fitted=-c_exact_p / tail,
            exponent_ew=p_ew,
            coefficient_ew=c_ew,
            at_derived_p=(c_exact_p, -d_ew[-1] / ys[-1] ** mpmath.mpf(sp.N(p_exact, dps))),
        )


def _local_slopes(ys: list[mpmath.mpf], ds: list[mpmath.mpf]) -> list[mpmath.mpf]:
    return [
        mpmath.log(abs(ds[j + 1] / ds[j])) / mpmath.log(ys[j + 1] / ys[j])
        for j in range(len(ys) - 1)
    ]


def fitted_law_from_closed_form(
    n: int, l: int, which: str, T_over_I: Sequence[int] = (10**7, 10**8, 10**9), *, dps: int = 60
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(p, c) fitted to r − 1 of the closed form r(κ) (n ≤ 4) at three large T/I, without the
    derivation: p from the two local slopes of log|r − 1| extrapolated linearly in √(I/T) (the
    next order), c = (r − 1)/(I/T)^p at the last two points with that p, extrapolated the same
    way.

    >>> p, c = fitted_law_from_closed_form(2, 1, "ew")
    >>> round(float(p), 5), round(float(c), 4)
    (3.5, 0.8407)
    """
    from sumrules.models.hydrogenic.closed_form_ratios import exact_sum_rule_ratios

    n, l = check_state(n, l)
    index = {"nmm": 0, "ew": 1}.get(which)
    if index is None:
        raise ValueError(f"which must be 'nmm' or 'ew', got {which!r}")
    if len(T_over_I) != 3:
        raise ValueError(f"T_over_I must hold three values, got {T_over_I!r}")
    with precision(dps):
        xs = [mpmath.mpf(x) for x in T_over_I]
        ion = mpmath.mpf(1) / (2 * n * n)
        ds = [exact_sum_rule_ratios(n, l, x * ion, dps=dps)[index] - 1 for x in xs]
        ys = [1 / x for x in xs]
        slopes = _local_slopes(ys, ds)
        h = [mpmath.sqrt(mpmath.sqrt(ys[j] * ys[j + 1])) for j in range(2)]
        p = (slopes[1] * h[0] - slopes[0] * h[1]) / (h[0] - h[1])
        cs = [ds[j] / ys[j] ** p for j in (1, 2)]
        r = [mpmath.sqrt(ys[j]) for j in (1, 2)]
        c = (cs[1] * r[0] - cs[0] * r[1]) / (r[0] - r[1])
        return +p, +c


def stepping_table(
    states: Sequence[tuple[int, int]] = ((1, 0), (2, 0), (2, 1), (3, 2)),
    T_over_I: Sequence[object] = ("1.001", "1.5", "2", "10", "100"),
    *,
    dps: int = 20,
) -> list[dict[str, object]]:
    """The error of the stepping approximation (free cross section above I, zero below) per
    state: r − 1 for both weights, one row per T/I, one column pair per state.

    >>> rows = stepping_table([(1, 0)], ["2"], dps=15)
    >>> print(mpmath.nstr(rows[0]["1s nmm"], 6))
    -0.0125607
    """
    from sumrules.models.hydrogenic.atom import Hydrogenic

    validate_dps(dps)
    atoms = [Hydrogenic(n, l) for n, l in states]
    rows: list[dict[str, object]] = []
    for x in T_over_I:
        row: dict[str, object] = {"T/I": x}
        for atom in atoms:
            r_nmm, r_ew = atom.sum_rule_ratios(atom.energy_at(x, dps=dps), dps=dps)
            with precision(dps):
                row[f"{atom.label} nmm"] = r_nmm - 1
                row[f"{atom.label} ew"] = r_ew - 1
        rows.append(row)
    return rows
