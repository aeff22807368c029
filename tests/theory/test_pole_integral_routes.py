"""The three routes to the pole integral of Eq. (19) (:mod:`sumrules.theory.pole_integral.routes`).

Route A (Sokhotski–Plemelj and integrations by parts, recorded as steps), route B (an exact
antiderivative at finite ε, checked by differentiation) and route C (mpmath on a half-circle)
agree with each other and with the closed form for rational, algebraic and symbolic m, T.
Pinned too: the shared input rules and the message naming each bad argument, the documented
index limits, the defaults, the numeric route's digits at the largest indices and far from
m = T = 1, the partial fractions behind route B and its own check, and the text of route A.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from poletools import M_SYM, POS, S_RANGE, T_SYM, W_RANGE, M, T, exactly_equal

from sumrules.core.numeric import agreement_digits, precision
from sumrules.theory.pole_integral import routes
from sumrules.theory.pole_integral.closed_form import (
    pole_integral,
    pole_integral_general,
    pole_integral_printed,
    pole_integral_vanishes,
)
from sumrules.theory.pole_integral.routes import (
    MAX_INDEX,
    MAX_ROUTE_INDEX,
    partial_fractions,
    pole_integral_distributional,
    pole_integral_finite_eps,
    pole_integral_numeric,
)


def numeric_digits(
    value: mpmath.mpf, exact: sp.Expr, scale: sp.Expr = sp.S.One, dps: int = 30
) -> float:
    """Agreement digits of a numeric value with an exact number.

    For an exact zero, the digits by which ``|value|`` is below the integrand's ``scale``
    (quadrature noise relative to the size of the terms that cancel).
    """
    with precision(dps + 10):
        ref = mpmath.mpf(sp.N(exact, dps + 15))
        if ref == 0:
            size = mpmath.mpf(sp.N(scale, dps + 15))
            return float(-mpmath.log10(abs(value) / size)) if value != 0 else float("inf")
        return agreement_digits(value, ref)


# ------------------------------------------------------------------ the routes agree


@pytest.mark.parametrize("s", [-3, -1, 0, 1, 2, 5])
def test_w1_is_delta_sifting(s: int) -> None:
    m, T = sp.Rational(3, 2), sp.Rational(2, 5)
    expected = 2 * m * (2 * m * T) ** s
    assert pole_integral(s, 1, m=m, T=T) == expected
    assert pole_integral_distributional(s, 1, m, T)[0] == expected
    assert pole_integral_finite_eps(s, 1, m, T) == expected


@given(s=S_RANGE, w=W_RANGE, m=POS, T=POS)
@example(s=-3, w=9, m=sp.Rational(1, 7), T=sp.Rational(7, 1))
@example(s=8, w=9, m=sp.Integer(1), T=sp.Integer(1))
def test_route_a_equals_route_b(s: int, w: int, m: sp.Expr, T: sp.Expr) -> None:
    value_a, steps = pole_integral_distributional(s, w, m, T)
    assert all(step.passed is not False for step in steps)
    value_b = pole_integral_finite_eps(s, w, m, T)
    assert exactly_equal(value_a, value_b)
    assert exactly_equal(value_a, pole_integral(s, w, m=m, T=T))


@given(s=S_RANGE, w=W_RANGE, m=POS, T=POS)
@example(s=-3, w=9, m=sp.Rational(1, 7), T=sp.Rational(1, 7))
def test_route_c_agrees_to_28_digits(s: int, w: int, m: sp.Expr, T: sp.Expr) -> None:
    value = pole_integral_numeric(s, w, m, T, dps=30)
    assert isinstance(value, mpmath.mpf)
    scale = (2 * m) ** w * (2 * m * T) ** (s - w + 1)  # size of the terms that may cancel
    assert numeric_digits(value, pole_integral(s, w, m=m, T=T), scale) >= 28


def test_route_c_defaults_to_30_digits() -> None:
    """At m = 3/2, T = 2/5 the value is not a binary fraction: 31 digits round differently."""
    from modelrefs import assert_default

    assert_default(pole_integral_numeric, "dps", 30, 31, 2, 2, sp.Rational(3, 2), sp.Rational(2, 5))


def test_route_c_rejects_flipped_sign() -> None:
    value = pole_integral_numeric(3, 2, 1, 1)
    assert numeric_digits(value, pole_integral(3, 2)) >= 28
    assert numeric_digits(value, -pole_integral(3, 2)) < 1
    assert numeric_digits(value, pole_integral_printed(3, 2)) < 1


def test_full_grid_routes_a_b_deterministic() -> None:
    m, T = sp.Rational(2, 3), sp.Rational(5, 7)
    for s in range(-3, 9):
        for w in range(1, 10):
            closed = pole_integral(s, w, m=m, T=T)
            value_a, steps = pole_integral_distributional(s, w, m, T)
            assert all(step.passed is not False for step in steps), (s, w)
            assert value_a == closed, (s, w)
            assert pole_integral_finite_eps(s, w, m, T) == closed, (s, w)


def test_route_b_independent_of_interval_and_negative_s() -> None:
    for s, w in [(-1, 1), (-2, 2), (-3, 4), (2, 2)]:
        ref = pole_integral(s, w, m=1, T=2)
        assert pole_integral_finite_eps(s, w, 1, 2, a=sp.Rational(1, 10), b=100) == ref
        assert (
            pole_integral_finite_eps(s, w, 1, 2, a=sp.Rational(39, 10), b=sp.Rational(41, 10))
            == ref
        )


def test_algebraic_m_t() -> None:
    m, T = sp.sqrt(2), sp.Rational(1, 3)
    ref = pole_integral(2, 2, m=m, T=T)
    assert exactly_equal(ref, -32 * sp.sqrt(2) / 3)
    assert exactly_equal(pole_integral_finite_eps(2, 2, m, T), ref)
    assert exactly_equal(pole_integral_distributional(2, 2, m, T)[0], ref)
    assert numeric_digits(pole_integral_numeric(2, 2, m, T), ref) >= 28


def test_symbolic_m_t() -> None:
    m, T = M_SYM, T_SYM
    assert pole_integral(3, 2, m=m, T=T) == -48 * T**2 * m**4
    for s, w in [(3, 2), (-2, 3), (4, 5)]:
        ref = pole_integral(s, w, m=m, T=T)
        assert exactly_equal(pole_integral_distributional(s, w, m, T)[0], ref)
        assert exactly_equal(pole_integral_finite_eps(s, w, m, T), ref)
        assert exactly_equal(pole_integral_finite_eps(s, w, m, T, a=m * T / 2, b=4 * m * T), ref)
        assert exactly_equal(pole_integral_general(s, w, m, T), ref)


# ------------------------------------------------------------------ limits and defaults


def test_documented_limits() -> None:
    assert (MAX_INDEX, MAX_ROUTE_INDEX) == (1000, 64)


def test_defaults_are_m_1_and_t_1() -> None:
    assert pole_integral(1, 2) == pole_integral(1, 2, m=1, T=1) == -4
    assert pole_integral_printed(2, 3) == 8 and pole_integral_printed(2, 2) == 16
    assert pole_integral_general(1, 2) == -4
    assert pole_integral_general(2, 2) == pole_integral(2, 2) == -16  # T enters: -16 T
    assert pole_integral_distributional(1, 2)[0] == -4
    assert pole_integral_finite_eps(1, 2) == -4
    assert agreement_digits(pole_integral_numeric(1, 2), -4) >= 29
    assert agreement_digits(pole_integral_numeric(3, 2, dps=12), -48) >= 11


@pytest.mark.parametrize("route", [pole_integral_distributional, pole_integral_finite_eps])
def test_symbolic_routes_accept_the_limit_and_reject_one_more(route) -> None:
    for s, w in ((MAX_ROUTE_INDEX, 1), (-MAX_ROUTE_INDEX, 1), (1, MAX_ROUTE_INDEX)):
        value = route(s, w)
        value = value[0] if isinstance(value, tuple) else value
        assert value == pole_integral(s, w)
    with pytest.raises(ValueError, match=r"^s must satisfy \|s\| <= 64, got 65$"):
        route(MAX_ROUTE_INDEX + 1, 1)
    with pytest.raises(ValueError, match=r"^s must satisfy \|s\| <= 64, got -65$"):
        route(-MAX_ROUTE_INDEX - 1, 1)
    with pytest.raises(ValueError, match=r"^w must be <= 64, got 65$"):
        route(1, MAX_ROUTE_INDEX + 1)


@pytest.mark.parametrize(("s", "w"), [(64, 64), (-64, 64), (64, 1), (-64, 1), (-64, 33)])
def test_numeric_route_keeps_its_digits_at_the_largest_indices(s: int, w: int) -> None:
    """The guard digits ⌈(|s| + w) log10 2⌉ are needed: without them these lose ~19-39 digits."""
    assert agreement_digits(pole_integral_numeric(s, w, dps=30), pole_integral(s, w)) >= 29


def test_numeric_route_rejects_index_above_its_limit() -> None:
    with pytest.raises(ValueError, match=r"^w must be <= 64"):
        pole_integral_numeric(1, MAX_ROUTE_INDEX + 1)


@pytest.mark.parametrize(
    ("m", "t"), [(sp.Rational(1, 10**10), sp.Integer(10**10)), (sp.Integer(10) ** 40, 3)]
)
def test_numeric_route_is_scale_free(m: sp.Expr, t: sp.Expr) -> None:
    """m, T far from 1: the quadrature integrates a normalized integrand (mpmath stops on an
    absolute error): before, m = 1e-10, T = 1e10 gave 3 digits."""
    exact = pole_integral(-64, 64, m=m, T=t)
    assert agreement_digits(pole_integral_numeric(-64, 64, m, t, dps=20), exact) >= 19


@pytest.mark.parametrize(("kw", "name"), [({"T": T}, "T"), ({"m": M}, "m")])
def test_numeric_route_needs_numbers(kw: dict[str, sp.Expr], name: str) -> None:
    with pytest.raises(ValueError, match=rf"^{name} must be a number for the numeric route"):
        pole_integral_numeric(1, 2, **kw)


# -------------------------------------------------- route B: partial fractions and its own check


@pytest.mark.parametrize("s", [-4, -1, 0, 1, 5])
@pytest.mark.parametrize("w", [1, 2, 4])
def test_partial_fractions_sum_to_the_integrand(s: int, w: int) -> None:
    """Σ coef·base^power is x^s (x − c)^(−w) identically in x and c (route B's input)."""
    x, c = sp.symbols("x c")
    terms = partial_fractions(s, w, c)
    total = sum(co * (x if base == "x" else x - c) ** p for co, base, p in terms)
    assert sp.simplify(total - x**s * (x - c) ** (-w)) == 0
    assert {base for _, base, _ in terms} <= {"x", "x-c"}
    # negative control: one term fewer is another function
    fewer = sum(co * (x if base == "x" else x - c) ** p for co, base, p in terms[1:])
    assert sp.simplify(fewer - x**s * (x - c) ** (-w)) != 0


def test_route_b_rejects_a_wrong_antiderivative(monkeypatch: pytest.MonkeyPatch) -> None:
    """Negative control for route B's differentiation check: corrupt one partial fraction."""
    original = routes.partial_fractions

    def corrupted(s: int, w: int, c: sp.Symbol) -> list[tuple[sp.Expr, str, int]]:
        terms = original(s, w, c)
        coef, base, power = terms[0]
        return [(2 * coef, base, power), *terms[1:]]

    assert pole_integral_finite_eps(2, 3, 1, 1) == 8
    monkeypatch.setattr(routes, "partial_fractions", corrupted)
    for s in (2, -2):
        with pytest.raises(ArithmeticError, match="antiderivative check failed"):
            pole_integral_finite_eps(s, 3, 1, 1)


def test_route_b_rejects_a_wrong_partial_fraction_expansion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Negative control of route B's own check: drop one partial fraction and it must refuse."""
    good = routes.partial_fractions
    assert pole_integral_finite_eps(2, 2) == pole_integral(2, 2)
    monkeypatch.setattr(routes, "partial_fractions", lambda s, w, c: good(s, w, c)[1:])
    with pytest.raises(ArithmeticError, match=r"^antiderivative check failed \(symbolic in c\)$"):
        pole_integral_finite_eps(2, 2)


# ------------------------------------------------------------------ route A: its recorded steps


def test_route_a_steps_are_recorded() -> None:
    value, steps = pole_integral_distributional(2, 3, 1, 1)
    assert value == 8
    assert len(steps) >= 7
    assert sum(step.passed is True for step in steps) >= 5
    assert "Sokhotski" in " ".join(step.justification for step in steps)


def _assert_complete(steps: list, pattern: list[bool | None]) -> None:
    """Every step has its texts; exactly the steps that carry a check have a method and pass."""
    assert [step.passed for step in steps] == pattern
    for step in steps:
        assert all(isinstance(x, str) and x for x in (step.lhs, step.rhs, step.justification)), step
        assert bool(step.method) == (step.passed is not None), step


@pytest.mark.parametrize(("s", "w"), [(1, 2), (2, 1), (-2, 3), (3, 4)])
def test_distributional_steps_every_claimed_check_ran_and_passed(s: int, w: int) -> None:
    value, steps = pole_integral_distributional(s, w)
    assert value == pole_integral(s, w)
    _assert_complete(steps, [None, *[True] * 6, None])


def test_route_a_text_for_w_1_and_the_sign_of_the_parts_at_w_2() -> None:
    """The printed book shows route A at w = 3 only; w = 1 and w = 2 say what they do."""
    m, T = sp.symbols("m T", positive=True)
    one = " ".join(st.rhs + st.justification for st in pole_integral_distributional(0, 1, m, T)[1])
    assert "nothing to integrate by parts at w = 1" in one
    two = [
        st.rhs for st in pole_integral_distributional(0, 2, m, T)[1] if r"\Big[B(x)\Big]" in st.rhs
    ]
    assert two and all("(-1)" in rhs for rhs in two)  # (−1)^k with k = w − 1 = 1


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"s": 2.0}, "s"),
        ({"s": True}, "s"),
        ({"s": "1"}, "s"),
        ({"s": sp.Rational(1, 2)}, "s"),
        ({"w": 1.0}, "w"),
        ({"w": False}, "w"),
        ({"w": 0}, "w"),
        ({"w": -2}, "w"),
        ({"m": 0}, "m"),
        ({"m": -1}, "m"),
        ({"m": 1.5}, "m"),
        ({"m": "x"}, "m"),
        ({"m": None}, "m"),
        ({"m": sp.oo}, "m"),
        ({"m": sp.Symbol("m")}, "m"),
        ({"T": Fraction(-1, 2)}, "T"),
        ({"T": sp.Integer(0)}, "T"),
        ({"T": sp.I}, "T"),
        ({"T": sp.Symbol("T", real=True)}, "T"),
        ({"T": sp.Float(2)}, "T"),
        ({"T": [1]}, "T"),
    ],
)
def test_bad_input_names_argument(kwargs: dict[str, object], name: str) -> None:
    args: dict[str, object] = {"s": 1, "w": 2, "m": 1, "T": 1} | kwargs
    with pytest.raises(ValueError, match=f"^{name} "):
        pole_integral(args["s"], args["w"], m=args["m"], T=args["T"])
    for route in (pole_integral_distributional, pole_integral_finite_eps, pole_integral_numeric):
        with pytest.raises(ValueError, match=f"^{name} "):
            route(args["s"], args["w"], args["m"], args["T"])
    with pytest.raises(ValueError, match=f"^{name} "):
        pole_integral_printed(args["s"], args["w"], args["m"], args["T"])


def test_bad_interval_and_numeric_inputs() -> None:
    with pytest.raises(ValueError, match=r"^a "):
        pole_integral_finite_eps(1, 2, 1, 1, a=3, b=5)
    with pytest.raises(ValueError, match=r"^b "):
        pole_integral_finite_eps(1, 2, 1, 1, a=1, b=2)
    with pytest.raises(ValueError, match=r"^a "):
        pole_integral_finite_eps(1, 2, 1, 1, a=-1, b=5)
    with pytest.raises(ValueError, match=r"^m "):
        pole_integral_numeric(1, 2, M_SYM, 1)
    with pytest.raises(ValueError, match=r"^dps "):
        pole_integral_numeric(1, 2, 1, 1, dps=5)
    with pytest.raises(ValueError, match=r"^s "):
        pole_integral_vanishes(1.0, 2)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Fraction(1, 2), None),
        (sp.sqrt(2), None),
        (sp.Rational(3, 7), None),
        (0.5, r"^m must be a positive exact number or symbol, got 0.5$"),
        (sp.Float(2) * M, r"^m must be exact \(no floats\)"),
        (sp.oo, r"^m must be finite, got oo$"),
        (M + sp.oo, r"^m must be finite"),
        (-sp.oo, r"^m must be finite, got -oo$"),
        (sp.zoo, r"^m must be finite, got zoo$"),
        (sp.nan, r"^m must be finite, got nan$"),
        (M - sp.oo, r"^m must be finite"),
        (sp.Symbol("q"), r"^m must be positive: declare its symbols with positive=True, got q$"),
        (-M, r"^m must be positive: declare"),
        (sp.Integer(0), r"^m must be positive, got 0$"),
        (-3, r"^m must be positive, got -3$"),
        (True, r"^m must be a positive exact number or symbol, got True$"),
        ("2", r"^m must be a positive exact number or symbol, got '2'$"),
    ],
)
def test_positive_argument_messages(value: object, message: str | None) -> None:
    if message is None:
        expected = (-1) * (2 * sp.sympify(value)) ** 2 * 1 * (2 * sp.sympify(value)) ** 0
        assert sp.simplify(pole_integral(1, 2, m=value) - expected) == 0
    else:
        with pytest.raises(ValueError, match=message):
            pole_integral(1, 2, m=value)


@pytest.mark.parametrize(
    ("s", "w", "message"),
    [
        (True, 1, r"^s must be an integer, got True$"),
        (1.0, 1, r"^s must be an integer, got 1.0$"),
        (1, False, r"^w must be an integer, got False$"),
        (1, 0, r"^w must be an integer >= 1, got 0$"),
        (1, -2, r"^w must be an integer >= 1, got -2$"),
    ],
)
def test_integer_argument_messages(s: object, w: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pole_integral(s, w)


def test_finite_eps_names_its_interval_arguments() -> None:
    with pytest.raises(ValueError, match=r"^b must be a positive exact number or symbol"):
        pole_integral_finite_eps(1, 2, b="3")
    with pytest.raises(ValueError, match=r"^a must be a positive exact number or symbol"):
        pole_integral_finite_eps(1, 2, a="1/2")
    with pytest.raises(ValueError, match=r"^a must satisfy 0 < a < 2mT, got 2$"):
        pole_integral_finite_eps(1, 2, a=2)
    with pytest.raises(ValueError, match=r"^b must satisfy b > 2mT, got 2$"):
        pole_integral_finite_eps(1, 2, b=2)
    assert pole_integral_finite_eps(-1, 3, 1, 1, a=sp.Rational(1, 100), b=50) == pole_integral(
        -1, 3
    )
