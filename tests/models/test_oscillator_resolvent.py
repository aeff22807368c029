"""The oscillator's resolvent routes (sumrules.models.oscillator): Kummer's closed form, the
line sum at complex Q², the Hamiltonian's continued fraction, the spectral sum, the fall-off."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from sumrules.models import oscillator as osc
from sumrules.models.oscillator import Oscillator, Y


@given(
    re=st.floats(min_value=-30, max_value=30, allow_nan=False),
    im=st.floats(min_value=-30, max_value=30, allow_nan=False),
    a=st.floats(min_value=0.1, max_value=6.9, allow_nan=False).filter(
        lambda x: abs(x - round(x)) > 0.05
    ),
)
def test_kummer_equals_line_sum(re: float, im: float, a: float) -> None:
    y = mpmath.mpc(re, im)
    k = osc.resolvent_kummer(a, y, dps=20)
    s = osc.resolvent_line_sum(a, y, dps=20)
    assert abs(k - s) <= 1e-17 * max(1, abs(s))


def test_kummer_limits() -> None:
    with mpmath.workdps(30):
        assert abs(osc.resolvent_kummer("2.5", 0, dps=30) - mpmath.mpf("0.4")) < 1e-29
    # Q²R → −2m: ω y R → −1 along the positive axis
    assert abs(10**6 * osc.resolvent_kummer("2.5", 10**6, dps=30) + 1) < 1e-5


def test_falloff_deviation_and_classifier() -> None:
    along = osc.falloff_deviation("2.5", 200, dps=20)
    across = osc.falloff_deviation("2.5", 200 * sp.I, dps=20)
    assert along < 0.05 < across
    wrong = next(iter(osc.WRONG_RESOLVENTS.values()))
    assert osc.falloff_deviation("2.5", 200, dps=20, resolvent=wrong) > 1
    assert osc.falls_off(0.2, 0.02) and not osc.falls_off(0.02, 0.2)
    assert not osc.falls_off(0.2, 0.1)  # smaller, but not below 5%


def test_routes_operator_and_spectral_sum_agree() -> None:
    o = Oscillator()
    routes = o.resolvent_routes()
    assert set(routes) == {"closed form", "series"}
    z, q2 = "0.7-0.4j", sp.Rational(13, 5)
    values = [routes["closed form"](z, q2, 25), routes["series"](z, q2, 25)]
    values.append(o.resolvent_operator(z, q2, dps=25))
    values.append(o.spectral_sum(lambda e: 1 / (mpmath.mpc("0.7", "-0.4") - e), q2, dps=25))
    assert all(abs(v - values[0]) < 1e-22 for v in values)
    assert abs(o.resolvent_operator(z, q2, dps=25, q2_coeff=1) - values[0]) > 1e-2


def test_the_control_resolvent_is_the_formula_its_name_gives() -> None:
    """The negative control M(1; 1 + T/ω; −y)/T, computed here from its name at ω ≠ 1 and at a
    T, y that are not binary fractions; the default ω = 1 and dps = 30 (rounded to 30 digits)."""
    ((name, wrong),) = osc.WRONG_RESOLVENTS.items()
    assert name.startswith("M(1; 1 + T/ω; −y)/T")
    with mpmath.workdps(60):
        T, y, w = mpmath.mpf(7) / 3, mpmath.mpf(13) / 10, mpmath.mpf(5) / 4
        at_w = mpmath.hyp1f1(1, 1 + T / w, -y) / T
        at_1 = mpmath.hyp1f1(1, 1 + T, -y) / T
    assert abs(
        wrong(sp.Rational(7, 3), sp.Rational(13, 10), omega=sp.Rational(5, 4), dps=50) - at_w
    ) < mpmath.mpf(10) ** -48 * abs(at_w)
    with mpmath.workdps(30):
        assert wrong(sp.Rational(7, 3), sp.Rational(13, 10)) == +at_1
    right = osc.resolvent_kummer(sp.Rational(7, 3), sp.Rational(13, 10), dps=30)
    assert abs(right - at_1) > 0.1 * abs(at_1)


def test_spectral_weight_and_y() -> None:
    o = Oscillator()
    assert o.spectral_weight("2", 2) == sp.exp(-1) / 2
    assert o.spectral_weight("2.5", 2) == 0 and o.spectral_weight(-1, 2) == 0
    with mpmath.workdps(30):
        assert abs(o.y("2.6", dps=20) - mpmath.mpf("1.3")) < 1e-29
    with pytest.raises(ValueError, match="P2 must be real"):
        o.spectral_sum(lambda e: e, -1)


def test_two_electron_resolvent_at_zero() -> None:
    T = sp.Symbol("T", positive=True)
    assert sp.simplify(osc.two_electron_resolvent(Y, 3, T).subs(Y, 0) - 4 / T) == 0
    one = osc.two_electron_resolvent(Y, 3, T, one_electron_rho=True)
    assert sp.simplify(one.subs(Y, 0) - 1 / T) == 0
    assert sp.simplify(osc.two_electron_resolvent(Y, 3, T, elastic=False).subs(Y, 0)) == 0


@pytest.mark.parametrize(
    ("one_electron_rho", "elastic", "ground"),
    [(False, True, 4), (True, True, 1), (False, False, 0)],
)
def test_two_electron_resolvent_is_the_one_excited_electron_sum(
    one_electron_rho: bool, elastic: bool, ground: int
) -> None:
    """Only |00⟩ and the states with one electron excited, |n0⟩ and |0n⟩, are reached:
    R = g e^{−y}/T + c Σ_{n≤N} e^{−y} yⁿ/(n!(T − n)), with g = 4 (both electrons: amplitude
    2e^{−y/2}), 1 (e^{iqz₁} only) or 0 (ground state left out), c = 2 or 1; at any y, not only
    y = 0 where every excited term vanishes."""
    T = sp.Symbol("T", positive=True)
    c = 1 if one_electron_rho else 2

    def expected(top: int) -> sp.Expr:
        excited = [sp.exp(-Y) * Y**n / (sp.factorial(n) * (T - n)) for n in range(1, top + 1)]
        return ground * sp.exp(-Y) / T + c * sp.Add(*excited)

    got = osc.two_electron_resolvent(Y, 3, T, one_electron_rho=one_electron_rho, elastic=elastic)
    assert sp.simplify(got - expected(3)) == 0
    assert sp.simplify(got - expected(2)) != 0  # control: one line fewer


def test_two_electron_resolvent_rejects_a_negative_cut() -> None:
    with pytest.raises(ValueError, match=r"^n_max must be >= 0, got -1$"):
        osc.two_electron_resolvent(Y, -1, sp.Symbol("T"))
