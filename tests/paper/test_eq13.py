"""Claims eq13, eq13.germanium, eq13.hydrogen, text.dipole-validity, text.ge-product and
text.upper-bound: verdicts, key numbers, controls, two route families each; verdicts flip when
the printed statement changes (``dataclasses.replace`` on the declaration)."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.audit import family_of
from sumrules.core.claim import Claim, Quantity, Variant
from sumrules.core.ledger import ClaimResult
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


# ---------------------------------------------------------------------------------------------
# the Ge claims against the three X-ray tables (each run once per module)


@pytest.fixture(scope="module")
def germanium() -> ClaimResult:
    return run_claim(eq13.GERMANIUM, 30)


@pytest.fixture(scope="module")
def ge_product() -> ClaimResult:
    return run_claim(eq13.GE_PRODUCT_CLAIM, 30)


@pytest.fixture(scope="module")
def validity() -> ClaimResult:
    return run_claim(eq13.VALIDITY, 30)


def _replaced(claim: Claim, *new: Quantity) -> Claim:
    """``claim`` with the quantities of the same names replaced by ``new``."""
    by_name = {q.name: q for q in new}
    return dataclasses.replace(
        claim, quantities=tuple(by_name.get(q.name, q) for q in claim.quantities)
    )


def _printed(q: Quantity, text: str) -> Quantity:
    return dataclasses.replace(q, printed=lambda case, ctx: text)


def test_germanium_is_corrected_by_its_own_tables(germanium: ClaimResult) -> None:
    r = germanium
    assert r.verdict == "corrected" and r.error is None
    s = r.summary
    assert "(a) holds in 3 of 3 tables; (b) holds in 0 of 3 tables" in s
    assert "(c) holds in 0 of 3 tables; (e) holds in 0 of 3 tables; (d), the conversion, holds" in s
    assert "T = 11.103–11.162 keV (the K edge)" in s and "2.92–3.02e6 barn keV²" in s
    assert "δ_(μ) = 0.815–0.842e-3 > 0.7e-3" in s and "at 14 keV 0.706–0.738e-3" in s
    assert "(≤ 2.5%) δ ≤ 0.863e-3 < 0.9e-3" in s and "(δ = 0.6965e-3)" in s
    assert r.corrected is not None and "0.9 \\times 10^{-3}" in r.corrected
    assert r.figures == ["figures/germanium_xray.pdf"]
    assert _families(r) == {"units", "closed form", "table", "quadrature", "model", "series"}
    assert len(r.controls) == 6 and all(c.caught for c in r.controls)
    assert all(step.passed for d in r.derivations for step in d.steps)
    assert_latex_safe(r)


def test_germanium_numbers_per_table(germanium: ClaimResult) -> None:
    """The brief's numbers, checked here against the claim's own evidence: the maximum of
    σ_γT² and δ there and at 14 keV, per table."""
    values = {e.method: e.value for e in germanium.evidence}
    delta = values["(e) δ_(μ) = σ_γT²/(4π²αZ) from the tables: " + eq13.TABLE_ROUTES["henke"]]
    assert delta == "δ_(μ) at the maximum: 0.00084231; δ_(μ) at T = 14 keV: 0.00073752"
    peak = values[
        "(c) σ_γT² at its maximum and at 14 keV (barn keV²): " + eq13.TABLE_ROUTES["elam"]
    ]
    assert peak == "σ_γT² at the maximum: 2.9245e+6; σ_γT² at T = 14 keV: 2.5621e+6"
    where = values[
        "(b) T of the maximum of σ_γT² on 1–30 keV (keV): " + eq13.TABLE_ROUTES["chantler"]
    ]
    assert where == "T of the maximum on 1–30 keV: 11.162"
    notes = germanium.notes
    assert "outside the band on 1–1.217 keV" in notes and "exceeds 2.5e6 by 17–21 %" in notes
    assert "(Henke, the cited table, +5.9 %), 6.51–6.80e-3 in natural units" in notes
    assert "the maximum 2.924–3.024e6 (3.4 %)" in notes and "agree within 0.11 eV" in notes
    assert "maximum at 12 keV, 2.78–2.90e6 (δ = 0.77–0.81e-3)" in notes
    assert "falls monotonically from the maximum to 14 keV" in notes
    assert "spline 2.5621e6, log–log 2.5546e6, linear 2.7822e6" in notes
    assert "carry 13.2–15.3 % of σ_γ" in notes and "ε = +0.52 % for K and 4.1–13.4 %" in notes
    assert "δ_exact ≤ δ(1 + 0.0249)" in notes and "δ_K = 0.531e-3" in notes


def test_germanium_verdict_follows_the_parts() -> None:
    """Flips through the printed parts (dataclasses.replace on the quantities): the bound alone
    restored → qualified; every part restored → verified; a corrected bound that fails →
    refuted; the paper's own arithmetic with a tighter bound still fails there (GE_DELTA)."""
    bound = _printed(eq13.TABLE_DELTA, "< 0.9e-3")
    assert run_claim(_replaced(eq13.GERMANIUM, bound), 30).verdict == "qualified"
    every = (
        bound,
        _printed(eq13.TABLE_PEAK_T, "≈ 11"),
        _printed(eq13.TABLE_PEAK, "≈ 3e6"),
    )
    assert run_claim(_replaced(eq13.GERMANIUM, *every), 30).verdict == "verified"
    corrected = eq13.CORRECTED_GE.printed
    assert corrected is not None
    wrong = dataclasses.replace(
        eq13.CORRECTED_GE,
        printed=lambda r, ctx: "< 0.8e-3" if r.unit == "δ" else corrected(r, ctx),
    )
    assert run_claim(_replaced(eq13.GERMANIUM, wrong), 30).verdict == "refuted"


def test_germanium_wrong_table_route_and_true_control_are_errors() -> None:
    q = eq13.TABLE_PEAK
    wrong = dataclasses.replace(
        q.routes[1], compute=lambda r, ctx: 1.5 * q.routes[0].compute(r, ctx)
    )
    r = run_claim(
        _replaced(eq13.GERMANIUM, dataclasses.replace(q, routes=(q.routes[0], wrong))), 30
    )
    assert r.verdict == "error" and "disagrees" in (r.error or "")
    truth = Variant("the table itself", q.routes[0].compute)
    r = run_claim(_replaced(eq13.GERMANIUM, dataclasses.replace(q, controls=(truth,))), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


def test_ge_product_is_corrected_by_the_tables(ge_product: ClaimResult) -> None:
    r = ge_product
    assert r.verdict == "corrected" and r.error is None
    s = r.summary
    assert "(a) holds in 3 of 3 tables; (b) holds in 0 of 3 tables; (c) holds in 0 of 3" in s
    assert "0.00642 (rounds to 6e-3)" in s and "from 0.197–0.213e6 to 2.92–3.02e6" in s
    assert "(there 2.54–2.65e6)" in s and "2.2e6–2.4e6" in s and "13.9 keV" in s
    assert "1.2–1.3× that" in s
    assert "cited, not checkable" not in s + r.notes
    assert _families(r) >= {"units", "table", "closed form", "model"}
    assert len(r.controls) == 5 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_ge_product_flips() -> None:
    fixed = (_printed(eq13.TABLE_PEAK_T, "≈ 11"), _printed(eq13.TABLE_PEAK, "≈ 3e6"))
    assert run_claim(_replaced(eq13.GE_PRODUCT_CLAIM, *fixed), 30).verdict == "verified"
    seven = _printed(eq13.GE_PRODUCT, "7e-3")  # (d): 2.5e6 barn keV² is 6.4e-3, not 7e-3
    assert run_claim(_replaced(eq13.GE_PRODUCT_CLAIM, *fixed, seven), 30).verdict == "corrected"
    bad = _printed(eq13.CORRECTED_PRODUCT, "≈ 14")
    assert run_claim(_replaced(eq13.GE_PRODUCT_CLAIM, bad), 30).verdict == "refuted"


def test_dipole_validity_numbers(validity: ClaimResult) -> None:
    r = validity
    assert r.verdict == "verified"
    s = r.summary
    assert "0.65% at threshold" in s and "6.9% at T = 2 I" in s
    assert "at T = ε₀ … 2ε₀, |ε| ≤ 5.5%" in s
    assert "(q_max a)² = 0.34–37 and ε = 4.1–13.4%, the atom ≤ 2.5%" in s
    n = r.notes
    assert "L2,3 (2p, 6 e, ε₀ = 1.227 keV, Z_eff = 19.00, a = 0.211 bohr): (q_max a)² = 0.0048" in n
    assert "M4,5 (3d, 10 e, ε₀ = 0.02944 keV, Z_eff = 4.41, a = 2.04 bohr)" in n
    assert "at 11.10 keV (q_max a)² = 36.9, ε = 13.4%" in n
    assert _families(r) >= {"quadrature", "series", "model"}
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_dipole_validity_flips() -> None:
    cases = eq13.validity_cases(("1.0001", "10"))
    wide = tuple(dataclasses.replace(q, cases=cases) for q in (eq13.K_SHARE, eq13.K_SHELL))
    assert run_claim(_replaced(eq13.VALIDITY, *wide), 30).verdict == "qualified"
    strict = _printed(eq13.SHELLS_AT_EDGE, "|x| < 0.01")  # K at 2ε₀: ε = 5.5 %
    assert run_claim(_replaced(eq13.VALIDITY, strict), 30).verdict == "qualified"


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
