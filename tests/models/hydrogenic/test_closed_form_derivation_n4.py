"""The n = 4 closed forms against their derivation (sumrules.models.hydrogenic.nordsieck_ring,
via closed_form_derivation): 4s re-derived (2 s), the general λ-dependent result at rational
points, and the dipole limit of 4s and 4f against the radial dipole integral. 4p, 4d, 4f are
re-derived by benchmarks/bench_derivation.py (2–8 s each, with the Born check)."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.models.hydrogenic.closed_form_derivation import (
    KAPPA,
    U,
    derive_closed_form,
    dipole_radial_closed_form,
)
from sumrules.models.hydrogenic.closed_forms import ClosedForm, closed_form
from sumrules.models.hydrogenic.nordsieck_ring import ring_derivation


def test_4s_derivation_matches_table() -> None:
    d = ring_derivation(4, 0)
    assert d.log_free and d.odd_free
    x, y = sp.symbols("x y")

    def same(form: ClosedForm) -> bool:
        stored = sp.sympify(form.polynomial, locals={"x": x, "y": y})
        c = sp.Rational(form.prefactor.numerator, form.prefactor.denominator)
        return bool(
            d.prefactor == c and d.order == form.order and sp.expand(d.polynomial - stored) == 0
        )

    assert same(closed_form(4, 0))
    # negative control: the 4p table
    assert not same(closed_form(4, 1))


@pytest.mark.parametrize("state", [(4, 0), (4, 3)])
def test_n4_dipole_radial_route_agrees(state: tuple[int, int]) -> None:
    form = closed_form(*state)
    poly = sp.sympify(form.polynomial, locals={"x": sp.Symbol("x"), "y": sp.Symbol("y")})
    c = sp.Rational(form.prefactor.numerator, form.prefactor.denominator)
    limit = c * poly.subs({sp.Symbol("x"): 0, sp.Symbol("y"): KAPPA**2})
    limit /= (1 + KAPPA**2) ** (2 * form.order)
    assert sp.cancel(dipole_radial_closed_form(*state) - limit) == 0
    # negative control: the 3d dipole route against the n = 4 limit
    assert sp.cancel(dipole_radial_closed_form(3, 2) - limit) != 0


def test_n4_tables_at_rational_points() -> None:
    """The stored n = 4 forms: exact rational values at rational (u, κ) against the general
    derivation of 4s (λ kept: homogeneous of degree −2) — and the table's d₋d₊ order 2n + 1."""
    d = derive_closed_form(4, 0)
    lam, k, q = sp.symbols("lambda k q", positive=True)
    for lam_v, k_v, q_v in [(sp.Rational(1, 3), sp.Rational(2, 7), sp.Rational(5, 4)), (2, 3, 1)]:
        general = (lam**2 * d.general).subs({lam: lam_v, k: k_v, q: q_v})
        table = (
            closed_form(4, 0)
            .reduced_expression(U, KAPPA)
            .subs({U: sp.Rational(q_v) / lam_v, KAPPA: sp.Rational(k_v) / lam_v})
        )
        assert sp.nsimplify(general - table) == 0
        # negative control: degree −1 instead of −2
        assert sp.nsimplify(lam_v * general - table) != 0
    assert all(closed_form(4, l).order == 9 for l in range(4))
