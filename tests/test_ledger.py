"""The ledger's house rules: every way a check can be wrong ends in 'error', never in a verdict."""

from __future__ import annotations

import math

import pytest

from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import (
    Claim,
    Context,
    Control,
    Disagreement,
    Evidence,
    Outcome,
    claim,
    run_claim,
    verify,
)

GOOD = [
    Evidence("sympy", "symbolic", "exact identity"),
    Evidence("mpmath", "numeric", "quadrature", "1.0", "30 dps", 29.5),
]
CAUGHT = [Control("flipped sign", True)]


def make(outcome_fn) -> Claim:
    return Claim("eq99", "test claim", r"x = 1", outcome_fn, 99.0)


def outcome(**kw) -> Outcome:
    base = {"verdict": "verified", "summary": "ok", "evidence": GOOD, "controls": CAUGHT}
    base.update(kw)
    return Outcome(**base)


def test_good_outcome_is_accepted():
    r = run_claim(make(lambda ctx: outcome()), 30)
    assert (r.verdict, r.error) == ("verified", None)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"verdict": "true"}, "not one of"),
        ({"evidence": GOOD[:1]}, "fewer than two independent routes"),
        ({"evidence": [GOOD[0], Evidence("sympy again", "symbolic", "same")]}, "fewer than two"),
        ({"controls": []}, "no negative control"),
        ({"controls": [Control("wrong power", False)]}, "negative control not caught"),
        (
            {"derivations": [Derivation("d", [Step("1", "2", "bogus", "by eye", False)])]},
            "derivation step failed",
        ),
    ],
)
def test_house_rule_breaches_become_errors(change, reason):
    r = run_claim(make(lambda ctx: outcome(**change)), 30)
    assert r.verdict == "error"
    assert reason in (r.error or "")


def test_disagreeing_routes_are_retried_at_double_precision_then_reported():
    seen: list[int] = []

    def check(ctx: Context) -> Outcome:
        seen.append(ctx.dps)
        bad = Evidence("mpmath", "numeric", "quadrature", "1.1", f"{ctx.dps} dps", 1.0, False)
        return outcome(evidence=[GOOD[0], bad])

    r = run_claim(make(check), 30)
    assert seen == [30, 60]
    assert r.verdict == "error"
    assert "1.1" in (r.error or "") and "retried" in (r.error or "")


def test_disagreement_resolved_by_retry_is_accepted():
    def check(ctx: Context) -> Outcome:
        if ctx.dps < 60:
            raise Disagreement("quadrature unstable", {"A": "1.0", "C": "1.2"})
        return outcome()

    r = run_claim(make(check), 30)
    assert (r.verdict, r.dps) == ("verified", 60)


def test_persistent_disagreement_shows_both_values():
    def check(ctx: Context) -> Outcome:
        raise Disagreement("routes differ", {"A": "1.0", "C": "1.2"})

    r = run_claim(make(check), 30)
    assert r.verdict == "error"
    assert "A = 1.0" in (r.error or "") and "C = 1.2" in (r.error or "")


def test_a_crashing_check_is_an_error_not_a_verdict():
    def check(ctx: Context) -> Outcome:
        raise ZeroDivisionError("boom")

    r = run_claim(make(check), 30)
    assert r.verdict == "error" and "ZeroDivisionError" in (r.error or "")


def test_claim_ids_are_validated():
    with pytest.raises(ValueError, match="claim id"):
        claim("Eq19", title="t", printed="p")
    with pytest.raises(ValueError, match="anchor"):
        claim("text.foo", title="t", printed="p")


def test_verify_rejects_unknown_ids_and_bad_precision():
    with pytest.raises(ValueError, match="ids: unknown claim 'eq0'"):
        verify(["eq0"])
    with pytest.raises(ValueError, match="dps"):
        verify(["eq19"], dps=5)
    with pytest.raises(ValueError, match="ids"):
        verify("eq19")  # type: ignore[arg-type]


def test_ledger_json_shape():
    ledger = verify(["eq19"])
    data = ledger.to_json()
    assert set(data) == {"claims", "controls"}
    assert set(data["controls"]) == {"run", "caught"}
    row = data["claims"][0]
    assert {"id", "verdict", "summary", "evidence"} <= set(row)
    assert data["controls"]["run"] == data["controls"]["caught"] > 0
    assert all(not math.isnan(e.get("seconds", 0)) for e in row["evidence"])
