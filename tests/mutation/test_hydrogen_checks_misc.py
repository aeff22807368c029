"""Mutation-killing tests for the numerical plumbing of :mod:`sumrules.models.hydrogen_checks`.

Covers what the earlier kill files leave open: the error messages of the resolvent's P²
check (they name the argument and quote the bound −Z² to 8 significant digits), the
principal-value route when a tanh-sinh node lands exactly on the pole k′ = k_T, the
meaning of ``discrete_spread`` (|Richardson − Levin|, an honest error bar), and closure
far out on the Bethe ridge, where the k-quadrature needs its split points around k ≈ q.
"""

from __future__ import annotations

import re

import mpmath
import pytest
from modelrefs import models_density

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc

# --- the P² check of Eq. (9) ------------------------------------------------------------------


def test_resolvent_p2_errors_name_the_argument_and_quote_the_bound() -> None:
    """Bad P² is reported as 'P2 ...'; the bound −Z² is quoted to 8 significant digits."""
    for bad in ("x", float("nan"), 1j):
        with pytest.raises(ValueError, match=r"^P2 must be a finite real number"):
            hc.resolvent(1, bad)
    # Z = 2: −Z² = −4 (negative controls in the same message: not −1, not +4, not Z² = 4 unsigned)
    with pytest.raises(ValueError) as info:
        hc.resolvent(3, -5, Z=2)
    msg = str(info.value)
    assert msg.startswith("P2 must exceed -Z**2 = -4.0 (Eq. (9) diverges beyond), got -5")
    assert "= -1.0 " not in msg and "= 4.0 " not in msg
    # Z = 1.23456789: Z² = 1.5241578750190521 exactly (123456789² = 15241578750190521);
    # 8 significant digits give -1.5241579 (6 would give -1.52416, 9 would give -1.52415788)
    with pytest.raises(ValueError) as info:
        hc.resolvent(1, -2, Z="1.23456789")
    msg = str(info.value)
    assert re.search(r"= -1\.5241579 \(Eq\. \(9\)", msg), msg
    assert "-1.52416 " not in msg and "-1.52415788" not in msg
    # the bound itself is refused (Eq. (9) diverges at P² = −Z²)
    with pytest.raises(ValueError, match="P2 must exceed"):
        hc.resolvent(3, -4, Z=2)


# --- the principal value with a node on the pole ------------------------------------------------


def test_principal_value_with_a_quadrature_node_on_the_pole() -> None:
    """T = 1 (k_T = 1), P² = 1e-12 (the case recorded in the source): the split point
    √P² + Z = 1 + 1e-6 sits so close to k′ = k_T that tanh-sinh nodes of [k_T, 1 + 1e-6]
    round onto k_T; the PV route must still agree with the contour route (no subtraction,
    no such node), and Im R = π S(T, P²)."""
    T, x = mpmath.mpf(1), mpmath.mpf("1e-12")
    pv = hc.resolvent(T, x, dps=30)
    contour = hc.resolvent(T, x, dps=30, method="contour")
    with mpmath.workdps(40):
        assert agreement_digits(pv.real, contour.real) > 28
        assert agreement_digits(pv.imag, mpmath.pi * models_density(T, mpmath.sqrt(x))) > 28
        # R → 1/T as P² → 0 (ρ(0) = 1), with an O(P²) correction: 1/T alone is off at 1e-12
        assert abs(pv.real - 1 / T) < 1e-11
        assert agreement_digits(pv.real, 1 / T) < 14  # negative control: the correction is seen


def test_principal_value_far_part_starts_at_twice_k_t() -> None:
    """T = 3, Z = 1 (k_T = √5 > √2): the PV splits k′ at 2k_T into a subtracted part near the
    pole and a plain far part beyond it; both routes must agree and Im R = π S(T, P²)."""
    T = mpmath.mpf(3)
    for x in ("1.7",):
        pv = hc.resolvent(T, x, dps=15)
        contour = hc.resolvent(T, x, dps=15, method="contour")
        with mpmath.workdps(30):
            assert agreement_digits(pv.real, contour.real) > 13.5
            s = models_density(T, mpmath.sqrt(mpmath.mpf(x)))
            assert agreement_digits(pv.imag, mpmath.pi * s) > 13.5
            # negative control: the continuum is not negligible in Re R (1/T + discrete alone)
            el, disc, _ = hc._resolvent_parts(T, mpmath.mpf(x), mpmath.mpf(1))
            assert agreement_digits(pv.real, el + disc) < 2


# --- the discrete series and its spread ------------------------------------------------------


def test_discrete_series_by_euler_maclaurin_and_its_spread() -> None:
    """The head plus an Euler–Maclaurin tail, against known sums; the spread (the same at a
    cut twice as far) is small when the tail is smooth in n and large when it is not."""
    with mpmath.workdps(30):
        value, spread = hc._discrete_series(lambda n: n**-3)  # the decay of the 1s → n terms
        assert abs(value - (mpmath.zeta(3) - 1)) < 1e-27 and spread < 1e-27
        value, spread = hc._discrete_series(lambda n: 1 / (n * n - 1))
        assert abs(value - mpmath.mpf(3) / 4) < 1e-27 and spread < 1e-27
        # Σ n^{-3/2} = ζ(3/2) − 1: a tail ∝ N^{-1/2}; Richardson from n = 2 (the earlier
        # route) is off by ~0.1, this one is not
        value, _ = hc._discrete_series(lambda n: n ** mpmath.mpf(-1.5))
        exact = mpmath.zeta(mpmath.mpf(3) / 2) - 1
        rich = mpmath.nsum(lambda n: n ** mpmath.mpf(-1.5), [2, mpmath.inf], method="richardson")
        assert abs(value - exact) < 1e-15 and abs(rich - exact) > 1e-3
        # negative control: Σ (−1)^n/n² = 1 − π²/12 has a continuation in real n that
        # oscillates, outside Euler–Maclaurin's reach; the spread says so
        value, spread = hc._discrete_series(lambda n: mpmath.cospi(n) / n**2)
        assert abs(value - (1 - mpmath.pi**2 / 12)) > 1e-6 and spread > 1e-6


# --- closure far out on the Bethe ridge ------------------------------------------------------


@pytest.mark.parametrize(("q", "Z"), [(1000, 1), (600, "0.5")])
def test_closure_and_bethe_sum_far_out_on_the_ridge(q: int, Z: str | int) -> None:
    """q/Z ≥ 1000: the continuum sits in a ridge of width ~Z around k = q, which the
    k-quadrature must bracket; closure and the Bethe sum then hold to the requested 15 digits."""
    c = hc.completeness(q, Z=Z, dps=15)
    b = hc.bethe_sum(q, Z=Z, dps=15)
    with mpmath.workdps(30):
        assert abs(c.total - 1) < 1e-14 and abs(b.total - 1) < 1e-14
        # negative control: here (almost) everything is in the continuum, so a lost ridge shows
        assert c.elastic + c.discrete < 1e-10 and b.discrete < 1e-10
