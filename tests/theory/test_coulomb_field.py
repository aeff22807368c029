"""sumrules.theory.coulomb_field: A₀ = κρ/q² with κ = √(4πα) (Heaviside–Lorentz) and 4π√α
(Gaussian), by Poisson's equation, by Fourier transforms (sympy and quadrature) and by the
Coulomb energy α/r; a wrong Green's function or convention is caught."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.theory.coulomb_field import (
    CONVENTIONS,
    coulomb_coefficient,
    coulomb_coefficient_fourier,
    coulomb_coefficient_from_energy,
    coulomb_coefficient_numeric,
    elementary_charge,
    gauss_law_factor,
    neutral_atom_potential,
    point_charge_potential,
)

alpha = sp.Symbol("alpha", positive=True)
r = sp.Symbol("r", positive=True)


def test_four_routes_agree_in_each_convention() -> None:
    expected = {
        "heaviside-lorentz": sp.sqrt(4 * sp.pi * alpha),
        "gaussian": 4 * sp.pi * sp.sqrt(alpha),
    }
    hydrogen = sp.exp(-2 * r) / sp.pi
    for conv in CONVENTIONS:
        for route in (
            coulomb_coefficient,
            coulomb_coefficient_fourier,
            coulomb_coefficient_from_energy,
        ):
            assert sp.simplify(route(conv) - expected[conv]) == 0, (conv, route)
        numeric = coulomb_coefficient_numeric(conv, hydrogen, 1, sp.Rational(1, 2), dps=30)
        assert agreement_digits(numeric, expected[conv] / sp.sqrt(alpha)) > 25


def test_the_printed_coefficient_is_heaviside_lorentz_only() -> None:
    printed = sp.sqrt(4 * sp.pi * alpha)
    holds = [c for c in CONVENTIONS if sp.simplify(coulomb_coefficient(c) - printed) == 0]
    assert holds == ["heaviside-lorentz"]


def test_neutral_hydrogen_potential() -> None:
    phi = neutral_atom_potential("heaviside-lorentz", sp.exp(-2 * r) / sp.pi, 1)
    e = elementary_charge("heaviside-lorentz")
    assert sp.simplify(phi - e * (1 + 1 / r) * sp.exp(-2 * r) / (4 * sp.pi)) == 0
    # negative control: without the electrons the potential is that of the bare nucleus
    bare = neutral_atom_potential("heaviside-lorentz", sp.Integer(0), 1)
    assert sp.simplify(bare - point_charge_potential("heaviside-lorentz", r)) == 0
    assert sp.simplify(bare - phi) != 0


def test_bad_convention() -> None:
    with pytest.raises(ValueError, match="convention"):
        gauss_law_factor("si")  # type: ignore[arg-type]
