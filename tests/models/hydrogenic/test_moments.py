"""Hydrogen 1s: which coefficients of the expansion exist (functions of
sumrules.models.hydrogenic.moments used by claim eq20.coulomb-orders)."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.models.hydrogenic import moments as cm
from sumrules.theory.expansion import Q2


def test_commutator_closed_form_of_phhp() -> None:
    a = sp.Symbol("a", positive=True)
    hh = cm.pz_hh_pz_by_commutator(a)
    assert sp.simplify(sp.diff(hh, a) + sp.Rational(4, 3) * sp.exp(-2 * a) / a**2) == 0
    assert 0 < sp.N(hh.subs(a, 40), 30) < 1e-35  # vanishes at a -> oo (sympy leaves the limit)
    assert sp.limit(hh * a, a, 0, "+") == cm.word_value("PhhP").leading * cm.R_MIN
    numeric = cm.cutoff_integral_numeric("PhhP", 1.0, dps=15)
    assert abs(numeric - sp.N(hh.subs(a, 1), 20)) < 1e-12


def test_pz_hh_pz_needs_a_positive_cutoff() -> None:
    with pytest.raises(ValueError, match="r_min"):
        cm.pz_hh_pz_by_commutator(0)


@pytest.mark.parametrize("k", range(5))
def test_coefficients_by_spherical_integrals_and_by_commutators(k: int) -> None:
    assert cm.coulomb_coefficient(k) == cm.coefficient_from_words(k, cm.commutator_word_values())


def test_coefficient_from_words() -> None:
    values = cm.commutator_word_values()
    assert cm.coefficient_from_words(2, values) == Q2 / 3
    assert cm.coefficient_from_words(4, {**values, "PhhP": sp.Integer(0)}) == Q2**2
    assert cm.coefficient_from_words(4, {**values, "PhhP": "divergent"}) == "divergent"
    with pytest.raises(ValueError, match="no value"):
        cm.coefficient_from_words(3, {})


def test_first_infinite_order() -> None:
    values = cm.commutator_word_values()
    assert cm.first_infinite_order(values) == 4 == cm.first_undefined_order(4)
    assert cm.first_infinite_order({**values, "PhhP": sp.Integer(0)}) is None
    assert cm.first_infinite_order({"PhhPPP": "divergent", "PhhP": sp.oo}) == 4
    assert cm.first_infinite_order({"PhhPPP": "divergent", "PP": sp.Integer(1)}) == 6
