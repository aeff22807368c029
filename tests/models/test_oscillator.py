"""The oscillator's functions added for (or used by) the declared one-electron claims."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.core.numeric import agreement_digits
from sumrules.models import oscillator as osc
from sumrules.theory.expansion import M


@given(
    st.floats(min_value=-3, max_value=8),
    st.floats(min_value=0.05, max_value=3),
    st.floats(min_value=0, max_value=6),
    st.floats(min_value=0.3, max_value=2),
)
@example(1.0, 0.01, 2.0, 1.0)  # close to the line T = omega
def test_continued_fraction_equals_line_sum(re_z: float, im_z: float, y: float, w: float) -> None:
    z = mpmath.mpc(re_z, im_z)
    cf = osc.resolvent_continued_fraction(z, y, omega=w, dps=20)
    lines = osc.resolvent_lines(z, y, omega=w, dps=20)
    assert abs(cf - lines) <= mpmath.mpf(10) ** -17 * abs(lines)
    if y > 0.1:  # the control: dropping p.q is visible
        no_pq = osc.resolvent_continued_fraction(z, y, omega=w, pq_coeff=0, dps=20)
        assert abs(no_pq - lines) > mpmath.mpf(10) ** -6 * abs(lines)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: osc.resolvent_lines(1, 1), r"^z must have a nonzero imaginary part, got 1$"),
        (lambda: osc.resolvent_lines(1j, -1), r"^y must be >= 0, got -1$"),
        (lambda: osc.resolvent_lines(1j, 1, omega=0), r"^omega must be positive, got 0$"),
        (lambda: osc.resolvent_continued_fraction("abc", 1), r"^z, y, omega must be numbers"),
        (lambda: osc.resolvent_lines(1j, 1, dps=3), r"^dps must be an integer in \[10, 1000\]"),
        (lambda: osc.phi_from_words(-1, 3), r"^u must be >= 0, got -1$"),
        (lambda: osc.phi_from_moments(1, 0), r"^w must be >= 1, got 0$"),
        (lambda: osc.phi_from_moments(-1, 3), r"^u must be >= 0, got -1$"),
        (lambda: osc.resolvent_expansion(2, route="guess"), r"^route must be 'poisson' or"),
        (lambda: osc.line_weighted_integral_sympy(1, 1, m=-1), r"^m must be positive, got -1$"),
        (
            lambda: osc.line_weighted_integral_sympy(1, 1, omega=0),
            r"^omega must be positive, got 0$",
        ),
        (lambda: osc.line_weighted_integral_sympy(-1, 1), r"^n must be >= 0, got -1$"),
        (lambda: osc.line_weighted_integral_sympy(1, 0.5), r"^j must be an integer, got 0.5$"),  # type: ignore[arg-type]
        # the exact parameters of the expansion coefficients: each rule its own message
        (lambda: osc.expansion_coefficient(2, y=sp.oo), r"^y must be finite, got oo$"),
        (lambda: osc.expansion_coefficient(2, y=-sp.oo), r"^y must be finite, got -oo$"),
        (lambda: osc.expansion_coefficient(2, y=sp.zoo), r"^y must be finite, got zoo$"),
        (lambda: osc.expansion_coefficient(2, y=sp.nan), r"^y must be finite, got nan$"),
        (lambda: osc.expansion_coefficient(2, y=1, omega=sp.oo), r"^omega must be finite, got oo$"),
        (lambda: osc.expansion_coefficient(2, y=1, omega=0), r"^omega must be > 0, got 0$"),
        (lambda: osc.expansion_coefficient(2, y=sp.Rational(-1, 2)), r"^y must be >= 0, got -1/2$"),
        (
            lambda: osc.expansion_coefficient(2, y=0.5),
            r"^y must be an exact number or sympy expression, got 0.5$",
        ),
        (
            lambda: osc.expansion_coefficient(2, y=1 + sp.Float("0.5")),
            r"^y must be exact \(no floats\), got 1.50000000000000$",
        ),
        (
            lambda: osc.expansion_coefficient(2, y=sp.Symbol("a")),
            r"^y must be >= 0: declare its symbols nonnegative=True, got a$",
        ),
        (
            lambda: osc.expansion_coefficient(2, y=1, omega=sp.Symbol("w", nonnegative=True)),
            r"^omega must be > 0: declare its symbols positive=True, got w$",
        ),
        (  # known negative: no advice to declare assumptions
            lambda: osc.expansion_coefficient(2, y=-sp.Symbol("a", positive=True)),
            r"^y must be >= 0, got -a$",
        ),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    """Each message names the argument and the value (matched whole, so a renamed argument
    fails)."""
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


def test_sympy_line_integral_at_the_ground_line_and_where_it_diverges() -> None:
    """n = 0 is a line (the elastic one); ∫ p₁ dQ²/Q⁴ diverges and is reported as oo."""
    assert osc.line_weighted_integral_sympy(0, 0) == 2 * M * osc.OMEGA
    assert osc.line_weighted_integral_sympy(1, -2) == sp.oo
    assert osc.line_weighted_integral_sympy(1, -1, m=2, omega=3) == 1


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=6))
def test_phi_three_ways(w: int, u: int) -> None:
    m, omega = sp.Rational(3, 2), sp.Rational(2, 5)
    words = osc.phi_from_words(u, w, m=m, omega=omega)
    assert words == osc.phi_from_coefficient(u, w, m=m, omega=omega)
    assert words == osc.phi_from_moments(u, w, m=m, omega=omega)
    assert (words == 0) == (not (u == 0 and w == 1) and not (1 <= u <= (w - 1) // 2))


@pytest.mark.parametrize("order", [0, 3, 8])
def test_resolvent_expansion_routes_agree(order: int) -> None:
    assert (
        sp.expand(osc.resolvent_expansion(order) - osc.resolvent_expansion(order, route="ladder"))
        == 0
    )


@pytest.mark.parametrize(("n", "j"), [(1, -1), (2, 0), (3, 1), (2, -2), (1, -2)])
def test_line_integral_by_sympy_equals_the_factorial_formula(n: int, j: int) -> None:
    assert osc.line_weighted_integral_sympy(n, j) == osc.line_weighted_integral(n, j)


def test_line_integrals_consistent() -> None:
    assert all(osc.line_integrals_consistent(j, 3) for j in (-1, 0, 1))


def test_agreement_digits_on_complex_resolvent_values() -> None:
    """The claims compare complex resolvent values by agreement_digits."""
    assert agreement_digits(1, 1) == float("inf")
    assert 2.9 < agreement_digits(1, 1.001) < 3.1
    assert agreement_digits(0, 1) == 0.0
    assert 2.9 < agreement_digits(1 + 1j, 1.001 + 1j) < 3.5
