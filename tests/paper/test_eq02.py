"""Claims eq2 and text.ge-kalpha: verdicts, key numbers, controls caught, the printed statement
as a sympy expression, and that the verdicts are computed (``dataclasses.replace``)."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp
from claimtools import assert_latex_safe

from sumrules.core.claim import Variant
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.paper import eq02
from sumrules.theory.scattering import G_F, SIN2_W, m


def test_printed_statement_and_its_constants() -> None:
    s2 = SIN2_W
    assert G_F**2 * m / (2 * sp.pi) * (1 + 4 * s2 + 8 * s2**2) == eq02.PRINTED_EQ2_COEFFICIENT
    assert eq02.statement_coefficient(eq02.PRINTED_EQ2) == eq02.PRINTED_EQ2_COEFFICIENT
    assert (eq02.PRINTED_EW_VALUE, eq02.PRINTED_EW_DIGITS) == ("5e-48", 1)
    latex = eq02.EQ2.printed.latex
    assert r"\sin^{2}\theta_{W}" in latex and latex.endswith(
        r"5 \times 10^{-48}\ \text{cm}^2/\text{keV}"
    )


def test_eq2_is_corrected_by_a_factor_two() -> None:
    r = run_claim(eq02.EQ2, 30)
    assert r.verdict == "corrected"
    assert r.corrected is not None and r.corrected.endswith(r"10^{-47}\ \text{cm}^2/\text{keV}")
    si = next(e for e in r.evidence if e.method.endswith(eq02.SI) and "cm²/keV:" in e.method)
    assert "1.03809745072184e-47" in si.value
    pdg = next(e for e in r.evidence if e.method.endswith(eq02.PDG) and "cm²/keV:" in e.method)
    assert pdg.agreement is not None and pdg.agreement > 9
    assert {e.route for e in r.evidence} == {"spinor algebra", "closed form", "units"}
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert "spinors to 31 digits" in r.summary and "factor 2.08" in r.summary
    assert "9.87e-48–1.04e-47" in r.summary
    assert "0.23121" in r.notes and "0.22321" in r.notes
    assert all(d.ok for d in r.derivations)
    assert_latex_safe(r)


def test_eq2_verdict_is_computed() -> None:
    rounded = dataclasses.replace(eq02.ROUNDED, printed=lambda c, ctx: sp.Rational("1e-47"))
    quantities = tuple(rounded if q is eq02.ROUNDED else q for q in eq02.EQ2.quantities)
    r = run_claim(dataclasses.replace(eq02.EQ2, quantities=quantities), 30)
    assert r.verdict == "verified" and r.summary.startswith("formula and number hold: 1.04e-47")
    assert r.corrected is None
    s2 = SIN2_W
    numu = G_F**2 * m / (2 * sp.pi) * (1 - 4 * s2 + 8 * s2**2)
    low_t = dataclasses.replace(eq02.LOW_T, printed=lambda c, ctx: numu, controls=())
    quantities = tuple(low_t if q is eq02.LOW_T else q for q in eq02.EQ2.quantities)
    r = run_claim(dataclasses.replace(eq02.EQ2, quantities=quantities), 30)
    assert r.verdict == "corrected" and r.summary.startswith("coefficient differs")


def test_eq2_disagreeing_route_is_an_error() -> None:
    si, pdg = eq02.CM2_PER_KEV.routes
    wrong = dataclasses.replace(pdg, compute=lambda c, ctx: 2 * pdg.compute(c, ctx))
    q = dataclasses.replace(eq02.CM2_PER_KEV, routes=(si, wrong))
    quantities = tuple(q if x is eq02.CM2_PER_KEV else x for x in eq02.EQ2.quantities)
    r = run_claim(dataclasses.replace(eq02.EQ2, quantities=quantities), 30)
    assert r.verdict == "error" and "disagrees" in (r.error or "")


def test_eq2_a_control_equal_to_the_truth_is_not_caught() -> None:
    truth = Variant("the Vogel–Engel bracket itself", eq02.LOW_T.routes[1].compute)
    q = dataclasses.replace(eq02.LOW_T, controls=(*eq02.LOW_T.controls, truth))
    quantities = tuple(q if x is eq02.LOW_T else x for x in eq02.EQ2.quantities)
    r = run_claim(dataclasses.replace(eq02.EQ2, quantities=quantities), 30)
    assert r.verdict == "error" and "negative control not caught" in (r.error or "")


# --------------------------------------------------------------------------------------------
# text.ge-kalpha


def test_ge_kalpha_moseley() -> None:
    r = run_claim(eq02.GE_KALPHA, 30)
    assert r.verdict == "qualified"
    assert "9.806 keV" in r.summary and "0.85%" in r.summary and "2.7%" in r.summary
    assert {e.route for e in r.evidence} == {"closed form", "units", "model", "table"}
    assert len(r.controls) == 2 and all(c.caught for c in r.controls)
    assert r.notes.endswith("True.")
    assert {c.id: c.anchor for c in all_claims()}["text.ge-kalpha"] == 2
    assert r.printed.startswith("``") and all(ord(ch) < 128 for ch in r.printed)
    assert_latex_safe(r)


@pytest.mark.parametrize("printed", ["8.0", "10.2"])
def test_ge_kalpha_verdict_is_computed(printed: str) -> None:
    import mpmath

    q = dataclasses.replace(eq02.KALPHA_PRINTED, printed=lambda c, ctx: mpmath.mpf(printed))
    quantities = tuple(q if x is eq02.KALPHA_PRINTED else x for x in eq02.GE_KALPHA.quantities)
    r = run_claim(dataclasses.replace(eq02.GE_KALPHA, quantities=quantities), 30)
    assert r.verdict == "refuted" and "off" in r.summary
