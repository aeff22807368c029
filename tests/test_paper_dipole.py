"""Claims eq6, eq7, eq13 (and .germanium, .hydrogen): verdicts, numbers, computed verdicts."""

from __future__ import annotations

import pytest
import sympy as sp
from claimtools import assert_latex_safe, routes, run

from sumrules.core.ledger import verify
from sumrules.paper import dipole as dp
from sumrules.theory.photoabsorption import bound_dipole_squared
from sumrules.theory.scattering import D, T, m, mu, mu_B

alpha = dp.alpha


# --------------------------------------------------------------------------------------------
# eq6
def test_eq6_dipole_limit_holds_in_hydrogen():
    r = run("eq6")
    assert r.verdict == "qualified"
    assert len(routes(r)) == 3
    cont = next(e for e in r.evidence if e.route == "model:hydrogen continuum")
    assert cont.agreement is not None and cont.agreement > 25
    assert "n=2: 32768/59049" in r.evidence[0].value
    assert len(r.controls) == 3 and all(c.caught for c in r.controls)
    assert_latex_safe(r)


def test_eq6_verdict_is_computed(monkeypatch):
    monkeypatch.setattr(
        dp, "PRINTED_EQ6_COEFFICIENT", sp.pi * alpha**2 / m**2 * (mu / mu_B) ** 2 * D
    )
    assert run("eq6").verdict == "verified"
    monkeypatch.setattr(dp, "PRINTED_DIPOLE_POWER", 2)
    r = run("eq6")
    assert r.verdict == "refuted" and "fails in hydrogen" in r.summary


def test_models_form_factor_limits_match_radial_integrals():
    q = sp.Symbol("q", positive=True)
    for n in (2, 3, 6):
        limit = sp.limit(dp.models_form_factor_squared(n, q) / q**2, q, 0)
        assert limit == bound_dipole_squared(n)
    with pytest.raises(ValueError, match="n must be"):
        dp.models_form_factor_squared(1, q)


# --------------------------------------------------------------------------------------------
# eq7
def test_eq7_photon_point_is_qualified():
    r = run("eq7")
    assert r.verdict == "qualified"
    assert {"symbolic", "dirac-traces", "model:hydrogen"} <= routes(r)
    assert len(r.controls) == 3 and all(c.caught for c in r.controls)
    assert "Coulomb exchange alone" in r.summary
    assert_latex_safe(r)


def test_eq7_verdict_is_computed(monkeypatch):
    sigma = dp.SIGMA
    invariant = alpha * (mu / mu_B) ** 2 * sigma / (4 * sp.pi * m**2 * T)
    monkeypatch.setattr(dp, "PRINTED_EQ7_RHS", invariant)
    assert run("eq7").verdict == "verified"
    monkeypatch.setattr(dp, "PRINTED_EQ7_RHS", 2 * mu**2 * sigma / (sp.pi * T))
    assert run("eq7").verdict == "corrected"


# --------------------------------------------------------------------------------------------
# eq13 and its sub-claims
def test_eq13_family_verdicts():
    ledger = verify(["eq13"])
    verdicts = {r.id: r.verdict for r in ledger.results}
    assert verdicts == {
        "eq13": "verified",
        "eq13.germanium": "qualified",
        "eq13.hydrogen": "verified",
    }
    for r in ledger.results:
        assert r.error is None
        assert r.controls and all(c.caught for c in r.controls)
        assert_latex_safe(r)


def test_eq13_germanium_numbers():
    r = run("eq13.germanium")
    si = next(e for e in r.evidence if e.route == "units:si")
    assert float(si.value) == pytest.approx(6.4207e-3, rel=1e-4)
    assert all(e.agreement is None or e.agreement > 8 for e in r.evidence)
    assert "δ = 0.6965e-3" in r.summary and "0.51%" in r.summary


def test_eq13_germanium_verdict_is_computed(monkeypatch):
    monkeypatch.setattr(dp, "PRINTED_GE_DELTA_BOUND", "0.8e-3")
    assert run("eq13.germanium").verdict == "verified"
    monkeypatch.setattr(dp, "PRINTED_GE_DELTA_BOUND", "0.6e-3")
    assert run("eq13.germanium").verdict == "corrected"
    monkeypatch.setattr(dp, "PRINTED_GE_DELTA_BOUND", "0.7e-3")
    monkeypatch.setattr(dp, "PRINTED_GE_NATURAL", "7e-3")
    assert run("eq13.germanium").verdict == "corrected"


def test_eq13_hydrogen_maximum_at_threshold():
    r = run("eq13.hydrogen")
    assert "1.04e-5 at threshold" in r.summary
    assert "falls monotonically" in r.summary


def test_eq13_verdict_is_computed(monkeypatch):
    monkeypatch.setattr(dp, "PRINTED_LOW_Q_COEFFICIENT", 4 * sp.pi)
    assert run("eq13").verdict == "corrected"
