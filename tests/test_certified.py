"""Certified (python-flint) enclosures: hydrogen ratios, the pole integral, controls, helpers."""

from __future__ import annotations

import math
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from sumrules.core import certified as cert
from sumrules.core.certified import FLINT_HINT, MissingExtra
from sumrules.models.hydrogenic import ground as h
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_printed

FLINT_REASON = "needs the flint extra (pip install 'sumrules[flint]')"


@pytest.fixture
def flint():
    """Skip the test when python-flint is absent; check that flint's precision is not leaked."""
    mod = pytest.importorskip("flint", reason=FLINT_REASON)
    prec = mod.ctx.prec
    yield mod
    leaked = mod.ctx.prec != prec
    mod.ctx.prec = prec
    assert not leaked, "a certified computation changed flint's global precision"


needs_flint = pytest.mark.usefixtures("flint")


# --------------------------------------------------------------------------------------------
# without the extra


def test_missing_extra_message(monkeypatch):
    monkeypatch.setitem(sys.modules, "flint", None)  # `import flint` now raises ImportError
    assert not cert.flint_available()
    from sumrules.models.hydrogenic.certified import certified_sum_rule_ratios
    from sumrules.theory.pole_integral.certified import certified_pole_integral

    for call in (
        lambda: certified_sum_rule_ratios(1),
        lambda: certified_pole_integral(1, 2),
        lambda: cert.contains(None, 1),
        lambda: cert.enclose("1/3"),
        lambda: cert.certified_digits(None),
    ):
        with pytest.raises(MissingExtra) as info:
            call()
        assert isinstance(info.value, ImportError)
        assert str(info.value) == FLINT_HINT
    assert "pip install 'sumrules[flint]'" in FLINT_HINT
    assert FLINT_HINT.startswith("certified bounds need the flint extra")


def test_modules_import_without_flint():
    """A fresh interpreter with flint blocked imports all three modules and gets MissingExtra."""
    code = (
        "import sys; sys.modules['flint'] = None\n"
        "import sumrules, sumrules.certified as c, sumrules.certified_hydrogen, "
        "sumrules.certified_kernel\n"
        "try:\n"
        "    c.certified_sum_rule_ratios(1)\n"
        "except c.MissingExtra as e:\n"
        "    print('MISSING', e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == f"MISSING {FLINT_HINT}"


# --------------------------------------------------------------------------------------------
# helpers


@needs_flint
def test_enclose_exact_and_rigorous():
    x = mpmath.mpf(1) / 3  # an exact binary fraction, not 1/3
    assert cert.contains(cert.enclose(x), x)
    assert not cert.contains(cert.enclose(x), "1/3")
    assert cert.enclose(0.1).is_exact()
    assert cert.contains(cert.enclose(sp.pi), sp.pi)
    expr = sp.exp(1) * sp.sqrt(2) + sp.atan(sp.Rational(1, 3))
    assert cert.contains(cert.enclose(expr), expr) and not cert.contains(cert.enclose(expr), 4.17)
    assert cert.contains(cert.enclose(sp.pi, digits=20), +mpmath.pi) is False  # mpf(pi) ≠ pi
    assert cert.contains(cert.enclose(sp.pi, digits=20), +mpmath.pi, rel_tol="1e-15")
    for bad in (sp.I, "x", float("nan"), mpmath.mpc(1, 1), sp.Symbol("y")):
        with pytest.raises(ValueError):
            cert.enclose(bad)


@needs_flint
def test_contains_and_digits_edge_cases(flint):
    nan = flint.arb("nan")
    assert not cert.contains(nan, 0)
    assert cert.certified_digits(nan) == 0.0
    assert not cert.certify_contains(nan, 0, min_digits=0)
    assert cert.certified_digits(flint.arb(0, 1)) == 0.0
    assert cert.certified_digits(flint.arb(5)) == math.inf
    assert cert.certify_contains(flint.arb(0, "1e-40"), 0, min_digits=35)
    assert not cert.certify_contains(flint.arb(0, "1e-30"), 0, min_digits=35)
    wide = flint.arb(1, "0.1")
    assert cert.contains(wide, 1) and not cert.certify_contains(wide, 1, min_digits=10)
    with pytest.raises(ValueError, match="ball"):
        cert.contains(1.0, 1)
    with pytest.raises(ValueError, match="rel_tol"):
        cert.contains(wide, 1, rel_tol=-1)
    assert cert.certified_agreement_digits(cert.enclose("1/7"), "1/7") >= 40
    c = cert.Certified(cert.enclose("2/3"))
    assert "0.6666666" in repr(c) and c.mid.__class__ is mpmath.mpf and c.rad > 0


@pytest.mark.parametrize(
    ("value", "name"), [(True, "T"), ("abc", "T"), (float("inf"), "T"), (sp.sqrt(2), "Z")]
)
def test_exact_rational_rejects(value, name):
    with pytest.raises(ValueError, match=name):
        cert.exact_rational(value, name)


def test_exact_rational_accepts():
    assert cert.exact_rational(sp.Rational(3, 7), "x") == Fraction(3, 7)
    assert cert.exact_rational(mpmath.mpf("0.5"), "x") == Fraction(1, 2)
    assert cert.exact_rational(sp.Float("0.25"), "x") == Fraction(1, 4)
    assert cert.exact_rational("1e-3", "x") == Fraction(1, 1000)


# --------------------------------------------------------------------------------------------
# hydrogen


@needs_flint
@pytest.mark.parametrize(("T_over_I", "T"), [("1.001", "0.5005"), (2, 1), (100, 50)])
def test_hydrogen_ratios_contain_both_references(T_over_I, T):
    rc = cert.compare_with_references(T, digits=30)
    cr = rc.certified
    assert cr.digits >= 30
    assert rc.closed_form_contained and rc.quadrature_consistent and rc.passed
    assert rc.closed_form_agreement >= 30
    assert rc.quadrature_agreement >= 29  # the dps-30 mpmath value is rounded to 30 digits
    closed40 = h.exact_sum_rule_ratio(T, dps=40)
    assert cr.r_nmm.contains(closed40, rel_tol="1e-39") and cr.r_ew.contains(
        closed40, rel_tol="1e-39"
    )
    assert cr.r_nmm.ball.overlaps(cr.r_ew.ball)  # r_nmm = r_ew for hydrogen
    assert max(cr.rad) < mpmath.mpf("1e-31")


@needs_flint
def test_charge_scaling_and_table():
    z2 = cert.certified_sum_rule_ratios(4, Z=2, digits=20)
    z1 = cert.certified_sum_rule_ratios(1, digits=20)
    assert z2.r_nmm.ball.overlaps(z1.r_nmm.ball)
    assert z2.r_ew.certifies(h.exact_sum_rule_ratio(4, Z=2, dps=40), min_digits=20)
    assert z2.cutoff == 2 * z1.cutoff
    rows = cert.certified_ratio_table(["1.5", 5], Z=2, digits=15)
    assert [r.T for r in rows] == [3, 10]
    with pytest.raises(ValueError, match="T_over_I"):
        cert.certified_ratio_table([1])


@needs_flint
def test_the_two_angle_forms_agree():
    from sumrules.models.hydrogenic.certified import _integrate

    a = _integrate("0.68", 1, 25, phi_form="difference")  # k = 0.6: both forms valid
    b = _integrate("0.68", 1, 25, phi_form="quotient")
    assert a.r_nmm.ball.overlaps(b.r_nmm.ball) and a.r_ew.ball.overlaps(b.r_ew.ball)
    assert min(a.digits, b.digits) >= 25
    assert a.r_nmm.certifies(h.exact_sum_rule_ratio("0.68", dps=45), min_digits=25)


@needs_flint
def test_large_and_small_k():
    for T in ("0.5000005", 5 * 10**7):
        cr = cert.certified_sum_rule_ratios(T, digits=20)
        assert cr.r_ew.certifies(h.exact_sum_rule_ratio(T, dps=40), min_digits=20)


@needs_flint
def test_tail_bound_dominates_the_tail():
    """The proven bound ≥ a certified lower bound of ∫_Q^{Q'} (a part of the tail), and is tight."""
    T, Q = 50, 40
    b_nmm, b_ew = cert.hydrogen_tail_bounds(T, Q)
    from sumrules.models.hydrogenic.certified import _integrate

    near = _integrate(T, 1, 20, zero_tail=True, cutoff=Q)  # ∫_0^Q only
    far = _integrate(T, 1, 20, zero_tail=True, cutoff=4096)  # ∫_0^4096 only
    piece_nmm = far.r_nmm.ball - near.r_nmm.ball  # ∫_Q^4096: a lower bound of the tail
    piece_ew = far.r_ew.ball - near.r_ew.ball
    assert piece_nmm.lower() > 0 and piece_ew.lower() > 0
    assert b_nmm.ball.upper() >= piece_nmm.upper() and b_ew.ball.upper() >= piece_ew.upper()
    assert b_ew.ball.upper() < 2 * piece_ew.upper()  # the bound is not loose at Q = 40
    wide = cert.certified_sum_rule_ratios(T, cutoff=Q, digits=20)
    assert wide.r_ew.contains(h.exact_sum_rule_ratio(T, dps=40))  # wide but rigorous
    assert wide.digits < 15
    with pytest.raises(ValueError, match="cutoff"):
        cert.hydrogen_tail_bounds(T, 5)
    with pytest.raises(ValueError, match="cutoff"):
        cert.certified_sum_rule_ratios(T, cutoff=11)


@needs_flint
@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"T": "0.5"}, "T must exceed"),
        ({"T": 1, "Z": 0}, "Z must be positive"),
        ({"T": 1, "digits": 5}, "digits"),
        ({"T": "x"}, "T must be"),
    ],
)
def test_hydrogen_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        cert.certified_sum_rule_ratios(**kwargs)


@needs_flint
def test_hydrogen_negative_controls_are_caught():
    controls = cert.hydrogen_negative_controls(50, digits=20)
    assert [c.caught for c in controls] == [True, True, True]
    assert "refused" in controls[1].detail  # principal atan: discontinuous, cannot certify
    assert "rejected" in controls[0].detail and "rejected" in controls[2].detail
    # at T = I·2 (k = 1) the principal atan coincides with atan2 on q > 0: no such control
    assert len(cert.hydrogen_negative_controls(1, digits=15)) == 2
    # near threshold 1 − e^{−2π/k} = 1 − e^{−199} is 1 to 30 digits: only the tail control
    near = cert.hydrogen_negative_controls("0.5005", digits=30)
    assert [c.caught for c in near] == [True] and "tail bound 0" in near[0].description


@needs_flint
def test_zero_tail_is_harmless_only_where_the_tail_is_negligible():
    from sumrules.models.hydrogenic.certified import _integrate

    exact = h.exact_sum_rule_ratio(50, dps=40)
    assert _integrate(50, 1, 20, zero_tail=True).r_nmm.certifies(exact, min_digits=20)
    assert not _integrate(50, 1, 20, zero_tail=True, cutoff=20).r_nmm.certifies(exact)


@needs_flint
@given(st.fractions(min_value=Fraction(1001, 1000), max_value=1000, max_denominator=1000))
def test_certified_ratio_contains_closed_form_property(T_over_I):
    T = T_over_I / 2
    cr = cert.certified_sum_rule_ratios(T, digits=12)
    exact = h.exact_sum_rule_ratio(T, dps=30)
    assert cr.r_nmm.certifies(exact, min_digits=12) and cr.r_ew.certifies(exact, min_digits=12)


# --------------------------------------------------------------------------------------------
# the pole integral


@needs_flint
def test_pole_integral_grid():
    rows = cert.certified_pole_integral_grid(range(-3, 9), range(1, 10), digits=30)
    assert len(rows) == 12 * 9
    assert all(r.certified for r in rows)
    assert all(r.ball.contains(r.exact) for r in rows)
    zeros = [r for r in rows if r.exact == 0]
    assert len(zeros) == sum(max(0, 9 - (s + 1)) for s in range(0, 9))  # w ≥ s + 2
    assert all(r.ball.rad < mpmath.mpf("1e-30") for r in zeros)


@needs_flint
def test_pole_integral_other_mass_and_energy():
    m, T = sp.Rational(1, 3), sp.Rational(7, 2)
    rows = cert.certified_pole_integral_grid([-2, 0, 5], [1, 2, 7], m=m, T=T, digits=25)
    assert all(r.certified for r in rows)
    ball = cert.certified_pole_integral(3, 2, m="1/3", T=3.5)
    assert ball.certifies(pole_integral(3, 2, m=m, T=T), min_digits=30)
    assert not ball.certifies(pole_integral_printed(3, 2, m, T), min_digits=30)


@needs_flint
def test_pole_integral_controls_and_bad_input():
    assert [c.caught for c in cert.pole_integral_negative_controls(digits=20)] == [True, True]
    assert [c.caught for c in cert.pole_integral_negative_controls(-2, 4, digits=20)] == [
        True,
        True,
    ]
    with pytest.raises(ValueError, match="w even"):
        cert.pole_integral_negative_controls(1, 3)
    for kwargs, match in [
        ({"s": 1.5, "w": 2}, "s must be an integer"),
        ({"s": 1, "w": 0}, "w must be an integer >= 1"),
        ({"s": 1, "w": 2, "m": -1}, "m must be positive"),
        ({"s": 1, "w": 2, "T": "abc"}, "T must be"),
    ]:
        with pytest.raises(ValueError, match=match):
            cert.certified_pole_integral(**kwargs)
