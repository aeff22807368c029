"""Claim eq17: verdict, counts and controls; a wrong printed form is refuted; a disagreeing route
and a control equal to the truth end as errors."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.models import oscillator as osc
from sumrules.paper import eq17
from sumrules.theory.expansion import M, classes_of_order
from sumrules.theory.one_electron_statement import U, rebuild_from_form, term_form

#: the rebuilt series at K = 2 only (fast), for the tests of the error paths
FAST_REBUILT = dataclasses.replace(eq17.REBUILT, cases=(2,))


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq17.EQ17, 30)


def test_eq17_is_verified(result: ClaimResult) -> None:
    assert result.verdict == "verified" and result.error is None
    assert "1025 of 8191 words survive through k = 12" in result.summary
    assert "through k = 60" in result.summary and "rebuilds R exactly" in result.summary
    assert "31 classes with half-integer u" in result.notes
    assert len(result.controls) == 6 and all(c.caught for c in result.controls)
    assert {e.route for e in result.evidence} == {
        "closed form",
        "enumeration",
        "symbolic",
        "model",
        "series",
    }
    parity = next(c for c in result.controls if "parity" in c.description)
    assert parity.detail.startswith("rejected at 59 of 61 cases")
    assert [len(d.steps) for d in result.derivations] == [9]
    assert all(d.ok for d in result.derivations)
    assert_latex_safe(result)


def test_the_printed_form_is_the_sympy_expression_that_is_checked() -> None:
    assert eq17.EQ17.printed.latex == (
        r"\left(Q^{2}\right)^{u} \left(- \frac{Q^{2}}{2 m_{e}} + T\right)^{- w} {\Phi}_{u,w}"
    )


def test_a_wrong_printed_form_is_refuted() -> None:
    wrong = term_form(q2_power=2 * U)
    q2 = 2 * M * osc.OMEGA * osc.Y

    def rebuilt(order: int, ctx: object) -> sp.Expr:
        return rebuild_from_form(wrong, order, osc.phi_from_words, q2=q2, m=M)

    rebuilt_q = dataclasses.replace(eq17.REBUILT, cases=(2, 4), printed=rebuilt)
    quantities = (eq17.CLASSES, eq17.REMOVED, rebuilt_q, eq17.COLLAPSE)
    r = run_claim(dataclasses.replace(eq17.EQ17, quantities=quantities), 30)
    assert r.verdict == "refuted"
    assert "rebuilt = exact: False" in r.summary
    assert any(s.relation == "!=" for d in r.derivations for s in d.steps)


def test_eq17_disagreeing_route_is_an_error() -> None:
    wrong_dp = dataclasses.replace(
        eq17.CLASSES.routes[1], compute=lambda k, ctx: classes_of_order(k + 1)
    )
    routes = (eq17.CLASSES.routes[0], wrong_dp, *eq17.CLASSES.routes[2:])
    classes = dataclasses.replace(eq17.CLASSES, routes=routes, cases=range(8))
    quantities = (classes, eq17.REMOVED, FAST_REBUILT, eq17.COLLAPSE)
    r = run_claim(dataclasses.replace(eq17.EQ17, quantities=quantities), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq17_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("all three rules", lambda k, ctx: classes_of_order(k))
    classes = dataclasses.replace(
        eq17.CLASSES, controls=(*eq17.CLASSES.controls, truth), cases=range(8)
    )
    quantities = (classes, eq17.REMOVED, FAST_REBUILT, eq17.COLLAPSE)
    r = run_claim(dataclasses.replace(eq17.EQ17, quantities=quantities), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
