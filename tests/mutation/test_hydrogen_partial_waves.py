"""Closure, the Bethe sum and the partial-wave evaluation of S (kills mutants, docs/mutation.md).

Covers :func:`completeness`, :func:`bethe_sum` (and ``_spectral`` behind both) and
:func:`partial_wave_density` (and ``_partial_wave_terms``) of
:mod:`sumrules.models.hydrogen_checks`. Independent routes: the docs/models.md form factors
|F_el|² = [16Z⁴/(4Z² + q²)²]² and |F_n|² summed here by ``mpmath.nsum``, the excitation
energies ΔE_n = (Z²/2)(1 − 1/n²), closure (total 1), the Bethe f-sum rule
Σ_f (E_f − E_0)|⟨f|e^{iqz}|0⟩|² = q²/2 (total 1), the closed-form continuum density
:func:`sumrules.models.hydrogen.continuum_density`, and the Z-scaling of all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


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


# --- completeness and the Bethe sum ----------------------------------------------------------


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


# --- the partial-wave sum ----------------------------------------------------------------------


class _Abort(Exception):
    """Raised by a recording stub to stop an expensive evaluation after its first cut-off."""


def _record_cutoffs(
    monkeypatch: pytest.MonkeyPatch, *, max_calls: int = 8, abort: bool = False
) -> list[tuple[int, int, list[mpmath.mpf]]]:
    """Record (L, dps, terms) of every partial-wave evaluation; refuse an endless loop."""
    real = hc._partial_wave_terms
    calls: list[tuple[int, int, list[mpmath.mpf]]] = []

    def recorded(*args: object) -> list[mpmath.mpf]:
        if abort:
            calls.append((args[3], args[4], []))  # type: ignore[arg-type]
            raise _Abort
        if len(calls) >= max_calls:
            raise RuntimeError(f"cut-off loop does not terminate: {[c[0] for c in calls]}")
        terms = real(*args)  # type: ignore[arg-type]
        calls.append((args[3], args[4], terms))  # type: ignore[arg-type]
        return terms

    monkeypatch.setattr(hc, "_partial_wave_terms", recorded)
    return calls


def test_partial_wave_bad_q_and_too_small_lmax(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented errors, word for word; lmax = 1 keeps only l = 0, 1."""
    with pytest.raises(ValueError, match=r"^q must be positive for the partial-wave sum$"):
        hc.partial_wave_density("0.6", 0)
    calls = _record_cutoffs(monkeypatch)
    pattern = r"^lmax = 1 too small for convergence at dps = 10$"
    with pytest.raises(ValueError, match=pattern):
        hc.partial_wave_density("0.6", "0.3", dps=10, lmax=1)
    assert [(c[0], len(c[2])) for c in calls] == [(1, 2)]  # one try, terms for l = 0 and 1
    # negative control: the message of another lmax or dps does not match
    assert not re.match(pattern, "lmax = 2 too small for convergence at dps = 10")
    assert not re.match(pattern, "lmax = 1 too small for convergence at dps = 11")


def test_partial_wave_defaults_dps_20_lmax_150(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the Bethe ridge k = q = 20 (ρ ≈ 0.95) the ρ^{2l} estimate asks for L ≈ 500.

    The first cut-off tried is then the default cap lmax = 150, at the default dps = 20.
    The stub stops there (the full sum would need far more than 150 waves).
    """
    calls = _record_cutoffs(monkeypatch, abort=True)
    with pytest.raises(_Abort):
        hc.partial_wave_density("200.5", 20)  # T = (k² + 1)/2, k = 20
    with pytest.raises(_Abort):  # negative control: explicit other values are seen
        hc.partial_wave_density("200.5", 20, dps=21, lmax=151)
    assert [c[:2] for c in calls] == [(150, 20), (151, 21)]


def test_partial_wave_sum_on_the_bethe_ridge(monkeypatch: pytest.MonkeyPatch) -> None:
    """k = q = 1.7 Z at Z = 1: the first cut-off (L = 29) is not enough and must be raised.

    Checked: S against the closed form to dps digits; the terms are (2l + 1)|·|² ≥ 0 for
    l = 0..L and sum to S; the cut-off rises, every rejected L fails and the accepted L
    passes the documented test (last two terms below 10^{−dps−2} S).
    """
    k, dps = mpmath.mpf("1.7"), 10
    T = (k * k + 1) / 2  # 1.945
    calls = _record_cutoffs(monkeypatch)
    pw = hc.partial_wave_density(T, k, dps=dps)
    with mpmath.workdps(30):
        exact = h.continuum_density(T, k, dps=30)
        assert agreement_digits(pw.value, exact) >= dps
        assert all(t >= 0 for t in pw.terms)
        assert agreement_digits(mpmath.fsum(pw.terms), pw.value) >= dps
        tol = mpmath.mpf(10) ** (-dps - 2)

        def converged(terms: list[mpmath.mpf]) -> bool:
            return max(terms[-1], terms[-2]) < tol * mpmath.fsum(terms)

        assert converged(list(pw.terms))
        # negative control: the rejected cut-offs fail the same test
        assert not any(converged(c[2]) for c in calls[:-1])
        cutoffs = [c[0] for c in calls]
        assert cutoffs == sorted(set(cutoffs)) and len(pw.terms) == cutoffs[-1] + 1
        assert len(cutoffs) >= 2, "precondition: this case must exercise raising the cut-off"


def test_partial_wave_sum_for_a_fast_electron_at_small_q() -> None:
    """k = 4Z, q = Z/5 at Z = 1/4: the radial integrand oscillates out to r ~ (dps + 10)/Z.

    S from the Coulomb waves agrees with the closed form to dps digits.
    """
    Z, k, q, dps = mpmath.mpf("0.25"), 1, mpmath.mpf("0.05"), 10
    T = (k * k + Z * Z) / 2  # 0.53125
    pw = hc.partial_wave_density(T, q, Z=Z, dps=dps)
    with mpmath.workdps(30):
        exact = h.continuum_density(T, q, Z=Z, dps=30)
        assert agreement_digits(pw.value, exact) >= dps
        # negative control: the closed form at a 1e-8 different q is rejected
        assert agreement_digits(pw.value, h.continuum_density(T, q * (1 + 1e-8), Z=Z)) < dps
