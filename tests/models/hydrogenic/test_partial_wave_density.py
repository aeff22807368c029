"""S(T, q) from an independent partial-wave sum with Coulomb functions
(:func:`~sumrules.models.hydrogenic.checks.partial_wave_density`, ``partial_wave_terms``).

Pins the agreement with the closed form (on the ridge, at small q, in the dipole limit), the
documented stopping rule (the cut-off L is raised until the last two terms are below
10^{−dps−2} of the sum) on a borderline case, the defaults dps = 20 and lmax = 150, the errors
naming lmax and q, the Z-scaling wave by wave, and a repulsive field as negative control.
"""

from __future__ import annotations

import re

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

SCALES = [mpmath.mpf(2) ** -80, mpmath.mpf(2) ** 80, mpmath.mpf("1e30"), mpmath.mpf("1e-30")]


@pytest.mark.parametrize(("T", "q", "Z"), [("0.6", "0.3", 1), (3, "1.2", 2)])
def test_partial_wave_sum_with_coulomb_functions(T: str, q: str, Z: int) -> None:
    pw = hc.partial_wave_density(T, q, Z=Z, dps=12)
    with mpmath.workdps(30):
        assert agreement_digits(pw.value, h.continuum_density(T, q, Z=Z, dps=25)) > 11


def test_partial_wave_negative_control() -> None:
    """Without the attraction (η = +Z/k, a repulsive field) the partial waves disagree."""
    pw = hc.partial_wave_density("0.6", "0.3", dps=12)
    with mpmath.workdps(20):
        k = mpmath.sqrt(mpmath.mpf("0.2"))
        wrong = hc.partial_wave_terms(k, mpmath.mpf("0.3"), mpmath.mpf(1), 14, 12, eta=1 / k)
        assert agreement_digits(mpmath.fsum(wrong), pw.value) < 1


class _Abort(Exception):
    """Raised by a recording stub to stop an expensive evaluation after its first cut-off."""


def _record_cutoffs(
    monkeypatch: pytest.MonkeyPatch, *, max_calls: int = 8, abort: bool = False
) -> list[tuple[int, int, list[mpmath.mpf]]]:
    """Record (L, dps, terms) of every partial-wave evaluation; refuse an endless loop."""
    real = hc.partial_wave_terms
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

    monkeypatch.setattr(hc, "partial_wave_terms", recorded)
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


@pytest.mark.parametrize("Z", SCALES[2:], ids=lambda z: mpmath.nstr(z, 3))
def test_partial_waves_are_scale_free_in_z(Z: mpmath.mpf) -> None:
    """Z²·S_Z(Z²T, Zq) = S_1(T, q) wave by wave; before the r-integrals were taken in Zr and
    normalised by Z⁻², Z = 10³⁰ kept 6 and Z = 10⁻³⁰ 13 of 15 digits (mpmath's absolute stopping rule)."""
    ref = hc.partial_wave_density(1, 1, dps=15)
    got = hc.partial_wave_density(Z * Z, Z, Z=Z, dps=15)
    assert len(got.terms) == len(ref.terms)
    assert agreement_digits(Z * Z * got.value, ref.value) >= 14
    assert agreement_digits(got.value, h.continuum_density(Z * Z, Z, Z=Z, dps=20)) >= 14
    # negative control: Z⁻¹ instead of Z⁻² scaling is rejected
    assert agreement_digits(Z * got.value, ref.value) < 1
