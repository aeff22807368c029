"""Claims eq1, text.sm-moment and text.gemma-limit: verdicts, key numbers, controls caught, and
that the verdicts are computed (flips by ``dataclasses.replace`` on the declarations)."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Claim, Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.paper import eq01
from sumrules.theory.conventions import alpha
from sumrules.theory.scattering import (
    Convention,
    E,
    T,
    bohr_magneton,
    matching_conventions,
    mu,
    mu_B,
    nmm_dsigma_dT,
)


def _families(r: ClaimResult) -> set[str]:
    return {e.route for e in r.evidence}


def _all_caught(r: ClaimResult, n: int) -> bool:
    return len(r.controls) == n and all(c.caught for c in r.controls)


# --------------------------------------------------------------------------------------------
# eq1


def test_eq1_is_qualified_by_the_unit_convention() -> None:
    r = run_claim(eq01.EQ1, 30)
    assert r.verdict == "qualified"
    assert _families(r) == {"spinor algebra", "symbolic"}
    assert _all_caught(r, 3)
    spin = next(e for e in r.evidence if e.method.endswith(eq01.SPINORS))
    assert spin.agreement is not None and spin.agreement > 25
    assert "spinor sums agree to 27 digits" in r.summary
    assert "form 4παμ²(…) holds in Gaussian (e² = α) only" in r.summary
    assert r.corrected is None and all(d.ok for d in r.derivations)
    assert_latex_safe(r)


def test_eq1_forms_against_the_traces() -> None:
    first, second = eq01.PRINTED_EQ1_FORMS
    assert sp.simplify(first - 4 * sp.pi * alpha * mu**2 * (1 / T - 1 / E)) == 0
    assert matching_conventions(first, nmm_dsigma_dT()) == ("gaussian",)
    assert matching_conventions(second, nmm_dsigma_dT()) == ("heaviside-lorentz", "gaussian")


def _in(form: sp.Expr, case: tuple[str, Convention]) -> sp.Expr:
    """A form of Eq. (1) in the case's convention."""
    return form.subs(mu_B, bohr_magneton(case[1]))


def _with_forms(first: sp.Expr, second: sp.Expr) -> Claim:
    forms = {"first": first, "second": second}
    q = dataclasses.replace(eq01.CROSS_SECTION, printed=lambda c, ctx: _in(forms[c[0]], c))
    return dataclasses.replace(eq01.EQ1, quantities=(eq01.SQUARED_AMPLITUDE, q, eq01.ONE_OVER_T))


def test_eq1_verdict_is_computed() -> None:
    second = eq01.PRINTED_EQ1_FORMS[1]
    assert run_claim(_with_forms(second, second), 30).verdict == "verified"
    wrong = 8 * sp.pi * alpha * mu**2 * (1 / T - 1 / E)
    r = run_claim(_with_forms(wrong, second), 30)
    assert r.verdict == "corrected" and r.corrected and r"\frac{e^{2} \mu^{2}" in r.corrected


def test_eq1_disagreeing_route_is_an_error() -> None:
    traces, spinors = eq01.SQUARED_AMPLITUDE.routes
    wrong = dataclasses.replace(spinors, compute=lambda c, ctx: 2 * spinors.compute(c, ctx))
    q = dataclasses.replace(eq01.SQUARED_AMPLITUDE, routes=(traces, wrong))
    r = run_claim(
        dataclasses.replace(eq01.EQ1, quantities=(q, eq01.CROSS_SECTION, eq01.ONE_OVER_T)), 30
    )
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq1_a_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the traces themselves", eq01.SQUARED_AMPLITUDE.routes[0].compute)
    q = dataclasses.replace(
        eq01.SQUARED_AMPLITUDE, controls=(*eq01.SQUARED_AMPLITUDE.controls, truth)
    )
    r = run_claim(
        dataclasses.replace(eq01.EQ1, quantities=(q, eq01.CROSS_SECTION, eq01.ONE_OVER_T)), 30
    )
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --------------------------------------------------------------------------------------------
# the sentences before Eq. (1)


def _sentence_checks(r: ClaimResult) -> None:
    anchors = {c.id: c.anchor for c in all_claims()}
    assert anchors[r.id] == 1
    assert len(_families(r)) >= 2
    assert r.controls and all(c.caught for c in r.controls)
    assert r.printed.startswith("``") and all(ord(ch) < 128 for ch in r.printed)
    assert_latex_safe(r)


def test_sm_moment_numbers() -> None:
    r = run_claim(eq01.SM_MOMENT, 30)
    assert r.verdict == "qualified"
    assert "3.2e-19 (m_ν/eV) μ_B" in r.summary and "1.61e-20" in r.summary
    assert "0.0312 eV" in r.summary and "0.0503 eV" in r.summary
    assert _all_caught(r, 2) and all(d.ok for d in r.derivations)
    _sentence_checks(r)


def test_sm_moment_verdict_is_computed() -> None:
    looser = dataclasses.replace(eq01.SM_MOMENT, policy=eq01.moment_policy("2e-20"))
    assert run_claim(looser, 30).verdict == "verified"
    tighter = dataclasses.replace(eq01.SM_MOMENT, policy=eq01.moment_policy("1e-22"))
    assert run_claim(tighter, 30).verdict == "refuted"


def test_gemma_limit_implications_and_flip() -> None:
    r = run_claim(eq01.GEMMA_LIMIT, 30)
    assert r.verdict == "qualified"
    assert "cited, not checkable here" in r.summary
    assert "24.6× the EW rate" in r.summary and "2.46× at 10 keV" in r.summary
    assert "1.04e-47 cm²/keV" in r.summary
    assert _all_caught(r, 1)
    _sentence_checks(r)
    other = dataclasses.replace(eq01.GEMMA_SOURCE, printed=lambda c, ctx: sp.Rational("2.9e-11"))
    flipped = dataclasses.replace(eq01.GEMMA_LIMIT, quantities=(eq01.GEMMA_RATE, other))
    assert run_claim(flipped, 30).verdict == "corrected"
