"""Tests of sumrules.models.hydrogenic.closed_form_ratios."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic.closed_form_ratios import (
    RATIO_FORMS,
    derive_exact_ratios,
    exact_sum_rule_ratios,
    ratio_expression,
    state_ratio_table,
    sum_rule_ratios_closed,
)
from sumrules.models.hydrogenic.ground import exact_sum_rule_ratio


def _T(n: int, t_over_i: str) -> mpmath.mpf:
    with mpmath.workdps(60):
        return mpmath.mpf(t_over_i) / (2 * n * n)


@pytest.mark.parametrize(("n", "l", "x"), [(2, 0, "2"), (2, 1, "100")])
def test_quadrature_equals_closed_form(n: int, l: int, x: str) -> None:
    q = sum_rule_ratios_closed(n, l, _T(n, x), dps=30)
    e = exact_sum_rule_ratios(n, l, _T(n, x), dps=30)
    assert min(agreement_digits(a, b) for a, b in zip(q, e, strict=True)) >= 29
    # negative control: the closed form without the Sommerfeld division
    with mpmath.workdps(40):
        kap = mpmath.sqrt(mpmath.mpf(x) - 1)
        wrong = e[0] * -mpmath.expm1(-2 * mpmath.pi * n / kap)
    assert agreement_digits(q[0], wrong) < 29


@pytest.mark.parametrize(("l", "x"), [(1, "1.5"), (3, "10")])
def test_n4_closed_form_ratio_equals_the_quadrature_of_s(l: int, x: str) -> None:
    """4p, 4f: r(κ) (Möbius substitution) against the q-quadrature of the closed-form S at dps 20
    (the full table at dps 30, and the 3D Coulomb wave, in benchmarks/bench_states.py and the
    issue's table); negative control: the neighbouring state's r(κ) at the same T/I."""
    q = sum_rule_ratios_closed(4, l, _T(4, x), dps=20)
    e = exact_sum_rule_ratios(4, l, _T(4, x), dps=20)
    assert min(agreement_digits(a, b) for a, b in zip(q, e, strict=True)) >= 19
    other = exact_sum_rule_ratios(4, l - 1, _T(4, x), dps=20)
    assert max(agreement_digits(a, b) for a, b in zip(q, other, strict=True)) < 8


@pytest.mark.slow
@pytest.mark.parametrize(("n", "l"), [(2, 0), (2, 1), (3, 0), (3, 1), (3, 2)])
@pytest.mark.parametrize("x", ["1.001", "1.5", "10"])
def test_quadrature_equals_closed_form_more(n: int, l: int, x: str) -> None:
    q = sum_rule_ratios_closed(n, l, _T(n, x), dps=30)
    e = exact_sum_rule_ratios(n, l, _T(n, x), dps=30)
    assert min(agreement_digits(a, b) for a, b in zip(q, e, strict=True)) >= 29


def test_1s_matches_ground() -> None:
    for x in ("1.001", "2", "100"):
        r = exact_sum_rule_ratios(1, 0, _T(1, x))
        assert r[0] == r[1]
        assert agreement_digits(r[0], exact_sum_rule_ratio(_T(1, x))) >= 29
    # negative control: the 2s form at the 1s energy is not the 1s ratio
    assert agreement_digits(exact_sum_rule_ratios(2, 0, _T(1, "2"))[0], exact_sum_rule_ratio(1)) < 3


def test_nmm_differs_from_ew_beyond_1s() -> None:
    assert derive_exact_ratios(1, 0).identical
    for n, l in [(2, 0), (2, 1)]:
        r_nmm, r_ew = exact_sum_rule_ratios(n, l, _T(n, "2"))
        assert agreement_digits(r_nmm, r_ew) < 4
        assert RATIO_FORMS[(n, l)].nmm != RATIO_FORMS[(n, l)].ew


def test_1s_ratio_derivation_matches_table() -> None:
    d = derive_exact_ratios(1, 0)
    assert d.matches_table()
    # negative control: the 1s derivation is not the 2s table
    wrong = type(d)(2, 0, d.a_nmm, d.b_nmm, d.a_ew, d.b_ew)
    assert not wrong.matches_table()


@pytest.mark.slow
@pytest.mark.parametrize("state", [(2, 0), (2, 1), (3, 0), (3, 1), (3, 2)])
def test_ratio_derivation_matches_table(state: tuple[int, int]) -> None:
    assert derive_exact_ratios(*state).matches_table()


def test_threshold_limit() -> None:
    """κ → 0: r → 1 − e^{−4n} B(0)/c (atan κ/κ → 1, e^{−2πn/κ} → 0); at κ = 10⁻¹⁰ to 19 digits."""
    for (n, l), form in RATIO_FORMS.items():
        with mpmath.workdps(40):
            T = (1 + mpmath.mpf(10) ** -20) / (2 * n * n)
        r = exact_sum_rule_ratios(n, l, T, dps=30)
        for which, value in zip(("nmm", "ew"), r, strict=True):
            b0 = form.b(which).subs(sp.Symbol("y"), 0)
            with mpmath.workdps(40):
                limit = 1 - mpmath.exp(-4 * n) * mpmath.mpf(b0.p) / b0.q
                assert agreement_digits(value, limit) >= 19
                # negative control: the limit without the factor e^{−4n}
                assert agreement_digits(value, 1 - mpmath.mpf(b0.p) / b0.q) < 1


def test_table_rows_and_inputs() -> None:
    row = state_ratio_table(2, 1, ["1.5"], dps=15)[0]
    assert agreement_digits(row.r_ew, row.exact_ew) >= 14
    with pytest.raises(ValueError, match="T_over_I"):
        state_ratio_table(2, 1, ["0.5"])
    with pytest.raises(ValueError, match="which"):
        ratio_expression(2, 1, "x")
    with pytest.raises(ValueError, match="T must"):
        exact_sum_rule_ratios(2, 1, "0.1")
