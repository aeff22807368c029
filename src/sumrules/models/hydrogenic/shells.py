"""Independent-electron atoms built from hydrogenic s orbitals: density and form factor.

A model atom is a list of filled s shells (n, Z_eff, occupancy) around a nucleus of charge Z
(atomic units). Its one-body density n(r) = Σ occ |R_n0(r; Z_eff)|²/(4π) is spherical, and the
ground-state expectation of the density operator of Eq. (4), ρ(q) = Σ_a exp(iq·r_a), is the
Fourier transform of n: F(q) = ⟨0|ρ(q)|0⟩ = ∫ d³r e^{iq·r} n(r). Three routes:

* closed forms per shell: 1s, 16Z⁴/(4Z² + q²)² (:func:`~sumrules.models.hydrogenic.ground.
  elastic_form_factor`); 2s, (1 − 3x² + 2x⁴)/(1 + x²)⁴ with x = q/Z_eff;
* sympy: the radial Fourier integral of the density (:func:`sumrules.theory.fourier.radial_fourier`);
* mpmath: the same integral by quadrature.

>>> electron_count(HELIUM), electron_number(HELIUM)
(2, 2)
>>> form_factor(HYDROGEN, 2)
1/4
>>> print(mpmath.nstr(form_factor_closed(LITHIUM, 1, dps=20), 15))
1.85790528561094
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import mpmath
import sympy as sp
from sympy.physics.hydrogen import R_nl

from sumrules.core.numeric import precision
from sumrules.models.hydrogenic.ground import elastic_form_factor
from sumrules.theory.fourier import (
    angular_average,
    exponential_integral,
    radial_fourier,
    radial_fourier_numeric,
)

__all__ = [
    "HELIUM",
    "HYDROGEN",
    "LITHIUM",
    "MODEL_ATOMS",
    "QR",
    "Shell",
    "ShellAtom",
    "density",
    "electron_count",
    "electron_number",
    "electron_number_numeric",
    "form_factor",
    "form_factor_closed",
    "form_factor_numeric",
    "plane_wave_expectation",
]

_R = sp.Symbol("r", positive=True)
_Q = sp.Symbol("q", positive=True)
_C = sp.Symbol("c", real=True)  # cosine of the angle between q and r
#: the scalar product q·r_a in a printed summand (see :func:`plane_wave_expectation`)
QR = sp.Symbol(r"\vec{q}\cdot\vec{r}_a", real=True)


@dataclass(frozen=True)
class Shell:
    """A filled s shell: principal number n (1 or 2), screened charge Z_eff, electrons in it."""

    n: int
    z_eff: sp.Rational
    occupancy: int

    def __post_init__(self) -> None:
        if self.n not in (1, 2):
            raise ValueError(f"only 1s and 2s shells are modelled, got n = {self.n!r}")
        if not 1 <= self.occupancy <= 2:
            raise ValueError(f"an s shell holds 1 or 2 electrons, got {self.occupancy!r}")


@dataclass(frozen=True)
class ShellAtom:
    """A neutral model atom: nuclear charge Z and its occupied s shells."""

    name: str
    Z: int
    shells: tuple[Shell, ...]


HYDROGEN = ShellAtom("hydrogen 1s", 1, (Shell(1, sp.Integer(1), 1),))
#: variational 1s² with Z_eff = Z − 5/16
HELIUM = ShellAtom("helium 1s² (Z_eff = 27/16)", 2, (Shell(1, sp.Rational(27, 16), 2),))
#: Slater's screening: 1s² with 27/10, 2s with 13/10
LITHIUM = ShellAtom(
    "lithium 1s²2s (Slater)",
    3,
    (Shell(1, sp.Rational(27, 10), 2), Shell(2, sp.Rational(13, 10), 1)),
)
MODEL_ATOMS = (HYDROGEN, HELIUM, LITHIUM)


def density(atom: ShellAtom, r: sp.Expr = _R) -> sp.Expr:
    """n(r) = Σ occ R_n0(r)²/(4π), electrons per bohr³ (sympy)."""
    return sp.Add(*[s.occupancy * R_nl(s.n, 0, r, s.z_eff) ** 2 / (4 * sp.pi) for s in atom.shells])


def electron_count(atom: ShellAtom) -> int:
    """ρ(0) = Σ_a exp(0) counted term by term: one per electron (enumeration of the shells)."""
    return sum(s.occupancy for s in atom.shells)


@cache
def electron_number(atom: ShellAtom) -> sp.Expr:
    """∫ n(r) d³r (sympy)."""
    return sp.simplify(sp.integrate(4 * sp.pi * _R**2 * density(atom), (_R, 0, sp.oo)))


def _density_numeric(atom: ShellAtom) -> Callable[[mpmath.mpf], mpmath.mpf]:
    return sp.lambdify(_R, density(atom), "mpmath")


def electron_number_numeric(atom: ShellAtom, *, dps: int = 30) -> mpmath.mpf:
    """∫ n(r) d³r by quadrature (mpmath)."""
    return radial_fourier_numeric(_density_numeric(atom), 0, dps=dps)


@cache
def _shell_transform(shell: Shell) -> sp.Expr:
    density_1 = R_nl(shell.n, 0, _R, shell.z_eff) ** 2 / (4 * sp.pi)
    return sp.factor(radial_fourier(density_1, _R, _Q))


def form_factor(atom: ShellAtom, q: object) -> sp.Expr:
    """F(q) = ∫ d³r e^{iq·r} n(r), exact (sympy radial Fourier integral, shell by shell)."""
    total = sp.Add(*[s.occupancy * _shell_transform(s) for s in atom.shells])
    return sp.cancel(total.subs(_Q, sp.sympify(q)))


def _shell_closed(shell: Shell, q: mpmath.mpf, dps: int) -> mpmath.mpf:
    z = mpmath.mpf(sp.Rational(shell.z_eff).p) / sp.Rational(shell.z_eff).q
    if shell.n == 1:
        return elastic_form_factor(q, Z=z, dps=dps)
    x2 = (q / z) ** 2
    return (1 - 3 * x2 + 2 * x2**2) / (1 + x2) ** 4


def form_factor_closed(atom: ShellAtom, q: object, *, dps: int = 30) -> mpmath.mpf:
    """F(q) from the closed forms of the 1s and 2s shells (mpmath)."""
    with precision(dps + 10):
        q_ = mpmath.mpf(sp.Rational(sp.sympify(q)).p) / sp.Rational(sp.sympify(q)).q
        value = mpmath.fsum(s.occupancy * _shell_closed(s, q_, dps + 10) for s in atom.shells)
    with precision(dps):
        return +value


def form_factor_numeric(atom: ShellAtom, q: object, *, dps: int = 30) -> mpmath.mpf:
    """F(q) by quadrature of the density (mpmath)."""
    with precision(dps + 10):
        q_ = mpmath.mpf(sp.Rational(sp.sympify(q)).p) / sp.Rational(sp.sympify(q)).q
    return radial_fourier_numeric(_density_numeric(atom), q_, dps=dps)


@cache
def _shell_expectation(shell: Shell, summand: sp.Expr) -> sp.Expr:
    angular = angular_average(summand.subs(QR, _Q * _R * _C), _C)
    radial = 4 * sp.pi * _R**2 * R_nl(shell.n, 0, _R, shell.z_eff) ** 2 / (4 * sp.pi)
    return exponential_integral(radial * angular, _R)


def plane_wave_expectation(atom: ShellAtom, summand: sp.Expr, q: object) -> sp.Expr:
    """⟨0| Σ_a f(q·r_a) |0⟩ for a summand written in :data:`QR` (sympy, exact).

    Each electron is in its shell's orbital, so the sum is Σ_shells occ ∫ d³r |ψ|² f: the angle
    between q and r is averaged explicitly (for symbolic q > 0), then the radial integral is
    done, then q is set.

    >>> plane_wave_expectation(HYDROGEN, sp.exp(sp.I * QR), 2)
    1/4
    """
    q_ = sp.sympify(q)
    if q_ == 0:
        terms = [
            s.occupancy
            * sp.integrate(
                4
                * sp.pi
                * _R**2
                * R_nl(s.n, 0, _R, s.z_eff) ** 2
                / (4 * sp.pi)
                * summand.subs(QR, 0),
                (_R, 0, sp.oo),
            )
            for s in atom.shells
        ]
        return sp.simplify(sp.Add(*terms))
    total = sp.Add(*[s.occupancy * _shell_expectation(s, summand) for s in atom.shells])
    return sp.cancel(sp.expand(total.subs(_Q, q_)))
