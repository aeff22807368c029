"""The printed Eqs. (16), (17), (18), (20) as sympy statements, and their evaluation."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.theory.expansion import T_SYM, M, expansion_terms
from sumrules.theory.one_electron_statement import (
    PRINTED_EQ16,
    PRINTED_EQ17,
    PRINTED_EQ18,
    PRINTED_EQ20,
    Q_VEC2,
    U,
    W,
    bound,
    bound_holds,
    bound_holds_at_all_orders,
    eq16,
    evaluate_form,
    on_ground_state,
    pole_form,
    rebuild_from_form,
    reduced_resolvent,
    shift_of,
    sum_rule_ratios_from,
    term_form,
    weighted_pole_integral,
)


def test_eq16_shift_is_read_off_the_expression() -> None:
    assert shift_of(PRINTED_EQ16) == (sp.Rational(1, 2), 1)
    assert shift_of(eq16(a=sp.Rational(3, 7), b=-2)) == (sp.Rational(3, 7), -2)
    assert len(PRINTED_EQ16.args) == 4  # R and the three printed lines


def test_eq16_last_line_must_be_an_inverse_average() -> None:
    chain = eq16()
    broken = type(chain)(*chain.args[:-1], Q_VEC2)
    with pytest.raises(ValueError, match="ground-state average"):
        shift_of(broken)


def test_eq17_form_evaluates_at_a_class() -> None:
    value = evaluate_form(PRINTED_EQ17, 2, 5, phi=sp.Integer(3), q2=4, T=5, m=1)
    assert value == sp.Integer(4) ** 2 * 3 / (5 - sp.Integer(4) / 2) ** 5
    wrong = evaluate_form(term_form(q2_power=2 * U), 2, 5, phi=sp.Integer(3), q2=4, T=5, m=1)
    assert wrong != value


def test_eq17_rebuilds_the_expansion_class_by_class() -> None:
    phi = sp.Function("Phi")
    rebuilt = rebuild_from_form(PRINTED_EQ17, 4, lambda u, w: phi(u, w))
    assert len(sp.Add.make_args(rebuilt)) == len(expansion_terms(4))
    assert rebuilt.has(phi(2, 5)) and not rebuilt.has(phi(1, 2))


@given(st.integers(min_value=0, max_value=4), st.integers(min_value=-3, max_value=3))
@example(2, 1)
@example(3, -3)
def test_eq18_all_orders_criterion_matches_enumeration(slope: int, offset: int) -> None:
    """The all-orders proof agrees with the exhaustive check through order 400, and with
    slope ≤ 2 and offset ≤ 1 (w − slope·u − offset = n_h + (2 − slope)u + 1 − offset)."""
    relation = bound(slope, offset)
    exhaustive = all(bound_holds(relation, int(t.u), t.w) for t in expansion_terms(400))
    assert bound_holds_at_all_orders(relation) == exhaustive == (slope <= 2 and offset <= 1)


def test_eq18_relation_and_its_variants() -> None:
    assert sp.Ge(W, 2 * U + 1) == PRINTED_EQ18
    assert bound_holds(PRINTED_EQ18, 3, 7) and not bound_holds(PRINTED_EQ18, 3, 6)
    assert bound_holds_at_all_orders(sp.Gt(W, 2 * U)) is True
    with pytest.raises(ValueError, match="w >="):
        bound_holds_at_all_orders(sp.Le(W, 2 * U + 1))


def test_eq20_right_hand_side_gives_the_sum_rules() -> None:
    assert pole_form(PRINTED_EQ20.rhs)[1:3] == (0, 1)
    assert weighted_pole_integral(PRINTED_EQ20.rhs, -1) == 1 / T_SYM
    assert weighted_pole_integral(PRINTED_EQ20.rhs, 0) == 2 * M
    assert weighted_pole_integral(PRINTED_EQ20.rhs, 1) == 4 * M**2 * T_SYM
    assert sum_rule_ratios_from(PRINTED_EQ20.rhs, sp.Rational(7, 3), m=2) == (1, 1)
    assert weighted_pole_integral(reduced_resolvent(recoil=0), 0) == 0
    assert on_ground_state(PRINTED_EQ20.lhs) == PRINTED_EQ20.rhs


def test_eq20_wrong_recoil_is_seen() -> None:
    m_e = sp.Symbol("m_e", positive=True)
    wrong = reduced_resolvent(recoil=1 / m_e)  # Q²/m instead of Q²/2m
    assert sum_rule_ratios_from(wrong, 1) == (1, sp.Rational(1, 2))


def test_on_ground_state_refuses_p_dot_q() -> None:
    with pytest.raises(ValueError, match="function of H alone"):
        on_ground_state(PRINTED_EQ16.args[-1])
    with pytest.raises(ValueError, match="ground-state average"):
        on_ground_state(PRINTED_EQ20.rhs)


def test_pole_form_refuses_a_pole_that_is_not_linear_in_q2() -> None:
    q2 = sp.Symbol("Q^2", positive=True)
    with pytest.raises(ValueError, match="pole factor"):
        pole_form(1 / (T_SYM - q2**2))
