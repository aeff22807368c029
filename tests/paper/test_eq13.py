"""Claims eq13, eq13.germanium, eq13.hydrogen, text.dipole-validity, text.ge-product and
text.upper-bound: verdicts, key numbers, controls, two route families each; verdicts flip when
the printed statement changes (``dataclasses.replace`` on the declaration)."""

from __future__ import annotations

import dataclasses

import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.audit import family_of
from sumrules.core.claim import Variant
from sumrules.core.runner import run_claim
from sumrules.paper import eq13
from sumrules.theory import dipole as st


def _families(r: object) -> set[str]:
    return {family_of(e) for e in r.evidence}  # type: ignore[attr-defined]


def test_eq13_is_verified() -> None:
    r = run_claim(eq13.EQ13, 30)
    assert r.verdict == "verified"
    assert "agree to ≤ 1.2(αT)² (e.g. T = 1 hartree: 6.148e-6)" in r.summary
    assert _families(r) >= {"symbolic", "model", "units"}
    units = next(e for e in r.evidence if e.route == "units")
    assert units.agreement is not None and units.agreement >= eq13.UNIT_ROUTE_DIGITS
    assert len(r.controls) == 5 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_eq13_corrected_with_4_pi_alpha() -> None:
    wrong = st.low_q_share_rhs(coefficient=4 * sp.pi)
    derived = dataclasses.replace(eq13.DERIVED, printed=lambda c, ctx: wrong, controls=())
    claim = dataclasses.replace(eq13.EQ13, quantities=(derived, *eq13.EQ13.quantities[1:]))
    assert run_claim(claim, 30).verdict == "corrected"


def test_eq13_wrong_route_is_an_error() -> None:
    route = dataclasses.replace(eq13.UNITS.routes[1], compute=lambda t, ctx: sp.Float("6.2e-6", 40))
    units = dataclasses.replace(eq13.UNITS, routes=(eq13.UNITS.routes[0], route))
    claim = dataclasses.replace(eq13.EQ13, quantities=(*eq13.EQ13.quantities[:2], units))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq13_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the printed formula itself", lambda c, ctx: st.PRINTED_EQ13_RHS)
    derived = dataclasses.replace(eq13.DERIVED, controls=(truth,))
    claim = dataclasses.replace(eq13.EQ13, quantities=(derived, *eq13.EQ13.quantities[1:]))
    r = run_claim(claim, 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_germanium_numbers_and_verdict() -> None:
    r = run_claim(eq13.GERMANIUM, 30)
    assert r.verdict == "qualified"
    assert "δ = 0.6965e-3" in r.summary and "0.51%" in r.summary and "+0.68%" in r.summary
    si = r.evidence[0]
    assert si.value.endswith("0.00642047365286875")
    assert all(e.agreement is None or e.agreement > 8 for e in r.evidence)
    assert "δ = 0.651e-3" in r.notes and "δ = 0.668e-3" in r.notes
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def _ge_with(bound: str | None = None, natural: str | None = None) -> object:
    delta = eq13.GE_DELTA
    if bound is not None:
        delta = dataclasses.replace(delta, printed=lambda p, ctx: bound)
    product = eq13.GE_PRODUCT
    if natural is not None:
        product = dataclasses.replace(product, printed=lambda p, ctx: natural)
    return dataclasses.replace(eq13.GERMANIUM, quantities=(product, delta, eq13.K_NONDIPOLE))


def test_germanium_verdict_follows_the_printed_numbers() -> None:
    assert run_claim(_ge_with(bound="0.8e-3"), 30).verdict == "verified"  # type: ignore[arg-type]
    assert run_claim(_ge_with(bound="0.6e-3"), 30).verdict == "corrected"  # type: ignore[arg-type]
    assert run_claim(_ge_with(natural="7e-3"), 30).verdict == "corrected"  # type: ignore[arg-type]


def test_hydrogen_two_families_and_maximum_at_threshold() -> None:
    r = run_claim(eq13.HYDROGEN, 30)
    assert r.verdict == "verified"
    assert "1.04e-5 at threshold" in r.summary and "falls monotonically" in r.summary
    assert "|c| ≤ 1.25" in r.summary
    series = next(e for e in r.evidence if e.route == "series")
    assert series.agreement is not None and series.agreement >= 25
    assert _families(r) >= {"quadrature", "series", "closed form", "model"}
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_dipole_validity_numbers_and_flip() -> None:
    r = run_claim(eq13.VALIDITY, 30)
    assert r.verdict == "verified"
    assert "0.65% at threshold" in r.summary and "6.9% at T = 2 I" in r.summary
    assert _families(r) >= {"quadrature", "series", "model"}
    cases = eq13.validity_cases(("1.0001", "10"))
    quantities = tuple(dataclasses.replace(q, cases=cases) for q in eq13.VALIDITY.quantities)
    wide = run_claim(dataclasses.replace(eq13.VALIDITY, quantities=quantities), 30)
    assert wide.verdict == "qualified"


def test_ge_product_numbers_and_flip() -> None:
    r = run_claim(eq13.GE_PRODUCT_CLAIM, 30)
    assert r.verdict == "qualified"
    assert "0.00642 (rounds to 6e-3)" in r.summary and "2.2e+6–2.4e+6" in r.summary
    assert "13.9 keV" in r.summary and "1.0–1.1×" in r.summary
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    product = dataclasses.replace(eq13.GE_PRODUCT, printed=lambda p, ctx: "7e-3")
    claim = dataclasses.replace(
        eq13.GE_PRODUCT_CLAIM, quantities=(product, eq13.GE_PRODUCT_CLAIM.quantities[1])
    )
    assert run_claim(claim, 30).verdict == "corrected"


def test_upper_bound_and_its_flip() -> None:
    r = run_claim(eq13.UPPER_BOUND, 30)
    assert r.verdict == "verified"
    assert "below (αT)² 9.75e−6, 6.15e−6, 1.23e−6" in r.summary
    assert "above 4E_ν² 5.14e−21, 9.36e−21, 5.33e−20" in r.summary
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    sign = dataclasses.replace(eq13.SIGN, printed=lambda t, ctx: 1, controls=())
    quantities = tuple(sign if q is eq13.SIGN else q for q in eq13.UPPER_BOUND.quantities)
    assert (
        run_claim(dataclasses.replace(eq13.UPPER_BOUND, quantities=quantities), 30).verdict
        == "refuted"
    )
