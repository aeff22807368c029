"""The docs/models.md hydrogen formulas written out by hand, independent of the package.

Shared by the tests in tests/models/hydrogenic/; each returns its value at the caller's mpmath
precision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath

__all__ = ["assert_default", "models_density", "ridge_share"]


def models_density(T: mpmath.mpf, q: mpmath.mpf) -> mpmath.mpf:
    """Z = 1 continuum density S(T, q) exactly as printed in docs/models.md."""
    k = mpmath.sqrt(2 * T - 1)
    angle = mpmath.atan2(2 * k, q**2 - k**2 + 1)
    return (
        2**8 * q**2 * (q**2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
        / (((q + k) ** 2 + 1) ** 3 * ((q - k) ** 2 + 1) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )  # fmt: skip


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
