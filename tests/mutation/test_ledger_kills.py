"""The ledger's registry, selection, runner and JSON, pinned down with tiny fake claims.

Written to kill mutants of ``sumrules.ledger`` (see docs/mutation.md). The paper's claims are
registered by ``claim(...)`` at import time, before mutmut switches a mutant on, so every test
here that needs the decorator calls it inside the test body with throw-away ids
(``text.mutation-probe``, ``eq999`` ...) and the ``registry`` fixture restores the registry
afterwards. No test runs a claim of the paper: the fake checks return in microseconds.
"""

from __future__ import annotations

import importlib
import math
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import sumrules.core.certified
from sumrules.core import ledger as L
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import (
    MAX_DPS,
    Claim,
    ClaimResult,
    Context,
    Control,
    Disagreement,
    Evidence,
    Ledger,
    Outcome,
    all_claims,
    claim,
    run_claim,
    timed,
    verify,
)

SYMBOLIC = Evidence("sympy", "symbolic", "exact identity")
NUMERIC = Evidence("mpmath", "numeric", "quadrature", "1.0", "30 dps", 29.5)
CAUGHT = Control("flipped sign", True, "rejected by 12 digits")

Check = Callable[[Context], Outcome]


def good(verdict: str = "verified", **kw: object) -> Outcome:
    """An outcome that satisfies every house rule (two routes, agreeing, one caught control)."""
    base: dict[str, object] = {
        "verdict": verdict,
        "summary": f"{verdict} by two routes",
        "evidence": [SYMBOLIC, NUMERIC],
        "controls": [CAUGHT],
    }
    base.update(kw)
    return Outcome(**base)  # type: ignore[arg-type]


def fake(check: Check, claim_id: str = "eq999") -> Claim:
    return Claim(claim_id, f"title of {claim_id}", f"printed {claim_id}", check, 999.0)


def bounded_run(c: Claim, dps: int, **kw: bool) -> tuple[ClaimResult, float]:
    """run_claim, and the wall time around it (an upper bound of the seconds it reports)."""
    t0 = time.perf_counter()
    r = run_claim(c, dps, **kw)
    return r, time.perf_counter() - t0


@pytest.fixture
def registry() -> Iterator[dict[str, Claim]]:
    """The claim registry, restored to its state before the test (the paper's claims)."""
    for name in L.PAPER_MODULES:  # imported before the snapshot, so nothing registers later
        importlib.import_module(name)
    saved = dict(L._REGISTRY)
    try:
        yield L._REGISTRY
    finally:
        L._REGISTRY.clear()
        L._REGISTRY.update(saved)


@pytest.fixture
def probes(registry: dict[str, Claim]) -> dict[str, list[Context]]:
    """An otherwise empty registry holding six fake claims, registered out of paper order.

    Each check records the Context it was given and returns a good outcome.
    """
    registry.clear()
    seen: dict[str, list[Context]] = {}
    anchors = {
        "eq10": None,
        "text.b-probe": 3.0,
        "eq3.probe": None,
        "eq4": None,
        "eq3": None,
        "text.a-probe": 2.5,
    }
    for cid, anchor in anchors.items():
        seen[cid] = []

        def check(ctx: Context, _log: list[Context] = seen[cid]) -> Outcome:
            _log.append(ctx)
            return good()

        claim(cid, title=f"title {cid}", printed=f"printed {cid}", anchor=anchor)(check)
    return seen


# Paper order of the probes, by hand: anchor first, an equation before a sentence at the same
# anchor, then the id.
PAPER_ORDER = ["text.a-probe", "eq3", "eq3.probe", "text.b-probe", "eq4", "eq10"]


def ids(led: Ledger) -> list[str]:
    return [r.id for r in led.results]


# ---------------------------------------------------------------------------
# Disagreement, timed


def test_disagreement_keeps_its_message_and_a_copy_of_the_values() -> None:
    values = {"A": "1.0", "C": "1.2"}
    exc = Disagreement("routes differ", values)
    assert str(exc) == "routes differ" and exc.args == ("routes differ",)
    values["A"] = "changed"
    assert exc.values == {"A": "1.0", "C": "1.2"}
    assert Disagreement("no values").values == {}


def test_timed_passes_positional_and_keyword_arguments_and_measures_the_call() -> None:
    def f(a: int, b: int, *, scale: int = 1) -> int:
        return (a - b) * scale

    t0 = time.perf_counter()
    result, seconds = timed(f, 7, 2, scale=3)
    wall = time.perf_counter() - t0
    assert result == 15  # (7 − 2)·3: both positionals in order and the keyword arrive
    assert 0 <= seconds <= wall
    assert timed(divmod, 17, 5)[0] == (3, 2)


# ---------------------------------------------------------------------------
# The claim decorator (run inside the tests: at import time mutants are off)


def first_probe(ctx: Context) -> Outcome:
    return good()


def second_probe(ctx: Context) -> Outcome:
    return good("refuted")


def test_claim_registers_every_field_and_returns_the_function(
    registry: dict[str, Claim],
) -> None:
    returned = claim("text.mutation-probe", title="A probe", printed=r"x = 1", anchor=4)(
        first_probe
    )
    assert returned is first_probe
    c = registry["text.mutation-probe"]
    assert (c.id, c.title, c.printed, c.check) == (
        "text.mutation-probe",
        "A probe",
        r"x = 1",
        first_probe,
    )
    assert c.anchor == 4.0 and type(c.anchor) is float
    assert c.source == __name__  # the module that defines the check


@pytest.mark.parametrize(
    ("claim_id", "anchor"),
    [("eq999", 999.0), ("eq7.mutation-probe", 7.0), ("eq42", 42.0), ("eq0", 0.0)],
)
def test_eq_ids_take_their_equation_number_as_default_anchor(
    registry: dict[str, Claim], claim_id: str, anchor: float
) -> None:
    claim(claim_id, title="t", printed="p")(first_probe)
    assert registry[claim_id].anchor == anchor
    assert type(registry[claim_id].anchor) is float


def test_an_explicit_anchor_overrides_the_equation_number(registry: dict[str, Claim]) -> None:
    claim("eq999.mutation-probe", title="t", printed="p", anchor=6.5)(first_probe)
    assert registry["eq999.mutation-probe"].anchor == 6.5


def test_sentence_ids_need_an_anchor_and_bad_ids_are_refused(registry: dict[str, Claim]) -> None:
    before = dict(registry)
    with pytest.raises(ValueError, match=r"claim 'text\.mutation-probe' needs an anchor"):
        claim("text.mutation-probe", title="t", printed="p")
    for bad in ["Eq19", "eq", "eq19.", "text.", "text.Upper", "eq19 ", "fig1"]:
        with pytest.raises(ValueError, match=re.escape(f"claim id {bad!r} is not")):
            claim(bad, title="t", printed="p", anchor=1.0)
    assert registry == before  # nothing was registered
    # negative control: the same shapes, written correctly, are accepted
    claim("text.mutation-probe", title="t", printed="p", anchor=1.0)(first_probe)
    assert "text.mutation-probe" in registry


def test_a_second_check_under_the_same_id_is_refused(registry: dict[str, Claim]) -> None:
    claim("text.mutation-probe", title="t", printed="p", anchor=1.0)(first_probe)
    with pytest.raises(ValueError, match=r"claim 'text\.mutation-probe' registered twice"):
        claim("text.mutation-probe", title="t2", printed="p2", anchor=2.0)(second_probe)
    assert registry["text.mutation-probe"].check is first_probe
    # re-registering the same function (a module imported again) replaces the entry silently
    claim("text.mutation-probe", title="t3", printed="p3", anchor=3.0)(first_probe)
    assert registry["text.mutation-probe"].title == "t3"


# ---------------------------------------------------------------------------
# all_claims and selection


def test_all_claims_are_in_paper_order(probes: dict[str, list[Context]]) -> None:
    assert [c.id for c in all_claims()] == PAPER_ORDER


def test_a_paper_module_not_written_yet_is_skipped(
    probes: dict[str, list[Context]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(L, "PAPER_MODULES", ("sumrules.paper.h_ledger_not_written_yet",))
    assert [c.id for c in all_claims()] == PAPER_ORDER


def test_a_missing_dependency_inside_a_paper_module_is_not_hidden(
    probes: dict[str, list[Context]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "h_ledger_probe_broken.py").write_text("import h_ledger_probe_missing_dep\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(L, "PAPER_MODULES", ("h_ledger_probe_broken",))
    try:
        with pytest.raises(ModuleNotFoundError, match="h_ledger_probe_missing_dep"):
            all_claims()
    finally:
        sys.modules.pop("h_ledger_probe_broken", None)


def test_verify_without_ids_runs_every_claim_in_paper_order(
    probes: dict[str, list[Context]],
) -> None:
    assert ids(verify()) == PAPER_ORDER
    assert all(len(log) == 1 for log in probes.values())


def test_an_id_selects_itself_and_its_sub_claims_only(probes: dict[str, list[Context]]) -> None:
    assert ids(verify(["eq3"])) == ["eq3", "eq3.probe"]
    assert ids(verify(["eq3.probe"])) == ["eq3.probe"]
    assert ids(verify(["text.b-probe"])) == ["text.b-probe"]
    assert probes["eq4"] == [] and probes["eq10"] == []  # not run
    # "eq1" is not a prefix claim of "eq10": sub-claims are separated by a dot
    with pytest.raises(ValueError, match="ids: unknown claim 'eq1'"):
        verify(["eq1"])


def test_selected_claims_run_once_each_in_paper_order(probes: dict[str, list[Context]]) -> None:
    led = verify(("eq10", "text.a-probe", "eq3.probe", "eq3", "eq3"))
    assert ids(led) == ["text.a-probe", "eq3", "eq3.probe", "eq10"]
    assert [len(probes[i]) for i in ids(led)] == [1, 1, 1, 1]


def test_an_unknown_id_lists_the_known_ones(probes: dict[str, list[Context]]) -> None:
    known = "text.a-probe, eq3, eq3.probe, text.b-probe, eq4, eq10"
    with pytest.raises(ValueError) as info:
        verify(["eq3", "eq0"])
    assert str(info.value) == f"ids: unknown claim 'eq0'; known: {known}"
    assert probes["eq3"] == []  # nothing ran before the bad id was found


@pytest.mark.parametrize("bad", ["eq3", b"eq3", 3, ["eq3", 3], [None]])
def test_ids_must_be_a_list_of_strings(probes: dict[str, list[Context]], bad: object) -> None:
    with pytest.raises(ValueError, match=r"ids must be a list of claim id strings \(or None\)"):
        verify(bad)  # type: ignore[arg-type]
    assert probes["eq3"] == []


# ---------------------------------------------------------------------------
# verify: precision, certified flag, progress, the Ledger


def test_verify_defaults_to_30_digits_and_no_certified_route(
    probes: dict[str, list[Context]],
) -> None:
    led = verify(["eq4"])
    assert probes["eq4"] == [Context(dps=30, certified=False)]
    assert probes["eq4"][0].certified is False
    assert led.dps == 30 and led["eq4"].dps == 30


def test_verify_passes_its_precision_and_certified_flag_to_each_check(
    probes: dict[str, list[Context]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sumrules.core.certified, "require_flint", lambda: None)
    led = verify(["eq3"], dps=45, certified=True)
    assert probes["eq3"] == probes["eq3.probe"] == [Context(dps=45, certified=True)]
    assert led.dps == 45 and [r.dps for r in led.results] == [45, 45]


def test_verify_refuses_a_bad_precision_before_running_anything(
    probes: dict[str, list[Context]],
) -> None:
    for bad in (9, MAX_DPS + 1):
        with pytest.raises(ValueError, match="dps must be an integer"):
            verify(["eq4"], dps=bad)
    assert probes["eq4"] == []
    assert verify(["eq4"], dps=10).dps == 10  # the boundary itself is allowed


def test_progress_is_called_before_and_after_each_claim(
    probes: dict[str, list[Context]],
) -> None:
    calls: list[tuple[Claim, ClaimResult | None]] = []
    led = verify(["eq3"], progress=lambda c, r: calls.append((c, r)))
    assert [(c.id, r) for c, r in calls[::2]] == [("eq3", None), ("eq3.probe", None)]
    assert [c.id for c, _ in calls[1::2]] == ["eq3", "eq3.probe"]
    assert [r for _, r in calls[1::2]] == led.results
    assert all(calls[i][1] is led.results[i // 2] for i in (1, 3))
    assert calls[0][0] is L._REGISTRY["eq3"]


def test_ledger_counts_controls_and_finds_results_by_id() -> None:
    two = [CAUGHT, Control("wrong power", True)]
    missed = [CAUGHT, Control("dropped factor", False)]
    results = [
        run_claim(fake(lambda ctx: good("refuted", controls=two), "eq1"), 30),
        run_claim(fake(lambda ctx: good(controls=missed), "eq2"), 30),
        run_claim(fake(lambda ctx: good(), "eq3"), 30),
    ]
    led = Ledger(results)
    assert (led.controls_run, led.controls_caught) == (2 + 2 + 1, 2 + 1 + 1)
    assert led["eq2"] is results[1] and led["eq3"] is results[2]
    with pytest.raises(KeyError) as info:
        led["eq4"]
    assert info.value.args == ("eq4",)
    assert not led.ok  # eq2 ended in "error"
    assert Ledger([results[0], results[2]]).ok  # "refuted" is a finding, not a failure


# ---------------------------------------------------------------------------
# run_claim: the three ways out, field by field


def test_an_accepted_outcome_is_carried_over_field_by_field() -> None:
    deriv = [Derivation("d", [Step("a", "b", "by algebra", "sympy", True)])]
    out = good(
        "corrected",
        derivations=deriv,
        corrected=r"x = 2",
        notes="see eq. 7",
        figures=["fig.png"],
    )
    seen: list[Context] = []

    def check(ctx: Context) -> Outcome:
        seen.append(ctx)
        return out

    r, wall = bounded_run(fake(check), 45)
    assert seen == [Context(dps=45, certified=False)] and seen[0].certified is False
    assert (r.id, r.verdict, r.summary, r.title, r.printed) == (
        "eq999",
        "corrected",
        "corrected by two routes",
        "title of eq999",
        "printed eq999",
    )
    assert r.evidence is out.evidence and r.controls is out.controls
    assert r.derivations is deriv and r.figures is out.figures
    assert (r.corrected, r.notes, r.dps, r.error) == (r"x = 2", "see eq. 7", 45, None)
    assert 0 <= r.seconds <= wall


def test_run_claim_passes_the_certified_flag() -> None:
    seen: list[Context] = []

    def check(ctx: Context) -> Outcome:
        seen.append(ctx)
        return good()

    run_claim(fake(check), 30, certified=True)
    assert seen == [Context(dps=30, certified=True)]


@pytest.mark.parametrize("verdict", ["verified", "corrected", "refuted", "qualified"])
def test_each_of_the_four_verdicts_is_accepted(verdict: str) -> None:
    assert run_claim(fake(lambda ctx: good(verdict)), 30).verdict == verdict


def test_a_breach_is_an_error_that_keeps_the_evidence_but_drops_the_correction() -> None:
    out = good("corrected", controls=[], corrected="x = 2", notes="n", figures=["f.png"])
    r, wall = bounded_run(fake(lambda ctx: out), 45)
    assert (r.id, r.verdict, r.summary, r.error) == (
        "eq999",
        "error",
        "no negative control",
        "no negative control",
    )
    assert r.evidence is out.evidence and r.controls is out.controls
    assert r.derivations is out.derivations
    assert (r.title, r.printed) == ("title of eq999", "printed eq999")
    assert (r.corrected, r.notes, r.figures, r.dps) == (None, "", [], 45)
    assert 0 <= r.seconds <= wall


def test_breaches_list_every_offender_separated_by_semicolons() -> None:
    no_value = Evidence("series", "series", "sum to 5 terms", "", agrees=False)
    with_value = Evidence("quad", "numeric", "quadrature", "1.1", agrees=False)
    r = run_claim(fake(lambda ctx: good(evidence=[SYMBOLIC, no_value, with_value])), 30)
    one = "routes disagree: series gives sum to 5 terms; quad gives 1.1"
    assert r.error == f"at 30 digits: {one} | retried: at 60 digits: {one}"

    missed = [Control("c1", False), CAUGHT, Control("c2", False)]
    r = run_claim(fake(lambda ctx: good(controls=missed)), 30)
    assert r.error == "negative control not caught: c1; c2"

    steps = [Step("a", "b", "j1", "m", False), Step("a", "a", "ok", "m", True)]
    derivs = [Derivation("d1", steps), Derivation("d2", [Step("c", "d", "j2", "m", False)])]
    r = run_claim(fake(lambda ctx: good(derivations=derivs)), 30)
    assert r.error == "derivation step failed its check: j1; j2"


def test_a_crash_is_an_error_with_empty_evidence() -> None:
    def check(ctx: Context) -> Outcome:
        raise ZeroDivisionError("boom")

    r, wall = bounded_run(fake(check), 45)
    message = "check could not be carried out: ZeroDivisionError: boom"
    assert (r.id, r.verdict, r.summary, r.error) == ("eq999", "error", message, message)
    assert (r.evidence, r.controls, r.derivations, r.figures) == ([], [], [], [])
    assert (r.title, r.printed, r.corrected, r.notes, r.dps) == (
        "title of eq999",
        "printed eq999",
        None,
        "",
        45,
    )
    assert 0 <= r.seconds <= wall


def test_a_crash_on_the_retry_reports_the_retry_precision() -> None:
    def check(ctx: Context) -> Outcome:
        if ctx.dps == 30:
            raise Disagreement("unstable", {"A": "1"})
        raise RuntimeError("out of memory")

    r = run_claim(fake(check), 30)
    assert r.dps == 60 and r.error == "check could not be carried out: RuntimeError: out of memory"


def test_persistent_disagreement_reports_both_attempts_and_their_values() -> None:
    def check(ctx: Context) -> Outcome:
        raise Disagreement("routes differ", {"A": "1.0", "C": f"1.{ctx.dps}"})

    r, wall = bounded_run(fake(check), 30)
    message = (
        "at 30 digits: routes differ (A = 1.0, C = 1.30)"
        " | retried: at 60 digits: routes differ (A = 1.0, C = 1.60)"
    )
    assert (r.id, r.verdict, r.summary, r.error) == ("eq999", "error", message, message)
    assert (r.evidence, r.controls, r.derivations, r.figures) == ([], [], [], [])
    assert (r.title, r.printed, r.corrected, r.notes) == (
        "title of eq999",
        "printed eq999",
        None,
        "",
    )
    assert r.dps == 30  # the precision that was asked for; the attempts are in the message
    assert 0 <= r.seconds <= wall


def test_a_disagreement_without_values_shows_just_its_message() -> None:
    def check(ctx: Context) -> Outcome:
        raise Disagreement("routes differ")

    r = run_claim(fake(check), 30)
    assert r.error == "routes differ | retried: routes differ"
    assert "()" not in (r.error or "")  # negative control: no empty value list


def test_a_disagreement_then_another_breach_reports_that_breach_at_the_retry() -> None:
    def check(ctx: Context) -> Outcome:
        if ctx.dps == 30:
            raise Disagreement("unstable")
        return good(evidence=[SYMBOLIC])

    r = run_claim(fake(check), 30)
    assert (r.verdict, r.dps) == ("error", 60)
    assert r.error == "fewer than two independent routes of evidence"


@pytest.mark.parametrize(
    ("dps", "attempts"),
    [(30, [30, 60]), (500, [500, 1000]), (501, [501, MAX_DPS]), (MAX_DPS, [MAX_DPS, MAX_DPS])],
)
def test_the_retry_doubles_the_precision_up_to_max_dps(dps: int, attempts: list[int]) -> None:
    seen: list[int] = []

    def check(ctx: Context) -> Outcome:
        seen.append(ctx.dps)
        raise Disagreement("never agree")

    run_claim(fake(check), dps)
    assert MAX_DPS == 1000
    assert seen == attempts


def test_a_disagreement_resolved_at_the_retry_is_accepted_at_that_precision() -> None:
    def check(ctx: Context) -> Outcome:
        if ctx.dps < 90:
            raise Disagreement("unstable", {"A": "1"})
        return good()

    r = run_claim(fake(check), 45)
    assert (r.verdict, r.dps, r.error) == ("verified", 90, None)


# ---------------------------------------------------------------------------
# JSON


def test_evidence_json_fields_and_rounded_seconds() -> None:
    e = Evidence("mpmath", "numeric", "quadrature", "1.0", "30 dps", 29.5, True, 1.23456789)
    expected = {
        "method": "mpmath",
        "route": "numeric",
        "statement": "quadrature",
        "value": "1.0",
        "precision": "30 dps",
        "agreement_digits": 29.5,
        "agrees": True,
    }
    assert e.to_json() == {**expected, "seconds": 1.2346}  # timings by default, 4 decimals
    assert e.to_json(timings=False) == expected


@pytest.mark.parametrize(("agreement", "shown"), [(math.inf, "exact"), (None, None), (3.0, 3.0)])
def test_evidence_json_agreement(agreement: float | None, shown: object) -> None:
    e = Evidence("m", "r", "s", agreement=agreement)
    assert e.to_json()["agreement_digits"] == shown


def test_control_json_fields() -> None:
    assert Control("flip", False, "kept 3 digits").to_json() == {
        "description": "flip",
        "caught": False,
        "detail": "kept 3 digits",
    }


def test_claim_result_json_fields() -> None:
    r = ClaimResult(
        "eq7", "refuted", "fails", [NUMERIC], [CAUGHT], title="T", printed="P",
        corrected="C", seconds=0.123456, dps=45,
    )  # fmt: skip
    expected = {
        "id": "eq7",
        "verdict": "refuted",
        "summary": "fails",
        "evidence": [NUMERIC.to_json(timings=False) | {"seconds": 0.0}],
        "controls": [CAUGHT.to_json()],
        "printed": "P",
        "corrected": "C",
        "dps": 45,
    }
    assert r.to_json() == {**expected, "seconds": 0.1235}
    no_timings = {**expected, "evidence": [NUMERIC.to_json(timings=False)]}
    assert r.to_json(timings=False) == no_timings
    err = ClaimResult("eq7", "error", "boom", [], error="boom")
    assert err.to_json(timings=False)["error"] == "boom"
    assert "error" not in r.to_json()


def test_ledger_json_shape_and_timings_switch() -> None:
    results = [
        ClaimResult("eq1", "verified", "s", [NUMERIC], [CAUGHT, Control("x", False)], seconds=2.0),
        ClaimResult("eq2", "verified", "s", [SYMBOLIC], [CAUGHT], seconds=1.0),
    ]
    led = Ledger(results, 45)
    data = led.to_json()
    assert data == {
        "claims": [r.to_json() for r in results],
        "controls": {"run": 3, "caught": 2},
    }
    assert data["claims"][0]["seconds"] == 2.0 and "seconds" in data["claims"][0]["evidence"][0]
    bare = led.to_json(timings=False)
    assert bare["claims"] == [r.to_json(timings=False) for r in results]
    assert "seconds" not in bare["claims"][0] and "seconds" not in bare["claims"][0]["evidence"][0]
