"""sumrules.data.germanium: σ_γT² and δ_(μ)(T) of Eq. (13) for Ge from the three tables.

The numbers pinned here are the ones the paragraph after Eq. (13) is about:

| table    | max σT² (barn keV²)   | at T (keV)        | δ there   | σT² at 14 keV | δ at 14 keV |
|----------|-----------------------|-------------------|-----------|---------------|-------------|
| henke    | 3.0236e6              | 11.1031 (K, above)| 0.842e-3  | 2.6474e6      | 0.738e-3    |
| elam     | 2.9245e6              | 11.1030 (K, above)| 0.815e-3  | 2.5621e6      | 0.714e-3    |
| chantler | 2.9704e6              | 11.1617           | 0.828e-3  | 2.5354e6      | 0.706e-3    |

The paper: maximum at T ≈ 14 keV, about 2.5e6 barn keV², δ < 0.7e-3.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from sumrules.data import germanium as G
from sumrules.data import xray as X
from sumrules.theory.photoabsorption import germanium_low_q_fraction

PINNED = {
    # table: (peak T, side, peak sigma T^2, peak delta, sigma T^2 at 14 keV, delta at 14 keV)
    "henke": (11.1031, "above", 3.0236e6, 0.8423e-3, 2.6474e6, 0.7375e-3),
    "elam": (11.10299, "above", 2.9245e6, 0.8147e-3, 2.5621e6, 0.7138e-3),
    "chantler": (11.16166, None, 2.9704e6, 0.8275e-3, 2.5354e6, 0.7063e-3),
}


def test_factor_is_the_package_conversion() -> None:
    """2.5e6 barn keV^2 -> 0.00642 -> delta = 0.6965e-3, as theory.photoabsorption has it."""
    printed = germanium_low_q_fraction()
    assert G.delta_per_sigma_t2(32) * 2.5e6 == pytest.approx(float(printed.delta), rel=1e-12)
    assert round(G.delta_per_sigma_t2(32) * 2.5e6 * 1e3, 4) == 0.6965
    assert G.atomic_number() == printed.electrons == 32


@pytest.mark.parametrize("z", [0, -3, True, 32.0, "32"])
def test_bad_z(z: object) -> None:
    with pytest.raises(ValueError, match="Z must be a positive integer"):
        G.delta_per_sigma_t2(z)  # type: ignore[arg-type]


@pytest.mark.parametrize("table", X.TABLES)
def test_definitions_and_vectorisation(table: X.TableName) -> None:
    t = np.geomspace(1, 30, 41)
    s = X.photoabsorption("Ge", t, table=table)
    np.testing.assert_allclose(G.sigma_t2(t, table=table), s * t**2, rtol=1e-15)
    d = G.delta_mu(t, table=table)
    np.testing.assert_allclose(d, s * t**2 * G.delta_per_sigma_t2(32), rtol=1e-15)
    np.testing.assert_allclose(d, [G.delta_mu(float(v), table=table) for v in t], rtol=1e-15)
    assert isinstance(G.delta_mu(14.0, table=table), float)


@pytest.mark.parametrize("table", X.TABLES)
def test_summary_numbers(table: X.TableName) -> None:
    t_peak, side, peak, delta_peak, at14, delta14 = PINNED[table]
    s = G.summary(table=table)
    assert (s.element, s.Z, s.table) == ("Ge", 32, table)
    assert s.peak.T_keV == pytest.approx(t_peak, abs=1e-5) and s.peak.side == side
    assert s.peak.sigma_t2 == pytest.approx(peak, rel=1e-4)
    assert s.peak_delta == pytest.approx(delta_peak, rel=1e-3)
    assert s.sigma_t2_at_paper_T == pytest.approx(at14, rel=1e-4)
    assert s.delta_at_paper_T == pytest.approx(delta14, rel=1e-3)
    assert s.high == s.peak  # the maximum on 1-30 keV lies inside 1-20 keV
    assert s.provenance == X.provenance(table)


def test_the_paper_against_its_tables() -> None:
    """At 14 keV every table gives 2.5e6 to within 6 % (the paper's "approximately 2.5e6"
    holds there), but the maximum of sigma T^2 sits just above the K edge (11.10-11.16 keV),
    17-21 % higher, and delta exceeds 0.7e-3 there in all three tables (0.81-0.84e-3); even at
    14 keV delta is 0.706-0.738e-3. On 1-20 keV sigma T^2 runs from 0.20e6 (below the L3
    edge) to 3.0e6: "of order 10^6" spans a factor 15."""
    for table in X.TABLES:
        s = G.summary(table=table)
        assert abs(s.sigma_t2_at_paper_T / G.PAPER_PEAK_SIGMA_T2 - 1) < 0.06
        assert 11.1 < s.peak.T_keV < 11.2
        assert 1.16 < s.peak.sigma_t2 / G.PAPER_PEAK_SIGMA_T2 < 1.22
        assert s.peak_delta > G.PAPER_DELTA_BOUND and s.delta_at_paper_T > G.PAPER_DELTA_BOUND
        assert 0.19e6 < s.low.sigma_t2 < 0.22e6 and 1.17 < s.low.T_keV <= 1.217


@pytest.mark.parametrize("table", X.TABLES)
@pytest.mark.parametrize("interval", [(1.0, 30.0), (1.0, 20.0), (12.0, 29.0), (2.5, 9.5)])
def test_extrema_against_brute_force(table: X.TableName, interval: tuple[float, float]) -> None:
    """The exact extrema bound a 200 001-point scan plus both sides of every edge, and are
    reached by it to 1e-4 (the scan's spacing is 1.7e-5 in ln T)."""
    lo, hi = interval
    t = np.geomspace(lo, hi, 200_001)
    edges = [e for e in X.discontinuities("Ge", table) if lo < e < hi]
    values = [G.sigma_t2(t, table=table)]
    for side in X.SIDES:
        values.append(G.sigma_t2(np.array([*edges, lo, hi]), table=table, side=side))
    brute = np.concatenate(values)
    low, high = X.sigma_t2_extrema("Ge", lo, hi, table=table)
    assert brute.max() <= high.sigma_t2 * (1 + 1e-12)
    assert brute.min() >= low.sigma_t2 * (1 - 1e-12)
    assert brute.max() >= high.sigma_t2 * (1 - 1e-4)
    assert brute.min() <= low.sigma_t2 * (1 + 1e-4)


@pytest.mark.parametrize(
    ("element", "stationary"), [("Si", 2.05504), ("Ti", 5.22272), ("Rn", 102.430)]
)
def test_elam_stationary_points_are_found(element: str, stationary: float) -> None:
    """Ge's Elam spline has no stationary point of sigma T^2 (it is monotone between nodes
    and edges), so the quadratic's roots are checked where they occur: maxima inside one of
    Elam's cubics for Si, Ti and Rn, beaten by no point of a dense scan."""
    lo, hi = stationary / 1.1, stationary * 1.1
    _, high = X.sigma_t2_extrema(element, lo, hi, table="elam")
    assert high.side is None and high.T_keV == pytest.approx(stationary, rel=1e-5)
    t = np.geomspace(lo, hi, 400_001)
    dense = G.sigma_t2(t, element=element, table="elam")
    assert dense.max() <= high.sigma_t2 * (1 + 1e-12)
    assert dense.max() >= high.sigma_t2 * (1 - 1e-9)
    nodes = X.tabulated_energies(element, "elam")
    inside = nodes[(nodes > lo) & (nodes < hi)]
    assert np.all(G.sigma_t2(inside, element=element, table="elam") < high.sigma_t2)


@pytest.mark.parametrize("table", X.TABLES)
def test_grid_resolves_every_edge(table: X.TableName) -> None:
    g = G.energy_grid(table=table)
    assert g[0] >= 1 and g[-1] <= 30 and np.all(np.diff(g) > 0)
    nodes = X.tabulated_energies("Ge", table)
    assert set(nodes[(nodes >= 1) & (nodes <= 30)]) <= set(g)
    jumps = X.discontinuities("Ge", table)
    for e in [*jumps, *X.edges("Ge").values()]:
        if not 1 < e < 30:
            continue
        below, above = e * (1 - G.EDGE_OFFSET), e * (1 + G.EDGE_OFFSET)
        bracketed = below in g and above in g
        # an xraydb edge energy is bracketed unless the table jumps within 0.1 % of it
        assert bracketed or any(abs(j - e) < 1e-3 * e for j in jumps if j != e)
        if e in jumps:
            assert bracketed
            got = X.photoabsorption("Ge", [below, above], table=table)
            want = [X.photoabsorption("Ge", e, table=table, side=s) for s in ("below", "above")]
            np.testing.assert_allclose(got, want, rtol=1e-5)


def test_grid_peak_is_the_peak_on_the_grid() -> None:
    for table in X.TABLES:
        s = G.summary(table=table)
        sc = G.scan(table=table)
        assert s.grid_peak.sigma_t2 == sc.sigma_t2.max()
        assert s.grid_peak.sigma_t2 <= s.peak.sigma_t2 * (1 + 1e-12)
        assert s.grid_peak.sigma_t2 >= s.peak.sigma_t2 * (1 - 1e-6)


def test_scan() -> None:
    sc = G.scan([14.0, 5.0], table="elam")
    assert sc.table == "elam" and sc.element == "Ge" and sc.Z == 32
    np.testing.assert_array_equal(sc.T_keV, [14.0, 5.0])
    np.testing.assert_allclose(sc.sigma_t2, sc.sigma_barn * sc.T_keV**2, rtol=1e-15)
    np.testing.assert_allclose(sc.delta, G.delta_mu(sc.T_keV, table="elam"), rtol=1e-15)
    full = G.scan()
    assert full.table == "henke" and np.array_equal(full.T_keV, G.energy_grid())


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"points": 1}, "points must be an integer >= 2"),
        ({"points": True}, "points must be"),
        ({"T_min": 5.0, "T_max": 2.0}, "0 < T_min < T_max"),
        ({"T_min": float("nan")}, "0 < T_min < T_max"),
        ({"T_max": 40.0}, "leave the henke table"),
        ({"table": "xcom"}, "table must be"),
        ({"element": "Xx"}, "element must be"),
    ],
)
def test_bad_grid(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError) as err:
        G.energy_grid(**kwargs)  # type: ignore[arg-type]
    assert fragment in str(err.value)


def test_bad_energies_name_the_argument() -> None:
    for bad in (-1.0, 0.0, float("nan"), "x", [1.0, 50.0]):
        with pytest.raises(ValueError, match="T_keV"):
            G.delta_mu(bad)  # type: ignore[arg-type]


def test_other_elements_use_their_own_z() -> None:
    assert G.atomic_number("Si") == 14
    d = G.delta_mu(8.0, element="Si")
    assert d == pytest.approx(G.sigma_t2(8.0, element="Si") * G.delta_per_sigma_t2(14))


def test_ten_thousand_energies_in_50_ms() -> None:
    """The brief's figure: delta_mu for Ge on 10^4 energies, after the first call."""
    t = np.geomspace(1, 30, 10_000)
    for table in X.TABLES:
        G.delta_mu(t, table=table)
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            G.delta_mu(t, table=table)
            best = min(best, time.perf_counter() - start)
        assert best < 0.05, (table, best)


def test_natural_units_by_three_routes() -> None:
    si = float(G.natural(2.5e6))
    assert si == pytest.approx(6.420473652868e-3, rel=1e-12)
    for route in ("pdg", "atomic"):
        assert float(G.natural(2.5e6, route=route)) == pytest.approx(si, rel=1e-8)  # type: ignore[arg-type]
    assert G.delta_per_sigma_t2(32) * 2.5e6 == pytest.approx(
        si / (4 * np.pi**2 * (1 / 137.035999084) * 32), rel=1e-9
    )
    with pytest.raises(ValueError, match="route"):
        G.natural(1.0, route="cgs")  # type: ignore[arg-type]


@pytest.mark.parametrize("table", X.TABLES)
def test_sensitivity(table: X.TableName) -> None:
    """The shells above K carry 13-15 % of sigma at the maximum; sigma T^2 falls above the K
    edge (slope -0.5 to -0.95); on whole keV the maximum moves to 12 keV, 4-8 % lower, still
    above the paper's 2.5e6; at 14 keV log-log interpolation between nodes changes sigma T^2 by
    < 0.3 %, linear interpolation by up to 9 % (Elam's nodes at 11.1 and 15 keV)."""
    v = G.sensitivity(table)
    s = G.summary(table=table)
    assert 0.12 < v.outer_share < 0.16
    assert -1.0 < v.slope < -0.5
    assert v.coarse_peak.T_keV == 12.0 and 0.91 < v.coarse_peak.sigma_t2 / s.peak.sigma_t2 < 0.97
    assert v.coarse_peak.sigma_t2 > G.PAPER_PEAK_SIGMA_T2
    spline, loglog, linear = v.at_paper_T
    assert spline == s.sigma_t2_at_paper_T
    assert v.falls_to_paper_T  # 14 keV is a maximum of no grid with a point in (T_max, 14 keV)
    assert abs(loglog / spline - 1) < 3e-3 and abs(linear / spline - 1) < 0.09


@pytest.mark.parametrize("table", X.TABLES)
def test_order_band_fails_only_below_the_l3_edge(table: X.TableName) -> None:
    spans = G.outside_band(10**5.5, 10**6.5, table=table)
    assert len(spans) == 1 and spans[0][0] == 1.0 and 1.2165 <= spans[0][1] <= 1.2171
    assert G.outside_band(1e5, 1e7, table=table) == ()


@pytest.mark.parametrize("table", X.TABLES)
def test_weighted_peak(table: X.TableName) -> None:
    """σT² peaks at the K edge (on the grid, as summary's exact maximum); σT³ rises to 30 keV
    (the control of eq13.germanium's part (b)); σT peaks at an L edge (1.2–1.42 keV)."""
    s = G.summary(table=table)
    two = G.weighted_peak(2, table=table)
    assert two.T_keV == pytest.approx(s.peak.T_keV, rel=1e-6)
    assert two.sigma_t2 == pytest.approx(s.peak.sigma_t2, rel=1e-6)
    assert G.weighted_peak(3, table=table).T_keV == 30.0
    assert 1.21 < G.weighted_peak(1, table=table).T_keV < 1.42
