"""Claim eq5: the printed coefficient holds with the Gaussian μ only; the free-electron limit
reproduces Eq. (1)'s 1/T term exactly and by a nascent delta; verdicts computed."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Claim, Quantity, Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq05
from sumrules.theory.conventions import alpha
from sumrules.theory.scattering import Q2, m, mu, mu_B


def _replaced(claim: Claim, old: Quantity, new: Quantity) -> Claim:
    return dataclasses.replace(
        claim, quantities=tuple(new if q is old else q for q in claim.quantities)
    )


def _with_coefficient(coefficient: sp.Expr) -> Claim:
    from sumrules.theory.scattering import bohr_magneton

    q = dataclasses.replace(
        eq05.COEFFICIENT, printed=lambda c, ctx: coefficient.subs(mu_B, bohr_magneton(c))
    )
    return _replaced(eq05.EQ5, eq05.COEFFICIENT, q)


def test_eq5_reproduces_the_free_electron_and_is_qualified() -> None:
    r = run_claim(eq05.EQ5, 30)
    assert r.verdict == "qualified"
    assert {e.route for e in r.evidence} == {"spinor algebra", "symbolic", "quadrature"}
    numeric = next(e for e in r.evidence if e.route == "quadrature")
    assert numeric.agreement is not None and numeric.agreement > 10
    assert "nascent delta to 12 digits" in r.summary and "4*pi*alpha*mu**2/T" in r.summary
    assert "in Gaussian (e² = α) only" in r.summary
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert 4 * sp.pi * alpha * mu**2 / Q2 == eq05.PRINTED_EQ5_COEFFICIENT
    assert all(d.ok for d in r.derivations)
    assert_latex_safe(r)


def test_eq5_verdict_is_computed() -> None:
    both = sp.pi * alpha**2 / m**2 * (mu / mu_B) ** 2 / Q2
    assert run_claim(_with_coefficient(both), 30).verdict == "verified"
    assert run_claim(_with_coefficient(2 * sp.pi * alpha * mu**2 / Q2), 30).verdict == "corrected"


def test_eq5_disagreeing_route_is_an_error() -> None:
    exact, nascent = eq05.AT_ONE_KEV.routes
    wrong = dataclasses.replace(nascent, compute=lambda c, ctx: 2 * nascent.compute(c, ctx))
    q = dataclasses.replace(eq05.AT_ONE_KEV, routes=(exact, wrong))
    r = run_claim(_replaced(eq05.EQ5, eq05.AT_ONE_KEV, q), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq5_a_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the traces' 1/T term", eq05.FREE_ELECTRON.routes[0].compute)
    q = dataclasses.replace(eq05.FREE_ELECTRON, controls=(*eq05.FREE_ELECTRON.controls, truth))
    r = run_claim(_replaced(eq05.EQ5, eq05.FREE_ELECTRON, q), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
