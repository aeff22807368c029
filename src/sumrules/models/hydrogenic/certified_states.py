"""Certified enclosures (python-flint) of r_nmm(T), r_ew(T) for hydrogen-like 2s, 2p (any state
of :func:`sumrules.models.hydrogenic.closed_forms.closed_form_states`).

In reduced units (λ = Z/n, u = q/λ, κ = k/λ, t = T/λ² = (1 + κ²)/2, ν = n/κ) the closed form
of :mod:`sumrules.models.hydrogenic.closed_forms` is S = λ⁻² F(u) with

    F(u) = P_S c u² P(u², κ²) e^{−2ν φ(u)} / ([(u + κ)² + 1][(u − κ)² + 1])^o,
    P_S = 1/(1 − e^{−2πν}),   φ(u) = atan2(2κ, u² − κ² + 1) ∈ (0, π),   o = 2n + 1,

and r_nmm = ∫_0^∞ 2t F/u du, r_ew = ∫_0^∞ u F du (exactly: the charge drops out). The
angle is handled as in :mod:`sumrules.models.hydrogenic.certified` (the same φ as 1s at
Z = 1): atan(u + κ) − atan(u − κ) near the ridge (analytic for |Im u| < 1),
π + atan(2κ/a) on [0, κ − 1] for κ ≥ 2 (a = 1 + u² − κ², Re a < 0 there) and atan(2κ/a) from
κ + 2 on (Re a > 0). Each integrand checks its own analyticity on the ball that
``acb.integral`` hands it and returns NaN where it cannot, so the error bounds are rigorous.

*Tail* (proof in :func:`state_tail_bounds`): for u ≥ Q > κ, with d = deg_x P,
A = Σ_i |p_i(κ²)| Q^{2(i−d)} (p_i the coefficients of xⁱ), ρ = Q²/(Q² − κ²), e = 4o − 2 − 2d:

    |F(u)| ≤ P_S c A ρ^{2o} u^{−e},
    |∫_Q^∞ 2t F/u du| ≤ 2t P_S c A ρ^{2o} Q^{−e}/e,   |∫_Q^∞ u F du| ≤ P_S c A ρ^{2o} Q^{2−e}/(e − 2);

the ball [−B, B] is added (no use is made of F ≥ 0).

>>> cr = certified_state_ratios(2, 1, "0.25", digits=15)
>>> print(mpmath.nstr(cr.r_nmm.mid, 12), cr.digits >= 15)
0.995480110296 True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from types import ModuleType
from typing import Any

import mpmath

from sumrules.core.certified import (
    CertificationError,
    Certified,
    CertifiedControl,
    bits_for_digits,
    certify_contains,
    exact_rational,
    fmpq_of,
    validate_digits,
    workprec,
)
from sumrules.core.numeric import MAX_DPS
from sumrules.models.hydrogenic.certified import CertifiedRatios, CoulombAngles, ratio_control
from sumrules.models.hydrogenic.closed_form_ratios import exact_sum_rule_ratios
from sumrules.models.hydrogenic.closed_forms import ClosedForm, closed_form

__all__ = [
    "VARIANTS",
    "certified_state_ratios",
    "certified_state_table",
    "judge",
    "state_negative_controls",
    "state_tail_bounds",
]

#: the exact computation and the deliberately wrong ones of the negative controls
VARIANTS = ("exact", "no_sommerfeld", "principal_atan")
_GUARD_BITS = 32
_TARGET_EXTRA = 12
_EVALS_PER_BIT = 200

_Angle = Callable[[Any, bool], Any]


def _scaled_energy(form: ClosedForm, T: object, Z: object) -> tuple[Fraction, Fraction, Fraction]:
    """(T, Z, t = T/λ²) exactly; ValueError naming T or Z."""
    t_, z_ = exact_rational(T, "T"), exact_rational(Z, "Z")
    if z_ <= 0:
        raise ValueError(f"Z must be positive, got {Z!r}")
    lam2 = z_ * z_ / (form.n * form.n)
    if t_ <= lam2 / 2:
        raise ValueError(
            f"T must exceed the ionization energy Z**2/(2 n**2) = {float(lam2 / 2):.10g} "
            f"hartree, got {T!r}"
        )
    return t_, z_, t_ / lam2


class _Model(CoulombAngles):
    """Ball constants and integrands of one state at reduced energy t."""

    def __init__(self, flint: ModuleType, form: ClosedForm, t: Fraction, variant: str) -> None:
        super().__init__(flint, t)
        arb = flint.arb
        self.form = form
        self.c = 2 * form.n / self.k  # 2ν
        somm = 1 / -(-arb.pi() * self.c).expm1()
        pref = arb(fmpq_of(flint, form.prefactor))
        self.P = pref if variant == "no_sommerfeld" else pref * somm
        degree = max(i for i, _, _ in form.terms)
        self.p = [arb(0)] * (degree + 1)  # coefficients of xⁱ at y = κ²
        for i, j, co in form.terms:
            self.p[i] += co * self.k2**j

    def poly(self, x: Any) -> Any:
        out = 0 * x
        for coeff in reversed(self.p):
            out = out * x + coeff
        return out

    def integrand(self, phi: _Angle, which: str) -> _Angle:
        """2t F/u (``"nmm"``) or u F (``"ew"``) with the angle ``phi``."""
        k, o = self.k, self.form.order

        def f(u: Any, analytic: bool) -> Any:
            p = phi(u, analytic)
            if p is None:
                return self.nan
            den = (((u + k) ** 2 + 1) * ((u - k) ** 2 + 1)) ** o
            common = self.P * self.poly(u * u) * (-self.c * p).exp() / den
            return 2 * self.t * u * common if which == "nmm" else u * u * u * common

        return f

    def tail_bounds(self, Q: Any) -> tuple[Any, Any]:
        """Upper bounds of |∫_Q^∞ 2t F/u du| and |∫_Q^∞ u F du| for Q > κ (exact arbs)."""
        Q2 = Q * Q
        d = len(self.p) - 1
        a = sum((abs(pi) * Q2 ** (i - d) for i, pi in enumerate(self.p)), self.flint.arb(0))
        e = 4 * self.form.order - 2 - 2 * d
        common = self.P * a * (Q2 / (Q2 - self.k2)) ** (2 * self.form.order)
        b_nmm = 2 * self.t * common / (e * Q**e)
        b_ew = common / ((e - 2) * Q ** (e - 2))
        return b_nmm.upper(), b_ew.upper()

    def auto_cutoff(self, bits: int) -> Fraction:
        """A power of two Q ≥ 4(κ + 2) with both tail bounds ≤ 2^−bits."""
        arb = self.flint.arb
        n = math.ceil(math.log2(4 * (float(self.k.upper()) + 2)))
        limit = arb(2) ** -bits
        while True:
            Q = Fraction(2) ** n
            b_nmm, b_ew = self.tail_bounds(arb(fmpq_of(self.flint, Q)))
            if b_nmm < limit and b_ew < limit:
                return Q
            n += 1

    def cancellation_bits(self) -> int:
        """Bits lost to the cancellation in P near the ridge (terms of size (κ + 2)^{2d})."""
        return math.ceil(2 * (len(self.p) - 1) * 2 * math.log2(float(self.k.upper()) + 2))


def _segments(m: _Model, q_max: Any, variant: str) -> list[tuple[Any, Any, _Angle]]:
    """Pieces of [0, Q] with an angle form analytic near each (as for 1s)."""
    arb = m.flint.arb
    k = m.k.mid()
    near: list[tuple[Any, Any, _Angle]]
    if variant == "principal_atan":
        near = [(arb(0), k + 2, m.phi_quotient)]
    elif k < arb("0.5"):
        near = [(arb(0), k, m.phi_quotient), (k, k + 2, m.phi_quotient)]
    elif k >= 2:
        near = [(arb(0), k - 1, m.phi_reflected), (k - 1, k, m.phi_difference)]
        near.append((k, k + 2, m.phi_difference))
    else:
        near = [(arb(0), k, m.phi_difference), (k, k + 2, m.phi_difference)]
    far: list[tuple[Any, Any, _Angle]] = []
    lo = k + 2
    while 8 * lo < q_max:
        far.append((lo, 4 * lo, m.phi_quotient))
        lo = 4 * lo
    far.append((lo, q_max, m.phi_quotient))
    return near + far


def _fraction_of(x: Any) -> Fraction:
    man, exp = x.man_exp()
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def _cutoff(flint: ModuleType, m: _Model, cutoff: object, lam: Fraction, bits: int) -> Any:
    if cutoff is None:
        Q = m.auto_cutoff(bits)
    else:
        Q = exact_rational(cutoff, "cutoff") / lam
        if not flint.arb(fmpq_of(flint, Q)) > m.k + 2:
            raise ValueError(
                f"cutoff must exceed k + 2λ = {float((m.k + 2).upper()) * float(lam):.6g} "
                f"(1/bohr), got {cutoff!r}"
            )
    return flint.arb(fmpq_of(flint, Q)).mid()


def _integrate(
    n: int,
    l: int,
    T: object,
    Z: object,
    digits: int,
    *,
    variant: str = "exact",
    zero_tail: bool = False,
    cutoff: object = None,
) -> CertifiedRatios:
    """The certified computation; ``variant`` and ``zero_tail`` serve the negative controls."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")
    form = closed_form(n, l)
    digits = validate_digits(digits)
    t_, z_, t = _scaled_energy(form, T, Z)
    lam = z_ / form.n
    bits = bits_for_digits(digits) + _TARGET_EXTRA
    with workprec(bits + _GUARD_BITS) as flint:
        extra = _Model(flint, form, t, variant).cancellation_bits()
    with workprec(bits + _GUARD_BITS + extra) as flint:
        arb, acb = flint.arb, flint.acb
        m = _Model(flint, form, t, variant)
        q_max = _cutoff(flint, m, cutoff, lam, bits)
        tol = arb(2) ** -bits
        evals = _EVALS_PER_BIT * (bits + _GUARD_BITS)
        balls: dict[str, Certified] = {}
        tails: dict[str, Certified] = {}
        for which, bound in zip(("nmm", "ew"), m.tail_bounds(q_max), strict=True):
            total = acb(0)
            for lo, hi, phi in _segments(m, q_max, variant):
                total += acb.integral(
                    m.integrand(phi, which), lo, hi, rel_tol=tol, abs_tol=tol, eval_limit=evals
                )
            tail = arb(0, bound)
            tails[which] = Certified(tail)
            balls[which] = Certified(total.real + (arb(0) if zero_tail else tail))
    return CertifiedRatios(
        T=t_,
        Z=z_,
        target_digits=digits,
        r_nmm=balls["nmm"],
        r_ew=balls["ew"],
        cutoff=_fraction_of(q_max) * lam,
        tail_nmm=tails["nmm"],
        tail_ew=tails["ew"],
    )


def certified_state_ratios(
    n: int, l: int, T: object, *, Z: object = 1, digits: int = 30, cutoff: object = None
) -> CertifiedRatios:
    """Certified balls of (r_nmm, r_ew) of the state (n, l) at T (hartree), charge Z.

    T, Z exact (int, Fraction, decimal string, float, mpf); ``digits`` (10…1000) sets the
    tolerance and the cut-off (a power of two in u with both tail bounds < 2^−(3.33·digits
    + 12)); a smaller ``cutoff`` (in 1/bohr, > k + 2λ) gives a wider but rigorous ball.
    :class:`~sumrules.core.certified.CertificationError` if a ball is not finite.

    >>> certified_state_ratios(2, 0, "0.125")
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the ionization energy Z**2/(2 n**2) = 0.125 hartree, got '0.125'
    """
    cr = _integrate(n, l, T, Z, digits, cutoff=cutoff)
    if not (cr.r_nmm.finite and cr.r_ew.finite):
        raise CertificationError(f"acb.integral returned a non-finite ball at T = {T!r}")
    return cr


def state_tail_bounds(
    n: int, l: int, T: object, cutoff: object, *, Z: object = 1, digits: int = 30
) -> tuple[Certified, Certified]:
    """Rigorous enclosures [−B, B] of the tails of r_nmm, r_ew beyond q = ``cutoff``.

    Proof (reduced units, u ≥ Q > κ, Q = cutoff/λ):

    1. |e^{−2νφ}| ≤ 1 (φ ∈ (0, π), ν > 0) and 0 < P_S = 1/(1 − e^{−2πν}).
    2. [(u ± κ)² + 1] > (u ± κ)², so the denominator exceeds (u² − κ²)^{2o}, and
       u² − κ² ≥ u²(1 − κ²/Q²) = u²/ρ > 0: it is ≥ u^{4o}/ρ^{2o}.
    3. |P(x)| ≤ Σ_i |p_i| xⁱ ≤ x^d Σ_i |p_i| Q^{2(i−d)} = A x^d for x = u² ≥ Q².

    Hence |F| ≤ P_S c A ρ^{2o} u^{2 + 2d − 4o} = P_S c A ρ^{2o} u^{−e} with e = 4o − 2 − 2d
    (e = 8 for 1s, 2s and 2p), and integrating 2t u^{−e−1} and u^{1−e} from Q to ∞ gives the
    bounds of the module docstring.

    >>> b_nmm, b_ew = state_tail_bounds(2, 0, "0.25", 100)
    >>> float(b_nmm.rad) < 1e-13, float(b_ew.rad) < 1e-9
    (True, True)
    """
    form = closed_form(n, l)
    digits = validate_digits(digits)
    _, z_, t = _scaled_energy(form, T, Z)
    Q = exact_rational(cutoff, "cutoff") * form.n / z_
    with workprec(bits_for_digits(digits) + _GUARD_BITS) as flint:
        m = _Model(flint, form, t, "exact")
        q = flint.arb(fmpq_of(flint, Q))
        if not q > m.k:
            raise ValueError(f"cutoff must exceed k, got {cutoff!r}")
        b_nmm, b_ew = m.tail_bounds(q)
        return Certified(flint.arb(0, b_nmm)), Certified(flint.arb(0, b_ew))


def certified_state_table(
    n: int,
    l: int,
    T_over_I_values: Sequence[object] = ("1.001", 2, 100),
    *,
    Z: object = 1,
    digits: int = 30,
) -> list[CertifiedRatios]:
    """:func:`certified_state_ratios` at T = (T/I)·Z²/(2n²) for each T/I (exact inputs).

    >>> [round(float(r.r_ew.mid), 6) for r in certified_state_table(2, 0, [2], digits=10)]
    [0.99216]
    """
    form = closed_form(n, l)
    z_ = exact_rational(Z, "Z")
    rows = []
    for x in T_over_I_values:
        ratio = exact_rational(x, "T_over_I")
        if ratio <= 1:
            raise ValueError(f"T_over_I must exceed 1, got {x!r}")
        rows.append(
            certified_state_ratios(n, l, ratio * z_ * z_ / (2 * form.n**2), Z=z_, digits=digits)
        )
    return rows


# --------------------------------------------------------------------------------------------
# the negative controls


def _reference_dps(digits: int) -> int:
    return min(digits + 20, MAX_DPS)


def judge(cr: CertifiedRatios, reference: tuple[mpmath.mpf, mpmath.mpf], digits: int) -> bool:
    """The check: both balls certify the closed-form ratios (known to digits + 18 or so)."""
    tol = Fraction(1, 10 ** (_reference_dps(digits) - 2))
    return all(
        certify_contains(b.ball, ref, min_digits=digits, rel_tol=tol)
        for b, ref in zip((cr.r_nmm, cr.r_ew), reference, strict=True)
    )


def _control(
    description: str,
    run: Callable[[], CertifiedRatios],
    reference: tuple[mpmath.mpf, mpmath.mpf],
    digits: int,
) -> CertifiedControl:
    return ratio_control(description, run, lambda cr: judge(cr, reference, digits), reference[0])


def state_negative_controls(
    n: int, l: int, T: object, *, Z: object = 1, digits: int = 30
) -> list[CertifiedControl]:
    """Deliberately wrong certified computations, judged by :func:`judge` like the real one.

    The Sommerfeld factor dropped (only where e^{−2πν} shows at this precision); the
    principal atan instead of atan2 (only where it differs: κ > 1); a tail bound of 0 with
    the cut-off Q = k + 3λ, where the true tail is large. Each must be rejected.

    >>> [c.caught for c in state_negative_controls(2, 1, "6.25", digits=15)]
    [True, True, True]
    """
    form = closed_form(n, l)
    digits = validate_digits(digits)
    t_, z_, t = _scaled_energy(form, T, Z)
    reference = exact_sum_rule_ratios(n, l, t_, Z=z_, dps=_reference_dps(digits))
    kappa = math.sqrt(2 * float(t) - 1)
    controls = []
    if 2 * math.pi * n / kappa < (digits - 3) * math.log(10):
        controls.append(
            _control(
                f"{form.label}: drop the Sommerfeld factor 1/(1 − exp(−2πν))",
                lambda: _integrate(n, l, t_, z_, digits, variant="no_sommerfeld"),
                reference,
                digits,
            )
        )
    if kappa > 1:
        controls.append(
            _control(
                f"{form.label}: principal atan(2κ/(u² − κ² + 1)) instead of atan2",
                lambda: _integrate(n, l, t_, z_, digits, variant="principal_atan"),
                reference,
                digits,
            )
        )
    small_q = Fraction(math.ceil((kappa + 3) * 1000), 1000) * z_ / form.n
    controls.append(
        _control(
            f"{form.label}: tail bound 0 instead of the proven bound, cut-off "
            f"q = {float(small_q):.4g}",
            lambda: _integrate(n, l, t_, z_, digits, zero_tail=True, cutoff=small_q),
            reference,
            digits,
        )
    )
    return controls
