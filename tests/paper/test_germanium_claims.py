"""Claims eq12.germanium, eq15.germanium and text.ge-stepping, and germanium in
text.inclusive-conclusion: verdicts from the findings, key numbers, controls caught, flips
through ``dataclasses.replace``, errors for disagreeing routes and uncaught controls."""

from __future__ import annotations

import dataclasses

import pytest
from claimtools import assert_latex_safe

from sumrules.core.claim import Route, Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.models import germanium_curve as gc
from sumrules.paper import eq12, eq15


@pytest.fixture(scope="module")
def eq12_ge() -> ClaimResult:
    return run_claim(eq12.GERMANIUM, 30)


@pytest.fixture(scope="module")
def eq15_ge() -> ClaimResult:
    return run_claim(eq15.GERMANIUM, 30)


@pytest.fixture(scope="module")
def stepping() -> ClaimResult:
    return run_claim(eq15.GE_STEPPING_CLAIM, 30)


def test_eq12_germanium_is_qualified(eq12_ge: ClaimResult) -> None:
    r = eq12_ge
    assert r.error is None and r.verdict == "qualified", r.error
    assert "per electron of the atom (Z = 32) r_nmm = 0.6872, 0.9347" in r.summary
    assert "within 1%" in r.summary
    assert {e.route for e in r.evidence} == {"series", "closed form", "quadrature"}
    # the route independent of r(κ): the q-quadrature of the closed-form S, at 2 keV only
    quad = [e for e in r.evidence if e.route == "quadrature"]
    assert quad and all(e.value.startswith("T = 2 keV: ") and e.agrees for e in quad)
    assert len(r.controls) == 5 and all(c.caught for c in r.controls)
    assert tuple(r.figures) == ("figures/germanium_shells.pdf",)
    assert_latex_safe(r)


def test_eq15_germanium_is_qualified(eq15_ge: ClaimResult) -> None:
    r = eq15_ge
    assert r.error is None and r.verdict == "qualified", r.error
    assert "per electron of the atom (Z = 32) r_ew = 0.68" in r.summary
    assert len(r.controls) == 5 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_stepping_claim(stepping: ClaimResult) -> None:
    r = stepping
    assert r.error is None and r.verdict == "verified", r.error
    assert "within" in r.summary and "Thomas–Fermi count N(T) is smooth" in r.summary
    assert {e.route for e in r.evidence} >= {"table", "model", "series", "closed form"}
    tf = next(e for e in r.evidence if e.method.startswith("Thomas–Fermi atom"))
    assert "T = 1: 26.15 vs 22" in tf.value and tf.statement
    grid = [e for e in r.evidence if e.method.startswith(("binding model", "slater model"))]
    assert len(grid) == 2 and all("at T = " in e.value for e in grid)
    assert "on the whole grid, just above the thresholds" in r.summary
    assert len(r.controls) == 8 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_eq12_germanium_verified_if_the_atom_ratio_were_printed() -> None:
    atom = eq12.GE_ATOM_NMM
    fixed = dataclasses.replace(
        atom, printed=lambda t, ctx: gc.atom_ratio("binding", 0, t, ctx.dps)
    )
    claim = dataclasses.replace(eq12.GERMANIUM, quantities=(fixed, *eq12.GE_OPEN_NMM))
    assert run_claim(claim, 30).verdict == "verified"


def test_eq12_germanium_refuted_with_an_order_one_open_electron_effect() -> None:
    def half(q):  # type: ignore[no-untyped-def]
        route = Route("half", "series", lambda t, ctx: 0.5)
        return dataclasses.replace(q, routes=(route,))

    claim = dataclasses.replace(
        eq12.GERMANIUM, quantities=(eq12.GE_ATOM_NMM, *(half(q) for q in eq12.GE_OPEN_NMM))
    )
    r = run_claim(claim, 30)
    assert r.error is None and r.verdict == "refuted"


def test_stepping_refuted_if_the_shell_sum_were_off_by_ten_percent() -> None:
    def off(q):  # type: ignore[no-untyped-def]
        route = Route("off", "series", lambda t, ctx: 0.9)
        return dataclasses.replace(q, routes=(route,), controls=())

    quantities = (eq15.GE_COUNT, *(off(q) for q in eq15.GE_STEPPING))
    r = run_claim(dataclasses.replace(eq15.GE_STEPPING_CLAIM, quantities=quantities), 30)
    assert r.error is None and r.verdict == "refuted"


def test_a_wrong_route_and_an_uncaught_control_are_errors() -> None:
    q = eq15.GE_COUNT
    wrong = dataclasses.replace(q.routes[1], compute=lambda t, ctx: 31)
    broken = dataclasses.replace(q, routes=(q.routes[0], wrong))
    claim = dataclasses.replace(eq15.GE_STEPPING_CLAIM, quantities=(broken,))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    truth = Variant("the edge count itself", q.routes[0].compute)
    uncaught = dataclasses.replace(q, controls=(*q.controls, truth))
    claim = dataclasses.replace(eq15.GE_STEPPING_CLAIM, quantities=(uncaught, *eq15.GE_STEPPING))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_inclusive_conclusion_reads_germanium() -> None:
    r = run_claim(eq15.INCLUSIVE, 30)
    assert r.error is None and r.verdict == "qualified"
    assert "germanium (shell model, T = 1, 2, 5, 10 keV): per open electron within" in r.summary
    assert len(r.controls) == 2 + 2 * 3


def test_the_live_quadrature_route_is_available_on_request() -> None:
    from sumrules.models import samples

    q = samples.germanium_atom_quantity(0, ("1",), live="1")
    assert [r.family for r in q.routes] == ["series", "closed form", "quadrature"]
    assert [r.family for r in eq12.GE_ATOM_NMM.routes] == ["series", "closed form"]
