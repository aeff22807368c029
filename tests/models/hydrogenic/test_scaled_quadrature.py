"""The scaled quadrature of the hydrogen checks and the Z-scale freedom it buys
(:func:`~sumrules.models.hydrogenic.checks.quad_scaled`).

``quad_scaled(f, points, unit, size)`` integrates in units of ``unit`` and ``size`` (mpmath
maps [a, ∞) as if the scale were 1 and stops on an absolute error); with it closure, the
Bethe sum, the resolvent and the dispersion integral are the same at Z = 2^±80 and 10^±30.
"""

from __future__ import annotations

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc


@pytest.mark.parametrize("Z", [1, mpmath.mpf(2) ** 40])
def test_quad_scaled_returns_value_and_error_at_any_size(Z: mpmath.mpf) -> None:
    """∫₀^∞ k e^{-k/Z} dk = Z² (closed form), with unit Z and size Z² as in the hydrogen routes.

    error=True gives (value, error estimate): the value to >= 28 of 30 digits, the
    estimate small and non-negative, both in the units of the integral (∝ Z²).
    """
    with mpmath.workdps(30):
        z = mpmath.mpf(Z)
        pts = [mpmath.mpf(0), z, 4 * z, mpmath.inf]
        value, err = hc.quad_scaled(lambda k: k * mpmath.exp(-k / z), pts, z, z * z, error=True)
        assert abs(value - z * z) <= mpmath.mpf(10) ** -28 * z * z
        assert 0 <= err <= mpmath.mpf(10) ** -20 * z * z
        # without error=True: the bare value, the same integral
        bare = hc.quad_scaled(lambda k: k * mpmath.exp(-k / z), pts, z, z * z)
        assert abs(bare - z * z) <= mpmath.mpf(10) ** -28 * z * z
        # negative control: the integral of k² e^{-k/Z} (= 2Z³) is rejected by the same check
        other, _ = hc.quad_scaled(lambda k: k * k * mpmath.exp(-k / z), pts, z, z * z, error=True)
        assert not abs(other - z * z) <= mpmath.mpf(10) ** -28 * z * z
        assert abs(other - 2 * z**3) <= mpmath.mpf(10) ** -28 * z**3


SCALES = [mpmath.mpf(2) ** -80, mpmath.mpf(2) ** 80, mpmath.mpf("1e30"), mpmath.mpf("1e-30")]


@pytest.mark.parametrize("Z", SCALES, ids=lambda z: mpmath.nstr(z, 3))
def test_sums_and_resolvent_are_scale_free_in_z(Z: mpmath.mpf) -> None:
    """Closure and Bethe sums are 1, and Z²·R_Z(Z²T, Z²P²) = R_1(T, P²), at any Z.

    Before the k-integrals were taken in k/Z and normalised by Z⁻² (mpmath maps [a, ∞) as if
    the scale were 1 and stops on an absolute error), Z = 2⁴⁰ kept 3 to 9 of 15 digits.
    """
    dps = 15
    assert agreement_digits(hc.completeness(None, Q2=-Z * Z / 2, Z=Z, dps=dps).total, 1) >= 14
    assert agreement_digits(hc.bethe_sum(None, Q2=-Z * Z / 2, Z=Z, dps=dps).total, 1) >= 14
    for P2 in ("0.5", "-0.5"):
        image = Z * Z * mpmath.mpf(P2)
        for method in ("principal-value", "contour"):
            got = Z * Z * hc.resolvent(Z * Z, image, Z=Z, dps=dps, method=method)
            assert agreement_digits(got, hc.resolvent(1, P2, dps=dps, method=method)) >= 14
        got = Z * Z * hc.dispersion_integral(Z * Z, image, Z=Z, dps=dps)
        assert agreement_digits(got, hc.dispersion_integral(1, P2, dps=dps)) >= 14
    # negative control: the image of T = 1 + 1e-12 instead of T = 1 is told apart
    moved = Z * Z * hc.resolvent(Z * Z * (1 + mpmath.mpf("1e-12")), Z * Z / 2, Z=Z, dps=dps)
    assert agreement_digits(moved, hc.resolvent(1, "0.5", dps=dps)) < 14
