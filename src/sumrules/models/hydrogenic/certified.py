"""Certified enclosures of the hydrogen sum-rule ratios r_nmm(T), r_ew(T) (python-flint).

With S(T, q) the 1s → continuum density per unit T (:mod:`sumrules.models.hydrogen`),

    r_nmm = T ∫_0^∞ S dQ²/Q² = ∫_0^∞ 2T S/q dq,      r_ew = (1/2) ∫_0^∞ S dQ² = ∫_0^∞ q S dq.

*Charge scaling.* S_Z(T, q) = Z⁻² S_1(T/Z², q/Z); substituting q = Z u in both integrals
gives r(T, Z) = r(T/Z², 1) exactly, so everything below is at Z = 1 with t = T/Z² (a
cut-off q_c becomes q_c/Z).

*Analytic integrand.* With k = √(2t − 1), P = 2⁸/(1 − e^{−2π/k}), b = 2t/3, c = 2/k,

    S = P q² (q² + b) e^{−c φ(q)} / ([(q + k)² + 1] [(q − k)² + 1])³,
    φ(q) = atan2(2k, q² − k² + 1) ∈ (0, π)  (real q ≥ 0).

atan2 is not analytic, but on the real axis φ equals two analytic functions:

- φ = atan(q + k) − atan(q − k) (the difference lies in (0, π), and its tangent is
  2k/(1 + q² − k²)); analytic in the strip |Im q| < 1 (atan has its cuts at ±i·[1, ∞));
- φ = atan(2k/(1 + q² − k²)) wherever Re(1 + q² − k²) > 0 (then 2k/a has Re > 0 and
  avoids the cuts of atan); on the real axis this holds for q² > k² − 1, i.e. everywhere
  when k < 1, and for q ≥ k + 2 always.

The pieces of [0, Q] (:func:`_segments`): near the Bethe ridge q = k (nearest
singularities: the poles at k ± i) the first form, on [0, k] and [k, k + 2] for
1/2 ≤ k < 2, and on [k − 1, k], [k, k + 2] for k ≥ 2, where [0, k − 1] (a ≤ 2 − 2k < 0)
uses π + atan(2k/a), analytic for Re a < 0; beyond k + 2 the second form, on pieces
[x, 4x] up to Q. For k < 1/2 the second form is used throughout (the first would lose
digits to the cancellation of the two atans). Each integrand checks its own analyticity
on the complex ball it receives when ``acb.integral`` asks (``analytic=True``) and
returns a NaN ball where it cannot verify it, so the Gauss–Legendre error bounds are
rigorous. The branch switch of atan2 at q² = k² − 1 lies inside a piece handled by the
difference form, which has no switch there.

*Tail.* For q ≥ Q > k (see :func:`hydrogen_tail_bounds` for the proof)

    0 < S(q) ≤ P (1 + b/Q²) ρ⁶ q⁻⁸,   ρ = Q²/(Q² − k²),

so ∫_Q^∞ q S dq ≤ P (1 + b/Q²) ρ⁶ / (6 Q⁶) and ∫_Q^∞ 2t S/q dq ≤ 2t P (1 + b/Q²) ρ⁶ / (8 Q⁸);
the ball [0, bound] is added to the integral over [0, Q].

>>> cr = certified_sum_rule_ratios(1, digits=20)
>>> cr.digits >= 20, cr.r_nmm.certifies(exact_sum_rule_ratio(1, dps=40), min_digits=20)
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import ModuleType
from typing import Any

import mpmath

from sumrules.core.certified import (
    CertificationError,
    Certified,
    CertifiedControl,
    bits_for_digits,
    certified_agreement_digits,
    certify_contains,
    exact_rational,
    fmpq_of,
    validate_digits,
    workprec,
)
from sumrules.core.numeric import MAX_DPS
from sumrules.models.hydrogenic.ground import exact_sum_rule_ratio, sum_rule_ratios

__all__ = [
    "CertifiedRatios",
    "CoulombAngles",
    "ReferenceCheck",
    "certified_ratio_integrals",
    "certified_ratio_table",
    "certified_sum_rule_ratios",
    "compare_with_references",
    "hydrogen_negative_controls",
    "hydrogen_tail_bounds",
    "ratio_control",
]

_VARIANTS = ("exact", "no_sommerfeld", "principal_atan")
_GUARD_BITS = 32  # working precision above the target
_TARGET_EXTRA = 12  # bits of the integration tolerance beyond the requested digits
_EVALS_PER_BIT = 200  # acb.integral eval_limit = 200 × working bits (a few thousand are used)


@dataclass(frozen=True)
class CertifiedRatios:
    """Certified r_nmm, r_ew at one T: balls that provably contain the exact ratios.

    ``cutoff`` Q (1/bohr; rounded to a binary fraction) splits ∫_0^Q (``acb.integral``) from the tail, whose rigorous
    enclosure [0, bound] is ``tail_nmm`` / ``tail_ew`` (already included in the ratios).
    """

    T: Fraction
    Z: Fraction
    target_digits: int
    r_nmm: Certified
    r_ew: Certified
    cutoff: Fraction
    tail_nmm: Certified
    tail_ew: Certified

    @property
    def digits(self) -> float:
        """Certified digits of the worse of the two ratios."""
        return min(self.r_nmm.digits, self.r_ew.digits)

    @property
    def mid(self) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(r_nmm, r_ew) midpoints."""
        return self.r_nmm.mid, self.r_ew.mid

    @property
    def rad(self) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(r_nmm, r_ew) radii (rigorous error bounds on :attr:`mid`)."""
        return self.r_nmm.rad, self.r_ew.rad


def _scaled_energy(T: object, Z: object) -> tuple[Fraction, Fraction, Fraction]:
    t_, z_ = exact_rational(T, "T"), exact_rational(Z, "Z")
    if z_ <= 0:
        raise ValueError(f"Z must be positive, got {Z!r}")
    if t_ <= z_ * z_ / 2:
        raise ValueError(
            f"T must exceed the ionization energy Z**2/2 = {float(z_ * z_ / 2):.10g} hartree, "
            f"got {T!r}"
        )
    return t_, z_, t_ / (z_ * z_)


class CoulombAngles:
    """Ball constants t, κ² = 2t − 1, κ of a reduced energy t, and the three forms of the angle
    of the Coulomb factor e^{−2νφ} (each analytic on its own region, for the contour integrals).

    In the variable v = q/λ (q/Z for 1s): φ is the angle atan2(2κ, 1 + v² − κ²).

    >>> import flint
    >>> a = CoulombAngles(flint, Fraction(1))
    >>> a.k2
    1.00000000000000
    >>> round(float(a.phi_quotient(flint.acb(1), analytic=True).real.mid()), 12)  # atan 2
    1.107148717794
    >>> a.phi_quotient(flint.acb(0, 2), analytic=True) is None  # Re(1 + v² − κ²) = −4
    True
    """

    def __init__(self, flint: ModuleType, t: Fraction) -> None:
        arb = flint.arb
        self.flint = flint
        self.t = arb(fmpq_of(flint, t))
        self.k2 = 2 * self.t - 1
        self.k = self.k2.sqrt()
        self.nan = flint.acb(arb("nan"))

    def phi_difference(self, v: Any, analytic: bool) -> Any:
        """atan(v + κ) − atan(v − κ): analytic for |Im v| < 1."""
        if analytic and not abs(v.imag) < 1:
            return None
        return (v + self.k).atan() - (v - self.k).atan()

    def phi_quotient(self, v: Any, analytic: bool) -> Any:
        """atan(2κ/(1 + v² − κ²)): analytic where Re(1 + v² − κ²) > 0."""
        a = 1 + v * v - self.k2
        if analytic and not a.real > 0:
            return None
        return (2 * self.k / a).atan()

    def phi_reflected(self, v: Any, analytic: bool) -> Any:
        """π + atan(2κ/(1 + v² − κ²)): analytic where Re(1 + v² − κ²) < 0."""
        a = 1 + v * v - self.k2
        if analytic and not a.real < 0:
            return None
        return self.flint.arb.pi() + (2 * self.k / a).atan()


class _Model(CoulombAngles):
    """Ball-arithmetic constants and integrands at scaled energy t (Z = 1)."""

    def __init__(self, flint: ModuleType, t: Fraction, variant: str) -> None:
        super().__init__(flint, t)
        arb = flint.arb
        sommerfeld = -(-2 * arb.pi() / self.k).expm1()  # 1 − e^{−2π/k}
        self.P = arb(256) if variant == "no_sommerfeld" else 256 / sommerfeld
        self.b = 2 * self.t / 3
        self.c = 2 / self.k

    def integrand(self, phi: Callable[[Any, bool], Any], which: str) -> Callable[[Any, bool], Any]:
        """2t S/q (``"nmm"``) or q S (``"ew"``) with the angle ``phi``."""
        k, P, b, c, t = self.k, self.P, self.b, self.c, self.t

        def f(q: Any, analytic: bool) -> Any:
            p = phi(q, analytic)
            if p is None:
                return self.nan
            common = (
                P * (q * q + b) * (-c * p).exp() / (((q + k) ** 2 + 1) * ((q - k) ** 2 + 1)) ** 3
            )
            return 2 * t * q * common if which == "nmm" else q * q * q * common

        return f

    def tail_bounds(self, Q: Any) -> tuple[Any, Any]:
        """Upper bounds (exact arb) of ∫_Q^∞ 2t S/q dq and ∫_Q^∞ q S dq, for Q > k."""
        Q2 = Q * Q
        rho6 = (Q2 / (Q2 - self.k2)) ** 6
        common = self.P * (1 + self.b / Q2) * rho6
        b_nmm = 2 * self.t * common / (8 * Q2**4)
        b_ew = common / (6 * Q2**3)
        return b_nmm.upper(), b_ew.upper()

    def auto_cutoff(self, bits: int) -> Fraction:
        """A power of two Q ≥ 4(k + 2) with both tail bounds ≤ 2^−bits."""
        arb = self.flint.arb
        log2p = math.log2(float(self.P.upper()))
        n_ew = (log2p - math.log2(6) + bits) / 6
        n_nmm = (log2p + math.log2(2 * float(self.t.upper()) / 8) + bits) / 8
        n_min = math.log2(4 * (float(self.k.upper()) + 2))
        n = math.ceil(max(n_ew, n_nmm, n_min))
        limit = arb(2) ** -bits
        while True:
            Q = Fraction(2) ** n
            b_nmm, b_ew = self.tail_bounds(arb(fmpq_of(self.flint, Q)))
            if b_nmm < limit and b_ew < limit:
                return Q
            n += 1


_Angle = Callable[[Any, bool], Any]


def _segments(
    m: _Model, q_max: Any, variant: str, phi_form: str | None
) -> list[tuple[Any, Any, _Angle]]:
    """Integration pieces [lo, hi] of [0, Q], each with an angle form analytic near it.

    k < 1/2: quotient form throughout. 1/2 ≤ k < 2: difference form on [0, k], [k, k + 2].
    k ≥ 2: reflected form π + atan(2k/a) on [0, k − 1] (there a ≤ 2 − 2k < 0), difference
    form on [k − 1, k], [k, k + 2]. Then the quotient form on [k + 2, Q], cut at
    (k + 2)·4^j so that each piece has an analyticity region proportional to its length.
    ``principal_atan`` (a control) uses atan(2k/a) everywhere instead.
    """
    arb = m.flint.arb
    k = m.k.mid()  # exact split points: the pieces meet exactly (k itself is a ball)
    near: list[tuple[Any, Any, _Angle]]
    if variant == "principal_atan":
        near = [(arb(0), k + 2, m.phi_quotient)]
    else:
        form = phi_form or ("difference" if k >= arb("0.5") else "quotient")
        phi = m.phi_difference if form == "difference" else m.phi_quotient
        if form == "difference" and k >= 2 and phi_form is None:
            near = [(arb(0), k - 1, m.phi_reflected), (k - 1, k, phi), (k, k + 2, phi)]
        else:
            near = [(arb(0), k, phi), (k, k + 2, phi)]
    far: list[tuple[Any, Any, _Angle]] = []
    lo = k + 2
    while 8 * lo < q_max:
        far.append((lo, 4 * lo, m.phi_quotient))
        lo = 4 * lo
    far.append((lo, q_max, m.phi_quotient))
    return near + far


def _fraction_of(x: Any) -> Fraction:
    """The exact value of an exact arb."""
    man, exp = x.man_exp()
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def _tail_ball(flint: ModuleType, bound: Any) -> Any:
    return flint.arb(0).union(bound)


def certified_ratio_integrals(
    T: object,
    Z: object,
    digits: int,
    *,
    variant: str = "exact",
    zero_tail: bool = False,
    cutoff: object = None,
    phi_form: str | None = None,
) -> CertifiedRatios:
    """The certified computation behind :func:`certified_sum_rule_ratios`, with its variants.

    The keywords serve the negative controls and the checks of the method: ``variant``
    ``"no_sommerfeld"`` or ``"principal_atan"`` integrates a deliberately wrong density;
    ``zero_tail=True`` adds 0 instead of the proven tail bound (the balls then enclose
    ∫_0^Q only); ``phi_form`` forces one form of the angle on [0, k + 2]
    (``"difference"`` or ``"quotient"``; default: the choice described in the module
    docstring). Unlike :func:`certified_sum_rule_ratios`, a non-finite ball is returned, not
    raised.

    >>> a = certified_ratio_integrals("0.68", 1, 15, phi_form="difference")
    >>> b = certified_ratio_integrals("0.68", 1, 15, phi_form="quotient")
    >>> a.r_nmm.ball.overlaps(b.r_nmm.ball), min(a.digits, b.digits) >= 15
    (True, True)
    """
    if variant not in _VARIANTS:
        raise ValueError(f"variant must be one of {_VARIANTS}, got {variant!r}")
    if phi_form not in (None, "difference", "quotient"):
        raise ValueError(f"phi_form must be 'difference' or 'quotient', got {phi_form!r}")
    digits = validate_digits(digits)
    t_, z_, t = _scaled_energy(T, Z)
    bits = bits_for_digits(digits) + _TARGET_EXTRA
    with workprec(bits + _GUARD_BITS) as flint:
        arb, acb = flint.arb, flint.acb
        m = _Model(flint, t, variant)
        k = m.k
        if cutoff is None:
            Q = m.auto_cutoff(bits)
        else:
            Q = exact_rational(cutoff, "cutoff") / z_
            if not arb(fmpq_of(flint, Q)) > k + 2:
                raise ValueError(
                    f"cutoff must exceed k + 2Z = {float((k + 2).upper()) * float(z_):.6g} "
                    f"(1/bohr), got {cutoff!r}"
                )
        q_max = arb(fmpq_of(flint, Q)).mid()  # an exact end point (Q rounded to a dyadic)
        Q = _fraction_of(q_max)
        segments = _segments(m, q_max, variant, phi_form)
        tol = arb(2) ** -bits
        evals = _EVALS_PER_BIT * (bits + _GUARD_BITS)
        tails = m.tail_bounds(q_max)
        balls: dict[str, Certified] = {}
        tail_balls: dict[str, Certified] = {}
        for which, bound in zip(("nmm", "ew"), tails, strict=True):
            total = acb(0)
            for lo, hi, phi in segments:
                total += acb.integral(
                    m.integrand(phi, which), lo, hi, rel_tol=tol, abs_tol=tol, eval_limit=evals
                )
            tail = arb(0) if zero_tail else _tail_ball(flint, bound)
            tail_balls[which] = Certified(_tail_ball(flint, bound))
            balls[which] = Certified(total.real + tail)
    return CertifiedRatios(
        T=t_,
        Z=z_,
        target_digits=digits,
        r_nmm=balls["nmm"],
        r_ew=balls["ew"],
        cutoff=Q * z_,
        tail_nmm=tail_balls["nmm"],
        tail_ew=tail_balls["ew"],
    )


def certified_sum_rule_ratios(
    T: object, *, Z: object = 1, digits: int = 30, cutoff: object = None
) -> CertifiedRatios:
    """Certified balls for (r_nmm, r_ew) at energy transfer T (hartree), charge Z.

    T, Z exact (int, Fraction, decimal string, float, mpf, sympy Rational); ``digits``
    (10…1000) sets the integration tolerance and the tail cut-off Q (default: a power of
    two with both tail bounds < 2^−(3.33·digits + 12)); a smaller ``cutoff`` (> k + 2Z)
    gives a wider but still rigorous ball. Raises :class:`CertificationError` if the
    integrator cannot return a finite ball.

    >>> cr = certified_sum_rule_ratios("0.75", digits=15)
    >>> print(mpmath.nstr(cr.r_nmm.mid, 12), cr.digits >= 15)
    0.978492448601 True
    >>> certified_sum_rule_ratios("0.5")
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the ionization energy Z**2/2 = 0.5 hartree, got '0.5'
    """
    cr = certified_ratio_integrals(T, Z, digits, cutoff=cutoff)
    if not (cr.r_nmm.finite and cr.r_ew.finite):
        raise CertificationError(f"acb.integral returned a non-finite ball at T = {T!r}")
    return cr


def hydrogen_tail_bounds(
    T: object, cutoff: object, *, Z: object = 1, digits: int = 30
) -> tuple[Certified, Certified]:
    """Rigorous enclosures [0, B] of the tails of r_nmm and r_ew beyond q = ``cutoff``.

    Proof (Z = 1, t = T, k² = 2t − 1, Q = cutoff > k; for Z ≠ 1 use the scaling above).
    For q ≥ Q:

    1. 0 < e^{−cφ} < 1, because φ ∈ (0, π) and c = 2/k > 0; P = 2⁸/(1 − e^{−2π/k}) > 0.
    2. (q ± k)² + 1 > (q ± k)², so the denominator exceeds (q + k)⁶(q − k)⁶ = (q² − k²)⁶.
    3. q² − k² = q²(1 − k²/q²) ≥ q²(1 − k²/Q²) = q²/ρ > 0, so (q² − k²)⁶ ≥ q¹²/ρ⁶.
    4. q² + b ≤ q²(1 + b/Q²) (b = 2t/3 > 0).

    Hence 0 < S(q) ≤ P (1 + b/Q²) ρ⁶ q²·q²/q¹² = P (1 + b/Q²) ρ⁶ q⁻⁸, and integrating
    q·q⁻⁸ and 2t·q⁻⁹ from Q to ∞:

        0 < ∫_Q^∞ q S dq ≤ P (1 + b/Q²) ρ⁶/(6 Q⁶),
        0 < ∫_Q^∞ 2t S/q dq ≤ 2t P (1 + b/Q²) ρ⁶/(8 Q⁸).

    The bounds are evaluated in ball arithmetic and their upper ends are used.

    >>> b_nmm, b_ew = hydrogen_tail_bounds(1, 100)
    >>> print(mpmath.nstr(b_nmm.rad * 2, 3), mpmath.nstr(b_ew.rad * 2, 3))
    6.42e-15 4.28e-11
    """
    digits = validate_digits(digits)
    _, z_, t = _scaled_energy(T, Z)
    Q = exact_rational(cutoff, "cutoff") / z_
    with workprec(bits_for_digits(digits) + _GUARD_BITS) as flint:
        m = _Model(flint, t, "exact")
        q = flint.arb(fmpq_of(flint, Q))
        if not q > m.k:
            raise ValueError(f"cutoff must exceed k·Z, got {cutoff!r}")
        b_nmm, b_ew = m.tail_bounds(q)
        return Certified(_tail_ball(flint, b_nmm)), Certified(_tail_ball(flint, b_ew))


def certified_ratio_table(
    T_over_I_values: Sequence[object] = ("1.001", 2, 100), *, Z: object = 1, digits: int = 30
) -> list[CertifiedRatios]:
    """:func:`certified_sum_rule_ratios` at T = (T/I)·Z²/2 for each T/I (exact inputs).

    >>> [round(float(r.r_ew.mid), 6) for r in certified_ratio_table([2, 100], digits=10)]
    [0.987439, 0.999997]
    """
    z_ = exact_rational(Z, "Z")
    rows = []
    for x in T_over_I_values:
        ratio = exact_rational(x, "T_over_I")
        if ratio <= 1:
            raise ValueError(f"T_over_I must exceed 1, got {x!r}")
        rows.append(certified_sum_rule_ratios(ratio * z_ * z_ / 2, Z=z_, digits=digits))
    return rows


# --------------------------------------------------------------------------------------------
# comparison with the mpmath routes, and the negative controls


def _closed_form_dps(digits: int) -> int:
    return min(digits + 20, MAX_DPS)


def _closed_form(T: Fraction, Z: Fraction, digits: int) -> mpmath.mpf:
    return exact_sum_rule_ratio(T, Z=Z, dps=_closed_form_dps(digits))


def _judge(cr: CertifiedRatios, reference: mpmath.mpf, digits: int) -> bool:
    """The check: both balls certify the closed form (known to digits + 18 or so)."""
    tol = Fraction(1, 10 ** (_closed_form_dps(digits) - 2))
    return all(
        certify_contains(b.ball, reference, min_digits=digits, rel_tol=tol)
        for b in (cr.r_nmm, cr.r_ew)
    )


@dataclass(frozen=True)
class ReferenceCheck:
    """The certified balls against the mpmath quadrature and the closed form at one T.

    ``*_agreement``: digits to which each value provably agrees with the truth
    (:func:`sumrules.certified.certified_agreement_digits`, worse of r_nmm and r_ew).
    ``quadrature_consistent``: the dps-digit quadrature values are within 10^(1−dps)
    (relative) of the balls; ``closed_form_contained``: the closed form lies in both balls.
    """

    certified: CertifiedRatios
    quadrature: tuple[mpmath.mpf, mpmath.mpf]
    closed_form: mpmath.mpf
    quadrature_agreement: float
    closed_form_agreement: float
    quadrature_consistent: bool
    closed_form_contained: bool

    @property
    def passed(self) -> bool:
        return self.quadrature_consistent and self.closed_form_contained


def compare_with_references(T: object, *, Z: object = 1, digits: int = 30) -> ReferenceCheck:
    """Certify (r_nmm, r_ew) at T and check the mpmath quadrature and the closed form.

    >>> rc = compare_with_references(2, digits=15)
    >>> rc.passed, rc.closed_form_agreement >= 15, rc.quadrature_agreement >= 14
    (True, True, True)
    """
    digits = validate_digits(digits)
    cr = certified_sum_rule_ratios(T, Z=Z, digits=digits)
    q_nmm, q_ew = sum_rule_ratios(cr.T, Z=cr.Z, dps=digits)
    exact = _closed_form(cr.T, cr.Z, digits)
    q_tol = Fraction(1, 10 ** (digits - 1))
    return ReferenceCheck(
        certified=cr,
        quadrature=(q_nmm, q_ew),
        closed_form=exact,
        quadrature_agreement=min(
            certified_agreement_digits(cr.r_nmm.ball, q_nmm),
            certified_agreement_digits(cr.r_ew.ball, q_ew),
        ),
        closed_form_agreement=min(
            certified_agreement_digits(cr.r_nmm.ball, exact),
            certified_agreement_digits(cr.r_ew.ball, exact),
        ),
        quadrature_consistent=certify_contains(
            cr.r_nmm.ball, q_nmm, min_digits=digits, rel_tol=q_tol
        )
        and certify_contains(cr.r_ew.ball, q_ew, min_digits=digits, rel_tol=q_tol),
        closed_form_contained=_judge(cr, exact, digits),
    )


def ratio_control(
    description: str,
    run: Callable[[], CertifiedRatios],
    judge: Callable[[CertifiedRatios], bool],
    reference_nmm: Any,
) -> CertifiedControl:
    """A negative control on certified ratios: caught when ``run`` is refused, gives a
    non-finite ball, or ``judge`` rejects its balls (``reference_nmm`` is quoted in the detail).
    """
    try:
        cr = run()
    except CertificationError as exc:
        return CertifiedControl(description, True, f"refused: {exc}")
    if not (cr.r_nmm.finite and cr.r_ew.finite):
        return CertifiedControl(description, True, "refused: non-finite ball")
    passed = judge(cr)
    detail = (
        f"r_nmm ball {cr.r_nmm} ({cr.r_nmm.digits:.1f} digits), "
        f"closed form {mpmath.nstr(reference_nmm, 20)}: "
        + ("CERTIFIED (control not caught)" if passed else "rejected")
    )
    return CertifiedControl(description, not passed, detail)


def _control(
    description: str, run: Callable[[], CertifiedRatios], reference: Any, digits: int
) -> CertifiedControl:
    return ratio_control(description, run, lambda cr: _judge(cr, reference, digits), reference)


def hydrogen_negative_controls(
    T: object = 50, *, Z: object = 1, digits: int = 30
) -> list[CertifiedControl]:
    """Deliberately wrong certified computations, judged by the same check as the real one.

    The check (``_judge``): both balls certify the closed form to ``digits`` digits. The
    variants: the Sommerfeld factor 1 − e^{−2π/k} dropped (included only where
    e^{−2π/k} > 10^(3 − digits), i.e. where the factor differs from 1 at this precision);
    the principal atan instead of atan2 (differs only where q² < k² − 1, so included only
    for T > Z²); a tail bound of 0 with a cut-off Q = k + 3Z where the true tail is large.
    Each must be rejected (ball excludes the reference, too wide, or refused).

    >>> [c.caught for c in hydrogen_negative_controls(50, digits=15)]
    [True, True, True]
    """
    digits = validate_digits(digits)
    t_, z_, t = _scaled_energy(T, Z)
    reference = _closed_form(t_, z_, digits)
    k = math.sqrt(2 * float(t) - 1)
    controls = []
    if 2 * math.pi / k < (digits - 3) * math.log(10):  # e^{−2π/k} visible at this precision
        controls.append(
            _control(
                "hydrogen: drop the Sommerfeld factor 1 − exp(−2π/k) from S",
                lambda: certified_ratio_integrals(t_, z_, digits, variant="no_sommerfeld"),
                reference,
                digits,
            )
        )
    if k > 1:
        controls.append(
            _control(
                "hydrogen: principal atan(2k/(q² − k² + 1)) instead of atan2 (angle < 0 "
                "where q² < k² − 1)",
                lambda: certified_ratio_integrals(t_, z_, digits, variant="principal_atan"),
                reference,
                digits,
            )
        )
    small_q = Fraction(math.ceil((k + 3) * 1000), 1000) * z_
    controls.append(
        _control(
            f"hydrogen: tail bound 0 instead of the proven bound, cut-off Q = {float(small_q):.4g}",
            lambda: certified_ratio_integrals(t_, z_, digits, zero_tail=True, cutoff=small_q),
            reference,
            digits,
        )
    )
    return controls
