"""Eq. (19) applied to the expansion: the term-by-term integrals with weight Q^{2j} and the
derivations built on them (:mod:`sumrules.theory.expansion`).

Pins the zero condition against the pole integral, the term-by-term integrals and their sums
(m, T and the Φ hook), the all-orders statement per j against enumeration (j = −2 included),
the low-Q² divergence of weight Q^{-4}, the reduced resolvent of Eq. (20), the derivation titles
and default orders as the committed proof book prints them, and negative controls that feed a
derivation a wrong ingredient (a kernel, an antiderivative, an expansion) and require the step
that checks it to fail.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st
from proofbook import book_text

from sumrules.core.derivation import Derivation
from sumrules.theory import expansion as rv
from sumrules.theory.expansion import (
    T_SYM,
    GroundStateAverage,
    M,
    all_orders_vanishing_proof,
    contributing_terms,
    low_q_divergence_steps,
    reduced_resolvent_steps,
    surviving_classes_all_orders,
    vanishes_fast,
    weighted_sum,
    weighted_term_integrals,
)
from sumrules.theory.pole_integral import closed_form
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_vanishes

_MU = sp.Symbol("mu", positive=True)


def _gsa(word: str) -> sp.Expr:
    return GroundStateAverage(sp.Symbol(word))


# --- the zero condition and the term-by-term integrals -----------------------------------


@given(st.integers(min_value=-10, max_value=10), st.integers(min_value=1, max_value=12))
@example(-1, 3)
@example(0, 1)
def test_zero_condition_matches_kernel(s: int, w: int) -> None:
    value = pole_integral(s, w, m=M, T=T_SYM)
    assert (sp.simplify(value) == 0) == vanishes_fast(s, w) == pole_integral_vanishes(s, w)


def test_vanishes_fast_integer_valued_fraction() -> None:
    # s = 2 given as Fraction(2) is the integer 2: (Q^2)^2 A^(-4) integrates to zero
    assert vanishes_fast(Fraction(2), 4) is True
    assert vanishes_fast(Fraction(4, 2), 4) == vanishes_fast(2, 4)
    assert pole_integral_vanishes(2, 4)
    assert vanishes_fast(Fraction(1, 2), 4) is False  # half-integer s never vanishes


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


def test_weighted_term_integrals_with_numeric_m_and_t() -> None:
    # weight Q^2: (1/pi) Int Im[Q^2/A] dQ^2 = 2m * 2mT; (Q^2)^2/A^3: 8 m^3 (m = 2, T = 3)
    live = [
        (t.u, t.w, t.factor) for t in rv.weighted_term_integrals(3, 1, m=2, T=3) if not t.vanishes
    ]
    assert live == [(0, 1, 48), (1, 3, 64)]
    assert rv.weighted_sum(3, 1, m=2, T=3) == 48 + 64 * _gsa("PP") / 4


def test_weighted_term_fields() -> None:
    terms = rv.weighted_term_integrals(6, 1)
    expected = [(int(t.u), t.w, t.multiplicity) for t in rv.expansion_terms(6)]
    assert [(t.u, t.w, t.multiplicity) for t in terms] == expected
    assert (2, 7, 6) in expected  # binomial(4, 2) words P..P with 4 P at k = 6
    assert all(t.s == t.u + 1 for t in terms)
    assert all(t.factor == pole_integral(t.s, t.w, m=M, T=T_SYM) for t in terms)


def test_weighted_sum_uses_phi_and_m() -> None:
    phi = lambda u, w: sp.Symbol(f"phi_{u}_{w}")  # noqa: E731
    total = rv.weighted_sum(4, 1, phi=phi)
    assert sp.expand(total - (4 * T_SYM * M**2 * phi(0, 1) + 8 * M**3 * phi(1, 3))) == 0
    # the mass enters both the pole integral (8 mu^3) and Phi (1/mu^2)
    total_mu = rv.weighted_sum(4, 1, m=_MU)
    assert sp.expand(total_mu - (4 * T_SYM * _MU**2 + 8 * _MU * _gsa("PP"))) == 0


# --- the derivations ---------------------------------------------------------------------


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


def test_low_q_steps_state_the_hand_computed_terms() -> None:
    """Weight Q^(-4) through order 8: u = 0 gives 1/(2mT^2); u = 1 gives w = 3..9 (s = -1)."""
    proof = rv.low_q_divergence_steps(8)
    last = proof.steps[-1]
    assert last.justification.startswith("8 non-vanishing classes")
    expected = 1 / (2 * M * T_SYM**2) + sum(
        T_SYM ** (-w) * _gsa("P" + "h" * (w - 3) + "P") / M**2 for w in range(3, 10)
    )
    assert last.rhs == sp.latex(expected)
    assert last.lhs.endswith(r"\le 8")


def test_j_minus_2_derivation() -> None:
    """j = -2: u = 1 has s = -1 < 0, so P^2 h^n P^... never vanishes (w_max = infinity)."""
    proof = rv.all_orders_vanishing_proof(-2)
    assert proof.ok
    listed = proof.steps[-2]
    assert listed.rhs == r"\text{(0, 1, 1), (1, 3, inf)}"
    last = proof.steps[-1]
    assert (last.lhs, last.relation, last.rhs) == ("-1", "<", "0")
    assert "s = -1" in last.justification and "P^2" in last.justification


def test_surviving_classes_hand_computed() -> None:
    # j = 2: u = 1 (s = 3) contributes at w = 3, 4; u = 2 (s = 4) only at w = 5; u >= 3 never
    assert rv.surviving_classes_all_orders(2) == [(0, 1, 1), (1, 3, 4), (2, 5, 5)]
    # j = -3: u = 1, 2 have s < 0 and contribute at every order; u >= 3 has s >= 0 and vanishes
    assert rv.surviving_classes_all_orders(-3) == [(0, 1, 1), (1, 3, None), (2, 5, None)]
    for j in range(-8, 9):  # every listed range is non-empty
        for _u, w_min, w_max in rv.surviving_classes_all_orders(j):
            assert w_max is None or w_max >= w_min, (j, w_min, w_max)


@pytest.mark.parametrize("j", range(-4, 5))
def test_threshold_u0_matches_enumeration(j: int) -> None:
    # u0 = one past the largest u that contributes at some order (enumerated through order 30)
    u0 = 1 + max(int(t.u) for t in rv.contributing_terms(30, j))
    steps = rv.all_orders_vanishing_proof(j).steps
    assert steps[4].lhs == rf"s\big|_{{u \ge {u0}}}"
    assert steps[5].lhs == rf"(w - 2 - s)\big|_{{u \ge {u0}}}"


def test_titles_and_default_orders_appear_in_the_committed_proof_book() -> None:
    book = book_text()
    built: list[Derivation] = [
        rv.all_orders_vanishing_proof(-1),
        rv.all_orders_vanishing_proof(0),
        rv.all_orders_vanishing_proof(1),
        rv.reduced_resolvent_steps(),
        rv.low_q_divergence_steps(),  # default order: the 8 the claim prints
        rv.power_counting_proof(),  # default order: the 400 the claim prints
    ]
    for derivation in built:
        assert derivation.to_latex().splitlines()[0] in book, derivation.title
        assert all(step.to_latex() in book for step in derivation.steps), derivation.title
    # negative control: another order is a different derivation, not in the book
    other = rv.power_counting_proof(401)
    assert any(step.to_latex() not in book for step in other.steps)


# --- negative controls: a wrong ingredient must fail the step that checks it ------------


# The expansion takes its kernel from the public closed_form.pole_integral at each use; the
# tests below replace it there.


@pytest.fixture
def _warm_kernel_grid() -> None:
    """Fill the cached kernel-grid check of the all-orders proof with the true kernel before a
    test replaces it."""
    assert rv.all_orders_vanishing_proof(0).ok


def _kernel_at_unit_m_t(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
    return sp.sympify(pole_integral(s, w, m=1, T=1))


@pytest.mark.usefixtures("_warm_kernel_grid")
def test_checks_hold_in_units_m_t_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """At m = T = 1 the factors are plain numbers (1/2, 1, ...); the checks still pass."""
    monkeypatch.setattr(closed_form, "pole_integral", _kernel_at_unit_m_t)
    low_q = rv.low_q_divergence_steps(4)
    assert low_q.ok
    assert [t.factor for t in rv.weighted_term_integrals(4, -2) if not t.vanishes] == [
        sp.Rational(1, 2),
        1,
        1,
        1,
    ]  # u = 0; u = 1 at w = 3, 4, 5
    minus_2 = rv.all_orders_vanishing_proof(-2)
    assert minus_2.ok and "!= 0" in minus_2.steps[-1].justification


@pytest.mark.usefixtures("_warm_kernel_grid")
def test_infinite_factor_fails_the_finiteness_check(monkeypatch: pytest.MonkeyPatch) -> None:
    real = closed_form.pole_integral

    def kernel(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return sp.oo if (s, w) == (-1, 3) else real(s, w, m=m, T=T)

    assert rv.low_q_divergence_steps(4).steps[-1].passed is True
    monkeypatch.setattr(closed_form, "pole_integral", kernel)
    assert rv.low_q_divergence_steps(4).steps[-1].passed is False


@pytest.mark.usefixtures("_warm_kernel_grid")
def test_vanishing_p2_term_fails_the_j1_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the kernel said the P^2 term of weight Q^2 vanished, the j = 1 failure step must fail."""
    real = closed_form.pole_integral

    def kernel(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return sp.Integer(0) if (s, w) == (2, 3) else real(s, w, m=m, T=T)

    assert rv.all_orders_vanishing_proof(1).steps[-1].passed is True
    monkeypatch.setattr(closed_form, "pole_integral", kernel)
    assert rv.all_orders_vanishing_proof(1).steps[-1].passed is False


def test_antiderivative_without_lower_limit_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    """D log(Lambda) has the right derivative but is not zero at Lambda = epsilon."""
    x, lam, d = sp.symbols("x Lambda D", positive=True)
    real = sp.integrate

    def integrate(f: sp.Expr, *args: object, **kwargs: object) -> sp.Expr:
        if sp.simplify(f - d / x) == 0:
            return d * sp.log(lam)
        return real(f, *args, **kwargs)

    assert rv.low_q_divergence_steps(2).steps[1].passed is True
    monkeypatch.setattr(rv.sp, "integrate", integrate)
    steps = rv.low_q_divergence_steps(2).steps
    assert steps[1].passed is False
    assert steps[3].passed is True  # the weight Q^(-2) control is untouched
