"""Claims eq19 and eq19.vanishing: verdicts computed, controls caught, flips when the paper is 'fixed'."""

from __future__ import annotations

import sympy as sp

from sumrules.kernel import pole_integral
from sumrules.ledger import verify
from sumrules.paper import pole_integral as claims


def test_eq19_is_corrected_with_a_sign_counterexample():
    r = verify(["eq19"])["eq19"]
    assert r.verdict == "corrected"
    assert "-4*m**2" in r.summary and "4*m**2" in r.summary
    assert r.corrected and "-2m_e" in r.corrected
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    routes = {e.route for e in r.evidence}
    assert {"symbolic: distributional", "symbolic: finite-ε", "numeric"} <= routes
    numeric = next(e for e in r.evidence if e.route == "numeric")
    assert numeric.agreement is not None and numeric.agreement >= 28


def test_eq19_verdict_flips_when_the_printed_formula_is_the_correct_one(monkeypatch):
    monkeypatch.setattr(
        claims, "pole_integral_printed", lambda s, w, m, T: pole_integral(s, w, m=m, T=T)
    )
    assert verify(["eq19"])["eq19"].verdict == "verified"


def test_eq19_disagreeing_route_is_an_error_not_a_verdict(monkeypatch):
    monkeypatch.setattr(claims, "pole_integral_numeric", lambda s, w, m, T, dps: sp.Float(1.0, dps))
    r = verify(["eq19"])["eq19"]
    assert r.verdict == "error" and "disagree" in (r.error or "")


def test_vanishing_rule_is_corrected_at_negative_s():
    r = verify(["eq19.vanishing"])["eq19.vanishing"]
    assert r.verdict == "corrected"
    assert "s=-1" in r.summary
    assert all(c.caught for c in r.controls) and len(r.controls) == 3


def test_vanishing_verdict_flips_with_the_corrected_rule(monkeypatch):
    monkeypatch.setattr(claims, "printed_vanishing_rule", lambda s, w: s >= 0 and w >= s + 2)
    assert verify(["eq19.vanishing"])["eq19.vanishing"].verdict == "verified"
