"""The ledger's data: evidence, controls, results, their JSON; Disagreement; timed."""

from __future__ import annotations

import math
import time

import pytest

import sumrules.core.ledger as ledger_module
from sumrules.core.ledger import ClaimResult, Control, Disagreement, Evidence, Ledger, timed

NUMERIC = Evidence("mpmath", "quadrature", "quadrature", "1.0", "30 dps", 29.5, True, 1.23456789)
CAUGHT = Control("flipped sign", True)


def test_disagreement_keeps_its_message_and_a_copy_of_the_values() -> None:
    values = {"a": "1"}
    d = Disagreement("differ", values)
    values["b"] = "2"
    assert str(d) == "differ" and d.values == {"a": "1"}
    assert Disagreement("x").values == {}


def test_timed_passes_arguments_and_measures_the_call() -> None:
    def slow(a: int, *, b: int) -> int:
        time.sleep(0.01)
        return a + b

    value, seconds = timed(slow, 1, b=2)
    assert value == 3 and 0.009 < seconds < 5


def test_evidence_json_fields_and_rounded_seconds() -> None:
    expected = {
        "method": "mpmath", "route": "quadrature", "statement": "quadrature", "value": "1.0",
        "precision": "30 dps", "agreement_digits": 29.5, "agrees": True,
    }  # fmt: skip
    assert NUMERIC.to_json() == {**expected, "seconds": 1.2346}
    assert NUMERIC.to_json(timings=False) == expected


@pytest.mark.parametrize(("agreement", "shown"), [(math.inf, "exact"), (None, None), (3.0, 3.0)])
def test_evidence_json_agreement(agreement: float | None, shown: object) -> None:
    assert Evidence("m", "r", "s", agreement=agreement).to_json()["agreement_digits"] == shown


def test_control_and_result_json() -> None:
    assert Control("flip", False, "kept 3 digits").to_json() == {
        "description": "flip", "caught": False, "detail": "kept 3 digits",
    }  # fmt: skip
    r = ClaimResult(
        "eq7", "refuted", "fails", [NUMERIC], [CAUGHT], title="T", printed="P",
        corrected="C", seconds=0.123456, dps=45,
    )  # fmt: skip
    expected = {
        "id": "eq7", "verdict": "refuted", "summary": "fails",
        "evidence": [NUMERIC.to_json(timings=False)], "controls": [CAUGHT.to_json()],
        "printed": "P", "corrected": "C", "dps": 45,
    }  # fmt: skip
    assert r.to_json(timings=False) == expected
    assert r.to_json()["seconds"] == 0.1235 and r.to_json()["evidence"][0]["seconds"] == 1.2346
    assert "error" not in r.to_json()
    assert ClaimResult("eq7", "error", "boom", [], error="boom").to_json()["error"] == "boom"


def test_ledger_counts_finds_and_judges() -> None:
    results = [
        ClaimResult("eq1", "verified", "s", [NUMERIC], [CAUGHT, Control("x", False)]),
        ClaimResult("eq2", "refuted", "s", [NUMERIC], [CAUGHT]),
    ]
    led = Ledger(results, 45)
    assert (led.controls_run, led.controls_caught, led.dps) == (3, 2, 45)
    assert led["eq2"] is results[1] and led.ok  # a refuted verdict is a finding
    with pytest.raises(KeyError):
        led["eq3"]
    assert not Ledger([*results, ClaimResult("eq3", "error", "e", [], error="e")]).ok
    assert led.to_json(timings=False) == {
        "claims": [r.to_json(timings=False) for r in results],
        "controls": {"run": 3, "caught": 2},
    }


def test_the_old_module_serves_the_names_that_moved() -> None:
    from sumrules.core.registry import all_claims
    from sumrules.core.runner import verify

    assert ledger_module.verify is verify and ledger_module.all_claims is all_claims
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        ledger_module.nope  # noqa: B018


def test_results_render_as_html_for_jupyter() -> None:
    ok = ClaimResult("eq1", "verified", "a < b", [NUMERIC], [CAUGHT], seconds=1.5)
    bad = ClaimResult("eq2", "error", "boom", [], [Control("x", False, "kept")], error="boom")
    page = Ledger([ok, bad])._repr_html_()
    assert page.count("<tr>") == 3 and "a &lt; b" in page and "1.50 s" in page
    assert "#1b7f3b" in page and "#6e2a2a" in page and "NOT CAUGHT" in page
    assert "2 claims: 1 verified, 1 error. Negative controls run 2, caught 1." in page
    one = ok._repr_html_()
    assert one.count("<tr>") == 2 and "<details>" in one and "29.5 digits" in one
