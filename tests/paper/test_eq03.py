"""Claims eq3 (new) and text.recoil: the vertex is the Pauli term with μ_B = e/2m, Coulomb
exchange gives Eq. (5) in Gaussian units only; verdicts computed, errors on broken routes and
on a control that is the truth."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Claim, Quantity, Variant
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.paper import eq03


def _replaced(claim: Claim, old: Quantity, new: Quantity) -> Claim:
    return dataclasses.replace(
        claim, quantities=tuple(new if q is old else q for q in claim.quantities)
    )


def test_eq3_is_verified_and_locates_the_factor_four_pi() -> None:
    r = run_claim(eq03.EQ3, 30)
    assert r.verdict == "verified"
    assert "the printed vertex is the Pauli term" in r.summary
    assert "αμ²/Q² with the printed Heaviside–Lorentz A₀" in r.summary
    assert "4παμ²/Q² (Eq. (5)) with the Gaussian" in r.summary
    assert r.summary.endswith("Eq. (5) follows in Gaussian (e² = α)")
    assert {e.route for e in r.evidence} == {"symbolic", "spinor algebra"}
    assert all(e.agreement is None or e.agreement > 25 for e in r.evidence)
    assert len(r.controls) == 6 and all(c.caught for c in r.controls)
    assert all(d.ok for d in r.derivations)
    assert eq03.vertex_normalization(eq03.PRINTED_EQ3) == 1
    assert_latex_safe(r)


def test_eq3_verdict_is_computed() -> None:
    # a vertex printed with 2μ is not the Pauli term
    pauli = dataclasses.replace(eq03.PAULI, printed=lambda c, ctx: sp.Rational(1, 2))
    assert run_claim(_replaced(eq03.EQ3, eq03.PAULI, pauli), 30).verdict == "refuted"
    # Eq. (5) with 2πα follows in no convention: the vertex stands, the claim is qualified
    coulomb = dataclasses.replace(eq03.COULOMB, printed=lambda c, ctx: 2 * sp.pi, controls=())
    assert run_claim(_replaced(eq03.EQ3, eq03.COULOMB, coulomb), 30).verdict == "qualified"


def test_eq3_disagreeing_route_is_an_error() -> None:
    traces, spinors = eq03.COULOMB.routes
    wrong = dataclasses.replace(
        spinors, compute=lambda c, ctx: spinors.compute(c, ctx, kind="charge")
    )
    q = dataclasses.replace(eq03.COULOMB, routes=(traces, wrong))
    r = run_claim(_replaced(eq03.EQ3, eq03.COULOMB, q), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq3_a_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("μ_B = e/(2m_e) itself", lambda c, ctx: sp.Rational(1, 2))
    q = dataclasses.replace(eq03.GORDON, controls=(*eq03.GORDON.controls, truth))
    r = run_claim(_replaced(eq03.EQ3, eq03.GORDON, q), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --------------------------------------------------------------------------------------------
# text.recoil


def test_recoil_numbers() -> None:
    r = run_claim(eq03.RECOIL, 30)
    assert r.verdict == "verified"
    assert "7.47e-5 keV" in r.summary and "1.34e+4" in r.summary and "7.55e-6·T" in r.summary
    assert "0.101" in r.notes
    assert {e.route for e in r.evidence} == {"closed form", "units"}
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert {c.id: c.anchor for c in all_claims()}["text.recoil"] == 3
    assert r.printed.startswith("``") and all(ord(ch) < 128 for ch in r.printed)
    assert_latex_safe(r)


def test_recoil_verdict_is_computed() -> None:
    low = dataclasses.replace(eq03.RECOIL_RATIO, cases=("1e-4",), controls=())
    r = run_claim(_replaced(eq03.RECOIL, eq03.RECOIL_RATIO, low), 30)
    assert r.verdict == "refuted"
