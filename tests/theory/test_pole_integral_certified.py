"""Certified (python-flint) balls of the pole integral of Eq. (19).

Pins :mod:`sumrules.theory.pole_integral.certified`: every ball of the grid contains the exact
closed form (zeros as tiny balls), other m and T, the negative controls and the input errors.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flinttools import flint as flint
from flinttools import needs_flint

from sumrules.theory.pole_integral import certified as cert
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_printed


@needs_flint
def test_pole_integral_grid():
    rows = cert.certified_pole_integral_grid(range(-3, 9), range(1, 10), digits=30)
    assert len(rows) == 12 * 9
    assert all(r.certified for r in rows)
    assert all(r.ball.contains(r.exact) for r in rows)
    zeros = [r for r in rows if r.exact == 0]
    assert len(zeros) == sum(max(0, 9 - (s + 1)) for s in range(0, 9))  # w ≥ s + 2
    assert all(r.ball.rad < mpmath.mpf("1e-30") for r in zeros)


@needs_flint
def test_pole_integral_other_mass_and_energy():
    m, T = sp.Rational(1, 3), sp.Rational(7, 2)
    rows = cert.certified_pole_integral_grid([-2, 0, 5], [1, 2, 7], m=m, T=T, digits=25)
    assert all(r.certified for r in rows)
    ball = cert.certified_pole_integral(3, 2, m="1/3", T=3.5)
    assert ball.certifies(pole_integral(3, 2, m=m, T=T), min_digits=30)
    assert not ball.certifies(pole_integral_printed(3, 2, m, T), min_digits=30)


@needs_flint
def test_pole_integral_controls_and_bad_input():
    assert [c.caught for c in cert.pole_integral_negative_controls(digits=20)] == [True, True]
    assert [c.caught for c in cert.pole_integral_negative_controls(-2, 4, digits=20)] == [
        True,
        True,
    ]
    with pytest.raises(ValueError, match="w even"):
        cert.pole_integral_negative_controls(1, 3)
    for kwargs, match in [
        ({"s": 1.5, "w": 2}, "s must be an integer"),
        ({"s": 1, "w": 0}, "w must be an integer >= 1"),
        ({"s": 1, "w": 2, "m": -1}, "m must be positive"),
        ({"s": 1, "w": 2, "T": "abc"}, "T must be"),
    ]:
        with pytest.raises(ValueError, match=match):
            cert.certified_pole_integral(**kwargs)
