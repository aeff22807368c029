"""Claim text.recoil: the numbers, controls caught, the verdict computed."""

from __future__ import annotations

import dataclasses

from claimtools import assert_latex_safe

from sumrules.core.claim import Claim, Quantity
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.paper import eq03


def _replaced(claim: Claim, old: Quantity, new: Quantity) -> Claim:
    return dataclasses.replace(
        claim, quantities=tuple(new if q is old else q for q in claim.quantities)
    )


# --------------------------------------------------------------------------------------------
# text.recoil


def test_recoil_numbers() -> None:
    r = run_claim(eq03.RECOIL, 30)
    assert r.verdict == "verified"
    assert "7.47e-5 keV" in r.summary and "1.34e+4" in r.summary and "7.55e-6·T" in r.summary
    assert "0.101" in r.notes
    assert {e.route for e in r.evidence} == {"closed form", "units"}
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert {c.id: c.anchor for c in all_claims()}["text.recoil"] == 3
    assert r.printed.startswith("``") and all(ord(ch) < 128 for ch in r.printed)
    assert_latex_safe(r)


def test_recoil_verdict_is_computed() -> None:
    low = dataclasses.replace(eq03.RECOIL_RATIO, cases=("1e-4",), controls=())
    r = run_claim(_replaced(eq03.RECOIL, eq03.RECOIL_RATIO, low), 30)
    assert r.verdict == "refuted"
