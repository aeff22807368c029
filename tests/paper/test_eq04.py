"""Claim eq4 (new): ρ(q) on model atoms, and A₀ = √(4πα)ρ/q², which solves Poisson's equation in
Heaviside–Lorentz units only; verdict computed, errors on a broken route and on a true control."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Claim, Quantity, Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq04


def _replaced(claim: Claim, old: Quantity, new: Quantity) -> Claim:
    return dataclasses.replace(
        claim, quantities=tuple(new if q is old else q for q in claim.quantities)
    )


def test_printed_statements() -> None:
    assert eq04.printed_coefficient(eq04.PRINTED_A0) == 2 * sp.sqrt(sp.pi)
    assert eq04.printed_summand(eq04.PRINTED_EQ4) == sp.exp(sp.I * eq04.QR)
    assert (
        r"\sqrt{4 \pi \alpha}" in eq04.EQ4.printed.latex
        and r"\sum_{a=1}^{Z}" in eq04.EQ4.printed.latex
    )


def test_eq4_is_qualified_by_the_heaviside_lorentz_potential() -> None:
    r = run_claim(eq04.EQ4, 30)
    assert r.verdict == "qualified"
    assert "⟨0|ρ(0)|0⟩ = 1, 2, 3 = Z" in r.summary
    assert "A₀ = √(4πα)ρ/q² holds in Heaviside–Lorentz (e² = 4πα) only" in r.summary
    assert "g = 2√π√α (Heaviside–Lorentz) and 4π√α (Gaussian)" in r.summary
    assert {e.route for e in r.evidence} == {
        "closed form",
        "symbolic",
        "quadrature",
        "units",
        "enumeration",
    }
    assert all(e.agreement is None or e.agreement > 25 for e in r.evidence)
    assert len(r.controls) == 9 and all(c.caught for c in r.controls)
    assert all(d.ok for d in r.derivations)
    assert_latex_safe(r)


def test_eq4_verdict_is_computed() -> None:
    gaussian = dataclasses.replace(eq04.COUPLING, printed=lambda c, ctx: 4 * sp.pi, controls=())
    r = run_claim(_replaced(eq04.EQ4, eq04.COUPLING, gaussian), 30)
    assert r.verdict == "qualified" and "holds in Gaussian (e² = α) only" in r.summary
    neither = dataclasses.replace(eq04.COUPLING, printed=lambda c, ctx: sp.Integer(1), controls=())
    assert run_claim(_replaced(eq04.EQ4, eq04.COUPLING, neither), 30).verdict == "corrected"
    per_electron = dataclasses.replace(eq04.ELECTRONS, printed=lambda a, ctx: 1, controls=())
    assert run_claim(_replaced(eq04.EQ4, eq04.ELECTRONS, per_electron), 30).verdict == "refuted"


def test_eq4_disagreeing_route_is_an_error() -> None:
    symbolic, numeric, count = eq04.ELECTRONS.routes
    wrong = dataclasses.replace(count, compute=lambda a, ctx: len(a.shells))  # spin ignored
    q = dataclasses.replace(eq04.ELECTRONS, routes=(symbolic, numeric, wrong))
    others = tuple(x for x in eq04.EQ4.quantities if x is not eq04.ELECTRONS)
    r = run_claim(dataclasses.replace(eq04.EQ4, quantities=(q, *others)), 30)  # fails first
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    assert "at 60 digits" in (r.error or "")


def test_eq4_a_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant(
        "the Heaviside–Lorentz κ",
        lambda c, ctx: 2 * sp.sqrt(sp.pi) if c[0] == "heaviside-lorentz" else 4 * sp.pi,
    )
    q = dataclasses.replace(eq04.COUPLING, controls=(*eq04.COUPLING.controls, truth))
    r = run_claim(_replaced(eq04.EQ4, eq04.COUPLING, q), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
