"""sumrules.core.format.rounds_to (moved from the version-1 free-electron tests)."""

from __future__ import annotations

import mpmath
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sumrules.core.format import rounds_to


def test_rounds_to_and_bad_input() -> None:
    assert rounds_to("5.4e-48", "5e-48", 1)
    assert not rounds_to("5.5e-48", "5e-48", 1)
    assert rounds_to("0.006421", "6.42e-3", 3)
    assert rounds_to(0, 0, 1)
    with pytest.raises(ValueError, match="digits"):
        rounds_to(1, 1, 0)


def _is_tie(x: float) -> bool:
    """x = d.5 × 10^k exactly: rounds_to rounds half to even (mpmath.nint), mpmath.nstr half up."""
    with mpmath.workdps(60):
        v = mpmath.mpf(x)
        scaled = v / mpmath.mpf(10) ** mpmath.floor(mpmath.log10(v))
        return bool(scaled - mpmath.floor(scaled) == mpmath.mpf("0.5"))


def test_rounds_to_at_a_tie() -> None:
    """Known behaviour: an exact tie rounds half to even (2.5 → 2, 3.5 → 4)."""
    assert _is_tie(2.5) and not _is_tie(2.4)
    assert rounds_to(2.5, "2", 1) and rounds_to(3.5, "4", 1)


@given(st.floats(min_value=1e-60, max_value=1e60))
def test_rounds_to_its_own_rounding(x: float) -> None:
    assume(not _is_tie(x))
    with mpmath.workdps(30):
        printed = mpmath.nstr(mpmath.mpf(x), 1, strip_zeros=False)
        assert rounds_to(x, printed, 1)
