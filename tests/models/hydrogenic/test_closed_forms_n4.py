"""The n = 4 closed forms of sumrules.models.hydrogenic.closed_forms against the independent
three-dimensional Coulomb-wave route (a file of their own: the route's sympy tables cost about
a second per state), with a negative control (one wrong coefficient)."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.models.hydrogenic.closed_forms import (
    CLOSED_FORMS,
    ClosedForm,
    ReducedState,
    continuum_density_closed,
)
from sumrules.models.hydrogenic.coulomb_waves import continuum_density as coulomb_wave_density

#: (T, q) in hartree and bohr⁻¹ for n = 4 (threshold 1/32) per l: near threshold at small q,
#: and the Bethe ridge region or far above it (taken in turn: the quadrature costs ~1 s each)
N4_POINTS = {
    0: [("0.0315", "0.02"), ("1.5", "2")],
    1: [("0.0315", "0.02"), ("0.1", "0.5")],
    2: [("0.0315", "0.02"), ("1.5", "2")],
    3: [("0.0315", "0.02"), ("0.1", "0.5")],
}


def _relative_difference(a: mpmath.mpf, b: mpmath.mpf) -> mpmath.mpf:
    with mpmath.workdps(50):
        return abs(a / b - 1)


@pytest.mark.parametrize("l", [0, 1, 2, 3])
def test_n4_against_coulomb_wave(l: int) -> None:
    """The stored n = 4 forms against the independent 3D Coulomb-wave route, ≥ 25 digits at
    dps 30 (computed at dps 30 each, compared at 50 digits)."""
    for T, q in N4_POINTS[l]:
        closed = continuum_density_closed(4, l, T, q, dps=30)
        wave = coulomb_wave_density(4, l, T, q, dps=30)
        assert _relative_difference(closed, wave) < mpmath.mpf(10) ** -25


def _wrong_form(form: ClosedForm, index: int) -> ClosedForm:
    """``form`` with the coefficient of its ``index``-th monomial off by one."""
    terms = [
        f"({c + (1 if k == index else 0)})*x**{i}*y**{j}" for k, (i, j, c) in enumerate(form.terms)
    ]
    return ClosedForm(form.n, form.l, form.prefactor, form.order, " + ".join(terms))


@pytest.mark.parametrize("index", [0, -1])
def test_n4_wrong_coefficient_rejected(index: int) -> None:
    """Negative control: one coefficient of P(4p) off by one (the leading and the constant term;
    P has coefficients up to ~10⁹) is rejected by the same comparison; unchanged, accepted."""
    form = CLOSED_FORMS[(4, 1)]
    T, q = "0.1", "0.5"
    wave = coulomb_wave_density(4, 1, T, q, dps=30)
    index = index % len(form.terms)
    with mpmath.workdps(40):
        values = []
        for f in (form, _wrong_form(form, index)):
            st = ReducedState(f, mpmath.mpf(1) / 4, mpmath.sqrt(2 * mpmath.mpf(T) * 16 - 1))
            values.append(st.density(mpmath.mpf(q) * 4)[0] * 16)
    assert _relative_difference(values[0], wave) < mpmath.mpf(10) ** -25
    assert _relative_difference(values[1], wave) > mpmath.mpf(10) ** -20
