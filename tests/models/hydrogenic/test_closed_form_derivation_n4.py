"""The n = 4 closed forms against the general λ-dependent result of their derivation at rational
points. 4s is re-derived, and the dipole limits of 4s and 4f checked, beside the n ≤ 3 states in
test_closed_form_derivation.py; 4p, 4d, 4f are re-derived by benchmarks/bench_derivation.py
(2–8 s each, with the Born check)."""

from __future__ import annotations

import sympy as sp

from sumrules.models.hydrogenic.closed_form_derivation import (
    KAPPA,
    U,
    derive_closed_form,
)
from sumrules.models.hydrogenic.closed_forms import closed_form


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
