"""Claims eq19 and eq19.vanishing: verdicts computed, controls caught, flips when the paper is
'fixed' (``dataclasses.replace`` on the declaration), disagreements end as errors."""

from __future__ import annotations

import dataclasses

import sympy as sp

from sumrules.core.claim import Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq19
from sumrules.theory.pole_integral import statement


def test_eq19_is_corrected_with_a_sign_counterexample(ran) -> None:
    r = ran(eq19.EQ19)
    assert r.verdict == "corrected"
    assert "printed 4m², actual −4m²" in r.summary and "64 of 216" in r.summary
    assert r.corrected and r"2 m_{e}" in r.corrected and "-" in r.corrected
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert {e.route for e in r.evidence} == {"closed form", "symbolic", "contour"}
    contour = next(e for e in r.evidence if e.route == "contour")
    assert contour.agreement is not None and contour.agreement >= 28
    assert all(e.agrees for e in r.evidence)


def test_eq19_verdict_flips_when_the_printed_formula_is_the_correct_one() -> None:
    q = dataclasses.replace(
        eq19.POLE_INTEGRAL,
        cases=eq19.GRID[:54],  # s = -3..2 at m = T = 1: the flip needs no more
        printed=lambda c, ctx: statement.evaluate(statement.CORRECT_RHS, *c),
    )
    fixed = dataclasses.replace(eq19.EQ19, quantities=(q,))
    r = run_claim(fixed, 30)
    assert r.verdict == "verified"
    assert r.summary.startswith("printed Eq. (19) holds at all 54 grid points")


def test_eq19_disagreeing_route_is_an_error_not_a_verdict() -> None:
    route_c = eq19.POLE_INTEGRAL.routes[3]
    broken = dataclasses.replace(route_c, compute=lambda c, ctx: sp.Float(1.0, ctx.dps))
    q = dataclasses.replace(eq19.POLE_INTEGRAL, routes=(*eq19.POLE_INTEGRAL.routes[:3], broken))
    r = run_claim(dataclasses.replace(eq19.EQ19, quantities=(q,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    assert "retried" in (r.error or "") and "at 60 digits" in (r.error or "")


def test_vanishing_rule_is_corrected_at_negative_s(ran) -> None:
    r = ran(eq19.VANISHING)
    assert r.verdict == "corrected"
    assert "s=-1, w=1: 1 at m = T = 1" in r.summary
    assert all(c.caught for c in r.controls) and len(r.controls) == 3
    assert "all with s < 0: True" in r.notes


def test_vanishing_verdict_flips_with_the_corrected_rule() -> None:
    q = dataclasses.replace(
        eq19.VANISHES,
        cases=[c for c in eq19.INDICES if c[0] <= 0],  # s <= 0 holds the counterexamples
        printed=lambda c, ctx: c[0] >= 0 and c[1] >= c[0] + 2,
    )
    r = run_claim(dataclasses.replace(eq19.VANISHING, quantities=(q,)), 30)
    assert r.verdict == "verified" and r.summary == "zero exactly when w ≥ s + 2"


def test_a_control_that_equals_the_truth_is_not_caught_and_the_claim_errs() -> None:
    """Negative control of the controls: a 'wrong' variant that is right must be flagged."""
    q = dataclasses.replace(
        eq19.VANISHES,
        cases=[c for c in eq19.INDICES if c[0] <= 0],
        controls=(
            *eq19.VANISHES.controls,
            Variant("the true rule", lambda c, ctx: c[0] >= 0 and c[1] >= c[0] + 2),
        ),
    )
    r = run_claim(dataclasses.replace(eq19.VANISHING, quantities=(q,)), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
