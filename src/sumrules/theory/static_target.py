"""The weak interaction on an infinitely heavy (static) target: the coefficient of Eq. (14).

d²σ_EW/dT dQ² = C · S(T, Q²) with S = (1/π) Im R the structure function of the target. The
coefficient C follows from the V−A traces (:func:`static_weak_coefficient`, exact in E and T);
at leading order in T/E and Q²/E² it is constant in Q² (weight Q⁰) and equals
(G_F²/2π)(g_V² + g_A²) (:func:`leading_weak_coefficient`). On a free electron,
S = δ(T − Q²/2m), the same C gives the free cross section dσ/dT = 2m C, which is the
Vogel–Engel formula at T/E → 0 (:func:`vogel_engel_low_T`).

>>> leading_weak_coefficient() - leading_weak_coefficient(antineutrino=True)
0
>>> sp.simplify(2 * m * leading_weak_coefficient() - vogel_engel_low_T())
0
"""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from sumrules.core.numeric import precision
from sumrules.theory.scattering import (
    G_F,
    Q2,
    SIN2_W,
    E,
    T,
    dirac_matrices,
    electroweak_couplings,
    g_A,
    g_V,
    integrate_free_response_numeric,
    m,
    slash,
    static_target_phase_space,
    vogel_engel_dsigma_dT,
)

__all__ = [
    "free_response_numeric",
    "leading_weak_coefficient",
    "static_weak_coefficient",
    "static_weak_leading",
    "vogel_engel_low_T",
]


@functools.cache
def static_weak_coefficient(*, axial: bool = True) -> sp.Expr:
    """C with d²σ_EW/dTdQ² = C · S(T, Q²) on an infinitely heavy target, exact in E, T.

    Four-fermion interaction −(G_F/√2)[ν̄γ^a(1 − γ5)ν][ēγ_a(g_V − g_Aγ5)e]; the electron in
    the nonrelativistic limit couples through g_V ρ (time component) and g_A σ (spin), the
    atom unpolarised: W^{00} = g_V² S, W^{ij} = g_A² δ^{ij} S. ``axial=False`` drops the
    g_A term (a negative control). Cached (a sympy trace computation).

    >>> sp.factor(sp.limit(sp.limit(static_weak_coefficient(), E, sp.oo), T, 0))
    G_F**2*(g_A**2 + g_V**2)/(2*pi)
    """
    g = dirac_matrices()
    chir = sp.eye(4) - g[4]
    kx, kz = sp.symbols("k_x k_z", real=True)
    q_abs = sp.sqrt(Q2)
    k = [E, kx, 0, kz]
    kp = [E - T, kx, 0, kz - q_abs]

    def lepton(a: int) -> sp.Expr:
        return (slash(kp) * g[a] * chir * slash(k) * g[a] * chir).trace()

    tensor = g_V**2 * lepton(0) + (g_A**2 * sum(lepton(i) for i in (1, 2, 3)) if axial else 0)
    kz_val = (E**2 + Q2 - (E - T) ** 2) / (2 * q_abs)  # from |k − q| = E − T
    expr = sp.expand(sp.expand(tensor).subs(kx**2, E**2 - kz**2))
    expr = sp.expand(expr.subs(kz, kz_val))
    return sp.factor(G_F**2 / 2 * expr * static_target_phase_space())


@functools.cache
def static_weak_leading(*, axial: bool = True) -> sp.Expr:
    """The leading order of :func:`static_weak_coefficient` (E → ∞, then T → 0), in g_V, g_A.

    >>> static_weak_leading(axial=False)
    G_F**2*g_V**2/(2*pi)
    """
    return sp.limit(sp.limit(static_weak_coefficient(axial=axial), E, sp.oo), T, 0)


def leading_weak_coefficient(*, antineutrino: bool = False, axial: bool = True) -> sp.Expr:
    """The leading static-target coefficient for ν_e (or anti-ν_e) e scattering, in sin²θ_W.

    >>> sp.expand(leading_weak_coefficient() * 4 * sp.pi / G_F**2)
    8*s_W^2**2 + 4*s_W^2 + 1
    """
    gv, ga = electroweak_couplings(SIN2_W, flavor="e", antineutrino=antineutrino)
    return sp.expand(static_weak_leading(axial=axial).subs({g_V: gv, g_A: ga}))


def vogel_engel_low_T(*, antineutrino: bool = False) -> sp.Expr:
    """dσ/dT on a free electron at rest (Vogel & Engel 1989) at T/E → 0, ν_e or anti-ν_e.

    >>> sp.factor(vogel_engel_low_T())
    G_F**2*m*(8*s_W^2**2 + 4*s_W^2 + 1)/(2*pi)
    """
    gv, ga = electroweak_couplings(SIN2_W, flavor="e", antineutrino=antineutrino)
    return sp.expand(sp.limit(vogel_engel_dsigma_dT(gv, ga), E, sp.oo))


def free_response_numeric(
    coefficient: sp.Expr, values: dict[sp.Symbol, object], *, width: object = "5e-4", dps: int = 30
) -> mpmath.mpf:
    """∫ C δ(T − Q²/2m) dQ² with δ a normalised Gaussian of the given width in T (a nascent δ),
    at the numbers ``values`` for the symbols (T and m among them): an independent route to
    :func:`~sumrules.theory.scattering.integrate_free_response`.

    >>> from sumrules.theory.scattering import integrate_free_response
    >>> v = free_response_numeric(G_F**2 * Q2, {G_F: 1, T: 1, m: 1}, dps=20)
    >>> exact = integrate_free_response(G_F**2 * Q2).subs({G_F: 1, T: 1, m: 1})
    >>> abs(v - exact) < 1e-6
    True
    """
    with precision(dps + 5):
        f = sp.lambdify(Q2, sp.sympify(coefficient).subs(values), "mpmath")
    return integrate_free_response_numeric(
        lambda q2: mpmath.mpf(f(q2)), values[T], values[m], width=width, dps=dps
    )
