"""sumrules.theory.nmm_vertex: the vertex of Eq. (3) is the Pauli term, the Gordon identity
gives μ_B = e/2m, and the spinor Coulomb exchange equals the traces; wrong vertices differ."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.theory.nmm_vertex import (
    coulomb_exchange_spinors,
    gordon_coefficient,
    gordon_coefficient_spinors,
    matrix_ratio,
    pauli_ratio,
    pauli_ratio_general,
    pauli_ratio_spinors,
)
from sumrules.theory.scattering import Q2, E, T, coulomb_exchange_coefficient, e, mu


def test_pauli_term_is_the_printed_vertex_up_to_a_phase() -> None:
    assert pauli_ratio_general() == -sp.I
    q, a = (3, -1, 2, sp.Rational(1, 2)), (1, 0, 2, -1)
    assert pauli_ratio(q, a) == -sp.I
    assert agreement_digits(pauli_ratio_spinors(q, a, dps=30), -1j) > 25
    assert pauli_ratio(q, a, "no half") == -sp.I / 2
    assert pauli_ratio(q, a, "charge") is sp.nan
    assert mpmath.isnan(pauli_ratio_spinors(q, a, "charge", dps=30))


def test_gordon_identity_gives_the_bohr_magneton() -> None:
    assert gordon_coefficient() == sp.Rational(1, 2)
    value = gordon_coefficient_spinors((2, 1, 0), (-1, 3, sp.Rational(1, 2)), mass=3, dps=30)
    assert agreement_digits(value, sp.Rational(1, 2)) > 25


def test_spinor_coulomb_exchange_equals_the_traces() -> None:
    c = coulomb_exchange_coefficient().subs({e: 1, mu: 1})
    for point in ((3000, 1, 1022), (100, 5, 50)):
        exact = c.subs({E: point[0], T: point[1], Q2: point[2]})
        assert agreement_digits(coulomb_exchange_spinors(*point, dps=30), exact) > 25
        charge = coulomb_exchange_spinors(*point, kind="charge", dps=30)
        assert agreement_digits(charge, exact) < 1  # negative control


def test_kinematics_and_ratios_refused() -> None:
    with pytest.raises(ValueError, match="kinematic"):
        coulomb_exchange_spinors(100, 5, 1)  # Q < T
    assert matrix_ratio(sp.Matrix([[1, 0], [0, 1]]), sp.Matrix([[1, 0], [0, 2]])) is sp.nan
    assert matrix_ratio(sp.Matrix([[1, 1], [0, 1]]), sp.Matrix([[1, 0], [0, 1]])) is sp.nan
