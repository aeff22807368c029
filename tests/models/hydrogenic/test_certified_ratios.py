"""Certified (python-flint) balls of the hydrogen sum-rule ratios r_nmm = r_ew.

Pins :mod:`sumrules.models.hydrogenic.certified`: the balls contain the closed form and the
mpmath quadrature, the charge scaling, both analytic forms of the angle, the proven tail bound,
the input errors and the negative controls.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from flinttools import flint as flint
from flinttools import needs_flint
from hypothesis import given
from hypothesis import strategies as st

from sumrules.models.hydrogenic import certified as cert
from sumrules.models.hydrogenic import ground as h


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
    a = cert.certified_ratio_integrals(
        "0.68", 1, 25, phi_form="difference"
    )  # k = 0.6: both forms valid
    b = cert.certified_ratio_integrals("0.68", 1, 25, phi_form="quotient")
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
    near = cert.certified_ratio_integrals(T, 1, 20, zero_tail=True, cutoff=Q)  # ∫_0^Q only
    far = cert.certified_ratio_integrals(T, 1, 20, zero_tail=True, cutoff=4096)  # ∫_0^4096 only
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
    exact = h.exact_sum_rule_ratio(50, dps=40)
    assert cert.certified_ratio_integrals(50, 1, 20, zero_tail=True).r_nmm.certifies(
        exact, min_digits=20
    )
    assert not cert.certified_ratio_integrals(50, 1, 20, zero_tail=True, cutoff=20).r_nmm.certifies(
        exact
    )


@needs_flint
@given(st.fractions(min_value=Fraction(1001, 1000), max_value=1000, max_denominator=1000))
def test_certified_ratio_contains_closed_form_property(T_over_I):
    T = T_over_I / 2
    cr = cert.certified_sum_rule_ratios(T, digits=12)
    exact = h.exact_sum_rule_ratio(T, dps=30)
    assert cr.r_nmm.certifies(exact, min_digits=12) and cr.r_ew.certifies(exact, min_digits=12)
