"""Claims eq12.argon-xenon and eq15.argon-xenon: qualified (the tables fall short of N(T) by
their multipole cut), the two route families agree, the controls are caught, and the verdict
flips when the printed statement is replaced by what the cut model says."""

from __future__ import annotations

import dataclasses

import pytest

from sumrules.core.claim import Route, Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.runner import run_claim
from sumrules.paper import rhf_atoms


@pytest.fixture(scope="module")
def eq12() -> ClaimResult:
    return run_claim(rhf_atoms.EQ12_RHF, 15)


@pytest.fixture(scope="module")
def eq15() -> ClaimResult:
    return run_claim(rhf_atoms.EQ15_RHF, 15)


def test_both_are_qualified_with_two_families_and_caught_controls(
    eq12: ClaimResult, eq15: ClaimResult
) -> None:
    for r in (eq12, eq15):
        assert r.verdict == "qualified"
        assert {e.route for e in r.evidence} == {"table", "model"}
        assert r.controls and all(c.caught for c in r.controls)
    assert "Ar, T = 9 keV: 0.35" in eq12.summary
    assert "Bethe sum" in eq15.summary


def test_verified_if_the_paper_had_printed_the_cut_model() -> None:
    q = dataclasses.replace(rhf_atoms.R_NMM, printed=rhf_atoms.R_NMM.routes[1].compute)
    r = run_claim(dataclasses.replace(rhf_atoms.EQ12_RHF, quantities=(q,)), 15)
    assert r.verdict == "verified"


def test_the_uncut_model_as_a_route_is_an_error() -> None:
    uncut = Route("uncut shell model", "model", rhf_atoms.R_NMM.controls[0].compute)
    q = dataclasses.replace(rhf_atoms.R_NMM, routes=(rhf_atoms.R_NMM.routes[0], uncut))
    r = run_claim(dataclasses.replace(rhf_atoms.EQ12_RHF, quantities=(q,)), 15)
    assert r.verdict == "error"


def test_a_control_equal_to_the_table_is_not_caught() -> None:
    truth = Variant("the table itself", rhf_atoms.BETHE.routes[0].compute)
    q = dataclasses.replace(rhf_atoms.BETHE, controls=(truth,))
    r = run_claim(dataclasses.replace(rhf_atoms.EQ15_RHF, quantities=(rhf_atoms.R_EW, q)), 15)
    assert r.verdict == "error"
