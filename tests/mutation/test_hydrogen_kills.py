"""Tests written to kill mutants of the hydrogen modules (see docs/mutation.md).

Covers :mod:`sumrules.models.hydrogen`, :mod:`sumrules.models.hydrogen_checks` and
:mod:`sumrules.models.coulomb_moments`: the textbook numbers of docs/models.md (I = Z²/2,
k = √(2T − Z²), ΔE_n, the form factors, the photoionization threshold), the Z-scaling laws,
default arguments, the documented input errors and their boundaries, the accuracy promised
at ``dps`` digits (checked against independent high-precision references), and the
differential operators of the Coulomb-moment bookkeeping against Cartesian derivatives.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from modelrefs import assert_default, models_density

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


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


def _low_q_reference(T: mpmath.mpf, q_max: mpmath.mpf) -> mpmath.mpf:
    """T ∫_0^{q_max} S dQ²/Q² = 2T ∫ S dq/q with the docs/models.md density (Z = 1), own splitting."""
    k = mpmath.sqrt(2 * T - 1)
    pts = sorted({mpmath.mpf(0), q_max, *[p for p in (k / 2, k - 1, k, k + 1) if 0 < p < q_max]})
    return 2 * T * mpmath.quad(lambda q: models_density(T, q) / q, pts)


def test_low_q_fraction_against_an_independent_quadrature() -> None:
    with mpmath.workdps(45):
        alpha = mpmath.mpf(1) / 137
        ref = _low_q_reference(mpmath.mpf(1), alpha)
        assert agreement_digits(h.low_q_fraction(1, alpha=Fraction(1, 137)), ref) > 28
        # alpha = 1: q_max = T = 10 reaches across the Bethe ridge k = √19
        ref10 = _low_q_reference(mpmath.mpf(10), mpmath.mpf(10))
        assert agreement_digits(h.low_q_fraction(10, alpha=1, dps=25), ref10) > 23
        # Z-scaling: (Z = 2, T = 40, α = 1/2) is (Z = 1, T = 10, α = 1)
        v = h.low_q_fraction(40, Z=2, alpha=Fraction(1, 2), dps=25)
        assert agreement_digits(v, ref10) > 23
    assert_default(h.low_q_fraction, "dps", 30, 31, 1)
    for bad, match in (("x", "alpha must be a finite real"), (0, "alpha must be positive")):
        with pytest.raises(ValueError, match=match):
            h.low_q_fraction(1, alpha=bad)


def test_low_q_fraction_dipole_is_alpha2_t3_d() -> None:
    with mpmath.workdps(50):
        ref = mpmath.mpf(1) / 100**2 * _dipole_t1()  # α² T³ D(T) at T = 1, α = 1/100
        assert agreement_digits(h.low_q_fraction_dipole(1, alpha=Fraction(1, 100)), ref) > 29
        # Z = 2, T = 4: D_2(4) = D_1(1)/16, T³ = 64
        v = h.low_q_fraction_dipole(4, Z=2, alpha=Fraction(1, 100))
        assert agreement_digits(v, 4 * ref) > 29
    assert_default(h.low_q_fraction_dipole, "dps", 30, 31, 1)
    for bad, match in (("x", "alpha must be a finite real"), (0, "alpha must be positive")):
        with pytest.raises(ValueError, match=match):
            h.low_q_fraction_dipole(1, alpha=bad)


def test_continuum_density_ref_is_the_models_formula_with_ten_guard_digits() -> None:
    with mpmath.workdps(60):
        ref = models_density(mpmath.mpf("0.6"), mpmath.mpf("0.3"))
    with mpmath.workdps(20):
        v = hc.continuum_density_ref("0.6", "0.3")
    assert agreement_digits(v, ref) > 28  # current 20 digits + 10
    with pytest.raises(ValueError, match="T must be a finite real"):
        hc.continuum_density_ref("x", "0.3")
    with pytest.raises(ValueError, match="q must be a finite real"):
        hc.continuum_density_ref("0.6", "y")


def test_z_scaling_digits_capped_at_default_dps() -> None:
    assert hc.z_scaling_digits(5, 2, 3) == 30.0
    assert hc.z_scaling_digits(5, 2, 3, dps=31) == 31.0  # negative control: the cap moves


def test_oscillator_fraction_and_ratios_default_precision() -> None:
    f = hc.continuum_oscillator_fraction
    assert f().continuum == f(dps=30).continuum != f(dps=31).continuum
    assert_default(hc.ratios_for_density, "dps", 20, 21, hc._exact_density, 1)


def test_density_branch_points_are_zeros_of_the_denominator() -> None:
    # T = 1, Z = 1: k = 1, (1 ∓ i)² = ∓2i, exponents −3 ± i (default Z = 1)
    bp = hc.density_branch_points(1)
    assert bp[0].location == mpmath.mpc(0, -2) and bp[0].exponent == mpmath.mpc(-3, 1)
    assert bp[1].location == mpmath.mpc(0, 2) and bp[1].exponent == mpmath.mpc(-3, -1)
    # T = 4, Z = 2: k = 2, (2 ∓ 2i)² = ∓8i, exponents −3 ± i
    bp2 = hc.density_branch_points(4, Z=2)
    assert bp2[0].location == mpmath.mpc(0, -8) and bp2[1].location == mpmath.mpc(0, 8)
    assert bp2[0].exponent == mpmath.mpc(-3, 1) and bp2[1].exponent == mpmath.mpc(-3, -1)
    # T = 2 (k = √3): the denominator (Q² − k² + 1)² + 4k² of S vanishes at both points
    with mpmath.workdps(40):
        k = mpmath.sqrt(3)
        for b, sign in zip(hc.density_branch_points(2), (1, -1), strict=True):
            assert abs((b.location - 2) ** 2 + 12) < 1e-27
            assert abs(b.exponent - mpmath.mpc(-3, sign / k)) < 1e-28
    assert_default(hc.density_branch_points, "dps", 30, 31, 2)


def test_local_exponent_matches_continued_density() -> None:
    eps = mpmath.mpf("1e-14")
    with mpmath.workdps(60):
        b = hc.density_branch_points(2, dps=60)[0].location
        ratio = hc.continued_density(2, b + 2 * eps, dps=60) / hc.continued_density(
            2, b + eps, dps=60
        )
        ref = mpmath.log(abs(ratio), 2)
        v = hc.local_exponent(2, eps="1e-14", dps=30)
        assert agreement_digits(v, ref) > 28 and abs(v + 3) < 1e-13
    # at Z = 2 both branch points (k ∓ iZ)² show the exponent −3 (a regular point shows 0)
    for which in (0, 1):
        assert abs(hc.local_exponent(4, Z=2, which=which, eps="1e-12", dps=30) + 3) < 1e-9
    assert_default(lambda **kw: hc.local_exponent(2, **kw), "eps", "1e-8", "1e-9")
    assert_default(lambda **kw: hc.local_exponent(2, **kw), "dps", 30, 31)
    with pytest.raises(ValueError, match="eps must be a finite real"):
        hc.local_exponent(2, eps="x")
    with pytest.raises(ValueError, match="eps must be positive"):
        hc.local_exponent(2, eps=0)


def test_form_factor_poles_defaults_and_limits() -> None:
    # docs/models.md: |F_el|² ∝ (4 + q²)⁻⁴, |F_n|² ∝ [(n + 1)² + n² q²]^{−(n+3)} (Z = 1)
    poles = hc.form_factor_poles()
    assert [p[2] for p in poles] == ["elastic", "n=2", "n=3", "n=4", "n=5", "n=6"]
    assert poles[0] == (-4, 4, "elastic") and poles[-1] == (sp.Rational(-49, 36), 9, "n=6")
    assert hc.form_factor_poles(2) == [(-4, 4, "elastic"), (sp.Rational(-9, 4), 5, "n=2")]
    assert len(hc.form_factor_poles(4)) == 4
    assert hc.form_factor_poles(2, Z=3)[:2] == [
        (-36, 4, "elastic"),
        (sp.Rational(-81, 4), 5, "n=2"),
    ]
    for bad in (1, 3.0, True):
        with pytest.raises(ValueError, match="n_max must be an integer >= 2"):
            hc.form_factor_poles(bad)  # type: ignore[arg-type]
    for z in (0, -1):
        with pytest.raises(ValueError, match="Z must be positive"):
            hc.form_factor_poles(3, Z=z)


def test_large_momentum_coefficients_scale_with_z() -> None:
    """P² R_Z(T, P²) = (P²/Z²) R_1(T/Z², P²/Z²), likewise for the dispersion integral."""
    ((x1, r1, d1),) = hc.large_momentum_coefficients(1, (100,), dps=36)
    ((x2, r2, d2),) = hc.large_momentum_coefficients(9, (900,), Z=3, dps=36)
    assert (x1, x2) == (100, 900)
    with mpmath.workdps(45):
        assert agreement_digits(r2.real, r1.real) > 34 and agreement_digits(d2.real, d1.real) > 34
        # negative control: the Z = 1 row at T = 9 differs
        ((_, r_wrong, d_wrong),) = hc.large_momentum_coefficients(9, (900,), dps=15)
        assert abs(r_wrong.real - r1.real) > 1e-4 and abs(d_wrong.real - d1.real) > 1e-4
    assert_default(lambda **kw: hc.large_momentum_coefficients(1, (100,), **kw), "dps", 20, 21)


def __models_density_q2(T: mpmath.mpf, Q2: mpmath.mpf, Z: int = 1) -> mpmath.mpf:
    """docs/models.md density at real Q² (any sign), via [(q+k)²+1][(q−k)²+1] = (Q²−k²+1)² + 4k²,
    and S_Z(T, Q²) = Z⁻² S_1(T/Z², Q²/Z²)."""
    T, Q2 = T / Z**2, Q2 / Z**2
    k = mpmath.sqrt(2 * T - 1)
    a = Q2 - k**2 + 1
    angle = mpmath.atan2(2 * k, a)
    s = (
        2**8 * Q2 * (Q2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
        / ((a**2 + 4 * k**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )  # fmt: skip
    return s / Z**2


def test_continued_density_on_the_real_axis_for_k_not_z() -> None:
    with mpmath.workdps(40):
        for Z, T in ((1, 2), (2, 5)):  # k = √3 and k = √6: k ≠ Z, k ≠ 1
            for x in ("0.3", "2.5", "-0.4"):
                v = hc.continued_density(T, x, Z=Z, dps=30)
                ref = __models_density_q2(mpmath.mpf(T), mpmath.mpf(x), Z)
                assert abs(v.imag) < 1e-30 * abs(ref) and agreement_digits(v.real, ref) > 28
    assert_default(hc.continued_density, "dps", 30, 31, 2, "0.3")
    with pytest.raises(ValueError, match="Q2 must be finite"):
        hc.continued_density(2, "inf")


@pytest.mark.parametrize("Z", [1, 2])
def test_wrong_densities_are_what_their_names_say(Z: int) -> None:
    """Each negative-control density is the docs/models.md S with exactly the named defect."""
    with mpmath.workdps(30):
        T = mpmath.mpf(5) * Z**2 / 2  # k = 2Z
        k, z = 2 * mpmath.mpf(Z), mpmath.mpf(Z)
        for x in ("0.5", "3", "7", "-0.5"):  # a = Q² − k² + Z² changes sign; a = 0 at Q² = 3Z²
            Q2 = mpmath.mpf(x) * Z**2
            s = __models_density_q2(T, Q2, Z)
            a = Q2 - k**2 + z**2
            som = -mpmath.expm1(-2 * mpmath.pi * z / k)
            w = hc.WRONG_DENSITIES
            got = w["missing [1 - exp(-2 pi Z/k)] factor"](k, Q2, z)
            assert agreement_digits(got, s * som) > 27
            got = w["denominator power 2 instead of 3"](k, Q2, z)
            assert agreement_digits(got, s * (a**2 + 4 * k**2 * z**2) / (4 * z**4)) > 27
            principal = mpmath.atan(2 * k * z / a) if a else mpmath.pi / 2
            wrong_angle = s * mpmath.exp(-(2 * z / k) * (principal - mpmath.atan2(2 * k * z, a)))
            got = w["principal arctan instead of atan2"](k, Q2, z)
            assert agreement_digits(got, wrong_angle) > 27
            if a < 0:  # negative control: there the principal branch really is wrong
                assert agreement_digits(got, s) < 1


def test_ratios_for_density() -> None:
    for T, Z in ((1, 1), (3, 2)):  # k = 1 = Z, and k = √2 ≠ Z
        r_nmm, r_ew = hc.ratios_for_density(hc._exact_density, T, Z=Z, dps=20)
        with mpmath.workdps(30):
            exact = h.exact_sum_rule_ratio(T, Z=Z, dps=25)
            assert agreement_digits(r_nmm, exact) > 19 and agreement_digits(r_ew, exact) > 19
    # without the Sommerfeld factor (a function of T only) both ratios shrink by that factor
    r_nmm, r_ew = hc.ratios_for_density(hc._no_sommerfeld, 3, Z=2, dps=20)
    with mpmath.workdps(30):
        factor = 1 - mpmath.exp(-2 * mpmath.pi * 2 / mpmath.sqrt(2))  # e^{−2πZ/k}, k = √2
        exact = h.exact_sum_rule_ratio(3, Z=2, dps=25)
        assert agreement_digits(r_nmm, exact * factor) > 19
        assert agreement_digits(r_ew, exact * factor) > 19


def _models_discrete_q2(n: int, x: mpmath.mpf) -> mpmath.mpf:
    """|F_n|² of docs/models.md (Z = 1) at real Q² = x."""
    return (
        2**8 * n**7 * x * (mpmath.mpf(n * n - 1) / 3 + n * n * x)
        * ((n - 1) ** 2 + n * n * x) ** (n - 3) / ((n + 1) ** 2 + n * n * x) ** (n + 3)
    )  # fmt: skip


def test_resolvent_elastic_and_discrete_parts() -> None:
    """|F_el|²/T and Σ_n |F_n|²/(T − ΔE_n) from docs/models.md, and their Z-scaling (Z⁻²)."""
    with mpmath.workdps(30):
        T, x = mpmath.mpf(1), mpmath.mpf("0.5")
        el, disc, c = hc._resolvent_parts(T, x, mpmath.mpf(1))
        assert agreement_digits(el, (16 / (4 + x) ** 2) ** 2 / T) > 28
        ref = mpmath.nsum(
            lambda n: _models_discrete_q2(int(n), x) / (T - (1 - 1 / n**2) / 2), [2, mpmath.inf]
        )
        assert agreement_digits(disc, ref) > 20
        assert c.T == T and c.Z == 1
        el2, disc2, _ = hc._resolvent_parts(9 * T, 9 * x, mpmath.mpf(3))
        assert agreement_digits(9 * el2, el) > 28 and agreement_digits(9 * disc2, disc) > 20


def test_resolvent_routes_agree_at_z_2_off_k_1() -> None:
    """PV and contour routes (different splittings of k′) agree at Z = 2, k_T = √2."""
    a = hc.resolvent(3, "1.5", Z=2, dps=15)
    b = hc.resolvent(3, "1.5", Z=2, dps=15, method="contour")
    assert abs(a - b) < 1e-13 * abs(a)
    # and both obey the Z-scaling R_Z(T, P²) = Z⁻² R_1(T/Z², P²/Z²)
    c = hc.resolvent("0.75", "0.375", dps=15)
    assert abs(4 * a - c) < 1e-13 * abs(c)


def test_dispersion_comparison_fields_scaling_and_precision() -> None:
    d2 = hc.dispersion_comparison(3, "-1.5", Z=2, dps=15)  # P² = −1.5 > −Z² = −4
    d1 = hc.dispersion_comparison("0.75", "-0.375", dps=15)
    assert d2.T == 3 and float(d2.P2) == -1.5
    assert (
        abs(4 * d2.resolvent - d1.resolvent) < 1e-13
        and abs(4 * d2.dispersion - d1.dispersion) < 1e-13
    )
    # P² = 0: R = 1/T exactly and the dispersion integral is r/T, to the requested 33 digits
    d0 = hc.dispersion_comparison(3, 0, dps=33)
    with mpmath.workdps(45):
        assert agreement_digits(d0.resolvent.real, mpmath.mpf(1) / 3) > 32
        r = h.exact_sum_rule_ratio(3, dps=40)
        assert agreement_digits(d0.dispersion.real, r / 3) > 31.5
    assert_default(lambda **kw: hc.dispersion_comparison(3, 0, **kw).dispersion, "dps", 30, 31)


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
