"""Closure and the Bethe sum over all final states of hydrogen
(:mod:`sumrules.models.hydrogenic.checks`).

|F_el|² + Σ_n |F_n|² + ∫ S dT = 1 and Σ_n (2ΔE_n/q²)|F_n|² + ∫ (2T/q²) S dT = 1 at any q:
the parts against the docs/models.md form factors summed here by mpmath.nsum, the
continuation to −Z² < Q² < 0 and its boundary, the ridge far out (q/Z ≥ 1000, Z ≪ 1), the
fields and error budget, the discrete series (head plus Euler–Maclaurin tail, and a spread
that tells when it fails), the continuum share of the dipole f-sum, and the deliberately wrong
densities (each with exactly the named defect) that fail closure and change the ratios.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import mpmath
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from modelrefs import assert_default, models_density_q2

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

MOMENTUM = st.floats(min_value=0.01, max_value=25.0, allow_nan=False)
HALF = mpmath.mpf(1) / 2


def _elastic_sq(q: mpmath.mpf) -> mpmath.mpf:
    """|F_el(q)|² at Z = 1, docs/models.md: F_el = 16/(4 + q²)²."""
    return (16 / (4 + q * q) ** 2) ** 2


def discrete_sq(n: mpmath.mpf, q: mpmath.mpf) -> mpmath.mpf:
    """|F_n(q)|² at Z = 1 as printed in docs/models.md (u = q/Z = q)."""
    u2 = q * q
    return (
        2**8 * n**7 * u2 * ((n * n - 1) / 3 + n * n * u2)
        * ((n - 1) ** 2 + n * n * u2) ** (n - 3) / ((n + 1) ** 2 + n * n * u2) ** (n + 3)
    )  # fmt: skip


def _discrete_sum(q: mpmath.mpf, weight: Callable[[mpmath.mpf], mpmath.mpf]) -> mpmath.mpf:
    """Σ_{n≥2} weight(n)|F_n(q)|² by mpmath.nsum (its default extrapolation)."""
    return mpmath.nsum(lambda n: weight(n) * discrete_sq(n, q), [2, mpmath.inf])


@given(q=MOMENTUM, z=st.sampled_from([1, 2, 0.5]))
@example(q=0.01, z=1)
@example(q=25.0, z=1)
def test_completeness_and_bethe_sum(q: float, z: float) -> None:
    c = hc.completeness(q * z, Z=z, dps=15)
    b = hc.bethe_sum(q * z, Z=z, dps=15)
    assert abs(c.total - 1) < 1e-13
    assert abs(b.total - 1) < 1e-13
    assert c.discrete_spread < 1e-14 and b.discrete_spread < 1e-14


@pytest.mark.parametrize("Q2", ["-0.5", "-0.9", "0.25"])
def test_closure_holds_for_the_continuation_to_negative_q2(Q2: str) -> None:
    assert abs(hc.completeness(None, Q2=Q2, dps=15).total - 1) < 1e-13
    assert abs(hc.bethe_sum(None, Q2=Q2, dps=15).total - 1) < 1e-13


def test_completeness_parts_are_the_models_form_factors() -> None:
    """|F_el|², Σ|F_n|² from docs/models.md, Q² = q², Z, and closure, at q = 1/2, 15 digits."""
    c = hc.completeness("0.5", dps=15)
    with mpmath.workdps(30):
        q = mpmath.mpf("0.5")
        elastic = _elastic_sq(q)  # (256/289)²
        discrete = _discrete_sum(q, lambda n: 1)
        assert mpmath.mpf("0.25") == c.Q2 and c.Z == 1
        assert agreement_digits(c.elastic, elastic) > 14
        assert agreement_digits(c.discrete, discrete) > 13
        assert abs(c.total - 1) < 1e-13
        # negative controls: Q² = 2q (= 1) or q³ would give another elastic part; the
        # energy-weighted sum has no elastic part and another discrete one
        assert agreement_digits(_elastic_sq(mpmath.sqrt(2 * q)), c.elastic) < 1
        assert agreement_digits(_elastic_sq(q**1.5), c.elastic) < 2
        assert agreement_digits(_discrete_sum(q, lambda n: (1 - 1 / n**2) / q**2), discrete) < 1


def test_bethe_sum_parts_are_energy_weighted_form_factors() -> None:
    """Default Z = 1: no elastic part, Σ (2ΔE_n/q²)|F_n|² with ΔE_n = (1 − 1/n²)/2, total 1."""
    b = hc.bethe_sum("0.5", dps=15)
    with mpmath.workdps(30):
        q = mpmath.mpf("0.5")
        weighted = _discrete_sum(q, lambda n: 2 * ((1 - 1 / n**2) / 2) / q**2)
        assert b.Z == 1 and mpmath.mpf("0.25") == b.Q2
        assert b.elastic == 0  # elastic scattering transfers no energy
        assert agreement_digits(b.discrete, weighted) > 13
        assert abs(b.total - 1) < 1e-13
        # negative controls: the unweighted sum (closure), Q² = 2q or q³ in the weight
        assert agreement_digits(_discrete_sum(q, lambda n: 1), b.discrete) < 1
        assert (
            agreement_digits(_discrete_sum(mpmath.sqrt(2 * q), lambda n: 1 - 1 / n**2), b.discrete)
            < 1
        )
        assert (
            agreement_digits(_discrete_sum(q**1.5, lambda n: (1 - 1 / n**2) / q**3), b.discrete) < 1
        )


def test_default_precision_is_30_digits() -> None:
    """With the default dps = 30, Q² = q² = 1/100 comes back rounded to 30 digits."""
    c = hc.completeness("0.1")
    b = hc.bethe_sum("0.1")
    with mpmath.workdps(30):
        expected = mpmath.mpf("0.01")
        assert expected == c.Q2 and expected == b.Q2
        assert c.elastic == +(_elastic_sq(mpmath.mpf("0.1")))  # exact rational, 30 digits
        assert abs(c.total - 1) < 1e-28 and abs(b.total - 1) < 1e-28
    with mpmath.workdps(31):  # negative control: 31 digits is another number
        assert mpmath.mpf("0.01") != c.Q2


@pytest.mark.parametrize("func", [hc.completeness, hc.bethe_sum])
def test_q2_argument_is_validated_by_name(func: Callable[..., hc.SpectralSum]) -> None:
    with pytest.raises(ValueError, match=r"^Q2 must be a finite real number, got 'x'$"):
        func(None, Q2="x", dps=15)
    # negative control: a bad q names q, which the Q2 pattern rejects
    with pytest.raises(ValueError) as bad_q:
        func("x", dps=15)
    assert not re.match(r"^Q2 must", str(bad_q.value))


def test_q2_boundary_is_minus_z_squared() -> None:
    """Q² = −Z² exactly is refused (e^{−Zz}|1s⟩ is not normalisable); just above, closure holds."""
    with pytest.raises(ValueError, match=r"^Q2 must exceed -Z\*\*2, got -1$"):
        hc.completeness(None, Q2=-1, dps=15)
    bethe_msg = r"^q \(or Q2\) must be nonzero and Q2 > -Z\*\*2$"
    with pytest.raises(ValueError, match=bethe_msg):
        hc.bethe_sum(None, Q2=-1, dps=15)
    # at Z = 2 the bound is −4, not −1: Q² = −2 is allowed and both sums are 1
    assert abs(hc.completeness(None, Q2=-2, Z=2, dps=15).total - 1) < 1e-13
    assert abs(hc.bethe_sum(None, Q2=-2, Z=2, dps=15).total - 1) < 1e-13
    # negative control: Q² = −4 = −Z² at Z = 2 is refused too
    with pytest.raises(ValueError, match=bethe_msg):
        hc.bethe_sum(None, Q2=-4, Z=2, dps=15)
    assert not re.match(bethe_msg, "q (or q2) must be nonzero and q2 > -z**2")


def test_closure_on_the_bethe_ridge_at_small_z() -> None:
    """q = 99 Z with Z = 0.01 (Q² < 1): the continuum ridge k ≈ q must be resolved.

    Z-scaling: every part at (q, Z) equals the part at (q/Z, 1).
    """
    for func in (hc.completeness, hc.bethe_sum):
        small = func("0.99", Z="0.01", dps=15)
        unit = func(99, dps=15)
        assert abs(small.total - 1) < 1e-13, func.__name__
        for part in ("elastic", "discrete", "continuum"):
            assert abs(getattr(small, part) - getattr(unit, part)) < 1e-13, (func.__name__, part)
    # negative control: a density without the Sommerfeld factor breaks closure on the ridge
    wrong = hc.WRONG_DENSITIES["missing [1 - exp(-2 pi Z/k)] factor"]
    assert abs(hc.completeness("0.99", Z="0.01", dps=15, density=wrong).total - 1) > 1e-3


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


def test_closure_continuum_z_scaling_at_tiny_z() -> None:
    """The continuum part of |F_el|² + Σ|F_n|² + ∫S dT at Q² = u²Z² depends on u² only.

    At Z = 2⁻⁵⁰ and u² = −1/2 (no ridge: split points at k = Z, 4Z) it must agree with
    Z = 1 to dps − 3 digits, and the closure total must still be 1.
    """
    dps = 20
    with mpmath.workdps(60):
        u2 = -HALF
        z = mpmath.mpf(2) ** -50
        ref = hc.completeness(None, Q2=u2, dps=dps)
        tiny = hc.completeness(None, Q2=u2 * z * z, Z=z, dps=dps)
        assert agreement_digits(tiny.continuum, ref.continuum) > dps - 3
        assert abs(tiny.total - 1) < mpmath.mpf(10) ** (3 - dps)
        # negative control: u² off by a relative 10⁻¹² is told apart at this precision
        off = hc.completeness(None, Q2=u2 * (1 + mpmath.mpf(10) ** -12), dps=dps)
        assert agreement_digits(off.continuum, ref.continuum) < dps - 3


@pytest.mark.parametrize("f", [hc.completeness, hc.bethe_sum])
def test_spectral_sum_fields_and_error_budget(f: Callable[..., hc.SpectralSum]) -> None:
    """Near Q² = −Z² (poles of |F_n|² accumulate there) the n-series converges slowly: the
    sum is 1 within the reported budget (entries are magnitudes) plus the rounding of parts
    of size ~3 to dps = 15; Q2 and Z are the evaluation point (Z-scaling: Q² = −0.9 Z²)."""
    for Z in (1, 2):
        s = f(None, Q2=-0.9 * Z**2, Z=Z, dps=15)
        assert (float(s.Q2), s.Z) == (-0.9 * Z**2, Z)
        assert s.discrete_spread >= 0 and s.continuum_error > 0
        assert abs(s.total - 1) <= s.discrete_spread + s.continuum_error + 1e-14
    s = f(2, Z=3, dps=15)  # from q: Q² = q²
    assert (s.Q2, s.Z) == (4, 3) and abs(s.total - 1) < 1e-13
    # negative control: a wrong density breaks the sum far beyond the budget
    wrong = hc.WRONG_DENSITIES["denominator power 2 instead of 3"]
    s = f(None, Q2="-0.9", dps=15, density=wrong)
    assert abs(s.total - 1) > 100 * (s.discrete_spread + s.continuum_error)


# --- the discrete series and its spread ----------------------------------------------------------


def test_discrete_series_by_euler_maclaurin_and_its_spread() -> None:
    """The head plus an Euler–Maclaurin tail, against known sums; the spread (the same at a
    cut twice as far) is small when the tail is smooth in n and large when it is not."""
    with mpmath.workdps(30):
        value, spread = hc.discrete_series(lambda n: n**-3)  # the decay of the 1s → n terms
        assert abs(value - (mpmath.zeta(3) - 1)) < 1e-27 and spread < 1e-27
        value, spread = hc.discrete_series(lambda n: 1 / (n * n - 1))
        assert abs(value - mpmath.mpf(3) / 4) < 1e-27 and spread < 1e-27
        # Σ n^{-3/2} = ζ(3/2) − 1: a tail ∝ N^{-1/2}; Richardson from n = 2 (the earlier
        # route) is off by ~0.1, this one is not
        value, _ = hc.discrete_series(lambda n: n ** mpmath.mpf(-1.5))
        exact = mpmath.zeta(mpmath.mpf(3) / 2) - 1
        rich = mpmath.nsum(lambda n: n ** mpmath.mpf(-1.5), [2, mpmath.inf], method="richardson")
        assert abs(value - exact) < 1e-15 and abs(rich - exact) > 1e-3
        # negative control: Σ (−1)^n/n² = 1 − π²/12 has a continuation in real n that
        # oscillates, outside Euler–Maclaurin's reach; the spread says so
        value, spread = hc.discrete_series(lambda n: mpmath.cospi(n) / n**2)
        assert abs(value - (1 - mpmath.pi**2 / 12)) > 1e-6 and spread > 1e-6


# --- the continuum share of the dipole f-sum -----------------------------------------------------


def test_continuum_share_of_the_dipole_f_sum() -> None:
    f = hc.continuum_oscillator_fraction(dps=30)
    assert f.digits > 29
    with mpmath.workdps(40):
        assert abs(f.continuum - mpmath.mpf("0.434995849325148012598325625690")) < 1e-29
    assert round(float(f.continuum), 3) == 0.435  # docs/models.md: "0.435 of the f-sum"


def test_oscillator_fraction_and_ratios_default_precision() -> None:
    f = hc.continuum_oscillator_fraction
    assert f().continuum == f(dps=30).continuum != f(dps=31).continuum
    assert_default(hc.ratios_for_density, "dps", 20, 21, hc.exact_density, 1)


# --- deliberately wrong densities ----------------------------------------------------------------


@pytest.mark.parametrize("Z", [1, 2])
def test_wrong_densities_are_what_their_names_say(Z: int) -> None:
    """Each negative-control density is the docs/models.md S with exactly the named defect."""
    with mpmath.workdps(30):
        T = mpmath.mpf(5) * Z**2 / 2  # k = 2Z
        k, z = 2 * mpmath.mpf(Z), mpmath.mpf(Z)
        for x in ("0.5", "3", "7", "-0.5"):  # a = Q² − k² + Z² changes sign; a = 0 at Q² = 3Z²
            Q2 = mpmath.mpf(x) * Z**2
            s = models_density_q2(T, Q2, Z)
            a = Q2 - k**2 + z**2
            som = -mpmath.expm1(-2 * mpmath.pi * z / k)
            w = hc.WRONG_DENSITIES
            got = w["missing [1 - exp(-2 pi Z/k)] factor"](k, Q2, z)
            assert agreement_digits(got, s * som) > 27
            got = w["denominator power 2 instead of 3"](k, Q2, z)
            assert agreement_digits(got, s * (a**2 + 4 * k**2 * z**2) / (4 * z**4)) > 27
            principal = mpmath.atan(2 * k * z / a) if a else mpmath.pi / 2
            wrong_angle = s * mpmath.exp(-(2 * z / k) * (principal - mpmath.atan2(2 * k * z, a)))
            got = w["principal arctan instead of atan2"](k, Q2, z)
            assert agreement_digits(got, wrong_angle) > 27
            if a < 0:  # negative control: there the principal branch really is wrong
                assert agreement_digits(got, s) < 1


def test_ratios_for_density() -> None:
    for T, Z in ((1, 1), (3, 2)):  # k = 1 = Z, and k = √2 ≠ Z
        r_nmm, r_ew = hc.ratios_for_density(hc.exact_density, T, Z=Z, dps=20)
        with mpmath.workdps(30):
            exact = h.exact_sum_rule_ratio(T, Z=Z, dps=25)
            assert agreement_digits(r_nmm, exact) > 19 and agreement_digits(r_ew, exact) > 19
    # without the Sommerfeld factor (a function of T only) both ratios shrink by that factor
    r_nmm, r_ew = hc.ratios_for_density(
        hc.WRONG_DENSITIES["missing [1 - exp(-2 pi Z/k)] factor"], 3, Z=2, dps=20
    )
    with mpmath.workdps(30):
        factor = 1 - mpmath.exp(-2 * mpmath.pi * 2 / mpmath.sqrt(2))  # e^{−2πZ/k}, k = √2
        exact = h.exact_sum_rule_ratio(3, Z=2, dps=25)
        assert agreement_digits(r_nmm, exact * factor) > 19
        assert agreement_digits(r_ew, exact * factor) > 19


@pytest.mark.parametrize("name", sorted(hc.WRONG_DENSITIES))
def test_negative_control_wrong_density_fails_completeness(name: str) -> None:
    wrong = hc.WRONG_DENSITIES[name]
    assert abs(hc.completeness(2, dps=15, density=wrong).total - 1) > 1e-3


def test_negative_control_wrong_density_changes_the_ratios() -> None:
    exact = h.exact_sum_rule_ratio(2, dps=15)
    for name, wrong in hc.WRONG_DENSITIES.items():
        r_nmm, r_ew = hc.ratios_for_density(wrong, 2, dps=15)
        assert abs(r_nmm - exact) > 1e-4, name
        assert abs(r_ew - exact) > 1e-4, name
