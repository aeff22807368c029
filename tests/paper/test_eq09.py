"""Claim eq9: the spectral sum equals the resolvent matrix element in three model atoms; the
verdict follows the computation, disagreements and uncaught controls end as errors."""

from __future__ import annotations

import dataclasses

from claimtools import assert_latex_safe

from sumrules.core.claim import Route, Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq09
from sumrules.report import claim_latex
from sumrules.theory import response as rs


def test_eq9_is_verified_in_three_models() -> None:
    r = run_claim(eq09.EQ9, 30)
    assert r.verdict == "verified", r.error
    assert r.summary == (
        "holds: spectral sum against the resolvent matrix element: free electron exactly; "
        "oscillator (continued fraction of the Hamiltonian) to 30 digits; hydrogen (PV vs "
        "contour) to 30 digits, states complete also at P² = −0.5"
    )
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert {e.route for e in r.evidence} == {
        "closed form",
        "symbolic",
        "series",
        "contour",
        "quadrature",
    }
    hydrogen = next(e for e in r.evidence if e.route == "contour")
    assert "(0.660129049424409 - 0.0231574888219073j)" in hydrogen.value
    closure = next(c for c in r.controls if "discrete states" in c.description)
    assert "1.72256282" in closure.detail
    assert all(d.ok for d in r.derivations) and len(r.derivations[0].steps) == 3
    assert_latex_safe(r)
    claim_latex(r)


def test_eq9_is_refuted_when_the_spectral_sum_is_doubled() -> None:
    """The old monkeypatch of resolvent_lines, as a declaration: the printed side twice."""
    twice = dataclasses.replace(
        eq09.OSC_RESOLVENT, printed=lambda c, ctx: 2 * eq09.osc_sum(rs.EQ9_SUMMAND)(c, ctx)
    )
    quantities = (eq09.FREE_RESOLVENT, twice, eq09.HYDROGEN_RESOLVENT, eq09.CLOSURE)
    r = run_claim(dataclasses.replace(eq09.EQ9, quantities=quantities), 30)
    assert r.verdict == "refuted" and r.summary.startswith("fails")


def test_eq9_disagreeing_route_is_an_error_not_a_verdict() -> None:
    wrong = Route(
        "the matrix element with +iε",
        "symbolic",
        eq09.free_sum(rs.WRONG_EQ9["the spectral sum with +iε"]),
    )
    q = dataclasses.replace(eq09.FREE_RESOLVENT, routes=(eq09.FREE_RESOLVENT.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq09.EQ9, quantities=(q,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq9_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the printed spectral sum itself", eq09.free_sum(rs.EQ9_SUMMAND))
    q = dataclasses.replace(eq09.FREE_RESOLVENT, controls=(truth,))
    r = run_claim(dataclasses.replace(eq09.EQ9, quantities=(q, *eq09.EQ9.quantities[1:])), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
