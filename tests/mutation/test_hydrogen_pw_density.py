"""The partial-wave evaluation of S: stopping rule, dipole limit, Z-scaling (docs/mutation.md).

Covers :func:`sumrules.models.hydrogen_checks.partial_wave_density` beyond
``test_hydrogen_partial_waves.py``. Independent routes: the closed-form continuum density
:func:`sumrules.models.hydrogen.continuum_density`, the documented stopping rule (the cut-off L
is raised until the last two terms are below 10^{−dps−2} of the sum), the dipole limit
(at q → 0 the l = 1 wave carries S, the l = 0 wave is O(q²) smaller), and the Z-scaling
S_Z(T, q) = Z⁻² S_1(T/Z², q/Z), which holds wave by wave because the Coulomb waves and the 1s
state scale with Z (r → r/Z).
"""

from __future__ import annotations

import re

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


def _last_two_ratio(terms: list[mpmath.mpf] | tuple[mpmath.mpf, ...]) -> mpmath.mpf:
    """max(last two terms)/sum: the quantity of the documented stopping rule."""
    return max(terms[-1], terms[-2]) / mpmath.fsum(terms)


def test_stopping_rule_on_a_borderline_case() -> None:
    """k = 1, q = 1.1 at Z = 1 (T = 1), dps = 10: lmax = 20 is just enough, lmax = 19 is not.

    The documented rule accepts L when the last two terms are below 10^{−dps−2} S. Here the
    waves l ≤ 20 pass it by less than a factor 3 and the waves l ≤ 19 fail it, so any
    faithful implementation returns l = 0..20 for lmax = 20 and raises for lmax = 19.
    S agrees with the closed form to dps digits.
    """
    T, q, dps = 1, "1.1", 10
    pw = hc.partial_wave_density(T, q, dps=dps, lmax=20)
    with pytest.raises(ValueError, match=r"^lmax = 19 too small for convergence at dps = 10$"):
        hc.partial_wave_density(T, q, dps=dps, lmax=19)
    with mpmath.workdps(30):
        tol = mpmath.mpf(10) ** (-dps - 2)
        assert agreement_digits(pw.value, h.continuum_density(T, q, dps=30)) >= dps
        assert len(pw.terms) == 21
        assert _last_two_ratio(pw.terms) < tol
        assert _last_two_ratio(pw.terms[:-1]) >= tol  # the cut at L = 19 fails the rule
        # negative control: the margin is less than a factor 3, so a rule with 10^{−dps−3}
        # (or 11^{−dps−2}) in place of 10^{−dps−2} rejects L = 20
        assert _last_two_ratio(pw.terms) >= tol / 3
        assert _last_two_ratio(pw.terms) >= mpmath.mpf(11) ** (-dps - 2)


def test_lmax_1_is_too_small_in_the_dipole_limit() -> None:
    """q = 10⁻⁶: the l = 1 (dipole) wave is essentially all of S, so L = 1 cannot converge.

    With lmax = 1 only l = 0, 1 are available and the last of them is not small: the
    documented ValueError naming lmax and dps. With the default lmax the sum converges to
    the closed form (a few waves suffice at small q).
    """
    T, q, dps = "0.6", "1e-6", 10
    pattern = r"^lmax = 1 too small for convergence at dps = 10$"
    with pytest.raises(ValueError, match=pattern):
        hc.partial_wave_density(T, q, dps=dps, lmax=1)
    pw = hc.partial_wave_density(T, q, dps=dps)
    with mpmath.workdps(30):
        tol = mpmath.mpf(10) ** (-dps - 2)
        assert agreement_digits(pw.value, h.continuum_density(T, q, dps=30)) >= dps
        # dipole dominance: S is the l = 1 term to ~q² relative accuracy
        assert abs(pw.terms[1] / pw.value - 1) < 1e-9
        # negative control: the l = 0 term alone is below 10^{−dps−2} S, so a rule looking
        # only at the next-to-last term would have accepted L = 1 (and returned a truncated S)
        assert pw.terms[0] < tol * pw.value
        assert pw.terms[1] >= tol * pw.value
    assert not re.match(pattern, "lmax = 1 too small for convergence at dps = 11")


def test_partial_waves_scale_with_z_wave_by_wave() -> None:
    """Z = 2, T = 3, q = 1 versus Z = 1, T = 3/4, q = 1/2 (k/Z = 1/√2 and q/Z = 1/2 in both).

    Every term obeys term_l(Z) = Z⁻² term_l(1) and the same waves are kept: the decay
    ρ^{2l}, ρ = w − √(w² − 1), w = (k² + q² + Z²)/(2kq), and the relative stopping rule are
    invariant under the scaling. Both sums agree with the closed form to dps digits.
    """
    dps = 10
    z2 = hc.partial_wave_density(3, 1, Z=2, dps=dps)
    z1 = hc.partial_wave_density("0.75", "0.5", dps=dps)
    with mpmath.workdps(30):
        assert agreement_digits(z2.value, h.continuum_density(3, 1, Z=2, dps=30)) >= dps
        assert agreement_digits(z1.value, h.continuum_density("0.75", "0.5", dps=30)) >= dps
        assert len(z2.terms) == len(z1.terms)
        for a, b in zip(z2.terms, z1.terms, strict=True):
            assert abs(4 * a - b) < mpmath.mpf(10) ** (-dps) * z1.value
        # negative control: Z⁻¹ or Z⁻³ scaling of the leading term is rejected
        lead = max(range(len(z1.terms)), key=lambda i: z1.terms[i])
        for wrong in (2, 8):
            assert abs(wrong * z2.terms[lead] - z1.terms[lead]) > 1e-3 * z1.value
        # negative control: w without Z² (w' = (k² + q² + 1)/(2kq)) is not scale invariant
        k2 = mpmath.sqrt(2)  # k = √(2T − Z²) at Z = 2, T = 3

        def w(k: mpmath.mpf, q: mpmath.mpf, zz: mpmath.mpf) -> mpmath.mpf:
            return (k * k + q * q + zz) / (2 * k * q)

        half = mpmath.mpf("0.5")
        assert abs(w(k2, mpmath.mpf(1), mpmath.mpf(4)) - w(k2 / 2, half, mpmath.mpf(1))) < 1e-25
        assert abs(w(k2, mpmath.mpf(1), mpmath.mpf(1)) - w(k2 / 2, half, mpmath.mpf(1))) > 0.5
