"""The plane-wave shift of Eq. (16) by two routes that share no computation."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.theory.operators import shift_coefficients, shift_coefficients_bch


def test_shift_coefficients() -> None:
    assert shift_coefficients(1) == (sp.Rational(1, 2), 1)
    assert shift_coefficients(-1) == (sp.Rational(1, 2), -1)
    with pytest.raises(ValueError, match="sign"):
        shift_coefficients(2)


@pytest.mark.parametrize("sign", [1, -1])
def test_bch_series_equals_the_conjugated_action(sign: int) -> None:
    assert shift_coefficients_bch(sign) == shift_coefficients(sign)


def test_bch_bad_sign() -> None:
    with pytest.raises(ValueError, match="sign"):
        shift_coefficients_bch(0)
