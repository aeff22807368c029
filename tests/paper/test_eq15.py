"""Claims eq15, text.ew-lower-region and text.inclusive-conclusion: verdicts computed per atom,
key numbers, controls caught, flips through ``dataclasses.replace``, errors for disagreements and
uncaught controls."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.ledger import ClaimResult
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.models import samples
from sumrules.paper import eq15
from sumrules.report import claim_latex

FREE, OSC, H1S, HZ, *STATE_Q = eq15.R_EW


class Half:
    """A test atom whose ratios are 1/2 by two routes: the rules fail by 50% at every T."""

    name, electrons, threshold = "half an electron", 1, sp.Integer(1)

    def sum_rule_ratios(self, T: Any, *, dps: int = 30) -> tuple[Any, Any]:
        return sp.Rational(1, 2), sp.Rational(1, 2)

    def ratio_routes(self) -> dict[str, Any]:
        half = (sp.Rational(1, 2), sp.Rational(1, 2))
        return {"closed form": lambda T, dps: half, "symbolic": lambda T, dps: half}


@pytest.fixture(scope="module")
def result() -> ClaimResult:
    return run_claim(eq15.EQ15, 30)


def _text(r: ClaimResult) -> str:
    return " ".join([r.summary, r.notes, *(e.statement + " " + e.value for e in r.evidence)])


def test_eq15_is_qualified_and_the_papers_step_fails(result: ClaimResult) -> None:
    assert result.error is None and result.verdict == "qualified"
    assert result.summary.startswith("exact for the free electron and the harmonic oscillator")
    assert "r_ew ≡ r_nmm (to 30 digits), worst deviation 4.27% at T/I = 1.001" in result.summary
    assert "P²·dispersion → −1.97488 = −2r_ew" in result.summary
    assert "P²R → −1.9999953 (Eq. 10)" in result.summary
    assert "0.98743934701031948713" in _text(result)
    assert len(result.controls) == 3 and all(c.caught for c in result.controls)
    steps = result.derivations[0].steps
    assert result.derivations[0].ok and [s.method for s in steps] == [
        "agrees with −2 to 5.6 digits",
        "agrees with −2 r_ew to 6.5 digits",
        "numeric",
    ]
    assert {e.route for e in result.evidence} == {"closed form", "symbolic", "quadrature", "series"}
    assert_latex_safe(result)
    claim_latex(result)


def test_eq15_refuted_when_the_printed_ratio_is_one_half() -> None:
    def half(q: Any) -> Any:
        if not q.name.startswith("r_ew, "):
            return q
        return dataclasses.replace(q, printed=lambda x, ctx: sp.Rational(1, 2))

    quantities = tuple(half(q) for q in eq15.EQ15.quantities)
    r = run_claim(dataclasses.replace(eq15.EQ15, quantities=quantities), 30)
    assert r.error is None and r.verdict == "refuted"


def test_eq15_disagreeing_route_is_an_error_not_a_verdict() -> None:
    wrong = dataclasses.replace(OSC.routes[1], compute=lambda n, ctx: sp.Integer(2))
    broken = dataclasses.replace(OSC, routes=(OSC.routes[0], wrong))
    r = run_claim(dataclasses.replace(eq15.EQ15, quantities=(FREE, broken)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq15_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("−2 r_ew itself", eq15.DISPERSION.routes[1].compute)
    d = dataclasses.replace(eq15.DISPERSION, controls=(*eq15.DISPERSION.controls, truth))
    quantities = tuple(d if q is eq15.DISPERSION else q for q in eq15.EQ15.quantities)
    r = run_claim(dataclasses.replace(eq15.EQ15, quantities=quantities), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --- text.ew-lower-region --------------------------------------------------------------------


def test_ew_lower_region_factor() -> None:
    r = run_claim(eq15.EW_LOWER, 30)
    assert r.error is None and r.verdict == "verified"
    assert "T/(4m_e)" in r.summary and "0.25·T/m" in r.summary and "power of T 1.0" in r.summary
    assert "the Q² < T² share of Eq. (15) is 3.4e-6" in r.summary
    hydrogen = next(e for e in r.evidence if e.method.startswith("(δ_EW/δ_μ)/(T/m): hydrogen"))
    assert (
        "T = 0.5 hartree: 0.250001" in hydrogen.value
        and "T = 20.0 hartree: 0.250195" in hydrogen.value
    )
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert r.derivations[0].ok and len(r.derivations[0].steps) == 3
    assert {c.anchor for c in all_claims() if c.id == "text.ew-lower-region"} == {15.0}
    assert r.printed.startswith("``") and all(ord(ch) < 128 for ch in r.printed)
    assert_latex_safe(r)


def test_ew_lower_region_corrected_if_the_printed_power_were_two() -> None:
    power = dataclasses.replace(eq15.POWER, printed=lambda c, ctx: 2)
    r = run_claim(dataclasses.replace(eq15.EW_LOWER, quantities=(power, eq15.COEFFICIENT)), 30)
    assert r.error is None and r.verdict == "corrected"


def test_ew_lower_region_errors() -> None:
    route = eq15.COEFFICIENT.routes[0]
    wrong = dataclasses.replace(route, compute=lambda t, ctx: 2 * route.compute(t, ctx))
    c = dataclasses.replace(eq15.COEFFICIENT, routes=(wrong, eq15.COEFFICIENT.routes[1]))
    r = run_claim(dataclasses.replace(eq15.EW_LOWER, quantities=(eq15.POWER, c)), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    truth = Variant("the true power", lambda c, ctx: 1)
    p = dataclasses.replace(eq15.POWER, controls=(*eq15.POWER.controls, truth))
    r = run_claim(dataclasses.replace(eq15.EW_LOWER, quantities=(p, eq15.COEFFICIENT)), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --- text.inclusive-conclusion ---------------------------------------------------------------


def test_inclusive_conclusion_is_qualified() -> None:
    r = run_claim(eq15.INCLUSIVE, 30)
    assert r.error is None and r.verdict == "qualified"
    assert "1 − r up to 4.27% (= 7exp(−4)/3 at threshold), 61× the paper's 0.7×10⁻³" in r.summary
    assert "monotonically from threshold" in r.notes and ": True" in r.notes
    threshold = [e for e in r.evidence if e.method.startswith(eq15.THRESHOLD.name)]
    assert [e.route for e in threshold] == ["symbolic", "closed form"]
    assert threshold[1].agreement is not None and threshold[1].agreement > 8
    # 2 of the exact atoms, 6 of germanium per open electron (tests/paper/test_germanium_claims)
    assert len(r.controls) == 8 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def _exact_with_a_control() -> tuple[Any, Any]:
    free, osc = eq15.R_INCLUSIVE[:2]
    doubled = Variant("the ratio doubled", lambda n, ctx: 2)
    return free, dataclasses.replace(osc, controls=(doubled,))


def test_inclusive_conclusion_holds_for_the_exact_atoms_alone() -> None:
    r = run_claim(dataclasses.replace(eq15.INCLUSIVE, quantities=_exact_with_a_control()), 30)
    assert r.verdict == "verified" and r.summary.startswith("holds: worst deviation 0")


def test_inclusive_conclusion_refuted_by_an_atom_with_an_order_one_effect() -> None:
    half = samples.Sample("half", Half(), (2, 5))  # type: ignore[arg-type]
    q = samples.ratio_quantity(half, samples.NMM)
    quantities = (*_exact_with_a_control(), q, eq15.THRESHOLD)
    r = run_claim(dataclasses.replace(eq15.INCLUSIVE, quantities=quantities), 30)
    assert r.verdict == "refuted" and r.summary.startswith("no, ")
    assert "in half an electron" in r.summary and "50.00%" in r.summary


def test_states_join_eq15_with_r_ew_not_r_nmm(result: ClaimResult) -> None:
    """Beyond 1s r_ew ≠ r_nmm, and r_ew > 1 somewhere for p and d states."""
    assert [q.name for q in STATE_Q] == [
        "r_ew, hydrogen 2s",
        "r_ew, hydrogen 2p",
        "r_ew, hydrogen 3d",
    ]
    assert "2s: r_ew = 0.980546 (T/I = 1.001)" in result.summary
    assert "r_ew − r_nmm at T/I = 2: 2s 0.00598" in result.summary
    assert "r_ew > 1 at some T/I for 2p, 3d" in result.summary
