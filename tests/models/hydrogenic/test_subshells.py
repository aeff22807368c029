"""sumrules.models.hydrogenic.subshells: the partial-wave share against Bethe's closed form (1s),
the leading term of the q² series against the partial waves (n = 2, 3), the pieces (Coulomb
waves, spherical Bessel functions, 3j symbols, radial functions) against mpmath, the shells of
Ge from its edges."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from sumrules.data import xray
from sumrules.models.hydrogenic import ground
from sumrules.models.hydrogenic import subshells as S


@pytest.mark.parametrize(
    ("T", "q"), [("0.5001", "0.2"), ("0.6", "0.05"), ("2", "0.5"), ("20", "1")]
)
def test_1s_partial_waves_reproduce_bethe(T: str, q: str) -> None:
    """The whole NumPy route (Numerov, Miller, Simpson, Gauss-Legendre, 3j) for 1s against the
    closed-form S integrated by mpmath: 1e-5 relative at most (2e-8 at small k)."""
    share = S.low_q_share(1, 0, float(T), float(q))
    alpha = mpmath.mpf(q) / mpmath.mpf(T)
    exact = float(ground.low_q_fraction(T, alpha=alpha, dps=15))
    dipole = float(ground.low_q_fraction_dipole(T, alpha=alpha, dps=15))
    assert share.exact == pytest.approx(exact, rel=1e-5)
    assert share.dipole == pytest.approx(dipole, rel=1e-5)
    assert abs(share.error - (exact / dipole - 1)) < 5e-5


@pytest.mark.parametrize(("n", "l"), [(2, 0), (2, 1), (3, 2)])
def test_leading_term_matches_partial_waves_at_small_q(n: int, l: int) -> None:
    """At T = 2I and (q a)² ~ 1e-3 the series' first term and the partial waves agree to 0.5 %
    of the (small) error: two independent computations of the same non-dipole correction."""
    T = 2 / (2 * n * n) * 100
    q = 0.0073 * T
    exact = S.low_q_share(n, l, T, q, Z=10.0).error
    lead = float(S.leading_error(n, l, T, q, Z=10.0))
    assert exact > 0 and lead == pytest.approx(exact, rel=5e-3)


def test_scaling_in_z() -> None:
    a = S.low_q_share(2, 1, 3.0, 0.5, Z=2.0)
    b = S.low_q_share(2, 1, 0.75, 0.25)
    assert a.exact == pytest.approx(b.exact, rel=1e-12) and a.error == pytest.approx(b.error)


@pytest.mark.parametrize("k", [0.05, 1.0, 1.7, 6.5])
def test_coulomb_waves_against_mpmath(k: float) -> None:
    """Series start and Numerov against mpmath.coulombf: 1e-5 relative or 5e-5 of the amplitude
    √(2/(πk)) (Numerov's phase error grows as (kh)⁴kr: ~2e-5 rad at k = 6.5, r = 40); k = 1
    makes the series coefficient a_2 of l = 1 vanish (the series must not stop there)."""
    ls = [0, 1, 2, 5, 12, 30]
    u = S.coulomb_regular(ls, k, 0.01, 4001)
    for row, l in enumerate(ls):
        for r in (0.05, 0.5, 3.0, 20.0, 40.0):
            ref = mpmath.sqrt(2 / (mpmath.pi * k)) * mpmath.coulombf(l, -1 / k, k * r)
            assert u[row, round(r / 0.01)] == pytest.approx(
                float(ref), rel=1e-5, abs=5e-5 * math.sqrt(2 / (math.pi * k))
            )


def test_pieces_against_mpmath() -> None:
    x = np.array([1e-3, 0.3, 0.5, 2.0, 17.0, 60.0])
    j = S.spherical_jn(40, x)
    for lam in (0, 1, 7, 40):
        for i, xi in enumerate(x):
            ref = mpmath.sqrt(mpmath.pi / (2 * xi)) * mpmath.besselj(lam + 0.5, xi)
            assert j[lam, i] == pytest.approx(float(ref), rel=1e-9, abs=1e-300)
    r = np.linspace(0, 120, 24001)
    for n, l in [(1, 0), (2, 1), (3, 0), (3, 2)]:
        radial = S.bound_radial(n, l, r)
        assert np.trapezoid(radial**2 * r**2, r) == pytest.approx(1, rel=1e-8)
        mean = np.trapezoid(radial**2 * r**3, r)
        assert mean == pytest.approx((3 * n * n - l * (l + 1)) / 2, rel=1e-8)
    assert S.three_j_squared(2, 2, 2) == pytest.approx(2 / 35)
    assert S.three_j_squared(3, 2, 2) == 0 and S.three_j_squared(5, 1, 2) == 0


def test_germanium_shells_from_its_edges() -> None:
    shells = S.shells_from_edges(
        xray.edges("Ge"), ("K", "L1", "L2", "L3", "M1", "M2", "M3", "M4", "M5")
    )
    names = [s.name for s in shells]
    assert names == ["K", "L1", "L2,3", "M1", "M2,3", "M4,5"]
    assert [s.electrons for s in shells] == [2, 2, 6, 2, 6, 10]
    assert sum(s.electrons for s in shells) == 28  # Ge: 32 electrons, 4 in the N shell
    m45 = shells[-1]
    edges = xray.edges("Ge")
    assert m45.binding_keV == pytest.approx((4 * edges["M4"] + 6 * edges["M5"]) / 10)
    for s in shells:  # Z_eff²/2n² = E_b, and (q a)² = (α Z_eff/2)² at T = E_b
        assert s.z_eff**2 / (2 * s.n**2) == pytest.approx(s.binding_hartree)
        alpha = s.photon_q(1.0) / s.binding_hartree * s.binding_keV
        assert s.q_max_a_squared(s.binding_keV) == pytest.approx((alpha * s.z_eff / 2) ** 2)
    with pytest.raises(ValueError, match="names must be subshells"):
        S.shells_from_edges(edges, ("K", "Q9"))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="binding energy"):
        S.low_q_share(1, 0, 0.4, 0.1)
    with pytest.raises(ValueError, match="n, l"):
        S.low_q_share(2, 2, 3.0, 0.1)
    with pytest.raises(ValueError, match="q_max"):
        S.low_q_share(1, 0, 3.0, 0.0)
    with pytest.raises(ValueError, match="Z must be"):
        S.low_q_share(1, 0, 3.0, 0.1, Z=math.nan)
    with pytest.raises(ValueError, match="outer_share"):
        S.atom_error_bound(0.01, [0.1], 1.5)
