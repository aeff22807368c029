"""Unit conversions, all in one place: natural units (hbar = c = 1, energies in keV),
cm^2, barn, atomic units.

Two independent routes for the central conversion keV^-2 -> cm^2:

- ``route="si"``: (hbar c)^2 computed from the exact 2019-SI constants h, c, e;
- ``route="pdg"``: PDG's printed conversion constant (hbar c)^2 = 0.3893793721 GeV^2 mb.

>>> import mpmath
>>> with mpmath.workdps(20):
...     mpmath.nstr(hbar_c_kev_cm(), 12)
'1.97326980459e-8'
>>> x = inverse_kev2_to_cm2(1)
>>> float(cm2_to_inverse_kev2(x))
1.0
>>> round(float(barn_kev2_to_natural("2.5e6")), 6)
0.00642
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

import mpmath

from sumrules.core.numeric import precision
from sumrules.data.constants import (
    BARN_CM2,
    BOHR_RADIUS_CM,
    ELEMENTARY_CHARGE_C,
    HARTREE,
    HBAR_C_SQUARED,
    PLANCK_H_JS,
    SPEED_OF_LIGHT_M_S,
)

__all__ = [
    "Route",
    "barn_kev2_to_natural",
    "bohr2_to_cm2",
    "cm2_to_inverse_kev2",
    "hartree_to_kev",
    "hbar_c_kev_cm",
    "inverse_kev2_to_cm2",
    "kev_to_hartree",
    "to_mpf",
]

Route = Literal["si", "pdg"]


def _num(x: object, name: str) -> mpmath.mpf:
    """Convert ``x`` (int, float, str, Fraction, mpf) to mpf, or raise ValueError naming it."""
    if isinstance(x, bool):  # house rule: bad input is a ValueError naming the argument
        raise ValueError(f"{name} must be a real number, got {x!r}")
    try:
        frac = isinstance(x, Fraction)
        v = mpmath.mpf(x.numerator) / x.denominator if frac else mpmath.mpf(x)  # type: ignore[attr-defined]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a real number, got {x!r}") from exc
    if not mpmath.isfinite(v):
        raise ValueError(f"{name} must be finite, got {x!r}")
    return v


def to_mpf(x: object, name: str = "x") -> mpmath.mpf:
    """A finite real number as mpf (at the current precision); ValueError naming ``name``.

    >>> from fractions import Fraction
    >>> float(to_mpf(Fraction(1, 4)))
    0.25
    >>> to_mpf("nan", "T")
    Traceback (most recent call last):
    ...
    ValueError: T must be finite, got 'nan'
    """
    return _num(x, name)


def hbar_c_kev_cm() -> mpmath.mpf:
    """hbar*c in keV cm from the exact SI constants: h c / (2 pi e) [eV m] * 1e-3 * 1e2.

    Evaluated at the current mpmath precision.
    """
    ev_m = (
        PLANCK_H_JS.mpf() * SPEED_OF_LIGHT_M_S.mpf() / (2 * mpmath.pi * ELEMENTARY_CHARGE_C.mpf())
    )
    return ev_m * mpmath.mpf("0.1")  # eV m -> keV cm: 1e-3 * 1e2


def _kev2_cm2(route: Route) -> mpmath.mpf:
    """(hbar c)^2 in keV^2 cm^2 by the chosen route."""
    if route == "si":
        return hbar_c_kev_cm() ** 2
    if route == "pdg":
        # GeV^2 mb -> keV^2 cm^2 : (1e6)^2 keV^2/GeV^2 * 1e-27 cm^2/mb
        return HBAR_C_SQUARED.mpf() * mpmath.mpf(10) ** 12 * mpmath.mpf(10) ** -27
    raise ValueError(f"route must be 'si' or 'pdg', got {route!r}")


def inverse_kev2_to_cm2(x: object, *, route: Route = "si", dps: int = 30) -> mpmath.mpf:
    """Convert an area in natural units (keV^-2) to cm^2.

    >>> from sumrules.core.numeric import agreement_digits
    >>> agreement_digits(inverse_kev2_to_cm2(1), inverse_kev2_to_cm2(1, route="pdg")) > 9
    True
    """
    with precision(dps):
        v = _num(x, "x")
        return +(v * _kev2_cm2(route))


def cm2_to_inverse_kev2(x: object, *, route: Route = "si", dps: int = 30) -> mpmath.mpf:
    """Convert an area in cm^2 to natural units (keV^-2)."""
    with precision(dps):
        v = _num(x, "x")
        return +(v / _kev2_cm2(route))


def barn_kev2_to_natural(x: object, *, route: Route = "si", dps: int = 30) -> mpmath.mpf:
    """Convert a product (cross section) x (energy)^2 from barn keV^2 to a pure number."""
    with precision(dps):
        v = _num(x, "x")
        return +(v * BARN_CM2.mpf() / _kev2_cm2(route))


def hartree_to_kev(x: object, *, dps: int = 30) -> mpmath.mpf:
    """Energy in hartree -> keV (CODATA 2018 Hartree energy)."""
    with precision(dps):
        v = _num(x, "x")
        return +(v * HARTREE.mpf() / 1000)


def kev_to_hartree(x: object, *, dps: int = 30) -> mpmath.mpf:
    """Energy in keV -> hartree."""
    with precision(dps):
        v = _num(x, "x")
        return +(v * 1000 / HARTREE.mpf())


def bohr2_to_cm2(x: object, *, dps: int = 30) -> mpmath.mpf:
    """Area in a0^2 (atomic units) -> cm^2 (CODATA 2018 Bohr radius)."""
    with precision(dps):
        v = _num(x, "x")
        return +(v * BOHR_RADIUS_CM.mpf() ** 2)
