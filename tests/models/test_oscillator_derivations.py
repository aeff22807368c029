"""The oscillator's derivations check exactly the range they print
(:mod:`sumrules.models.oscillator`).

Each step of ``resolvent_expansion_steps``, ``weight_minus_two_steps`` and
``model_input_checks`` checks an ingredient over a printed range ("k <= order", "n = 2..5",
"through omega^(order - 1)", "P h^n P, n <= 8", "n <= 4"): a wrong ingredient inside the range
fails the step, one just outside does not. Also the default orders and that the title is
the one the committed proof book prints.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sympy
import sympy as sp
from proofbook import book_text

from sumrules.models import oscillator as osc
from sumrules.models.oscillator import OMEGA, Y
from sumrules.theory.expansion import M


def test_resolvent_expansion_steps_default_order_is_6() -> None:
    default = [st.to_latex() for st in osc.resolvent_expansion_steps().steps]
    assert default == [st.to_latex() for st in osc.resolvent_expansion_steps(6).steps]
    assert default != [st.to_latex() for st in osc.resolvent_expansion_steps(7).steps]


def test_resolvent_expansion_steps_checks_through_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """'k <= order' is printed: a wrong moment at k = order fails, one at order + 1 does not."""
    true = osc.resolvent_series_coefficient

    def wrong_at(bad: int) -> Callable[..., sp.Expr]:
        return lambda k, **kw: true(k, **kw) + (OMEGA**k if k == bad else 0)

    monkeypatch.setattr(osc, "resolvent_series_coefficient", wrong_at(4))
    assert osc.resolvent_expansion_steps(4).failed
    monkeypatch.setattr(osc, "resolvent_series_coefficient", wrong_at(5))
    assert osc.resolvent_expansion_steps(4).ok


def test_weight_minus_two_default_order_is_10_and_its_title_is_printed() -> None:
    derivation = osc.weight_minus_two_steps()
    assert derivation.steps[3].justification.endswith("through omega^9")  # omega^(order - 1)
    # the title is printed as the heading of the claim in the committed proof book
    book = book_text()
    heading = derivation.to_latex().splitlines()[0]
    assert heading.startswith("\\subsubsection*{Oscillator, weight $Q^{-4}$") and heading in book


def test_weight_minus_two_dipole_line_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 1 compares sympy's integral of the n = 1 line with E_1: 10 % too strong fails."""
    true = osc.line_strength
    factor = sp.Rational(11, 10)  # off by 0.18 at eps = 1/10: caught by a 1e-25 tolerance
    monkeypatch.setattr(osc, "line_strength", lambda n, y=Y: (factor if n == 1 else 1) * true(n, y))
    steps = osc.weight_minus_two_steps(4).steps
    assert steps[0].passed is False
    assert steps[1].passed is True  # negative control: the lines n >= 2 are untouched


def test_weight_minus_two_finite_lines_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 2 compares sympy's integral of each line n = 2..5 with the Gamma formula."""
    true = osc.line_strength
    monkeypatch.setattr(osc, "line_strength", lambda n, y=Y: (2 if n == 2 else 1) * true(n, y))
    steps = osc.weight_minus_two_steps(4).steps
    assert steps[0].passed is True and steps[1].passed is False


@pytest.mark.parametrize(("bad", "fails"), [(2, True), (6, False)])
def test_weight_minus_two_lines_checked_for_n_2_to_5(
    monkeypatch: pytest.MonkeyPatch, bad: int, fails: bool
) -> None:
    """The method prints 'n = 2..5': a wrong Gamma formula is caught at 2, not at 6."""
    true = osc.line_weighted_integral

    def wrong(n: int, j: int, **kw: sp.Expr) -> sp.Expr:
        return true(n, j, **kw) * (2 if n == bad else 1)

    monkeypatch.setattr(osc, "line_weighted_integral", wrong)
    steps = osc.weight_minus_two_steps(4).steps
    assert (steps[1].passed is False) is fails
    assert (steps[2].passed is False) is fails


@pytest.mark.parametrize(("power", "fails"), [(3, True), (4, False)])
def test_weight_minus_two_series_checked_through_order_minus_1(
    monkeypatch: pytest.MonkeyPatch, power: int, fails: bool
) -> None:
    """'through omega^(order - 1)': an error at omega^(order-1) is caught, at omega^order not."""
    true = osc.expansion_weighted_prediction
    monkeypatch.setattr(
        osc,
        "expansion_weighted_prediction",
        lambda j, order, **kw: true(j, order, **kw) + OMEGA**power / M,
    )
    assert (osc.weight_minus_two_steps(4).steps[3].passed is False) is fails


@pytest.mark.parametrize(("n_h", "fails"), [(8, True), (9, False)])
def test_weight_minus_two_words_checked_for_n_le_8(
    monkeypatch: pytest.MonkeyPatch, n_h: int, fails: bool
) -> None:
    """The method prints 'P h^n P, n <= 8': a wrong word at n = 8 is caught, at n = 9 not."""
    true = osc.word_expectation
    bad = "P" + "h" * n_h + "P"
    monkeypatch.setattr(
        osc, "word_expectation", lambda w, **kw: true(w, **kw) * (2 if w == bad else 1)
    )
    assert (osc.weight_minus_two_steps(4).steps[4].passed is False) is fails


def test_weight_minus_two_resummation_needs_the_geometric_series(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The all-orders step rests on sympy's sum of x^n: a wrong geometric series fails it."""
    assert osc.weight_minus_two_steps(4).steps[4].passed is True
    real = sympy.summation
    monkeypatch.setattr(sympy, "summation", lambda f, *limits: real(f, *limits) + 1)
    assert osc.weight_minus_two_steps(4).steps[4].passed is False


@pytest.mark.parametrize(("bad", "fails"), [(4, True), (5, False)])
def test_model_input_checks_ladder_series_for_n_le_4(bad: int, fails: bool) -> None:
    """The step prints 'n <= 4': a strength wrong at n = 4 is caught, one wrong at n = 5 not."""

    def strength(n: sp.Symbol | int, y: sp.Expr) -> sp.Expr:
        return osc.line_strength(n, y) * (2 if n == bad else 1)

    steps = osc.model_input_checks(strength).steps
    assert (steps[3].passed is False) is fails
    assert steps[1].passed is True  # the symbolic sums do not see one integer n
