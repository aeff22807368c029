"""sumrules.theory.dipole: the printed Eqs. (6), (7), (13) as expressions, and their variants."""

from __future__ import annotations

import sympy as sp

from sumrules.theory import dipole as st
from sumrules.theory.dipole import Q2
from sumrules.theory.scattering import T, mu


def test_printed_eq6_is_4_pi_alpha_mu2_times_the_dipole_strength() -> None:
    assert 4 * sp.pi * st.alpha * mu**2 * st.DIPOLE_X == st.PRINTED_EQ6_RHS
    assert r"d_{x}" in sp.latex(st.PRINTED_EQ6_RHS)


def test_dipole_limit_reads_the_law_off_the_expression() -> None:
    values = {st.DIPOLE_X: sp.Rational(2, 3), st.DIPOLE_VECTOR: 2}
    assert st.dipole_limit(st.PRINTED_EQ6_RHS, values) == sp.Rational(2, 3)
    assert st.dipole_limit(st.dipole_rhs(power=2), values) == 0
    assert st.dipole_limit(st.dipole_rhs(strength=st.DIPOLE_VECTOR), values) == 2
    # the coefficient does not enter the law
    assert st.dipole_limit(st.dipole_rhs(coefficient=7 * mu), values) == sp.Rational(2, 3)
    assert st.dipole_rhs(power=2).has(Q2)


def test_eq13_derived_in_both_conventions_equals_the_printed_form() -> None:
    for convention in ("gaussian", "heaviside-lorentz"):
        assert sp.simplify(st.low_q_share_derived(convention) - st.PRINTED_EQ13_RHS) == 0
    assert st.low_q_share_rhs(power=3) != st.PRINTED_EQ13_RHS


def test_evaluate_substitutes_numbers() -> None:
    value = st.evaluate(st.PRINTED_EQ7_RHS, {mu: 1, st.SIGMA_GAMMA: sp.pi, T: 2})
    assert value == sp.Rational(1, 2)
