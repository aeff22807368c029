"""Tests of sumrules.models.hydrogenic.certified_states (python-flint, the ``flint`` extra)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

pytest.importorskip("flint")

from sumrules.models.hydrogenic.certified_states import (
    certified_state_ratios,
    certified_state_table,
    judge,
    state_negative_controls,
    state_tail_bounds,
)
from sumrules.models.hydrogenic.closed_form_ratios import exact_sum_rule_ratios
from sumrules.models.hydrogenic.closed_forms import continuum_density_closed


def test_certified_contains_closed_form() -> None:
    T = Fraction(2, 8)
    cr = certified_state_ratios(2, 0, T, digits=20)
    exact = exact_sum_rule_ratios(2, 0, T, dps=40)
    assert cr.digits >= 20 and judge(cr, exact, 20)
    # negative control: the same check against the 2p closed form
    assert not judge(cr, exact_sum_rule_ratios(2, 1, T, dps=40), 20)


@pytest.mark.slow
@pytest.mark.parametrize(("n", "l"), [(2, 0), (2, 1)])
def test_certified_table_30_digits(n: int, l: int) -> None:
    for x, cr in zip(("1.001", "2", "100"), certified_state_table(n, l), strict=True):
        exact = exact_sum_rule_ratios(n, l, Fraction(x) / (2 * n * n), dps=50)
        assert cr.digits >= 30 and judge(cr, exact, 30)


@pytest.mark.parametrize(("n", "l"), [(2, 1), pytest.param(2, 0, marks=pytest.mark.slow)])
def test_negative_controls_caught(n: int, l: int) -> None:
    controls = state_negative_controls(n, l, Fraction(100, 8), digits=15)
    assert len(controls) == 3 and all(c.caught for c in controls), controls


def test_tail_bound_exceeds_tail() -> None:
    T, Q = "0.25", 6
    b_nmm, b_ew = state_tail_bounds(2, 1, T, Q)
    with mpmath.workdps(20):
        tail_ew = mpmath.quad(
            lambda q: q * continuum_density_closed(2, 1, T, q, dps=20), [Q, 2 * Q, mpmath.inf]
        )
        tail_nmm = mpmath.quad(
            lambda q: 2 * mpmath.mpf(T) * continuum_density_closed(2, 1, T, q, dps=20) / q,
            [Q, 2 * Q, mpmath.inf],
        )
    assert b_ew.contains(tail_ew) and b_nmm.contains(tail_nmm)
    # negative control: a zero bound (as in the zero-tail control) does not contain the tail
    assert not b_ew.contains(0 * tail_ew + tail_ew * 2 + b_ew.rad)


def test_inputs() -> None:
    with pytest.raises(ValueError, match="T must"):
        certified_state_ratios(2, 1, "0.125")
    with pytest.raises(ValueError, match="cutoff"):
        certified_state_ratios(2, 1, "0.25", cutoff="0.5")
    with pytest.raises(ValueError, match="l must"):
        certified_state_ratios(2, 2, "0.25")
