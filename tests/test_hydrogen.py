"""Hydrogen-like 1s model: the model's own checks, the sum-rule ratios, the analytic structure."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import example, given
from hypothesis import strategies as st
from modelrefs import models_density, ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

T_OVER_I = st.floats(min_value=1.0001, max_value=2000.0, allow_nan=False)
CHARGE = st.floats(min_value=0.3, max_value=30.0, allow_nan=False)
MOMENTUM = st.floats(min_value=0.01, max_value=25.0, allow_nan=False)


# --- the model ------------------------------------------------------------------------------


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


@given(q=MOMENTUM, z=st.sampled_from([1, 2, 0.5]))
@example(q=0.01, z=1)
@example(q=25.0, z=1)
def test_completeness_and_bethe_sum(q: float, z: float) -> None:
    c = hc.completeness(q * z, Z=z, dps=15)
    b = hc.bethe_sum(q * z, Z=z, dps=15)
    assert abs(c.total - 1) < 1e-13
    assert abs(b.total - 1) < 1e-13
    assert c.discrete_spread < 1e-14 and b.discrete_spread < 1e-14


@pytest.mark.parametrize("Q2", ["-0.5", "-0.9", "0.25"])
def test_closure_holds_for_the_continuation_to_negative_q2(Q2: str) -> None:
    assert abs(hc.completeness(None, Q2=Q2, dps=15).total - 1) < 1e-13
    assert abs(hc.bethe_sum(None, Q2=Q2, dps=15).total - 1) < 1e-13


@pytest.mark.parametrize("name", sorted(hc.WRONG_DENSITIES))
def test_negative_control_wrong_density_fails_completeness(name: str) -> None:
    wrong = hc.WRONG_DENSITIES[name]
    assert abs(hc.completeness(2, dps=15, density=wrong).total - 1) > 1e-3


def test_negative_control_wrong_density_changes_the_ratios() -> None:
    exact = h.exact_sum_rule_ratio(2, dps=15)
    for name, wrong in hc.WRONG_DENSITIES.items():
        r_nmm, r_ew = hc.ratios_for_density(wrong, 2, dps=15)
        assert abs(r_nmm - exact) > 1e-4, name
        assert abs(r_ew - exact) > 1e-4, name


def test_continuum_share_of_the_dipole_f_sum() -> None:
    f = hc.continuum_oscillator_fraction(dps=30)
    assert f.digits > 29
    with mpmath.workdps(40):
        assert abs(f.continuum - mpmath.mpf("0.434995849325148012598325625690")) < 1e-29
    assert round(float(f.continuum), 3) == 0.435  # docs/models.md: "0.435 of the f-sum"


@pytest.mark.parametrize(("T", "q", "Z"), [("0.6", "0.3", 1), (3, "1.2", 2)])
def test_partial_wave_sum_with_coulomb_functions(T: str, q: str, Z: int) -> None:
    pw = hc.partial_wave_density(T, q, Z=Z, dps=12)
    with mpmath.workdps(30):
        assert agreement_digits(pw.value, h.continuum_density(T, q, Z=Z, dps=25)) > 11


def test_partial_wave_negative_control() -> None:
    """Without the attraction (η = +Z/k, a repulsive field) the partial waves disagree."""
    pw = hc.partial_wave_density("0.6", "0.3", dps=12)
    with mpmath.workdps(20):
        k = mpmath.sqrt(mpmath.mpf("0.2"))
        wrong = hc._partial_wave_terms(k, mpmath.mpf("0.3"), mpmath.mpf(1), 14, 12, eta=1 / k)
        assert agreement_digits(mpmath.fsum(wrong), pw.value) < 1


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


# --- the sum-rule ratios ------------------------------------------------------------------------


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


def test_symbolic_derivation_of_the_closed_form() -> None:
    d = hc.derive_exact_ratio()
    assert d.jacobian_ok and d.identical and d.matches_compact
    with mpmath.workdps(30):
        value = sympy.N(d.r_nmm.subs(d.kappa, sympy.Rational(3, 7)), 25)
        T = (1 + mpmath.mpf(3) ** 2 / 7**2) / 2
        assert agreement_digits(mpmath.mpf(str(value)), h.sum_rule_ratios(T, dps=25)[0]) > 23


def test_large_T_law() -> None:
    w, s = hc.large_T_series(9)
    p, c, nxt = h.large_T_leading_law()
    assert s.coeff(w, 5) == c and s.coeff(w, 6) == nxt and p == sympy.Rational(5, 2)
    assert s.coeff(w, 7) == -(
        sympy.Rational(16, 45) * sympy.pi + sympy.Rational(248, 63) / sympy.pi
    )
    law = h.fit_large_T_law([10**5, 10**6, 10**7], dps=40)
    assert abs(law.exponent - 2.5) < 1e-3
    assert abs(law.exponent_extrapolated - 2.5) < 1e-4
    assert abs(law.coefficient / float(c) - 1) < 2e-2
    for x, res in zip(law.T_over_I, law.residuals, strict=True):
        # next order: −π√y + (π² + … ) y; |coefficient of y| < 10
        assert abs(res + math.pi / math.sqrt(float(x))) < 10 / float(x)


def test_large_T_fit_negative_control() -> None:
    """A model whose deviation falls like (I/T)^2 is not fitted as 5/2."""

    def wrong(T: object, *, Z: object, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
        r = 1 - mpmath.mpf(Z) ** 4 / (4 * mpmath.mpf(T) ** 2)
        return r, r

    law = h.fit_large_T_law([10**5, 10**6], dps=30, ratios=wrong)
    assert abs(law.exponent - 2) < 1e-9 and abs(law.exponent - law.exponent_exact) > 0.4


def test_low_q_region_is_far_too_small_to_explain_the_deviation() -> None:
    for x in ("1.001", 2, 10):
        T = mpmath.mpf(x) / 2
        exact = h.low_q_fraction(T, dps=20)
        dipole = h.low_q_fraction_dipole(T, dps=20)
        assert abs(exact / dipole - 1) < 1e-3
        assert 100 * exact < 1 - h.exact_sum_rule_ratio(T, dps=20)


def test_density_on_a_far_ridge_keeps_dps_digits() -> None:
    """At q ≈ k ≈ 8.6e16 (T/I ≈ 7e33) S varies by order one when q moves by Z = 1."""
    T, q = "3698000000000000210330181334728704", "86000000000000000"  # k − q ≈ 2.4, irrational
    with mpmath.workdps(150):
        ref = models_density(mpmath.mpf(T), mpmath.mpf(q))  # the docs/models.md formula
    value = h.continuum_density(T, q, dps=30)
    assert agreement_digits(value, ref) > 30  # was 24 with a fixed 10 guard digits
    # negative control: one unit of q off the ridge is another number already
    assert agreement_digits(h.continuum_density(T, "86000000000000001", dps=30), ref) < 1


def test_low_q_fraction_keeps_dps_digits_at_large_z_and_for_small_shares() -> None:
    """The scaling law S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) makes these equal to dps digits."""
    from fractions import Fraction

    with mpmath.workdps(100):  # an independent 90-digit reference, T/I = 1e6, q below αT
        ref = h.low_q_fraction(500000, alpha=Fraction(1, 1000), dps=90)
    big_z = h.low_q_fraction(5 * 10**13, Z=10**4, alpha=Fraction(1, 10**7), dps=30)
    assert agreement_digits(big_z, ref) > 30  # was 19 digits while q, not q/Z, was integrated
    # a share of 1.7e-19 has its 30 digits too (mpmath's stopping rule is absolute)
    small = h.low_q_fraction(500000, alpha=Fraction(1, 10**5), dps=30)
    with mpmath.workdps(100):
        small_ref = h.low_q_fraction(500000, alpha=Fraction(1, 10**5), dps=90)
    assert small < 1e-18 and agreement_digits(small, small_ref) > 30
    # negative control: the share up to another αT is another number
    assert agreement_digits(big_z, small_ref) < 1


# --- the analytic structure -----------------------------------------------------------------


def test_continued_density_on_the_real_axis_and_reflection() -> None:
    with mpmath.workdps(30):
        for x in ("0.3", "2.5", "-0.4", "-3"):
            cont = hc.continued_density(1, x, dps=25)
            real = hc.Continuum(mpmath.mpf(1), mpmath.mpf(1)).density_q2(mpmath.mpf(x))
            assert abs(cont.imag) < 1e-25 and agreement_digits(cont.real, real) > 24
        z = mpmath.mpc("0.5", "0.7")
        a, b = hc.continued_density(1, z, dps=25), hc.continued_density(1, z.conjugate(), dps=25)
        assert abs(a - b.conjugate()) < 1e-24


def test_branch_points_and_their_exponent() -> None:
    bp = hc.density_branch_points(2, Z=1)
    with mpmath.workdps(30):
        k = mpmath.sqrt(3)
        assert abs(bp[0].location - (k - 1j) ** 2) < 1e-25
        assert abs(bp[1].exponent - mpmath.mpc(-3, -1 / k)) < 1e-25
    assert abs(hc.local_exponent(2, eps="1e-14", dps=30) + 3) < 1e-9
    assert abs(hc.local_exponent(2, which=1, eps="1e-14", dps=30) + 3) < 1e-9
    # negative control: a regular point has exponent 0, not -3
    with mpmath.workdps(30):
        c = hc.Continuum(mpmath.mpf(2), mpmath.mpf(1))
        b = mpmath.mpc(1, 1)
        ratio = hc._continued(c, b + 2e-14) / hc._continued(c, b + 1e-14)
        assert abs(mpmath.log(abs(ratio), 2)) < 1e-9


def test_local_exponent_resolves_tiny_eps_far_from_origin() -> None:
    """|b| = 2T = 2000 and ε = 1e-20: b + ε needs log10(|b|/ε) ≈ 23 digits beyond dps.

    The old code worked at dps + 10 digits, where b + ε rounds to b and the answer was nan.
    """
    got = hc.local_exponent(1000, eps="1e-20", dps=10)
    assert mpmath.isfinite(got)
    assert abs(got + 3) < 1e-9  # −3 + O(ε/|b|)
    assert abs(got - hc.local_exponent(1000, eps="1e-20", dps=40)) < 1e-9
    # negative control: at the old working precision b + ε is b itself
    with mpmath.workdps(20):
        c = hc.Continuum(mpmath.mpf(1000), mpmath.mpf(1))
        b = (c.k - 1j) ** 2
        assert b + mpmath.mpf("1e-20") == b


def test_form_factor_poles() -> None:
    poles = hc.form_factor_poles(4, Z=2)
    assert poles[0] == (-16, 4, "elastic")
    assert poles[1] == (sympy.Rational(-9, 1), 5, "n=2")
    assert all(loc < -4 for loc, _, _ in poles)  # all beyond -Z² = -4


def test_resolvent_two_routes_and_the_failures_of_eq_11() -> None:
    for P2 in ("-0.5", "2"):
        a = hc.resolvent(1, P2, dps=15)
        b = hc.resolvent(1, P2, dps=15, method="contour")
        with mpmath.workdps(25):
            assert abs(a - b) < 1e-14 * abs(a)
    # Im R ≠ 0 at real negative P² (the paper: "manifestly real")
    r = hc.resolvent(1, "-0.5", dps=15)
    assert abs(r.imag - mpmath.pi * hc.continued_density(1, "-0.5", dps=15).real) < 1e-14
    assert abs(r.imag) > 0.02
    # P² = 0: R = 1/T exactly; the dispersion integral gives r/T
    d = hc.dispersion_comparison(2, 0, dps=15)
    assert d.resolvent == mpmath.mpf(1) / 2
    assert abs(d.difference.real - (1 - h.exact_sum_rule_ratio(2, dps=15)) / 2) < 1e-15
    # R is continuous at P² = 0 (the spectral sum at small P² tends to 1/T)
    assert abs(hc.resolvent(2, "1e-8", dps=15) - mpmath.mpf(1) / 2) < 1e-8


@pytest.mark.parametrize(
    ("T", "P2", "real"),
    [
        # P² → −Z²: the discrete terms alternate in sign up to n ~ 2/(1 + P²) = 20000;
        # reference: the discrete part summed directly to n = 40000 plus Levin's tail
        (1, "-0.9999", "0.5327012310879245"),
        # T → Z²/2: the energy denominators change regime at n ~ 70; reference: dps = 30
        ("0.5001", "0.01", "2.031816943299"),
    ],
)
def test_resolvent_near_the_ends_of_the_discrete_series(T: object, P2: str, real: str) -> None:
    value = hc.resolvent(T, P2, dps=15)
    assert agreement_digits(value.real, mpmath.mpf(real)) > 12  # was 7915.6 and 2.03085
    # negative control: an error of 1e-6 (smaller than either old one) fails the same check
    assert agreement_digits(value.real + mpmath.mpf("1e-6"), mpmath.mpf(real)) < 7


def test_large_momentum_coefficients() -> None:
    ((_, pr, pd),) = hc.large_momentum_coefficients(1, (10**5,), dps=15)
    r = h.exact_sum_rule_ratio(1, dps=15)
    assert abs(pr.real + 2) < 1e-3  # Eq. (10) holds along the physical axis
    assert abs(pd.real + 2 * r) < 1e-3  # the dispersion integral gives -2 r_ew instead
    assert abs(pr.real - pd.real) > 0.02


# --- bad input ------------------------------------------------------------------------------


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


SCALES = [mpmath.mpf(2) ** -80, mpmath.mpf(2) ** 80, mpmath.mpf("1e30"), mpmath.mpf("1e-30")]


@pytest.mark.parametrize("Z", SCALES, ids=lambda z: mpmath.nstr(z, 3))
def test_sums_and_resolvent_are_scale_free_in_z(Z: mpmath.mpf) -> None:
    """Closure and Bethe sums are 1, and Z²·R_Z(Z²T, Z²P²) = R_1(T, P²), at any Z.

    Before the k-integrals were taken in k/Z and normalised by Z⁻² (mpmath maps [a, ∞) as if
    the scale were 1 and stops on an absolute error), Z = 2⁴⁰ kept 3 to 9 of 15 digits.
    """
    dps = 15
    assert agreement_digits(hc.completeness(None, Q2=-Z * Z / 2, Z=Z, dps=dps).total, 1) >= 14
    assert agreement_digits(hc.bethe_sum(None, Q2=-Z * Z / 2, Z=Z, dps=dps).total, 1) >= 14
    for P2 in ("0.5", "-0.5"):
        image = Z * Z * mpmath.mpf(P2)
        for method in ("principal-value", "contour"):
            got = Z * Z * hc.resolvent(Z * Z, image, Z=Z, dps=dps, method=method)
            assert agreement_digits(got, hc.resolvent(1, P2, dps=dps, method=method)) >= 14
        got = Z * Z * hc.dispersion_integral(Z * Z, image, Z=Z, dps=dps)
        assert agreement_digits(got, hc.dispersion_integral(1, P2, dps=dps)) >= 14
    # negative control: the image of T = 1 + 1e-12 instead of T = 1 is told apart
    moved = Z * Z * hc.resolvent(Z * Z * (1 + mpmath.mpf("1e-12")), Z * Z / 2, Z=Z, dps=dps)
    assert agreement_digits(moved, hc.resolvent(1, "0.5", dps=dps)) < 14


@pytest.mark.parametrize("kappa_exp", [11, 15, 30])
def test_low_q_fraction_far_up_the_ridge(kappa_exp: int) -> None:
    """κ = k/Z = 10^11, 10^15 with q_max ≫ k: the share is the closed form r(κ) of Eq. (12).

    The tail beyond q_max is below 1e-60. Before the split points were graded away from the
    ridge, κ = 10^15 kept 22 of 30 digits; before log10(κ) working digits were added (nodes
    near the ridge sit at u ≈ κ), κ = 10^30 kept 18.7.
    """
    T = Fraction(10 ** (2 * kappa_exp) + 1, 2)  # k = sqrt(2T − 1) = 10^e exactly
    got = h.low_q_fraction(T, dps=30)
    with mpmath.workdps(80):
        r = ridge_share(mpmath.mpf(10) ** kappa_exp)
        assert agreement_digits(got, r) >= 29
        # negative control: the error the old split left at κ = 10^15 (1.8e-22) is rejected
        assert agreement_digits(got - mpmath.mpf("1.8e-22"), r) < 29


@pytest.mark.parametrize("Z", SCALES[2:], ids=lambda z: mpmath.nstr(z, 3))
def test_partial_waves_are_scale_free_in_z(Z: mpmath.mpf) -> None:
    """Z²·S_Z(Z²T, Zq) = S_1(T, q) wave by wave; before the r-integrals were taken in Zr and
    normalised by Z⁻², Z = 10³⁰ kept 6 and Z = 10⁻³⁰ 13 of 15 digits (mpmath's absolute stopping rule)."""
    ref = hc.partial_wave_density(1, 1, dps=15)
    got = hc.partial_wave_density(Z * Z, Z, Z=Z, dps=15)
    assert len(got.terms) == len(ref.terms)
    assert agreement_digits(Z * Z * got.value, ref.value) >= 14
    assert agreement_digits(got.value, h.continuum_density(Z * Z, Z, Z=Z, dps=20)) >= 14
    # negative control: Z⁻¹ instead of Z⁻² scaling is rejected
    assert agreement_digits(Z * got.value, ref.value) < 1
