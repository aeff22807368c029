"""sumrules.theory.static_target: the coefficient of Eq. (14) from the traces."""

from __future__ import annotations

import mpmath
import sympy as sp

from sumrules.theory.scattering import G_F, Q2, SIN2_W, E, T, g_A, g_V, integrate_free_response, m
from sumrules.theory.static_target import (
    free_response_numeric,
    leading_weak_coefficient,
    static_weak_coefficient,
    static_weak_leading,
    vogel_engel_low_T,
)


def test_static_weak_coefficient_structure() -> None:
    lead = sp.limit(sp.limit(static_weak_coefficient(), E, sp.oo), T, 0)
    assert sp.simplify(lead - G_F**2 * (g_V**2 + g_A**2) / (2 * sp.pi)) == 0
    assert not lead.has(Q2)
    assert sp.simplify(static_weak_leading(axial=False) - G_F**2 * g_V**2 / (2 * sp.pi)) == 0


def test_the_exact_coefficient_depends_on_q2_beyond_leading_order() -> None:
    assert static_weak_coefficient().has(Q2)


def test_leading_coefficient_is_the_same_for_neutrinos_and_antineutrinos() -> None:
    nu, anti = leading_weak_coefficient(), leading_weak_coefficient(antineutrino=True)
    assert sp.simplify(nu - anti) == 0
    assert sp.simplify(nu - G_F**2 / (4 * sp.pi) * (1 + 4 * SIN2_W + 8 * SIN2_W**2)) == 0


def test_free_response_gives_vogel_engel() -> None:
    assert (
        sp.simplify(integrate_free_response(leading_weak_coefficient()) - vogel_engel_low_T()) == 0
    )
    assert sp.simplify(2 * m * leading_weak_coefficient(axial=False) - vogel_engel_low_T()) != 0


def test_nascent_delta_agrees_with_the_exact_substitution() -> None:
    point = {G_F: 1, SIN2_W: sp.Rational(23, 100), m: 1, T: 1}
    exact = integrate_free_response(leading_weak_coefficient()).subs(point)
    with mpmath.workdps(30):
        value = free_response_numeric(leading_weak_coefficient(), point, dps=30)
        assert abs(value - mpmath.mpf(sp.N(exact, 40))) < mpmath.mpf(10) ** -25
