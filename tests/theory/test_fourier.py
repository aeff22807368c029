"""sumrules.theory.fourier: radial Fourier transforms (sympy, regulated sympy, term by term,
mpmath) agree with each other and with known transforms; bad input is refused."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.theory.fourier import (
    angular_average,
    exponential_integral,
    radial_fourier,
    radial_fourier_numeric,
)

r, q = sp.symbols("r q", positive=True)


def test_transform_of_the_hydrogen_density_by_three_routes() -> None:
    density = sp.exp(-2 * r) / sp.pi
    exact = radial_fourier(density, r, q)
    assert sp.simplify(exact - 16 / (4 + q**2) ** 2) == 0
    c = sp.Symbol("c", real=True)
    by_terms = exponential_integral(
        4 * sp.pi * r**2 * density * angular_average(sp.exp(sp.I * q * r * c), c), r
    )
    assert sp.simplify(by_terms - exact) == 0
    value = radial_fourier_numeric(lambda x: mpmath.exp(-2 * x) / mpmath.pi, "0.5", dps=30)
    assert agreement_digits(value, sp.Rational(256, 289)) > 28


def test_coulomb_potential_needs_the_regulator() -> None:
    assert radial_fourier(1 / (4 * sp.pi * r), r, q, regulated=True) == q**-2
    # negative control: a potential 1/(4π r²) has another transform (π/(2q) · 1/(π))
    other = radial_fourier(1 / (4 * sp.pi * r**2), r, q, regulated=True)
    assert sp.simplify(other - q**-2) != 0


def test_exponential_integral_refuses_what_it_cannot_do() -> None:
    assert exponential_integral(r**3 * sp.exp(-r), r) == 6
    with pytest.raises(ValueError, match="does not decay"):
        exponential_integral(sp.sin(q * r), r)
    with pytest.raises(ValueError, match="not c r"):
        exponential_integral(sp.exp(-r) / (1 + r), r)


def test_numeric_transform_at_zero_and_negative_q() -> None:
    assert radial_fourier_numeric(lambda x: mpmath.exp(-2 * x) / mpmath.pi, 0, dps=20) == 1
    with pytest.raises(ValueError, match="non-negative"):
        radial_fourier_numeric(lambda x: mpmath.exp(-x), -1)
