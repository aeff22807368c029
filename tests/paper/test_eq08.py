"""Claim eq8: (1/π) Im R is the structure function in three model atoms; the verdict follows the
computation (``dataclasses.replace`` on the declaration), disagreements and uncaught controls
end as errors."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Route, Variant
from sumrules.core.ledger import Context
from sumrules.core.runner import run_claim
from sumrules.paper import eq08
from sumrules.report import claim_latex
from sumrules.theory import response as rs


def test_eq8_is_verified_in_three_models() -> None:
    r = run_claim(eq08.EQ8, 30)
    assert r.verdict == "verified", r.error
    assert r.summary == (
        "holds: (1/π) Im R against Σ δ |⟨n|ρ|0⟩|² in three models: free electron (Lorentzian "
        "→ δ, exact), oscillator lines from the Hamiltonian (30 digits), hydrogen continuum at "
        "T = 2I (30 digits)"
    )
    assert len(r.controls) == 8 and all(c.caught for c in r.controls)
    assert {e.route for e in r.evidence} == {"closed form", "symbolic", "quadrature"}
    assert "between the lines (T = 2.5ω) the weight is 1.54e−38" in r.notes
    assert "Im R/π = 0.137471020536717, S = 0.137471020536717" in r.notes
    assert all(d.ok for d in r.derivations) and len(r.derivations[0].steps) == 5
    assert r"\operatorname{im}" in r.printed
    assert_latex_safe(r)
    claim_latex(r)


def test_eq8_is_refuted_when_the_line_strengths_are_doubled() -> None:
    """The old monkeypatch of line_strength, as a declaration: S twice too large."""
    doubled = Route(
        "2 e^(−y) yⁿ/n!", "closed form", lambda t, ctx: 2 * eq08.OSC.spectral_weight(t, eq08.OSC_Q2)
    )
    lines = dataclasses.replace(eq08.LINE_WEIGHTS, routes=(doubled,))
    quantities = (eq08.FREE_WEIGHT, lines, eq08.HYDROGEN_DENSITY, eq08.STATES_COMPLETE)
    r = run_claim(dataclasses.replace(eq08.EQ8, quantities=quantities), 30)
    assert r.verdict == "refuted" and r.summary.startswith("fails")


def test_eq8_is_refuted_with_the_normalization_1_over_2pi() -> None:
    half = rs.WRONG_EQ8["normalization 1/(2π) instead of 1/π"]
    free_weight = dataclasses.replace(eq08.FREE_WEIGHT, printed=eq08.free_side(half))
    quantities = (free_weight, *eq08.EQ8.quantities[1:])
    r = run_claim(dataclasses.replace(eq08.EQ8, quantities=quantities), 30)
    assert r.verdict == "refuted" and "free electron (Lorentzian → δ, differs)" in r.summary


def test_eq8_disagreeing_route_is_an_error_not_a_verdict() -> None:
    wrong = Route("sympy, off by m", "symbolic", lambda a, ctx: eq08.M)
    q = dataclasses.replace(eq08.FREE_WEIGHT, routes=(eq08.FREE_WEIGHT.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq08.EQ8, quantities=(q,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq8_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the printed (1/π) Im R itself", eq08.free_side(rs.EQ8_RHS))
    q = dataclasses.replace(eq08.FREE_WEIGHT, controls=(*eq08.FREE_WEIGHT.controls, truth))
    r = run_claim(dataclasses.replace(eq08.EQ8, quantities=(q, *eq08.EQ8.quantities[1:])), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_free_side_is_the_delta_weight() -> None:
    side = eq08.free_side(rs.EQ8_RHS)(eq08.FREE, Context(dps=30))
    assert sp.simplify(side - 2 * eq08.M) == 0
