"""Claims eq12 and eq12.large-t: verdicts computed per atom, key numbers, controls caught, flips
through ``dataclasses.replace`` on the declarations, disagreements and uncaught controls as errors."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Route, Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.models import samples
from sumrules.models.free import Free
from sumrules.models.oscillator import Oscillator
from sumrules.paper import eq12
from sumrules.report import claim_latex

FREE, OSC, H1S, HZ, *STATE_Q = eq12.R_NMM


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq12.EQ12, 30)


@pytest.fixture(scope="module")
def large_t() -> ClaimResult:
    return run_claim(eq12.LARGE_T, 30)


def _text(r: ClaimResult) -> str:
    return " ".join([r.summary, r.notes, *(e.statement + " " + e.value for e in r.evidence)])


def test_eq12_is_qualified_exact_for_free_and_oscillator_not_hydrogen(result: ClaimResult) -> None:
    assert result.error is None and result.verdict == "qualified"
    assert result.summary.startswith("exact for the free electron and the harmonic oscillator")
    assert "4.27% at T/I = 1.001" in result.summary
    assert "0.957329, 0.963205, 0.978492, 0.987439 at T/I = 1.001, 1.1, 1.5, 2" in result.summary
    assert "383–4104× Eq. (13)'s δ" in result.summary
    assert "quadrature = closed form to 30 digits" in result.summary
    assert "0.95732857078996746294" in _text(result)
    assert result.figures == ["figures/ratios.pdf", "figures/state_ratios.pdf"]
    assert result.printed.startswith(r"\frac{\int\limits_{0}^{\infty}")


def test_eq12_routes_controls_derivation(result: ClaimResult) -> None:
    assert {e.route for e in result.evidence} == {"closed form", "symbolic", "quadrature"}
    hydrogen = [e for e in result.evidence if e.method.startswith(H1S.name + ":")]
    assert len(hydrogen) == 2 and all(e.agreement is not None for e in hydrogen)
    assert min(e.agreement for e in hydrogen if e.agreement is not None) >= 25
    assert len(result.controls) == 3 and all(c.caught for c in result.controls)
    assert [len(d.steps) for d in result.derivations] == [4] and result.derivations[0].ok
    assert "Z = 14.184880 gives r = 0.987439347010319" in result.notes
    assert_latex_safe(result)
    claim_latex(result)


def test_eq12_refuted_when_the_printed_ratio_is_one_half() -> None:
    half = tuple(
        dataclasses.replace(q, printed=lambda x, ctx: sp.Rational(1, 2)) for q in eq12.R_NMM
    )
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=half), 30)
    assert r.error is None and r.verdict == "refuted"


def test_eq12_verified_on_the_exact_atoms_alone() -> None:
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(FREE, OSC)), 30)
    assert r.verdict == "verified"
    assert (
        r.summary
        == "exact for the free electron and the harmonic oscillator (r_nmm = 1 at every energy)"
    )


def test_more_exact_atoms_do_not_make_eq12_verified() -> None:
    """Hydrogen keeps the verdict at "qualified" however many exact atoms join."""
    more = (
        samples.Sample("free m=2", Free(m=2), (sp.Integer(3),), unit=None, title="free, m = 2"),
        samples.Sample("osc ω=2", Oscillator(omega=2), (1, 7), unit="ω", title="oscillator, ω = 2"),
    )
    more_q = tuple(samples.ratio_quantity(s, samples.NMM, printed=1) for s in more)
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(*eq12.R_NMM, *more_q)), 30)
    assert r.verdict == "qualified"


def test_eq12_disagreeing_route_is_an_error_not_a_verdict() -> None:
    wrong = dataclasses.replace(OSC.routes[1], compute=lambda n, ctx: sp.Integer(2))
    broken = dataclasses.replace(OSC, routes=(OSC.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(FREE, broken), extra=None), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    assert "retried" in (r.error or "") and "at 60 digits" in (r.error or "")


def test_eq12_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the true ratio 1", lambda T, ctx: sp.Integer(1))
    free = dataclasses.replace(FREE, controls=(*FREE.controls, truth))
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(free, OSC), extra=None), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --- eq12.large-t ----------------------------------------------------------------------------


def test_large_t_is_qualified_with_the_law(large_t: ClaimResult) -> None:
    assert large_t.error is None and large_t.verdict == "qualified"
    assert "p = 2.49997, c = −0.339523" in large_t.summary
    assert "needs T > 8.293 I" in large_t.summary and "needs T > 2.252 I" in large_t.summary
    assert "T ≈ 91 keV" in large_t.notes
    quadrature = [e for e in large_t.evidence if e.route == "quadrature"]
    assert quadrature and all(e.agreement is not None and e.agreement > 4 for e in quadrature)
    assert {e.route for e in large_t.evidence} == {
        "symbolic",
        "closed form",
        "quadrature",
        "series",
    }
    assert len(large_t.controls) == 3 and all(c.caught for c in large_t.controls)
    assert large_t.derivations[0].ok and len(large_t.derivations[0].steps) == 3
    assert_latex_safe(large_t)


def test_large_t_verified_if_the_paper_printed_the_coefficient() -> None:
    c = dataclasses.replace(eq12.COEFFICIENT, printed=lambda x, ctx: -16 / (15 * sp.pi))
    r = run_claim(
        dataclasses.replace(eq12.LARGE_T, quantities=(c, eq12.EXPONENT, eq12.LEADING)), 30
    )
    assert r.verdict == "verified"


def test_large_t_disagreeing_series_is_an_error() -> None:
    wrong = Route("a wrong series", "series", lambda x, ctx: sp.Integer(1))
    leading = dataclasses.replace(eq12.LEADING, routes=(eq12.LEADING.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq12.LARGE_T, quantities=(leading,)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_large_t_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("exponent 5/2", lambda x, ctx: sp.Rational(5, 2))
    p = dataclasses.replace(eq12.EXPONENT, controls=(*eq12.EXPONENT.controls, truth))
    r = run_claim(
        dataclasses.replace(eq12.LARGE_T, quantities=(eq12.COEFFICIENT, p, eq12.LEADING)), 30
    )
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_certified_balls_join_eq12_through_the_hook() -> None:
    pytest.importorskip("flint", reason="needs the flint extra: pip install 'sumrules[flint]'")
    r = run_claim(eq12.EQ12, 30, certified=True)
    assert r.verdict == "qualified"
    (ball,) = [e for e in r.evidence if e.route == "certified"]
    assert "1.001: 0.9573285707899674557789291" in ball.statement and ball.agrees
    certified = [c for c in r.controls if c.description.startswith("certified:")]
    assert len(certified) == 3 and all(c.caught for c in r.controls)


# --- the hydrogen states beyond 1s ------------------------------------------------------------


def test_states_join_eq12_as_evidence(result: ClaimResult) -> None:
    assert [q.name for q in STATE_Q] == [
        "r_nmm, hydrogen 2s",
        "r_nmm, hydrogen 2p",
        "r_nmm, hydrogen 3d",
    ]
    assert "2p: r_nmm = 0.984363 (T/I = 1.001)" in result.summary
    states = [e for e in result.evidence if e.method.startswith(STATE_Q[1].name + ":")]
    assert len(states) == 2 and all(e.agreement is not None and e.agreement >= 25 for e in states)


def test_states_do_not_make_a_failing_rule_verified() -> None:
    """Only exact atoms and the states beyond 1s: still "qualified" (the states fail as 1s
    does, approaching 1); with their printed value set to their own ratios (a wrong model in
    which the states obeyed Eq. (12)) the claim would be "verified" — the logic can flip."""
    at_two = tuple(dataclasses.replace(q, cases=("2", "100")) for q in STATE_Q)
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(FREE, OSC, *at_two)), 30)
    assert r.error is None and r.verdict == "qualified"
    obeying = tuple(
        dataclasses.replace(
            q,
            printed=None,
            routes=tuple(
                dataclasses.replace(route, compute=lambda x, ctx: sp.Integer(1))
                for route in q.routes
            ),
        )
        for q in at_two
    )
    r = run_claim(dataclasses.replace(eq12.EQ12, quantities=(FREE, OSC, *obeying), extra=None), 30)
    assert r.verdict == "verified"


def test_large_t_law_of_the_states(large_t: ClaimResult) -> None:
    assert "beyond 1s the same law with p = 5/2 + l" in large_t.summary
    assert "2p ew 0.8407" in large_t.summary and "r_ew → 1 from above (c > 0) in 2p" in (
        large_t.summary
    )
    law = [e for e in large_t.evidence if e.method.startswith(eq12.EXPONENT_STATES.name)]
    assert law and all(e.agreement is not None and e.agreement > 5 for e in law)
    caught = [c for c in large_t.controls if "5/2 for the p, d and f states" in c.description]
    assert "4f nmm" in large_t.summary and "4f" in [e.split()[0] for e in eq12.STATE_LAW_CASES]
    assert caught and all(c.caught for c in caught)
