"""The runner: routes compared, controls fed through the same comparison, the house rules,
retries at doubled precision, and parallel runs that give the same ledger."""

from __future__ import annotations

import dataclasses
import math

import mpmath
import pytest
import sympy as sp
from toyclaims import CAUGHT, GOOD, hatch, toy_quantity

from sumrules.core.claim import Claim, Extra, Printed, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import Context, Control, Disagreement, Evidence
from sumrules.core.numeric import MAX_DPS
from sumrules.core.runner import evaluate, run_claim, run_quantity, show_value

CTX = Context(dps=30)


def claim_of(**quantity_changes: object) -> Claim:
    return Claim(
        "eq98",
        title="toy integral",
        printed=Printed(text="the integral is 1"),
        quantities=(toy_quantity(**quantity_changes),),
        policy=lambda f: "verified" if f.all_hold else "refuted",
        summary=lambda f: f"holds at {sum(f['integral'].holds or [])} cases",
    )


# ---------------------------------------------------------------------------------------------
# one quantity


def test_every_route_gets_evidence_with_its_family_and_agreement() -> None:
    result, evidence = run_quantity(toy_quantity(), CTX)
    assert [e.route for e in evidence] == ["closed form", "symbolic", "quadrature"]
    assert [e.method for e in evidence] == [
        "integral: antiderivative", "integral: sympy integrate", "integral: float",
    ]  # fmt: skip
    ref, sym, flt = evidence
    assert ref.statement == "reference on 3 cases; the printed statement holds at 3 of 3 cases"
    assert sym.statement == "agrees with antiderivative on 3 cases" and sym.agreement == math.inf
    assert flt.statement == "agrees with antiderivative on 2 cases" and flt.agreement >= 30
    assert ref.agreement == flt.agreement  # the reference shows its worst agreement
    assert ref.value == "c=1: 1; c=2: 1; c=3: 1" and "c=2" not in flt.value
    assert all(e.agrees for e in evidence) and result.holds == [True, True, True]
    assert result.values["float"][1] is not None and repr(result.values["float"][1]) == "skipped"


def test_a_disagreeing_route_raises_with_both_values() -> None:
    wrong = Route("float", "quadrature", lambda c, ctx: sp.Float("1.001", ctx.dps))
    q = toy_quantity()
    q = dataclasses.replace(q, routes=(*q.routes[:2], wrong))
    with pytest.raises(
        Disagreement, match="integral: float disagrees with antiderivative at c=1"
    ) as exc:
        run_quantity(q, CTX)
    assert exc.value.values["antiderivative"] == "1" and "1.001" in exc.value.values["float"]


def test_the_reference_must_run_everywhere_and_cases_must_exist() -> None:
    q = toy_quantity()
    first = dataclasses.replace(q.routes[0], applies=lambda c: c > 1)
    with pytest.raises(ValueError, match="reference route must run on every case"):
        run_quantity(dataclasses.replace(q, routes=(first, *q.routes[1:])), CTX)
    with pytest.raises(ValueError, match="has no case"):
        run_quantity(toy_quantity(cases=()), CTX)


def test_the_printed_statement_goes_through_the_same_comparison() -> None:
    result, _ = run_quantity(toy_quantity(printed=lambda c, ctx: sp.Integer(c)), CTX)
    assert result.holds == [True, False, False] and result.failing == [2, 3]
    assert result.printed == [1, 2, 3] and result.printed_digits == [math.inf, 0.0, 0.0]
    unjudged, evidence = run_quantity(toy_quantity(printed=None), CTX)
    assert unjudged.holds is None and "printed" not in evidence[0].statement


def test_controls_are_caught_where_they_differ_and_named_with_an_example() -> None:
    r = run_claim(claim_of(), 30)
    assert r.verdict == "verified" and r.summary == "holds at 3 cases"
    (control,) = r.controls
    assert control.description == "integral: x^c instead of c x^(c-1)" and control.caught
    assert control.detail == "rejected at 3 of 3 cases (e.g. c=1: 1/2 vs 1)"


def test_a_control_that_is_the_truth_is_not_caught_and_the_claim_errs() -> None:
    truth = Variant("the truth", lambda c, ctx: sp.Integer(1))
    r = run_claim(claim_of(controls=(truth,)), 30)
    assert r.verdict == "error" and r.error == "negative control not caught: integral: the truth"
    assert r.controls[0].detail == "accepted"


def test_a_control_restricted_to_some_cases() -> None:
    part = Variant("wrong at c=3 only", lambda c, ctx: sp.Integer(c // 3 + 1), lambda c: c > 1)
    r = run_claim(claim_of(controls=(part,)), 30)
    assert r.controls[0].caught and r.controls[0].detail.startswith("rejected at 1 of 2 cases")


# ---------------------------------------------------------------------------------------------
# a whole claim


def test_evaluate_joins_quantities_extra_derivations_and_notes() -> None:
    step = Step.checked(sp.Integer(2), sp.Integer(2), "two")
    extra = Extra([Evidence("by hand", "table", "x")], [Control("c", True)], [], {"n": 7})
    c = Claim(
        "eq97",
        title="t",
        printed=Printed(text="p"),
        quantities=(toy_quantity(),),
        extra=lambda ctx: extra,
        summary=lambda f: f"n = {f.facts['n']}",
        derivations=lambda f: [Derivation("d", [step])],
        notes=lambda f: f"{len(f.quantities)} quantity",
        corrected=Printed(sp.Symbol("R")),
        figures=("figures/x.pdf",),
    )
    out = evaluate(c, CTX)
    assert out.summary == "n = 7" and out.notes == "1 quantity" and out.corrected == "R"
    assert [e.route for e in out.evidence][-1] == "table" and len(out.controls) == 2
    assert out.derivations[0].title == "d" and out.figures == ["figures/x.pdf"]
    assert evaluate(dataclasses.replace(c, notes="plain"), CTX).notes == "plain"


def test_the_certified_hook_runs_only_when_asked() -> None:
    more = Extra([Evidence("ball", "certified", "inside")], [Control("ball control", True)])
    c = dataclasses.replace(claim_of(), certified=lambda ctx: more)
    assert "certified" not in {e.route for e in run_claim(c, 30).evidence}
    r = run_claim(c, 30, certified=True)
    assert "certified" in {e.route for e in r.evidence} and len(r.controls) == 2


def test_an_accepted_outcome_is_carried_over_field_by_field() -> None:
    step = Step.checked(sp.Integer(1), sp.Integer(1), "one")
    c = dataclasses.replace(
        hatch("eq96", verdict="qualified", derivations=[Derivation("d", [step])]),
        corrected=Printed(sp.Symbol("C")),
        notes="n",
        figures=("f.pdf",),
    )
    r = run_claim(c, 45)
    assert (r.id, r.verdict, r.summary, r.title) == (
        "eq96",
        "qualified",
        "summary of eq96",
        "title of eq96",
    )
    assert (r.printed, r.corrected, r.notes, r.figures, r.dps) == (
        "printed eq96",
        "C",
        "n",
        ["f.pdf"],
        45,
    )
    assert r.evidence == GOOD and r.controls == CAUGHT and r.derivations[0].title == "d"
    assert r.error is None and r.seconds >= 0


@pytest.mark.parametrize("verdict", ["verified", "corrected", "refuted", "qualified"])
def test_each_of_the_four_verdicts_is_accepted(verdict: str) -> None:
    assert run_claim(hatch(verdict=verdict), 30).verdict == verdict


BAD_STEP = Step("1", "2", "bogus", "by eye", False)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"verdict": "true"}, "verdict 'true' is not one of"),
        ({"evidence": GOOD[:1]}, "fewer than two independent routes: families symbolic"),
        ({"evidence": [GOOD[0], Evidence("again", "symbolic", "same")]}, "families symbolic"),
        ({"evidence": []}, "fewer than two independent routes: families none"),
        ({"controls": []}, "no negative control"),
        ({"controls": [Control("wrong power", False)]}, "negative control not caught: wrong power"),
        ({"derivations": [Derivation("d", [BAD_STEP])]}, "derivation step failed its check: bogus"),
        (
            {"evidence": [GOOD[0], Evidence("q", "quadrature", "s", "1.1", agrees=False)]},
            "routes disagree: q gives 1.1",
        ),
    ],
)
def test_house_rule_breaches_become_errors(change: dict[str, object], reason: str) -> None:
    r = run_claim(hatch(**change), 30)  # type: ignore[arg-type]
    assert r.verdict == "error" and reason in (r.error or "") and r.summary == r.error
    assert r.corrected is None and r.notes == ""


def test_an_unknown_family_is_a_breach_not_a_crash_of_the_ledger() -> None:
    r = run_claim(hatch(evidence=[GOOD[0], Evidence("x", "made-up", "y")]), 30)
    assert r.verdict == "error" and "route 'made-up' is of no known family" in (r.error or "")


def test_breaches_list_every_offender() -> None:
    controls = [Control("a", False), Control("b", True), Control("c", False)]
    r = run_claim(hatch(controls=controls), 30)
    assert r.error == "negative control not caught: a; c"


def test_a_crash_is_an_error_with_empty_evidence() -> None:
    def boom(ctx: Context) -> None:
        raise ZeroDivisionError("division by zero")

    r = run_claim(hatch(before=boom), 30)
    assert r.verdict == "error" and r.evidence == [] and r.controls == []
    assert r.error == "check could not be carried out: ZeroDivisionError: division by zero"


def test_disagreement_is_retried_at_double_precision_then_reported_with_values() -> None:
    seen: list[int] = []

    def disagree(ctx: Context) -> None:
        seen.append(ctx.dps)
        raise Disagreement("a and b differ", {"a": "1", "b": "2"})

    r = run_claim(hatch(before=disagree), 30)
    assert seen == [30, 60] and r.verdict == "error" and r.dps == 30
    assert r.error == (
        "at 30 digits: a and b differ (a = 1, b = 2) | retried: at 60 digits: a and b differ "
        "(a = 1, b = 2)"
    )


def test_a_disagreement_without_values_shows_just_its_message() -> None:
    def disagree(ctx: Context) -> None:
        raise Disagreement("no values")

    assert run_claim(hatch(before=disagree), 30).error == "no values | retried: no values"


def test_a_disagreement_resolved_at_the_retry_is_accepted_at_that_precision() -> None:
    def once(ctx: Context) -> None:
        if ctx.dps < 60:
            raise Disagreement("not yet")

    r = run_claim(hatch(before=once), 30)
    assert r.verdict == "verified" and r.dps == 60


def test_a_crash_on_the_retry_reports_the_retry_precision() -> None:
    def then_crash(ctx: Context) -> None:
        if ctx.dps < 60:
            raise Disagreement("first")
        raise RuntimeError("second")

    r = run_claim(hatch(before=then_crash), 30)
    assert r.dps == 60 and r.error == "check could not be carried out: RuntimeError: second"


def test_a_route_disagreement_breach_at_the_retry_is_reported_as_that() -> None:
    bad = [GOOD[0], Evidence("q", "quadrature", "s", "9", agrees=False)]
    r = run_claim(hatch(evidence=bad), 30)
    assert (
        r.error
        == "at 30 digits: routes disagree: q gives 9 | retried: at 60 digits: routes disagree: q gives 9"
    )


@pytest.mark.parametrize(
    ("dps", "attempts"), [(30, [30, 60]), (MAX_DPS, [MAX_DPS, MAX_DPS]), (600, [600, MAX_DPS])]
)
def test_the_retry_doubles_the_precision_up_to_max_dps(dps: int, attempts: list[int]) -> None:
    seen: list[int] = []

    def disagree(ctx: Context) -> None:
        seen.append(ctx.dps)
        raise Disagreement("x")

    run_claim(hatch(before=disagree), dps)
    assert seen == attempts


def test_routes_that_disagree_end_as_error_after_the_retry() -> None:
    wrong = Route("float", "quadrature", lambda c, ctx: sp.Float(2, ctx.dps))
    q = toy_quantity()
    c = claim_of()
    c = dataclasses.replace(c, quantities=(dataclasses.replace(q, routes=(*q.routes[:2], wrong)),))
    r = run_claim(c, 30)
    assert r.verdict == "error" and "at 60 digits: integral: float disagrees" in (r.error or "")


def test_show_value() -> None:
    assert show_value(sp.Rational(2, 3)) == "2/3" and show_value([1, 0.5]) == "(1, 0.5)"


# ---------------------------------------------------------------------------------------------
# what the evidence shows, pinned (each check fails on a near miss)


def test_floats_are_shown_at_15_significant_digits() -> None:
    assert show_value(mpmath.mpf(2) / 3) == show_value(2 / 3) == "0.666666666666667"
    assert show_value((mpmath.mpf(1) / 7, sp.Rational(1, 7))) == "(0.142857142857143, 1/7)"


@pytest.mark.parametrize("n", [1, 2, 6, 7])
def test_six_cases_are_listed_then_the_count(n: int) -> None:
    _, evidence = run_quantity(toy_quantity(cases=tuple(range(1, n + 1))), CTX)
    ref = evidence[0]
    plural = "s" * (n != 1)
    assert ref.statement.startswith(f"reference on {n} case{plural}; the printed statement")
    shown = ref.value.split("; ")
    assert shown[: min(n, 6)] == [f"c={c}: 1" for c in range(1, min(n, 6) + 1)]
    assert (shown[6:] == [f"… ({n} cases)"]) if n > 6 else (len(shown) == n)


def test_a_tolerance_in_digits_is_judged_and_described_at_the_run_precision() -> None:
    q = toy_quantity(tolerance=digits(5))
    result, evidence = run_quantity(q, Context(dps=40))
    assert {e.precision for e in evidence} == {"35 digits"}
    assert result.holds == [True, True, True]
    assert all(0 <= e.seconds < 60 for e in evidence)
    assert all(0 <= s < 60 for s in result.seconds.values())


def test_a_control_judged_in_digits_at_the_run_precision() -> None:
    near = Variant("off by 1e-33", lambda c, ctx: sp.Float(1 + sp.Rational(1, 10**33), 50))
    q = toy_quantity(tolerance=digits(5), controls=(near,))
    claim = dataclasses.replace(claim_of(), quantities=(q,))
    caught = evaluate(claim, Context(dps=30)).controls  # 25 digits needed: 1e-33 agrees
    assert [c.caught for c in caught] == [False]
    assert [c.caught for c in evaluate(claim, Context(dps=40)).controls] == [True]


def test_every_quantity_adds_its_evidence_and_controls() -> None:
    a, b = toy_quantity(), toy_quantity(name="b")
    claim = dataclasses.replace(claim_of(), quantities=(a, b))
    out = evaluate(claim, CTX)
    assert [e.method.split(":")[0] for e in out.evidence] == ["integral"] * 3 + ["b"] * 3
    assert len(out.controls) == 2


def test_a_corrected_statement_computed_from_the_findings() -> None:
    claim = dataclasses.replace(
        claim_of(), corrected=lambda f: Printed(sp.Integer(sum(f["integral"].holds or [])))
    )
    assert evaluate(claim, CTX).corrected == "3"
    r = run_claim(claim, 30)
    assert r.corrected == "3" and r.dps == 30 and 0 <= r.seconds < 60
    assert r.printed == "the integral is 1"


def test_an_error_result_carries_the_claim_and_what_the_audit_saw() -> None:
    def boom(ctx: Context) -> None:
        raise ZeroDivisionError("division by zero")

    c = dataclasses.replace(hatch("eq95", before=boom), printed=Printed(sp.Symbol("R")))
    r = run_claim(c, 30)
    assert (r.id, r.title, r.printed, r.printed_math) == ("eq95", "title of eq95", "R", True)
    assert r.derivations == [] and r.figures == [] and r.corrected is None
    assert 0 <= r.seconds < 60 and r.dps == 30
    # a house-rule breach keeps the evidence, controls and derivations it was judged on
    step = Step.checked(sp.Integer(1), sp.Integer(1), "one")
    lone = [Evidence("sympy", "symbolic", "only one route")]
    r = run_claim(hatch("eq94", evidence=lone, derivations=[Derivation("d", [step])]), 30)
    assert r.verdict == "error" and r.evidence == lone and r.controls == CAUGHT
    assert [d.title for d in r.derivations] == ["d"] and 0 <= r.seconds < 60


def test_an_accepted_result_says_whether_the_printed_statement_is_an_equation() -> None:
    assert run_claim(hatch("eq93"), 30).printed_math is False
    c = dataclasses.replace(hatch("eq93"), printed=Printed(sp.Symbol("R")))
    assert run_claim(c, 30).printed_math is True


def test_the_certified_hook_and_the_findings_see_the_run_precision() -> None:
    seen: list[int] = []

    def hook(ctx: Context) -> Extra:
        seen.append(ctx.dps)
        return Extra([Evidence("ball", "certified", "inside")])

    step = Step.checked(sp.Integer(2), sp.Integer(2), "two")
    c = dataclasses.replace(
        claim_of(),
        certified=hook,
        extra=lambda ctx: Extra([], [], [Derivation("from extra", [step])]),
        derivations=lambda f: [Derivation(f"at {f.ctx.dps} digits", [step])],
        summary=lambda f: f"{f.ctx.dps} digits",
    )
    out = evaluate(c, Context(dps=35, certified=True))
    assert seen == [35] and out.summary == "35 digits"
    assert [e.route for e in out.evidence][:3] == ["closed form", "symbolic", "quadrature"]
    assert out.evidence[-1].route == "certified"
    assert [d.title for d in out.derivations] == ["from extra", "at 35 digits"]


def test_default_jobs_is_the_number_of_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from sumrules.core.runner import default_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert default_jobs() == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert default_jobs() == 3
    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert default_jobs() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 5)
    assert default_jobs() == 5
