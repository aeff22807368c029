"""sumrules.models.hydrogenic.shells: electron numbers, the form factor by four routes (sympy,
closed forms, quadrature, the plane wave averaged explicitly), the bound |F| ≤ Z."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic.ground import elastic_form_factor
from sumrules.models.hydrogenic.shells import (
    HYDROGEN,
    LITHIUM,
    MODEL_ATOMS,
    QR,
    Shell,
    electron_count,
    electron_number,
    electron_number_numeric,
    form_factor,
    form_factor_closed,
    form_factor_numeric,
    plane_wave_expectation,
)


def test_electron_numbers() -> None:
    for atom in MODEL_ATOMS:
        assert electron_count(atom) == electron_number(atom) == atom.Z
        assert agreement_digits(electron_number_numeric(atom, dps=20), atom.Z) > 18


def test_form_factor_routes_agree_and_match_the_hydrogen_model() -> None:
    q = sp.Rational(3, 2)
    assert form_factor(HYDROGEN, q) == sp.Rational(16, 1) / (4 + q**2) ** 2
    assert form_factor_closed(HYDROGEN, q, dps=30) == elastic_form_factor(q, dps=30)
    exact = form_factor(LITHIUM, q)
    for numeric in (
        form_factor_closed(LITHIUM, q, dps=30),
        form_factor_numeric(LITHIUM, q, dps=30),
    ):
        assert agreement_digits(numeric, exact) > 26
    assert plane_wave_expectation(LITHIUM, sp.exp(sp.I * QR), q) == exact
    # negative control: a doubled phase is the form factor at 2q
    doubled = plane_wave_expectation(LITHIUM, sp.exp(2 * sp.I * QR), q)
    assert doubled == form_factor(LITHIUM, 2 * q) != exact


def test_bound_by_the_number_of_electrons() -> None:
    for atom in MODEL_ATOMS:
        values = [form_factor(atom, q) for q in (0, sp.Rational(1, 3), 2, 7)]
        assert values[0] == atom.Z
        assert all(abs(v) < atom.Z for v in values[1:])


def test_only_s_shells() -> None:
    with pytest.raises(ValueError, match="1s and 2s"):
        Shell(3, sp.Integer(1), 1)
    with pytest.raises(ValueError, match="1 or 2"):
        Shell(1, sp.Integer(1), 3)
