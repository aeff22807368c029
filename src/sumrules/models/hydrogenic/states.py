"""Bound hydrogen-like states (n, l): validation, radial functions, energies, momentum tails.

Atomic units (ħ = m = e = 1). Everything is computed at Z = 1 and scaled: R_nl(r; Z) =
Z^{3/2} R_nl(Zr; 1), E_n = −Z²/(2n²), so the ionization energy of the state is
I_n = Z²/(2n²). At Z = 1 the radial function is written

    R_nl(r) = c₀ r^l e^{−r/n} Σ_s p_s r^s,   p₀ = 1,

with c₀² and the p_s rational (from ``sympy.physics.hydrogen.R_nl``, whose normalisation
∫ R² r² dr = 1 :func:`normalisation` checks exactly).

>>> radial_polynomial(2, 0).coefficients
(1, -1/2)
>>> normalisation(3, 2)
1
>>> momentum_tail(1, 0)  # |φ_1s(p)|² → 8/(π² p⁸)
8/pi**2
>>> check_state(2, 2)
Traceback (most recent call last):
...
ValueError: l must be an integer with 0 <= l < n = 2, got 2
"""

from __future__ import annotations

import functools
import numbers
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.physics.hydrogen import R_nl

__all__ = [
    "MAX_N",
    "SPECTROSCOPIC",
    "RadialPolynomial",
    "check_charge",
    "check_state",
    "label",
    "momentum_tail",
    "normalisation",
    "parse_label",
    "radial_polynomial",
    "radial_value",
    "state_threshold",
]

#: the largest principal quantum number the models are built and validated for
MAX_N = 4
#: l -> its spectroscopic letter
SPECTROSCOPIC = "spdfghik"


def _integer(value: object, name: str, why: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer with {why}, got {value!r}")
    return int(value)


def check_state(n: object, l: object, *, max_n: int | None = MAX_N) -> tuple[int, int]:
    """(n, l) as ints, or ValueError naming the bad quantum number.

    >>> check_state(4, 3)
    (4, 3)
    >>> check_state(0, 0)
    Traceback (most recent call last):
    ...
    ValueError: n must be an integer with 1 <= n <= 4, got 0
    """
    why_n = "n >= 1" if max_n is None else f"1 <= n <= {max_n}"
    n_ = _integer(n, "n", why_n)
    if n_ < 1 or (max_n is not None and n_ > max_n):
        raise ValueError(f"n must be an integer with {why_n}, got {n!r}")
    why_l = f"0 <= l < n = {n_}"
    l_ = _integer(l, "l", why_l)
    if not 0 <= l_ < n_:
        raise ValueError(f"l must be an integer with {why_l}, got {l!r}")
    return n_, l_


def check_charge(Z: object) -> mpmath.mpf:
    """Z as an mpf at the current precision; ValueError naming Z unless finite and positive.

    >>> check_charge(-1)
    Traceback (most recent call last):
    ...
    ValueError: Z must be a finite positive number, got -1
    """
    z = None
    if not isinstance(Z, bool):
        try:
            z = mpmath.mpmathify(Z)
        except (TypeError, ValueError):
            z = None
    if not isinstance(z, mpmath.mpf) or not mpmath.isfinite(z) or z <= 0:
        raise ValueError(f"Z must be a finite positive number, got {Z!r}")
    return z


def label(n: int, l: int) -> str:
    """The spectroscopic label: ``label(3, 2) == '3d'``.

    >>> label(4, 1)
    '4p'
    """
    return f"{n}{SPECTROSCOPIC[l]}"


def parse_label(text: str) -> tuple[int, int]:
    """``'2p'`` -> (2, 1); ValueError naming the state otherwise.

    >>> parse_label("3d")
    (3, 2)
    >>> parse_label("2d")
    Traceback (most recent call last):
    ...
    ValueError: state must be like 1s, 2p, 3d (n <= 4, l < n), got '2d'
    """
    bad = ValueError(f"state must be like 1s, 2p, 3d (n <= {MAX_N}, l < n), got {text!r}")
    s = str(text).strip().lower()
    if len(s) < 2 or not s[:-1].isdigit() or s[-1] not in SPECTROSCOPIC:
        raise bad
    n, l = int(s[:-1]), SPECTROSCOPIC.index(s[-1])
    try:
        return check_state(n, l)
    except ValueError:
        raise bad from None


def state_threshold(n: int, Z: mpmath.mpf) -> mpmath.mpf:
    """I_n = Z²/(2n²) at the current precision."""
    return Z * Z / (2 * n * n)


@dataclass(frozen=True)
class RadialPolynomial:
    """R_nl(r) = c₀ r^l e^{−r/n} Σ_s p_s r^s at Z = 1 (exact rationals)."""

    n: int
    l: int
    c0_squared: sp.Rational
    coefficients: tuple[sp.Rational, ...]

    def value(self, r: mpmath.mpf) -> mpmath.mpf:
        """R_nl(r) at the current precision (Z = 1)."""
        poly = mpmath.mpf(0)
        for p in reversed(self.coefficients):
            poly = poly * r + mpmath.mpf(p.p) / p.q
        c0 = mpmath.sqrt(mpmath.mpf(self.c0_squared.p) / self.c0_squared.q)
        return c0 * r**self.l * mpmath.exp(-r / self.n) * poly


@functools.cache
def radial_polynomial(n: int, l: int) -> RadialPolynomial:
    """The rational data of R_nl at Z = 1 (cached).

    >>> radial_polynomial(1, 0).c0_squared
    4
    """
    n, l = check_state(n, l, max_n=None)
    r = sp.Symbol("r", positive=True)
    rest = sp.expand(sp.simplify(R_nl(n, l, r, 1) / r**l * sp.exp(r / sp.Integer(n))))
    c0 = rest.subs(r, 0)
    poly = sp.Poly(sp.expand(rest / c0), r)
    coeffs = tuple(sp.Rational(poly.coeff_monomial(r**s)) for s in range(poly.degree() + 1))
    return RadialPolynomial(n, l, sp.Rational(sp.nsimplify(c0**2)), coeffs)


def radial_value(n: int, l: int, r: object) -> mpmath.mpf:
    """R_nl(r) at Z = 1 and the current precision.

    >>> abs(radial_value(1, 0, 1) - 2 * mpmath.exp(-1)) < 1e-14
    True
    """
    return radial_polynomial(n, l).value(mpmath.mpf(r))


@functools.cache
def normalisation(n: int, l: int) -> sp.Expr:
    """∫₀^∞ R_nl(r)² r² dr, exact (must be 1)."""
    r = sp.Symbol("r", positive=True)
    return sp.simplify(sp.integrate(R_nl(n, l, r, 1) ** 2 * r**2, (r, 0, sp.oo)))


@functools.cache
def momentum_tail(n: int, l: int) -> sp.Expr:
    """A_nl in n(p) = |φ_nl(p)|²/(4π) → A_nl p^{−8−2l} (p ≫ Z/n; m-averaged, Z = 1; scales Z^{5+2l}).

    From the cusp R_nl ≈ c₀ r^l (1 − r/(l+1)): the Hankel transform of c₀ r^{l+1}/(l+1)
    gives φ(p) ≈ √(2/π) c₀ 2^{l+1} l! p^{−l−4}, so A = c₀² 4^{l+1} (l!)²/(2π²).

    >>> momentum_tail(2, 1)
    1/(3*pi**2)
    """
    rp = radial_polynomial(n, l)
    return rp.c0_squared * 4 ** (l + 1) * sp.factorial(l) ** 2 / (2 * sp.pi**2)
