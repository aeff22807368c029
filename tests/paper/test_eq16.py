"""Claim eq16: verdict, numbers and controls; the verdict flips when the printed shift is wrong;
a disagreeing route and a control equal to the truth end as errors."""

from __future__ import annotations

import dataclasses

import mpmath
import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.models import oscillator as osc
from sumrules.paper import eq16
from sumrules.theory.one_electron_statement import PRINTED_EQ16, shift_of
from sumrules.theory.one_electron_statement import eq16 as statement
from sumrules.theory.operators import shift_coefficients


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq16.EQ16, 30)


def test_eq16_is_verified_with_the_derived_shift(result: ClaimResult) -> None:
    assert result.verdict == "verified" and result.error is None
    assert "to 30 digits and order by order through k = 24" in result.summary
    assert result.corrected is None
    shift = [e for e in result.evidence if e.method.startswith("the shift")]
    assert {e.route for e in shift} == {"symbolic", "series"}
    assert all("(1/2, 1)" in e.value for e in shift)
    assert {e.route for e in result.evidence} == {"symbolic", "series", "model"}
    assert all(e.agreement is not None and e.agreement >= 25 for e in result.evidence)
    assert len(result.controls) == 3 and all(c.caught for c in result.controls)
    assert "parity" in result.notes and "(agreement 30 digits)" in result.notes
    assert [len(d.steps) for d in result.derivations] == [5, 3, 4, 4]
    assert all(d.ok for d in result.derivations)
    assert_latex_safe(result)


def test_the_printed_statement_is_the_sympy_chain_that_is_checked() -> None:
    latex = eq16.EQ16.printed.latex
    assert latex.startswith(r"\begin{aligned} R{\left(T,Q^{2} \right)}")
    assert r"\frac{\vec{q}^{2}}{2 m_{e}}" in latex and r"\frac{\vec{p}\cdot\vec{q}}{m_{e}}" in latex
    assert shift_of(PRINTED_EQ16) == (sp.Rational(1, 2), 1)


def test_eq16_is_corrected_when_the_printed_shift_is_wrong() -> None:
    wrong = statement(a=1)  # Q²/m instead of Q²/2m
    shift = dataclasses.replace(eq16.SHIFT, printed=lambda sign, ctx: shift_of(wrong))
    resolvent = dataclasses.replace(
        eq16.RESOLVENT, printed=eq16.third_line_resolvent(lambda: wrong)
    )
    fixed = dataclasses.replace(eq16.EQ16, quantities=(shift, resolvent, eq16.COEFFICIENTS))
    r = run_claim(fixed, 30)
    assert r.verdict == "corrected"
    assert "printed shift (a, b) = (1, 1) differs from the derived (1/2, 1)" in r.summary
    assert r.corrected is not None and r"\frac{\vec{q}^{2}}{2 m_{e}}" in r.corrected


def test_eq16_disagreeing_route_is_an_error() -> None:
    def twice(p: tuple[str, str, str], ctx: object) -> mpmath.mpc:
        return 2 * osc.resolvent_lines(p[0], p[1], omega=p[2], dps=30)

    broken = dataclasses.replace(eq16.RESOLVENT.routes[1], compute=twice)
    routes = (eq16.RESOLVENT.routes[0], broken, *eq16.RESOLVENT.routes[2:])
    resolvent = dataclasses.replace(eq16.RESOLVENT, routes=routes)
    claim = dataclasses.replace(eq16.EQ16, quantities=(eq16.SHIFT, resolvent, eq16.COEFFICIENTS))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq16_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the derived shift itself", lambda sign, ctx: shift_coefficients(sign))
    shift = dataclasses.replace(eq16.SHIFT, controls=(*eq16.SHIFT.controls, truth))
    claim = dataclasses.replace(eq16.EQ16, quantities=(shift, eq16.RESOLVENT, eq16.COEFFICIENTS))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
