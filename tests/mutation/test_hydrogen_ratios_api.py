"""Mutation-killing tests for the hydrogen sum-rule ratios and their large-T fit.

Covers :func:`sumrules.models.hydrogen.sum_rule_ratios` (also ``certified=True``),
:func:`~sumrules.models.hydrogen.exact_sum_rule_ratio`,
:func:`~sumrules.models.hydrogen.sum_rule_ratios_detailed`,
:func:`~sumrules.models.hydrogen.fit_large_T_law` and
:func:`~sumrules.models.hydrogen.continuum_density`: documented defaults and fields, the
documented input errors (naming the argument), the accuracy promised at ``dps`` digits against
independent high-precision references (the docs/models.md density, the closed form written out
here, the asymptotic law r − 1 = −(16/15π) y^{5/2} + (16/15) y³ + …, y = I/T), and the
large-T fit against an independent log-log slope computation and the analytic expansion.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from modelrefs import assert_default, ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import ground as h

# r − 1 = C5 y^{5/2} + C6 y³ + C7 y^{7/2} + …, y = I/T: the expansion of the closed form
# (module docstring; hydrogen_checks.large_T_series(9) gives the same three coefficients).
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


# --- defaults ---------------------------------------------------------------------------------


def test_default_precision_is_30_digits() -> None:
    """continuum_density, sum_rule_ratios and exact_sum_rule_ratio default to dps = 30."""
    assert_default(h.continuum_density, "dps", 30, 31, 1, "0.7")
    assert_default(h.sum_rule_ratios, "dps", 30, 31, "0.75")
    assert_default(h.exact_sum_rule_ratio, "dps", 30, 31, "0.75")


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


# --- continuum_density ------------------------------------------------------------------------


def test_density_on_the_bethe_ridge_at_huge_k_keeps_dps_digits() -> None:
    """S at q ≈ k = 2⁶⁰ + 1 (inputs exact in binary, so any loss is the code's own).

    The docstring of Continuum.density promises q² − k² formed as (q − k)(q + k): a
    q*q − k*k loses ~log10(k²) digits of the 10 guard digits and more.
    """
    k = 2**60 + 1
    T = (k * k + 1) // 2  # T = (1 + k²)/2, an exact integer
    q = Fraction(k + 1) + Fraction(1, 2**20)  # on the ridge, 81 bits: exact at dps + 10
    dps = 30
    value = h.continuum_density(T, q, dps=dps)
    with mpmath.workdps(120):  # docs/models.md formula, Z = 1, far more digits
        K, Q = mpmath.mpf(k), mpmath.mpf(q.numerator) / q.denominator
        ref = (
            2**8 * Q**2 * (Q**2 + (1 + K**2) / 3)
            * mpmath.exp(-(2 / K) * mpmath.atan2(2 * K, (Q - K) * (Q + K) + 1))
            / (((Q + K) ** 2 + 1) ** 3 * ((Q - K) ** 2 + 1) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / K)))
        )  # fmt: skip
        assert agreement_digits(value, ref) >= dps - 1
        # negative control: q² − k² by subtraction at the working precision loses digits
        with mpmath.workdps(dps + 10):
            Qw, Kw = mpmath.mpf(Q), mpmath.mpf(K)
            a_bad = Qw * Qw - Kw * Kw + 1
        bad = (
            2**8 * Q**2 * (Q**2 + (1 + K**2) / 3) * mpmath.exp(-(2 / K) * mpmath.atan2(2 * K, a_bad))
            / ((a_bad**2 + 4 * K**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / K)))
        )  # fmt: skip
        assert agreement_digits(bad, ref) < dps - 1


# --- exact_sum_rule_ratio ---------------------------------------------------------------------


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


# --- Hydrogenic(1, 0, Z).sum_rule_ratios(certified=True) ----------------------------------------------------------


def test_certified_balls_contain_the_closed_form_at_dps_digits() -> None:
    """certified=True returns Certified balls with ≥ dps digits containing r (Z = 2, T/I = 1.5)."""
    dps = 40
    r_nmm, r_ew = Hydrogenic(1, 0, Z=2).sum_rule_ratios(3, dps=dps, certified=True)
    exact = _closed_form("1.5", dps + 30)
    assert r_nmm.certifies(exact, min_digits=dps)
    assert r_ew.certifies(exact, min_digits=dps)
    # negative control: the Z = 1 value at the same T (T/I = 6) lies outside the ball
    assert not r_nmm.contains(_closed_form(6, dps + 30))
    # dps = 15 works too (the input checks run at dps + 10 digits, not dps - 10)
    low = Hydrogenic().sum_rule_ratios("0.75", dps=15, certified=True)[0]
    assert low.certifies(exact, min_digits=15)


def test_certified_path_keeps_the_validated_T_range() -> None:
    """certified=True refuses T/I > MAX_T_OVER_I with the same message as the quadrature."""
    T = h.MAX_T_OVER_I  # T/I = 2·MAX_T_OVER_I at Z = 1
    with pytest.raises(ValueError, match="T must be at most 1e\\+30 times the ionization"):
        Hydrogenic().sum_rule_ratios(T, dps=15, certified=True)
    with pytest.raises(ValueError, match="T must be at most 1e\\+30 times the ionization"):
        h.sum_rule_ratios(T, dps=15)
    # negative control: just inside the range it computes
    assert Hydrogenic().sum_rule_ratios(h.MAX_T_OVER_I // 2, dps=15, certified=True)[0].finite


# --- sum_rule_ratios_detailed -----------------------------------------------------------------


def test_detailed_fields_and_the_precision_of_each_route() -> None:
    """Default dps = 30; T, Z as given; refined/substitution at dps + 20; closed form ≥ dps + 5."""
    d = h.sum_rule_ratios_detailed(3, Z=2)  # T/I = 1.5
    assert d.dps == 30 and d.T == 3 and d.Z == 2
    exact = _closed_form("1.5", 100)
    with mpmath.workdps(100):
        for f in ("refined_nmm", "refined_ew", "substitution_nmm", "substitution_ew"):
            assert agreement_digits(getattr(d, f), exact) >= d.dps + 15, f
        assert agreement_digits(d.closed_form, exact) >= d.dps + 5
        assert agreement_digits(d.r_nmm, exact) >= d.dps
        # negative control: a value good to only dps digits fails the route checks
        assert agreement_digits(h.exact_sum_rule_ratio(3, Z=2, dps=30), exact) < d.dps + 5
    assert d.digits >= d.dps


# --- fit_large_T_law --------------------------------------------------------------------------


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
