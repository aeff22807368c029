"""Which coefficients ⟨0|(P + h)^k|0⟩ of Eq. (16) exist for hydrogen 1s
(:mod:`sumrules.models.hydrogenic.moments`).

Pins the word values by spherical pairing integrals against independent routes (momentum-space
moments, commutators, 2D quadrature of the pointwise states), the first divergence at k = 4,
the validity of the middle split, the differential operators p_z, ∇², h on g(r, c)e^{-r}
against Cartesian derivatives, the lowest power of r, and the consistency of the vanishing
rules with the model (every removed word is exactly 0).
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import moments as cm
from sumrules.theory.expansion import Q2, surviving


def test_coulomb_orders_first_divergence_at_four() -> None:
    orders = cm.coulomb_expansion_orders(6)
    assert [len(o.words) for o in orders] == [2**k for k in range(7)]
    assert orders[2].coefficient == Q2 / 3
    assert orders[3].coefficient == 2 * Q2 / 3
    assert orders[4].coefficient == "divergent"
    assert {w: v for w, v in orders[4].words.items() if v != 0} == {"PPPP": 1, "PhhP": "divergent"}
    assert cm.first_undefined_order() == 4
    # the vanishing rules hold in the model: every removed word is exactly zero
    assert all(v == 0 for o in orders for w, v in o.words.items() if not surviving(w))


def test_coulomb_middle_split_valid_through_order_four() -> None:
    for k in range(5):
        for word in cm.coulomb_expansion_orders(k)[k].words:
            assert cm.word_value(word).valid
    # negative control: a split that differentiates a singular state gives a wrong number
    wrong = cm.word_value("PhP", split=0)
    assert not wrong.valid and wrong.value == sp.Rational(-2, 3)
    assert cm.word_value("PPPP", split=1).value == 1


def test_coulomb_finite_values_by_independent_routes() -> None:
    assert cm.word_value("PP").value == cm.momentum_space_pz_moment(1) == sp.Rational(1, 3)
    assert cm.word_value("PPPP").value == cm.momentum_space_pz_moment(2) == 1
    assert cm.word_value("PhP").value == cm.pz_h_pz_by_commutator() == sp.Rational(2, 3)
    # <p_z^6> diverges in both routes
    assert cm.word_value("PPPPPP").value == "divergent" and cm.word_value("PPPPPP").valid
    assert cm.momentum_space_pz_moment(3) == sp.oo


def test_coulomb_states() -> None:
    r, c = cm.R, cm.C
    assert cm.state("h") == 0  # h|0> = 0
    # h p_z|0> = [H, p_z]|0> = i dV/dz |0> = i z/r^3 |0>
    assert sp.simplify(cm.state("hP") - sp.I * c / r**2) == 0
    # p_z|0> = i m [H, z]|0> = i h z|0>  (m = 1)
    h_of_z = cm.apply_h(r * c)  # z = r cos(theta)
    assert sp.simplify(sp.I * h_of_z - cm.state("P")) == 0


def test_coulomb_divergence_numerically() -> None:
    word = cm.word_value("PhhP")
    assert word.leading == sp.Rational(4, 3) / cm.R_MIN
    i2 = cm.cutoff_integral_numeric("PhhP", 1e-2, dps=15)
    i3 = cm.cutoff_integral_numeric("PhhP", 1e-3, dps=15)
    assert 9 < i3 / i2 < 11
    assert abs(i3 * 1e-3 - sp.Rational(4, 3)) < 0.03
    assert abs(cm.cutoff_integral_numeric("PPPP", 1e-6, dps=15) - 1) < 1e-4


def test_momentum_space_pz_moments() -> None:
    # 1s: ∫|φ|² = 1, ⟨p_z²⟩ = ⟨p²⟩/3 = 1/3 (virial ⟨p²⟩ = 1), ⟨p_z⁴⟩ = ⟨p⁴⟩/5 = 1
    assert [cm.momentum_space_pz_moment(n) for n in (0, 1, 2)] == [1, sp.Rational(1, 3), 1]
    for bad in (-1, 1.0, True):
        with pytest.raises(ValueError, match="n must be a nonnegative integer"):
            cm.momentum_space_pz_moment(bad)  # type: ignore[arg-type]


def test_coulomb_expansion_orders_limits_and_order_zero() -> None:
    assert cm.coulomb_expansion_orders(0)[0].coefficient == 1  # ⟨0|0⟩ = 1, (Q²)^0
    assert len(cm.coulomb_expansion_orders()) == 7  # default max_order = 6
    assert len(cm.coulomb_expansion_orders(cm.MAX_ORDER)) == cm.MAX_ORDER + 1 == 9
    for bad in (cm.MAX_ORDER + 1, -1, 2.0, True):
        with pytest.raises(ValueError, match=r"max_order must be an integer in \[0, 8\]"):
            cm.coulomb_expansion_orders(bad)  # type: ignore[arg-type]


def test_surviving_words_are_the_only_nonzero_ones() -> None:
    orders = cm.coulomb_expansion_orders(4)
    assert cm.surviving_words_consistent(orders)
    # negative controls: a removed word with a nonzero value, and removed words dropped
    bad = cm.CoulombOrder(3, {"PPh": sp.Integer(1)}, 0)
    assert not cm.surviving_words_consistent((*orders, bad))
    assert cm.surviving_words_consistent((cm.CoulombOrder(2, {"PP": sp.Rational(1, 3)}, 0),))


def test_pz_hh_pz_by_commutator() -> None:
    # ‖h p_z ψ‖² over r > a = ⟨z²/r⁶⟩ = (1/π)·2π·(2/3) ∫_a^∞ e^{−2r} r^{−2} dr, by quadrature
    for a in (sp.Rational(1, 2), sp.Rational(1, 10)):
        with mpmath.workdps(30):
            ref = (
                mpmath.mpf(4)
                / 3
                * mpmath.quad(lambda r: mpmath.exp(-2 * r) / r**2, [mpmath.mpf(a), 1, mpmath.inf])
            )
            v = mpmath.mpf(sp.N(cm.pz_hh_pz_by_commutator(a), 30))
            assert agreement_digits(v, ref) > 25
    # the same quantity from the word P h h P by 2D quadrature of the pointwise states
    v = float(cm.pz_hh_pz_by_commutator(sp.Rational(1, 2)))
    assert abs(v / float(cm.cutoff_integral_numeric("PhhP", 0.5, dps=15)) - 1) < 1e-10
    default = cm.pz_hh_pz_by_commutator()
    assert default.free_symbols == {cm.R_MIN}
    assert sp.limit(default * cm.R_MIN, cm.R_MIN, 0, "+") == sp.Rational(4, 3)  # ~ 4/(3a)
    for bad in (0, -1, sp.Symbol("s")):
        with pytest.raises(ValueError, match="r_min must be positive"):
            cm.pz_hh_pz_by_commutator(bad)


# --- the operators on g(r, c) e^{-r} ------------------------------------------------------


_X, _Y, _Zc = sp.symbols("x y z", real=True)


_RC = sp.sqrt(_X**2 + _Y**2 + _Zc**2)


_POINT = {_X: sp.Rational(3, 10), _Y: sp.Rational(-1, 5), _Zc: sp.Rational(1, 2)}


_GS = [sp.Integer(1), cm.C, cm.C**2, cm.C / cm.R, cm.R * cm.C**2, cm.C**3 / cm.R**2 + cm.R]


def _cartesian(g: sp.Expr) -> sp.Expr:
    return g.subs({cm.R: _RC, cm.C: _Zc / _RC}, simultaneous=True)


def _at_point(e: sp.Expr) -> complex:
    return complex(sp.N(e.subs(_POINT), 30))


@pytest.mark.parametrize("g", _GS, ids=str)
def test_p_z_and_laplacian_agree_with_cartesian_derivatives(g: sp.Expr) -> None:
    psi = _cartesian(g) * sp.exp(-_RC)
    pz_cart = -sp.I * sp.diff(psi, _Zc)
    lap_cart = sum(sp.diff(psi, v, 2) for v in (_X, _Y, _Zc))
    weight = sp.exp(-_RC)
    assert abs(_at_point(_cartesian(cm.apply_p_z(g)) * weight - pz_cart)) < 1e-25
    assert abs(_at_point(_cartesian(cm.apply_laplacian(g)) * weight - lap_cart)) < 1e-25
    # negative control: p_x is not p_z
    if g != 1:
        assert abs(_at_point(_cartesian(cm.apply_p_z(g)) * weight + sp.I * sp.diff(psi, _X))) > 1e-3


def test_p_z_of_the_ground_state() -> None:
    assert cm.apply_p_z(sp.Integer(1)) == sp.I * cm.C  # −i ∂_z e^{−r} = i (z/r) e^{−r}


def test_min_r_power() -> None:
    r, c = cm.R, cm.C
    assert cm.min_r_power(sp.Integer(0)) == float("inf")
    assert cm.min_r_power(sp.Integer(5) + r) == 0.0
    assert cm.min_r_power(c / r**2 + r**3) == -2.0
    assert cm.min_r_power(sp.I * c * (1 / r + 2)) == -1.0  # expanded before reading powers
