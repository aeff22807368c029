"""Constants and unit conversions (:mod:`sumrules.data.constants`, :mod:`sumrules.data.units`):
provenance, internal consistency, round trips, textbook values.

Every check has a negative control: a deliberately wrong variant that the same comparison must
reject. The table is built when the module is imported; the last section executes the module
afresh inside each test and checks the table exactly as its builders make it (under mutation
testing the package is imported once, before a mutant is switched on, so checks of the
imported table cannot see a mutant of the builders; docs/mutation.md).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import math
import sys
from fractions import Fraction
from types import ModuleType

import mpmath
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.core.numeric import agreement_digits
from sumrules.data import constants as C
from sumrules.data import units as U


def _mp(x: object) -> mpmath.mpf:
    return U.to_mpf(x)


# --------------------------------------------------------------------------------------------
# provenance
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("const", C.CONSTANTS, ids=lambda c: c.name)
def test_every_constant_has_provenance(const: C.Constant) -> None:
    assert isinstance(const.value, Fraction)
    assert const.unit and const.source and const.name
    if const.printed:
        assert Fraction(const.printed) == const.value
    if const.uncertainty is not None:
        assert 0 < const.uncertainty < abs(const.value)


def test_constants_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        C.ALPHA.value = Fraction(1, 137)  # type: ignore[misc]


def test_alpha_is_exact_inverse_and_matches_codata_printed_alpha() -> None:
    assert C.ALPHA.value * C.ALPHA_INV.value == 1
    with mpmath.workdps(30):
        printed_alpha = mpmath.mpf("7.2973525693e-3")  # CODATA 2018, alpha itself
        assert agreement_digits(C.ALPHA.mpf(), printed_alpha) > 10
        # negative control: alpha(M_Z) ~ 1/128 is not the constant used
        assert agreement_digits(1 / mpmath.mpf(128), printed_alpha) < 2


def test_which_weak_angle_is_default() -> None:
    assert C.SIN2_THETA_W_DEFAULT is C.SIN2_THETA_W_LOW_ENERGY
    # the running makes the low-energy value larger than the Z-pole MS-bar value
    assert C.SIN2_THETA_W_LOW_ENERGY.value > C.SIN2_THETA_W_MSBAR_MZ.value
    # on-shell 1 - MW^2/MZ^2 from PDG 2024 masses
    assert abs(float(C.SIN2_THETA_W_ON_SHELL.value) - 0.22321) < 5e-5
    assert C.SIN2_THETA_W_ON_SHELL.uncertainty is not None
    assert 1e-4 < float(C.SIN2_THETA_W_ON_SHELL.uncertainty) < 5e-4


# --------------------------------------------------------------------------------------------
# hbar c, two routes, and textbook identities
# --------------------------------------------------------------------------------------------
def test_hbar_c_from_exact_si_matches_codata_printed() -> None:
    with mpmath.workdps(30):
        si = U.hbar_c_kev_cm()  # keV cm
        printed = C.HBAR_C.mpf() * mpmath.mpf("1e3") * mpmath.mpf("1e-13")  # MeV fm -> keV cm
        assert agreement_digits(si, printed) > 9.5  # CODATA prints 10 digits, truncated
        # negative control: h c / e without the 2 pi
        assert agreement_digits(si * 2 * mpmath.pi, printed) < 1


def test_two_routes_for_kev2_to_cm2_agree() -> None:
    a = U.inverse_kev2_to_cm2(1, route="si")
    b = U.inverse_kev2_to_cm2(1, route="pdg")
    # the PDG constant is printed to 10 digits: agreement limited to ~9.7 digits
    assert agreement_digits(a, b) > 9.5
    # textbook value (hbar c)^2 = 0.3893794 GeV^2 mb, in keV^2 cm^2
    assert agreement_digits(a, mpmath.mpf("0.3893794e-15")) > 6.5
    # negative control: keV -> cm with hbar c not squared
    wrong = U.hbar_c_kev_cm()
    assert agreement_digits(a, wrong) < 1


def test_route_must_be_known() -> None:
    with pytest.raises(ValueError, match="route"):
        U.inverse_kev2_to_cm2(1, route="cgs")  # type: ignore[arg-type]


@given(st.floats(min_value=1e-30, max_value=1e30, allow_nan=False))
@example(1.0)
@example(1e-20)
def test_round_trip_natural_cm2(x: float) -> None:
    with mpmath.workdps(40):
        back = U.cm2_to_inverse_kev2(U.inverse_kev2_to_cm2(x, dps=40), dps=40)
        assert agreement_digits(back, x) > 35


@given(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
def test_barn_kev2_matches_cm2_route(x: float) -> None:
    with mpmath.workdps(30):
        direct = U.barn_kev2_to_natural(x)
        via_cm2 = U.cm2_to_inverse_kev2(_mp(x) * mpmath.mpf("1e-24"))
        assert agreement_digits(direct, via_cm2) > 25


def test_classical_radius_bohr_radius_hartree_consistency() -> None:
    """r_e = alpha hbar c/m, a0 = hbar c/(alpha m), E_h = alpha^2 m: CODATA values vs our route."""
    with mpmath.workdps(30):
        hc = U.hbar_c_kev_cm()
        a, me = C.ALPHA.mpf(), C.ELECTRON_MASS.mpf()
        assert agreement_digits(a * hc / me, C.CLASSICAL_ELECTRON_RADIUS_CM.mpf()) > 9
        assert agreement_digits(hc / (a * me), C.BOHR_RADIUS_CM.mpf()) > 9
        assert agreement_digits(a**2 * me * 1000, C.HARTREE.mpf()) > 9
        assert agreement_digits(C.HARTREE.mpf() / 2, C.RYDBERG_ENERGY.mpf()) > 11
        # negative control: a0 with alpha^2 instead of alpha
        assert agreement_digits(hc / (a**2 * me), C.BOHR_RADIUS_CM.mpf()) < 1


def test_pi_r_e_squared_equals_pi_alpha2_over_m2() -> None:
    """pi alpha^2/m^2 (natural) converted to cm^2 is pi r_e^2 (an independent textbook route)."""
    with mpmath.workdps(30):
        natural = mpmath.pi * C.ALPHA.mpf() ** 2 / C.ELECTRON_MASS.mpf() ** 2
        assert (
            agreement_digits(
                U.inverse_kev2_to_cm2(natural),
                mpmath.pi * C.CLASSICAL_ELECTRON_RADIUS_CM.mpf() ** 2,
            )
            > 9
        )
        # negative control: a wrong conversion with (hbar c) in MeV fm read as keV cm
        wrong = natural * (C.HBAR_C.mpf() * mpmath.mpf("1e-13")) ** 2
        assert agreement_digits(wrong, mpmath.pi * C.CLASSICAL_ELECTRON_RADIUS_CM.mpf() ** 2) < 1


# --------------------------------------------------------------------------------------------
# the paper's conversion: 2.5e6 barn keV^2 "approximately 6e-3"
# --------------------------------------------------------------------------------------------
def test_barn_kev2_conversion_of_the_printed_ge_number() -> None:
    x = U.barn_kev2_to_natural(C.GE_SIGMA_T2_PEAK.mpf())
    assert abs(float(x) - 6.4205e-3) < 1e-7
    assert abs(float(x) / 6e-3 - 1) < 0.08  # printed "approximately 6e-3": 7 % low
    # negative control: barn taken as 1e-28 m^2 but used as if cm^2
    wrong = U.cm2_to_inverse_kev2(C.GE_SIGMA_T2_PEAK.mpf() * mpmath.mpf("1e-28"))
    assert abs(float(wrong) / 6e-3 - 1) > 0.5


def test_atomic_unit_conversions() -> None:
    with mpmath.workdps(30):
        assert agreement_digits(U.hartree_to_kev(1) * 1000, C.HARTREE.mpf()) > 25
        half = U.kev_to_hartree(U.hartree_to_kev("0.5"))
        assert agreement_digits(half, mpmath.mpf("0.5")) > 25
        assert agreement_digits(U.bohr2_to_cm2(1), mpmath.mpf("2.80028520539e-17")) > 10


@pytest.mark.parametrize("bad", ["abc", "nan", float("inf"), None, True])
def test_bad_numbers_raise_value_error_naming_argument(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^x must"):
        U.inverse_kev2_to_cm2(bad)


# --------------------------------------------------------------------------------------------
# the table as its builders make it: the module executed afresh inside the test
# --------------------------------------------------------------------------------------------


def _fresh_constants() -> ModuleType:
    """The constants module executed anew from its source file (not the cached import).

    It runs under its own name, ``sumrules.data.constants`` (mutmut switches a mutant on by module
    name), and the imported module is put back in ``sys.modules`` afterwards.
    """
    name = C.__name__
    spec = importlib.util.spec_from_file_location(name, C.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules[name] = C
    assert module is not C
    return module


def test_every_rebuilt_constant_keeps_its_printed_value_unit_and_source() -> None:
    fresh = _fresh_constants()
    assert len(fresh.CONSTANTS) == len(C.CONSTANTS) == 27
    for const in fresh.CONSTANTS:
        assert isinstance(const.value, Fraction), const.name
        assert const.name and const.unit and const.source, const.name
        if const.printed:
            assert Fraction(const.printed) == const.value, const.name
        if const.uncertainty is not None:
            assert isinstance(const.uncertainty, Fraction), const.name
            assert 0 < const.uncertainty < abs(const.value), const.name
    # Each field lands in its own slot (a swap of arguments would move the text).
    me = fresh.ELECTRON_MASS
    assert (me.name, me.printed, me.unit, me.source) == (
        "electron mass m_e c^2",
        "510.99895000",
        "keV",
        "CODATA 2018",
    )
    assert me.uncertainty == Fraction("1.5e-7") and me.note == ""
    assert fresh.HBAR_C.uncertainty is None
    assert fresh.HBAR_C.note.startswith("exact in the 2019 SI")
    assert fresh.GE_Z.uncertainty is None and fresh.GE_Z.value == 32 and fresh.GE_Z.note == ""


def test_rebuilt_on_shell_weak_angle_is_one_minus_mw2_over_mz2_with_propagated_error() -> None:
    fresh = _fresh_constants()
    on_shell = fresh.SIN2_THETA_W_ON_SHELL
    mw, mz = Fraction("80.3692"), Fraction("91.1880")
    assert on_shell.value == 1 - (mw / mz) ** 2
    # independent route: the error of 1 − r from the two relative errors, in floating point
    r = float(mw / mz) ** 2
    expected = 2 * r * math.hypot(0.0133 / 80.3692, 0.0020 / 91.1880)
    assert on_shell.uncertainty is not None
    assert abs(float(on_shell.uncertainty) / expected - 1) < 1e-8
    assert (on_shell.unit, on_shell.printed) == ("1", "")
    assert on_shell.source == "derived from PDG 2024 M_W and M_Z"
    assert on_shell.name == "weak mixing angle, on-shell 1 - M_W^2/M_Z^2"
    # negative control: the error without the factor 2 r is rejected by the same comparison
    assert abs(float(on_shell.uncertainty) / (expected / (2 * r)) - 1) > 0.5


def test_rebuilt_alpha_is_the_exact_inverse() -> None:
    fresh = _fresh_constants()
    assert fresh.ALPHA.value * fresh.ALPHA_INV.value == 1
    assert fresh.ALPHA.uncertainty == fresh.ALPHA_INV.uncertainty / fresh.ALPHA_INV.value**2


def test_constant_accessors() -> None:
    c = C.Constant("x", Fraction(-3, 2), "keV", "here", Fraction(3, 10))
    assert c.fraction == Fraction(-3, 2)
    assert c.relative_uncertainty == Fraction(1, 5)  # over |value|
    assert C.Constant("x", Fraction(2), "1", "here").relative_uncertainty is None
    assert float(c) == -1.5
    with mpmath.workdps(40):
        third = C.Constant("x", Fraction(1, 3), "1", "here").mpf()
        assert abs(third - mpmath.mpf(1) / 3) < mpmath.mpf(10) ** -39
    with pytest.raises(AttributeError):
        c.value = Fraction(1)  # type: ignore[misc]
