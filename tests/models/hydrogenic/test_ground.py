"""The hydrogen-like 1s model's own numbers (:mod:`sumrules.models.hydrogenic.ground`).

Pins the textbook values of docs/models.md against formulas written out here: I = Z²/2,
k = √(2T − Z²), ΔE_n, the discrete and elastic form factors, the continuum density S(T, q) as
printed, the dipole density and its q → 0 limit, the photoionization cross section and its
threshold, the Z-scaling laws, the documented defaults, and the messages of the input errors
of the model and of its checks.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from modelrefs import assert_default, models_density

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

T_OVER_I = st.floats(min_value=1.0001, max_value=2000.0, allow_nan=False)


CHARGE = st.floats(min_value=0.3, max_value=30.0, allow_nan=False)


@pytest.mark.parametrize(("T", "q"), [("0.5001", "0.3"), (1, 1), (3, "0.2"), (50, 10), (50, 9)])
def test_density_is_the_printed_formula(T: object, q: object) -> None:
    with mpmath.workdps(40):
        ref = models_density(mpmath.mpf(T), mpmath.mpf(q))
        assert agreement_digits(h.continuum_density(T, q, dps=30), ref) > 28


@given(x=T_OVER_I, q=st.floats(min_value=0.0, max_value=60.0), z=CHARGE)
@example(x=1.0001, q=0.0, z=1.0)
@example(x=1000.0, q=31.6, z=1.0)  # on the Bethe ridge at large T
def test_z_scaling_law(x: float, q: float, z: float) -> None:
    """S_Z(T, q) = Z⁻² S_1(T/Z², q/Z), through the public API on both sides."""
    with mpmath.workdps(30):
        zz = mpmath.mpf(z)
        T = mpmath.mpf(x) * zz**2 / 2
        lhs = h.continuum_density(T, q, Z=z, dps=20)
        rhs = h.continuum_density(T / zz**2, mpmath.mpf(q) / zz, dps=20) / zz**2
        assert agreement_digits(lhs, rhs) > 18
    assert hc.z_scaling_digits(T, q, z, dps=20) > 18


def test_dipole_limit_and_photoionization_threshold() -> None:
    with mpmath.workdps(40):
        q = mpmath.mpf("1e-12")
        assert agreement_digits(h.continuum_density(1, q, dps=30) / q**2, h.dipole_density(1)) > 20
        sigma = h.photoionization_cross_section("0.500000000000000000001", dps=25)
        a = h.ALPHA.mpf()
        assert agreement_digits(sigma, 2**9 * mpmath.pi**2 * a / (3 * mpmath.e**4)) > 18


def test_discrete_levels_and_elastic_form_factor() -> None:
    with mpmath.workdps(30):
        u2 = mpmath.mpf("0.7") ** 2
        # the general n-formula at n = 1 is the elastic |F_el|², and n = 2 has no pole at -1/4
        general_n1 = 256 * u2 * u2 / u2**2 / (4 + u2) ** 4
        assert agreement_digits(general_n1, h.elastic_form_factor("0.7", dps=25) ** 2) > 24
        assert agreement_digits(hc.discrete_sq(2, u2), 2**15 * u2 / (9 + 4 * u2) ** 5) > 28
    assert abs(h.discrete_excitation_energy(3, Z=2) - mpmath.mpf(16) / 9) < 1e-15
    assert h.elastic_form_factor(0, Z=3) == 1
    assert h.discrete_form_factor_sq(5, 0) == 0


def _models_discrete(n: int, q: mpmath.mpf) -> mpmath.mpf:
    """|F_n(q)|² (Z = 1) as printed in docs/models.md."""
    return (
        2**8 * n**7 * q**2 * (mpmath.mpf(n * n - 1) / 3 + n * n * q**2)
        * ((n - 1) ** 2 + n * n * q**2) ** (n - 3) / ((n + 1) ** 2 + n * n * q**2) ** (n + 3)
    )  # fmt: skip


def _dipole_t1() -> mpmath.mpf:
    """D(T = 1, Z = 1) by hand: k = 1, (8/3) e^{−4 atan 1} / (1 − e^{−2π})."""
    return mpmath.mpf(8) / 3 * mpmath.exp(-mpmath.pi) / (1 - mpmath.exp(-2 * mpmath.pi))


def test_ionization_energy_is_z_squared_over_two() -> None:
    assert h.ionization_energy() == mpmath.mpf(1) / 2  # docs/models.md: I = 1/2 at Z = 1
    assert h.ionization_energy(Z=2) == 2 and h.ionization_energy(Z=3) == mpmath.mpf(9) / 2
    with mpmath.workdps(40):
        assert agreement_digits(h.ionization_energy(Z=Fraction(1, 3)), mpmath.mpf(1) / 18) > 29
    assert_default(lambda **kw: h.ionization_energy(Z=Fraction(1, 3), **kw), "dps", 30, 31)
    with pytest.raises(ValueError, match="Z must be positive"):
        h.ionization_energy(Z=0)


def test_ejected_momentum_is_sqrt_2t_minus_z2() -> None:
    assert h.ejected_momentum(1) == 1  # T = (1 + k²)/2 at Z = 1
    assert h.ejected_momentum("2.5") == 2
    assert h.ejected_momentum(4, Z=2) == 2  # √(8 − 4)
    assert h.ejected_momentum(5, Z=3) == 1  # √(10 − 9)
    with mpmath.workdps(40):
        assert agreement_digits(h.ejected_momentum("1.5"), mpmath.sqrt(2)) > 29
    assert_default(h.ejected_momentum, "dps", 30, 31, "1.5")
    assert_default(h.ejected_momentum, "Z", 1, 2, "2.5")
    with pytest.raises(ValueError, match="T must exceed the ionization energy"):
        h.ejected_momentum("0.5")
    with pytest.raises(ValueError, match="T must exceed the ionization energy"):
        h.ejected_momentum(2, Z=2)  # at threshold of Z = 2 (I = 2)


def test_discrete_levels_at_n_2_and_3() -> None:
    # ΔE_n = (1 − 1/n²)/2 (docs/models.md): n = 2 is the lowest excited shell and must be accepted
    assert h.discrete_excitation_energy(2) == mpmath.mpf(3) / 8
    assert h.discrete_excitation_energy(2, Z=2) == mpmath.mpf(3) / 2
    with mpmath.workdps(40):
        assert agreement_digits(h.discrete_excitation_energy(3), mpmath.mpf(4) / 9) > 29
    assert_default(h.discrete_excitation_energy, "dps", 30, 31, 3)
    assert_default(h.discrete_excitation_energy, "Z", 1, 2, 3)
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        h.discrete_excitation_energy(1)


def test_discrete_form_factor_against_models_formula() -> None:
    # n = 2 (the lowest level allowed), q = 1: 2¹⁵/13⁵ by hand
    with mpmath.workdps(50):
        assert agreement_digits(h.discrete_form_factor_sq(2, 1), mpmath.mpf(2**15) / 13**5) > 29
        ref = _models_discrete(3, mpmath.mpf("0.7"))
        assert agreement_digits(h.discrete_form_factor_sq(3, "0.7"), ref) > 29
        # Z-scaling: |F_n(q; Z)|² = |F_n(q/Z; 1)|² (u = q/Z)
        assert (
            agreement_digits(h.discrete_form_factor_sq(2, 2, Z=2), mpmath.mpf(2**15) / 13**5) > 29
        )
        assert h.discrete_form_factor_sq(3, "0.7") > 0
    assert_default(h.discrete_form_factor_sq, "dps", 30, 31, 3, "0.7")
    assert_default(h.discrete_form_factor_sq, "Z", 1, 2, 3, "0.7")
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        h.discrete_form_factor_sq(1, "0.7")


def test_elastic_form_factor_default_precision() -> None:
    with mpmath.workdps(40):
        assert agreement_digits(h.elastic_form_factor(1), mpmath.mpf(16) / 25) > 29
    assert_default(h.elastic_form_factor, "dps", 30, 31, 1)


def test_dipole_density_closed_form_small_q_limit_and_z_scaling() -> None:
    with mpmath.workdps(50):
        assert agreement_digits(h.dipole_density(1), _dipole_t1()) > 29  # full 30 digits
        # D_Z(T) = Z⁻⁴ D_1(T/Z²): at Z = 2, T = 4 the scaled point is T = 1
        assert agreement_digits(h.dipole_density(4, Z=2), _dipole_t1() / 16) > 29
        # second route: lim S/q² at Z = 2 and a point with k ≠ Z
        q = mpmath.mpf("1e-15")
        lim = h.continuum_density(5, q, Z=2, dps=40) / q**2
        assert agreement_digits(h.dipole_density(5, Z=2), lim) > 25
    assert_default(h.dipole_density, "dps", 30, 31, 3)


def test_photoionization_cross_section() -> None:
    a = Fraction(1, 137)
    with mpmath.workdps(70):
        am = mpmath.mpf(1) / 137
        # σ = 4π² α T D(T), at T = 1 by hand, to the requested 50 digits
        ref = 4 * mpmath.pi**2 * am * _dipole_t1()
        assert agreement_digits(h.photoionization_cross_section(1, alpha=a, dps=50), ref) > 48
        # linear in alpha: the argument is used
        s2 = h.photoionization_cross_section(1, alpha=2 * a, dps=20)
        assert agreement_digits(s2, 2 * ref) > 19
        # threshold value 2⁹π²α/(3e⁴) (Z = 1), scaled by Z⁻² for Z = 2 (textbook law)
        thr = 2**9 * mpmath.pi**2 * am / (3 * mpmath.e**4)
        s_z2 = h.photoionization_cross_section("2.0000000000000000000001", Z=2, alpha=a, dps=20)
        assert agreement_digits(s_z2, thr / 4) > 18
    assert_default(h.photoionization_cross_section, "dps", 30, 31, 1)
    with pytest.raises(ValueError, match="alpha must be a finite real"):
        h.photoionization_cross_section(1, alpha="x")
    with pytest.raises(ValueError, match="T must be a finite real"):
        h.photoionization_cross_section(float("nan"))


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: h.continuum_density("0.5", 1), "T must exceed the ionization energy"),
        (lambda: h.continuum_density(1, 1, Z=2), "T must exceed the ionization energy"),
        (lambda: h.continuum_density(1, -1), "q must be non-negative"),
        (lambda: h.continuum_density(float("nan"), 1), "T must be a finite real"),
        (lambda: h.continuum_density(1, float("inf")), "q must be a finite real"),
        (lambda: h.continuum_density(1, 1j), "q must be a finite real"),
        (lambda: h.continuum_density(True, 1), "T must be a finite real"),
        (lambda: h.continuum_density(1, 1, Z=0), "Z must be positive"),
        (lambda: h.continuum_density(1, 1, dps=5), "dps must be"),
        (lambda: h.sum_rule_ratios("0.4"), "T must exceed"),
        (lambda: h.sum_rule_ratios(1, Z="x"), "Z must be a finite real"),
        (lambda: h.discrete_form_factor_sq(1, 1), "n must be an integer >= 2"),
        (lambda: h.discrete_form_factor_sq(2.0, 1), "n must be an integer >= 2"),
        (lambda: h.hydrogen_ratio_table([1]), "T_over_I must exceed 1"),
        (lambda: h.fit_large_T_law([100]), "at least two"),
        (lambda: h.fit_large_T_law([1000, 100]), "increasing"),
        (lambda: hc.partial_wave_density("0.6", "0.3", lmax=0), "lmax must be >= 1, got 0"),
        (lambda: hc.resolvent(1, "-0.9999999"), "Q2 or P2 is too close to -Z"),
        (lambda: hc.resolvent("0.5000000000001", "0.01"), "or T to Z"),
        (lambda: hc.completeness(None, Q2="-0.9999999"), "Q2 or P2 is too close to -Z"),
        (lambda: hc.partial_wave_density("0.6", "0.3", lmax=2.5), "lmax must be an integer"),
        (lambda: h.low_q_fraction(1, alpha=-1), "alpha must be positive"),
        (lambda: hc.resolvent(1, -1), "P2 must exceed -Z"),
        (lambda: hc.resolvent(1, 1, method="x"), "method must be"),
        (lambda: hc.completeness(1, Q2=-2), "Q2 must exceed"),
        (lambda: hc.bethe_sum(0), "nonzero"),
        (lambda: hc.partial_wave_density(1, 0), "q must be positive"),
        (lambda: hc.form_factor_poles(1), "n_max must be"),
        (lambda: hc.local_exponent(1, which=2), "which must be"),
        (lambda: hc.large_T_series(3), "order must be"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]
