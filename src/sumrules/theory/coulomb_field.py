"""The Coulomb potential of the atomic electrons in the two unit conventions.

Poisson's equation reads −∇²A₀ = g·(charge density) with g = 1 in Heaviside–Lorentz units
(∇·E = ρ, e² = 4πα) and g = 4π in Gaussian units (∇·E = 4πρ, e² = α). For electrons of number
density n(r), whose Fourier transform is ρ(q) of Eq. (4), −∇² → q² gives

    A₀(q) = κ ρ(q)/q²,   κ = g e:   √(4πα) (Heaviside–Lorentz),  4π√α (Gaussian).

The coefficient κ is obtained here by four routes that share no code: the Laplacian of a plane
wave (closed form), sympy's Fourier transform of the potential g e/(4πr) of a point charge
(symbolic), the numeric Fourier transform of the potential of a neutral hydrogen-like atom
obtained by Gauss's law (quadrature), and the requirement that two electrons at distance r
interact with the energy α/r in either convention (units). The sign of the electron charge is
left out, as in the paper (only |A₀|² enters the cross section).

>>> [coulomb_coefficient(c) for c in CONVENTIONS]
[2*sqrt(pi)*sqrt(alpha), 4*pi*sqrt(alpha)]
>>> [coulomb_coefficient_from_energy(c) for c in CONVENTIONS]
[2*sqrt(pi)*sqrt(alpha), 4*pi*sqrt(alpha)]
"""

from __future__ import annotations

from functools import cache

import mpmath
import sympy as sp

from sumrules.core.numeric import precision
from sumrules.theory.fourier import radial_fourier, radial_fourier_numeric
from sumrules.theory.scattering import Convention, unit_charge_squared

__all__ = [
    "CONVENTIONS",
    "coulomb_coefficient",
    "coulomb_coefficient_fourier",
    "coulomb_coefficient_from_energy",
    "coulomb_coefficient_numeric",
    "elementary_charge",
    "gauss_law_factor",
    "laplacian_of_plane_wave",
    "neutral_atom_potential",
    "point_charge_potential",
]

CONVENTIONS: tuple[Convention, ...] = ("heaviside-lorentz", "gaussian")
_ALPHA = sp.Symbol("alpha", positive=True)
_R = sp.Symbol("r", positive=True)
_S = sp.Symbol("s", positive=True)
_Q = sp.Symbol("q", positive=True)


def elementary_charge(convention: Convention) -> sp.Expr:
    """e = √(e²): √(4πα) (Heaviside–Lorentz) or √α (Gaussian).

    >>> elementary_charge("gaussian")
    sqrt(alpha)
    """
    return sp.sqrt(unit_charge_squared(convention))


def gauss_law_factor(convention: Convention) -> sp.Expr:
    """g in ∇·E = g ρ_charge: 1 (Heaviside–Lorentz, rationalized) or 4π (Gaussian).

    >>> gauss_law_factor("gaussian")
    4*pi
    """
    if convention == "heaviside-lorentz":
        return sp.Integer(1)
    if convention == "gaussian":
        return 4 * sp.pi
    raise ValueError(f"convention must be 'heaviside-lorentz' or 'gaussian', got {convention!r}")


@cache
def laplacian_of_plane_wave() -> sp.Expr:
    """−∇² e^{iq·r} / e^{iq·r} in Cartesian coordinates (sympy): q².

    >>> laplacian_of_plane_wave()
    q_x**2 + q_y**2 + q_z**2
    """
    xs = sp.symbols("x y z", real=True)
    qs = sp.symbols("q_x q_y q_z", real=True)
    wave = sp.exp(sp.I * sum(a * b for a, b in zip(qs, xs, strict=True)))
    return sp.expand(sp.simplify(-sum(sp.diff(wave, x, 2) for x in xs) / wave))


def coulomb_coefficient(convention: Convention) -> sp.Expr:
    """κ in A₀(q) = κ ρ(q)/q²: Poisson's equation −∇²A₀ = g e n(r) in Fourier space."""
    qs = sp.symbols("q_x q_y q_z", real=True)
    q2 = sum(c**2 for c in qs)
    ratio = sp.simplify(q2 / laplacian_of_plane_wave())  # −∇² acts on e^{iq·r} as q²
    return sp.simplify(gauss_law_factor(convention) * elementary_charge(convention) * ratio)


def point_charge_potential(convention: Convention, r: sp.Expr = _R) -> sp.Expr:
    """The potential of one charge e at distance r: g e/(4πr) (Gauss's law on a sphere)."""
    return gauss_law_factor(convention) * elementary_charge(convention) / (4 * sp.pi * r)


@cache
def coulomb_coefficient_fourier(convention: Convention) -> sp.Expr:
    """κ = q² ∫ d³r e^{iq·r} φ(r) for the point charge's φ (sympy; ρ(q) = 1 for one charge)."""
    transform = radial_fourier(point_charge_potential(convention, _R), _R, _Q, regulated=True)
    return sp.simplify(_Q**2 * transform)


def coulomb_coefficient_from_energy(convention: Convention) -> sp.Expr:
    """κ from the physics: a second electron in the potential κ/(4πr) of the first has the
    energy e κ/(4πr), which must be α/r (ħ = c = 1) in every convention: κ = 4πα/e."""
    return sp.simplify(4 * sp.pi * _ALPHA / elementary_charge(convention))


def neutral_atom_potential(
    convention: Convention, electron_density: sp.Expr, Z: object, r: sp.Symbol = _R
) -> sp.Expr:
    """φ(r) of a nucleus Ze at rest with its electrons −e n(r) around it (∫ n d³r = Z), from
    Gauss's law: φ = (g e/4π)[(Z − N(r))/r − ∫_r^∞ 4πs n(s) ds], N(r) the electrons inside r.

    ``electron_density`` is a sympy expression in ``r``.
    """
    inside, outside = _enclosed_charge(electron_density, r)
    g_e = gauss_law_factor(convention) * elementary_charge(convention)
    return sp.simplify(g_e / (4 * sp.pi) * ((sp.sympify(Z) - inside) / r - outside))


@cache
def _enclosed_charge(electron_density: sp.Expr, r: sp.Symbol) -> tuple[sp.Expr, sp.Expr]:
    """N(r) = ∫_0^r 4πs² n(s) ds and ∫_r^∞ 4πs n(s) ds (sympy; cached: the same density serves
    both conventions)."""
    n_s = electron_density.subs(r, _S)
    inside = sp.integrate(4 * sp.pi * _S**2 * n_s, (_S, 0, r))
    outside = sp.integrate(4 * sp.pi * _S * n_s, (_S, r, sp.oo))
    return inside, outside


@cache
def _density_transform(electron_density: sp.Expr, q: mpmath.mpf, dps: int) -> mpmath.mpf:
    """ρ̃(q) of a sympy density by quadrature (cached: the same in both conventions)."""
    n_num = sp.lambdify(_R, electron_density, "mpmath")
    return radial_fourier_numeric(n_num, q, dps=dps)


@cache
def coulomb_coefficient_numeric(
    convention: Convention, electron_density: sp.Expr, Z: object, q: object, *, dps: int = 30
) -> mpmath.mpf:
    """κ/√α = q² φ̃(q)/[(Z − F(q))√α] with φ̃ and F = ρ̃ the numeric Fourier transforms of the
    neutral atom's potential and of its electron density (mpmath quadrature; cached, a pure
    function of its arguments)."""
    phi = neutral_atom_potential(convention, electron_density, Z, _R) / sp.sqrt(_ALPHA)
    phi_num = sp.lambdify(_R, sp.simplify(phi), "mpmath")
    with precision(dps + 10):
        q_ = mpmath.mpmathify(sp.N(sp.sympify(q), dps + 10))
        phi_q = radial_fourier_numeric(phi_num, q_, dps=dps + 5)
        form = _density_transform(electron_density, q_, dps + 5)
        z = mpmath.mpmathify(sp.N(sp.sympify(Z), dps + 10))
        value = q_**2 * phi_q / (z - form)
    with precision(dps):
        return +value
