"""The free electron's resolvent routes, δ integration and Lorentzian integral (sumrules.models.free)."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.models.free import Q2, Free, lorentzian_q2_integral

T, M, EPS, X = sp.symbols("T m epsilon x", positive=True)


def test_resolvent_routes_agree_at_complex_and_negative_arguments() -> None:
    routes = Free(M).resolvent_routes()
    for p2 in (X, -X, 3):
        values = [r(T - sp.I * EPS, p2, 30) for r in routes.values()]
        assert sp.simplify(values[0] - values[1]) == 0
        assert sp.simplify(values[0] - 1 / (T - sp.I * EPS - p2 / (2 * M))) == 0


def test_integrate_structure_and_spectral_sum() -> None:
    free = Free(M)
    assert free.integrate_structure(1, T) == 2 * M
    assert sp.simplify(free.integrate_structure(1 / Q2, T) - 1 / T) == 0
    assert sp.simplify(free.spectral_sum(lambda e: 1 / (T - e), X) - 1 / (T - X / (2 * M))) == 0


def test_lorentzian_q2_integral() -> None:
    lorentzian = EPS / ((T - X / (2 * M)) ** 2 + EPS**2)
    value = lorentzian_q2_integral(3 * lorentzian, X, T=T, m=M, eps=EPS)
    assert sp.limit(value, EPS, 0, "+") == 6 * M * sp.pi
    with pytest.raises(ValueError, match="not a multiple of the Lorentzian"):
        lorentzian_q2_integral(X * lorentzian, X, T=T, m=M, eps=EPS)
