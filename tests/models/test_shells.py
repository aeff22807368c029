"""The germanium shell model: subshells from the edges, effective charges, counts, ratios,
limits, the Atom protocol, bad input."""

from __future__ import annotations

import math

import mpmath
import pytest

from sumrules.models import Atom, ShellAtom, germanium
from sumrules.models.germanium_curve import TABLE_T_KEV
from sumrules.models.shells import (
    CONFIGURATION,
    EDGE_PAIRS,
    MODELS,
    check_energy_kev,
    configuration,
    edge_count,
    edge_pairs,
    hartree_kev,
    label_of,
    shell_atom,
    slater_charge,
    subshells,
)

STEPS = {0.1: 14, 0.5: 22, 1.0: 22, 1.3: 28, 1.5: 30, 2.0: 30, 5.0: 30, 10.0: 30, 11.2: 32}


def test_subshells_binding_energies_and_charges() -> None:
    ge = germanium()
    assert [s.name for s in ge.shells] == ["1s", "2s", "2p", "3s", "3p", "3d", "4s", "4p"]
    assert sum(s.occupancy for s in ge.shells) == ge.electrons == 32
    e = {s.name: float(s.binding_keV) for s in ge.shells}
    assert e["1s"] == 11.103 and e["2s"] == 1.4146
    assert math.isclose(e["2p"], (2 * 1.2481 + 4 * 1.217) / 6, rel_tol=1e-15)
    assert math.isclose(e["3d"], (4 * 0.0298 + 6 * 0.0292) / 10, rel_tol=1e-15)
    assert (e["4s"], e["4p"]) == (0.005, 0.003)
    with mpmath.workdps(30):
        for s in ge.shells:  # binding model: the hydrogenic threshold is the edge
            assert abs(s.Z_eff**2 / (2 * s.n**2) * hartree_kev() - s.binding_keV) < 1e-25
            assert s.threshold_keV == s.binding_keV


def test_slater_charges_and_thresholds() -> None:
    z = [float(slater_charge(CONFIGURATION, n, l)) for n, l, _ in CONFIGURATION]
    expected = [31.7, 27.85, 27.85, 20.75, 20.75, 10.85, 5.65, 5.65]
    assert all(abs(a - b) < 1e-12 for a, b in zip(z, expected, strict=True))
    s = germanium("slater")
    thresholds = [round(float(x.threshold_keV), 4) for x in s.shells]
    assert thresholds[0] == 13.6722 and thresholds[5] == 0.178
    assert [x.binding_keV for x in s.shells] == [x.binding_keV for x in germanium().shells]


@pytest.mark.parametrize(("T", "n"), sorted(STEPS.items()))
def test_stepping_counts(T: float, n: int) -> None:
    assert germanium().stepping_count(T) == n == edge_count(T)


def test_edge_count_resolves_spin_orbit_pairs() -> None:
    assert float(edge_count(1.23)) == 26.0 and germanium().stepping_count(1.23) == 28
    assert germanium("slater").open_count(2.0) == 22 and germanium("slater").open_count(14) == 32


def test_ratios_below_and_above_edges_and_the_large_T_limit() -> None:
    ge = germanium()
    below = ge.shell_ratios(11.0)
    assert dict((k, a) for k, a, _ in below.shells)["1s"] == 0
    above = ge.shell_ratios(11.2)
    r1s = dict((k, a) for k, a, _ in above.shells)["1s"]
    assert 0.957 < r1s < 0.96  # just above threshold, 1 − (7/3)e⁻⁴ = 0.9573 at it
    d30 = [1 - v for v in ge.sum_rule_ratios(30)]
    d50 = [1 - v for v in ge.sum_rule_ratios(50)]
    assert all(0 < b < a < 2e-3 for a, b in zip(d30, d50, strict=True))


def test_live_quadrature_agrees_with_the_interpolants() -> None:
    ge = germanium()
    live = ge.live_ratios(0.06, dps=15)
    fast = ge.sum_rule_ratios(0.06, dps=15)
    assert all(abs(a - b) < 1e-12 for a, b in zip(live, fast, strict=True))
    assert sorted(ge.ratio_routes()) == ["quadrature", "series"]


def test_atom_protocol_where_it_makes_sense() -> None:
    ge = germanium()
    assert isinstance(ge, Atom) and isinstance(ge, ShellAtom)
    assert ge.name == "Ge shell model (binding)" and float(ge.threshold) == 0.003
    assert ge.resolvent_routes() == {}
    with pytest.raises(NotImplementedError, match="no resolvent"):
        ge.resolvent(1, 1)
    s = ge.structure_function(0.06, "0.5", dps=15)
    assert s > 0


@pytest.mark.parametrize(
    ("T", "message"),
    [
        (0, "T_keV must be positive, got 0"),
        (-2.0, "T_keV must be positive"),
        (float("nan"), "T_keV must be finite"),
        (float("inf"), "T_keV must be finite"),
        (51, "T_keV must be at most 50 keV"),
        (0.01, "T_keV must be at least 0.05 keV"),
        (True, "T_keV must be a real number"),
        ("2", "T_keV must be a real number"),
        (1j, "T_keV must be a real number"),
    ],
)
def test_bad_energies_name_the_argument(T: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        germanium().sum_rule_ratios(T)
    with pytest.raises(ValueError, match="T_keV"):
        check_energy_kev(T)


def test_unknown_model_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="model must be one of binding, slater; got 'hf'"):
        germanium("hf")
    assert MODELS == ("binding", "slater")
    assert max(TABLE_T_KEV) <= 50


def test_configurations_count_the_electrons_and_follow_the_exceptions() -> None:
    for z in range(1, 55):
        assert sum(k for _, _, k in configuration(z)) == z
    assert configuration(18) == ((1, 0, 2), (2, 0, 2), (2, 1, 6), (3, 0, 2), (3, 1, 6))
    assert configuration(24)[-2:] == ((3, 2, 5), (4, 0, 1))  # Cr, not 3d⁴ 4s²
    assert (5, 0) not in {(n, l) for n, l, _ in configuration(46)}  # Pd 4d¹⁰
    assert [label_of(n, l) for n, l, _ in configuration(54)][-3:] == ["4d", "5s", "5p"]
    for bad in (0, 55, 2.0, True, "Ge"):
        with pytest.raises(ValueError, match="Z must be an integer"):
            configuration(bad)


def test_edge_names_are_iupac() -> None:
    assert edge_pairs(3, 2) == (("M4", 4), ("M5", 6)) and edge_pairs(5, 1) == (("O2", 2), ("O3", 4))
    assert [edge_pairs(n, l) for n, l, _ in CONFIGURATION] == list(EDGE_PAIRS.values())


def test_shell_atom_is_generic_and_germanium_is_one_of_them() -> None:
    ge, by_z = shell_atom("ge", "slater"), shell_atom(32, "slater")
    assert (
        ge is by_z and repr(ge) == repr(germanium("slater")) == "shell_atom('Ge', model='slater')"
    )
    assert [float(s.Z_eff) for s in ge.shells] == [
        float(s.Z_eff) for s in germanium("slater").shells
    ]
    ar = shell_atom("Ar")
    assert ar.electrons == 18 and ar.stepping_count(0.1) == 8 == float(edge_count(0.1, "Ar"))
    assert (
        ar.stepping_count(0.3) == 14
        and ar.stepping_count(0.33) == 16
        and ar.stepping_count(3.3) == 18
    )
    r = ar.sum_rule_ratios(5.0)
    assert all(0.99 < v < 1.01 for v in r)
    kr = shell_atom("Kr", "slater")
    assert [s.name for s in kr.shells][-1] == "4p" and kr.electrons == 36


def test_elements_beyond_the_shipped_states_or_edges_are_refused_by_name() -> None:
    xe = subshells("Xe")
    assert [s.name for s in xe][-3:] == ["4d", "5s", "5p"] and sum(s.occupancy for s in xe) == 54
    assert abs(float(xe[-1].binding_keV) - (2 * 0.0134 + 4 * 0.0121) / 6) < 1e-12
    with pytest.raises(ValueError, match=r"element Xe: no hydrogenic response for 4d, 5s, 5p"):
        shell_atom("Xe")
    with pytest.raises(ValueError, match="xraydb lists no M1 edge for Na"):
        shell_atom("Na")
    with pytest.raises(ValueError, match="element must be an element symbol"):
        shell_atom("Xx")
    with pytest.raises(ValueError, match="model must be one of binding, slater; got 'hf'"):
        shell_atom("Ar", "hf")
