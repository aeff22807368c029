"""Eqs. (6), (7), (13): the dipole limit, photoabsorption and the low-Q^2 fraction, on hydrogen.

Independent routes: Stobbe's closed form; Coulomb-wave radial integrals; the q -> 0 limit
of the docs/models.md continuum S(T, q) (transcribed here, and the package's hydrogen model);
exact bound-state radial integrals. Every check has a negative control.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.core.numeric import agreement_digits
from sumrules.data import constants as C
from sumrules.theory import photoabsorption as P
from sumrules.theory import scattering as S

ALPHA = sp.Symbol("alpha", positive=True)
q = sp.Symbol("q", positive=True)  # the symbol of the package's form factors


def _models_continuum(t: mpmath.mpf, qq: mpmath.mpf, *, principal_atan: bool = False) -> mpmath.mpf:
    """S(T, q) of docs/models.md, Z = 1, transcribed verbatim (the atan2 branch as printed)."""
    k = mpmath.sqrt(2 * t - 1)
    if principal_atan:
        angle = mpmath.atan(2 * k / (qq**2 - k**2 + 1))  # the wrong branch MODELS warns about
    else:
        angle = mpmath.atan2(2 * k, qq**2 - k**2 + 1)
    num = 2**8 * qq**2 * (qq**2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
    den = ((qq + k) ** 2 + 1) ** 3 * ((qq - k) ** 2 + 1) ** 3 * (-mpmath.expm1(-2 * mpmath.pi / k))
    return num / den


def _models_bound(n: int) -> sp.Expr:
    """|F_n(q)|^2 of docs/models.md (1s -> n, summed over l, m)."""
    return (
        2**8
        * n**7
        * q**2
        * (sp.Rational(n**2 - 1, 3) + n**2 * q**2)
        * ((n - 1) ** 2 + n**2 * q**2) ** (n - 3)
        / ((n + 1) ** 2 + n**2 * q**2) ** (n + 3)
    )


# --------------------------------------------------------------------------------------------
# continuum dipole strength: three routes
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("t", "z"), [("0.6", 1), ("1", 1), ("3", 1), ("4", 2)])
def test_closed_form_vs_coulomb_wave_integral(t: str, z: int) -> None:
    with mpmath.workdps(20):
        closed = P.hydrogen_dipole_density(t, Z=z, dps=20)
        num = P.hydrogen_dipole_density_numeric(t, Z=z, dps=20)
        assert num.digits > 15
        assert agreement_digits(closed, num.value) > 15
        # negative control: Stobbe's exponent with 2 atan(k)/k instead of 4 atan(k)/k
        k = mpmath.sqrt(2 * mpmath.mpf(t) / z**2 - 1)
        wrong = closed * mpmath.exp(2 * mpmath.atan(k) / k)
        assert agreement_digits(wrong, num.value) < 1


@pytest.mark.parametrize("t", ["0.55", "1", "3", "20"])
def test_models_continuum_q_to_0_is_the_dipole_density(t: str) -> None:
    with mpmath.workdps(30):
        tt, qq = mpmath.mpf(t), mpmath.mpf("1e-8")
        d = P.hydrogen_dipole_density(tt)
        assert agreement_digits(_models_continuum(tt, qq) / qq**2, d) > 14
        if tt > 1:  # k > 1: the principal arctan takes the wrong branch (negative control)
            assert agreement_digits(_models_continuum(tt, qq, principal_atan=True) / qq**2, d) < 1


def test_package_hydrogen_model_agrees_if_present() -> None:
    hyd = pytest.importorskip("sumrules.models.hydrogenic.ground")
    with mpmath.workdps(25):
        for t in ("0.7", "2.5"):
            d = P.hydrogen_dipole_density(t, dps=25)
            qq = mpmath.mpf("1e-7")
            assert agreement_digits(hyd.continuum_density(t, qq, dps=25) / qq**2, d) > 12
            if hasattr(hyd, "photoionization_cross_section"):
                other = hyd.photoionization_cross_section(t, dps=25)
                assert agreement_digits(other, P.hydrogen_photo_cross_section(t, dps=25)) > 20


def test_stobbe_formula_written_out() -> None:
    """sigma = (2^9 pi^2 alpha/3) a0^2 (I/T)^4 exp(-4 atan(k)/k) / (1 - exp(-2 pi/k))."""
    with mpmath.workdps(25):
        a = C.ALPHA.mpf()
        for t in ("0.5000001", "0.8", "2", "30"):
            tt = mpmath.mpf(t)
            k = mpmath.sqrt(2 * tt - 1)
            stobbe = 2**9 * mpmath.pi**2 * a / 3 * (mpmath.mpf("0.5") / tt) ** 4
            stobbe *= mpmath.exp(-4 * mpmath.atan(k) / k) / (1 - mpmath.exp(-2 * mpmath.pi / k))
            got = P.hydrogen_photo_cross_section(tt, dps=25)
            assert agreement_digits(got, stobbe) > 20
            if tt > 0.6:  # negative control: (I/T)^3 instead of ^4
                assert agreement_digits(got, stobbe * tt / mpmath.mpf("0.5")) < 1


def test_threshold_value_6_3e_18_cm2() -> None:
    thr = P.threshold_cross_section(unit="cm2")
    assert abs(float(thr) / 6.30e-18 - 1) < 2e-3
    at_edge = P.hydrogen_photo_cross_section("0.5", unit="cm2")
    with mpmath.workdps(30):
        assert agreement_digits(at_edge, thr) > 25
    # the limit from above is continuous
    just_above = P.hydrogen_photo_cross_section("0.5000000001", unit="cm2")
    assert abs(float(just_above / thr) - 1) < 1e-8
    # below threshold: no continuum
    assert P.hydrogen_photo_cross_section("0.4") == 0
    # negative control: sigma = 4 pi^2 T D / alpha (alpha inverted) is off by 1e4
    assert float(thr) * 137.036**2 / 6.3e-18 > 1e4


def test_z_scaling() -> None:
    with mpmath.workdps(25):
        for z in (2, 3):
            lhs = P.hydrogen_photo_cross_section(3 * z**2, Z=z, dps=25)
            rhs = P.hydrogen_photo_cross_section(3, dps=25) / z**2
            assert agreement_digits(lhs, rhs) > 22
            # negative control: Z^-4 is the scaling of D, not of sigma
            assert agreement_digits(lhs, rhs / z**2) < 1


def test_trk_sum_rule_discrete_plus_continuum_is_one() -> None:
    with mpmath.workdps(25):
        disc = P.discrete_oscillator_strength_sum(dps=25)
        cont = P.continuum_oscillator_strength(dps=25)
        assert abs(float(cont.value) - 0.43500) < 1e-4  # docs/models.md: 0.435 at q -> 0
        assert agreement_digits(disc + cont.value, 1) > 18
        # negative control: forgetting the 2 in f = 2 T D
        assert agreement_digits(disc + cont.value / 2, 1) < 1


# --------------------------------------------------------------------------------------------
# bound states: the dipole limit of Eq. (6)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_bound_dipole_vs_textbook_oscillator_strength(n: int) -> None:
    delta_e = sp.Rational(1, 2) * (1 - sp.Rational(1, n**2))
    assert 2 * delta_e * P.bound_dipole_squared(n) == P.oscillator_strength(n)
    # negative control: f = Delta E |z|^2 (the 2 dropped)
    assert delta_e * P.bound_dipole_squared(n) != P.oscillator_strength(n)


@pytest.mark.parametrize("n", [2, 3])
def test_models_bound_form_factor_equals_wavefunction_result(n: int) -> None:
    exact = P.form_factor_squared_from_wavefunctions(n)
    assert sp.simplify(exact - _models_bound(n)) == 0  # both in q > 0


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_dipole_limit_of_bound_form_factors(n: int) -> None:
    """|<n|rho(q)|0>|^2 -> q^2 |<n|z|0>|^2 as q -> 0 (Eq. 6)."""
    limit = sp.limit(_models_bound(n) / q**2, q, 0)
    assert limit == P.bound_dipole_squared(n)
    if n <= 3:
        assert sp.limit(P.form_factor_squared_from_wavefunctions(n) / q**2, q, 0) == limit
    # negative control: q^4 scaling would give 0 / infinity, not the dipole element
    assert sp.limit(_models_bound(n) / q**4, q, 0) == sp.oo


def test_expansion_of_the_exponential_needs_orthogonality() -> None:
    qq, a, b, overlap = sp.symbols("q a b s", positive=True)
    matrix_element = overlap + sp.I * qq * a - qq**2 * b / 2  # <n|1 + i q z - q^2 z^2/2|0>
    sq = sp.expand(matrix_element * sp.conjugate(matrix_element))
    orth = sp.series(sq.subs(overlap, 0), qq, 0, 3).removeO()
    assert sp.simplify(orth - qq**2 * a**2) == 0
    # negative control: without orthogonality (the elastic channel) the leading term is s^2
    assert sp.series(sq, qq, 0, 1).removeO() == overlap**2
    assert sp.limit((16 / (4 + q**2) ** 2) ** 2, q, 0) == 1  # F_el(0) = 1, no q^2 law


# --------------------------------------------------------------------------------------------
# Eq. (7): photoabsorption and the photon point
# --------------------------------------------------------------------------------------------
def test_photoabsorption_coefficient_is_convention_independent() -> None:
    omega = sp.Symbol("omega", positive=True)
    for conv in ("gaussian", "heaviside-lorentz"):
        assert P.photoabsorption_coefficient(conv) == 4 * sp.pi**2 * ALPHA * omega  # type: ignore[arg-type]
    # negative control: Gaussian field normalization 2 pi/(omega V) with HL charge 4 pi alpha
    mixed = 2 * sp.pi * (4 * sp.pi * ALPHA) * omega**2 * (2 * sp.pi / omega)
    assert sp.simplify(mixed - 4 * sp.pi**2 * ALPHA * omega) != 0
    with pytest.raises(ValueError, match=r"^convention"):
        P.photoabsorption_coefficient("si")  # type: ignore[arg-type]


def test_photon_point_relation_eq7() -> None:
    assert P.photon_point_relation("gaussian") == 1 / sp.pi  # printed Eq. (7)
    assert P.photon_point_relation("heaviside-lorentz") == 1 / (4 * sp.pi**2)
    # the Eq. (6) coefficient itself follows from the full (Coulomb + transverse) exchange
    full = S.express_in_convention(
        sp.limit(S.dipole_exchange_coefficient(), S.E, sp.oo), "gaussian"
    )
    assert sp.simplify(full - 4 * sp.pi * ALPHA * S.mu**2 * S.D) == 0
    # negative control: the printed 1/pi with HL mu
    assert P.photon_point_relation("heaviside-lorentz") != 1 / sp.pi


def test_photon_point_relation_numerically_for_hydrogen() -> None:
    """4 pi alpha mu^2 D(T) = mu^2 sigma(T)/(pi T) with both sides from independent routes."""
    with mpmath.workdps(20):
        a = C.ALPHA.mpf()
        for t in ("0.6", "2"):
            lhs = 4 * mpmath.pi * a * P.hydrogen_dipole_density_numeric(t, dps=20).value
            rhs = P.hydrogen_photo_cross_section(t, dps=20) / (mpmath.pi * mpmath.mpf(t))
            assert agreement_digits(lhs, rhs) > 15
            assert agreement_digits(lhs, rhs * 4 * mpmath.pi) < 1  # negative control


# --------------------------------------------------------------------------------------------
# Eq. (13)
# --------------------------------------------------------------------------------------------
def test_eq13_derivation() -> None:
    sigma, t, z = sp.symbols("sigma T Z", positive=True)
    assert (
        sp.simplify(P.low_q_fraction_derivation() - sigma * t**2 / (4 * sp.pi**2 * ALPHA * z)) == 0
    )
    # negative control: integrating the dipole S up to the Compton peak 2 m T instead of T^2
    mm, d, q2 = sp.symbols("m D Q2", positive=True)
    wrong = t / z * sp.integrate(d, (q2, 0, 2 * mm * t))
    assert sp.simplify(wrong - t**3 * d / z) != 0


def test_germanium_numbers() -> None:
    g = P.germanium_low_q_fraction()
    assert abs(float(g.sigma_t2_natural) - 6.4205e-3) < 1e-7
    assert abs(float(g.delta) - 0.69645e-3) < 1e-8
    assert float(g.delta) < 0.7e-3  # the printed bound holds, by 0.5 %
    assert 0.99 < float(g.delta) / 0.7e-3 < 1.0
    rounded = P.low_q_fraction("6e-3", 32)
    assert abs(float(rounded) - 0.6508e-3) < 1e-7
    # negative controls: without 4 pi^2, or per atom (Z = 1)
    assert float(g.delta) * 4 * 3.14159**2 > 0.02
    assert float(P.low_q_fraction(g.sigma_t2_natural, 1)) > 0.02
    with pytest.raises(ValueError, match=r"^electrons"):
        P.low_q_fraction(1, 0)


@given(st.floats(min_value=0.51, max_value=50))
@example(0.5)
@example(1.0)
def test_delta_hydrogen_two_unit_routes(t: float) -> None:
    with mpmath.workdps(25):
        t = mpmath.mpf(t)
        a = P.delta_mu_hydrogen(t, dps=25)
        b = P.delta_mu_hydrogen_natural(t, dps=25)
        assert agreement_digits(a, b) > 10  # limited by CODATA's a0, E_h, alpha consistency
        assert agreement_digits(a, C.ALPHA.mpf() ** 2 * t**3 * P.hydrogen_dipole_density(t)) > 20


@pytest.mark.parametrize("t", ["0.6", "2"])
def test_delta_hydrogen_vs_exact_structure_factor(t: str) -> None:
    """T int_0^{(alpha T)^2} S dq^2/q^2 with the full S: dipole error O((alpha T)^2)."""
    with mpmath.workdps(20):
        tt = mpmath.mpf(t)
        qmax = C.ALPHA.mpf() * tt
        exact = 2 * tt * mpmath.quad(lambda qq: _models_continuum(tt, qq) / qq, [0, qmax])
        dipole = P.delta_mu_hydrogen(tt, dps=20)
        rel = abs(exact / dipole - 1)
        assert 0 < rel < 2 * qmax**2  # the dipole approximation errs by O((alpha T)^2)
        # negative control: the upper limit q = T (alpha dropped) is a different number
        wrong = 2 * tt * mpmath.quad(lambda qq: _models_continuum(tt, qq) / qq, [0, tt / 2, tt])
        assert agreement_digits(wrong, dipole) < 1


def test_delta_hydrogen_is_largest_at_threshold_and_tiny() -> None:
    ts = ["0.5", "0.55", "0.7", "1", "2", "5", "20"]
    vals = [float(P.delta_mu_hydrogen(t)) for t in ts]
    assert vals == sorted(vals, reverse=True)
    assert abs(vals[0] - 1.0404e-5) < 1e-8
    assert P.delta_mu_hydrogen("0.3") == 0


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: P.hydrogen_dipole_density(-1), "T"),
        (lambda: P.hydrogen_dipole_density(1, Z=0), "Z"),
        (lambda: P.hydrogen_photo_cross_section(1, unit="barn"), "unit"),
        (lambda: P.hydrogen_dipole_density_numeric("0.4"), "T"),
        (lambda: P.bound_dipole_squared(1), "n"),
        (lambda: P.oscillator_strength(1), "n"),
        (lambda: P.form_factor_squared_from_wavefunctions(0), "n"),
        (lambda: P.hydrogen_dipole_density("x"), "T"),
    ],
)
def test_bad_input(call: object, name: str) -> None:
    with pytest.raises(ValueError, match=rf"^{name} must"):
        call()  # type: ignore[operator]
