"""Neutrino-electron scattering: kinematics, Dirac traces, cross sections (Eqs. (1), (2), (5)).

Everything symbolic is done with explicit 4x4 Dirac matrices (Dirac representation,
metric diag(1, -1, -1, -1)) in sympy; the traces are checked independently by
explicit Dirac spinors summed numerically with mpmath (``*_spinors`` functions).
Natural units hbar = c = 1. In symbolic results the electron charge ``e`` is the
coupling of the photon propagator -g/q^2 (Heaviside-Lorentz: e^2 = 4 pi alpha);
see :func:`unit_charge_squared` for the Gaussian alternative (e^2 = alpha).

Symbols: ``E`` neutrino energy, ``T`` electron recoil (energy transfer), ``m``
electron mass, ``mu`` neutrino magnetic moment, ``e`` charge, ``G_F``, ``g_V``,
``g_A``, ``Q2`` = |q|^2, ``D`` the dipole strength density of Eq. (6).

>>> sp.simplify(nmm_dsigma_dT() - e**2 * mu**2 / (4 * sp.pi) * (1 / T - 1 / E))
0
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Literal

import mpmath
import sympy as sp

from sumrules.core.numeric import precision
from sumrules.data.constants import (
    ALPHA,
    ATOMIC_MASS_UNIT,
    DELTA_M2_21,
    DELTA_M2_32,
    ELECTRON_MASS,
    FERMI_CONSTANT,
    GE_ATOMIC_WEIGHT,
    GE_K_ALPHA,
    SIN2_THETA_W_DEFAULT,
)
from sumrules.data.units import Route, inverse_kev2_to_cm2, to_mpf

__all__ = [
    "G_F",
    "Q2",
    "SIN2_W",
    "Convention",
    "D",
    "E",
    "T",
    "atomic_recoil_scale_kev",
    "bohr_magneton",
    "compton_to_photon_point_ratio",
    "coulomb_exchange_coefficient",
    "dipole_exchange_coefficient",
    "dirac_matrices",
    "e",
    "electroweak_couplings",
    "express_in_convention",
    "free_electron_recoil_q2",
    "fujikawa_shrock_moment",
    "g_A",
    "g_V",
    "integrate_free_response",
    "integrate_free_response_numeric",
    "m",
    "matching_conventions",
    "max_recoil_energy",
    "minimal_heaviest_neutrino_mass_ev",
    "mu",
    "mu_B",
    "neutrino_mass_for_moment",
    "nmm_dsigma_dT",
    "nmm_dsigma_dT_cm2_per_kev",
    "nmm_printed_prefactors",
    "nmm_squared_amplitude",
    "nmm_squared_amplitude_spinors",
    "slash",
    "static_target_phase_space",
    "two_body_dsigma_dT_factor",
    "unit_charge_squared",
    "vogel_engel_dsigma_dT",
    "weak_dsigma_dT",
    "weak_dsigma_dT_low_T_cm2_per_kev",
    "weak_low_T_coefficient",
    "weak_prefactor_cm2_per_kev",
    "weak_squared_amplitude",
    "weak_squared_amplitude_spinors",
]

Convention = Literal["heaviside-lorentz", "gaussian"]

E, T, m, mu, e, G_F, Q2, D = sp.symbols("E T m mu e G_F Q2 D", positive=True)
mu_B = sp.Symbol("mu_B", positive=True)  # the Bohr magneton as a symbol in printed formulas
#: sin²θ_W as a symbol in the printed coefficients of Eqs. (2) and (14)
SIN2_W = sp.Symbol("s_W^2", positive=True)
g_V, g_A = sp.symbols("g_V g_A", real=True)
_c, _s = sp.symbols("c s", real=True)  # cos and sin of the neutrino scattering angle
_kx, _kz = sp.symbols("k_x k_z", real=True)
_ETA = (1, -1, -1, -1)


# --------------------------------------------------------------------------------------------
# Dirac algebra
# --------------------------------------------------------------------------------------------
@functools.cache
def dirac_matrices() -> tuple[sp.Matrix, sp.Matrix, sp.Matrix, sp.Matrix, sp.Matrix]:
    """gamma^0..gamma^3 and gamma^5 = i g0 g1 g2 g3 in the Dirac representation.

    >>> g = dirac_matrices()
    >>> (g[1] * g[1]) == -sp.eye(4), (g[4] * g[4]) == sp.eye(4)
    (True, True)
    """
    i = sp.I
    pauli = (
        sp.Matrix([[0, 1], [1, 0]]),
        sp.Matrix([[0, -i], [i, 0]]),
        sp.Matrix([[1, 0], [0, -1]]),
    )
    z, one = sp.zeros(2), sp.eye(2)
    g0 = sp.Matrix(sp.BlockMatrix([[one, z], [z, -one]]))
    gs = [sp.Matrix(sp.BlockMatrix([[z, s], [-s, z]])) for s in pauli]
    g5 = i * g0 * gs[0] * gs[1] * gs[2]
    return g0, gs[0], gs[1], gs[2], g5


def _gammas() -> list[sp.Matrix]:
    return list(dirac_matrices()[:4])


def slash(p: Sequence[object]) -> sp.Matrix:
    """p-slash = gamma^mu p_mu for contravariant components ``p = (p^0, p^1, p^2, p^3)``."""
    if len(p) != 4:
        raise ValueError(f"p must have 4 components, got {len(p)}")
    g = _gammas()
    out = sp.zeros(4)
    for a in range(4):
        out += g[a] * sp.sympify(p[a]) * _ETA[a]
    return out


def _sigma(a: int, b: int) -> sp.Matrix:
    g = _gammas()
    return sp.I / 2 * (g[a] * g[b] - g[b] * g[a])


def _nmm_vertex(q: Sequence[object]) -> list[sp.Matrix]:
    """Gamma^nu = sigma^{a nu} q_a (the magnetic-moment vertex of Eq. (3))."""
    out = []
    for nu_ in range(4):
        v = sp.zeros(4)
        for a in range(4):
            v += _sigma(a, nu_) * sp.sympify(q[a]) * _ETA[a]
        out.append(v)
    return out


def _contract(L: list[list[sp.Expr]], W: list[list[sp.Expr]]) -> sp.Expr:
    """L^{ab} W^{cd} g_{ac} g_{bd} for contravariant tensors."""
    return sp.Add(*[_ETA[a] * _ETA[b] * L[a][b] * W[a][b] for a in range(4) for b in range(4)])


def _lab_frame() -> tuple[list[sp.Expr], ...]:
    """k, k', p, p' in the electron rest frame; k' at angle (c, s) in the xz plane."""
    Ep = E - T
    k = [E, 0, 0, E]
    kp = [Ep, Ep * _s, 0, Ep * _c]
    p = [m, 0, 0, 0]
    pp = [k[i] + p[i] - kp[i] for i in range(4)]
    return k, kp, p, pp


def _reduce_angle(poly: sp.Expr) -> sp.Expr:
    """A polynomial in (s, c) with s^2 -> 1 - c^2; odd powers of s must cancel."""
    out = sp.Integer(0)
    for (i, j), coeff in sp.Poly(sp.expand(poly), _s, _c).terms():
        if i % 2:
            raise AssertionError("odd power of sin(theta) survived: a Lorentz-scalar check failed")
        out += coeff * (1 - _c**2) ** (i // 2) * _c**j
    return sp.expand(out)


def _on_shell(expr: sp.Expr) -> sp.Expr:
    """Eliminate the angle: s^2 = 1 - c^2, then c from the elastic kinematics.

    Numerator and denominator are reduced separately as polynomials in (s, c) and the
    result is put over a common denominator by ``cancel`` (much faster than ``simplify``).
    """
    num, den = sp.fraction(expr)
    c0 = 1 - m * T / (E * (E - T))
    return sp.factor(sp.cancel(_reduce_angle(num).subs(_c, c0) / _reduce_angle(den).subs(_c, c0)))


# --------------------------------------------------------------------------------------------
# Kinematics
# --------------------------------------------------------------------------------------------
@functools.cache
def two_body_dsigma_dT_factor() -> sp.Expr:
    """dsigma/dT = |M|^2 x this, for nu e -> nu e on an electron at rest (massless nu).

    From dsigma/dt = |M|^2 / (16 pi (s - m^2)^2), s - m^2 = 2 m E, |t| = 2 m T.

    >>> two_body_dsigma_dT_factor()
    1/(32*pi*E**2*m)
    """
    s_minus = 2 * m * E
    dt_dT = 2 * m
    return sp.simplify(dt_dT / (16 * sp.pi * s_minus**2))


@functools.cache
def static_target_phase_space() -> sp.Expr:
    """d^2 sigma/(dT dQ^2) = sum_n |M_n|^2 delta(T - E_n + E_0) x this (infinitely heavy target).

    d^3k'/(2pi)^3 with Q^2 = E^2 + E'^2 - 2 E E' cos(theta), flux and normalization 1/(4 E E').

    >>> static_target_phase_space()
    1/(16*pi*E**2)
    """
    Ep, cth = sp.symbols("E' c_theta", positive=True)
    q2_of_c = E**2 + Ep**2 - 2 * E * Ep * cth
    dcos_dq2 = 1 / sp.Abs(sp.diff(q2_of_c, cth))
    # dsigma = |M|^2/(4 E E') 2 pi delta(E - E' - T) E'^2 dE' dphi dcos / (2 pi)^3, dphi -> 2 pi
    factor = 1 / (4 * E * Ep) * 2 * sp.pi * Ep**2 * 2 * sp.pi * dcos_dq2 / (2 * sp.pi) ** 3
    return sp.simplify(factor)


def max_recoil_energy(E_nu: object, m_e: object) -> sp.Expr:
    """T_max = 2 E^2 / (m + 2 E) for nu e -> nu e on an electron at rest.

    >>> max_recoil_energy(E, m)
    2*E**2/(2*E + m)
    """
    En, me = sp.sympify(E_nu), sp.sympify(m_e)
    return 2 * En**2 / (me + 2 * En)


def free_electron_recoil_q2(T_kin: object, m_e: object, *, relativistic: bool = True) -> sp.Expr:
    """|q|^2 transferred to a free electron at rest with kinetic energy T: T^2 + 2 m T (or 2 m T).

    >>> free_electron_recoil_q2(T, m)
    T**2 + 2*T*m
    """
    t, me = sp.sympify(T_kin), sp.sympify(m_e)
    return sp.expand(t**2 + 2 * me * t) if relativistic else 2 * me * t


def compton_to_photon_point_ratio(T_kev: object) -> mpmath.mpf:
    """Ratio of the free-electron (Compton-peak) Q^2 = 2 m T to the photon point Q^2 = T^2.

    >>> round(float(compton_to_photon_point_ratio(1)), 3)
    1021.998
    """
    t = to_mpf(T_kev, "T_kev")
    if t <= 0:
        raise ValueError(f"T_kev must be positive, got {T_kev!r}")
    return 2 * ELECTRON_MASS.mpf() / t


# --------------------------------------------------------------------------------------------
# Magnetic moment scattering, Eq. (1)
# --------------------------------------------------------------------------------------------
@functools.cache
def nmm_squared_amplitude() -> sp.Expr:
    """Spin-summed |M|^2 for nu_L e -> nu e via L = mu (nubar sigma_{a b} nu) q^a A^b.

    Left-handed massless incoming neutrino (projector (1 - gamma5)/2), final neutrino
    summed, electron spin averaged; photon propagator -g/q^2 with charge e.
    Expressed in E, T, m, mu, e.
    """
    g = _gammas()
    g5 = dirac_matrices()[4]
    k, kp, p, pp = _lab_frame()
    q = [k[i] - kp[i] for i in range(4)]
    vertex = _nmm_vertex(q)
    proj_l = (sp.eye(4) - g5) / 2
    a_mat, b_mat = slash(kp), proj_l * slash(k)
    L = [[(a_mat * vertex[x] * b_mat * vertex[y]).trace() for y in range(4)] for x in range(4)]
    ep, ei = slash(pp) + m * sp.eye(4), slash(p) + m * sp.eye(4)
    W = [[(ep * g[x] * ei * g[y]).trace() / 2 for y in range(4)] for x in range(4)]
    q2 = q[0] ** 2 - q[1] ** 2 - q[2] ** 2 - q[3] ** 2
    return _on_shell((mu * e / q2) ** 2 * _contract(L, W))


@functools.cache
def nmm_dsigma_dT() -> sp.Expr:
    """dsigma/dT for neutrino magnetic-moment scattering on a free electron, from the traces.

    >>> sp.factor(nmm_dsigma_dT())
    e**2*mu**2*(E - T)/(4*pi*E*T)
    """
    return sp.factor(sp.cancel(nmm_squared_amplitude() * two_body_dsigma_dT_factor()))


def unit_charge_squared(convention: Convention) -> sp.Expr:
    """e^2 in terms of alpha: 4 pi alpha (Heaviside-Lorentz) or alpha (Gaussian).

    >>> unit_charge_squared("gaussian")
    alpha
    """
    alpha = sp.Symbol("alpha", positive=True)
    if convention == "heaviside-lorentz":
        return 4 * sp.pi * alpha
    if convention == "gaussian":
        return alpha
    raise ValueError(f"convention must be 'heaviside-lorentz' or 'gaussian', got {convention!r}")


def express_in_convention(expr: sp.Expr, convention: Convention) -> sp.Expr:
    """Rewrite a result derived with propagator -g/q^2 and charge e in a unit convention.

    Heaviside-Lorentz: e -> sqrt(4 pi alpha), mu unchanged. Gaussian: the same physics with
    e_G^2 = alpha and mu_G = mu_HL/sqrt(4 pi) (the product mu A is convention independent),
    so e -> sqrt(4 pi alpha) and mu -> sqrt(4 pi) mu.

    >>> express_in_convention(nmm_dsigma_dT(), "gaussian")
    4*pi*alpha*mu**2*(E - T)/(E*T)
    >>> express_in_convention(nmm_dsigma_dT(), "heaviside-lorentz")
    alpha*mu**2*(E - T)/(E*T)
    """
    return sp.factor(
        sp.simplify(sp.sympify(expr).subs(_convention_subs(convention), simultaneous=True))
    )


def _convention_subs(convention: Convention) -> dict[sp.Symbol, sp.Expr]:
    alpha = sp.Symbol("alpha", positive=True)
    if convention == "heaviside-lorentz":
        return {e: sp.sqrt(4 * sp.pi * alpha)}
    if convention == "gaussian":
        return {e: sp.sqrt(4 * sp.pi * alpha), mu: sp.sqrt(4 * sp.pi) * mu}
    raise ValueError(f"convention must be 'heaviside-lorentz' or 'gaussian', got {convention!r}")


def matching_conventions(printed: object, derived: object) -> tuple[Convention, ...]:
    """The unit conventions in which ``printed`` equals ``derived``.

    ``printed`` is written with ``alpha``, ``mu``, ``mu_B`` (the Bohr magneton, replaced by
    :func:`bohr_magneton` of each convention) and the kinematic symbols; ``derived`` is a
    result with propagator -g/q^2 and charge ``e`` (rewritten by :func:`express_in_convention`).

    >>> alpha = sp.Symbol("alpha", positive=True)
    >>> matching_conventions(alpha * mu**2 * (1 / T - 1 / E), nmm_dsigma_dT())
    ('heaviside-lorentz',)
    >>> second = sp.pi * alpha**2 / m**2 * (mu / mu_B) ** 2 * (1 / T - 1 / E)
    >>> matching_conventions(second, nmm_dsigma_dT())
    ('heaviside-lorentz', 'gaussian')
    """
    out: list[Convention] = []
    conventions: tuple[Convention, ...] = ("heaviside-lorentz", "gaussian")
    for conv in conventions:
        lhs = sp.sympify(printed).subs(mu_B, bohr_magneton(conv))
        rhs = sp.sympify(derived).subs(_convention_subs(conv), simultaneous=True)
        diff = sp.cancel(sp.expand(lhs - rhs))
        if diff == 0 or (not _clearly_nonzero(diff) and sp.simplify(diff) == 0):
            out.append(conv)
    return tuple(out)


def _clearly_nonzero(expr: sp.Expr) -> bool:
    """True if ``expr`` is visibly nonzero at a sample point of its (positive) symbols."""
    symbols = sorted(expr.free_symbols, key=str)
    point = {s: sp.Rational(7 + 3 * k, 5 + 2 * k) for k, s in enumerate(symbols)}
    value = sp.N(expr.subs(point), 30)
    if not (value.is_number and value.is_finite):
        return False  # a pole at the sample point: let simplify decide
    return bool(abs(value) > sp.Float("1e-20"))


def bohr_magneton(convention: Convention) -> sp.Expr:
    """mu_B = e / (2 m) with e = sqrt(e^2) of the chosen convention.

    >>> bohr_magneton("heaviside-lorentz")
    sqrt(pi)*sqrt(alpha)/m
    """
    return sp.sqrt(unit_charge_squared(convention)) / (2 * m)


def nmm_printed_prefactors(convention: Convention) -> tuple[sp.Expr, sp.Expr]:
    """The two printed prefactors of Eq. (1), 4 pi alpha mu^2 and pi alpha^2/m^2 (mu/mu_B)^2.

    With mu_B = e/(2m) in the chosen convention; they agree only for Gaussian e^2 = alpha.

    >>> a, b = nmm_printed_prefactors("heaviside-lorentz")
    >>> sp.simplify(a / b)
    4*pi
    >>> a, b = nmm_printed_prefactors("gaussian")
    >>> sp.simplify(a / b)
    1
    """
    alpha = sp.Symbol("alpha", positive=True)
    first = 4 * sp.pi * alpha * mu**2
    second = sp.pi * alpha**2 / m**2 * (mu / bohr_magneton(convention)) ** 2
    return first, second


def nmm_squared_amplitude_spinors(
    E_nu: object, T_kin: object, m_e: object, *, dps: int = 30
) -> mpmath.mpf:
    """|M|^2 of :func:`nmm_squared_amplitude` at mu = e = 1, from explicit spinors (numeric).

    Independent of the traces: amplitudes for every spin state are built from
    Dirac spinors and their moduli squared summed.
    """
    with precision(dps):
        En, t, me = _kinematic_args(E_nu, T_kin, m_e)
        k, kp, p, pp = _lab_frame_numeric(En, t, me)
        q = [k[i] - kp[i] for i in range(4)]
        g = _gammas_numeric()
        g5 = g[4]
        ident = mpmath.eye(4)
        proj_l = (ident - g5) / 2
        sig = [
            [(g[a] * g[b] - g[b] * g[a]) * mpmath.mpc(0, 0.5) for b in range(4)] for a in range(4)
        ]
        vertex = [
            sum((sig[a][n] * (q[a] * _ETA[a]) for a in range(4)), mpmath.zeros(4)) for n in range(4)
        ]
        q2 = q[0] ** 2 - q[1] ** 2 - q[2] ** 2 - q[3] ** 2
        total = mpmath.mpf(0)
        for nu_out in _spinors(kp, 0):
            for nu_in in _spinors(k, 0):
                nu_in_l = proj_l * nu_in
                jn = [_bar(nu_out, g) * vertex[n] * nu_in_l for n in range(4)]
                for e_out in _spinors(pp, me):
                    for e_in in _spinors(p, me):
                        je = [_bar(e_out, g) * g[n] * e_in for n in range(4)]
                        amp = sum(_ETA[n] * jn[n][0] * je[n][0] for n in range(4)) / q2
                        total += abs(amp) ** 2
        return total / 2


# --------------------------------------------------------------------------------------------
# Electroweak scattering, Eq. (2)
# --------------------------------------------------------------------------------------------
@functools.cache
def weak_squared_amplitude(*, antineutrino: bool) -> sp.Expr:
    """|M|^2 from L = -(G_F/sqrt2) [nubar g^a (1-g5) nu][ebar g_a (g_V - g_A g5) e].

    g_V, g_A are the physical couplings (for nu_e including the charged current after
    Fierz: g_V = 1/2 + 2 s^2, g_A = 1/2). Neutrino spins summed (the chiral
    projector selects the helicity), electron averaged.
    """
    g = _gammas()
    g5 = dirac_matrices()[4]
    one = sp.eye(4)
    k, kp, p, pp = _lab_frame()
    chir = one - g5
    if antineutrino:
        # [vbar(k) g^a (1-g5) v(k')] [..]^*  ->  Tr[g^a (1-g5) k'slash g^b (1-g5) kslash]
        L = [
            [(g[x] * chir * slash(kp) * g[y] * chir * slash(k)).trace() for y in range(4)]
            for x in range(4)
        ]
    else:
        L = [
            [(slash(kp) * g[x] * chir * slash(k) * g[y] * chir).trace() for y in range(4)]
            for x in range(4)
        ]
    coup = g_V * one - g_A * g5
    ep, ei = slash(pp) + m * one, slash(p) + m * one
    W = [[(ep * g[x] * coup * ei * g[y] * coup).trace() / 2 for y in range(4)] for x in range(4)]
    return _on_shell(G_F**2 / 2 * _contract(L, W))


@functools.cache
def weak_dsigma_dT(*, antineutrino: bool) -> sp.Expr:
    """dsigma/dT for (anti)neutrino-electron scattering from the four-fermion traces.

    >>> d = weak_dsigma_dT(antineutrino=True)
    >>> sp.simplify(d - vogel_engel_dsigma_dT(g_V, -g_A))
    0
    """
    return sp.factor(
        sp.cancel(weak_squared_amplitude(antineutrino=antineutrino) * two_body_dsigma_dT_factor())
    )


def vogel_engel_dsigma_dT(gv: object, ga: object) -> sp.Expr:
    """Textbook (Vogel & Engel 1989) form; for antineutrinos pass ga -> -g_A.

    G_F^2 m/(2 pi) [(gv+ga)^2 + (gv-ga)^2 (1-T/E)^2 - (gv^2-ga^2) m T/E^2].
    """
    v, a = sp.sympify(gv), sp.sympify(ga)
    return (
        G_F**2
        * m
        / (2 * sp.pi)
        * ((v + a) ** 2 + (v - a) ** 2 * (1 - T / E) ** 2 - (v**2 - a**2) * m * T / E**2)
    )


def electroweak_couplings(
    sin2w: object, *, flavor: Literal["e", "mu", "tau"] = "e", antineutrino: bool = False
) -> tuple[sp.Expr, sp.Expr]:
    """(g_V, g_A) in the Vogel-Engel convention (g_A sign flipped for antineutrinos).

    Neutral current: g_V = -1/2 + 2 s^2, g_A = -1/2; nu_e adds the charged current (+1, +1).

    >>> s = sp.Symbol("s2")
    >>> electroweak_couplings(s, antineutrino=True)
    (2*s2 + 1/2, -1/2)
    """
    s2 = _exact(sin2w, "sin2w")
    if flavor not in ("e", "mu", "tau"):
        raise ValueError(f"flavor must be 'e', 'mu' or 'tau', got {flavor!r}")
    gv = -sp.Rational(1, 2) + 2 * s2
    ga = -sp.Rational(1, 2)
    if flavor == "e":
        gv, ga = gv + 1, ga + 1
    if antineutrino:
        ga = -ga
    return gv, ga


def weak_low_T_coefficient(sin2w: object, *, flavor: Literal["e", "mu", "tau"] = "e") -> sp.Expr:
    """Bracket of Vogel-Engel at T/E -> 0: (g_V + g_A)^2 + (g_V - g_A)^2 (nu and nubar alike).

    >>> s = sp.Symbol("s")
    >>> sp.expand(weak_low_T_coefficient(s**2))
    8*s**4 + 4*s**2 + 1
    >>> sp.expand(weak_low_T_coefficient(s**2, flavor="mu"))
    8*s**4 - 4*s**2 + 1
    """
    gv, ga = electroweak_couplings(sin2w, flavor=flavor)
    return sp.expand((gv + ga) ** 2 + (gv - ga) ** 2)


def weak_prefactor_cm2_per_kev(*, route: Route = "si", dps: int = 30) -> mpmath.mpf:
    """G_F^2 m_e / (2 pi) in cm^2/keV (PDG G_F, CODATA m_e).

    >>> round(float(weak_prefactor_cm2_per_kev()) * 1e48, 4)
    4.3082
    """
    with precision(dps + 5):
        gf_kev = FERMI_CONSTANT.mpf() * mpmath.mpf(10) ** -12  # GeV^-2 -> keV^-2
        natural = gf_kev**2 * ELECTRON_MASS.mpf() / (2 * mpmath.pi)  # keV^-3
        out = inverse_kev2_to_cm2(natural, route=route, dps=dps + 5)
    with precision(dps):
        return +out


def weak_dsigma_dT_low_T_cm2_per_kev(
    sin2w: object = None,
    *,
    flavor: Literal["e", "mu", "tau"] = "e",
    route: Route = "si",
    dps: int = 30,
) -> mpmath.mpf:
    """Eq. (2) at T << E_nu in cm^2/keV: G_F^2 m/(2 pi) (1 + 4 s^2 + 8 s^4) for nu_e / nubar_e.

    ``sin2w`` defaults to the low-energy value (see :mod:`sumrules.constants`).

    >>> round(float(weak_dsigma_dT_low_T_cm2_per_kev()) * 1e47, 3)
    1.038
    """
    s2 = SIN2_THETA_W_DEFAULT.value if sin2w is None else sin2w
    coeff = weak_low_T_coefficient(_exact(s2, "sin2w"), flavor=flavor)
    with precision(dps):
        return weak_prefactor_cm2_per_kev(route=route, dps=dps) * mpmath.mpf(
            sp.Float(coeff, dps + 5)
        )


def nmm_dsigma_dT_cm2_per_kev(
    T_kev: object,
    mu_over_mu_b: object,
    *,
    E_kev: object = None,
    route: Route = "si",
    dps: int = 30,
) -> mpmath.mpf:
    """Eq. (1) in cm^2/keV: pi alpha^2/m^2 (mu/mu_B)^2 (1/T - 1/E) (1/E dropped if E_kev is None).

    >>> round(float(nmm_dsigma_dT_cm2_per_kev(1, "3.2e-11")) * 1e46, 4)
    2.5545
    """
    with precision(dps + 5):
        t = to_mpf(T_kev, "T_kev")
        if t <= 0:
            raise ValueError(f"T_kev must be positive, got {T_kev!r}")
        ratio = to_mpf(mu_over_mu_b, "mu_over_mu_b")
        kin = 1 / t
        if E_kev is not None:
            en = to_mpf(E_kev, "E_kev")
            if en <= t:
                raise ValueError(f"E_kev must exceed T_kev, got {E_kev!r}")
            kin -= 1 / en
        me = ELECTRON_MASS.mpf()
        natural = mpmath.pi * ALPHA.mpf() ** 2 / me**2 * ratio**2 * kin
        out = inverse_kev2_to_cm2(natural, route=route, dps=dps + 5)
    with precision(dps):
        return +out


def weak_squared_amplitude_spinors(
    E_nu: object,
    T_kin: object,
    m_e: object,
    gv: object,
    ga: object,
    *,
    antineutrino: bool,
    dps: int = 30,
) -> mpmath.mpf:
    """|M|^2 of :func:`weak_squared_amplitude` at G_F = 1, from explicit spinors (numeric)."""
    with precision(dps):
        En, t, me = _kinematic_args(E_nu, T_kin, m_e)
        v, a = to_mpf(gv, "gv"), to_mpf(ga, "ga")
        k, kp, p, pp = _lab_frame_numeric(En, t, me)
        g = _gammas_numeric()
        ident = mpmath.eye(4)
        chir = ident - g[4]
        coup = ident * v - g[4] * a
        total = mpmath.mpf(0)
        for s1 in range(2):
            for s2 in range(2):
                if antineutrino:
                    left, right = _spinors(k, 0, anti=True)[s1], _spinors(kp, 0, anti=True)[s2]
                else:
                    left, right = _spinors(kp, 0)[s1], _spinors(k, 0)[s2]
                jn = [_bar(left, g) * g[n] * chir * right for n in range(4)]
                for e_out in _spinors(pp, me):
                    for e_in in _spinors(p, me):
                        je = [_bar(e_out, g) * g[n] * coup * e_in for n in range(4)]
                        amp = sum(_ETA[n] * jn[n][0] * je[n][0] for n in range(4))
                        total += abs(amp) ** 2 / 2
        return total / 2


# --------------------------------------------------------------------------------------------
# Static atomic target, Eqs. (5) and (6)
# --------------------------------------------------------------------------------------------
def _q_along_z_frame() -> tuple[list[sp.Expr], list[sp.Expr], list[sp.Expr]]:
    """k, k', q with q = (T, 0, 0, |q|) along z and |k| = E, |k'| = E - T."""
    Q = sp.sqrt(Q2)
    k = [E, _kx, 0, _kz]
    q = [T, 0, 0, Q]
    kp = [k[i] - q[i] for i in range(4)]
    return k, kp, q


def _neutrino_tensor_q_frame() -> list[list[sp.Expr]]:
    g5 = dirac_matrices()[4]
    k, kp, q = _q_along_z_frame()
    vertex = _nmm_vertex(q)
    proj_l = (sp.eye(4) - g5) / 2
    a_mat, b_mat = slash(kp), proj_l * slash(k)
    return [[(a_mat * vertex[x] * b_mat * vertex[y]).trace() for y in range(4)] for x in range(4)]


def _q_frame_on_shell(expr: sp.Expr) -> sp.Expr:
    kz = (E**2 + Q2 - (E - T) ** 2) / (2 * sp.sqrt(Q2))  # from |k - q| = E - T
    expr = sp.expand(sp.expand(expr).subs(_kx**2, E**2 - _kz**2))
    if expr.has(_kx):
        raise AssertionError("odd power of k_x survived")
    return sp.factor(sp.cancel(sp.expand(expr.subs(_kz, kz))))


@functools.cache
def coulomb_exchange_coefficient() -> sp.Expr:
    """C with d^2sigma/(dT dQ^2) = C x S(T, Q^2), Coulomb (A_0) exchange only, coupling g = e.

    A_0 = e rho(q)/Q^2 acting on the neutrino vertex of Eq. (3); exact in E, T.
    Leading order: e^2 mu^2 / (4 pi Q^2), the structure of Eq. (5).

    >>> c = coulomb_exchange_coefficient()
    >>> sp.simplify(c - e**2 * mu**2 * (2*E - T)**2 * (Q2 - T**2) / (16*sp.pi*E**2*Q2**2))
    0
    """
    L = _neutrino_tensor_q_frame()
    squared = (mu * e) ** 2 * L[0][0] / Q2**2
    return _q_frame_on_shell(squared * static_target_phase_space())


@functools.cache
def dipole_exchange_coefficient() -> sp.Expr:
    """d^2sigma/(dT dQ^2) with Coulomb AND transverse exchange in the dipole approximation.

    Atomic transition current in the dipole limit: rho = i Q d_z, J = i T d (current
    conservation); summed over the dipole directions with strength D. Result is
    independent of Q^2, also at the photon point Q^2 = T^2 (where the Coulomb part alone
    vanishes).

    >>> dipole_exchange_coefficient()
    D*e**2*mu**2*(E - T)/(4*pi*E)
    """
    L = _neutrino_tensor_q_frame()
    Q = sp.sqrt(Q2)
    a_vecs = ([Q, 0, 0, T], [0, T, 0, 0], [0, 0, T, 0])
    W = [[D * sum(v[x] * v[y] for v in a_vecs) for y in range(4)] for x in range(4)]
    q2 = T**2 - Q2
    squared = (mu * e) ** 2 * _contract(L, W) / q2**2
    return _q_frame_on_shell(squared * static_target_phase_space())


def integrate_free_response(
    integrand: sp.Expr, *, lower: object = 0, upper: object = sp.oo
) -> sp.Expr:
    """int f(Q^2) delta(T - Q^2/(2m)) dQ^2 over (lower, upper), by explicit substitution.

    Q^2 = 2 m u, dQ^2 = 2 m du, then sifting at u = T (which must lie strictly inside;
    no sympy DiracDelta is used). ``integrand`` is an expression in ``Q2``.

    >>> integrate_free_response(4 * sp.pi * sp.Symbol("alpha") * mu**2 / Q2)
    4*pi*alpha*mu**2/T
    """
    u = sp.Symbol("u", positive=True)
    lo, hi = sp.sympify(lower), sp.sympify(upper)
    lo_u, hi_u = lo / (2 * m), hi / (2 * m)
    inside = sp.And(sp.StrictGreaterThan(T, lo_u), sp.StrictLessThan(T, hi_u))
    if inside is sp.false:
        raise ValueError("the free-electron peak Q^2 = 2 m T is not inside (lower, upper)")
    transformed = sp.sympify(integrand).subs(Q2, 2 * m * u) * 2 * m  # f(2 m u) dQ^2/du
    return sp.simplify(transformed.subs(u, T))


def integrate_free_response_numeric(
    integrand: Callable[[mpmath.mpf], mpmath.mpf],
    T_kin: object,
    m_e: object,
    *,
    width: object,
    dps: int = 30,
) -> mpmath.mpf:
    """The same integral with delta replaced by a normalized Gaussian of the given width in T.

    Tends to 2 m f(2 m T) as width -> 0 (an independent, numeric route).
    """
    with precision(dps):
        t, me, w = to_mpf(T_kin, "T_kin"), to_mpf(m_e, "m_e"), to_mpf(width, "width")
        if w <= 0:
            raise ValueError(f"width must be positive, got {width!r}")

        def f(q2: mpmath.mpf) -> mpmath.mpf:
            x = (t - q2 / (2 * me)) / w
            return integrand(q2) * mpmath.exp(-(x**2) / 2) / (w * mpmath.sqrt(2 * mpmath.pi))

        centre = 2 * me * t
        span = 2 * me * w
        pts = [max(centre - 40 * span, mpmath.mpf(0)), centre - 8 * span, centre]
        pts += [centre + 8 * span, centre + 40 * span]
        return mpmath.quad(f, sorted(set(pts)))


# --------------------------------------------------------------------------------------------
# Sentence-level numbers
# --------------------------------------------------------------------------------------------
def atomic_recoil_scale_kev(*, dps: int = 30) -> mpmath.mpf:
    """eps0 m_e / M for Ge: eps0 = K-alpha (9.89 keV), M = Ge atomic mass.

    >>> round(float(atomic_recoil_scale_kev()) * 1e5, 3)
    7.47
    """
    with precision(dps):
        big_m = GE_ATOMIC_WEIGHT.mpf() * ATOMIC_MASS_UNIT.mpf()
        return GE_K_ALPHA.mpf() * ELECTRON_MASS.mpf() / big_m


def fujikawa_shrock_moment(m_nu_ev: object, *, dps: int = 30) -> mpmath.mpf:
    """mu_nu/mu_B = 3 G_F m_e m_nu / (4 sqrt2 pi^2) (Dirac neutrino; Fujikawa & Shrock 1980).

    From mu_nu = 3 e G_F m_nu / (8 sqrt2 pi^2) and mu_B = e/(2 m_e) (e cancels).

    >>> round(float(fujikawa_shrock_moment(1)) * 1e19, 4)
    3.2026
    """
    with precision(dps):
        mnu = to_mpf(m_nu_ev, "m_nu_ev")
        if mnu < 0:
            raise ValueError(f"m_nu_ev must be non-negative, got {m_nu_ev!r}")
        gf_ev = FERMI_CONSTANT.mpf() * mpmath.mpf(10) ** -18  # GeV^-2 -> eV^-2
        me_ev = ELECTRON_MASS.mpf() * 1000
        return 3 * gf_ev * me_ev * mnu / (4 * mpmath.sqrt(2) * mpmath.pi**2)


def neutrino_mass_for_moment(mu_over_mu_b: object, *, dps: int = 30) -> mpmath.mpf:
    """The neutrino mass (eV) whose Fujikawa-Shrock moment equals ``mu_over_mu_b``.

    >>> round(float(neutrino_mass_for_moment("1e-20")), 5)
    0.03122
    """
    with precision(dps):
        target = to_mpf(mu_over_mu_b, "mu_over_mu_b")
        return target / fujikawa_shrock_moment(1, dps=dps)


def minimal_heaviest_neutrino_mass_ev(*, dps: int = 30) -> mpmath.mpf:
    """Lower bound on the heaviest neutrino mass, sqrt(Dm2_32 + Dm2_21) (normal ordering).

    >>> round(float(minimal_heaviest_neutrino_mass_ev()), 4)
    0.0503
    """
    with precision(dps):
        return mpmath.sqrt(DELTA_M2_32.mpf() + DELTA_M2_21.mpf())


# --------------------------------------------------------------------------------------------
# numeric spinor machinery and helpers (private)
# --------------------------------------------------------------------------------------------
def _exact(x: object, name: str) -> sp.Expr:
    """A number as an exact sympy Rational (floats/strings by their decimal text); symbols pass."""
    if isinstance(x, sp.Basic):
        return x
    if isinstance(x, bool):  # house rule: bad input is a ValueError naming the argument
        raise ValueError(f"{name} must be a number, got {x!r}")
    if isinstance(x, Fraction):
        return sp.Rational(x.numerator, x.denominator)
    if isinstance(x, int | float | str | mpmath.mpf):
        try:
            return sp.Rational(str(x))
        except (TypeError, ValueError, SyntaxError) as exc:
            raise ValueError(f"{name} must be a number, got {x!r}") from exc
    raise ValueError(f"{name} must be a number, got {x!r}")


def _kinematic_args(E_nu: object, T_kin: object, m_e: object) -> tuple[mpmath.mpf, ...]:
    En, t, me = to_mpf(E_nu, "E_nu"), to_mpf(T_kin, "T_kin"), to_mpf(m_e, "m_e")
    if me <= 0:
        raise ValueError(f"m_e must be positive, got {m_e!r}")
    if En <= 0:
        raise ValueError(f"E_nu must be positive, got {E_nu!r}")
    if not 0 < t < 2 * En**2 / (me + 2 * En):
        raise ValueError(f"T_kin must lie in (0, 2E^2/(m+2E)), got {T_kin!r}")
    return En, t, me


def _lab_frame_numeric(
    En: mpmath.mpf, t: mpmath.mpf, me: mpmath.mpf
) -> tuple[list[mpmath.mpf], ...]:
    Ep = En - t
    c = 1 - me * t / (En * Ep)
    s = mpmath.sqrt(1 - c**2)
    k = [En, mpmath.mpf(0), mpmath.mpf(0), En]
    kp = [Ep, Ep * s, mpmath.mpf(0), Ep * c]
    p = [me, mpmath.mpf(0), mpmath.mpf(0), mpmath.mpf(0)]
    pp = [k[i] + p[i] - kp[i] for i in range(4)]
    return k, kp, p, pp


def _gammas_numeric() -> list[mpmath.matrix]:
    out = []
    for mat in dirac_matrices():
        out.append(mpmath.matrix([[complex(mat[i, j]) for j in range(4)] for i in range(4)]))
    return out


def _pauli_dot(v: Sequence[mpmath.mpf]) -> mpmath.matrix:
    x, y, z = v
    return mpmath.matrix([[z, mpmath.mpc(x, -y)], [mpmath.mpc(x, y), -z]])


def _spinors(p: Sequence[mpmath.mpf], mass: object, *, anti: bool = False) -> list[mpmath.matrix]:
    """u(p, chi) (or v(p, eta)) for the two basis two-spinors; normalization ubar u = 2m."""
    en = p[0]
    mass_ = mpmath.mpf(mass)
    sp_ = _pauli_dot(p[1:])
    out = []
    for chi in (mpmath.matrix([[1], [0]]), mpmath.matrix([[0], [1]])):
        big = chi * mpmath.sqrt(en + mass_)
        small = sp_ * chi / mpmath.sqrt(en + mass_)
        top, bottom = (small, big) if anti else (big, small)
        out.append(mpmath.matrix([[top[0]], [top[1]], [bottom[0]], [bottom[1]]]))
    return out


def _bar(spinor: mpmath.matrix, g: list[mpmath.matrix]) -> mpmath.matrix:
    return spinor.H * g[0]
