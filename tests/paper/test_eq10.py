"""Claims eq10, text.analytic and text.real-negative: verdicts computed, key numbers, controls
caught; the verdicts follow the computation, disagreements and uncaught controls end as errors."""

from __future__ import annotations

import dataclasses

from claimtools import assert_latex_safe

from sumrules.core.claim import Route, Variant
from sumrules.core.runner import run_claim
from sumrules.models.hydrogenic import checks as hc
from sumrules.paper import eq10
from sumrules.report import claim_latex
from sumrules.theory import response as rs

FACTOR_2_LOST = rs.WRONG_EQ10["−m/Q² instead of −2m/Q² (a factor 2 lost)"]


def test_eq10_is_qualified_physical_axis_only() -> None:
    r = run_claim(eq10.EQ10, 30)
    assert r.verdict == "qualified", r.error
    assert "hydrogen −1.9999953 (extrapolated from P² = 10³, 10⁴)" in r.summary
    assert "oscillator for |arg Q²| < π/2 only" in r.summary
    assert "grows for arg Q² = π/2, 3π/4, π" in r.summary
    assert "π/2: ×10^3.5; 3π/4: ×10^58.8; π: ×10^81.7" in r.notes
    assert "P²R = −2.006713209, −2.000667122" in r.notes
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert all(d.ok for d in r.derivations) and len(r.derivations[0].steps) == 4
    assert_latex_safe(r)
    claim_latex(r)


def test_eq10_is_refuted_with_the_coefficient_m() -> None:
    """The printed −2m/Q² replaced by −m/Q²: the free electron and hydrogen both fail."""
    free = dataclasses.replace(eq10.FREE_LIMIT, printed=eq10.coefficient(FACTOR_2_LOST, eq10.M))
    hydrogen = dataclasses.replace(eq10.HYDROGEN_LIMIT, printed=eq10.coefficient(FACTOR_2_LOST, 1))
    quantities = (free, hydrogen, eq10.OSC_DEVIATION, eq10.OSC_FALLS)
    assert run_claim(dataclasses.replace(eq10.EQ10, quantities=quantities), 30).verdict == "refuted"


def test_eq10_is_verified_if_the_statement_were_about_re_q2_positive() -> None:
    falls = dataclasses.replace(eq10.OSC_FALLS, printed=eq10.OSC_FALLS.routes[1].compute)
    quantities = (*eq10.EQ10.quantities[:3], falls)
    assert (
        run_claim(dataclasses.replace(eq10.EQ10, quantities=quantities), 30).verdict == "verified"
    )


def test_eq10_disagreeing_route_is_an_error_not_a_verdict() -> None:
    wrong = Route("always falls", "symbolic", lambda d, ctx: True)
    q = dataclasses.replace(eq10.OSC_FALLS, routes=(eq10.OSC_FALLS.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq10.EQ10, quantities=(q,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_analytic_is_refuted_with_six_singularities_off_the_axis() -> None:
    r = run_claim(eq10.ANALYTIC, 30)
    assert r.verdict == "refuted", r.error
    assert r.summary.startswith("not for hydrogen: 6 singularities off [0, ∞)")
    assert "poles at Q² = -4, -9/4, -16/9, -25/16" in r.summary
    assert "measured orders 4.0, 5.0, 6.0, 7.0" in r.summary
    assert "Im R = −0.02316 ≠ 0 at Q² = −0.5" in r.summary
    assert "n=6: Q² = -49/36, order 9" in r.notes
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert all(d.ok for d in r.derivations)
    assert_latex_safe(r)


def test_analytic_is_verified_if_the_singularities_were_allowed() -> None:
    """The printed statement replaced by one that allows the poles and branch points found."""
    poles = dataclasses.replace(eq10.POLE_ORDERS, printed=lambda p, ctx: p[1])
    branch = dataclasses.replace(eq10.BRANCH_EXPONENTS, printed=lambda w, ctx: -3)
    quantities = (poles, branch, eq10.NEGATIVE_AXIS)
    r = run_claim(dataclasses.replace(eq10.ANALYTIC, quantities=quantities), 30)
    assert r.verdict == "verified" and r.summary == "all singularities on the positive real axis"


def test_analytic_control_equal_to_the_truth_is_not_caught() -> None:
    q = dataclasses.replace(
        eq10.BRANCH_EXPONENTS, controls=(Variant("exponent −3", lambda w, ctx: -3),)
    )
    quantities = (eq10.POLE_ORDERS, q, eq10.NEGATIVE_AXIS)
    r = run_claim(dataclasses.replace(eq10.ANALYTIC, quantities=quantities), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_real_negative_is_refuted_in_the_hydrogen_continuum() -> None:
    r = run_claim(eq10.REAL_NEGATIVE, 30)
    assert r.verdict == "refuted", r.error
    assert "Im R(T = 2I, P² = −0.5) = −0.0231575 = πS(T, P²)" in r.summary
    assert "(contour = PV = closed form to 30 digits), nonzero at 9/9 grid points" in r.summary
    assert "(0.55, -0.9): 0.2924" in r.notes
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_real_negative_flips_with_the_printed_value() -> None:
    """Printed Im R replaced by what the contour computes: the statement holds."""
    q = dataclasses.replace(
        eq10.HYDROGEN_IM,
        printed=lambda c, ctx: eq10.HYD.resolvent_imaginary_part(*c, dps=ctx.dps),
    )
    r = run_claim(dataclasses.replace(eq10.REAL_NEGATIVE, quantities=(q, eq10.MODELS_IM)), 30)
    assert r.verdict == "verified"


def test_measured_pole_orders_are_the_exact_ones() -> None:
    for loc, order, label in hc.form_factor_poles(4):
        n = 1 if label == "elastic" else int(label[2:])
        assert abs(hc.form_factor_pole_order(n, loc, dps=30) - order) < 1e-8
