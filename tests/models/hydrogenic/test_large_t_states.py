"""The large-T law r − 1 ≈ c (I/T)^p of the states beyond 1s (state_ratios).

p and c read off the closed forms of r(κ) with sympy, p = 5/2 + l for both weights, the
universal C_l (3s, 3p predicted from 1s, 2p and confirmed by their own closed forms at large
T), and the fit of computed ratios; negative controls: the s-state exponent for a p state, the
other weight's C_l, a model with the wrong power.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.models.hydrogenic.closed_form_ratios import exact_sum_rule_ratios
from sumrules.models.hydrogenic.state_ratios import (
    fit_large_T_law,
    fitted_law_from_closed_form,
    large_T_exponent,
    large_T_law_exact,
    large_T_numerator_series,
    predicted_large_T_coefficient,
    stepping_table,
    universal_coefficient,
)


@pytest.mark.parametrize(
    ("state", "which", "c"),
    [
        ((2, 1), "nmm", -256 / (35 * sp.pi)),
        ((2, 1), "ew", 832 / (315 * sp.pi)),
        ((4, 3), "nmm", -4481024 / (218295 * sp.pi)),
        ((4, 3), "ew", 622592 / (155925 * sp.pi)),
    ],
)
def test_law_read_off_the_closed_form(state: tuple[int, int], which: str, c: sp.Expr) -> None:
    law = large_T_law_exact(*state, which)
    assert law.exponent == large_T_exponent(state[1]) and sp.simplify(law.coefficient - c) == 0
    assert law.exponent != sp.Rational(5, 2) or state[1] == 0  # p grows with l


@pytest.mark.parametrize(("n", "l", "which"), [(2, 1, "ew"), (3, 2, "nmm")])
def test_power_series_matches_sympy_series(n: int, l: int, which: str) -> None:
    """The exact power-series arithmetic against sympy.series of the same numerator (two
    routes); control: dropping the factor e^{4nu·arctan u} changes the coefficients."""
    from sumrules.models.hydrogenic.closed_form_ratios import RATIO_FORMS

    u = sp.Symbol("u", positive=True)
    b = sp.cancel(RATIO_FORMS[(n, l)].b(which).subs(sp.Symbol("y"), 1 / u**2))
    order = 2 * l + 8
    fast = [
        sp.Rational(c.numerator, c.denominator) for c in large_T_numerator_series(n, b, u, order)
    ]
    slow = sp.series(1 - sp.exp(4 * n * u * sp.atan(u)) * b, u, 0, order).removeO()
    assert fast == [sp.expand(slow).coeff(u, k) for k in range(order)]
    without_exp = sp.expand(b.series(u, 0, order).removeO())
    assert fast != [(1 if k == 0 else 0) - without_exp.coeff(u, k) for k in range(order)]
    with pytest.raises(ValueError, match="singular at u = 0"):
        large_T_numerator_series(n, 1 / u, u, order)


def test_universal_coefficients() -> None:
    assert universal_coefficient(0, "ew") == universal_coefficient(0, "nmm") == 2 * sp.pi / 15
    assert universal_coefficient(1, "nmm") == 6 * sp.pi / 35
    assert universal_coefficient(1, "ew") == -13 * sp.pi / 210
    assert universal_coefficient(3, "nmm") == 547 * sp.pi / 24948
    assert universal_coefficient(3, "ew") == -19 * sp.pi / 4455
    with pytest.raises(ValueError, match=r"^l must be one of \[0, 1, 2, 3\]"):
        universal_coefficient(4, "nmm")


def _scaled_deviation(n: int, l: int, x: int, which: int) -> mpmath.mpf:
    """(r − 1)/(I/T)^{5/2+l} from the state's closed form r at T/I = x."""
    t = Hydrogenic(n, l).energy_at(x, dps=70)
    r = exact_sum_rule_ratios(n, l, t, dps=70)[which]
    with mpmath.workdps(70):
        return (r - 1) * mpmath.mpf(x) ** (mpmath.mpf(5) / 2 + l)


@pytest.mark.parametrize(("n", "l"), [(3, 0), (3, 1), (4, 0), (4, 1), (4, 2)])
def test_universality_predicts_3s_3p_4s_4p_4d(n: int, l: int) -> None:
    """c of 3s, 4s (3p, 4p; 4d) predicted from 1s (2p; 3d) through A_nl n^{5+2l}, against the
    state's own closed form at T/I = 1e12 (the next order is O(n√(I/T)) ~ 1e-5 relative)."""
    for which, name in ((0, "nmm"), (1, "ew")):
        got = _scaled_deviation(n, l, 10**12 if l < 2 else 10**11, which)
        c = mpmath.mpf(sp.N(predicted_large_T_coefficient(n, l, name), 30))
        assert abs(got / c - 1) < 1e-4
        # negative control: the other weight's C_l (they differ for l = 1)
        if l == 1:
            other = predicted_large_T_coefficient(n, l, "ew" if name == "nmm" else "nmm")
            assert abs(got / mpmath.mpf(sp.N(other, 30)) - 1) > 0.5


def test_fit_confirms_the_2p_law() -> None:
    """Local slopes at T/I = 1e5–1e6 (the next order shifts them by O(√(I/T))), and c at the
    derived p against the closed form's."""
    fit = fit_large_T_law(2, 1, [10**4, 10**5, 10**6], dps=40)
    assert abs(fit.exponent - 3.5) < 1e-2 and abs(fit.exponent_ew - 3.5) < 1e-2
    assert abs(fit.exponent_extrapolated - 3.5) < 1e-3
    assert abs(fit.exponent - 2.5) > 0.9  # negative control: not the s-state exponent
    c_nmm = float(large_T_law_exact(2, 1, "nmm").coefficient)
    c_ew = float(large_T_law_exact(2, 1, "ew").coefficient)
    assert abs(fit.at_derived_p[0] / c_nmm - 1) < 0.02
    assert abs(fit.at_derived_p[1] / c_ew - 1) < 0.02


def test_fit_rejects_a_wrong_power() -> None:
    def wrong(T: object, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
        r = 1 - 5 * (mpmath.mpf(1) / 8 / mpmath.mpf(T)) ** 3  # (I/T)³ with I = 1/8
        return r, r

    fit = fit_large_T_law(2, 1, [10**4, 10**5], dps=30, ratios=wrong)
    assert abs(fit.exponent - 3) < 1e-9 and abs(fit.exponent - fit.exponent_derived) > 0.4


def test_bad_input() -> None:
    with pytest.raises(ValueError, match=r"^which must be 'nmm' or 'ew', got 'x'$"):
        large_T_law_exact(2, 1, "x")
    with pytest.raises(ValueError, match=r"^n must be an integer"):
        large_T_law_exact(5, 0, "nmm")


def test_stepping_error_side_by_side() -> None:
    """The stepping approximation's error r − 1 per state is the state's own ratio − 1 (3d from
    its closed form), and differs from state to state (1s is not a proxy for 3d)."""
    (row,) = stepping_table([(1, 0), (3, 2)], ["2"], dps=15)
    t = Hydrogenic(3, 2).energy_at("2", dps=15)
    r_nmm, r_ew = exact_sum_rule_ratios(3, 2, t, dps=20)
    assert abs(row["3d nmm"] - (r_nmm - 1)) < 1e-14 and abs(row["3d ew"] - (r_ew - 1)) < 1e-14
    assert row["3d ew"] > 0 > row["3d nmm"]  # the weights disagree in sign for 3d at 2I
    assert abs(row["1s nmm"] - row["3d nmm"]) > 1e-2  # negative control: not the 1s error


def test_n4_fitted_law_confirms_the_derived() -> None:
    """4p and 4f: p and c fitted to the closed form r(κ) at T/I = 1e7–1e9 (no derivation) against
    the derived p = 5/2 + l and the exact c; negative control: the 4p fit is not the 4s law."""
    for (n, l), which in (((4, 1), "ew"), ((4, 3), "nmm")):
        p, c = fitted_law_from_closed_form(n, l, which)
        law = large_T_law_exact(n, l, which)
        assert abs(p - mpmath.mpf(sp.N(law.exponent, 30))) < 1e-5
        assert abs(c / mpmath.mpf(sp.N(law.coefficient, 30)) - 1) < 1e-4
    p, c = fitted_law_from_closed_form(4, 1, "nmm")
    assert abs(p - mpmath.mpf(sp.N(large_T_exponent(0), 30))) > 0.9
