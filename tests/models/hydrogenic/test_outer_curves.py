"""The shipped ratio curves of 4d, 5s, 5p against the live Coulomb-wave route, with controls."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.models.hydrogenic import outer_curves as oc
from sumrules.models.hydrogenic.ratio_curves import curve


@pytest.mark.parametrize(("n", "l", "x", "dps"), [(4, 2, "20", 16), (5, 0, "3", 20)])
def test_interpolant_is_the_live_route_between_nodes(n: int, l: int, x: str, dps: int) -> None:
    c = oc.outer_curve(n, l)
    live = oc.live_ratios(n, l, x, dps)
    shipped = c.ratios(x, dps=dps)
    err = max(abs(a - b) for a, b in zip(live, shipped, strict=True))
    assert err <= 2 * c.error
    # control: the neighbouring state's curve at the same x is rejected (98x, 760x the error)
    other = oc.outer_curve(5, 1) if (n, l) != (5, 1) else oc.outer_curve(5, 0)
    wrong = other.ratios(x, dps=dps)
    assert max(abs(a - b) for a, b in zip(live, wrong, strict=True)) > 20 * c.error


def test_stated_errors_and_limits() -> None:
    for key, c in oc.outer_curves().items():
        assert c.state == key and len(c.nodes) == oc.DEGREE + 1
        assert 0 < c.error < 1e-3, (key, c.error)
        assert c.ratios(mpmath.inf) == (1, 1)
        a, b = c.ratios(1.5)
        assert 0.5 < a < 1.2 and 0.5 < b < 1.2
    assert oc.outer_curve(4, 2).error < 1e-5


def test_lookup_covers_both_files_and_refuses_the_rest() -> None:
    assert oc.any_curve(3, 2) == curve(3, 2)
    assert oc.any_curve(5, 1).state == "5p"
    assert not oc.has_curve(4, 3)
    with pytest.raises(ValueError, match="no shipped outer ratio curve"):
        oc.outer_curve(4, 1)
    with pytest.raises(ValueError, match="x = T/I"):
        oc.live_ratios(5, 0, "1", 15)
    with pytest.raises(ValueError):
        oc.live_ratios(6, 0, "2", 15)
