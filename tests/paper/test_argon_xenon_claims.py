"""Claims eq12.argon-xenon and eq15.argon-xenon: qualified (the tables fall short of N(T) by
their multipole cut), the two route families agree, the controls are caught, and the verdict
flips when the printed statement is replaced by what the cut model says."""

from __future__ import annotations

import dataclasses

import pytest

from sumrules.core.claim import Route, Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.models import rhf_claims as rhf
from sumrules.paper.eq12 import CLAIMS as EQ12_CLAIMS
from sumrules.paper.eq12 import EQ12_RHF
from sumrules.paper.eq15 import CLAIMS as EQ15_CLAIMS
from sumrules.paper.eq15 import EQ15_RHF


@pytest.fixture(scope="module")
def eq12() -> ClaimResult:
    return run_claim(EQ12_RHF, 15)


@pytest.fixture(scope="module")
def eq15() -> ClaimResult:
    return run_claim(EQ15_RHF, 15)


def test_both_are_qualified_with_two_families_and_caught_controls(
    eq12: ClaimResult, eq15: ClaimResult
) -> None:
    for r in (eq12, eq15):
        assert r.verdict == "qualified"
        assert {e.route for e in r.evidence} == {"table", "model"}
        assert r.controls and all(c.caught for c in r.controls)
    assert "Ar, T = 9 keV: 0.35" in eq12.summary
    assert "Bethe sum" in eq15.summary
    assert "Ar: 3.93 of 18 at q → 0, 4.03 of it" in eq15.summary


def test_the_shortfall_routes_agree_and_its_explanations_by_the_cuts_are_rejected(
    eq15: ClaimResult,
) -> None:
    shortfall = [c for c in eq15.controls if c.description.startswith(rhf.SHORTFALL.name)]
    assert len(shortfall) == 3 and all(c.caught for c in shortfall)


def test_declared_beside_their_equations_and_registered_once() -> None:
    ids = [c.id for c in all_claims()]
    assert ids.count("eq12.argon-xenon") == ids.count("eq15.argon-xenon") == 1
    assert EQ12_RHF in EQ12_CLAIMS and EQ15_RHF in EQ15_CLAIMS


def test_verified_if_the_paper_had_printed_the_cut_model() -> None:
    q = dataclasses.replace(rhf.R_NMM, printed=rhf.R_NMM.routes[1].compute)
    r = run_claim(dataclasses.replace(EQ12_RHF, quantities=(q,)), 15)
    assert r.verdict == "verified"


def test_the_uncut_model_as_a_route_is_an_error() -> None:
    uncut = Route("uncut shell model", "model", rhf.R_NMM.controls[0].compute)
    q = dataclasses.replace(rhf.R_NMM, routes=(rhf.R_NMM.routes[0], uncut))
    r = run_claim(dataclasses.replace(EQ12_RHF, quantities=(q,)), 15)
    assert r.verdict == "error"


def test_a_control_equal_to_the_table_is_not_caught() -> None:
    truth = Variant("the table itself", rhf.BETHE.routes[0].compute)
    q = dataclasses.replace(rhf.BETHE, controls=(truth,))
    r = run_claim(dataclasses.replace(EQ15_RHF, quantities=(rhf.R_EW, q)), 15)
    assert r.verdict == "error"
