"""The tables' small-q Bethe shortfall: its size, its profile in q, the dipole budget against
measured photoabsorption, and the explanations it rules out."""

from __future__ import annotations

import pytest

from sumrules.models.bethe_shortfall import (
    dipole_budget,
    hydrogenic_discrete_share,
    shortfall,
)
from sumrules.models.rhf_tables import analysis, bethe_point


def test_shortfall_falls_with_q_and_the_cut_keeps_all_at_small_q() -> None:
    for el in ("Ar", "Xe"):
        profile = [shortfall(el, q).profile for q in (0.3, 0.5, 1.0, 2.0)]
        assert profile == sorted(profile, reverse=True) and profile[0] < 1
        assert abs(bethe_point(el, 0.5).closure - bethe_point(el, 0.5).electrons) < 0.01
    assert round(shortfall("Xe", 0.5).shortfall, 2) == 3.31


def test_shortfall_is_flat_on_the_tables_smallest_q() -> None:
    """The q grid is not the cause: the dipole limit is reached on the first columns."""
    for el in ("Ar", "Xe"):
        q = analysis(el).table.q
        a, b = shortfall(el, float(q[0])), shortfall(el, float(q[40]))
        assert q[40] < 0.1 and abs(a.shortfall - b.shortfall) < 0.05


def test_dipole_budget_locates_the_missing_strength() -> None:
    ar, xe = dipole_budget("Ar"), dipole_budget("Xe")
    assert abs(ar.deficit / ar.shortfall - 1) < 0.05 and abs(ar.room_for_lines) < 0.2
    assert abs(xe.deficit / xe.shortfall - 1) < 0.2
    assert ar.data_low - ar.table_low > 0.7 * ar.deficit  # mostly below 0.1 keV
    assert abs(ar.data_tail / ar.table_tail - 1) < 0.1  # the 10 keV cut is not the cause
    assert 0.5 < ar.deficit_spread < 1.0 and 1.5 < xe.deficit_spread < 2.5  # Henke vs Chantler
    # control: an unrelated element's data would not balance argon's table
    assert abs(dipole_budget("Xe").data - ar.table) > 10


def test_hydrogenic_discrete_share_is_no_measure_of_it() -> None:
    d = hydrogenic_discrete_share("Ar", 0.0268173, n_max=12)
    assert sum(d.values()) > 3 * dipole_budget("Ar").shortfall
    assert d["1s"] < d["2p"]
    with pytest.raises(ValueError, match="element"):
        shortfall("Kr", 0.5)
