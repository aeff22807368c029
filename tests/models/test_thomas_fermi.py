"""The Thomas–Fermi atom: φ against its known values, the normalisation, the count N(T)."""

from __future__ import annotations

import pytest

from sumrules.models.thomas_fermi import thomas_fermi


def test_phi_known_values_and_normalisation() -> None:
    tf = thomas_fermi(32)
    assert abs(tf.phi(1.0) - 0.424008) < 1e-6 and abs(tf.phi(10.0) - 0.024314) < 1e-6
    assert abs(tf.phi(0.0) - 1) < 1e-15 and tf.step_error < 1e-7
    assert abs(tf.normalisation - 32) < 1e-8


def test_the_count_rises_from_0_to_Z() -> None:
    tf = thomas_fermi(32)
    counts = [tf.count_below(t) for t in (0.001, 0.01, 0.1, 1.0, 10.0, 30.0, 1000.0)]
    assert counts == sorted(counts) and counts[0] > 0 and 31.9 < counts[-1] < 32
    assert abs(tf.count_below(2.0) - 28.500) < 1e-2


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="T_keV must be positive"):
        thomas_fermi(32).count_below(0)
    with pytest.raises(ValueError, match="Z must be a positive integer"):
        thomas_fermi(0)
    with pytest.raises(ValueError, match="x must be in"):
        thomas_fermi(32).phi(30.0)
