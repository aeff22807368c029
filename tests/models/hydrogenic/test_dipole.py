"""sumrules.models.hydrogenic.dipole: the small-q limits, the series for the low-Q² share, the
removed pieces, the photon point and the K shell."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import dipole as hd
from sumrules.models.hydrogenic import ground
from sumrules.theory.photoabsorption import bound_dipole_squared, hydrogen_dipole_density


def test_shell_form_factor_limits_match_radial_integrals() -> None:
    q = sp.Symbol("q", positive=True)
    for n in (2, 3, 6):
        limit = sp.limit(hd.shell_form_factor_squared(n, q) / q**2, q, 0)
        assert limit == bound_dipole_squared(n)
    assert hd.shell_form_factor_squared(3, 0) == 0
    with pytest.raises(ValueError, match="n must be"):
        hd.shell_form_factor_squared(1, q)


def test_small_q_limits() -> None:
    assert agreement_digits(hd.bound_small_q_ratio(3, dps=30), bound_dipole_squared(3)) > 14
    d = hd.continuum_small_q_limit("2", dps=30)
    assert agreement_digits(d, hydrogen_dipole_density("2", dps=30)) > 28
    assert hd.continuum_small_q_limit("2", power=2, dps=30) > 1e6 * d


@pytest.mark.parametrize(("t", "z"), [("0.5000001", 1), ("1", 1), ("50", 1), ("768", 32)])
def test_series_equals_quadrature(t: str, z: int) -> None:
    series = hd.low_q_fraction_series(t, Z=z, dps=30)
    assert agreement_digits(series, ground.low_q_fraction(t, Z=z, dps=30)) > 27


def test_series_refuses_beyond_its_radius() -> None:
    with pytest.raises(ValueError, match="series"):
        hd.low_q_fraction_series(1, alpha=1)


def test_removed_pieces_and_their_controls() -> None:
    low = hd.share_between("1", 0, mpmath.mpf(1) / 137, dps=20)
    assert low > 0
    flipped = hd.share_between("1", 0, mpmath.mpf(1) / 137, dps=20, density=hd.flipped_b_density)
    assert flipped < 0
    q = mpmath.mpf(50)
    high = hd.share_between("1", q, mpmath.inf, dps=20)
    assert agreement_digits(high, hd.large_q_tail("1", q, dps=20)) > 2


def test_photon_point_and_peak() -> None:
    assert hd.photon_point_deviation("1", 20) < 1e-3
    assert hd.peak_band_deviation("1", 20) > 1
    assert hd.peak_band_deviation("1", 20, dipole_only=True) == 0


def test_k_shell_routes() -> None:
    stobbe = hd.k_shell_sigma_t2(32, dps=20)
    assert agreement_digits(stobbe, hd.k_shell_sigma_t2(32, route="bethe", dps=20)) > 18
    assert hd.k_shell_sigma_t2(32, route="unscaled", dps=20) > 100 * stobbe
    with pytest.raises(ValueError, match="route"):
        hd.k_shell_sigma_t2(32, route="other")
