"""Claim eq14: the printed coefficient against the traces, the free response, Eq. (2) and
Eq. (15); flips through ``dataclasses.replace``; disagreements and uncaught controls as errors."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.paper import eq14
from sumrules.report import claim_latex
from sumrules.theory.static_target import leading_weak_coefficient


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq14.EQ14, 30)


def test_eq14_is_verified_by_traces_free_response_and_eq2(result: ClaimResult) -> None:
    assert result.error is None and result.verdict == "verified"
    assert "(nascent δ 30 digits)" in result.summary
    assert "per electron × r_ew (hydrogen T = 2I: 0.987439)" in result.summary
    assert {e.route for e in result.evidence} == {
        "spinor algebra",
        "closed form",
        "symbolic",
        "quadrature",
    }
    nascent = next(e for e in result.evidence if e.route == "quadrature")
    assert "0.372931862652929" in nascent.value and nascent.agreement is not None
    assert nascent.agreement >= 28
    assert len(result.controls) == 4 and all(c.caught for c in result.controls)
    assert result.derivations[0].ok and len(result.derivations[0].steps) == 4
    assert r"\sin^{2}\theta_{W}" in result.printed
    assert_latex_safe(result)
    claim_latex(result)


def test_the_printed_coefficient_is_evaluated_from_the_statement() -> None:
    assert sp.simplify(eq14.PRINTED_COEFFICIENT - leading_weak_coefficient()) == 0


def test_eq14_corrected_if_the_coefficient_were_doubled() -> None:
    doubled = 2 * eq14.PRINTED_COEFFICIENT
    c = dataclasses.replace(eq14.COEFFICIENT, printed=lambda f, ctx: doubled)
    quantities = (c, eq14.FREE_ELECTRON, eq14.WITH_EQ15)
    r = run_claim(dataclasses.replace(eq14.EQ14, quantities=quantities), 30)
    assert r.error is None and r.verdict == "corrected"
    assert "≠ leading static-target" in r.summary


def test_eq14_disagreeing_route_is_an_error_not_a_verdict() -> None:
    route = eq14.COEFFICIENT.routes[1]
    wrong = dataclasses.replace(route, compute=lambda f, ctx: 2 * route.compute(f, ctx))
    c = dataclasses.replace(eq14.COEFFICIENT, routes=(eq14.COEFFICIENT.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq14.EQ14, quantities=(c,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq14_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the traces' own coefficient", lambda f, ctx: leading_weak_coefficient())
    c = dataclasses.replace(eq14.COEFFICIENT, controls=(*eq14.COEFFICIENT.controls, truth))
    quantities = (c, eq14.FREE_ELECTRON, eq14.WITH_EQ15)
    r = run_claim(dataclasses.replace(eq14.EQ14, quantities=quantities), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
