"""Sum-rule ratios r_nmm, r_ew of hydrogen-like nl from the closed forms of S_nl.

Per electron, at fixed T above the threshold I = Z²/(2n²) (Eqs. 12 and 15 of the paper):

    r_nmm(T) = T ∫_0^∞ S dQ²/Q² = 2t ∫_0^∞ F(u) du/u,     r_ew(T) = (1/2) ∫_0^∞ S dQ² = ∫_0^∞ F(u) u du,

with S = λ⁻² F(q/λ) (:mod:`sumrules.models.hydrogenic.closed_forms`), λ = Z/n, t = T/λ² =
(1 + κ²)/2, κ = √(T/I − 1). Both depend on κ only (no separate Z dependence).

*Closed form* (the Möbius substitution of the 1s case, :func:`derive_exact_ratios`). In
x = u², S = c x P(x) (x − α)^μ (x − β)^{−2o−μ}/(1 − e^{−2πν}), α = (κ − i)², β = (κ + i)²,
μ = iν − o, o = 2n + 1, ν = n/κ; t = (x − α)/(x − β) runs over the unit-circle arc
e^{iψ}, ψ: 4 atan κ → 0, and ∫ x^m (x − α)^μ (x − β)^{−2o−μ} dx = (α − β)^{1−2o} ∫ t^μ
(α − βt)^m (1 − t)^{2o−2−m} dt, a sum of ∫ t^{μ+j} dt = (1 − E w₀^{j+1−o})/(μ + j + 1) with
E = e^{−(4n/κ) atan κ}, w₀ = ((1 + iκ)/(1 − iκ))². For every state of the table the result is

    r = [1 − E B(κ²)/(c_B (1 + κ²)^{2n})] / (1 − e^{−2πn/κ}),

with the integer polynomials B of :data:`RATIO_FORMS`. For 1s, r_nmm = r_ew (the form of
:func:`sumrules.models.hydrogenic.ground.exact_sum_rule_ratio`); for n ≥ 2 they differ.

>>> r_nmm, r_ew = exact_sum_rule_ratios(2, 0, "0.25", dps=20)  # 2s at T/I = 2
>>> print(mpmath.nstr(r_nmm, 15), mpmath.nstr(r_ew, 15))
0.986184362947861 0.992160200529118
>>> q_nmm, q_ew = sum_rule_ratios_closed(2, 0, "0.25", dps=20)
>>> print(mpmath.nstr(q_nmm, 15), mpmath.nstr(q_ew, 15))
0.986184362947861 0.992160200529118
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.numeric import memoized, precision, validate_dps
from sumrules.models.hydrogenic.closed_forms import (
    ReducedState,
    closed_form,
    density_adaptive,
    reduced_state,
    validate_state,
)
from sumrules.models.hydrogenic.ground import GUARD_DIGITS, real_number, ridge_points

__all__ = [
    "RATIO_FORMS",
    "ExactRatios",
    "RatioForm",
    "StateRatioRow",
    "derive_exact_ratios",
    "exact_sum_rule_ratios",
    "ratio_expression",
    "state_ratio_table",
    "sum_rule_ratios_closed",
]

_Y = sp.Symbol("y")


@dataclass(frozen=True)
class RatioForm:
    """r = [1 − E B(κ²)/(c (1 + κ²)^{2n})]/(1 − e^{−2πn/κ}), E = e^{−(4n/κ) atan κ}.

    ``nmm``/``ew``: B as a text in y = κ²; ``nmm_den``/``ew_den``: the integer c.
    """

    n: int
    l: int
    nmm: str
    nmm_den: int
    ew: str
    ew_den: int

    def b(self, which: str) -> sp.Expr:
        """B(y)/(c (1 + y)^{2n}) for ``which`` in ("nmm", "ew") as a sympy expression in y."""
        text, den = (self.nmm, self.nmm_den) if which == "nmm" else (self.ew, self.ew_den)
        return sp.sympify(text, locals={"y": _Y}) / (den * (1 + _Y) ** (2 * self.n))


#: The derived closed forms of the ratios (re-derived by :func:`derive_exact_ratios` in the tests).
RATIO_FORMS: dict[tuple[int, int], RatioForm] = {
    (1, 0): RatioForm(
        1,
        0,
        "3*y**2 - 6*y + 7",
        3,
        "3*y**2 - 6*y + 7",
        3,
    ),
    (2, 0): RatioForm(
        2,
        0,
        "15*y**4 - 60*y**3 + 130*y**2 + 52*y + 1639",
        15,
        "15*y**4 - 60*y**3 + 130*y**2 + 52*y + 871",
        15,
    ),
    (2, 1): RatioForm(
        2,
        1,
        "45*y**4 - 180*y**3 + 390*y**2 - 612*y + 2101",
        45,
        "15*y**4 - 60*y**3 + 130*y**2 - 204*y + 103",
        15,
    ),
    (3, 0): RatioForm(
        3,
        0,
        "35*y**6 - 210*y**5 + 665*y**4 + 532*y**3 + 36965*y**2 + 132574*y + 173055",
        35,
        "35*y**6 - 210*y**5 + 665*y**4 + 532*y**3 + 20837*y**2 + 56286*y + 67839",
        35,
    ),
    (3, 1): RatioForm(
        3,
        1,
        "35*y**6 - 210*y**5 + 665*y**4 - 1484*y**3 + 11845*y**2 + 54078*y + 101279",
        35,
        "105*y**6 - 630*y**5 + 1995*y**4 - 4452*y**3 - 2097*y**2 - 15430*y + 45021",
        105,
    ),
    (3, 2): RatioForm(
        3,
        2,
        "175*y**6 - 1050*y**5 + 3325*y**4 - 7420*y**3 + 13145*y**2 - 18378*y + 124443",
        175,
        "175*y**6 - 1050*y**5 + 3325*y**4 - 7420*y**3 + 13145*y**2 - 15306*y + 4635",
        175,
    ),
    (4, 0): RatioForm(
        4,
        0,
        "945*y**8 - 7560*y**7 + 31500*y**6 + 37800*y**5 + 4611990*y**4 + 42137352*y**3 + 175870700*y**2 + 318532440*y + 216950593",
        945,
        "945*y**8 - 7560*y**7 + 31500*y**6 + 37800*y**5 + 2676630*y**4 + 18618120*y**3 + 67281644*y**2 + 108530520*y + 69771073",
        945,
    ),
    (4, 1): RatioForm(
        4,
        1,
        "1575*y**8 - 12600*y**7 + 52500*y**6 - 152040*y**5 + 2187770*y**4 + 26954680*y**3 + 147323444*y**2 + 312986344*y + 243098647",
        1575,
        "315*y**8 - 2520*y**7 + 10500*y**6 - 30408*y**5 - 64206*y**4 - 695720*y**3 + 596900*y**2 + 5110728*y + 6984299",
        315,
    ),
    (4, 2): RatioForm(
        4,
        2,
        "4725*y**8 - 37800*y**7 + 157500*y**6 - 456120*y**5 + 1033710*y**4 - 1563864*y**3 + 54980252*y**2 + 229449912*y + 285838405",
        4725,
        "4725*y**8 - 37800*y**7 + 157500*y**6 - 456120*y**5 + 1033710*y**4 - 679128*y**3 - 2822500*y**2 - 16408392*y + 10783813",
        4725,
    ),
    (4, 3): RatioForm(
        4,
        3,
        "33075*y**8 - 264600*y**7 + 1102500*y**6 - 3192840*y**5 + 7235970*y**4 - 13699560*y**3 + 28018244*y**2 + 20833544*y + 385865187",
        33075,
        "6615*y**8 - 52920*y**7 + 220500*y**6 - 638568*y**5 + 1447194*y**4 - 2739912*y**3 + 4306036*y**2 - 1456280*y + 4074183",
        6615,
    ),
}


def ratio_expression(n: int, l: int, which: str) -> tuple[sp.Expr, sp.Symbol]:
    """(r(κ), κ) for ``which`` in ("nmm", "ew") as a sympy expression.

    >>> r, kappa = ratio_expression(1, 0, "nmm")
    >>> print(f"{float(r.subs(kappa, 1)):.12f}")
    0.987439347010
    """
    if which not in ("nmm", "ew"):
        raise ValueError(f"which must be 'nmm' or 'ew', got {which!r}")
    form = RATIO_FORMS[validate_state(n, l)]
    kappa = sp.Symbol("kappa", positive=True)
    e = sp.exp(-4 * n * sp.atan(kappa) / kappa)
    b = form.b(which).subs(_Y, kappa**2)
    return (1 - e * b) / (1 - sp.exp(-2 * sp.pi * n / kappa)), kappa


# --------------------------------------------------------------------------------------------
# the Möbius derivation


@dataclass(frozen=True)
class ExactRatios:
    """r = A + E·B (before the Sommerfeld division) for r_nmm and r_ew, as found by sympy."""

    n: int
    l: int
    a_nmm: sp.Expr
    b_nmm: sp.Expr
    a_ew: sp.Expr
    b_ew: sp.Expr

    def matches_table(self) -> bool:
        """A = 1 and E·B equals the stored −B/(c (1 + κ²)^{2n}) of :data:`RATIO_FORMS`."""
        form = RATIO_FORMS[(self.n, self.l)]
        kappa = sp.Symbol("kappa")
        ok = True
        for a, b, which in ((self.a_nmm, self.b_nmm, "nmm"), (self.a_ew, self.b_ew, "ew")):
            stored = form.b(which).subs(_Y, kappa**2)
            ok = ok and sp.cancel(a - 1) == 0 and sp.cancel(b + stored) == 0
        return ok

    @property
    def identical(self) -> bool:
        """r_nmm ≡ r_ew as functions of κ."""
        return bool(
            sp.cancel(self.b_nmm - self.b_ew) == 0 and sp.cancel(self.a_nmm - self.a_ew) == 0
        )


def _moment_parts(n: int, o: int, m: int) -> tuple[Any, Any]:
    """(A_m, B_m): ∫_0^∞ x^m (x − α)^μ (x − β)^{−2o−μ} dx = A_m + E B_m (rational in κ over ℚ(i))."""
    field, kap = sp.field("kappa", sp.QQ_I)
    i = field(sp.QQ_I(0, 1))
    alpha, beta = (kap - i) ** 2, (kap + i) ** 2
    w0 = ((1 + i * kap) / (1 - i * kap)) ** 2
    _, t = sp.ring("t", field)
    a_part, b_part = field(0), field(0)
    for (j,), co in ((alpha - beta * t) ** m * (1 - t) ** (2 * o - 2 - m)).terms():
        s = (i * n + (j + 1 - o) * kap) / kap  # μ + j + 1 = iν − o + j + 1
        a_part += co / s
        b_part -= co * w0 ** (j + 1 - o) / s  # t₀^s = E w₀^{j+1−o} on the arc ψ₀ = 4 atan κ
    pre = (alpha - beta) ** (1 - 2 * o)
    return a_part * pre, b_part * pre


@functools.cache
def derive_exact_ratios(n: int, l: int) -> ExactRatios:
    """Derive r_nmm and r_ew in closed form by the Möbius substitution (cached; seconds).

    >>> d = derive_exact_ratios(1, 0)
    >>> d.identical, d.matches_table(), d.a_nmm
    (True, True, 1)
    """
    form = closed_form(n, l)
    field, kap = sp.field("kappa", sp.QQ_I)
    poly = sp.Poly(sp.sympify(form.polynomial, locals={"x": sp.Symbol("x"), "y": _Y}))
    coeffs: dict[int, Any] = {}
    for (i, j), co in sp.Poly(poly, sp.Symbol("x"), _Y).terms():
        coeffs[i] = coeffs.get(i, field(0)) + int(co) * kap ** (2 * j)
    moments = {m: _moment_parts(n, form.order, m) for m in range(max(coeffs) + 2)}
    c = field(sp.QQ_I(form.prefactor.numerator)) / form.prefactor.denominator
    out = []
    for shift, factor in ((0, (1 + kap**2) / 2 * c), (1, c / 2)):
        a = sum((coeffs[m] * moments[m + shift][0] for m in coeffs), field(0)) * factor
        b = sum((coeffs[m] * moments[m + shift][1] for m in coeffs), field(0)) * factor
        out += [sp.factor(a.as_expr()), sp.factor(b.as_expr())]
    return ExactRatios(n, l, *out)


# --------------------------------------------------------------------------------------------
# numbers


def exact_sum_rule_ratios(
    n: int, l: int, T: object, *, Z: object = 1, dps: int = 30
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) at T (hartree) from the closed forms of :data:`RATIO_FORMS`.

    >>> r = exact_sum_rule_ratios(1, 0, 1, dps=20)
    >>> print(mpmath.nstr(r[0], 15), r[0] == r[1])
    0.987439347010319 True
    """
    validate_dps(dps)
    n, l = validate_state(n, l)
    with precision(dps + GUARD_DIGITS):
        kappa = reduced_state(n, l, T, Z).kappa
        extra = int(max(0, float(mpmath.log10(kappa)))) + 2  # 1 − E B and 1 − e^{−2πν} → 0
    out = []
    with precision(dps + GUARD_DIGITS + extra):
        kappa = reduced_state(n, l, T, Z).kappa
        y = kappa * kappa
        e = mpmath.exp(-4 * n * mpmath.atan(kappa) / kappa)
        for which in ("nmm", "ew"):
            value = 1 - e * _eval(n, l, which, y)
            out.append(value / -mpmath.expm1(-2 * mpmath.pi * n / kappa))
    with precision(dps):
        return +out[0], +out[1]


@functools.cache
def _b_coefficients(n: int, l: int, which: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Integer coefficients (highest power first) of the numerator and the denominator of
    B/(c (1 + y)^{2n}) (cached: the sympy text is read once per state and weight)."""
    num, den = sp.fraction(sp.together(RATIO_FORMS[(n, l)].b(which)))
    return (
        tuple(int(c) for c in sp.Poly(num, _Y).all_coeffs()),
        tuple(int(c) for c in sp.Poly(den, _Y).all_coeffs()),
    )


def _eval(n: int, l: int, which: str, y: mpmath.mpf) -> mpmath.mpf:
    num, den = _b_coefficients(n, l, which)
    return mpmath.polyval(list(num), y) / mpmath.polyval(list(den), y)


def _quadrature_points(st: ReducedState) -> list[mpmath.mpf]:
    return ridge_points(st.kappa, mpmath.mpf(1))


@memoized
def sum_rule_ratios_closed(
    n: int, l: int, T: object, *, Z: object = 1, dps: int = 30
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) at T by tanh-sinh quadrature of the closed form S_nl, split at the ridge.

    In u = q/λ: r_nmm = ∫ 2t F/u du, r_ew = ∫ F u du, split at u = κ (and κ ± 1, κ ± 4, …
    for κ > 5; :func:`sumrules.models.hydrogenic.ground.ridge_points`), at dps + 10 digits; a
    node where the polynomial's sum loses more than 5 of them is recomputed with more
    (:func:`sumrules.models.hydrogenic.closed_forms.density_adaptive`).
    """
    validate_dps(dps)
    validate_state(n, l)
    wp = dps + GUARD_DIGITS
    with precision(wp):
        st = reduced_state(n, l, T, Z)
        two_t = 1 + st.kappa**2
        memo: dict[mpmath.mpf, mpmath.mpf] = {}
        too_much = mpmath.mpf(10) ** (GUARD_DIGITS // 2)  # cancellation_digits(cond) > G // 2

        def f(u: mpmath.mpf) -> mpmath.mpf:
            v = memo.get(u)
            if v is None:
                v, cond = st.density(u)
                if cond >= too_much:  # it would cost more than GUARD_DIGITS // 2: redo
                    v = density_adaptive(n, l, T, u * st.lam, Z, wp) * st.lam**2
                memo[u] = v
            return v

        pts = _quadrature_points(st)
        r_nmm = mpmath.quad(lambda u: two_t * f(u) / u if u else u, pts)
        r_ew = mpmath.quad(lambda u: f(u) * u, pts)
    with precision(dps):
        return +r_nmm, +r_ew


@dataclass(frozen=True)
class StateRatioRow:
    """One row of :func:`state_ratio_table`: quadrature and closed form at T/I."""

    n: int
    l: int
    T_over_I: mpmath.mpf
    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    exact_nmm: mpmath.mpf
    exact_ew: mpmath.mpf


def state_ratio_table(
    n: int,
    l: int,
    T_over_I_values: Sequence[object] = ("1.001", "1.5", 2, 10, 100),
    *,
    dps: int = 30,
) -> list[StateRatioRow]:
    """r_nmm, r_ew of (n, l) at each T/I (Z = 1, T = (T/I)/(2n²)), quadrature and closed form.

    >>> row = state_ratio_table(2, 1, [2], dps=15)[0]
    >>> print(mpmath.nstr(row.r_nmm, 12), mpmath.nstr(row.exact_nmm, 12))
    0.995480110296 0.995480110296
    """
    validate_dps(dps)
    n, l = validate_state(n, l)
    rows = []
    for x in T_over_I_values:
        with precision(dps + GUARD_DIGITS):
            ratio = real_number(x, "T_over_I")
            if ratio <= 1:
                raise ValueError(f"T_over_I must exceed 1, got {x!r}")
            t = ratio / (2 * n * n)
        q_nmm, q_ew = sum_rule_ratios_closed(n, l, t, dps=dps)
        e_nmm, e_ew = exact_sum_rule_ratios(n, l, t, dps=dps)
        with precision(dps):
            rows.append(StateRatioRow(n, l, +ratio, q_nmm, q_ew, e_nmm, e_ew))
    return rows
