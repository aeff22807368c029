"""The sum-rule ratios r_nmm, r_ew of hydrogen (:mod:`sumrules.models.hydrogenic.ground`).

Pins ``sum_rule_ratios`` against the closed form (``exact_sum_rule_ratio``, also written out
here), their Z-invariance, the input checks behind them (booleans, the threshold message, the
validated range T/I ≤ MAX_T_OVER_I and its Z-scaling), the error estimates of the primary
route, the fields of ``sum_rule_ratios_detailed`` and ``hydrogen_ratio_table``, and the
certified balls of ``Hydrogenic.sum_rule_ratios(certified=True)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from modelrefs import assert_default, ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import ground as h

T_OVER_I = st.floats(min_value=1.0001, max_value=2000.0, allow_nan=False)


CHARGE = st.floats(min_value=0.3, max_value=30.0, allow_nan=False)


def _closed_form(x: object, dps: int) -> mpmath.mpf:
    """r(T/I = x), the closed form of the module docstring, written out here at ``dps`` digits."""
    with mpmath.workdps(dps):
        return ridge_share(mpmath.sqrt(mpmath.mpf(x) - 1))


def _message(call: Callable[[], object]) -> str:
    """The text of the ValueError raised by ``call``."""
    with pytest.raises(ValueError) as info:
        call()
    return str(info.value)


@given(x=T_OVER_I)
@example(x=1.0001)
@example(x=2.0)
def test_ratios_equal_the_closed_form(x: float) -> None:
    T = x / 2
    r_nmm, r_ew = h.sum_rule_ratios(T, dps=20)
    exact = h.exact_sum_rule_ratio(T, dps=25)
    with mpmath.workdps(30):
        assert agreement_digits(r_nmm, exact) > 19
        assert agreement_digits(r_ew, exact) > 19
    assert r_nmm < 1  # Eq. (12) fails for hydrogen, from below


@given(x=st.floats(min_value=1.01, max_value=100.0), z=CHARGE)
def test_ratios_are_z_invariant(x: float, z: float) -> None:
    with mpmath.workdps(30):
        zz = mpmath.mpf(z)
        a = h.sum_rule_ratios(mpmath.mpf(x) * zz**2 / 2, Z=zz, dps=15)
        b = h.sum_rule_ratios(mpmath.mpf(x) / 2, dps=15)
        assert agreement_digits(a[0], b[0]) > 14 and agreement_digits(a[1], b[1]) > 14


@pytest.mark.parametrize("x", ["1.001", 2, 100, 10**6])
def test_detailed_routes_agree(x: object) -> None:
    d = h.sum_rule_ratios_detailed(mpmath.mpf(x) / 2, dps=20)
    assert d.digits == 20
    assert d.digits_refined > 25 and d.digits_substitution > 25 and d.digits_closed_form > 25
    assert d.error_nmm < 1e-25 and d.error_ew < 1e-25


def test_threshold_and_table() -> None:
    near = h.exact_sum_rule_ratio("0.50000000000000000001", dps=20)
    assert abs(near - (1 - mpmath.mpf(7) / 3 * mpmath.exp(-4))) < 1e-15
    rows = h.hydrogen_ratio_table(["1.5", 10], 15)
    assert [round(float(r.r_nmm), 8) for r in rows] == [0.97849245, 0.99953115]
    assert all(r.digits >= 15 and r.r_nmm == r.r_ew for r in rows)


def test_default_precision_is_30_digits() -> None:
    """continuum_density, sum_rule_ratios and exact_sum_rule_ratio default to dps = 30."""
    assert_default(h.continuum_density, "dps", 30, 31, 1, "0.7")
    assert_default(h.sum_rule_ratios, "dps", 30, 31, "0.75")
    assert_default(h.exact_sum_rule_ratio, "dps", 30, 31, "0.75")


def test_the_input_check_alone_defaults_to_hydrogen() -> None:
    """check_ratio_inputs uses Z = 1 (threshold 0.5 hartree) unless told otherwise."""
    h.check_ratio_inputs("0.6")
    with pytest.raises(ValueError, match=r"^T must exceed the ionization energy Z\*\*2/2 = 2"):
        h.check_ratio_inputs("0.6", Z=2)


def test_detailed_fields_and_the_precision_of_each_route() -> None:
    """Default dps = 30; T, Z as given; refined/substitution at dps + 20; closed form ≥ dps + 5."""
    d = h.sum_rule_ratios_detailed(3, Z=2)  # T/I = 1.5
    assert d.dps == 30 and d.T == 3 and d.Z == 2
    exact = _closed_form("1.5", 100)
    with mpmath.workdps(100):
        for f in ("refined_nmm", "refined_ew", "substitution_nmm", "substitution_ew"):
            assert agreement_digits(getattr(d, f), exact) >= d.dps + 15, f
        assert agreement_digits(d.closed_form, exact) >= d.dps + 5
        assert agreement_digits(d.r_nmm, exact) >= d.dps
        # negative control: a value good to only dps digits fails the route checks
        assert agreement_digits(h.exact_sum_rule_ratio(3, Z=2, dps=30), exact) < d.dps + 5
    assert d.digits >= d.dps


def test_hydrogen_ratio_table_rows() -> None:
    (row,) = h.hydrogen_ratio_table(["1.5"], 15, Z=2)
    assert row.T_over_I == mpmath.mpf("1.5") and row.T == 3  # T = (T/I)·Z²/2
    assert row.digits == 15  # capped at the requested dps
    with mpmath.workdps(30):
        exact = h.exact_sum_rule_ratio("0.75", dps=25)  # Z-invariant: the T/I = 1.5 value
        assert agreement_digits(row.closed_form, exact) > 14
        assert agreement_digits(row.r_nmm, exact) > 14 and agreement_digits(row.r_ew, exact) > 14
    (default,) = h.hydrogen_ratio_table([2])
    assert default.T == 1 and default.digits == 30  # Z = 1, dps = 30
    with pytest.raises(ValueError, match="T_over_I must be a finite real"):
        h.hydrogen_ratio_table(["x"])


# --- input checks --------------------------------------------------------------------------------


def test_boolean_energy_is_rejected_as_not_a_number() -> None:
    """False is not the number 0: it is refused as 'not a finite real', not as T below I."""
    msg = _message(lambda: h.sum_rule_ratios(False))
    assert msg == "T must be a finite real number, got False"
    # negative control: a genuine 0 is a number and fails the threshold check instead
    assert _message(lambda: h.sum_rule_ratios(0)).startswith("T must exceed the ionization")


def test_threshold_message_quotes_i_to_ten_digits() -> None:
    """Below threshold the message quotes I = Z²/2 to 10 significant digits."""
    # Z = 1/3: I = 1/18 = 0.0555555555|55... -> 0.05555555556 (10 significant digits, by hand)
    expected = (
        "T must exceed the ionization energy Z**2/2 = 0.05555555556 hartree, got Fraction(1, 20)"
    )
    msg = _message(lambda: h.sum_rule_ratios(Fraction(1, 20), Z=Fraction(1, 3)))
    assert msg == expected
    # Z = 2: I = 2 exactly
    assert "Z**2/2 = 2.0 hartree, got 1" in _message(lambda: h.sum_rule_ratios(1, Z=2))
    # negative controls: 6 or 11 digits, or Z²·2, would print differently
    for wrong in ("0.0555556", "0.055555555556", "0.2222222222"):
        assert f"= {wrong} hartree" not in msg


def test_validated_range_ends_exactly_at_max_t_over_i_for_any_z() -> None:
    """T/I = MAX_T_OVER_I is accepted (value = closed form), one hartree more is refused.

    At Z = 2 (I = 2) the limit T = 2·10³⁰ distinguishes I = Z²/2 from Z²·2, Z/Z/2, Z²/3;
    the limit itself is inclusive ("at most").
    """
    z, limit = 2, h.MAX_T_OVER_I * 2  # T = (T/I)·Z²/2
    r_nmm, r_ew = h.sum_rule_ratios(limit, Z=z, dps=15)
    exact = h.exact_sum_rule_ratio(limit, Z=z, dps=30)
    with mpmath.workdps(30):
        assert abs(r_nmm - exact) < 1e-14 and abs(r_ew - exact) < 1e-14
    # one hartree beyond (resolved at the default dps = 30 + 10 guard digits): refused
    msg = _message(lambda: h.sum_rule_ratios(limit + 1, Z=z))
    assert re.match(r"T must be at most 1e\+30 times the ionization energy Z\*\*2/2 \(", msg)
    assert msg.endswith(f"got {limit + 1!r}")
    # an exact integer is compared exactly: also refused at dps = 15, where 2·10³⁰ + 1 has
    # more digits than the 25 working ones (rounding it first would let it through)
    assert _message(lambda: h.sum_rule_ratios(limit + 1, Z=z, dps=15)) == msg
    # negative control: at Z = 1 the same T is 4·10³⁰ I and refused as well
    assert _message(lambda: h.sum_rule_ratios(limit, dps=15)).startswith("T must be at most")


# --- the primary route's error estimates ---------------------------------------------------------


def test_tanh_sinh_error_estimates_never_claim_below_working_precision() -> None:
    """The reported errors lie between one unit of the working precision and 10^-dps.

    An estimate below 10^-(dps + guard) (mpmath's raw estimate can be 0 or far below it)
    would claim more than the arithmetic resolves; above 10^-dps it would not certify dps.
    """
    dps = 15
    d = h.sum_rule_ratios_detailed(1, dps=dps)
    with mpmath.workdps(dps + 20):
        unit = mpmath.mpf(10) ** -(dps + 10)  # working precision dps + GUARD_DIGITS (10)
        for err, r in ((d.error_nmm, d.r_nmm), (d.error_ew, d.r_ew)):
            assert 0.99 * unit <= err <= mpmath.mpf(10) ** -dps * abs(r)
    # negative control: a raw mpmath estimate at the same working precision is below the unit
    with mpmath.workdps(dps + 10):
        _, raw = mpmath.quad(lambda x: mpmath.exp(-x), [0, mpmath.inf], error=True)
        assert raw < 0.99 * unit


# --- Hydrogenic(1, 0, Z).sum_rule_ratios(certified=True) -----------------------------------------


def test_certified_balls_contain_the_closed_form_at_dps_digits() -> None:
    """certified=True returns Certified balls with ≥ dps digits containing r (Z = 2, T/I = 1.5)."""
    dps = 40
    r_nmm, r_ew = Hydrogenic(1, 0, Z=2).sum_rule_ratios(3, dps=dps, certified=True)
    exact = _closed_form("1.5", dps + 30)
    assert r_nmm.certifies(exact, min_digits=dps)
    assert r_ew.certifies(exact, min_digits=dps)
    # negative control: the Z = 1 value at the same T (T/I = 6) lies outside the ball
    assert not r_nmm.contains(_closed_form(6, dps + 30))
    # dps = 15 works too (the input checks run at dps + 10 digits, not dps - 10)
    low = Hydrogenic().sum_rule_ratios("0.75", dps=15, certified=True)[0]
    assert low.certifies(exact, min_digits=15)


def test_certified_path_keeps_the_validated_T_range() -> None:
    """certified=True refuses T/I > MAX_T_OVER_I with the same message as the quadrature."""
    T = h.MAX_T_OVER_I  # T/I = 2·MAX_T_OVER_I at Z = 1
    with pytest.raises(ValueError, match="T must be at most 1e\\+30 times the ionization"):
        Hydrogenic().sum_rule_ratios(T, dps=15, certified=True)
    with pytest.raises(ValueError, match="T must be at most 1e\\+30 times the ionization"):
        h.sum_rule_ratios(T, dps=15)
    # negative control: just inside the range it computes
    assert Hydrogenic().sum_rule_ratios(h.MAX_T_OVER_I // 2, dps=15, certified=True)[0].finite
