"""The large-T law of the hydrogen ratios: r − 1 = −(16/15π) y^{5/2} + (16/15) y³ + …, y = I/T.

Pins the closed form derived with sympy (``derive_exact_ratio``), its series
(``large_T_series``, whose remainder falls like the first omitted power), the leading law, the
closed form following the law at any Z, and ``fit_large_T_law``: defaults, fields against an
independent log-log fit, the input errors, and a wrong model fitted as another power.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
import sympy
import sympy as sp
from modelrefs import ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

# r − 1 = C5 y^{5/2} + C6 y³ + C7 y^{7/2} + …, y = I/T: the expansion of the closed form
# (module docstring; checks.large_T_series(9) gives the same three coefficients).
with mpmath.workdps(120):  # stored at 120 digits (mpf values keep their precision)
    C5 = -mpmath.mpf(16) / 15 / mpmath.pi
    C6 = mpmath.mpf(16) / 15
    C7 = -(16 * mpmath.pi / 45 + mpmath.mpf(248) / 63 / mpmath.pi)
    # residual = (r − 1)/(C5 y^{5/2}) − 1 = −π √y + R2 y + …, R2 = C7/C5 = π²/3 + 465/126
    R2 = mpmath.pi**2 / 3 + mpmath.mpf(465) / 126


def _closed_form(x: object, dps: int) -> mpmath.mpf:
    """r(T/I = x), the closed form of the module docstring, written out here at ``dps`` digits."""
    with mpmath.workdps(dps):
        return ridge_share(mpmath.sqrt(mpmath.mpf(x) - 1))


def _closed_ratios(T: object, *, Z: object, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    """A fast ``ratios`` hook for fit_large_T_law: the package's closed form (r_nmm = r_ew)."""
    r = h.exact_sum_rule_ratio(T, Z=Z, dps=dps)
    return r, r


def test_symbolic_derivation_of_the_closed_form() -> None:
    d = hc.derive_exact_ratio()
    assert d.jacobian_ok and d.identical and d.matches_compact
    with mpmath.workdps(30):
        value = sympy.N(d.r_nmm.subs(d.kappa, sympy.Rational(3, 7)), 25)
        T = (1 + mpmath.mpf(3) ** 2 / 7**2) / 2
        assert agreement_digits(mpmath.mpf(str(value)), h.sum_rule_ratios(T, dps=25)[0]) > 23


def test_large_T_law() -> None:
    w, s = hc.large_T_series(9)
    p, c, nxt = h.large_T_leading_law()
    assert s.coeff(w, 5) == c and s.coeff(w, 6) == nxt and p == sympy.Rational(5, 2)
    assert s.coeff(w, 7) == -(
        sympy.Rational(16, 45) * sympy.pi + sympy.Rational(248, 63) / sympy.pi
    )
    law = h.fit_large_T_law([10**5, 10**6, 10**7], dps=40)
    assert abs(law.exponent - 2.5) < 1e-3
    assert abs(law.exponent_extrapolated - 2.5) < 1e-4
    assert abs(law.coefficient / float(c) - 1) < 2e-2
    for x, res in zip(law.T_over_I, law.residuals, strict=True):
        # next order: −π√y + (π² + … ) y; |coefficient of y| < 10
        assert abs(res + math.pi / math.sqrt(float(x))) < 10 / float(x)


def _remainder_scales(w: sympy.Symbol, series: sympy.Expr, power: int) -> bool:
    """(r − 1 − series)/w^power is the same number at w = 1/200 and 1/2000 (within 5 %), with
    r from the closed form ``exact_sum_rule_ratio`` at T = I/w² (Z = 1, I = 1/2)."""
    f = sympy.lambdify(w, series, "mpmath")
    rho = []
    with mpmath.workdps(50):
        for n in (200, 2000):
            x = mpmath.mpf(1) / n
            r = h.exact_sum_rule_ratio(n * n / 2, dps=45)
            rho.append((r - 1 - f(x)) / x**power)
        return rho[0] != 0 and abs(rho[1] / rho[0] - 1) < 0.05


def test_large_T_series_order_6_is_the_leading_law() -> None:
    """order = 6 (the smallest allowed) gives c w⁵ alone; r − 1 − c w⁵ = O(w⁶); the symbol
    is the documented w (positive: w = √(I/T))."""
    w, s = hc.large_T_series(6)
    w_doc = sympy.Symbol("w", positive=True)
    assert w == w_doc and sympy.Poly(s, w).monoms() == [(5,)]
    assert _remainder_scales(w, s, 6)
    assert not _remainder_scales(w, s, 5)  # negative control: the remainder is not O(w⁵)
    assert not _remainder_scales(w, s + w**5 / 100, 6)  # nor with c₅ off by 0.01
    with pytest.raises(ValueError, match=r"^order must be an integer >= 6, got 5$"):
        hc.large_T_series(5)


def test_large_T_series_default_order_9() -> None:
    """The default series runs through w⁸ (order 9): the closed form minus it is O(w⁹)."""
    w, s = hc.large_T_series()
    assert sympy.Poly(s, w).degree() == 8 and all(s.coeff(w, j) == 0 for j in range(5))
    assert _remainder_scales(w, s, 9)
    assert not _remainder_scales(w, s - s.coeff(w, 8) * w**8, 9)  # negative control


@pytest.mark.parametrize("Z", [1, Fraction(1, 10**10), 1000])
def test_closed_form_follows_the_large_T_law_for_any_Z(Z: int | Fraction) -> None:
    """r − 1 = C5 y^{5/2} + C6 y³ + C7 y^{7/2} + O(y⁴) (y = I/T), to dps digits, for any Z.

    At large κ = √(T/I − 1) numerator and denominator both vanish like 2π/κ: the extra
    working digits must grow with log10 κ, and r depends on T/I only (Z scaling).
    """
    for x, dps in ((10**16, 60), (10**40, 30)):
        T = Fraction(x) * Fraction(Z) ** 2 / 2
        r = h.exact_sum_rule_ratio(T, Z=Z, dps=dps)
        with mpmath.workdps(dps + 20):
            y = 1 / mpmath.mpf(x)
            law = C5 * y**2.5 + C6 * y**3 + C7 * y**3.5  # dropped: O(y⁴) < 10^{-dps-3}
            tol = mpmath.mpf(10) ** (1 - dps)
            assert abs(r - 1 - law) < tol
            # negative controls: the law without its y³ term, or the closed form evaluated
            # naively at dps + 10 digits (no extra digits for κ), fail the same check
            if x == 10**16:
                assert abs(r - 1 - C5 * y**2.5 - C7 * y**3.5) > tol
        naive = _closed_form(x, dps + 10)
        with mpmath.workdps(dps + 20):
            if x == 10**40:
                assert abs(naive - 1 - law) > tol


def test_closed_form_at_small_Z_is_the_Z1_value() -> None:
    """Z scaling r(T, Z) = r(T/Z², 1) at Z = 1/2, where 2T < 1 (k = √(2T − Z²) still real)."""
    r = h.exact_sum_rule_ratio("0.3", Z="0.5", dps=30)  # T/I = 0.3/0.125 = 2.4
    assert agreement_digits(r, _closed_form("2.4", 60)) >= 29
    assert agreement_digits(r, _closed_form("2.5", 60)) < 5  # negative control


# --- the fit -------------------------------------------------------------------------------------


def test_large_T_fit_negative_control() -> None:
    """A model whose deviation falls like (I/T)^2 is not fitted as 5/2."""

    def wrong(T: object, *, Z: object, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
        r = 1 - mpmath.mpf(Z) ** 4 / (4 * mpmath.mpf(T) ** 2)
        return r, r

    law = h.fit_large_T_law([10**5, 10**6], dps=30, ratios=wrong)
    assert abs(law.exponent - 2) < 1e-9 and abs(law.exponent - law.exponent_exact) > 0.4


def test_fit_defaults_are_hydrogen_at_50_digits() -> None:
    """By default the ratios are asked for at Z = 1, dps = 50 and T = (T/I)·I = (T/I)/2."""
    calls: list[tuple[object, object, int]] = []

    def recording(T: object, *, Z: object, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
        calls.append((T, Z, dps))
        return _closed_ratios(T, Z=Z, dps=dps)

    h.fit_large_T_law([10**4, 10**5], ratios=recording)
    assert [(float(T), float(Z), dps) for T, Z, dps in calls] == [(5e3, 1, 50), (5e4, 1, 50)]
    # negative control: an explicit Z = 2 is passed on (T = (T/I)·Z²/2)
    calls.clear()
    h.fit_large_T_law([10**4, 10**5], Z=2, dps=30, ratios=recording)
    assert [(float(T), float(Z), dps) for T, Z, dps in calls] == [(2e4, 2, 30), (2e5, 2, 30)]


def test_fit_fields_against_an_independent_log_log_fit() -> None:
    """Every LargeTLaw field against slopes of log|r − 1| computed here from the closed form.

    Z = 2 (T = (T/I)·Z²/2 must scale with Z²); the local exponents are the two-point
    least-squares slopes; Richardson in √y leaves |p_ext − 5/2| = O(y); the residuals follow
    −π√y + R2·y; c_exact = −16/(15π).
    """
    xs = [10**4, 10**5, 10**6, 10**7]
    dps = 40
    law = h.fit_large_T_law(xs, Z=2, dps=dps, ratios=_closed_ratios)
    assert law.exponent_exact == sp.Rational(5, 2)
    assert law.coefficient_exact == -sp.Rational(16, 15) / sp.pi
    with mpmath.workdps(dps + 30):
        ys = [1 / mpmath.mpf(x) for x in xs]
        devs = [_closed_form(x, dps + 30) - 1 for x in xs]
        assert law.T_over_I == tuple(xs)
        assert len(law.deviations) == len(xs)
        for got, want in zip(law.deviations, devs, strict=True):
            assert abs(got - want) < mpmath.mpf(10) ** (1 - dps)  # r to dps digits
        slopes = [
            mpmath.log(devs[j + 1] / devs[j]) / mpmath.log(ys[j + 1] / ys[j])
            for j in range(len(xs) - 1)
        ]
        tol = mpmath.mpf(10) ** (2 - dps) / abs(devs[-1])  # relative error of r − 1
        assert len(law.local_exponents) == len(slopes)
        for got, want in zip(law.local_exponents, slopes, strict=True):
            assert abs(got - want) < tol
        assert abs(law.exponent - slopes[-1]) < tol
        c_fit = devs[-1] / ys[-1] ** slopes[-1]
        assert abs(law.coefficient / c_fit - 1) < tol * 20
        # Richardson: the last slope is off by ~π√y, the extrapolation only by O(y)
        assert abs(law.exponent_extrapolated - 2.5) < 10 * ys[-2]
        assert abs(slopes[1] - 2.5) > 10 * ys[-2]  # negative control: an unextrapolated slope
        for res, d, y in zip(law.residuals, law.deviations, ys, strict=True):
            assert abs(res - (d / (C5 * y**2.5) - 1)) < mpmath.mpf(10) ** (2 - dps)
            assert abs((res + mpmath.pi * mpmath.sqrt(y)) / y - R2) < 20 * mpmath.sqrt(y)
            assert abs(res / y - R2) > 1  # negative control: without −π√y it fails
        # negative control: C5 to 15 digits only spoils the residuals at the dps-2 level
        c15 = mpmath.mpf(mpmath.nstr(C5, 15))
        assert abs(law.residuals[-1] - (law.deviations[-1] / (c15 * ys[-1] ** 2.5) - 1)) > (
            mpmath.mpf(10) ** (2 - dps)
        )


def test_fit_with_two_points_has_no_extrapolation() -> None:
    """With two values there is one slope: exponent_extrapolated is that slope."""
    law = h.fit_large_T_law([10**5, 10**6], dps=30, ratios=_closed_ratios)
    assert len(law.local_exponents) == 1
    assert law.exponent_extrapolated == law.exponent == law.local_exponents[0]
    assert abs(law.exponent - 2.5) < 1e-2 and law.exponent != 2.5  # not the exact 5/2


def test_fit_accepts_values_just_above_threshold() -> None:
    """T/I = 1.5 is a valid input (only T/I ≤ 1 is refused); r − 1 < 0 there."""
    law = h.fit_large_T_law(["1.5", 3], dps=30, ratios=_closed_ratios)
    with mpmath.workdps(60):
        assert abs(law.deviations[0] - (_closed_form("1.5", 60) - 1)) < 1e-29
        assert law.deviations[0] < 0 and law.deviations[1] < 0


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ([10**4], "^T_over_I_values must hold at least two values$"),
        ([10**4, "abc"], "^T_over_I_values must be a finite real number, got 'abc'$"),
        ([1, 10], "^T_over_I_values must be increasing and > 1$"),
        ([10, 5], "^T_over_I_values must be increasing and > 1$"),
    ],
)
def test_fit_input_errors_name_the_argument(values: list[object], match: str) -> None:
    """The documented messages, naming T_over_I_values (T/I = 1 is refused before any T)."""
    with pytest.raises(ValueError, match=match):
        h.fit_large_T_law(values, dps=15)


def test_fit_refuses_a_vanished_deviation() -> None:
    """At T/I = 1e40 and 15 digits r rounds to 1 (|r − 1| ≈ 3e−101): a clear error, not 0/0."""
    with pytest.raises(ValueError, match=r"^r - 1 vanished at this precision: raise dps$"):
        h.fit_large_T_law([10**39, 10**40], dps=15, ratios=_closed_ratios)
    # negative control: at T/I = 1e4 the deviation (≈ 3e−11) is resolved at 15 digits
    assert h.fit_large_T_law([10**3, 10**4], dps=15, ratios=_closed_ratios).deviations[1] < 0
