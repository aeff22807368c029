"""Photoabsorption and the dipole limit (Eqs. (6), (7), (13)); hydrogen as the worked model.

Hydrogen-like 1s atom in atomic units (hbar = m = e = 1, c = 1/alpha; energies in
hartree, areas in a0^2). ``D(T) = sum_n |<n|x|0>|^2 delta(T - E_n + E_0)`` is the
dipole strength density per unit energy; the photoabsorption cross section is
``sigma = 4 pi^2 alpha T D(T)`` (:func:`photoabsorption_coefficient`).

Routes to D(T) that share no code:

- :func:`hydrogen_dipole_density`: closed form (Stobbe 1930);
- :func:`hydrogen_dipole_density_numeric`: the radial integral of the 1s orbital
  against energy-normalized Coulomb waves (mpmath ``coulombf``), by quadrature.

>>> round(float(hydrogen_photo_cross_section(0.5, unit="cm2")) * 1e18, 3)
6.304
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import mpmath
import sympy as sp

from sumrules.core.numeric import Quadrature, is_count, precision, quad, validate_dps
from sumrules.data.constants import ALPHA, GE_SIGMA_T2_PEAK, GE_Z
from sumrules.data.units import (
    barn_kev2_to_natural,
    bohr2_to_cm2,
    hartree_to_kev,
    inverse_kev2_to_cm2,
    to_mpf,
)

__all__ = [
    "LowQFraction",
    "bound_dipole_squared",
    "continuum_oscillator_strength",
    "delta_mu_hydrogen",
    "delta_mu_hydrogen_natural",
    "discrete_oscillator_strength_sum",
    "form_factor_squared_from_wavefunctions",
    "germanium_low_q_fraction",
    "hydrogen_dipole_density",
    "hydrogen_dipole_density_numeric",
    "hydrogen_photo_cross_section",
    "low_q_fraction",
    "low_q_fraction_derivation",
    "oscillator_strength",
    "photoabsorption_coefficient",
    "photon_point_relation",
    "threshold_cross_section",
]

Unit = Literal["au", "cm2"]
_r = sp.Symbol("r", positive=True)
_q = sp.Symbol("q", positive=True)


# --------------------------------------------------------------------------------------------
# Hydrogen: continuum dipole strength and photoionization
# --------------------------------------------------------------------------------------------
def _check_z(Z: object) -> int:
    if isinstance(Z, bool) or not isinstance(Z, int) or Z < 1:
        raise ValueError(f"Z must be a positive integer, got {Z!r}")
    return Z


def _energy(T: object) -> mpmath.mpf:
    t = to_mpf(T, "T")
    if t <= 0:
        raise ValueError(f"T must be positive, got {T!r}")
    return t


def hydrogen_dipole_density(T: object, *, Z: int = 1, dps: int = 30) -> mpmath.mpf:
    """D(T) for the 1s state of a hydrogen-like ion, closed form; 0 below threshold.

    With k = sqrt(2T - 1) (Z = 1):
    D = 2^8 exp(-4 atan(k)/k) / (3 (1 + k^2)^5 (1 - exp(-2 pi/k))); D_Z(T) = Z^-4 D_1(T/Z^2).

    >>> round(float(hydrogen_dipole_density(0.5)), 6)  # 2^8 e^-4 / 3
    1.562935
    """
    z = _check_z(Z)
    validate_dps(dps)
    with precision(dps):
        t = _energy(T) / z**2
        k2 = 2 * t - 1
        if k2 < 0:
            return mpmath.mpf(0)
        if k2 == 0:
            return 2**8 * mpmath.exp(-4) / 3 / z**4
        k = mpmath.sqrt(k2)
        val = 2**8 * mpmath.exp(-4 * mpmath.atan(k) / k)
        val /= 3 * (1 + k2) ** 5 * (-mpmath.expm1(-2 * mpmath.pi / k))
        return val / z**4


def hydrogen_dipole_density_numeric(T: object, *, Z: int = 1, dps: int = 30) -> Quadrature:
    """D(T) = (1/3) |int u_E(r) r u_1s(r) dr|^2 with Coulomb waves, by quadrature.

    u_1s = 2 Z^{3/2} r e^{-Z r}; u_E = sqrt(2/(pi k)) F_1(-Z/k, k r), normalized to
    delta(E - E'). Reliable for k = sqrt(2T - Z^2) >~ 0.1 Z (mpmath's Coulomb functions
    converge slowly very near threshold). Raises ValueError below threshold.
    """
    z = _check_z(Z)
    validate_dps(dps)
    with precision(dps + 10):
        t = _energy(T)
        k2 = 2 * t - z**2
        if k2 <= 0:
            raise ValueError(f"T must be above the ionization threshold Z^2/2, got {T!r}")
        k = mpmath.sqrt(k2)
        eta = -mpmath.mpf(z) / k
        norm = mpmath.sqrt(2 / (mpmath.pi * k)) * 2 * mpmath.mpf(z) ** 1.5

        def f(r: mpmath.mpf) -> mpmath.mpf:
            return norm * mpmath.coulombf(1, eta, k * r) * r * r * mpmath.exp(-z * r)

        pts = [mpmath.mpf(0)] + [mpmath.mpf(x) / z for x in (1, 5, 20, 60)] + [mpmath.inf]
        radial = quad(f, pts, dps + 5)
        value = radial.value**2 / 3
        error = 2 * abs(radial.value * radial.error) / 3
    return Quadrature(value, error, dps)


def photoabsorption_coefficient(convention: Literal["gaussian", "heaviside-lorentz"]) -> sp.Expr:
    """Derive sigma_gamma / (omega |d_x|^2 delta) from the golden rule: 4 pi^2 alpha omega.

    One photon of frequency omega in volume V, A = a eps e^{-i omega t} + c.c., energy
    V <E^2 + B^2>/(8 pi) (Gaussian) or V <E^2 + B^2>/2 (Heaviside-Lorentz) equal to omega;
    H' = -e E.r; rate 2 pi |<n|H'|0>|^2 delta; flux 1/V (c = 1).

    >>> photoabsorption_coefficient("gaussian")
    4*pi**2*alpha*omega
    >>> photoabsorption_coefficient("heaviside-lorentz")
    4*pi**2*alpha*omega
    """
    alpha, omega, vol, a2 = sp.symbols("alpha omega V a2", positive=True)
    mean_e2_plus_b2 = 2 * omega**2 * a2 + 2 * omega**2 * a2  # time averages of E^2 and B^2
    if convention == "gaussian":
        energy, charge2 = vol * mean_e2_plus_b2 / (8 * sp.pi), alpha
    elif convention == "heaviside-lorentz":
        energy, charge2 = vol * mean_e2_plus_b2 / 2, 4 * sp.pi * alpha
    else:
        raise ValueError(
            f"convention must be 'gaussian' or 'heaviside-lorentz', got {convention!r}"
        )
    a2_val = sp.solve(sp.Eq(energy, omega), a2)[0]
    rate = 2 * sp.pi * charge2 * omega**2 * a2_val  # x |d_x|^2 delta(E_n - E_0 - omega)
    return sp.simplify(rate / (1 / vol))


def hydrogen_photo_cross_section(
    T: object, *, Z: int = 1, unit: Unit = "au", dps: int = 30
) -> mpmath.mpf:
    """Photoionization cross section of hydrogen-like 1s at photon energy T (hartree).

    sigma = 4 pi^2 alpha T D(T), in a0^2 (``unit="au"``) or cm^2 (``unit="cm2"``); 0 below
    threshold. Equal to Stobbe's formula
    (2^9 pi^2 alpha/3) a0^2 (I/T)^4 exp(-4 atan(k)/k)/(1 - e^{-2 pi/k}) for Z = 1.

    >>> round(float(hydrogen_photo_cross_section(0.5)), 5)
    0.22513
    """
    if unit not in ("au", "cm2"):
        raise ValueError(f"unit must be 'au' or 'cm2', got {unit!r}")
    with precision(dps):
        t = _energy(T)
        sigma = 4 * mpmath.pi**2 * ALPHA.mpf() * t * hydrogen_dipole_density(t, Z=Z, dps=dps)
        return bohr2_to_cm2(sigma, dps=dps) if unit == "cm2" else sigma


def threshold_cross_section(*, unit: Unit = "au", dps: int = 30) -> mpmath.mpf:
    """Stobbe's threshold value 2^9 pi^2 alpha e^-4 / 3 a0^2 (about 6.30e-18 cm^2), directly.

    >>> round(float(threshold_cross_section(unit="cm2")) * 1e18, 3)
    6.304
    """
    if unit not in ("au", "cm2"):
        raise ValueError(f"unit must be 'au' or 'cm2', got {unit!r}")
    with precision(dps):
        val = 2**9 * mpmath.pi**2 * ALPHA.mpf() * mpmath.exp(-4) / 3
        return bohr2_to_cm2(val, dps=dps) if unit == "cm2" else val


# --------------------------------------------------------------------------------------------
# Hydrogen: bound states, exact
# --------------------------------------------------------------------------------------------
def _radial_poly(n: int, l: int) -> sp.Expr:
    """R_nl(r) e^{r/n} (a polynomial times r^l), Z = 1."""
    from sympy.physics.hydrogen import R_nl

    return sp.expand(sp.simplify(R_nl(n, l, _r, 1) * sp.exp(_r / n)))


def _laplace_monomials(poly: sp.Expr, a: sp.Expr, kernel: str) -> sp.Expr:
    """int_0^inf poly(r) e^{-a r} K(q r) dr for K = 1, sin, cos; poly a Laurent polynomial.

    Term by term: int r^p e^{-a r} e^{+-i q r} dr = p!/(a -+ i q)^{p+1} (p >= 0 required).
    """
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(poly)):
        coeff, power = term.as_coeff_exponent(_r)
        if coeff.has(_r) or not power.is_integer or power < 0:
            raise AssertionError(f"not a monomial in r with power >= 0: {term}")
        p = int(power)
        plus = sp.factorial(p) / (a - sp.I * _q) ** (p + 1)
        minus = sp.factorial(p) / (a + sp.I * _q) ** (p + 1)
        if kernel == "1":
            val = sp.factorial(p) / a ** (p + 1)
        elif kernel == "sin":
            val = (plus - minus) / (2 * sp.I)
        elif kernel == "cos":
            val = (plus + minus) / 2
        else:  # pragma: no cover - internal
            raise AssertionError(kernel)
        total += coeff * val
    return total


@functools.cache
def bound_dipole_squared(n: int) -> sp.Rational:
    """sum_m |<n p m| z |1s>|^2 = (1/3) (int R_n1 R_10 r^3 dr)^2, exact (hydrogen, Z = 1).

    >>> bound_dipole_squared(2)
    32768/59049
    """
    if not is_count(n, 2):
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    poly = _radial_poly(n, 1) * _radial_poly(1, 0) * _r**3
    radial = _laplace_monomials(poly, 1 + sp.Rational(1, n), "1")
    return sp.nsimplify(sp.simplify(radial**2 / 3))


def oscillator_strength(n: int) -> sp.Rational:
    """Textbook 1s -> np absorption oscillator strength 2^8 n^5 (n-1)^{2n-4} / (3 (n+1)^{2n+4}).

    >>> float(oscillator_strength(2))
    0.4161967179799827
    """
    if not is_count(n, 2):
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    return sp.Rational(2**8 * n**5 * (n - 1) ** (2 * n - 4), 3 * (n + 1) ** (2 * n + 4))


@functools.cache
def form_factor_squared_from_wavefunctions(n: int) -> sp.Expr:
    """sum_{l,m} |<n l m| e^{i q z} |1s>|^2 as an exact function of q (symbol ``q``).

    Partial waves: e^{iqz} = sum_l i^l (2l+1) j_l(qr) P_l(cos theta), so the sum is
    sum_l (2l+1) (int R_nl R_10 j_l(qr) r^2 dr)^2; integrals by Laplace transforms.
    """
    if not is_count(n, 2):
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    x = sp.Symbol("x", positive=True)
    a = 1 + sp.Rational(1, n)
    total = sp.Integer(0)
    for l in range(n):
        jl = sp.expand(sp.expand_func(sp.jn(l, x)))
        sin_part = jl.coeff(sp.sin(x)).subs(x, _q * _r)
        cos_part = jl.coeff(sp.cos(x)).subs(x, _q * _r)
        base = _radial_poly(n, l) * _radial_poly(1, 0) * _r**2
        radial = _laplace_monomials(base * sin_part, a, "sin")
        radial += _laplace_monomials(base * cos_part, a, "cos")
        total += (2 * l + 1) * sp.simplify(radial) ** 2
    return sp.factor(sp.simplify(total))


def discrete_oscillator_strength_sum(*, dps: int = 30) -> mpmath.mpf:
    """sum_{n >= 2} f(1s -> np) (about 0.5650), by mpmath.nsum of the closed form."""
    with precision(dps):

        def f(n: mpmath.mpf) -> mpmath.mpf:
            return 2**8 * n**5 * (n - 1) ** (2 * n - 4) / (3 * (n + 1) ** (2 * n + 4))

        return mpmath.nsum(f, [2, mpmath.inf])


def continuum_oscillator_strength(*, Z: int = 1, dps: int = 30) -> Quadrature:
    """int 2 T D(T) dT over the continuum (about 0.4350 for any Z), in the variable k."""
    z = _check_z(Z)

    def f(k: mpmath.mpf) -> mpmath.mpf:
        t = (z**2 + k**2) / 2
        return 2 * t * hydrogen_dipole_density(t, Z=z, dps=dps + 5) * k  # dT = k dk

    return quad(f, [0, z, 4 * z, mpmath.inf], dps)


# --------------------------------------------------------------------------------------------
# Eqs. (7) and (13): algebra and numbers
# --------------------------------------------------------------------------------------------
def photon_point_relation(convention: Literal["gaussian", "heaviside-lorentz"]) -> sp.Expr:
    """Eq. (6) at Q^2 = T^2 rewritten with sigma_gamma: the coefficient c in c mu^2 sigma/T.

    Eq. (6) reads K mu^2 D with K = 4 pi alpha (Gaussian mu) or alpha (Heaviside-Lorentz
    mu); with D = sigma/(4 pi^2 alpha T): c = 1/pi (printed, Eq. (7)) or 1/(4 pi^2).

    >>> photon_point_relation("gaussian")
    1/pi
    """
    alpha, mu_, sigma, t = sp.symbols("alpha mu sigma T", positive=True)
    if convention == "gaussian":
        k = 4 * sp.pi * alpha
    elif convention == "heaviside-lorentz":
        k = alpha
    else:
        raise ValueError(
            f"convention must be 'gaussian' or 'heaviside-lorentz', got {convention!r}"
        )
    omega = sp.Symbol("omega", positive=True)
    d_of_sigma = sigma / photoabsorption_coefficient(convention).subs(omega, t)
    return sp.simplify(k * mu_**2 * d_of_sigma / (mu_**2 * sigma / t))


def low_q_fraction_derivation() -> sp.Expr:
    """Eq. (13) from Eqs. (6)-(8): delta = (T/Z) int_0^{T^2} S dQ^2/Q^2 with S = Q^2 D.

    Then D = sigma/(4 pi^2 alpha T) gives sigma T^2 / (4 pi^2 alpha Z).

    >>> low_q_fraction_derivation()
    T**2*sigma/(4*pi**2*Z*alpha)
    """
    sigma, t, z, q2, d = sp.symbols("sigma T Z Q2 D", positive=True)
    omega = sp.Symbol("omega", positive=True)
    structure = q2 * d  # dipole limit of (1/pi) Im R
    delta = t / z * sp.integrate(structure / q2, (q2, 0, t**2))
    d_val = sigma / photoabsorption_coefficient("gaussian").subs(omega, t)
    return sp.simplify(delta.subs(d, d_val))


def low_q_fraction(sigma_t2: object, electrons: object, *, dps: int = 30) -> mpmath.mpf:
    """delta = sigma T^2 / (4 pi^2 alpha Z) for a dimensionless (natural-unit) sigma T^2.

    >>> round(float(low_q_fraction("6e-3", 32)) * 1e4, 3)
    6.508
    """
    with precision(dps):
        x = to_mpf(sigma_t2, "sigma_t2")
        z = to_mpf(electrons, "electrons")
        if z <= 0:
            raise ValueError(f"electrons must be positive, got {electrons!r}")
        return x / (4 * mpmath.pi**2 * ALPHA.mpf() * z)


@dataclass(frozen=True)
class LowQFraction:
    """The Ge estimate of Eq. (13) from the paper's printed input."""

    sigma_t2_barn_kev2: mpmath.mpf
    sigma_t2_natural: mpmath.mpf
    electrons: int
    delta: mpmath.mpf


def germanium_low_q_fraction(*, dps: int = 30) -> LowQFraction:
    """2.5e6 barn keV^2 in natural units (printed "about 6e-3") and delta for Z = 32.

    >>> g = germanium_low_q_fraction()
    >>> round(float(g.sigma_t2_natural), 5), round(float(g.delta) * 1e3, 4)
    (0.00642, 0.6965)
    """
    with precision(dps):
        raw = GE_SIGMA_T2_PEAK.mpf()
        natural = barn_kev2_to_natural(raw, dps=dps)
        z = int(GE_Z.value)
        return LowQFraction(raw, natural, z, low_q_fraction(natural, z, dps=dps))


def delta_mu_hydrogen(T: object, *, Z: int = 1, dps: int = 30) -> mpmath.mpf:
    """Eq. (13) for a hydrogen-like 1s (one electron): alpha sigma_au T^2 / (4 pi^2), T in hartree.

    Atomic units: sigma T^2/(hbar c)^2 = alpha^2 sigma_au T_au^2, so
    delta = alpha sigma_au T^2/(4 pi^2) = alpha^2 T^3 D(T).

    >>> round(float(delta_mu_hydrogen(0.5)) * 1e5, 4)
    1.0404
    """
    with precision(dps):
        t = _energy(T)
        sigma = hydrogen_photo_cross_section(t, Z=Z, dps=dps)
        return ALPHA.mpf() * sigma * t**2 / (4 * mpmath.pi**2)


def delta_mu_hydrogen_natural(T: object, *, Z: int = 1, dps: int = 30) -> mpmath.mpf:
    """The same delta by the unit route: sigma in cm^2, T in keV, (hbar c)^2 from the SI."""
    with precision(dps):
        t = _energy(T)
        sigma_cm2 = hydrogen_photo_cross_section(t, Z=Z, unit="cm2", dps=dps)
        t_kev = hartree_to_kev(t, dps=dps)
        sigma_t2 = sigma_cm2 * t_kev**2 / inverse_kev2_to_cm2(1, dps=dps)
        return low_q_fraction(sigma_t2, 1, dps=dps)
