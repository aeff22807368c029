"""Claim eq18: verdict, counts and controls; the verdict flips with the printed bound; a
disagreeing route and a control equal to the truth end as errors."""

from __future__ import annotations

import dataclasses

import pytest
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.paper import eq18
from sumrules.theory.expansion import multiplicities
from sumrules.theory.one_electron_statement import bound, bound_holds, bound_holds_at_all_orders


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq18.EQ18, 30)


def _small_classes(ctx: object) -> list[tuple[int, int]]:
    return sorted(multiplicities(40))


#: the claim on the classes through order 40 only (fast), for the flips and the error paths
SMALL = dataclasses.replace(eq18.CLASS_BOUND, cases=_small_classes)


def test_eq18_is_verified(result: ClaimResult) -> None:
    assert result.verdict == "verified" and result.error is None
    assert "checked for all 40001 classes through order 400" in result.summary
    assert "201 of the 40001 classes" in result.notes
    assert len(result.controls) == 4 and all(c.caught for c in result.controls)
    stronger = result.controls[0]
    assert stronger.description.endswith("stronger inequality w ≥ 2u + 2")
    assert stronger.detail.startswith("rejected at 201 of 40001 cases (e.g. u = 0, w = 1")
    assert result.controls[1].detail.startswith("rejected at 13400 of 40001 cases")
    assert {e.route for e in result.evidence} == {
        "closed form",
        "enumeration",
        "model",
        "series",
        "symbolic",
    }
    assert [len(d.steps) for d in result.derivations] == [8, 1]
    assert_latex_safe(result)


def test_the_printed_bound_is_the_sympy_relation_that_is_checked() -> None:
    assert eq18.EQ18.printed.latex == r"w \geq 2 u + 1"


@pytest.mark.parametrize(
    ("slope", "offset", "verdict"),
    [(2, 2, "refuted"), (3, 1, "refuted"), (1, 1, "verified"), (2, 0, "verified")],
)
def test_eq18_verdict_follows_the_printed_bound(slope: int, offset: int, verdict: str) -> None:
    relation = bound(slope, offset)
    per_class = dataclasses.replace(SMALL, printed=lambda c, ctx: bound_holds(relation, *c))
    every_order = dataclasses.replace(
        eq18.ALL_ORDERS, printed=lambda c, ctx: bound_holds_at_all_orders(relation)
    )
    r = run_claim(dataclasses.replace(eq18.EQ18, quantities=(per_class, every_order)), 30)
    assert r.verdict == verdict
    if verdict == "refuted":
        assert "the sharp bound is w ≥ 2u + 1" in r.summary


def test_eq18_disagreeing_route_is_an_error() -> None:
    wrong = dataclasses.replace(SMALL.routes[1], compute=lambda c, ctx: c[1] > 2 * c[0] + 1)
    per_class = dataclasses.replace(SMALL, routes=(SMALL.routes[0], wrong, *SMALL.routes[2:]))
    r = run_claim(dataclasses.replace(eq18.EQ18, quantities=(per_class, eq18.ALL_ORDERS)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq18_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("w ≥ 2u + 1 itself", lambda c, ctx: True)
    per_class = dataclasses.replace(SMALL, controls=(*SMALL.controls, truth))
    r = run_claim(dataclasses.replace(eq18.EQ18, quantities=(per_class, eq18.ALL_ORDERS)), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")
