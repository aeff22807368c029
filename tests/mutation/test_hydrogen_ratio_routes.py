"""Tests written to kill mutants of the hydrogen sum-rule quadrature routes (see docs/mutation.md).

Covers :mod:`sumrules.models.hydrogen`: the input checks behind :func:`sum_rule_ratios`
(``real_number``, ``energy_transfer``, ``_ratio_energy``: booleans, the ionization-energy message, the
documented range T/I <= MAX_T_OVER_I and its Z-scaling), the error estimates of the primary
tanh-sinh route, and the Gauss–Legendre-in-log-q cross-check (its documented tail bound
10^(-dps-10), compared with the exact closed-form ratio at high precision, and that it really
is a Gauss–Legendre rule, i.e. independent of the primary tanh-sinh route).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest

from sumrules.models.hydrogenic import ground as h


def _message(call: Callable[[], object]) -> str:
    """The text of the ValueError raised by ``call``."""
    with pytest.raises(ValueError) as info:
        call()
    return str(info.value)


# --- input checks -----------------------------------------------------------------------------


def test_boolean_energy_is_rejected_as_not_a_number() -> None:
    """False is not the number 0: it is refused as 'not a finite real', not as T below I."""
    msg = _message(lambda: h.sum_rule_ratios(False))
    assert msg == "T must be a finite real number, got False"
    # negative control: a genuine 0 is a number and fails the threshold check instead
    assert _message(lambda: h.sum_rule_ratios(0)).startswith("T must exceed the ionization")


def test_threshold_message_quotes_i_to_ten_digits() -> None:
    """Below threshold the message quotes I = Z²/2 to 10 significant digits."""
    # Z = 1/3: I = 1/18 = 0.0555555555|55... -> 0.05555555556 (10 significant digits, by hand)
    expected = (
        "T must exceed the ionization energy Z**2/2 = 0.05555555556 hartree, got Fraction(1, 20)"
    )
    msg = _message(lambda: h.sum_rule_ratios(Fraction(1, 20), Z=Fraction(1, 3)))
    assert msg == expected
    # Z = 2: I = 2 exactly
    assert "Z**2/2 = 2.0 hartree, got 1" in _message(lambda: h.sum_rule_ratios(1, Z=2))
    # negative controls: 6 or 11 digits, or Z²·2, would print differently
    for wrong in ("0.0555556", "0.055555555556", "0.2222222222"):
        assert f"= {wrong} hartree" not in msg


def test_validated_range_ends_exactly_at_max_t_over_i_for_any_z() -> None:
    """T/I = MAX_T_OVER_I is accepted (value = closed form), one hartree more is refused.

    At Z = 2 (I = 2) the limit T = 2·10³⁰ distinguishes I = Z²/2 from Z²·2, Z/Z/2, Z²/3;
    the limit itself is inclusive ("at most").
    """
    z, limit = 2, h.MAX_T_OVER_I * 2  # T = (T/I)·Z²/2
    r_nmm, r_ew = h.sum_rule_ratios(limit, Z=z, dps=15)
    exact = h.exact_sum_rule_ratio(limit, Z=z, dps=30)
    with mpmath.workdps(30):
        assert abs(r_nmm - exact) < 1e-14 and abs(r_ew - exact) < 1e-14
    # one hartree beyond (resolved at the default dps = 30 + 10 guard digits): refused
    msg = _message(lambda: h.sum_rule_ratios(limit + 1, Z=z))
    assert re.match(r"T must be at most 1e\+30 times the ionization energy Z\*\*2/2 \(", msg)
    assert msg.endswith(f"got {limit + 1!r}")
    # an exact integer is compared exactly: also refused at dps = 15, where 2·10³⁰ + 1 has
    # more digits than the 25 working ones (rounding it first would let it through)
    assert _message(lambda: h.sum_rule_ratios(limit + 1, Z=z, dps=15)) == msg
    # negative control: at Z = 1 the same T is 4·10³⁰ I and refused as well
    assert _message(lambda: h.sum_rule_ratios(limit, dps=15)).startswith("T must be at most")


# --- primary route: tanh-sinh error estimates --------------------------------------------------


def test_tanh_sinh_error_estimates_never_claim_below_working_precision() -> None:
    """The reported errors lie between one unit of the working precision and 10^-dps.

    An estimate below 10^-(dps + guard) (mpmath's raw estimate can be 0 or far below it)
    would claim more than the arithmetic resolves; above 10^-dps it would not certify dps.
    """
    dps = 15
    d = h.sum_rule_ratios_detailed(1, dps=dps)
    with mpmath.workdps(dps + 20):
        unit = mpmath.mpf(10) ** -(dps + 10)  # working precision dps + GUARD_DIGITS (10)
        for err, r in ((d.error_nmm, d.r_nmm), (d.error_ew, d.r_ew)):
            assert 0.99 * unit <= err <= mpmath.mpf(10) ** -dps * abs(r)
    # negative control: a raw mpmath estimate at the same working precision is below the unit
    with mpmath.workdps(dps + 10):
        _, raw = mpmath.quad(lambda x: mpmath.exp(-x), [0, mpmath.inf], error=True)
        assert raw < 0.99 * unit


# --- cross-check route: Gauss–Legendre in s = log q --------------------------------------------


def _log_gl(T: str, Z: str, dps: int, work: int) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the log-q Gauss–Legendre route at ``dps``, working at ``work`` digits,
    and the exact closed-form ratio (independent route) at the same (T, Z)."""
    with mpmath.workdps(work):
        t, z = mpmath.mpf(T), mpmath.mpf(Z)
        r_nmm, r_ew = h._ratios_log_gauss_legendre(h.Continuum(t, z), dps)
    exact = h.exact_sum_rule_ratio(t, Z=z, dps=work + 20)
    return r_nmm, r_ew, exact


def _rel(a: mpmath.mpf, b: mpmath.mpf) -> mpmath.mpf:
    with mpmath.workdps(100):
        return abs(a / b - 1)


@pytest.mark.parametrize(
    ("T", "Z"),
    [
        ("0.5000001", "1"),  # T/I = 1 + 2e-7: the widest q-range relative to the ridge
        ("5.0000001e-7", "1e-3"),  # the same point scaled to Z = 1e-3 (q_min ∝ Z)
        ("1e20", "1e10"),  # T/I = 2 at Z = 1e10: T ≫ 1 in hartree (q_max ∝ (1 + T)^(1/6))
    ],
)
def test_log_gauss_legendre_tails_below_documented_bound(T: str, Z: str) -> None:
    """The cut-offs [q_min, q_max] leave tails < 10^(-dps-10) relative (docstring).

    Worked at dps + 25 digits, so that only the truncated tails separate the route from the
    exact closed form r = [1 − e^{−(4/κ) atan κ}(κ⁴ − 2κ² + 7/3)/(1 + κ²)²]/(1 − e^{−2π/κ}).
    """
    dps = 20
    bound = mpmath.mpf(10) ** -(dps + 10)
    r_nmm, r_ew, exact = _log_gl(T, Z, dps, dps + 25)
    assert _rel(r_nmm, exact) < bound and _rel(r_ew, exact) < bound
    # negative control: a value exact only to the requested dps (the closed form rounded to
    # dps digits) is rejected: the check resolves the 10 digits beyond dps
    with mpmath.workdps(dps):
        rounded = +exact
    assert _rel(rounded, exact) > bound


def test_log_gauss_legendre_tail_check_sees_short_cutoffs() -> None:
    """Negative control of the tail check: cut-offs meant for 10 digits fewer fail it.

    Near threshold (T/I = 1 + 2e-7, Z = 1) the tails (q → 0 of r_nmm, q → ∞ of r_ew) are
    within a few digits of the documented bound, so the check above measures them.
    """
    dps = 20
    bound = mpmath.mpf(10) ** -(dps + 10)
    short_nmm, short_ew, exact = _log_gl("0.5000001", "1", dps - 10, dps + 25)
    assert max(_rel(short_nmm, exact), _rel(short_ew, exact)) > bound
    # positive control: with the cut-offs for dps both tails are below the bound
    r_nmm, r_ew, _ = _log_gl("0.5000001", "1", dps, dps + 25)
    assert _rel(r_nmm, exact) < bound and _rel(r_ew, exact) < bound


def _min_gap_of_samples(run: Callable[[Callable[[mpmath.mpf], mpmath.mpf]], object]) -> float:
    """Smallest distance between distinct abscissae s at which ``run`` samples its integrand."""
    seen: set[mpmath.mpf] = set()

    def record(s: mpmath.mpf) -> mpmath.mpf:
        seen.add(s)
        return s

    run(record)
    s = sorted(seen)
    return float(min(b - a for a, b in itertools.pairwise(s)))


def test_log_route_is_gauss_legendre_not_tanh_sinh() -> None:
    """substitution_* is documented as Gauss–Legendre in s = log q: a rule independent of the
    primary tanh-sinh route. Gauss–Legendre abscissae stay ~1/n² away from the split points;
    tanh-sinh clusters them within ~10^-dps of every split point."""
    with mpmath.workdps(35):
        c = h.Continuum(mpmath.mpf(2), mpmath.mpf(1))
        density = c.density

        def run(record: Callable[[mpmath.mpf], mpmath.mpf]) -> None:
            def sampled(q: mpmath.mpf) -> mpmath.mpf:
                record(mpmath.log(q))
                return density(q)

            c.density = sampled  # type: ignore[method-assign]
            h._ratios_log_gauss_legendre(c, 25)

        assert _min_gap_of_samples(run) > 1e-10
        # negative control: tanh-sinh on split intervals of s fails the same check
        gap_ts = _min_gap_of_samples(
            lambda rec: mpmath.quad(lambda s: mpmath.exp(-(rec(s) ** 2)), [-2, 0, 2])
        )
        assert gap_ts < 1e-10
        gap_gl = _min_gap_of_samples(
            lambda rec: mpmath.quad(
                lambda s: mpmath.exp(-(rec(s) ** 2)), [-2, 0, 2], method="gauss-legendre"
            )
        )
        assert gap_gl > 1e-10
