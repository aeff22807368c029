"""Tests for the pole integral of Eq. (19): three routes, closed form, printed form, induction."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import assume, example, given
from hypothesis import strategies as st

from sumrules.core.numeric import agreement_digits, precision
from sumrules.theory.pole_integral.closed_form import (
    PRINTED_LATEX,
    KernelStep,
    induction_checks,
    induction_proof,
    pole_integral,
    pole_integral_distributional,
    pole_integral_finite_eps,
    pole_integral_general,
    pole_integral_numeric,
    pole_integral_printed,
    pole_integral_vanishes,
)

POS = st.builds(sp.Rational, st.integers(1, 7), st.integers(1, 7))
S_RANGE = st.integers(-3, 8)
W_RANGE = st.integers(1, 9)
M_SYM, T_SYM = sp.symbols("m T", positive=True)


def exactly_equal(a: sp.Expr, b: sp.Expr) -> bool:
    """The one exact comparison used to accept the right formula and reject the wrong ones."""
    return bool(sp.simplify(sp.sympify(a) - sp.sympify(b)) == 0)


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


# ------------------------------------------------------------------ variants (negative controls)


def variant_half_factor(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
    """2m -> m in the prefactor."""
    return (
        (-1) ** (w - 1) * m**w / sp.factorial(w - 1) * sp.ff(s, w - 1) * (2 * m * T) ** (s - w + 1)
    )


def variant_lower_order(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
    """Derivative order w-1 -> w-2 (w >= 2)."""
    x = sp.Symbol("x", positive=True)
    k = w - 2
    return (
        (-1) ** (w - 1)
        * (2 * m) ** w
        / sp.factorial(w - 1)
        * sp.diff(x**s, x, k).subs(x, 2 * m * T)
    )


def variant_flipped(s: int, w: int, m: sp.Expr, T: sp.Expr) -> sp.Expr:
    return -pole_integral(s, w, m=m, T=T)


VARIANTS: list[Callable[[int, int, sp.Expr, sp.Expr], sp.Expr]] = [
    variant_half_factor,
    variant_lower_order,
    variant_flipped,
]


# ------------------------------------------------------------------ unit values


@pytest.mark.parametrize("s", [-3, -1, 0, 1, 2, 5])
def test_w1_is_delta_sifting(s: int) -> None:
    m, T = sp.Rational(3, 2), sp.Rational(2, 5)
    expected = 2 * m * (2 * m * T) ** s
    assert pole_integral(s, 1, m=m, T=T) == expected
    assert pole_integral_distributional(s, 1, m, T)[0] == expected
    assert pole_integral_finite_eps(s, 1, m, T) == expected


@pytest.mark.parametrize(
    ("s", "w", "m", "T", "value"),
    [
        (0, 1, 1, 1, 2),
        (1, 2, 1, 1, -4),
        (0, 2, 1, 1, 0),
        (2, 3, 1, 1, 8),
        (3, 3, 1, 1, 48),
        (-1, 2, 1, 2, sp.Rational(1, 4)),
        (-2, 3, 1, 1, sp.Rational(3, 2)),
        (2, 2, Fraction(1, 2), sp.Integer(3), -6),
    ],
)
def test_known_values(s: int, w: int, m: object, T: object, value: sp.Expr) -> None:
    assert pole_integral(s, w, m=m, T=T) == value


def test_returns_sympy_expr() -> None:
    assert isinstance(pole_integral(2, 3), sp.Expr)
    assert isinstance(pole_integral(-2, 3, m=M_SYM, T=T_SYM), sp.Expr)


# ------------------------------------------------------------------ routes agree


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


def test_route_b_rejects_a_wrong_antiderivative(monkeypatch: pytest.MonkeyPatch) -> None:
    """Negative control for route B's differentiation check: corrupt one partial fraction."""
    from sumrules.theory.pole_integral import routes as kernel_routes

    original = kernel_routes._partial_fractions

    def corrupted(s: int, w: int, c: sp.Symbol) -> list[tuple[sp.Expr, str, int]]:
        terms = original(s, w, c)
        coef, base, power = terms[0]
        return [(2 * coef, base, power), *terms[1:]]

    assert pole_integral_finite_eps(2, 3, 1, 1) == 8
    monkeypatch.setattr(kernel_routes, "_partial_fractions", corrupted)
    for s in (2, -2):
        with pytest.raises(ArithmeticError, match="antiderivative check failed"):
            pole_integral_finite_eps(s, 3, 1, 1)


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


# ------------------------------------------------------------------ the printed formula


@given(s=S_RANGE, w=W_RANGE, m=POS, T=POS)
@example(s=1, w=2, m=sp.Integer(1), T=sp.Integer(1))
def test_printed_sign_error_for_even_w(s: int, w: int, m: sp.Expr, T: sp.Expr) -> None:
    correct = pole_integral(s, w, m=m, T=T)
    printed = pole_integral_printed(s, w, m, T)
    if w % 2 == 1:
        assert exactly_equal(printed, correct)
    else:
        assert exactly_equal(printed, -correct)
        if correct != 0:
            assert not exactly_equal(printed, correct)


def test_printed_latex_is_stored_as_printed() -> None:
    assert r"\left(2m_e \frac{d}{dQ^2} \right)^{w-1}" in PRINTED_LATEX


@given(s=S_RANGE, w=W_RANGE)
@example(s=2, w=3)
@example(s=-1, w=2)
def test_negative_controls_rejected(s: int, w: int) -> None:
    """Symbolic m, T: a variant passes only if it is an identity, never by a numeric accident."""
    m, T = M_SYM, T_SYM
    reference = pole_integral_distributional(s, w, m, T)[0]
    assume(reference != 0)  # a rescaled zero is still zero: nothing to reject there
    assert exactly_equal(pole_integral(s, w, m=m, T=T), reference)
    for variant in VARIANTS:
        if variant is variant_lower_order and w == 1:
            continue
        assert not exactly_equal(variant(s, w, m, T), reference), variant.__name__


def test_negative_control_lower_order_where_zero() -> None:
    """Where the true value vanishes (s >= 0, w >= s + 2) one derivative fewer does not."""
    for s in range(5):
        assert pole_integral(s, s + 2) == 0
        assert not exactly_equal(variant_lower_order(s, s + 2, M_SYM, T_SYM), 0)


def test_negative_controls_rejected_by_induction() -> None:
    assert induction_checks(lambda s, w, m, T: pole_integral_general(s, w, m, T)) == (True, True)

    def half(s: sp.Expr, w: sp.Expr, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return pole_integral_general(s, w, m, T) / 2**w

    def flipped(s: sp.Expr, w: sp.Expr, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return -pole_integral_general(s, w, m, T)

    def lower(s: sp.Expr, w: sp.Expr, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return (
            (-1) ** (w - 1)
            * (2 * m) ** w
            / sp.factorial(w - 1)
            * sp.ff(s, w - 2)
            * (2 * m * T) ** (s - w + 2)
        )

    def printed(s: sp.Expr, w: sp.Expr, m: sp.Expr, T: sp.Expr) -> sp.Expr:
        return (-1) ** (w - 1) * pole_integral_general(s, w, m, T)

    for wrong in (half, flipped, lower, printed):
        assert induction_checks(wrong) != (True, True), wrong.__name__


# ------------------------------------------------------------------ general form and vanishing


def test_general_form_matches_closed_form() -> None:
    s = sp.Symbol("s", integer=True)
    w = sp.Symbol("w", integer=True, positive=True)
    general = pole_integral_general(s, w, M_SYM, T_SYM)
    for sv in range(-3, 7):
        for wv in range(1, 8):
            value = general.subs({s: sv, w: wv})
            assert exactly_equal(value, pole_integral(sv, wv, m=M_SYM, T=T_SYM)), (sv, wv)


def test_general_form_validation() -> None:
    with pytest.raises(ValueError, match=r"^s "):
        pole_integral_general(sp.Symbol("s"), 2)
    with pytest.raises(ValueError, match=r"^w "):
        pole_integral_general(1, sp.Symbol("w", integer=True))
    with pytest.raises(ValueError, match=r"^T "):
        pole_integral_general(1, 2, 1, sp.Symbol("T"))


def test_vanishing_condition() -> None:
    for s in range(-6, 11):
        for w in range(1, 14):
            assert (pole_integral(s, w) == 0) == pole_integral_vanishes(s, w), (s, w)
    # the paper's unqualified "zero at w >= s + 2" fails for negative s
    assert pole_integral(-1, 1) != 0
    assert pole_integral(-3, 5) != 0
    assert pole_integral(2, 4) == 0


def test_induction_proof_all_checks_pass() -> None:
    steps = induction_proof()
    assert all(isinstance(step, KernelStep) for step in steps)
    assert all(step.passed is not False for step in steps)
    assert sum(step.passed is True for step in steps) >= 6
    assert all(step.lhs and step.rhs and step.justification for step in steps)


def test_route_a_steps_are_recorded() -> None:
    value, steps = pole_integral_distributional(2, 3, 1, 1)
    assert value == 8
    assert len(steps) >= 7
    assert sum(step.passed is True for step in steps) >= 5
    assert "Sokhotski" in " ".join(step.justification for step in steps)


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
