"""Eqs. (16)-(18), (20): operator identity, word expansion, power counting, term integrals;
and which expansion coefficients exist for hydrogen 1s."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.models.hydrogenic import moments as cm
from sumrules.theory.expansion import (
    GROUND_STATE_LEFT,
    GROUND_STATE_RIGHT,
    PARITY,
    Q2,
    T_SYM,
    VANISHING_RULES,
    GroundStateAverage,
    M,
    TermClass,
    VanishingRule,
    _vanishes_fast,
    all_orders_vanishing_proof,
    class_average,
    class_counts,
    class_words,
    contributing_terms,
    expansion_terms,
    expansion_terms_dp,
    low_q_divergence_steps,
    naive_classes,
    naive_words,
    power_counting_proof,
    reduced_resolvent_steps,
    satisfies_power_counting,
    surviving,
    surviving_classes_all_orders,
    weighted_sum,
    weighted_term_integrals,
    word_class,
    word_phi,
)
from sumrules.theory.operators import (
    conjugated_hamiltonian_action,
    conjugation_identity_control,
    conjugation_identity_steps,
    shifted_hamiltonian_action,
)
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_vanishes

RULE_SUBSETS = [
    tuple(r for r in VANISHING_RULES if r in chosen)
    for n in range(4)
    for chosen in combinations(VANISHING_RULES, n)
]


def _fast_counts_at(k: int, rules: tuple[VanishingRule, ...] = VANISHING_RULES) -> dict:
    return class_counts(t for t in expansion_terms(k, rules=rules) if t.k == k)


def _agrees_with_reference(order: int, rules: tuple[VanishingRule, ...]) -> bool:
    """The check: a fast expansion's classes must equal the naive route with all rules."""
    return all(_fast_counts_at(k, rules) == naive_classes(k) for k in range(order + 1))


# --- Eq. (16) -----------------------------------------------------------------


def test_conjugation_identity_steps_all_pass() -> None:
    steps = conjugation_identity_steps()
    assert len(steps) == 5
    assert all(step.passed for step in steps)
    assert all(step.lhs and step.rhs and step.justification for step in steps)


def test_conjugation_identity_control_fails() -> None:
    control = conjugation_identity_control()
    assert [step.passed for step in control[:2]] == [False, False]
    assert control[-1].passed is False


def test_wrong_sign_gives_momentum_minus_q() -> None:
    diff = sp.expand(conjugated_hamiltonian_action(-1) - shifted_hamiltonian_action())
    assert sp.simplify(diff) != 0
    with pytest.raises(ValueError, match="sign"):
        conjugated_hamiltonian_action(2)


# --- words and rules --------------------------------------------------------------


def test_rules_have_justifications() -> None:
    for rule in VANISHING_RULES:
        assert rule.name and rule.statement and rule.justification
    assert GROUND_STATE_RIGHT("PPh") and not GROUND_STATE_RIGHT("PhP")
    assert GROUND_STATE_LEFT("hPP") and not GROUND_STATE_LEFT("PhP")
    assert PARITY("PhPP") and not PARITY("PhhP")
    with pytest.raises(ValueError, match="word"):
        surviving("PxP")


@pytest.mark.parametrize("k", range(13))
def test_naive_route_equals_fast_route(k: int) -> None:
    words = naive_words(k)
    assert len(words) == 2**k and set(words.values()) == {1}
    assert naive_classes(k) == _fast_counts_at(k)


def test_multiplicity_formula_and_dp() -> None:
    assert expansion_terms_dp(60) == expansion_terms(60)
    for term in expansion_terms(60):
        if term.k >= 2:
            assert term.multiplicity == math.comb(term.k - 2, 2 * term.u - 2)
    assert [(t.u, t.w, t.multiplicity) for t in expansion_terms(1)] == [(0, 1, 1)]


@pytest.mark.parametrize("rules", RULE_SUBSETS, ids=lambda r: "+".join(x.name for x in r) or "none")
def test_rule_subsets_closed_form_dp_naive(rules: tuple[VanishingRule, ...]) -> None:
    assert expansion_terms_dp(40, rules=rules) == expansion_terms(40, rules=rules)
    for k in range(9):
        assert _fast_counts_at(k, rules) == naive_classes(k, rules)


@given(st.integers(min_value=3, max_value=300))
@example(3)
def test_surviving_words_per_order_is_power_of_two(k: int) -> None:
    # words P...P of length k with an even number of P: half of the 2^(k-2) fillings
    assert sum(t.multiplicity for t in expansion_terms(k) if t.k == k) == 2 ** (k - 3)


def test_negative_controls_counts_are_caught() -> None:
    assert _agrees_with_reference(10, VANISHING_RULES)
    for dropped in VANISHING_RULES:
        wrong = tuple(r for r in VANISHING_RULES if r is not dropped)
        assert not _agrees_with_reference(10, wrong), dropped.name


def test_negative_controls_wrong_contributions_are_caught() -> None:
    only_empty = [(0, 1)]
    assert [(t.u, t.w) for t in contributing_terms(40, -1)] == only_empty
    assert [(t.u, t.w) for t in contributing_terms(40, 0)] == only_empty
    # keeping words that end or start with h: h^k (u = 0, w = k + 1) contributes T^(-k-1) to Eq. (12)
    no_ends = (PARITY,)
    wrong = contributing_terms(6, -1, rules=no_ends)
    assert (0, 2) in [(t.u, t.w) for t in wrong]
    assert pole_integral(-1, 2, m=M, T=T_SYM) == T_SYM**-2
    # dropping parity: words with one P give u = 1/2, s = -1/2, never zero
    wrong = contributing_terms(6, -1, rules=(GROUND_STATE_LEFT, GROUND_STATE_RIGHT))
    assert any(t.u == Fraction(1, 2) for t in wrong)


def test_class_words_match_naive_words() -> None:
    for k in range(9):
        naive = {w for w in naive_words(k) if surviving(w)}
        listed = {w for t in expansion_terms(k) if t.k == k for w in class_words(int(t.u), t.w)}
        assert naive == listed
        for term in (t for t in expansion_terms(k) if t.k == k):
            assert len(list(class_words(int(term.u), term.w))) == term.multiplicity


def test_word_class_and_phi() -> None:
    assert word_class("PhhP") == (1, 5)
    assert word_class("PPPP") == (2, 5)
    assert word_phi("PhP") == GroundStateAverage(sp.Symbol("PhP")) / M**2
    assert sp.latex(word_phi("PhP")) == r"\frac{\langle 0|p_z h p_z|0\rangle}{m^{2}}"
    assert class_average(0, 1) == 1
    with pytest.raises(ValueError, match="even"):
        word_class("PhPP")


# --- Eq. (18) ----------------------------------------------------------------------


def test_power_counting_all_terms_and_proof() -> None:
    assert all(satisfies_power_counting(t) for t in expansion_terms(400))
    proof = power_counting_proof(100)
    assert proof.ok and len(proof.steps) >= 6
    equality = [t for t in expansion_terms(100) if t.w == 2 * t.u + 1]
    assert all(t.multiplicity == 1 and t.n_h == 0 for t in equality)


def test_power_counting_negative_control() -> None:
    # an off-by-one weight (w = k instead of k + 1) must be rejected
    assert not satisfies_power_counting(TermClass(n_p=2, w=2, multiplicity=1))


# --- Eq. (19) zero condition and term-by-term integrals ---------------------------


@given(st.integers(min_value=-10, max_value=10), st.integers(min_value=1, max_value=12))
@example(-1, 3)
@example(0, 1)
def test_zero_condition_matches_kernel(s: int, w: int) -> None:
    value = pole_integral(s, w, m=M, T=T_SYM)
    assert (sp.simplify(value) == 0) == _vanishes_fast(s, w) == pole_integral_vanishes(s, w)


@given(st.integers(min_value=0, max_value=10), st.sampled_from([-1, 0]))
def test_sum_rules_term_by_term(order: int, j: int) -> None:
    terms = weighted_term_integrals(order, j)
    assert [(t.u, t.w) for t in terms if not t.vanishes] == [(0, 1)]
    expected = 1 / T_SYM if j == -1 else 2 * M
    assert sp.simplify(weighted_sum(order, j) - expected) == 0


def test_weight_q2_terms() -> None:
    live = [(t.u, t.w, t.factor) for t in weighted_term_integrals(10, 1) if not t.vanishes]
    assert live == [(0, 1, 4 * T_SYM * M**2), (1, 3, 8 * M**3)]
    pp = GroundStateAverage(sp.Symbol("PP"))
    assert sp.expand(weighted_sum(10, 1) - (4 * M**2 * T_SYM + 8 * M * pp)) == 0
    assert weighted_sum(1, 1) == 4 * M**2 * T_SYM  # PP first appears at order 2


def test_weight_q_minus_4_terms_all_finite() -> None:
    terms = [t for t in weighted_term_integrals(10, -2) if not t.vanishes]
    assert {t.u for t in terms} == {0, 1}
    assert all(t.factor == T_SYM ** (-t.w) for t in terms if t.u == 1)
    assert low_q_divergence_steps(8).ok


@pytest.mark.parametrize("j", range(-4, 5))
def test_all_orders_statement_matches_enumeration(j: int) -> None:
    proof = all_orders_vanishing_proof(j)
    assert proof.ok
    ranges = surviving_classes_all_orders(j)
    order = 30
    listed = {(int(t.u), t.w) for t in contributing_terms(order, j)}
    predicted = {
        (u, w)
        for u, w_min, w_max in ranges
        for w in range(w_min, (w_max if w_max is not None else order + 1) + 1)
        if w <= order + 1 and w - 1 >= 2 * u
    }
    assert listed == predicted


def test_all_orders_proof_reports_failure_for_j1() -> None:
    proof = all_orders_vanishing_proof(1)
    last = proof.steps[-1]
    assert last.relation == "<" and "P^2" in last.justification and "8*m**3" in last.justification
    assert all_orders_vanishing_proof(-1).steps[-1].rhs == sp.latex(1 / T_SYM)


def test_reduced_resolvent() -> None:
    assert reduced_resolvent_steps().ok


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: expansion_terms(-1), "order"),
        (lambda: expansion_terms(2.0), "order"),  # type: ignore[arg-type]
        (lambda: contributing_terms(3, 0.5), "j"),  # type: ignore[arg-type]
        (lambda: naive_words(-2), "k"),
        (lambda: expansion_terms(3, rules=(VanishingRule("x", "", "", bool),)), "rules"),
        (lambda: _vanishes_fast(1, 0), "w"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


# --- hydrogen 1s: which coefficients exist --------------------------------------------


def test_coulomb_orders_first_divergence_at_four() -> None:
    orders = cm.coulomb_expansion_orders(6)
    assert [len(o.words) for o in orders] == [2**k for k in range(7)]
    assert orders[2].coefficient == Q2 / 3
    assert orders[3].coefficient == 2 * Q2 / 3
    assert orders[4].coefficient == "divergent"
    assert {w: v for w, v in orders[4].words.items() if v != 0} == {"PPPP": 1, "PhhP": "divergent"}
    assert cm.first_undefined_order() == 4
    # the vanishing rules hold in the model: every removed word is exactly zero
    assert all(v == 0 for o in orders for w, v in o.words.items() if not surviving(w))


def test_coulomb_middle_split_valid_through_order_four() -> None:
    for k in range(5):
        for word in cm.coulomb_expansion_orders(k)[k].words:
            assert cm.word_value(word).valid
    # negative control: a split that differentiates a singular state gives a wrong number
    wrong = cm.word_value("PhP", split=0)
    assert not wrong.valid and wrong.value == sp.Rational(-2, 3)
    assert cm.word_value("PPPP", split=1).value == 1


def test_coulomb_finite_values_by_independent_routes() -> None:
    assert cm.word_value("PP").value == cm.momentum_space_pz_moment(1) == sp.Rational(1, 3)
    assert cm.word_value("PPPP").value == cm.momentum_space_pz_moment(2) == 1
    assert cm.word_value("PhP").value == cm.pz_h_pz_by_commutator() == sp.Rational(2, 3)
    # <p_z^6> diverges in both routes
    assert cm.word_value("PPPPPP").value == "divergent" and cm.word_value("PPPPPP").valid
    assert cm.momentum_space_pz_moment(3) == sp.oo


def test_coulomb_states() -> None:
    r, c = cm.R, cm.C
    assert cm.state("h") == 0  # h|0> = 0
    # h p_z|0> = [H, p_z]|0> = i dV/dz |0> = i z/r^3 |0>
    assert sp.simplify(cm.state("hP") - sp.I * c / r**2) == 0
    # p_z|0> = i m [H, z]|0> = i h z|0>  (m = 1)
    h_of_z = cm._h(r * c)  # z = r cos(theta)
    assert sp.simplify(sp.I * h_of_z - cm.state("P")) == 0


def test_coulomb_divergence_numerically() -> None:
    word = cm.word_value("PhhP")
    assert word.leading == sp.Rational(4, 3) / cm.R_MIN
    i2 = cm.cutoff_integral_numeric("PhhP", 1e-2, dps=15)
    i3 = cm.cutoff_integral_numeric("PhhP", 1e-3, dps=15)
    assert 9 < i3 / i2 < 11
    assert abs(i3 * 1e-3 - sp.Rational(4, 3)) < 0.03
    assert abs(cm.cutoff_integral_numeric("PPPP", 1e-6, dps=15) - 1) < 1e-4
