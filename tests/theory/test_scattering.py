"""Eqs. (1), (2), (5): Dirac traces vs explicit spinors, textbook forms, unit conventions, numbers.

Each result has a negative control: a deliberately wrong variant that the same check rejects.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.data import constants as C
from sumrules.theory import scattering as S
from sumrules.theory.scattering import G_F, Q2, D, E, T, e, g_A, g_V, m, mu

ALPHA = sp.Symbol("alpha", positive=True)


def _is_zero(expr: sp.Expr) -> bool:
    return sp.simplify(expr) == 0


# --------------------------------------------------------------------------------------------
# Dirac algebra
# --------------------------------------------------------------------------------------------
def test_clifford_algebra_and_gamma5() -> None:
    g = S.dirac_matrices()
    eta = (1, -1, -1, -1)
    for a in range(4):
        for b in range(4):
            anti = g[a] * g[b] + g[b] * g[a]
            assert anti == 2 * (eta[a] if a == b else 0) * sp.eye(4)
        assert g[a] * g[4] + g[4] * g[a] == sp.zeros(4)
    assert g[4] * g[4] == sp.eye(4)
    # Tr[g5 g0 g1 g2 g3] = -4i in this convention (nonzero: the chiral traces are not trivial)
    assert (g[4] * g[0] * g[1] * g[2] * g[3]).trace() == -4 * sp.I


def test_slash_needs_four_components() -> None:
    with pytest.raises(ValueError, match=r"^p must"):
        S.slash([1, 2, 3])


def test_phase_space_factors() -> None:
    assert S.two_body_dsigma_dT_factor() == 1 / (32 * sp.pi * m * E**2)
    assert S.static_target_phase_space() == 1 / (16 * sp.pi * E**2)
    # negative control: the 2 -> 2 factor with |t| = 2 m T dropped
    assert S.two_body_dsigma_dT_factor() != 1 / (16 * sp.pi * (2 * m * E) ** 2)


# --------------------------------------------------------------------------------------------
# Eq. (1): magnetic-moment scattering on a free electron
# --------------------------------------------------------------------------------------------
def test_nmm_cross_section_from_traces_has_1_over_T_minus_1_over_E() -> None:
    got = S.nmm_dsigma_dT()
    assert _is_zero(got - e**2 * mu**2 / (4 * sp.pi) * (1 / T - 1 / E))
    # negative controls: wrong relative sign, wrong factor 2
    assert not _is_zero(got - e**2 * mu**2 / (4 * sp.pi) * (1 / T + 1 / E))
    assert not _is_zero(got - 2 * e**2 * mu**2 / (4 * sp.pi) * (1 / T - 1 / E))


def test_nmm_in_conventions_and_the_two_printed_forms() -> None:
    """Second printed form is right in any convention; the first (4 pi alpha mu^2) only if e^2 = alpha."""
    kin = 1 / T - 1 / E
    for conv in ("heaviside-lorentz", "gaussian"):
        derived = S.express_in_convention(S.nmm_dsigma_dT(), conv)
        _first, second = S.nmm_printed_prefactors(conv)
        assert _is_zero(derived - second * kin), conv
    hl_first, hl_second = S.nmm_printed_prefactors("heaviside-lorentz")
    assert sp.simplify(hl_first / hl_second) == 4 * sp.pi  # printed forms differ by 4 pi in HL
    g_first, g_second = S.nmm_printed_prefactors("gaussian")
    assert _is_zero(g_first - g_second)
    gauss = S.express_in_convention(S.nmm_dsigma_dT(), "gaussian")
    assert _is_zero(gauss - 4 * sp.pi * ALPHA * mu**2 * kin)
    # negative control: the printed first form does not hold with HL mu
    hl = S.express_in_convention(S.nmm_dsigma_dT(), "heaviside-lorentz")
    assert not _is_zero(hl - 4 * sp.pi * ALPHA * mu**2 * kin)
    with pytest.raises(ValueError, match=r"^convention"):
        S.express_in_convention(S.nmm_dsigma_dT(), "si")  # type: ignore[arg-type]


KINEMATICS = [("3", "0.7", "1"), ("0.8", "0.05", "1"), ("20", "13", "0.511")]


@pytest.mark.parametrize(("en", "t", "me"), KINEMATICS)
def test_nmm_traces_agree_with_explicit_spinors(en: str, t: str, me: str) -> None:
    subs = {E: sp.Rational(en), T: sp.Rational(t), m: sp.Rational(me), mu: 1, e: 1}
    with mpmath.workdps(30):
        trace = mpmath.mpf(sp.N(S.nmm_squared_amplitude().subs(subs), 35))
        spinor = S.nmm_squared_amplitude_spinors(en, t, me, dps=30)
        assert agreement_digits(trace, spinor) > 25
        # negative control: the (1/T + 1/E) variant of the cross section
        wrong = (1 / mpmath.mpf(t) + 1 / mpmath.mpf(en)) / (4 * mpmath.pi)
        wrong /= float(S.two_body_dsigma_dT_factor().subs(subs))
        assert agreement_digits(wrong, spinor) < 3


def test_spinor_route_rejects_unphysical_kinematics() -> None:
    with pytest.raises(ValueError, match=r"^T_kin"):
        S.nmm_squared_amplitude_spinors(1, 2, 1)
    with pytest.raises(ValueError, match=r"^m_e"):
        S.nmm_squared_amplitude_spinors(1, "0.1", 0)


def test_max_recoil_and_free_electron_q2() -> None:
    tmax = S.max_recoil_energy(E, m)
    # at T_max the neutrino is back-scattered: cos(theta) = 1 - m T/(E E') = -1
    assert _is_zero((1 - m * tmax / (E * (E - tmax))) + 1)
    assert S.free_electron_recoil_q2(T, m, relativistic=False) == 2 * m * T
    # |k - k'|^2 at the elastic angle equals T^2 + 2 m T
    ep = E - T
    c = 1 - m * T / (E * ep)
    assert _is_zero(E**2 + ep**2 - 2 * E * ep * c - S.free_electron_recoil_q2(T, m))


# --------------------------------------------------------------------------------------------
# Eq. (2): electroweak scattering
# --------------------------------------------------------------------------------------------
def test_weak_traces_reproduce_vogel_engel() -> None:
    nu = S.weak_dsigma_dT(antineutrino=False)
    nubar = S.weak_dsigma_dT(antineutrino=True)
    assert _is_zero(nu - S.vogel_engel_dsigma_dT(g_V, g_A))
    assert _is_zero(nubar - S.vogel_engel_dsigma_dT(g_V, -g_A))
    # negative control: the antineutrino with the neutrino's g_A sign
    assert not _is_zero(nubar - S.vogel_engel_dsigma_dT(g_V, g_A))


@pytest.mark.parametrize("anti", [False, True])
def test_weak_traces_agree_with_explicit_spinors(anti: bool) -> None:
    subs = {
        E: 3,
        T: sp.Rational(7, 10),
        m: 1,
        G_F: 1,
        g_V: sp.Rational(3, 4),
        g_A: sp.Rational(1, 2),
    }
    with mpmath.workdps(30):
        trace = mpmath.mpf(sp.N(S.weak_squared_amplitude(antineutrino=anti).subs(subs), 35))
        spinor = S.weak_squared_amplitude_spinors(3, "0.7", 1, "0.75", "0.5", antineutrino=anti)
        assert agreement_digits(trace, spinor) > 25
        # negative control: swapping neutrino <-> antineutrino is visible at this kinematics
        other = S.weak_squared_amplitude_spinors(3, "0.7", 1, "0.75", "0.5", antineutrino=not anti)
        assert agreement_digits(trace, other) < 2


def test_low_T_coefficient_for_nubar_e() -> None:
    s = sp.Symbol("s", positive=True)
    gv, ga = S.electroweak_couplings(s**2, antineutrino=True)
    assert (gv, ga) == (2 * s**2 + sp.Rational(1, 2), -sp.Rational(1, 2))
    limit = sp.limit(S.vogel_engel_dsigma_dT(gv, ga), T, 0)
    assert _is_zero(limit - G_F**2 * m / (2 * sp.pi) * (1 + 4 * s**2 + 8 * s**4))
    # same from the traces with the physical couplings (nu_e: g_V = 1/2 + 2 s^2, g_A = 1/2)
    phys = {g_V: sp.Rational(1, 2) + 2 * s**2, g_A: sp.Rational(1, 2)}
    traced = sp.limit(S.weak_dsigma_dT(antineutrino=True).subs(phys), T, 0)
    assert _is_zero(traced - G_F**2 * m / (2 * sp.pi) * (1 + 4 * s**2 + 8 * s**4))
    # negative controls: nu_mu couplings, or the NC-only nu_e, give 1 - 4 s^2 + 8 s^4
    assert sp.expand(S.weak_low_T_coefficient(s**2, flavor="mu")) == 1 - 4 * s**2 + 8 * s**4
    assert not _is_zero(S.weak_low_T_coefficient(s**2, flavor="mu") - (1 + 4 * s**2 + 8 * s**4))


def test_eq14_times_eq15_gives_eq2_prefactor() -> None:
    """G_F^2/(4 pi) x (Eq. 15: integral = 2 m) = G_F^2 m/(2 pi)."""
    assert _is_zero(G_F**2 / (4 * sp.pi) * 2 * m - G_F**2 * m / (2 * sp.pi))


def test_eq2_number_is_twice_the_printed_value() -> None:
    pref_si = S.weak_prefactor_cm2_per_kev(route="si")
    pref_pdg = S.weak_prefactor_cm2_per_kev(route="pdg")
    with mpmath.workdps(30):
        assert agreement_digits(pref_si, pref_pdg) > 9.5
    assert abs(float(pref_si) / 4.30816e-48 - 1) < 1e-5
    values = {
        name: float(S.weak_dsigma_dT_low_T_cm2_per_kev(c.value))
        for name, c in [
            ("low", C.SIN2_THETA_W_LOW_ENERGY),
            ("mz", C.SIN2_THETA_W_MSBAR_MZ),
            ("os", C.SIN2_THETA_W_ON_SHELL),
        ]
    }
    assert abs(values["low"] / 1.0381e-47 - 1) < 1e-4
    assert abs(values["mz"] / 1.0135e-47 - 1) < 1e-3
    assert abs(values["os"] / 0.9872e-47 - 1) < 2e-3
    # the choice of sin^2 theta_W moves the value by < 5 %; all are about 2x the printed 5e-48
    assert max(values.values()) / min(values.values()) < 1.06
    for v in values.values():
        assert 1.9 < v / 5e-48 < 2.2
    # what reproduces the printed number: G_F^2 m/(4 pi) (1 + 4 s^2 + 8 s^4), i.e. half
    assert abs(values["mz"] / 2 / 5e-48 - 1) < 0.05
    # ... and what does not: the bare prefactor (4.3e-48), nu_mu couplings (2.2e-48)
    assert abs(float(pref_si) / 5e-48 - 1) > 0.1
    numu = float(S.weak_dsigma_dT_low_T_cm2_per_kev(C.SIN2_THETA_W_MSBAR_MZ.value, flavor="mu"))
    assert abs(numu / 5e-48 - 1) > 0.5


def test_eq2_total_cross_section_matches_textbook_nu_e() -> None:
    """sigma(nu_e e) = G_F^2 m E/(2 pi) [(1 + 2 s^2)^2 + 4 s^4/3] ~ 9.5e-45 cm^2 (E/MeV)."""
    s2 = sp.Rational(str(C.SIN2_THETA_W_MSBAR_MZ.printed))
    gv, ga = S.electroweak_couplings(s2)
    integral = sp.integrate(S.vogel_engel_dsigma_dT(gv, ga), (T, 0, E))  # T_max -> E for E >> m
    bracket = sp.limit(integral / (G_F**2 * m * E / (2 * sp.pi)), E, sp.oo)
    assert _is_zero(bracket - ((1 + 2 * s2) ** 2 + 4 * s2**2 / 3))
    per_mev = S.weak_prefactor_cm2_per_kev() * 1000 * mpmath.mpf(sp.N(bracket, 20))
    assert abs(float(per_mev) / 9.5e-45 - 1) < 0.02
    # negative control: a GeV^-2 -> keV^-2 conversion by 1e-6 (not squared) is caught
    assert abs(float(per_mev) * 1e12 / 9.5e-45 - 1) > 0.5


# --------------------------------------------------------------------------------------------
# Eq. (5): static atomic target, Coulomb and transverse exchange
# --------------------------------------------------------------------------------------------
def test_eq5_coefficient_at_leading_order() -> None:
    coul = S.coulomb_exchange_coefficient()
    leading = sp.limit(sp.limit(coul * Q2, E, sp.oo), T, 0)
    assert _is_zero(leading - e**2 * mu**2 / (4 * sp.pi))
    gauss = S.express_in_convention(leading / Q2, "gaussian")
    hl = S.express_in_convention(leading / Q2, "heaviside-lorentz")
    assert _is_zero(gauss - 4 * sp.pi * ALPHA * mu**2 / Q2)  # printed Eq. (5)
    assert _is_zero(hl - ALPHA * mu**2 / Q2)
    # negative control: HL mu does not give the printed coefficient
    assert not _is_zero(hl - 4 * sp.pi * ALPHA * mu**2 / Q2)


def test_eq5_free_electron_reproduces_1_over_T_term() -> None:
    printed_coeff = 4 * sp.pi * ALPHA * mu**2
    got = S.integrate_free_response(printed_coeff / Q2, lower=T**2, upper=4 * E**2)
    assert _is_zero(got - printed_coeff / T)
    # equals the Gaussian form of Eq. (1) without its 1/E term
    gauss = S.express_in_convention(S.nmm_dsigma_dT(), "gaussian")
    assert _is_zero(sp.limit(gauss, E, sp.oo) - got)
    # negative control: the substitution without its Jacobian 2m
    no_jacobian = (printed_coeff / Q2).subs(Q2, 2 * m * T)
    assert not _is_zero(no_jacobian - printed_coeff / T)


def test_free_response_numeric_nascent_delta() -> None:
    with mpmath.workdps(30):
        val = S.integrate_free_response_numeric(lambda q2: 1 / q2, 2, 1, width="1e-6")
        assert agreement_digits(val, mpmath.mpf(1) / 2) > 10
        # negative control: a delta in Q^2 (not in T) would give 1/(2 m T) = 1/4
        assert agreement_digits(val, mpmath.mpf(1) / 4) < 1
    with pytest.raises(ValueError, match=r"^width"):
        S.integrate_free_response_numeric(lambda q2: q2, 1, 1, width=0)


def test_free_response_peak_must_be_inside() -> None:
    with pytest.raises(ValueError, match="not inside"):
        S.integrate_free_response(1 / Q2, lower=4 * m * T, upper=sp.oo)
    with pytest.raises(ValueError, match="not inside"):
        S.integrate_free_response(1 / Q2, lower=0, upper=m * T)


def test_coulomb_exchange_vanishes_at_photon_point_but_full_dipole_does_not() -> None:
    coul = S.coulomb_exchange_coefficient()
    assert coul.subs(Q2, T**2) == 0
    full = S.dipole_exchange_coefficient()
    assert not full.has(Q2)  # Eq. (6): Q^2 independent, including Q^2 = T^2
    assert _is_zero(sp.limit(full, E, sp.oo) - D * e**2 * mu**2 / (4 * sp.pi))
    # Coulomb part alone with S = Q^2 D agrees with the full result only for Q^2 >> T^2
    coul_dipole = sp.limit(coul * Q2 * D, E, sp.oo)
    assert _is_zero(sp.limit(coul_dipole, Q2, sp.oo) - sp.limit(full, E, sp.oo))
    # negative control: the Coulomb-only value is not Q^2 independent
    assert coul_dipole.has(Q2)


# --------------------------------------------------------------------------------------------
# sentence-level numbers
# --------------------------------------------------------------------------------------------
def test_recoil_condition_for_ge() -> None:
    scale = S.atomic_recoil_scale_kev()
    assert abs(float(scale) / 7.470e-5 - 1) < 1e-3  # 75 meV
    assert float(1 / scale) > 1e4  # T = 1 keV exceeds it by four orders of magnitude
    # negative control: with M = nucleon mass instead of the Ge mass the margin shrinks 73x
    with mpmath.workdps(20):
        light = C.GE_K_ALPHA.mpf() * C.ELECTRON_MASS.mpf() / C.ATOMIC_MASS_UNIT.mpf()
    assert float(light / scale) > 70


def test_standard_model_magnetic_moment() -> None:
    per_ev = S.fujikawa_shrock_moment(1)
    assert abs(float(per_ev) / 3.2e-19 - 1) < 0.01
    m_max = S.neutrino_mass_for_moment("1e-20")
    assert abs(float(m_max) - 0.0312) < 2e-4
    heaviest = S.minimal_heaviest_neutrino_mass_ev()
    mu_heaviest = S.fujikawa_shrock_moment(heaviest)
    assert 1.5e-20 < float(mu_heaviest) < 1.7e-20  # oscillation data alone: >= 1.6e-20 mu_B
    # negative control: a missing factor 3 would put 1e-20 at m = 0.094 eV
    assert abs(float(m_max) * 3 - 0.0312) > 0.05
    with pytest.raises(ValueError, match=r"^m_nu_ev"):
        S.fujikawa_shrock_moment(-1)


def test_compton_peak_vs_photon_point() -> None:
    assert abs(float(S.compton_to_photon_point_ratio(1)) - 1021.9979) < 1e-3
    assert abs(float(S.compton_to_photon_point_ratio(10)) - 102.19979) < 1e-4
    with pytest.raises(ValueError, match=r"^T_kev"):
        S.compton_to_photon_point_ratio(0)


def test_nmm_magnitude_at_the_gemma_limit() -> None:
    limit = C.GEMMA_MU_LIMIT.value
    one = S.nmm_dsigma_dT_cm2_per_kev(1, limit)
    ten = S.nmm_dsigma_dT_cm2_per_kev(10, limit)
    assert abs(float(one) / 2.5545e-46 - 1) < 1e-4
    assert abs(float(ten) / 2.5545e-47 - 1) < 1e-4
    ew = S.weak_dsigma_dT_low_T_cm2_per_kev()
    assert 24 < float(one / ew) < 25 and 2.4 < float(ten / ew) < 2.5
    # independent route: pi r_e^2 (mu/mu_B)^2 / T with the CODATA classical radius
    with mpmath.workdps(30):
        r_e = C.CLASSICAL_ELECTRON_RADIUS_CM.mpf()
        ratio = mpmath.mpf(limit.numerator) / limit.denominator
        ref = mpmath.pi * r_e**2 * ratio**2
        assert agreement_digits(S.nmm_dsigma_dT_cm2_per_kev(1, limit, dps=30), ref) > 9
        # negative control: the HL misreading 4 pi alpha mu^2 with mu = mu/mu_B * e/(2m)
        assert agreement_digits(4 * mpmath.pi * ref, ref) < 1
    with_e = S.nmm_dsigma_dT_cm2_per_kev(1, limit, E_kev=1000)
    assert abs(float(with_e / one) - 0.999) < 1e-12
    with pytest.raises(ValueError, match=r"^E_kev"):
        S.nmm_dsigma_dT_cm2_per_kev(1, limit, E_kev="0.5")
