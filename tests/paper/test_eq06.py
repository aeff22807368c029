"""Claim eq6: the dipole limit in hydrogen and the coefficient per convention; verdicts flip
with the printed expression (``dataclasses.replace`` on the declaration)."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq06
from sumrules.theory import dipole as st
from sumrules.theory.photoabsorption import bound_dipole_squared
from sumrules.theory.scattering import m, mu, mu_B


def test_eq6_is_qualified_gaussian_only() -> None:
    r = run_claim(eq06.EQ6, 30)
    assert r.verdict == "qualified"
    assert "continuum S/Q² → D to 30 digits" in r.summary
    assert "Gaussian (e² = α) only (Heaviside–Lorentz: αμ²)" in r.summary
    assert {e.route for e in r.evidence} >= {"closed form", "symbolic", "model", "spinor algebra"}
    bound = r.evidence[0]
    assert "n=2: 32768/59049" in bound.value
    assert len(r.controls) == 3 and all(c.caught for c in r.controls)
    assert all(e.agrees for e in r.evidence)
    assert_latex_safe(r)


def test_eq6_verified_with_a_convention_invariant_coefficient() -> None:
    invariant = sp.pi * st.alpha**2 / m**2 * (mu / mu_B) ** 2
    rhs = st.dipole_rhs(coefficient=invariant)
    q = dataclasses.replace(eq06.COEFFICIENT, printed=eq06.in_convention(rhs))
    claim = dataclasses.replace(eq06.EQ6, quantities=(*eq06.EQ6.quantities[:3], q))
    assert run_claim(claim, 30).verdict == "verified"


def test_eq6_refuted_with_the_law_q4() -> None:
    wrong = st.dipole_rhs(power=2)
    bound = dataclasses.replace(
        eq06.BOUND,
        printed=eq06.predicts(wrong, lambda n, ctx: bound_dipole_squared(n)),
        controls=(),
    )
    claim = dataclasses.replace(eq06.EQ6, quantities=(bound, *eq06.EQ6.quantities[1:]))
    r = run_claim(claim, 30)
    assert r.verdict == "refuted" and "fails in hydrogen" in r.summary


def test_eq6_wrong_route_is_an_error() -> None:
    broken = dataclasses.replace(eq06.CONTINUUM.routes[1], compute=lambda t, ctx: sp.Float(1, 40))
    q = dataclasses.replace(eq06.CONTINUUM, routes=(eq06.CONTINUUM.routes[0], broken))
    claim = dataclasses.replace(eq06.EQ6, quantities=(eq06.BOUND, q, *eq06.EQ6.quantities[2:]))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq6_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the printed law itself", eq06.BOUND.printed)  # type: ignore[arg-type]
    q = dataclasses.replace(eq06.BOUND, controls=(*eq06.BOUND.controls, truth))
    claim = dataclasses.replace(eq06.EQ6, quantities=(q, *eq06.EQ6.quantities[1:]))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
