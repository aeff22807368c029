"""The Hartree–Slater atom: self-consistent levels, its discrete share of the Bethe sum, and a
control (the share into occupied levels is not counted)."""

from __future__ import annotations

import pytest

from sumrules.models.central_field import central_field, discrete_share


def test_argon_levels_are_ordered_and_bound() -> None:
    e = central_field("Ar").energies
    assert e[1, 0] < e[2, 0] < e[2, 1] < e[3, 0] < e[3, 1] < 0
    assert -0.45 < e[3, 1] < -0.35 and -120 < e[1, 0] < -105


def test_discrete_share_falls_with_q_and_is_a_fraction_of_the_shortfall() -> None:
    shares = [sum(discrete_share("Ar", q).values()) for q in (0.0268173, 0.5, 2.0)]
    assert shares == sorted(shares, reverse=True)
    assert 1.0 < shares[0] < 1.3 and shares[2] < 0.1
    # the tables' shortfall at q → 0 is 3.93: the discrete lines fill about 30% of it
    assert 0.2 < shares[0] / 3.93 < 0.4
    with pytest.raises(ValueError, match="q"):
        discrete_share("Ar", 0.0)


def test_the_field_has_a_rydberg_series() -> None:
    """Control on Latter's tail: the field holds many empty bound p levels (a Rydberg series);
    a field cut to a neutral-atom potential would hold few."""
    E, _ = central_field("Ar").levels(1)
    assert len(E) > 10 and E[2] > -0.1
