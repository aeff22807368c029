"""Hydrogen-like 1s atom: exact dynamic structure factor and the sum rules at fixed T.

Atomic units ħ = m = e = 1 (energies in hartree, momenta in 1/bohr); one electron
bound to a point charge Z, ionisation energy I = Z²/2. An energy transfer T > I
ejects the electron with momentum k = √(2T − Z²). The continuum density per unit
T (Bethe 1930; Landau–Lifshitz QM §148), written for general Z, is

    S(T, q) = 2⁸ Z⁶ q² [q² + (Z² + k²)/3] exp{−(2Z/k) atan2(2kZ, q² − k² + Z²)}
              / ( [(q² − k² + Z²)² + 4k²Z²]³ [1 − e^{−2πZ/k}] ),

which obeys S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) (the angle lies in (0, π)).

The sum rules of the paper, per electron, are r = 1 for both

    r_nmm(T) = T ∫_0^∞ S dQ²/Q²      (Eq. 12),
    r_ew(T)  = (1/2m) ∫_0^∞ S dQ²    (Eq. 15).

They fail for hydrogen. Both ratios have the same closed form (derived in
:mod:`sumrules.models.hydrogen_checks` by the Möbius substitution
t = (Q² − (k−iZ)²)/(Q² − (k+iZ)²), and checked here against quadrature):

    r_nmm = r_ew = [1 − e^{−(4/κ) atan κ} (κ⁴ − 2κ² + 7/3)/(1 + κ²)²] / (1 − e^{−2π/κ}),

κ = k/Z = √(T/I − 1). At threshold r → 1 − (7/3) e⁻⁴ = 0.9573; at large T
r − 1 = −(16/15π)(I/T)^{5/2} + (16/15)(I/T)³ + O((I/T)^{7/2}).

>>> r_nmm, r_ew = sum_rule_ratios(1, dps=20)
>>> print(mpmath.nstr(r_nmm, 15), mpmath.nstr(r_ew, 15))
0.987439347010319 0.987439347010319
>>> print(mpmath.nstr(exact_sum_rule_ratio(1, dps=20), 15))
0.987439347010319
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy

from sumrules.core.numeric import agreement_digits, memoized, precision, validate_dps
from sumrules.data.constants import ALPHA

__all__ = [
    "GUARD_DIGITS",
    "MAX_T_OVER_I",
    "Continuum",
    "LargeTLaw",
    "RatioRow",
    "SumRuleRatios",
    "check_ratio_inputs",
    "continuum_density",
    "dipole_density",
    "discrete_excitation_energy",
    "discrete_form_factor_sq",
    "discrete_sq",
    "ejected_momentum",
    "elastic_form_factor",
    "energy_transfer",
    "exact_sum_rule_ratio",
    "fit_large_T_law",
    "graded_points",
    "hydrogen_ratio_table",
    "ionization_energy",
    "large_T_leading_law",
    "low_q_fraction",
    "low_q_fraction_dipole",
    "momentum_transfer",
    "nuclear_charge",
    "photoionization_cross_section",
    "ratios_log_gauss_legendre",
    "real_number",
    "ridge_points",
    "sum_rule_ratios",
    "sum_rule_ratios_detailed",
]

GUARD_DIGITS = 10  # extra working digits for every evaluation


# --------------------------------------------------------------------------------------------
# input validation


def real_number(x: object, name: str) -> mpmath.mpf:
    """``x`` as an mpf at the current precision; ValueError naming ``name`` if not finite real."""
    if x is True or x is False:
        raise ValueError(f"{name} must be a finite real number, got {x!r}")
    try:
        if isinstance(x, numbers.Rational) and not isinstance(x, numbers.Integral):
            v = mpmath.mpf(int(x.numerator)) / int(x.denominator)
        else:
            v = mpmath.mpmathify(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a finite real number, got {x!r}") from None
    if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
        raise ValueError(f"{name} must be a finite real number, got {x!r}")
    return v


def nuclear_charge(Z: object) -> mpmath.mpf:
    z = real_number(Z, "Z")
    if z <= 0:
        raise ValueError(f"Z must be positive, got {Z!r}")
    return z


def energy_transfer(T: object, z: mpmath.mpf) -> mpmath.mpf:
    t = real_number(T, "T")
    if t <= z * z / 2:
        raise ValueError(
            f"T must exceed the ionization energy Z**2/2 = {mpmath.nstr(z * z / 2, 10)} hartree, "
            f"got {T!r}"
        )
    return t


#: Largest T/I of the quadratures of :func:`sum_rule_ratios` (checked against the closed form;
#: beyond ~1e34 the ridge q = k of width Z is lost and digits go silently).
MAX_T_OVER_I = 10**30


def _ratio_energy(T: object, z: mpmath.mpf) -> mpmath.mpf:
    t = energy_transfer(T, z)
    if t > MAX_T_OVER_I * z * z / 2:
        raise ValueError(
            f"T must be at most {MAX_T_OVER_I:.0e} times the ionization energy Z**2/2 (the "
            f"validated range of the quadrature), got {T!r}"
        )
    return t


def momentum_transfer(q: object, name: str = "q") -> mpmath.mpf:
    v = real_number(q, name)
    if v < 0:
        raise ValueError(f"{name} must be non-negative, got {q!r}")
    return v


def _level(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or int(n) < 2:
        raise ValueError(f"n must be an integer >= 2 (n = 1 is the ground state), got {n!r}")
    return int(n)


# --------------------------------------------------------------------------------------------
# the model


class Continuum:
    """T-dependent constants of S_Z(T, ·), at the precision current when constructed."""

    def __init__(self, T: mpmath.mpf, Z: mpmath.mpf) -> None:
        self.T, self.Z = T, Z
        self._setup(mpmath.sqrt(2 * T - Z * Z))

    @classmethod
    def from_momentum(cls, k: mpmath.mpf, Z: mpmath.mpf) -> Continuum:
        """Construct from k directly (k ≪ Z would be lost in T = (k² + Z²)/2)."""
        self = cls.__new__(cls)
        self.T, self.Z = (k * k + Z * Z) / 2, Z
        self._setup(k)
        return self

    def _setup(self, k: mpmath.mpf) -> None:
        T, Z = self.T, self.Z
        self.k = k
        self.pref = 256 * Z**6 / -mpmath.expm1(-2 * mpmath.pi * Z / self.k)
        self.b = 2 * T / 3  # (Z² + k²)/3
        self.y = 2 * self.k * Z
        self.y2 = self.y * self.y
        self.c = 2 * Z / self.k

    def density_q2(self, Q2: mpmath.mpf, a: mpmath.mpf | None = None) -> mpmath.mpf:
        """S at real Q² (any sign: the real-axis continuation); a = Q² − k² + Z² if given."""
        if a is None:
            a = Q2 - self.k * self.k + self.Z * self.Z
        return (
            self.pref
            * Q2
            * (Q2 + self.b)
            * mpmath.exp(-self.c * mpmath.atan2(self.y, a))
            / (a * a + self.y2) ** 3
        )

    def density(self, q: mpmath.mpf) -> mpmath.mpf:
        """S(T, q) for real q ≥ 0, with q² − k² formed as (q − k)(q + k) (no cancellation)."""
        return self.density_q2(q * q, (q - self.k) * (q + self.k) + self.Z * self.Z)

    def dipole(self) -> mpmath.mpf:
        """lim_{q→0} S/q²."""
        return (
            self.pref
            * self.b
            * mpmath.exp(-2 * self.c * mpmath.atan(self.k / self.Z))
            / (2 * self.T) ** 6
        )


def ionization_energy(*, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """I = Z²/2 hartree.

    >>> ionization_energy(Z=2)
    mpf('2.0')
    """
    validate_dps(dps)
    with precision(dps):
        z = nuclear_charge(Z)
        return z * z / 2


def ejected_momentum(T: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """k = √(2T − Z²), the momentum of the ejected electron.

    >>> ejected_momentum(1)
    mpf('1.0')
    """
    validate_dps(dps)
    with precision(dps):
        z = nuclear_charge(Z)
        return mpmath.sqrt(2 * energy_transfer(T, z) - z * z)


def continuum_density(T: object, q: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """S(T, q) per unit T (1/hartree) for the 1s → continuum transitions, T > Z²/2, q ≥ 0.

    >>> print(mpmath.nstr(continuum_density(1, "0.7", dps=20), 15))
    0.133243150694781
    >>> continuum_density("0.4", 1)
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the ionization energy Z**2/2 = 0.5 hartree, got '0.4'
    """
    validate_dps(dps)
    with precision(
        dps + GUARD_DIGITS
    ):  # S varies on the scale Z in q near q ~ k: log10(k/Z) digits more
        z = nuclear_charge(Z)
        scale = max(energy_transfer(T, z), momentum_transfer(q) ** 2) / (z * z)
        extra = int(mpmath.log10(scale) / 2) if scale > 1 else 0
    with precision(dps + GUARD_DIGITS + extra):
        z = nuclear_charge(Z)
        value = Continuum(energy_transfer(T, z), z).density(momentum_transfer(q))
    with precision(dps):
        return +value


def dipole_density(T: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """D(T) = lim_{q→0} S(T, q)/q² = Σ_n |⟨n|z|0⟩|² δ(T − E_n + E_0) (1/hartree per bohr⁻²).

    Closed form (8/3) Z⁶ e^{−(4Z/k) atan(k/Z)} / (T⁵ [1 − e^{−2πZ/k}]).

    >>> d = dipole_density(1, dps=20)
    >>> k = 1
    >>> abs(d - mpmath.mpf(8) / 3 * mpmath.exp(-mpmath.pi) / -mpmath.expm1(-2 * mpmath.pi)) < 1e-15
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        value = Continuum(energy_transfer(T, z), z).dipole()
    with precision(dps):
        return +value


def photoionization_cross_section(
    T: object, *, Z: object = 1, alpha: object = None, dps: int = 30
) -> mpmath.mpf:
    """σ_γ(T) = 4π² α T D(T) in bohr² (dipole approximation, photon energy T).

    At threshold (Z = 1) this is 2⁹π²α/(3e⁴) bohr² ≈ 0.225 bohr² = 6.3 × 10⁻¹⁸ cm².

    >>> s = photoionization_cross_section("0.5000000001", dps=15)
    >>> print(mpmath.nstr(s, 4))
    0.2251
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        a = ALPHA.mpf() if alpha is None else real_number(alpha, "alpha")
        t = real_number(T, "T")
        value = 4 * mpmath.pi**2 * a * t * dipole_density(T, Z=Z, dps=dps + GUARD_DIGITS)
    with precision(dps):
        return +value


def discrete_excitation_energy(n: int, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """ΔE_n = (Z²/2)(1 − 1/n²), the 1s → n excitation energy.

    >>> discrete_excitation_energy(2)
    mpf('0.375')
    """
    validate_dps(dps)
    m = _level(n)
    with precision(dps):
        z = nuclear_charge(Z)
        return z * z * (1 - mpmath.mpf(1) / (m * m)) / 2


def discrete_sq(n: int, u2: mpmath.mpf) -> mpmath.mpf:
    """|F_n|² as a function of u² = Q²/Z² (valid for real u² > −1, any sign)."""
    if n == 2:  # the factor (1 + 4u²) cancels: no spurious pole at u² = −1/4
        return 2**15 * u2 / (9 + 4 * u2) ** 5
    nn = mpmath.mpf(n) ** 2
    return (
        256
        * mpmath.mpf(n) ** 7
        * u2
        * ((nn - 1) / 3 + nn * u2)
        * ((n - 1) ** 2 + nn * u2) ** (n - 3)
        / ((n + 1) ** 2 + nn * u2) ** (n + 3)
    )


def discrete_form_factor_sq(n: int, q: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """|F_n(q)|² = Σ_{l,m} |⟨n l m| e^{iq·r} |1s⟩|², summed over the shell n ≥ 2.

    2⁸ n⁷ u² [(n² − 1)/3 + n² u²] [(n − 1)² + n² u²]^{n−3} / [(n + 1)² + n² u²]^{n+3},
    u = q/Z.

    >>> print(mpmath.nstr(discrete_form_factor_sq(2, 1, dps=20), 15))
    0.0882537510806829
    >>> print(mpmath.nstr(mpmath.mpf(2**15) / 13**5, 15))
    0.0882537510806829
    """
    validate_dps(dps)
    m = _level(n)
    with precision(dps + GUARD_DIGITS):
        u = momentum_transfer(q) / nuclear_charge(Z)
        value = discrete_sq(m, u * u)
    with precision(dps):
        return +value


def elastic_form_factor(q: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """F_el(q) = ⟨1s| e^{iq·r} |1s⟩ = 16Z⁴/(4Z² + q²)².

    >>> elastic_form_factor(0)
    mpf('1.0')
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        q_ = momentum_transfer(q)
        value = 16 * z**4 / (4 * z * z + q_ * q_) ** 2
    with precision(dps):
        return +value


# --------------------------------------------------------------------------------------------
# the sum-rule integrals at fixed T


def ridge_points(k: mpmath.mpf, Z: mpmath.mpf) -> list[mpmath.mpf]:
    """Split points in q: the Bethe ridge q = k (singularities at q = ±k ± iZ), then the tail."""
    if k <= 5 * Z:
        return [mpmath.mpf(0), k, k + 2 * Z, mpmath.inf]
    pts = [k - Z, k, k + Z]
    d = 4 * Z
    while d < k / 2:  # graded by 4 (singularities at distance Z from q = k)
        pts += [k - d, k + d]
        d *= 4
    return [mpmath.mpf(0), *sorted(pts), mpmath.inf]


def graded_points(k: mpmath.mpf, Z: mpmath.mpf) -> list[mpmath.mpf]:
    """Split points in q for the cross-check of :func:`sum_rule_ratios_detailed`, different
    from :func:`ridge_points`: a geometric grading (by 3, from Z) towards q = k from both
    sides, plus q² = k² − Z² (where the atan2 angle passes π/2), ≈ 2k and ≈ 3k.

    >>> print(", ".join(mpmath.nstr(p, 4) for p in graded_points(mpmath.mpf(10), mpmath.mpf(1))))
    0.0, 1.0, 7.0, 9.0, 9.5, 9.95, 10.0, 10.5, 11.0, 13.0, 19.0, 23.0, 36.0, +inf
    """
    pts = {mpmath.mpf(0), k, k + Z / 2, 2 * k + 3 * Z, 3 * k + 6 * Z}
    if k > Z / 2:
        pts.add(k - Z / 2)
    if k > Z:
        pts.add(mpmath.sqrt(k * k - Z * Z))
    d = Z
    while d < k:
        pts.update({k - d, k + d})
        d *= 3
    return [*sorted(p for p in pts if p >= 0), mpmath.inf]


def _ratios_tanh_sinh(
    c: Continuum, points: list[mpmath.mpf]
) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """(r_nmm, err, r_ew, err) by tanh-sinh in q; S is shared between the two integrands."""
    memo: dict[mpmath.mpf, mpmath.mpf] = {}  # local to this call (this T) only
    z, two_t = c.Z, 2 * c.T
    z2 = z * z

    def s(u: mpmath.mpf) -> mpmath.mpf:
        v = memo.get(u)
        if v is None:
            v = memo[u] = c.density(u * z)
        return v

    # dQ² = 2q dq:  T ∫ S dQ²/Q² = 2T ∫ S dq/q,   (1/2) ∫ S dQ² = ∫ S q dq.  In u = q/Z with
    # integrands of order 1: mpmath's stopping rule is absolute, and its infinite-interval map
    # has unit scale, so unscaled integrals at Z ≫ 1 or T ≫ Z² stopped digits short.
    nodes = [p / z for p in points]
    r_nmm, e_nmm = mpmath.quad(
        lambda u: two_t * s(u) / u if u else u, nodes, error=True, method="tanh-sinh"
    )
    r_ew, e_ew = mpmath.quad(lambda u: z2 * s(u) * u, nodes, error=True, method="tanh-sinh")
    floor = mpmath.mpf(10) ** (-mpmath.mp.dps)
    return r_nmm, max(e_nmm, floor), r_ew, max(e_ew, floor)


def ratios_log_gauss_legendre(c: Continuum, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) by Gauss–Legendre in s = log q on a finite range with bounded tails, at the
    current precision: the substitution route of :func:`sum_rule_ratios_detailed`, independent
    of the tanh-sinh quadrature in q of :func:`sum_rule_ratios`.

    Cut-offs: the integrands vanish like q² (r_nmm, in s: 2T S) and q⁴ (r_ew: S q²)
    at q → 0, and like q⁻⁸ and q⁻⁶ at q → ∞, with coefficients below 2⁸·(2T) and 2⁸,
    so [q_min, q_max] below leaves tails < 10^{−dps−10} relative.
    """
    k, Z = c.k, c.Z
    ten = mpmath.mpf(10)
    q_min = ten ** (-(dps + 15) / 2) * Z
    q_max = (k + Z) * ten ** (mpmath.mpf(dps + 15) / 6) * (1 + c.T) ** (mpmath.mpf(1) / 6)
    qs: set[mpmath.mpf] = {q_min, q_max}
    if k > 2 * Z:
        d = k / 2
        while d > Z:
            qs.add(k - d)
            d /= 2
        qs.update({k - Z, k, k + Z})
        d = 2 * Z
        while d < 2 * k:
            qs.add(k + d)
            d *= 2
    else:
        base = k + Z
        qs.update({base / 8, base / 4, base / 2, base, 2 * base, 4 * base})
    top = max(qs - {q_max})
    while 4 * top < q_max:
        top *= 4
        qs.add(top)
    low = min(qs - {q_min})
    while low / 8 > q_min:
        low /= 8
        qs.add(low)
    nodes = [mpmath.log(q) for q in sorted(qs)]
    memo: dict[mpmath.mpf, mpmath.mpf] = {}

    def s_of(t: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
        v = memo.get(t)
        if v is None:
            q = mpmath.exp(t)
            v = memo[t] = c.density(q)
        return v, mpmath.exp(2 * t)

    two_t = 2 * c.T  # inside the integrand: the value is of order 1 (absolute stopping rule)
    r_nmm = mpmath.quad(lambda t: two_t * s_of(t)[0], nodes, method="gauss-legendre")
    r_ew = mpmath.quad(lambda t: s_of(t)[0] * s_of(t)[1], nodes, method="gauss-legendre")
    return r_nmm, r_ew


@memoized
def sum_rule_ratios(T: object, *, Z: object = 1, dps: int = 30) -> tuple[Any, Any]:
    """(r_nmm, r_ew) = (T ∫_0^∞ S dQ²/Q², (1/2m) ∫_0^∞ S dQ²) at fixed T (hartree).

    Both are 1 if Eqs. (12) and (15) held per electron. Computed by tanh-sinh
    quadrature in q (dQ² = 2q dq) split at the Bethe ridge q = k = √(2T − Z²),
    for k > 5Z also at k ± Z, k ± 4Z, k ± 16Z, … (< k/2) and for k ≤ 5Z at k + 2Z,
    at ``dps`` + 10 working digits; see
    :func:`sum_rule_ratios_detailed` for the error estimates and the cross-checks.
    ``T/I`` is limited to :data:`MAX_T_OVER_I` (ValueError beyond). Certified balls
    (python-flint) of the same ratios: ``Hydrogenic(1, 0, Z).sum_rule_ratios(T, certified=True)``.

    >>> r_nmm, r_ew = sum_rule_ratios("0.75", Z=1, dps=15)
    >>> print(mpmath.nstr(r_nmm, 12), mpmath.nstr(r_ew, 12))
    0.978492448601 0.978492448601
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        c = Continuum(_ratio_energy(T, z), z)
        r_nmm, _, r_ew, _ = _ratios_tanh_sinh(c, ridge_points(c.k, z))
    with precision(dps):
        return +r_nmm, +r_ew


def check_ratio_inputs(T: object, *, Z: object = 1, dps: int = 30) -> None:
    """The input checks of :func:`sum_rule_ratios` alone (ValueError naming the argument).

    >>> check_ratio_inputs("0.4")
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the ionization energy Z**2/2 = 0.5 hartree, got '0.4'
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        _ratio_energy(T, nuclear_charge(Z))


def exact_sum_rule_ratio(T: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """Closed form of r_nmm = r_ew (they are identical for hydrogen), κ = √(T/I − 1):

    r = [1 − e^{−(4/κ) atan κ} (κ⁴ − 2κ² + 7/3)/(1 + κ²)²] / (1 − e^{−2π/κ}).

    Derived in :func:`sumrules.models.hydrogen_checks.derive_exact_ratio`.

    >>> print(mpmath.nstr(exact_sum_rule_ratio("0.5000000000001", dps=20), 12))
    0.95726350926
    >>> print(mpmath.nstr(1 - mpmath.mpf(7) / 3 * mpmath.exp(-4), 12))
    0.95726350926
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        kappa = mpmath.sqrt(2 * t - z * z) / z
        # the numerator and denominator both vanish like 2π/κ at large κ: add digits
        extra = int(max(0, float(mpmath.log10(kappa)))) + 2
        with precision(dps + GUARD_DIGITS + extra):
            kappa = mpmath.sqrt(2 * t - z * z) / z
            k2 = kappa * kappa
            e = mpmath.exp(-4 * mpmath.atan(kappa) / kappa)
            num = 1 - e * (k2 * k2 - 2 * k2 + mpmath.mpf(7) / 3) / (1 + k2) ** 2
            value = num / -mpmath.expm1(-2 * mpmath.pi / kappa)
    with precision(dps):
        return +value


@dataclass(frozen=True)
class SumRuleRatios:
    """r_nmm, r_ew at one T with the quadrature error estimates and three cross-checks.

    ``refined_*``: tanh-sinh at dps + 20 with a different (graded) splitting;
    ``substitution_*``: Gauss–Legendre in s = log q (at dps + 20); ``closed_form``: the
    exact formula.
    ``digits`` is the smallest agreement of the primary values with any cross-check,
    capped at ``dps``.
    """

    T: mpmath.mpf
    Z: mpmath.mpf
    dps: int
    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    error_nmm: mpmath.mpf
    error_ew: mpmath.mpf
    refined_nmm: mpmath.mpf
    refined_ew: mpmath.mpf
    substitution_nmm: mpmath.mpf
    substitution_ew: mpmath.mpf
    closed_form: mpmath.mpf

    def _digits(self, a: mpmath.mpf, b: mpmath.mpf) -> float:
        with precision(self.dps + 30):
            return agreement_digits(a, b)

    @property
    def digits_refined(self) -> float:
        return min(
            self._digits(self.r_nmm, self.refined_nmm), self._digits(self.r_ew, self.refined_ew)
        )

    @property
    def digits_substitution(self) -> float:
        return min(
            self._digits(self.r_nmm, self.substitution_nmm),
            self._digits(self.r_ew, self.substitution_ew),
        )

    @property
    def digits_closed_form(self) -> float:
        return min(
            self._digits(self.r_nmm, self.closed_form), self._digits(self.r_ew, self.closed_form)
        )

    @property
    def digits(self) -> float:
        """Achieved significant digits: the worst agreement among the routes, ≤ dps."""
        return min(
            float(self.dps), self.digits_refined, self.digits_substitution, self.digits_closed_form
        )


def sum_rule_ratios_detailed(T: object, *, Z: object = 1, dps: int = 30) -> SumRuleRatios:
    """:func:`sum_rule_ratios` with error estimates and three independent cross-checks.

    >>> d = sum_rule_ratios_detailed(2, dps=15)
    >>> d.digits >= 15
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = _ratio_energy(T, z)
        c = Continuum(t, z)
        r_nmm, e_nmm, r_ew, e_ew = _ratios_tanh_sinh(c, ridge_points(c.k, z))
    with precision(dps + 20 + GUARD_DIGITS):
        c_fine = Continuum(mpmath.mpf(t), mpmath.mpf(z))
        f_nmm, _, f_ew, _ = _ratios_tanh_sinh(c_fine, graded_points(c_fine.k, c_fine.Z))
        # mpmath's Gauss-Legendre error estimate can stop early at low precision: work at +20
        gl_nmm, gl_ew = ratios_log_gauss_legendre(c_fine, dps + 20)
    exact = exact_sum_rule_ratio(t, Z=z, dps=dps + GUARD_DIGITS)
    return SumRuleRatios(
        T=t,
        Z=z,
        dps=dps,
        r_nmm=r_nmm,
        r_ew=r_ew,
        error_nmm=e_nmm,
        error_ew=e_ew,
        refined_nmm=f_nmm,
        refined_ew=f_ew,
        substitution_nmm=gl_nmm,
        substitution_ew=gl_ew,
        closed_form=exact,
    )


@dataclass(frozen=True)
class RatioRow:
    """One row of :func:`hydrogen_ratio_table`."""

    T_over_I: mpmath.mpf
    T: mpmath.mpf
    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    closed_form: mpmath.mpf
    digits: float


def hydrogen_ratio_table(
    T_over_I_values: Sequence[object] = ("1.001", "1.1", "1.5", 2, 5, 10, 100),
    dps: int = 30,
    *,
    Z: object = 1,
) -> list[RatioRow]:
    """r_nmm, r_ew (with achieved digits and the closed form) at the given T/I.

    >>> rows = hydrogen_ratio_table(["1.5"], 15)
    >>> print(mpmath.nstr(rows[0].r_nmm, 10), rows[0].digits >= 15)
    0.9784924486 True
    """
    validate_dps(dps)
    rows = []
    for x in T_over_I_values:
        with precision(dps + GUARD_DIGITS):
            z = nuclear_charge(Z)
            ratio = real_number(x, "T_over_I")
            if ratio <= 1:
                raise ValueError(f"T_over_I must exceed 1, got {x!r}")
            t = ratio * z * z / 2
        d = sum_rule_ratios_detailed(t, Z=z, dps=dps)
        with precision(dps):
            rows.append(RatioRow(+ratio, +t, +d.r_nmm, +d.r_ew, +d.closed_form, d.digits))
    return rows


# --------------------------------------------------------------------------------------------
# the large-T law


def large_T_leading_law() -> tuple[sympy.Rational, sympy.Expr, sympy.Expr]:
    """Exact (p, c, next) of r − 1 = c (I/T)^p + next·(I/T)^{p+1/2} + …, from the closed form.

    >>> large_T_leading_law()
    (5/2, -16/(15*pi), 16/15)
    """
    return sympy.Rational(5, 2), -sympy.Rational(16, 15) / sympy.pi, sympy.Rational(16, 15)


@dataclass(frozen=True)
class LargeTLaw:
    """A fit r − 1 ≈ c (I/T)^p to computed ratios, next to the exact law.

    ``local_exponents[j]`` is the slope of log|r − 1| against log(I/T) between
    points j and j+1; ``exponent``/``coefficient`` come from the last two points,
    ``exponent_extrapolated`` from Richardson extrapolation of the local slopes in
    √(I/T) (their leading correction). ``residuals`` are (r − 1)/(c_exact (I/T)^{5/2}) − 1
    at each point, which the exact expansion predicts to be ≈ −π √(I/T).
    """

    T_over_I: tuple[mpmath.mpf, ...]
    deviations: tuple[mpmath.mpf, ...]
    local_exponents: tuple[mpmath.mpf, ...]
    exponent: mpmath.mpf
    coefficient: mpmath.mpf
    exponent_extrapolated: mpmath.mpf
    exponent_exact: sympy.Rational
    coefficient_exact: sympy.Expr
    residuals: tuple[mpmath.mpf, ...]


def fit_large_T_law(
    T_over_I_values: Sequence[object] = (10**4, 10**5, 10**6, 10**7, 10**8),
    *,
    Z: object = 1,
    dps: int = 50,
    ratios: Callable[..., tuple[mpmath.mpf, mpmath.mpf]] | None = None,
) -> LargeTLaw:
    """Fit p and c in r_nmm − 1 ≈ c (I/T)^p from quadrature at large T/I.

    ``ratios`` (default :func:`sum_rule_ratios`) may be replaced, e.g. by a
    deliberately wrong model for a negative control.

    >>> law = fit_large_T_law([10**5, 10**6], dps=30)
    >>> round(float(law.exponent), 2), round(float(law.residuals[-1]), 3)
    (2.5, -0.003)
    """
    validate_dps(dps)
    if len(T_over_I_values) < 2:
        raise ValueError("T_over_I_values must hold at least two values")
    compute = sum_rule_ratios if ratios is None else ratios
    p_exact, c_exact, _ = large_T_leading_law()
    with precision(dps):
        z = nuclear_charge(Z)
        xs = [real_number(x, "T_over_I_values") for x in T_over_I_values]
        if any(x <= 1 for x in xs) or xs != sorted(xs):
            raise ValueError("T_over_I_values must be increasing and > 1")
        devs = []
        for x in xs:
            r_nmm, _ = compute(x * z * z / 2, Z=z, dps=dps)
            devs.append(r_nmm - 1)
        if any(d == 0 for d in devs):
            raise ValueError("r - 1 vanished at this precision: raise dps")
        ys = [1 / x for x in xs]
        slopes = [
            mpmath.log(abs(devs[j + 1] / devs[j])) / mpmath.log(ys[j + 1] / ys[j])
            for j in range(len(xs) - 1)
        ]
        p_fit = slopes[-1]
        c_fit = devs[-1] / ys[-1] ** p_fit
        # local slope ≈ p + a·√y_mid: extrapolate the last two slopes to y → 0
        if len(slopes) >= 2:
            h1 = mpmath.sqrt(ys[-2] * ys[-1]) ** 0.5
            h0 = mpmath.sqrt(ys[-3] * ys[-2]) ** 0.5
            p_ext = (slopes[-1] * h0 - slopes[-2] * h1) / (h0 - h1)
        else:
            p_ext = p_fit
        c_num = mpmath.mpf(sympy.N(c_exact, dps + 5))
        residuals = tuple(
            d / (c_num * y ** mpmath.mpf(2.5)) - 1 for d, y in zip(devs, ys, strict=True)
        )
        return LargeTLaw(
            T_over_I=tuple(xs),
            deviations=tuple(devs),
            local_exponents=tuple(slopes),
            exponent=p_fit,
            coefficient=c_fit,
            exponent_extrapolated=p_ext,
            exponent_exact=p_exact,
            coefficient_exact=c_exact,
            residuals=residuals,
        )


# --------------------------------------------------------------------------------------------
# the low-Q² region of Eq. (13)


def low_q_fraction(T: object, *, Z: object = 1, dps: int = 30, alpha: object = None) -> mpmath.mpf:
    """T ∫_0^{(αT)²} S dQ²/Q²: the share of the Eq. (12) integral below Q² = T² (c = 1/α).

    In natural units the paper's lower kinematic limit is Q² = T²; in atomic
    units that is q = αT. The exact S is used (compare :func:`low_q_fraction_dipole`).

    >>> v, d = low_q_fraction(1, dps=20), low_q_fraction_dipole(1, dps=20)
    >>> float(v) < 1e-5 and abs(v / d - 1) < 1e-4
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        a = ALPHA.mpf() if alpha is None else real_number(alpha, "alpha")
        if a <= 0:
            raise ValueError(f"alpha must be positive, got {alpha!r}")
        # nodes near the ridge sit at u ≈ k/Z, S varies on the scale 1 there: log10(k/Z) more
        extra = max(0, int(mpmath.log10(2 * t / (z * z)) / 2))
    with precision(dps + GUARD_DIGITS + extra):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        a = ALPHA.mpf() if alpha is None else real_number(alpha, "alpha")
        c = Continuum(t, z)
        q_max = a * t
        near = [c.k - z, c.k, c.k + z]
        d = 4 * z  # graded by 4 away from the ridge: a piece spanning 10^n Z rounds its nodes
        while d < max(c.k, q_max):  # to 10^-(dps+10-n) Z, where S varies on the scale Z
            near += [c.k - d, c.k + d]
            d *= 4
        pts = [mpmath.mpf(0), *sorted(p for p in near if 0 < p < q_max), q_max]
        nodes = [p / z for p in pts]  # in u = q/Z the integrand is of order one at any Z

        def integrand(u: mpmath.mpf) -> mpmath.mpf:
            return 2 * t * c.density(u * z) / u if u else u  # 2T S dq/q = 2T S du/u

        value = mpmath.quad(integrand, nodes)
        if value:  # mpmath stops on an absolute error: a small share needs as many more digits
            extra = int(max(0, -mpmath.floor(mpmath.log10(abs(value)))))
            with mpmath.workdps(mpmath.mp.dps + extra):
                value = mpmath.quad(integrand, nodes)
    with precision(dps):
        return +value


def low_q_fraction_dipole(
    T: object, *, Z: object = 1, dps: int = 30, alpha: object = None
) -> mpmath.mpf:
    """The dipole value of :func:`low_q_fraction`: α² T³ D(T) = σ_γ(T) T²/(4π²α) (Eq. 13).

    >>> a = low_q_fraction_dipole(1, dps=20)
    >>> alpha = ALPHA.mpf()
    >>> b = photoionization_cross_section(1, dps=20) * alpha**2 / (4 * mpmath.pi**2 * alpha)
    >>> abs(a / b - 1) < 1e-14
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        a = ALPHA.mpf() if alpha is None else real_number(alpha, "alpha")
        if a <= 0:
            raise ValueError(f"alpha must be positive, got {alpha!r}")
        value = a * a * t**3 * Continuum(t, z).dipole()
    with precision(dps):
        return +value
