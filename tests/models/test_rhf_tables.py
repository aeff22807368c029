"""Argon and xenon: the tables' ratios, stepping, shell model (uncut and cut) and Bethe sums."""

from __future__ import annotations

import pytest

from sumrules.data.xray import photoabsorption
from sumrules.models.rhf_tables import (
    analysis,
    bethe_point,
    curves,
    dipole_cross_section,
    ratio_point,
)


def test_uncut_model_is_the_stepping_count_at_large_t() -> None:
    for el in ("Ar", "Xe"):
        p = ratio_point(el, 9.0)
        assert p.stepping == (18.0 if el == "Ar" else 52.0)
        assert abs(p.model_nmm / p.stepping - 1) < 0.005
        assert p.table_nmm / p.stepping < 0.5  # the cut: the table keeps less than half


def test_cut_model_reproduces_the_table_where_the_cut_dominates() -> None:
    for el, T in (("Ar", 1.0), ("Ar", 3.0), ("Ar", 9.0), ("Xe", 3.0), ("Xe", 9.0)):
        p = ratio_point(el, T)
        assert abs(p.cut_nmm / p.table_nmm - 1) < 0.1
        assert abs(ratio_point(el, T, 3).cut_nmm / p.table_nmm - 1) > 0.1  # control: L ≤ 3


def test_xenon_outer_subshells_answer_by_their_curves() -> None:
    assert ratio_point("Xe", 1.0).assumed_one == ratio_point("Ar", 1.0).assumed_one == 0
    p = ratio_point("Xe", 0.1)  # only 4d, 5s, 5p open: their curves, not the stepping count
    assert p.stepping == 18 and 0.995 < p.model_nmm / 18 < 0.999
    assert next(s.name for s in analysis("Xe").shells) == "2s"  # 1s left out like the table
    with pytest.raises(ValueError, match="T_keV"):
        ratio_point("Ar", 0.01)


def test_bethe_sum_against_the_closure_of_the_cut() -> None:
    p = bethe_point("Ar", 2.0)
    assert abs(p.bethe_total / p.closure - 1) < 0.02
    q8 = bethe_point("Ar", 8.0)
    assert q8.bethe_total < 0.7 * q8.electrons and abs(q8.bethe_total / q8.closure - 1) < 0.1
    assert bethe_point("Ar", 0.5).bethe_total < 0.85 * 18  # continuum only: discrete missing


def test_dipole_limit_is_the_photoabsorption_of_the_x_ray_tables() -> None:
    """The tables' q → 0 limit against Chantler's photoabsorption, 1–9 keV: within 6%."""
    for el in ("Ar", "Xe"):
        for T in (1.0, 3.0, 9.0):
            i = analysis(el).table
            t = float(i.E_keV[i.E_keV >= T][0])
            ratio = dipole_cross_section(el, T) / float(photoabsorption(el, t, table="chantler"))
            assert abs(ratio - 1) < 0.06, (el, T, ratio)


def test_figure_curves_start_at_the_model_range() -> None:
    c = curves("Ar", 8)
    assert c.T_keV[0] >= 0.05 and len(c.T_keV) == len(c.cut_nmm) == len(c.stepping)
    assert c.stepping[-1] == 18.0


def test_argon_model_is_the_generic_shell_atom() -> None:
    """Σ N_s r_s of the cut shells is shell_atom("Ar") of the germanium code, at 1 and 9 keV."""
    from sumrules.models.shells import shell_atom

    atom = shell_atom("Ar")
    for T in (1.0, 9.0):
        r_nmm, r_ew = atom.sum_rule_ratios(T)
        p = ratio_point("Ar", T)
        assert p.model_nmm / 18 == pytest.approx(float(r_nmm), rel=1e-12)
        assert p.model_ew / 18 == pytest.approx(float(r_ew), rel=1e-12)
        assert p.stepping == atom.stepping_count(T)
    with pytest.raises(ValueError, match="no hydrogenic response"):
        shell_atom("Xe")


def test_threshold_jumps_shell_by_shell() -> None:
    from sumrules.models.rhf_tables import threshold_jumps

    ar = {j.orbitals: j for j in threshold_jumps("Ar")}
    two_s = ar[("2s_1/2",)]
    assert two_s.model is not None and abs(two_s.table / two_s.model - 1) < 0.01
    assert ar[("1s_1/2",)].electrons == 2 and ar[("2p_1/2", "2p_3/2")].electrons == 6
    xe = {j.orbitals: j for j in threshold_jumps("Xe")}
    four_d = xe[("4d_5/2",)]  # the 4d → εf onset is delayed (centrifugal barrier): the table
    assert four_d.model is not None and four_d.table < 0.5 * four_d.model  # jumps by 0.41 only
    assert abs(xe[("2s_1/2",)].table / xe[("2s_1/2",)].model - 1) < 0.1  # type: ignore[operator]
