"""Tests written to kill mutants that survived the kernel's own tests (see docs/mutation.md).

Each test states a behaviour that was not pinned down before: default arguments, the documented
size limits, the exact wording that names a bad argument, and the numeric route's accuracy at
the largest indices and at m, T far from 1.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.theory.pole_integral.closed_form import (
    pole_integral,
    pole_integral_general,
    pole_integral_printed,
    pole_integral_vanishes,
)
from sumrules.theory.pole_integral.routes import (
    MAX_INDEX,
    MAX_ROUTE_INDEX,
    pole_integral_distributional,
    pole_integral_finite_eps,
    pole_integral_numeric,
)

M, T = sp.symbols("m T", positive=True)


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


@pytest.mark.parametrize("s", [MAX_INDEX, -MAX_INDEX])
def test_closed_form_accepts_the_limit_and_rejects_one_more(s: int) -> None:
    assert pole_integral(s, 1, T=sp.Rational(1, 2)) == 2  # 2m (2mT)^s with 2mT = 1
    assert pole_integral(0, MAX_INDEX) == 0
    with pytest.raises(ValueError, match=r"^s must satisfy \|s\| <= 1000, got"):
        pole_integral(s + (1 if s > 0 else -1), 1)
    with pytest.raises(ValueError, match=r"^w must be <= 1000, got 1001$"):
        pole_integral(0, MAX_INDEX + 1)


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


def test_printed_form_with_symbols_differentiates_in_q2() -> None:
    """With symbolic m, T the derivative must be taken in Q² only (m appears after one step)."""
    for w in (1, 2, 3, 4):
        printed = pole_integral_printed(3, w, M, T)
        assert sp.simplify(printed - (-1) ** (w - 1) * pole_integral(3, w, m=M, T=T)) == 0


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


def test_w_equal_one_is_accepted_everywhere() -> None:
    assert pole_integral(2, 1) == 8 and pole_integral_vanishes(2, 1) is False
    assert pole_integral(sp.Integer(2), sp.Integer(1)) == 8  # sympy integers are integers too


def test_general_form_names_its_arguments() -> None:
    with pytest.raises(ValueError, match=r"^s must be an integer or an integer sympy symbol"):
        pole_integral_general(None, 2)
    with pytest.raises(ValueError, match=r"^s must be an integer or an integer sympy symbol"):
        pole_integral_general(True, 2)
    with pytest.raises(ValueError, match=r"^m must be positive"):
        pole_integral_general(1, 2, m=-1)
    with pytest.raises(ValueError, match=r"^T must be positive"):
        pole_integral_general(1, 2, T=-1)
    with pytest.raises(ValueError, match=r"^w must be declared integer=True, positive=True"):
        pole_integral_general(1, sp.Symbol("w", integer=True))


def _assert_complete(steps: list, pattern: list[bool | None]) -> None:
    """Every step has its texts; exactly the steps that carry a check have a method and pass."""
    assert [st.passed for st in steps] == pattern
    for st in steps:
        assert all(isinstance(x, str) and x for x in (st.lhs, st.rhs, st.justification)), st
        assert bool(st.method) == (st.passed is not None), st


def test_induction_proof_every_claimed_check_ran_and_passed() -> None:
    from sumrules.theory.pole_integral.closed_form import induction_proof

    _assert_complete(induction_proof(), [None, *[True] * 7])


@pytest.mark.parametrize(("s", "w"), [(1, 2), (2, 1), (-2, 3), (3, 4)])
def test_distributional_steps_every_claimed_check_ran_and_passed(s: int, w: int) -> None:
    value, steps = pole_integral_distributional(s, w)
    assert value == pole_integral(s, w)
    _assert_complete(steps, [None, *[True] * 6, None])


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


# ---------------------------------------------------------------- route B's own check, route A's text
# (the steps the proof book prints are checked in tests/mutation/test_proof_book_text.py)


def test_route_b_rejects_a_wrong_partial_fraction_expansion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Negative control of route B's own check: drop one partial fraction and it must refuse."""
    from sumrules.theory.pole_integral import routes as kernel_routes

    good = kernel_routes._partial_fractions
    assert kernel_routes.pole_integral_finite_eps(2, 2) == pole_integral(2, 2)
    monkeypatch.setattr(kernel_routes, "_partial_fractions", lambda s, w, c: good(s, w, c)[1:])
    with pytest.raises(ArithmeticError, match=r"^antiderivative check failed \(symbolic in c\)$"):
        kernel_routes.pole_integral_finite_eps(2, 2)


def test_route_a_text_for_w_1_and_the_sign_of_the_parts_at_w_2() -> None:
    """The printed book shows route A at w = 3 only; w = 1 and w = 2 say what they do."""
    m, T = sp.symbols("m T", positive=True)
    one = " ".join(st.rhs + st.justification for st in pole_integral_distributional(0, 1, m, T)[1])
    assert "nothing to integrate by parts at w = 1" in one
    two = [
        st.rhs for st in pole_integral_distributional(0, 2, m, T)[1] if r"\Big[B(x)\Big]" in st.rhs
    ]
    assert two and all("(-1)" in rhs for rhs in two)  # (−1)^k with k = w − 1 = 1


@pytest.mark.parametrize("bad", ["2", 2.0, True, None, sp.Symbol("s"), sp.Rational(1, 2)])
def test_general_closed_form_takes_only_integer_indices(bad: object) -> None:
    """A string that sympy would parse, a float, a bool, a symbol without integer=True: refused."""
    with pytest.raises(ValueError, match=r"^s must be an integer or an integer sympy symbol"):
        pole_integral_general(bad, 2)
    assert pole_integral_general(sp.Integer(2), 2) == pole_integral(2, 2)  # control: accepted
