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
