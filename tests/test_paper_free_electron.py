"""Claims eq1, eq2, eq5: verdicts, controls, key numbers, and that the verdicts are computed."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from claimtools import assert_latex_safe, routes, run
from hypothesis import given
from hypothesis import strategies as st

from sumrules.paper import free_electron as fe
from sumrules.theory.scattering import (
    G_F,
    Q2,
    E,
    T,
    m,
    matching_conventions,
    mu,
    mu_B,
    nmm_dsigma_dT,
)

alpha = fe.alpha


# --------------------------------------------------------------------------------------------
# eq1
def test_eq1_is_qualified_by_the_unit_convention():
    r = run("eq1")
    assert r.verdict == "qualified"
    assert {"dirac-traces", "spinor-sums", "free-response"} <= routes(r)
    assert len(r.controls) == 3 and all(c.caught for c in r.controls)
    spin = next(e for e in r.evidence if e.route == "spinor-sums")
    assert spin.agreement is not None and spin.agreement > 25
    assert "Gaussian (e² = α) only" in r.summary
    assert_latex_safe(r)


def test_eq1_verdict_is_computed(monkeypatch):
    second = fe.PRINTED_EQ1_FORMS[1]
    monkeypatch.setattr(fe, "PRINTED_EQ1_FORMS", (second, second))
    assert run("eq1").verdict == "verified"
    wrong = 8 * sp.pi * alpha * mu**2 * (1 / T - 1 / E)
    monkeypatch.setattr(fe, "PRINTED_EQ1_FORMS", (wrong, second))
    r = run("eq1")
    assert r.verdict == "corrected" and r.corrected


def test_eq1_forms_against_the_traces():
    first, second = fe.PRINTED_EQ1_FORMS
    assert matching_conventions(first, nmm_dsigma_dT()) == ("gaussian",)
    assert matching_conventions(second, nmm_dsigma_dT()) == ("heaviside-lorentz", "gaussian")


# --------------------------------------------------------------------------------------------
# eq2
def test_eq2_is_corrected_by_a_factor_two():
    r = run("eq2")
    assert r.verdict == "corrected"
    assert r.corrected is not None and r.corrected.endswith(r"10^{-47}\ \text{cm}^2/\text{keV}")
    si = next(e for e in r.evidence if e.route == "units:si")
    assert float(si.value) == pytest.approx(1.0381e-47, rel=1e-4)
    pdg = next(e for e in r.evidence if e.route == "units:pdg")
    assert pdg.agreement is not None and pdg.agreement > 9
    assert {"dirac-traces", "textbook-formula", "spinor-sums"} <= routes(r)
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert "factor 2.08" in r.summary
    assert "0.23121" in r.notes and "0.22321" in r.notes
    assert_latex_safe(r)


def test_eq2_verdict_is_computed(monkeypatch):
    monkeypatch.setattr(fe, "PRINTED_EW_VALUE", "1e-47")
    assert run("eq2").verdict == "verified"
    s2 = fe.SIN2_W
    monkeypatch.setattr(
        fe, "PRINTED_EQ2_COEFFICIENT", G_F**2 * m / (2 * sp.pi) * (1 - 4 * s2 + 8 * s2**2)
    )
    r = run("eq2")
    assert r.verdict == "corrected" and r.summary.startswith("coefficient differs")


# --------------------------------------------------------------------------------------------
# eq5
def test_eq5_reproduces_the_free_electron_and_is_qualified():
    r = run("eq5")
    assert r.verdict == "qualified"
    assert {"dirac-traces", "free-response", "numeric"} <= routes(r)
    num = next(e for e in r.evidence if e.route == "numeric")
    assert num.agreement is not None and num.agreement > 10
    assert len(r.controls) == 4 and all(c.caught for c in r.controls)
    assert "4*pi*alpha*mu**2/T" in r.summary
    assert_latex_safe(r)


def test_eq5_verdict_is_computed(monkeypatch):
    both = sp.pi * alpha**2 / m**2 * (mu / mu_B) ** 2 / Q2
    monkeypatch.setattr(fe, "PRINTED_EQ5_COEFFICIENT", both)
    assert run("eq5").verdict == "verified"
    monkeypatch.setattr(fe, "PRINTED_EQ5_COEFFICIENT", 2 * sp.pi * alpha * mu**2 / Q2)
    assert run("eq5").verdict == "corrected"


# --------------------------------------------------------------------------------------------
# helpers
def test_verdict_from_conventions():
    both = ("heaviside-lorentz", "gaussian")
    assert fe.verdict_from_conventions([both, both]) == "verified"
    assert fe.verdict_from_conventions([both, ("gaussian",)]) == "qualified"
    assert fe.verdict_from_conventions([both, ()]) == "corrected"


def test_rounds_to_and_bad_input():
    assert fe.rounds_to("5.4e-48", "5e-48", 1)
    assert not fe.rounds_to("5.5e-48", "5e-48", 1)
    assert fe.rounds_to("0.006421", "6.42e-3", 3)
    assert fe.rounds_to(0, 0, 1)
    with pytest.raises(ValueError, match="digits"):
        fe.rounds_to(1, 1, 0)


@given(st.floats(min_value=1e-60, max_value=1e60))
def test_rounds_to_its_own_rounding(x):
    with mpmath.workdps(30):
        printed = mpmath.nstr(mpmath.mpf(x), 1, strip_zeros=False)
        assert fe.rounds_to(x, printed, 1)


def test_comparison_step_records_the_outcome():
    assert fe.comparison_step("a", "a", "same", lambda: True).relation == "="
    step = fe.comparison_step("a", "b", "different", lambda: False)
    assert step.relation == "!=" and step.passed is True
