"""Tests written to kill mutants of sumrules.resolvent that survived tests/test_resolvent.py.

They pin down behaviour that was not asserted before: the words that name a bad argument, the
boundaries of the documented ranges (order 0, MAX_ORDER, w = 1), the m and T arguments and the
phi hook of the term-by-term integrals, the closed-form counts against brute-force enumeration,
the j = -2 derivation (the only branch with s < 0 and an infinite w range), the derivation
titles and default orders as the committed proof book prints them, and negative controls that
feed a derivation a wrong ingredient (a kernel, an antiderivative, an expansion) and require
the step that checks that ingredient to fail.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from itertools import product

import pytest
import sympy as sp
from proofbook import book_text

from sumrules.core.derivation import Derivation
from sumrules.theory import expansion as rv
from sumrules.theory.expansion import T_SYM, GroundStateAverage, M, TermClass
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_vanishes

_MU = sp.Symbol("mu", positive=True)


def _gsa(word: str) -> sp.Expr:
    return GroundStateAverage(sp.Symbol(word))


# --- arguments: the error names the argument; boundaries -------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: list(rv.class_words(-1, 3)), r"^u must be >= 0"),
        (lambda: list(rv.class_words(1.0, 3)), r"^u must be an integer"),  # type: ignore[arg-type]
        (lambda: list(rv.class_words(1, 0)), r"^w must be >= 1"),
        (lambda: list(rv.class_words(1, 2.0)), r"^w must be an integer"),  # type: ignore[arg-type]
        (lambda: rv._vanishes_fast(1, 0), r"^w must be >= 1"),
        (lambda: rv.contributing_terms(3, 0.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.surviving_classes_all_orders(0.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.all_orders_vanishing_proof(0.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.weighted_term_integrals(3, 0.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.weighted_sum(3, 0.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.power_counting_proof(-1), r"^order must be >= 0"),
        (lambda: rv.power_counting_proof(2.0), r"^order must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.naive_words(-1), r"^k must be >= 0"),
        (lambda: rv.naive_words(1.5), r"^k must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.expansion_terms(-1), r"^order must be >= 0"),
        (lambda: rv.expansion_terms(1.0), r"^order must be an integer"),  # type: ignore[arg-type]
        (lambda: rv.expansion_terms(rv.MAX_ORDER + 1), r"^order must be <= 1000 \(MAX_ORDER\)"),
        (lambda: rv.validate_word(["P", "h"]), r"^word must be a string over the letters"),
        (lambda: rv.surviving(7), r"^word must be a string"),  # type: ignore[arg-type]
    ],
)
def test_bad_argument_is_named(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_order_limits_are_inclusive() -> None:
    # at the documented limits: order 0 (only the empty word) and MAX_ORDER itself
    assert rv.expansion_terms(0) == rv.expansion_terms_dp(0) == (TermClass(0, 1, 1),)
    assert rv._check_order(0) == 0
    assert rv._check_order(rv.MAX_ORDER) == rv.MAX_ORDER
    assert rv.naive_words(0) == {"": 1}  # (P + h)^0 = 1: the empty word
    proof = rv.power_counting_proof(0)
    assert proof.ok and "1 surviving classes" in proof.steps[-1].justification


def test_class_words_boundaries() -> None:
    assert list(rv.class_words(0, 1)) == [""]  # w = 1 is allowed: the empty word
    assert list(rv.class_words(0, 3)) == []  # u = 0 occurs only at k = 0
    assert list(rv.class_words(1, 2)) == []  # "P" is odd; k = 1 < 2u
    assert list(rv.class_words(1, 3)) == ["PP"]


# --- words and rules ---------------------------------------------------------------------


def test_ground_state_average_of_empty_word_is_norm() -> None:
    # <0|0> = 1; a non-empty word stays an unevaluated average (eval returns None)
    assert rv.GroundStateAverage.eval(sp.Symbol("")) == 1
    assert rv.GroundStateAverage.eval(sp.Symbol("PP")) is None
    assert rv.GroundStateAverage.eval(sp.Symbol("PhhhhP")) is None
    assert rv.GroundStateAverage.eval(sp.Integer(0)) is None


def test_rotational_collapse_gives_u_and_w() -> None:
    rule = rv.ROTATIONAL_COLLAPSE
    assert rule.name == "rotational_collapse" and rule.statement and rule.justification
    # two letters P: (Q^2)^1; length 4: A^(-5)
    assert rule("PhhP") == (1, 5)
    assert rule("PPPP") == (2, 5)
    assert rule("") == (0, 1)
    with pytest.raises(ValueError, match="even"):
        rule("PhPP")


def test_validate_word_accepts_only_strings_over_p_h() -> None:
    assert rv.validate_word("PhP") == "PhP"
    assert rv.validate_word("") == ""
    with pytest.raises(ValueError, match="word"):
        rv.validate_word("PhQ")  # negative control: a letter outside P, h


def test_class_average_uses_the_given_mass() -> None:
    assert rv.class_average(1, 3, m=_MU) == _gsa("PP") / _MU**2
    expected = (_gsa("PPPhP") + _gsa("PPhPP") + _gsa("PhPPP")) / _MU**4
    assert sp.simplify(rv.class_average(2, 6, m=_MU) - expected) == 0
    assert rv.class_average(1, 3, m=_MU) != rv.class_average(1, 3)  # negative control


def test_vanishes_fast_integer_valued_fraction() -> None:
    # s = 2 given as Fraction(2) is the integer 2: (Q^2)^2 A^(-4) integrates to zero
    assert rv._vanishes_fast(Fraction(2), 4) is True
    assert rv._vanishes_fast(Fraction(4, 2), 4) == rv._vanishes_fast(2, 4)
    assert pole_integral_vanishes(2, 4)
    assert rv._vanishes_fast(Fraction(1, 2), 4) is False  # half-integer s never vanishes


@pytest.mark.parametrize("k", range(9))
def test_closed_form_counts_equal_brute_force(k: int) -> None:
    """Every rule subset: the binomial counts equal counting all 2^k words one by one."""
    for left, right, parity in product((False, True), repeat=3):
        rules = [
            r
            for r, on in zip(
                (rv.GROUND_STATE_LEFT, rv.GROUND_STATE_RIGHT, rv.PARITY),
                (left, right, parity),
                strict=True,
            )
            if on
        ]
        brute = Counter(
            w.count("P")
            for w in ("".join(t) for t in product("Ph", repeat=k))
            if rv.surviving(w, rules)
        )
        assert rv._closed_form_counts(k, left, right, parity) == dict(brute), (k, rules)
    # no rule: binomial(k, n_P) words with n_P letters P, n_P = 0..k (and no other key)
    assert rv._closed_form_counts(k, False, False, False) == {
        n: math.comb(k, n) for n in range(k + 1)
    }


# --- term-by-term integrals ------------------------------------------------------------


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


# --- derivations: values the steps state -------------------------------------------------


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


@pytest.fixture
def _warm_kernel_grid() -> None:
    """Fill the cached kernel-grid check with the true kernel before a test patches it."""
    assert rv._zero_condition_matches_kernel()


def _kernel_at_unit_m_t(s: int, w: int, m: sp.Expr, t: sp.Expr) -> sp.Expr:
    return sp.sympify(pole_integral(s, w, m=1, T=1))


@pytest.mark.usefixtures("_warm_kernel_grid")
def test_checks_hold_in_units_m_t_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """At m = T = 1 the factors are plain numbers (1/2, 1, ...); the checks still pass."""
    monkeypatch.setattr(rv, "_pole_integral", _kernel_at_unit_m_t)
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
    real = rv._pole_integral

    def kernel(s: int, w: int, m: sp.Expr, t: sp.Expr) -> sp.Expr:
        return sp.oo if (s, w) == (-1, 3) else real(s, w, m, t)

    assert rv.low_q_divergence_steps(4).steps[-1].passed is True
    monkeypatch.setattr(rv, "_pole_integral", kernel)
    assert rv.low_q_divergence_steps(4).steps[-1].passed is False


@pytest.mark.usefixtures("_warm_kernel_grid")
def test_vanishing_p2_term_fails_the_j1_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the kernel said the P^2 term of weight Q^2 vanished, the j = 1 failure step must fail."""
    real = rv._pole_integral

    def kernel(s: int, w: int, m: sp.Expr, t: sp.Expr) -> sp.Expr:
        return sp.Integer(0) if (s, w) == (2, 3) else real(s, w, m, t)

    assert rv.all_orders_vanishing_proof(1).steps[-1].passed is True
    monkeypatch.setattr(rv, "_pole_integral", kernel)
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


def test_power_counting_violation_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """An expansion holding (Q^2)^2 A^(-3) (w < 2u + 1) must fail the exhaustive check."""
    real = rv.expansion_terms
    bad = TermClass(n_p=4, w=3, multiplicity=1)
    assert not rv.satisfies_power_counting(bad)
    monkeypatch.setattr(rv, "expansion_terms", lambda order, **kw: (*real(order, **kw), bad))
    proof = rv.power_counting_proof(10)
    assert proof.steps[-1].passed is False
    assert proof.steps[-2].passed is True  # the w = 2u + 1 class count is not affected
