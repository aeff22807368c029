"""The pole integral of Eq. (19) in closed form (:mod:`sumrules.theory.pole_integral.closed_form`).

Pins the closed form (known values, the index limits, defaults m = T = 1), the printed formula
and its sign error at even w, the general form for symbolic s and w with its argument checks,
the zero condition (s ≥ 0 is needed), and the induction proof; wrong variants of the formula
(half the prefactor, one derivative fewer, the opposite sign) are rejected by the same checks.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import assume, example, given
from poletools import M_SYM, POS, S_RANGE, T_SYM, W_RANGE, M, T, exactly_equal

from sumrules.theory.pole_integral.closed_form import (
    PRINTED_LATEX,
    KernelStep,
    induction_checks,
    induction_proof,
    pole_integral,
    pole_integral_distributional,
    pole_integral_general,
    pole_integral_printed,
    pole_integral_vanishes,
)
from sumrules.theory.pole_integral.routes import MAX_INDEX

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


# ------------------------------------------------------------------ values and limits


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


@pytest.mark.parametrize("s", [MAX_INDEX, -MAX_INDEX])
def test_closed_form_accepts_the_limit_and_rejects_one_more(s: int) -> None:
    assert pole_integral(s, 1, T=sp.Rational(1, 2)) == 2  # 2m (2mT)^s with 2mT = 1
    assert pole_integral(0, MAX_INDEX) == 0
    with pytest.raises(ValueError, match=r"^s must satisfy \|s\| <= 1000, got"):
        pole_integral(s + (1 if s > 0 else -1), 1)
    with pytest.raises(ValueError, match=r"^w must be <= 1000, got 1001$"):
        pole_integral(0, MAX_INDEX + 1)


def test_w_equal_one_is_accepted_everywhere() -> None:
    assert pole_integral(2, 1) == 8 and pole_integral_vanishes(2, 1) is False
    assert pole_integral(sp.Integer(2), sp.Integer(1)) == 8  # sympy integers are integers too


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


def test_printed_form_with_symbols_differentiates_in_q2() -> None:
    """With symbolic m, T the derivative must be taken in Q² only (m appears after one step)."""
    for w in (1, 2, 3, 4):
        printed = pole_integral_printed(3, w, M, T)
        assert sp.simplify(printed - (-1) ** (w - 1) * pole_integral(3, w, m=M, T=T)) == 0


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


@pytest.mark.parametrize("bad", ["2", 2.0, True, None, sp.Symbol("s"), sp.Rational(1, 2)])
def test_general_closed_form_takes_only_integer_indices(bad: object) -> None:
    """A string that sympy would parse, a float, a bool, a symbol without integer=True: refused."""
    with pytest.raises(ValueError, match=r"^s must be an integer or an integer sympy symbol"):
        pole_integral_general(bad, 2)
    assert pole_integral_general(sp.Integer(2), 2) == pole_integral(2, 2)  # control: accepted


def test_vanishing_condition() -> None:
    for s in range(-6, 11):
        for w in range(1, 14):
            assert (pole_integral(s, w) == 0) == pole_integral_vanishes(s, w), (s, w)
    # the paper's unqualified "zero at w >= s + 2" fails for negative s
    assert pole_integral(-1, 1) != 0
    assert pole_integral(-3, 5) != 0
    assert pole_integral(2, 4) == 0


# ------------------------------------------------------------------ the induction proof


def test_induction_proof_all_checks_pass() -> None:
    steps = induction_proof()
    assert all(isinstance(step, KernelStep) for step in steps)
    assert all(step.passed is not False for step in steps)
    assert sum(step.passed is True for step in steps) >= 6
    assert all(step.lhs and step.rhs and step.justification for step in steps)


def _assert_complete(steps: list, pattern: list[bool | None]) -> None:
    """Every step has its texts; exactly the steps that carry a check have a method and pass."""
    assert [step.passed for step in steps] == pattern
    for step in steps:
        assert all(isinstance(x, str) and x for x in (step.lhs, step.rhs, step.justification)), step
        assert bool(step.method) == (step.passed is not None), step


def test_induction_proof_every_claimed_check_ran_and_passed() -> None:
    from sumrules.theory.pole_integral.closed_form import induction_proof

    _assert_complete(induction_proof(), [None, *[True] * 7])
