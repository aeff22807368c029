"""Hydrogen-like 1s and the dipole approximation: the small-Q² limit of the form factors and of
S, the share of the sum rule below the photon point (Eq. (13)) by a series in Q², the pieces the
kinematic limits remove, the dipole form against the exact S, and a hydrogenic K shell's σ_γT².

Atomic units (ħ = m = e = 1, energies in hartree); the photon point Q² = T² of natural units is
q = αT. The share below it, δ = T ∫_0^{(αT)²} S dq²/q², is computed by quadrature in
:func:`sumrules.models.hydrogenic.ground.low_q_fraction`; :func:`low_q_fraction_series` gets it
independently, from the Taylor series of h(x) = S/x in x = q²:

    d log h/dx = 1/(x + b) + Re[(−6 − ic)/(x + a₀ − iy)]

(b = 2T/3, a₀ = Z² − k², y = 2kZ, c = 2Z/k; the angle's derivative is −y/(a² + y²)), whose
coefficients are geometric, so h' = g h gives the coefficients of h by a recurrence and
δ = T Σ_j h_j X^{j+1}/(j + 1), X = (αT)². The series converges for X < 2T/3.

>>> x = low_q_fraction_series(1, dps=20)
>>> abs(x / ground.low_q_fraction(1, dps=20) - 1) < 1e-18
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.numeric import is_count, memoized, precision, validate_dps
from sumrules.data.constants import ALPHA, BARN_CM2
from sumrules.data.units import bohr2_to_cm2, hartree_to_kev
from sumrules.models.hydrogenic import ground
from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.theory.photoabsorption import hydrogen_photo_cross_section

__all__ = [
    "Density",
    "bound_small_q_ratio",
    "continuum_small_q_limit",
    "flipped_b_density",
    "k_shell_sigma_t2",
    "k_shell_threshold",
    "large_q_tail",
    "low_q_fraction_cached",
    "low_q_fraction_series",
    "peak_band_deviation",
    "photon_point_deviation",
    "photon_point_structure",
    "s_overlap",
    "share_between",
    "shell_form_factor_squared",
]

#: a continuum density S(k, Q², Z) at the current precision (k = √(2T − Z²))
Density = Callable[[mpmath.mpf, mpmath.mpf, mpmath.mpf], mpmath.mpf]

_GUARD = 15


def shell_form_factor_squared(n: int, q: sp.Expr) -> sp.Expr:
    """|F_n(q)|² = Σ_{l,m}|⟨n l m|e^{iqz}|1s⟩|² for hydrogen, the textbook closed form (sympy):
    2⁸n⁷q²[(n² − 1)/3 + n²q²][(n − 1)² + n²q²]^{n−3}/[(n + 1)² + n²q²]^{n+3}.

    >>> q = sp.Symbol("q", positive=True)
    >>> sp.limit(shell_form_factor_squared(2, q) / q**2, q, 0)
    32768/59049
    """
    if not is_count(n, 2):
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    nn = sp.Integer(n)
    return (
        2**8
        * nn**7
        * q**2
        * ((nn**2 - 1) / 3 + nn**2 * q**2)
        * ((nn - 1) ** 2 + nn**2 * q**2) ** (nn - 3)
        / ((nn + 1) ** 2 + nn**2 * q**2) ** (nn + 3)
    )


def s_overlap(n: int) -> sp.Expr:
    """⟨ns|1s⟩ = ∫ R_n0 R_10 r² dr (sympy, hydrogen): 0 by orthogonality for n ≥ 2.

    >>> s_overlap(2)
    0
    """
    from sympy.physics.hydrogen import R_nl

    r = sp.Symbol("r", positive=True)
    return sp.integrate(R_nl(n, 0, r, 1) * R_nl(1, 0, r, 1) * r**2, (r, 0, sp.oo))


def bound_small_q_ratio(n: int, *, power: int = 1, dps: int = 30) -> mpmath.mpf:
    """|F_n(q)|²/q^(2·power) of the model (mpmath) at q = 10^(−(dps + 3)//4): the q → 0 limit
    to about dps/2 digits for power 1.

    >>> abs(bound_small_q_ratio(2, dps=20) - mpmath.mpf(32768) / 59049) < 1e-9
    True
    """
    validate_dps(dps)
    with precision(dps):
        q = mpmath.mpf(10) ** (-((dps + 3) // 4))
        return ground.discrete_form_factor_sq(n, q, dps=dps) / q ** (2 * power)


def continuum_small_q_limit(T: object, *, power: int = 1, dps: int = 30) -> mpmath.mpf:
    """lim_{q→0} S(T, q)/q^(2·power) by Richardson extrapolation from q and q/2,
    q = 10^(−(dps + 3)//4) (the Atom's S; power 1 gives the dipole density D(T)).

    >>> d = continuum_small_q_limit(1, dps=20)
    >>> abs(d / ground.dipole_density(1, dps=20) - 1) < 1e-18
    True
    """
    validate_dps(dps)
    atom = Hydrogenic(1, 0, 1)
    with precision(dps):
        t = mpmath.mpmathify(T)
        q = mpmath.mpf(10) ** (-((dps + 3) // 4))

        def f(x: mpmath.mpf) -> mpmath.mpf:
            return atom.structure_function(t, x * x, dps=dps + 10) / x ** (2 * power)

        return (4 * f(q / 2) - f(q)) / 3


def _alpha(alpha: object) -> mpmath.mpf:
    a = ALPHA.mpf() if alpha is None else ground.real_number(alpha, "alpha")
    if a <= 0:
        raise ValueError(f"alpha must be positive, got {alpha!r}")
    return a


def low_q_fraction_series(
    T: object, *, Z: object = 1, dps: int = 30, alpha: object = None
) -> mpmath.mpf:
    """T ∫_0^{(αT)²} S dq²/q² from the Taylor series of S/q² in q² (see the module docstring).

    >>> print(mpmath.nstr(low_q_fraction_series("0.55", dps=20), 6))
    9.75132e-6
    """
    validate_dps(dps)
    with precision(dps + _GUARD):
        z = ground.nuclear_charge(Z)
        t = ground.energy_transfer(T, z)
        x_max = (_alpha(alpha) * t) ** 2
        c = ground.Continuum(t, z)
        if x_max >= c.b:
            raise ValueError(f"the series in q² needs (αT)² < 2T/3, got {mpmath.nstr(x_max, 5)}")
        a0, w = z * z - c.k * c.k, -6 - 1j * c.c
        pole = mpmath.mpc(a0, -c.y)
        h = [c.pref * c.b * mpmath.exp(-c.c * mpmath.atan2(c.y, a0)) / (a0 * a0 + c.y2) ** 3]
        g: list[mpmath.mpf] = []
        total, term, j = mpmath.mpf(0), mpmath.mpf(1), 0
        tol = mpmath.mpf(10) ** -(dps + 5)
        while abs(term) > tol * abs(total) or j < 2:
            sign = (-1) ** j
            g.append(sign / c.b ** (j + 1) + mpmath.re(w * sign / pole ** (j + 1)))
            term = h[j] * x_max ** (j + 1) / (j + 1)
            total += term
            h.append(mpmath.fsum(g[i] * h[j - i] for i in range(j + 1)) / (j + 1))
            j += 1
        value = t * total
    with precision(dps):
        return +value


@functools.lru_cache(maxsize=64)
def low_q_fraction_cached(
    T: str, Z: int = 1, dps: int = 30, alpha: str | None = None
) -> mpmath.mpf:
    """:func:`~sumrules.models.hydrogenic.ground.low_q_fraction` with text arguments, cached
    (several claims and quantities integrate the same share)."""
    return ground.low_q_fraction(T, Z=Z, dps=dps, alpha=alpha)


@memoized
def share_between(
    T: object, q_low: object, q_high: object, *, dps: int = 30, density: Density | None = None
) -> mpmath.mpf:
    """T ∫ S dQ²/Q² for q between ``q_low`` and ``q_high`` (may be ``inf``), hydrogen (Z = 1),
    by tanh-sinh quadrature at ``dps`` + 10 digits; ``density`` replaces the exact S(k, Q², Z)
    (negative controls)."""
    validate_dps(dps)
    with precision(dps + 10):
        one = mpmath.mpf(1)
        c = ground.Continuum(ground.energy_transfer(T, one), one)
        lo, hi = mpmath.mpmathify(q_low), mpmath.mpmathify(q_high)

        def f(q: mpmath.mpf) -> mpmath.mpf:
            if not q:
                return q * 0
            s = c.density_q2(q * q) if density is None else density(c.k, q * q, one)
            return s / q

        points = [lo, lo / 2 + hi / 2, hi] if mpmath.isfinite(hi) else [lo, 2 * lo, hi]
        value = 2 * c.T * mpmath.quad(f, points)
        if value:  # mpmath stops on an absolute error: a small share needs as many more digits
            with mpmath.workdps(mpmath.mp.dps - int(mpmath.floor(mpmath.log10(abs(value))))):
                value = 2 * c.T * mpmath.quad(f, points)
    with precision(dps):
        return +value


def large_q_tail(T: object, q_low: object, *, dps: int = 30) -> mpmath.mpf:
    """The large-q asymptotics of :func:`share_between` above ``q_low`` (hydrogen): S → C/q⁸
    at q ≫ k (C = 2⁸/(1 − e^{−2π/k})), so T ∫ S dQ²/Q² ≈ T C/(4 q_low⁸)."""
    validate_dps(dps)
    with precision(dps + 10):
        one = mpmath.mpf(1)
        c = ground.Continuum(ground.energy_transfer(T, one), one)
        value = c.T * c.pref / (4 * mpmath.mpmathify(q_low) ** 8)
    with precision(dps):
        return +value


def flipped_b_density(k: mpmath.mpf, Q2: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    """A deliberately wrong S: the factor (Q² + 2T/3) replaced by (Q² − 2T/3) (controls)."""
    c = ground.Continuum.from_momentum(k, Z)
    return c.density_q2(Q2) * (Q2 - c.b) / (Q2 + c.b)


def photon_point_structure(T: object, *, dps: int = 30) -> mpmath.mpf:
    """S(T, Q²)/Q² of hydrogen at the photon point q = αT, in natural units with hartree
    (Q² = q²/α²; the :class:`~sumrules.models.hydrogenic.atom.Hydrogenic` atom's S).

    >>> s = photon_point_structure(1, dps=20)
    >>> abs(s / (ALPHA.mpf() ** 2 * ground.dipole_density(1, dps=20)) - 1) < 1e-3
    True
    """
    validate_dps(dps)
    with precision(dps + 10):
        a = ALPHA.mpf()
        q = a * mpmath.mpmathify(T)
        value = Hydrogenic(1, 0, 1).structure_function(T, q * q, dps=dps) / (q / a) ** 2
    with precision(dps):
        return +value


@functools.lru_cache(maxsize=64)
def peak_band_deviation(T: str, dps: int = 30, *, dipole_only: bool = False) -> mpmath.mpf:
    """max |S/(Q²D) − 1| over Q² in [mT, 4mT] around the free-electron peak Q² = 2mT
    (hydrogen, atomic units, m = 1; nine points); ``dipole_only``: S replaced by Q²D (control).

    >>> peak_band_deviation("1", 20) > 1
    True
    """
    validate_dps(dps)
    atom = Hydrogenic(1, 0, 1)
    with precision(dps + 10):
        t = mpmath.mpf(T)
        d = ground.dipole_density(t, dps=dps)
        worst = mpmath.mpf(0)
        for j in range(9):
            q2 = 2 * t * mpmath.mpf(2) ** (mpmath.mpf(j - 4) / 4)
            s = q2 * d if dipole_only else atom.structure_function(t, q2, dps=dps)
            worst = max(worst, abs(s / (q2 * d) - 1))
    with precision(dps):
        return +worst


@functools.lru_cache(maxsize=64)
def photon_point_deviation(T: str, dps: int = 30) -> mpmath.mpf:
    """|S/(Q²D) − 1| at the photon point q = αT (hydrogen).

    >>> photon_point_deviation("1", 20) < 1e-3
    True
    """
    validate_dps(dps)
    with precision(dps + 10):
        t, a = mpmath.mpf(T), ALPHA.mpf()
        q2 = (a * t) ** 2
        s = Hydrogenic(1, 0, 1).structure_function(t, q2, dps=dps)
        value = abs(s / (q2 * ground.dipole_density(t, dps=dps)) - 1)
    with precision(dps):
        return +value


def k_shell_threshold(z_eff: int, *, dps: int = 30) -> mpmath.mpf:
    """The photon energy (hartree) of :func:`k_shell_sigma_t2`: Z²/2 (1 + 10^(−dps//2)).

    >>> print(mpmath.nstr(hartree_to_kev(k_shell_threshold(32)), 3))
    13.9
    """
    validate_dps(dps)
    with precision(dps + 5):
        return mpmath.mpf(z_eff) ** 2 / 2 * (1 + mpmath.mpf(10) ** -(dps // 2))


def k_shell_sigma_t2(z_eff: int, *, route: str = "stobbe", dps: int = 30) -> mpmath.mpf:
    """σ_γT² (barn keV²) of two hydrogenic 1s electrons of charge ``z_eff`` just above their
    threshold Z²/2: ``route`` "stobbe" (σ = 4π²αTD, closed form), "bethe" (the model's q → 0
    limit), or "unscaled" (a control: σ₁(T/Z²) without its Z⁻²).

    >>> print(mpmath.nstr(k_shell_sigma_t2(32, dps=20), 3))
    2.39e+6
    """
    validate_dps(dps)
    with precision(dps + 5):
        t = k_shell_threshold(z_eff, dps=dps)
        if route == "stobbe":
            sigma = hydrogen_photo_cross_section(t, Z=z_eff, unit="cm2", dps=dps)
        elif route == "bethe":
            sigma_au = ground.photoionization_cross_section(t, Z=z_eff, dps=dps)
            sigma = sigma_au * bohr2_to_cm2(1, dps=dps)
        elif route == "unscaled":
            sigma = hydrogen_photo_cross_section(t / z_eff**2, unit="cm2", dps=dps)
        else:
            raise ValueError(f"route must be 'stobbe', 'bethe' or 'unscaled', got {route!r}")
        value = 2 * sigma * hartree_to_kev(t, dps=dps) ** 2 / BARN_CM2.mpf()
    with precision(dps):
        return +value
