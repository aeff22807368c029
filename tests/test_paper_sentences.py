"""The text.* claims: verdicts, key numbers, controls, and that the verdicts are computed."""

from __future__ import annotations

from claimtools import assert_latex_safe, run

from sumrules.core.ledger import all_claims, verify
from sumrules.paper import sentences as sn

MINE = {
    "text.sm-moment": ("qualified", 1),
    "text.gemma-limit": ("qualified", 1),
    "text.ge-kalpha": ("qualified", 2),
    "text.recoil": ("verified", 3),
}


def test_all_sentence_claims():
    ledger = verify(list(MINE))
    anchors = {c.id: c.anchor for c in all_claims()}
    assert {r.id for r in ledger.results} == set(MINE)
    for r in ledger.results:
        verdict, anchor = MINE[r.id]
        assert r.error is None, (r.id, r.error)
        assert r.verdict == verdict, (r.id, r.summary)
        assert anchors[r.id] == anchor
        assert len({e.route for e in r.evidence}) >= 2
        assert r.controls and all(c.caught for c in r.controls), r.id
        assert r.printed.startswith("``")
        assert all(ord(ch) < 128 for ch in r.printed), r.id
        assert_latex_safe(r)


def test_sm_moment_numbers_and_flip(monkeypatch):
    r = run("text.sm-moment")
    assert "3.2e-19 (m_ν/eV) μ_B" in r.summary and "1.61e-20" in r.summary
    assert "0.0312 eV" in r.summary
    monkeypatch.setattr(sn, "PRINTED_SM_MOMENT", "2e-20")
    assert run("text.sm-moment").verdict == "verified"
    monkeypatch.setattr(sn, "PRINTED_SM_MOMENT", "1e-22")
    assert run("text.sm-moment").verdict == "refuted"


def test_gemma_limit_implications_and_flip(monkeypatch):
    r = run("text.gemma-limit")
    assert "cited, not checkable here" in r.summary
    assert "24.6× the EW rate" in r.summary and "2.46× at 10 keV" in r.summary
    monkeypatch.setattr(sn, "PRINTED_GEMMA_LIMIT", "2.9e-11")
    assert run("text.gemma-limit").verdict == "corrected"


def test_ge_kalpha_moseley_and_flip(monkeypatch):
    r = run("text.ge-kalpha")
    assert "9.806 keV" in r.summary and "0.85%" in r.summary
    monkeypatch.setattr(sn, "PRINTED_GE_KALPHA", "8.0")
    assert run("text.ge-kalpha").verdict == "refuted"


def test_recoil_numbers_and_flip(monkeypatch):
    r = run("text.recoil")
    assert "7.47e-5 keV" in r.summary
    monkeypatch.setattr(sn, "RECOIL_THRESHOLD_KEV", "1e-4")
    assert run("text.recoil").verdict == "refuted"


