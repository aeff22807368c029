"""Tests of sumrules.models.hydrogenic.arb_weight: the arb sum equals the mpmath sum of the
Coulomb-wave route to the working precision, and more precision is taken where the working
precision cancels (small q); a perturbed k and a capped precision are caught."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.models.hydrogenic import arb_weight
from sumrules.models.hydrogenic.coulomb_waves import ContinuumAtEnergy

pytest.importorskip("flint")


def _both(n: int, l: int, x: str, q: str, degree: int = 36) -> tuple[mpmath.mpf, mpmath.mpf]:
    """S(T, q) by the log rule in arb and in mpmath, T = x·I, at 40 digits."""
    with mpmath.workdps(40):
        k = mpmath.sqrt(mpmath.mpf(x) - 1) / n
        c = ContinuumAtEnergy(n, l, k)
        assert c.backend == "arb"
        fast = c.density_by_rule(mpmath.mpf(q), degree)
        c.backend = "mpmath"
        return fast, c.density_by_rule(mpmath.mpf(q), degree)


@pytest.mark.parametrize(
    ("n", "l", "x", "q"), [(4, 1, "2", "0.3"), (4, 3, "1.5", "0.6"), (3, 2, "1.001", "1.2")]
)
def test_arb_equals_mpmath(n: int, l: int, x: str, q: str) -> None:
    fast, slow = _both(n, l, x, q)
    with mpmath.workdps(40):
        assert abs(fast / slow - 1) < mpmath.mpf(10) ** -30


def test_perturbed_k_is_caught() -> None:
    with mpmath.workdps(40):
        k = mpmath.mpf(1) / 4
        exact = ContinuumAtEnergy(4, 1, k).density_by_rule(mpmath.mpf("0.3"), 36)
        shifted = ContinuumAtEnergy(4, 1, k * (1 + mpmath.mpf(10) ** -20))
        wrong = shifted.density_by_rule(mpmath.mpf("0.3"), 36)
        assert abs(wrong / exact - 1) > mpmath.mpf(10) ** -25


def test_cancellation_at_small_q_is_repaired(monkeypatch: pytest.MonkeyPatch) -> None:
    """At q = 10⁻⁵ (S ∝ q²) the working precision alone loses digits: the mpmath sum at 40
    digits is off the same sum at 80 digits, the arb sum (which raises its precision) is not;
    capping the arb precision at the working precision raises PrecisionLost."""
    q = "1e-5"
    with mpmath.workdps(80):
        c = ContinuumAtEnergy(4, 0, mpmath.sqrt(mpmath.mpf("0.001")) / 4)
        c.backend = "mpmath"
        reference = c.density_by_rule(mpmath.mpf(q), 36)
    fast, slow = _both(4, 0, "1.001", q)
    with mpmath.workdps(40):
        assert abs(fast / reference - 1) < mpmath.mpf(10) ** -33
        assert abs(slow / reference - 1) > mpmath.mpf(10) ** -33
        monkeypatch.setattr(arb_weight, "MAX_PRECISION_FACTOR", 1)
        c = ContinuumAtEnergy(4, 0, mpmath.sqrt(mpmath.mpf("0.001")) / 4)
        with pytest.raises(arb_weight.PrecisionLost, match="bits at q"):
            c.density_by_rule(mpmath.mpf(q), 36)
