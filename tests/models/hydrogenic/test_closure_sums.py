"""Completeness and the Bethe sum rule of the hydrogen-like states beyond 1s (closure_sums).

The bound-bound integrals against direct quadrature with mpmath's Bessel functions, the Laguerre
radial functions against sympy's, the 1s discrete series against the closed-form series of
``checks``, and the two sum rules for 2s and 2p with their residuals; each with a negative
control (transitions down left out, a wrong 3j factor, a wrong normalisation).
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

import mpmath
import pytest
import sympy as sp

from sumrules.models.hydrogenic import checks
from sumrules.models.hydrogenic.closure_sums import (
    bound_transitions,
    closure,
    radial_coefficients,
    radial_integrals,
)
from sumrules.models.hydrogenic.partial_waves import angular_factor
from sumrules.models.hydrogenic.states import radial_polynomial, radial_value

FAST = {"dps": 12, "levels": 14, "fit": 8}


def _norm(n: int, l: int, c2: Fraction, p: tuple[Fraction, ...]) -> Fraction:
    """∫ R² r² dr exactly: c² Σ p_i p_j (2l+2+i+j)! (n/2)^{2l+3+i+j}."""
    return c2 * sum(
        (
            x * y * factorial(2 * l + 2 + i + j) * Fraction(n, 2) ** (2 * l + 3 + i + j)
            for i, x in enumerate(p)
            for j, y in enumerate(p)
        ),
        Fraction(0),
    )


def test_radial_coefficients_match_sympy_and_are_normalised() -> None:
    for n, l in ((2, 1), (3, 0), (4, 2)):
        c2, p = radial_coefficients(n, l)
        rp = radial_polynomial(n, l)
        assert all(
            c2 * p[i] * p[j] == rp.c0_squared * rp.coefficients[i] * rp.coefficients[j]
            for i in range(len(p))
            for j in range(len(p))
        )
    for n, l in ((9, 0), (12, 7), (20, 19)):
        c2, p = radial_coefficients(n, l)
        assert _norm(n, l, c2, p) == 1
        # negative control: without the (2/n)^{2l} of N² the norm is off (l > 0)
        if l:
            assert _norm(n, l, c2 / Fraction(2, n) ** (2 * l), p) != 1


def test_radial_integrals_against_bessel_quadrature() -> None:
    with mpmath.workdps(18):
        q = mpmath.mpf("0.7")
        got = radial_integrals(3, 2, 5, q)
        for lp, L in ((4, 4),):

            def f(r: mpmath.mpf, lp: int = lp, L: int = L) -> mpmath.mpf:
                j = mpmath.sqrt(mpmath.pi / (2 * q * r)) * mpmath.besselj(L + 0.5, q * r)
                return radial_value(5, lp, r) * radial_value(3, 2, r) * j * r * r

            ref = mpmath.quad(f, [0, 10, 40, mpmath.inf])
            assert abs(got[(lp, L)] - ref) < 1e-15 * max(abs(ref), 1e-3)
            # negative control: the neighbouring order L + 2 is another number
            assert abs(got.get((lp, L + 2), 0) - ref) > 1e-6
        assert (4, 3) not in got  # parity: l + l′ + L even only


def test_ground_state_series_against_the_closed_form_series() -> None:
    """1s: elastic 16²/(4 + q²)⁴ and Σ_{n′≥2} F_{n′} against checks' closed-form series."""
    with mpmath.workdps(16):
        c = closure(1, 0, "0.5", dps=16, levels=18, fit=8)
        ref = checks.completeness(None, Q2="0.25", dps=16, spread=False)
        assert abs(c.elastic - ref.elastic) < 1e-15
        assert abs(c.higher - ref.discrete) < 1e-14
        assert abs(c.continuum - ref.continuum) < 1e-14
        assert abs(c.completeness_residual) < 1e-14 and abs(c.bethe_residual) < 1e-14


@pytest.fixture(scope="module")
def two_p() -> object:
    return closure(2, 1, "0.5", **FAST)


def test_two_p_completeness_and_bethe(two_p: object) -> None:
    c = two_p
    assert abs(c.completeness_residual) < 1e-10 and abs(c.bethe_residual) < 1e-10
    assert c.discrete_error < 1e-9 and c.continuum_error < 1e-9
    # the transitions down are there and weigh negatively in the Bethe sum
    assert c.lower > 1e-2 and c.lower_weighted < 0 and c.same_shell > 0


def test_leaving_out_the_transitions_down_breaks_both(two_p: object) -> None:
    bad = closure(2, 1, "0.5", **FAST, include_lower=False)
    assert abs(bad.completeness_residual + two_p.lower) < 1e-10  # type: ignore[attr-defined]
    assert bad.completeness_residual < -1e-2 and bad.bethe_residual > 1e-2


def test_two_s_at_another_q_and_a_wrong_angular_factor() -> None:
    c = closure(2, 0, "1.5", **FAST)
    assert abs(c.completeness_residual) < 1e-10 and abs(c.bethe_residual) < 1e-10
    # negative control: the 3j factor without (2L + 1) changes the bound part by far more
    # than the residual (the continuum is built with the right factor)
    with mpmath.workdps(15):
        right = bound_transitions(2, 0, "1.5", 6)
        wrong = bound_transitions(
            2, 0, "1.5", 6, factor=lambda l, lp, L: angular_factor(l, lp, L) / (2 * L + 1)
        )
    assert abs(sum(wrong.per_shell) - sum(right.per_shell)) > 1e-3


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n": 2, "l": 2, "q": 1}, r"^l must be an integer with 0 <= l < n = 2, got 2$"),
        ({"n": 0, "l": 0, "q": 1}, r"^n must be an integer"),
        ({"n": 2, "l": 0, "q": 0}, r"^q must be positive, got 0$"),
        ({"n": 2, "l": 0, "q": 1, "fit": 3}, r"^fit must be >= 4, got 3$"),
        ({"n": 2, "l": 0, "q": 1, "levels": 9, "fit": 8}, r"^levels must be >= 12, got 9$"),
        ({"n": 2, "l": 0, "q": 1, "dps": 5}, r"^dps must be an integer"),
    ],
)
def test_bad_input(kwargs: dict[str, object], match: str) -> None:
    rest = dict(kwargs)  # the parameters are shared by every run of the test: do not pop them
    n, l, q = rest.pop("n"), rest.pop("l"), rest.pop("q")
    with pytest.raises(ValueError, match=match):
        closure(n, l, q, **rest)  # type: ignore[arg-type]


def test_sympy_angular_factor_is_rational() -> None:
    """The factor enters as a rational (the conversion in bound_transitions)."""
    assert all(
        isinstance(sp.Rational(angular_factor(2, lp, L)), sp.Rational)
        for lp in range(5)
        for L in range(abs(2 - lp), lp + 3, 2)
    )
