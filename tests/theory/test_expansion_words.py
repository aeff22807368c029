"""Eqs. (16)-(18): the expansion of ⟨0|(A − P − h)⁻¹|0⟩ in words of P and h
(:mod:`sumrules.theory.expansion`).

Pins the vanishing rules and the words that survive them, the (u, w) classes counted three ways
(closed form, dynamic programme, naive non-commutative expansion) for every subset of the rules
and against a brute-force count, the class words and averages, the documented ranges (order 0
to MAX_ORDER, w ≥ 1) and the messages naming a bad argument, and the power counting w ≥ 2u + 1
of Eq. (18) with its exhaustive check.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from itertools import combinations, product

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.theory import expansion as rv
from sumrules.theory.expansion import (
    GROUND_STATE_LEFT,
    GROUND_STATE_RIGHT,
    PARITY,
    T_SYM,
    VANISHING_RULES,
    GroundStateAverage,
    M,
    TermClass,
    VanishingRule,
    class_average,
    class_counts,
    class_words,
    contributing_terms,
    expansion_terms,
    expansion_terms_dp,
    naive_classes,
    naive_words,
    power_counting_proof,
    satisfies_power_counting,
    surviving,
    vanishes_fast,
    word_class,
    word_phi,
)
from sumrules.theory.pole_integral.closed_form import pole_integral

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


_MU = sp.Symbol("mu", positive=True)


def _gsa(word: str) -> sp.Expr:
    return GroundStateAverage(sp.Symbol(word))


# --- words and rules ----------------------------------------------------------------------


def test_rules_have_justifications() -> None:
    for rule in VANISHING_RULES:
        assert rule.name and rule.statement and rule.justification
    assert GROUND_STATE_RIGHT("PPh") and not GROUND_STATE_RIGHT("PhP")
    assert GROUND_STATE_LEFT("hPP") and not GROUND_STATE_LEFT("PhP")
    assert PARITY("PhPP") and not PARITY("PhhP")
    with pytest.raises(ValueError, match="word"):
        surviving("PxP")


def test_validate_word_accepts_only_strings_over_p_h() -> None:
    assert rv.validate_word("PhP") == "PhP"
    assert rv.validate_word("") == ""
    with pytest.raises(ValueError, match="word"):
        rv.validate_word("PhQ")  # negative control: a letter outside P, h


def test_rotational_collapse_gives_u_and_w() -> None:
    rule = rv.ROTATIONAL_COLLAPSE
    assert rule.name == "rotational_collapse" and rule.statement and rule.justification
    # two letters P: (Q^2)^1; length 4: A^(-5)
    assert rule("PhhP") == (1, 5)
    assert rule("PPPP") == (2, 5)
    assert rule("") == (0, 1)
    with pytest.raises(ValueError, match="even"):
        rule("PhPP")


def test_ground_state_average_of_empty_word_is_norm() -> None:
    # <0|0> = 1; a non-empty word stays an unevaluated average (eval returns None)
    assert rv.GroundStateAverage.eval(sp.Symbol("")) == 1
    assert rv.GroundStateAverage.eval(sp.Symbol("PP")) is None
    assert rv.GroundStateAverage.eval(sp.Symbol("PhhhhP")) is None
    assert rv.GroundStateAverage.eval(sp.Integer(0)) is None


def test_word_class_and_phi() -> None:
    assert word_class("PhhP") == (1, 5)
    assert word_class("PPPP") == (2, 5)
    assert word_phi("PhP") == GroundStateAverage(sp.Symbol("PhP")) / M**2
    assert sp.latex(word_phi("PhP")) == r"\frac{\langle 0|p_z h p_z|0\rangle}{m^{2}}"
    assert class_average(0, 1) == 1
    with pytest.raises(ValueError, match="even"):
        word_class("PhPP")


def test_class_words_match_naive_words() -> None:
    for k in range(9):
        naive = {w for w in naive_words(k) if surviving(w)}
        listed = {w for t in expansion_terms(k) if t.k == k for w in class_words(int(t.u), t.w)}
        assert naive == listed
        for term in (t for t in expansion_terms(k) if t.k == k):
            assert len(list(class_words(int(term.u), term.w))) == term.multiplicity


def test_class_words_boundaries() -> None:
    assert list(rv.class_words(0, 1)) == [""]  # w = 1 is allowed: the empty word
    assert list(rv.class_words(0, 3)) == []  # u = 0 occurs only at k = 0
    assert list(rv.class_words(1, 2)) == []  # "P" is odd; k = 1 < 2u
    assert list(rv.class_words(1, 3)) == ["PP"]


def test_class_average_uses_the_given_mass() -> None:
    assert rv.class_average(1, 3, m=_MU) == _gsa("PP") / _MU**2
    expected = (_gsa("PPPhP") + _gsa("PPhPP") + _gsa("PhPPP")) / _MU**4
    assert sp.simplify(rv.class_average(2, 6, m=_MU) - expected) == 0
    assert rv.class_average(1, 3, m=_MU) != rv.class_average(1, 3)  # negative control


# --- the classes, counted three ways ------------------------------------------------------


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


def _closed_form_counts(k: int, rules: list[rv.VanishingRule]) -> dict[int, int]:
    """{n_P: words} of order k by the closed form (binomial counts) of classes_of_order."""
    return {n_p: count for (n_p, _w), count in rv.classes_of_order(k, rules=rules)}


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
        assert _closed_form_counts(k, rules) == dict(brute), (k, rules)
    # no rule: binomial(k, n_P) words with n_P letters P, n_P = 0..k (and no other key)
    assert _closed_form_counts(k, []) == {n: math.comb(k, n) for n in range(k + 1)}


def test_order_limits_are_inclusive() -> None:
    # at the documented limits: order 0 (only the empty word) and MAX_ORDER itself
    assert rv.expansion_terms(0) == rv.expansion_terms_dp(0) == (TermClass(0, 1, 1),)
    assert rv.validate_order(0) == 0
    assert rv.validate_order(rv.MAX_ORDER) == rv.MAX_ORDER
    assert rv.naive_words(0) == {"": 1}  # (P + h)^0 = 1: the empty word
    proof = rv.power_counting_proof(0)
    assert proof.ok and "1 surviving classes" in proof.steps[-1].justification


# --- Eq. (18): power counting -------------------------------------------------------------


def test_power_counting_all_terms_and_proof() -> None:
    assert all(satisfies_power_counting(t) for t in expansion_terms(400))
    proof = power_counting_proof(100)
    assert proof.ok and len(proof.steps) >= 6
    equality = [t for t in expansion_terms(100) if t.w == 2 * t.u + 1]
    assert all(t.multiplicity == 1 and t.n_h == 0 for t in equality)


def test_power_counting_negative_control() -> None:
    # an off-by-one weight (w = k instead of k + 1) must be rejected
    assert not satisfies_power_counting(TermClass(n_p=2, w=2, multiplicity=1))


def test_power_counting_violation_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """An expansion holding (Q^2)^2 A^(-3) (w < 2u + 1) must fail the exhaustive check."""
    real = rv.expansion_terms
    bad = TermClass(n_p=4, w=3, multiplicity=1)
    assert not rv.satisfies_power_counting(bad)
    monkeypatch.setattr(rv, "expansion_terms", lambda order, **kw: (*real(order, **kw), bad))
    proof = rv.power_counting_proof(10)
    assert proof.steps[-1].passed is False
    assert proof.steps[-2].passed is True  # the w = 2u + 1 class count is not affected


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: expansion_terms(-1), "order"),
        (lambda: expansion_terms(2.0), "order"),  # type: ignore[arg-type]
        (lambda: contributing_terms(3, 0.5), "j"),  # type: ignore[arg-type]
        (lambda: naive_words(-2), "k"),
        (lambda: expansion_terms(3, rules=(VanishingRule("x", "", "", bool),)), "rules"),
        (lambda: vanishes_fast(1, 0), "w"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: list(rv.class_words(-1, 3)), r"^u must be >= 0"),
        (lambda: list(rv.class_words(1.0, 3)), r"^u must be an integer"),  # type: ignore[arg-type]
        (lambda: list(rv.class_words(1, 0)), r"^w must be >= 1"),
        (lambda: list(rv.class_words(1, 2.0)), r"^w must be an integer"),  # type: ignore[arg-type]
        (lambda: vanishes_fast(1, 0), r"^w must be >= 1"),
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
