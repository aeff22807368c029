"""The functions of sumrules.theory.expansion added for the declared one-electron claims."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from sumrules.theory.expansion import (
    GROUND_STATE_LEFT,
    PARITY,
    T_SYM,
    GroundStateAverage,
    M,
    all_orders_classes_match,
    class_average,
    class_multiplicity,
    classes_of_order,
    expansion_terms,
    multiplicities,
    naive_words,
    needs_no_phi,
    power_counting_proof,
    small_q_divergent,
    term_by_term_integral,
    weighted_sum,
    weighted_sum_all_orders,
)


def test_naive_words_is_cached_but_returns_a_copy() -> None:
    first = naive_words(3)
    first["PPP"] = 99
    assert naive_words(3)["PPP"] == 1
    assert sum(naive_words(5).values()) == 2**5


@pytest.mark.parametrize("k", range(9))
@pytest.mark.parametrize("rules", [(GROUND_STATE_LEFT, PARITY), (PARITY,)])
def test_three_methods_count_the_same_classes(k: int, rules: tuple) -> None:
    counts = {m: classes_of_order(k, rules=rules, method=m) for m in ("closed form", "naive")}
    counts["dp"] = classes_of_order(k, rules=rules, method="dynamic programme")
    assert counts["closed form"] == counts["naive"] == counts["dp"]


def test_classes_of_order_bad_method() -> None:
    with pytest.raises(ValueError, match="method"):
        classes_of_order(3, method="guess")
    with pytest.raises(ValueError, match="method"):
        multiplicities(3, method="guess")


@given(st.integers(min_value=0, max_value=30), st.integers(min_value=1, max_value=61))
def test_class_multiplicity_is_the_count(u: int, w: int) -> None:
    assert class_multiplicity(u, w) == multiplicities(60).get((u, w), 0)


def test_multiplicities_is_read_only_and_methods_agree() -> None:
    table = multiplicities(30)
    assert dict(table) == dict(multiplicities(30, method="dynamic programme"))
    with pytest.raises(TypeError):
        table[(0, 1)] = 2  # type: ignore[index]


def test_term_by_term_integral_kernels_and_rules() -> None:
    assert term_by_term_integral(8, 0, phi=class_average) == 2 * M
    assert term_by_term_integral(4, 1, phi=class_average) == weighted_sum(4, 1)
    printed_rule = term_by_term_integral(6, -1, phi=class_average, vanishes=lambda s, w: w >= s + 2)
    assert printed_rule == 0  # the u = 0 term (s = -1) is wrongly removed

    def doubled(s: int, w: int, m: sp.Expr, t: sp.Expr) -> sp.Expr:
        return 2 * (2 * m) * (2 * m * t) ** s if w == 1 else sp.Integer(0)

    assert term_by_term_integral(4, -1, phi=class_average, kernel=doubled) == 2 / T_SYM


@pytest.mark.parametrize("m", [M, sp.Integer(3)])
@pytest.mark.parametrize("j", [-1, 0, 1, 2, 3])
def test_all_orders_sum_equals_the_sum_through_order_2j_plus_2(j: int, m: sp.Expr) -> None:
    """Also at a numeric mass: the class averages must be taken at the mass asked for."""
    all_orders = weighted_sum_all_orders(j, m=m)
    assert sp.expand(all_orders - weighted_sum(2 * max(j, 0) + 2, j, m=m)) == 0
    if m != M and j >= 1:  # control: the same sum at the default symbolic mass differs
        assert sp.expand(all_orders - weighted_sum_all_orders(j).subs(M, 1)) != 0


def test_all_orders_sum_refuses_infinitely_many_classes() -> None:
    with pytest.raises(ValueError, match="infinitely many"):
        weighted_sum_all_orders(-2)


def test_needs_no_phi_and_the_all_orders_list() -> None:
    assert [j for j in range(-4, 5) if needs_no_phi(j, 40)] == [-1, 0]
    assert all(all_orders_classes_match(j, 40) for j in range(-4, 5))
    assert weighted_sum(6, 2).atoms(GroundStateAverage)


def test_small_q_divergence() -> None:
    assert [j for j in range(-4, 2) if small_q_divergent(j)] == [-4, -3, -2]
    assert len(expansion_terms(10)) == len(multiplicities(10))


@pytest.mark.parametrize(
    ("u", "w", "count"), [(1, 3, 1), (2, 5, 1), (3, 7, 1), (3, 2, 0), (1, 2, 0)]
)
def test_class_multiplicity_at_the_edge_of_the_triangle(u: int, w: int, count: int) -> None:
    """w − 1 = 2u is the shortest class with u pairs (one word, P…P); below it none, also
    where the binomial's upper index w − 3 would be negative."""
    assert class_multiplicity(u, w) == count


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: class_multiplicity(-1, 3), r"^u must be >= 0, got -1$"),
        (lambda: class_multiplicity(1, 0), r"^w must be >= 1, got 0$"),
        (lambda: small_q_divergent(1.5), r"^j must be an integer"),  # type: ignore[arg-type]
        (lambda: classes_of_order(-1), r"^k must be >= 0, got -1$"),
        (lambda: power_counting_proof(-1), r"^order must be >= 0, got -1$"),
        (
            lambda: term_by_term_integral(2, 1.5, phi=class_average),  # type: ignore[arg-type]
            r"^j must be an integer, got 1.5$",
        ),
        (lambda: needs_no_phi(1.5, 4), r"^j must be an integer, got 1.5$"),  # type: ignore[arg-type]
    ],
)
def test_class_and_divergence_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]
