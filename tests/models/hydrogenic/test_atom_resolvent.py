"""The hydrogen atom's resolvent routes and their caches (sumrules.models.hydrogenic): the cached
routes are bit-identical to the uncached ones, the i0 routes agree, closure without the spread,
poles and wrong densities."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import checks as hc

H = Hydrogenic(1, 0, 1)


@pytest.mark.parametrize("p2", ["-0.5", "0.5", "0"])
def test_cached_routes_are_the_uncached_values_bit_for_bit(p2: str) -> None:
    routes = H.resolvent_routes()
    for family, method in (("quadrature", "principal-value"), ("contour", "contour")):
        assert routes[family]("1", p2, 15) == hc.resolvent("1", p2, dps=15, method=method)
    assert abs(routes["quadrature"]("1", p2, 15) - routes["contour"]("1", p2, 15)) < 1e-13


def test_uncached_inputs_and_other_charges() -> None:
    a = Hydrogenic(1, 0, 2).resolvent_routes()["quadrature"](4, -2, 15)
    b = hc.resolvent(4, -2, Z=2, dps=15)
    assert a == b
    with pytest.raises(ValueError, match="method must be"):
        hc.resolvent_cached("1", "0.5", "residue", 15)


def test_closure_without_the_spread_keeps_the_total() -> None:
    with_spread = hc.completeness(None, Q2="-0.5", dps=15)
    without = H.closure("-0.5", dps=15)
    assert without.total == with_spread.total and mpmath.isnan(without.discrete_spread)
    assert abs(without.total - 1) < 1e-14
    assert H.closure(mpmath.mpf("0.5"), dps=15).total == hc.closure_cached("0.5", 15).total


def test_imaginary_part_is_pi_s_on_the_negative_axis() -> None:
    im = H.resolvent_imaginary_part("1", "-0.5", dps=20)
    assert abs(im - H.resolvent_routes()["contour"]("1", "-0.5", 20).imag) < 1e-18
    wrong = H.resolvent_imaginary_part(
        "1", "-0.5", dps=20, wrong="missing [1 - exp(-2 pi Z/k)] factor"
    )
    assert abs(wrong - im) > 1e-5


def test_dispersion_integral_and_falloff() -> None:
    d = H.dispersion_integral("1", "0", dps=15)
    assert abs(d.real - H.ratio_routes()["closed form"]("1", 15)[0]) < 1e-14
    assert abs(H.falloff_limit("1", dps=15) + 2) < 1e-4


def test_form_factor_pole_orders() -> None:
    assert abs(hc.form_factor_pole_order(1, -4) - 4) < 1e-8
    assert abs(hc.form_factor_pole_order(3, "-1.7777777777777777777777777777778") - 6) < 1e-6
    assert abs(hc.form_factor_pole_order(2, "-0.25")) < 1e-6  # not a pole


@pytest.mark.parametrize(
    ("n", "Z", "pole", "order"),
    [(1, 2, -16, 4), (2, 2, -9, 5), (2, 1, "-2.25", 5), (3, 3, -16, 6)],
)
def test_form_factor_pole_order_scales_with_the_charge(
    n: int, Z: int, pole: object, order: int
) -> None:
    """The poles sit at −4Z² (elastic, order 4) and −(n+1)²Z²/n² (order n + 3): at Z ≠ 1 a
    misplaced power of Z moves the pole and the measured order drops to about 0."""
    assert abs(hc.form_factor_pole_order(n, pole, Z=Z) - order) < 1e-9
    assert abs(hc.form_factor_pole_order(n, mpmath.mpf(pole) / 2, Z=Z)) < 1e-6  # control


def test_form_factor_pole_order_approaches_the_order_like_epsilon() -> None:
    """ε = 10^(−dps/3): the deviation from the order of the n = 2 pole is O(ε), so 15 more
    digits shrink it by about 10⁵ (the elastic pole is an exact power: no deviation)."""
    at30 = hc.form_factor_pole_order(2, "-2.25", dps=30) - 5
    at45 = hc.form_factor_pole_order(2, "-2.25", dps=45) - 5
    assert 1e-12 < at30 < 1e-10 and 1e-17 < at45 < 1e-15
    assert hc.form_factor_pole_order(1, -4, dps=45) == 4


@pytest.mark.parametrize(
    ("args", "match"), [((0, -4), "^n must be >= 1, got 0$"), ((1, "x"), "Q2")]
)
def test_form_factor_pole_order_bad_input(args: tuple[object, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        hc.form_factor_pole_order(*args)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(hc.WRONG_DENSITIES))
def test_wrong_densities_are_densities_but_not_the_right_one(name: str) -> None:
    """A negative control must still look like a structure function (positive) and be wrong
    by far more than the working precision."""
    from sumrules.models.hydrogenic import ground

    wrong = hc.wrong_density(name, 5, "0.5", dps=20)  # q² < k² − 1: atan2 ≠ principal arctan
    right = ground.continuum_density(5, mpmath.sqrt(mpmath.mpf("0.5")), dps=20)
    assert wrong > 0 and abs(wrong / right - 1) > 1e-4
    with pytest.raises(ValueError, match="Q2"):
        hc.wrong_density(name, 1, "x")
