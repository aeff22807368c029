"""The declaration of a claim: ids, anchors, printed statements, tolerances, quantities."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from toyclaims import hatch, toy_quantity

from sumrules.core.claim import (
    EXACT,
    FAMILIES,
    Claim,
    Comparison,
    Findings,
    Printed,
    Quantity,
    QuantityResult,
    Route,
    Tolerance,
    anchor_of,
    digits,
    printed_holds,
)
from sumrules.core.ledger import Context


@pytest.mark.parametrize(("cid", "anchor"), [("eq7", 7.0), ("eq12.large-t", 12.0), ("eq20", 20.0)])
def test_eq_ids_take_their_equation_number_as_anchor(cid: str, anchor: float) -> None:
    assert anchor_of(cid) == anchor
    assert hatch(cid).anchor == anchor


def test_an_explicit_anchor_overrides_the_number_and_sentences_need_one() -> None:
    assert anchor_of("eq7", 2.5) == 2.5
    assert hatch("text.recoil", anchor=3).anchor == 3.0
    with pytest.raises(ValueError, match="needs an anchor"):
        anchor_of("text.recoil")


@pytest.mark.parametrize("bad", ["eq", "Eq1", "text.", "text.Upper", "eq1.", "tex.x", "eq1 ", 7])
def test_bad_ids_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="is not eqN"):
        anchor_of(bad)  # type: ignore[arg-type]


def test_a_claim_must_compute_something_and_name_its_quantities_once() -> None:
    with pytest.raises(ValueError, match="computes nothing"):
        Claim("eq1", title="t", printed=Printed(text="p"))
    q = toy_quantity()
    with pytest.raises(ValueError, match="share a name"):
        Claim("eq1", title="t", printed=Printed(text="p"), quantities=(q, q))


def test_order_puts_an_equation_before_a_sentence_at_the_same_anchor() -> None:
    claims = [hatch("text.a", anchor=3), hatch("eq3.b"), hatch("eq3"), hatch("eq2")]
    assert [c.id for c in sorted(claims, key=lambda c: c.order)] == [
        "eq2", "eq3", "eq3.b", "text.a",
    ]  # fmt: skip


def test_printed_latex_comes_from_the_expression() -> None:
    r = sp.Symbol("R")
    p = Printed(sp.Eq(r, sp.Rational(1, 2)), where="Eq. (12)")
    assert p.latex == r"R = \frac{1}{2}" and p.is_equation
    assert Printed(text="``a sentence''").latex == "``a sentence''"
    assert not Printed(text="x").is_equation
    assert Printed(latex_override=r"\alpha").latex == r"\alpha"
    with pytest.raises(ValueError, match="needs an expression or a text"):
        Printed()


def test_route_families_are_a_closed_list() -> None:
    assert {"closed form", "quadrature", "model", "certified", "table"} <= set(FAMILIES)
    with pytest.raises(ValueError, match="route family 'numeric'"):
        Route("x", "numeric", lambda c, ctx: 1)


def test_route_runs_on_every_case_unless_restricted() -> None:
    r = Route("x", "symbolic", lambda c, ctx: 1)
    assert r.runs_on(5)
    assert not dataclasses.replace(r, applies=lambda c: c > 5).runs_on(5)


def test_quantity_needs_a_route_and_may_compute_its_cases() -> None:
    with pytest.raises(ValueError, match="has no route"):
        toy_quantity(routes=())
    q = toy_quantity(cases=lambda ctx: range(ctx.dps // 10))
    assert q.case_list(Context(dps=30)) == [0, 1, 2]


CTX = Context(dps=30)


def test_exact_values_compare_exactly_under_any_tolerance() -> None:
    m = sp.Symbol("m", positive=True)
    assert EXACT.compare(2 * m / 4, m / 2, CTX).agrees
    assert EXACT.compare(sp.sqrt(8), 2 * sp.sqrt(2), CTX).digits == math.inf
    assert (
        not digits(5)
        .compare(sp.Rational(1, 3), sp.Rational(1, 3) + sp.Rational(1, 10**40), CTX)
        .agrees
    )
    assert digits(5).compare(Fraction(1, 3), sp.Rational(1, 3), CTX).agrees
    assert EXACT.compare(True, True, CTX).agrees and not EXACT.compare("a", "b", CTX).agrees


def test_inexact_values_compare_to_digits() -> None:
    tol = digits(5)  # 25 digits at dps 30
    with mpmath.workdps(50):
        third = mpmath.mpf(1) / 3
        assert tol.compare(third, sp.Rational(1, 3), CTX).agrees
        close = tol.compare(third * (1 + mpmath.mpf(10) ** -24), third, CTX)
        assert not close.agrees and 23.9 < close.digits < 24.1
    assert tol.describe(CTX) == "25 digits" and EXACT.describe(CTX) == "exact"


def test_zero_below_treats_tiny_values_as_zero() -> None:
    tol = digits(3, zero_below=5)  # |x| <= 1e-25 at dps 30 counts as 0
    assert tol.compare(sp.Float("1e-27", 30), 0, CTX).agrees
    assert not tol.compare(sp.Float("1e-20", 30), 0, CTX).agrees
    assert not digits(3).compare(sp.Float("1e-27", 30), sp.Float("2e-27", 30), CTX).agrees


def test_tuples_compare_element_by_element() -> None:
    assert EXACT.compare((1, sp.Rational(1, 2)), (1, sp.Rational(2, 4)), CTX).agrees
    assert not EXACT.compare((1, 2), (1, 3), CTX).agrees
    assert not EXACT.compare((1, 2), (1, 2, 3), CTX).agrees
    with mpmath.workdps(40):
        v = (mpmath.mpf(1) / 3, mpmath.mpf(2) / 3)
    assert digits(5).compare(v, (sp.Rational(1, 3), sp.Rational(2, 3)), CTX).agrees
    assert not digits(5).compare(v, (sp.Rational(1, 3), 1), CTX).agrees
    assert not digits(5).compare(v, (sp.Rational(1, 3),), CTX).agrees


def test_a_custom_tolerance() -> None:
    loose = Tolerance(lambda ctx: 2)
    assert loose.compare(1.0, 1.001, CTX).agrees and not loose.exact


def _result(holds: list[bool] | None) -> QuantityResult:
    q = toy_quantity()
    values = {r.method: [1, 1, 1] for r in q.routes}
    return QuantityResult(q, [1, 2, 3], values, {"sympy integrate": 7.0}, None, holds, None, {})


def test_quantity_result_reads_the_reference() -> None:
    r = _result([True, False, True])
    assert r.name == "integral" and r.value(2) == 1 and list(r) == [(1, 1), (2, 1), (3, 1)]
    assert r.failing == [2] and not r.all_hold and r.min_agreement == 7.0
    assert _result(None).failing == [] and not _result(None).all_hold
    assert _result([True] * 3).all_hold


def test_findings_ignore_quantities_without_a_printed_statement() -> None:
    good, unjudged, bad = _result([True] * 3), _result(None), _result([False] * 3)
    ok = Findings(CTX, {"a": good, "b": unjudged})
    assert ok.all_hold and printed_holds(ok) == "verified" and ok["a"] is good
    assert printed_holds(Findings(CTX, {"a": good, "c": bad})) == "refuted"


def test_quantity_fields_default_to_exact_and_str_labels() -> None:
    q = Quantity("q", (1,), (Route("r", "symbolic", lambda c, ctx: c),))
    assert q.tolerance is EXACT and q.label(3) == "3" and q.printed is None and q.controls == ()


def test_equal_infinities_agree_and_unequal_ones_do_not() -> None:
    assert EXACT.compare(sp.oo, sp.oo, CTX).agrees
    assert not EXACT.compare(sp.oo, -sp.oo, CTX).agrees
    assert not EXACT.compare(sp.oo, 1, CTX).agrees


# --- the comparison rules, one by one (each with a pair that must not agree) -----------------

_X = sp.Symbol("x")


@pytest.mark.parametrize(
    ("a", "b", "agrees"),
    [
        ((1, 2), (1, 2), True),
        ([1, 2], (1, 2), True),  # a list and a tuple of the same values
        ((1, 2), (1, 3), False),
        ((1, 2), (1, 2, 3), False),  # a missing entry is a disagreement, not ignored
        ((1,), 1, False),  # a sequence is not its only entry
        ("x", _X, False),  # a word is not the symbol it spells
        ("a", "a", True),
        (sp.sin(_X) ** 2 + sp.cos(_X) ** 2, 1, True),  # symbolic: simplified to 0
        (_X, 2 * _X, False),
        ((1 + sp.sqrt(2)) ** 2, 3 + 2 * sp.sqrt(2), True),  # a number sympy leaves unsimplified
        (sp.pi, 3, False),
        (sp.oo, sp.oo, True),  # oo − oo is nan, but equal objects are equal
    ],
)
def test_exact_comparison_rule_by_rule(a: object, b: object, agrees: bool) -> None:
    got = EXACT.compare(a, b, Context())
    assert got == Comparison(agrees, math.inf if agrees else 0.0)
    assert EXACT.compare(b, a, Context()).agrees is agrees


def test_objects_sympy_cannot_read_are_compared_by_equality() -> None:
    thing = object()
    assert EXACT.compare(thing, thing, Context()) == Comparison(True, math.inf)
    assert EXACT.compare(object(), object(), Context()) == Comparison(False, 0.0)


def test_numbers_below_the_zero_threshold() -> None:
    """``zero_below = k``: |values| ≤ 10^(k − dps) count as 0 (the threshold included), and
    then the two agree when |a − b| ≤ 10^(k − dps) (the threshold included)."""
    tol, ctx = digits(3, zero_below=5), Context(dps=30)
    small = mpmath.mpf(10) ** -25
    e = mpmath.mpf

    def judge(a: object, b: object) -> Comparison:
        return tol.compare(a, b, ctx)

    assert judge(small, 0.0) == judge(0.0, small) == Comparison(True, math.inf)
    assert judge(small, e("1.5e-25")) == judge(e("1.5e-25"), small) == Comparison(True, math.inf)
    assert judge(e("0.9e-25"), e("1.05e-25")) == Comparison(True, math.inf)  # one side is 0
    assert judge(e("0.5e-25"), e("0.6e-25")).agrees  # the difference, not the sum
    assert judge(e("1e-24"), 0.0) == judge(0.0, e("1e-24")) == Comparison(False, 0.0)
    assert judge(e("0.9e-25"), e("-0.9e-25")) == Comparison(False, 0.0)
    # values above the threshold are judged by digits, not as zero
    assert judge(e("1.1e-25"), e("1.1e-25")).agrees
    assert not judge(e("1.1e-25"), e("1.2e-25")).agrees


def test_digits_needed_are_a_lower_bound_included() -> None:
    ctx = Context(dps=30)
    need = 25
    tol = digits(30 - need)
    a = mpmath.mpf(1)
    with mpmath.workdps(60):
        b = a + mpmath.mpf(10) ** -need * mpmath.mpf("0.99")  # agreement just above 25 digits
        c = a + mpmath.mpf(10) ** -need * mpmath.mpf("1.5")
    assert tol.compare(a, b, ctx).agrees
    assert not tol.compare(a, c, ctx).agrees


def test_sequences_compared_to_digits_entry_by_entry() -> None:
    tol, ctx = digits(5), Context(dps=30)
    one = mpmath.mpf(1)
    assert tol.compare((one, one), (one, one), ctx).agrees
    assert tol.compare([], [], ctx) == Comparison(True, math.inf)  # nothing to disagree on
    assert tol.compare((one, one), (one,), ctx) == Comparison(False, 0.0)
    assert not tol.compare((one, one), (one, one + mpmath.mpf("1e-10")), ctx).agrees


def test_exact_values_inside_sequences_and_in_sympy() -> None:
    ctx = Context(dps=30)
    tol = digits(5)
    # all exact: compared exactly, whatever the tolerance
    assert tol.compare((sp.Rational(1, 3), 2), (sp.Rational(1, 3), 2), ctx).digits == math.inf
    assert tol.compare((sp.Rational(1, 3), 2), (sp.Rational(1, 3), 3), ctx).digits == 0.0
    # one float makes it a comparison in digits
    got = tol.compare((sp.Rational(1, 3), 2), (1 / 3, 2), ctx)
    assert got.agrees is False and 14 < got.digits < 18
    # sympy numbers are evaluated with 20 guard digits: 1/3 vs its 40-digit value
    with mpmath.workdps(30):
        third = mpmath.mpf(1) / 3
    assert tol.compare(sp.Float(sp.Rational(1, 3), 40), third, ctx).digits > 29


def test_digits_zero_threshold_is_ten_to_the_k_minus_dps() -> None:
    tol, ctx = digits(3, zero_below=5), Context(dps=30)
    assert tol.zero is not None
    assert tol.zero(ctx) == mpmath.mpf(10) ** -25


def test_bad_declarations_are_refused_with_their_message() -> None:
    with pytest.raises(ValueError, match=r"^a printed statement needs an expression or a text$"):
        Printed()
    with pytest.raises(
        ValueError, match=r"^route family 'guess' is not one of closed form, symbolic, "
    ):
        Route("a guess", "guess", lambda c, ctx: 0)
