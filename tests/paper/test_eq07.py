"""Claims eq7 and text.compton-peak: verdicts, key numbers, controls; verdicts flip with the
printed expression or the model (``dataclasses.replace`` on the declaration)."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq07
from sumrules.theory import dipole as st
from sumrules.theory.scattering import T, bohr_magneton, m, mu, mu_B

SIGMA = st.SIGMA_GAMMA


def _with_printed(rhs: sp.Expr) -> object:
    pp = dataclasses.replace(
        eq07.PHOTON_POINT, printed=lambda c, ctx: rhs.subs(mu_B, bohr_magneton(c))
    )
    h = dataclasses.replace(eq07.HYDROGEN, printed=eq07.hydrogen_rhs(rhs))
    return dataclasses.replace(eq07.EQ7, quantities=(pp, h))


def test_eq7_photon_point_is_qualified() -> None:
    r = run_claim(eq07.EQ7, 30)
    assert r.verdict == "qualified"
    assert {e.route for e in r.evidence} == {"spinor algebra", "symbolic", "model"}
    assert "hydrogen ratio − 1 ≤ 2.5(αT)²" in r.summary and "Coulomb exchange alone" in r.summary
    assert len(r.controls) == 3 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_eq7_verdict_follows_the_printed_expression() -> None:
    invariant = st.alpha * (mu / mu_B) ** 2 * SIGMA / (4 * sp.pi * m**2 * T)
    assert run_claim(_with_printed(invariant), 30).verdict == "verified"  # type: ignore[arg-type]
    wrong = 2 * mu**2 * SIGMA / (sp.pi * T)
    assert run_claim(_with_printed(wrong), 30).verdict == "corrected"  # type: ignore[arg-type]


def test_eq7_wrong_route_is_an_error() -> None:
    broken = dataclasses.replace(
        eq07.PHOTON_POINT.routes[1], compute=lambda c, ctx: mu**2 * SIGMA / T
    )
    q = dataclasses.replace(eq07.PHOTON_POINT, routes=(eq07.PHOTON_POINT.routes[0], broken))
    r = run_claim(dataclasses.replace(eq07.EQ7, quantities=(q, eq07.HYDROGEN)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq7_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the traces themselves", eq07.PHOTON_POINT.routes[0].compute)
    q = dataclasses.replace(eq07.PHOTON_POINT, controls=(truth,))
    r = run_claim(dataclasses.replace(eq07.EQ7, quantities=(q, eq07.HYDROGEN)), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_compton_peak_numbers() -> None:
    r = run_claim(eq07.COMPTON, 30)
    assert r.verdict == "verified"
    assert "2m_e/T = 1022.0 (T = 1 keV) to 102.2 (10 keV)" in r.summary
    assert "≥ 83% around that peak" in r.summary and "≤ 0.00037 at Q² = T²" in r.summary
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert {e.route for e in r.evidence} == {"closed form", "symbolic", "model"}
    assert_latex_safe(r)


def test_compton_peak_refuted_by_a_model_without_non_dipole_part() -> None:
    route = eq07.DIPOLE_REGION.routes[0]
    dipole_only = dataclasses.replace(
        route, compute=lambda c, ctx: eq07.fails(c[0], c[1], ctx.dps, dipole_only=True)
    )
    q = dataclasses.replace(eq07.DIPOLE_REGION, routes=(dipole_only,), controls=())
    claim = dataclasses.replace(eq07.COMPTON, quantities=(eq07.PEAK_RATIO, q))
    assert run_claim(claim, 30).verdict == "refuted"
