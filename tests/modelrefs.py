"""The docs/models.md hydrogen formulas written out by hand, independent of the package.

Shared by the tests in tests/models/hydrogenic/; each returns its value at the caller's mpmath
precision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath

__all__ = [
    "assert_default",
    "models_density",
    "models_density_k",
    "models_density_q2",
    "ridge_share",
]


def models_density(T: mpmath.mpf, q: mpmath.mpf) -> mpmath.mpf:
    """Z = 1 continuum density S(T, q) exactly as printed in docs/models.md."""
    k = mpmath.sqrt(2 * T - 1)
    angle = mpmath.atan2(2 * k, q**2 - k**2 + 1)
    return (
        2**8 * q**2 * (q**2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
        / (((q + k) ** 2 + 1) ** 3 * ((q - k) ** 2 + 1) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )  # fmt: skip


def models_density_k(k: mpmath.mpf, Q2: mpmath.mpf) -> mpmath.mpf:
    """The same S at real Q² (any sign), k = √(2T − 1); 0 at threshold k = 0.

    Uses [(q + k)² + 1][(q − k)² + 1] = (Q² − k² + 1)² + 4k².
    """
    if k == 0:
        return k
    a = Q2 - k**2 + 1
    angle = mpmath.atan2(2 * k, a)
    return (
        2**8 * Q2 * (Q2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
        / ((a**2 + 4 * k**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )  # fmt: skip


def models_density_q2(T: mpmath.mpf, Q2: mpmath.mpf, Z: int = 1) -> mpmath.mpf:
    """S_Z(T, Q²) at real Q² (any sign) by the scaling S_Z(T, Q²) = Z⁻² S_1(T/Z², Q²/Z²)."""
    T, Q2 = T / Z**2, Q2 / Z**2
    return models_density_k(mpmath.sqrt(2 * T - 1), Q2) / Z**2


def ridge_share(kappa: mpmath.mpf) -> mpmath.mpf:
    """r(κ) = [1 − e^{−(4/κ) atan κ}(κ⁴ − 2κ² + 7/3)/(1 + κ²)²]/(1 − e^{−2π/κ}), κ = k/Z.

    The closed form of r_nmm = r_ew (Eq. 12), and the low-q share when q_max ≫ k.
    """
    k2 = kappa * kappa
    e = mpmath.exp(-4 * mpmath.atan(kappa) / kappa)
    return (1 - e * (k2 * k2 - 2 * k2 + mpmath.mpf(7) / 3) / (1 + k2) ** 2) / (
        1 - mpmath.exp(-2 * mpmath.pi / kappa)
    )


def assert_default(
    f: Callable[..., Any], name: str, default: object, other: object, *args: object
) -> None:
    """f(*args) uses ``name=default``; the same check tells ``other`` apart (negative control)."""
    assert f(*args) == f(*args, **{name: default})
    assert f(*args, **{name: other}) != f(*args)
