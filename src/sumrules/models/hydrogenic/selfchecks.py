"""Self-checks of the hydrogen-like states beyond 1s, run before a state judges the paper.

* the dipole limit: S(T, q)/q² → D(T) as q → 0, the Coulomb-wave S (:mod:`.coulomb_waves`)
  against the dipole radial integrals l′ = l ± 1 (:func:`.partial_waves.dipole_density`), and
  σ_γ(T) = 4π²αT D(T), the state's photoionization cross section;
* the two routes to S(T, q) against each other (:func:`route_agreement`).

>>> d = dipole_limit(2, 1, "0.25", dps=15)
>>> d.digits > 10
True
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath

from sumrules.core.numeric import agreement_digits, precision, validate_dps
from sumrules.data.constants import ALPHA
from sumrules.models.hydrogenic import coulomb_waves, partial_waves

__all__ = [
    "DipoleLimit",
    "RouteAgreement",
    "dipole_limit",
    "photoionization_cross_section",
    "route_agreement",
]


@dataclass(frozen=True)
class DipoleLimit:
    """lim S/q² by the Coulomb wave (Richardson in q² from q = β/10⁴ and 2β/10⁴) and by the
    dipole radial integrals."""

    from_density: mpmath.mpf
    from_dipole: mpmath.mpf

    @property
    def digits(self) -> float:
        return agreement_digits(self.from_density, self.from_dipole)


def dipole_limit(n: int, l: int, T: object, *, dps: int = 20) -> DipoleLimit:
    """Both routes to D(T) = lim_{q→0} S(T, q)/q² at Z = 1 (S/q² = D + O(q²))."""
    validate_dps(dps)
    with precision(dps + 10):
        beta = mpmath.mpf(1) / n
        q1, q2 = beta / 10**4, beta / (5 * 10**3)
        s1 = coulomb_waves.continuum_density(n, l, T, q1, dps=dps + 15) / q1**2
        s2 = coulomb_waves.continuum_density(n, l, T, q2, dps=dps + 15) / q2**2
        limit = (4 * s1 - s2) / 3  # the O(q²) term removed
    dip = partial_waves.dipole_density(n, l, T, dps=dps)
    with precision(dps):
        return DipoleLimit(+limit, +dip)


def photoionization_cross_section(
    n: int, l: int, T: object, *, alpha: object = None, dps: int = 20
) -> mpmath.mpf:
    """σ_γ(T) = 4π² α T D(T) in bohr² (Z = 1, photon energy T hartree), per electron.

    >>> from sumrules.models.hydrogenic import ground
    >>> s = photoionization_cross_section(1, 0, 1, dps=15)
    >>> abs(s / ground.photoionization_cross_section(1, dps=15) - 1) < 1e-12
    True
    """
    validate_dps(dps)
    d = partial_waves.dipole_density(n, l, T, dps=dps)
    with precision(dps + 5):
        a = ALPHA.mpf() if alpha is None else mpmath.mpf(alpha)
        value = 4 * mpmath.pi**2 * a * mpmath.mpf(T) * d
    with precision(dps):
        return +value


@dataclass(frozen=True)
class RouteAgreement:
    """S(T, q) by the Coulomb wave and by partial waves, with the partial-wave truncation."""

    coulomb_wave: mpmath.mpf
    partial_waves: mpmath.mpf
    truncation_error: mpmath.mpf

    @property
    def digits(self) -> float:
        return agreement_digits(self.coulomb_wave, self.partial_waves)


def route_agreement(n: int, l: int, T: object, q: object, *, dps: int = 15) -> RouteAgreement:
    """The two independent routes to S_nl(T, q) at Z = 1."""
    a = coulomb_waves.continuum_density(n, l, T, q, dps=dps + 5)
    b = partial_waves.partial_wave_density(n, l, T, q, dps=dps)
    return RouteAgreement(a, b.value, b.truncation_error)
