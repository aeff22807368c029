"""Checks of the hydrogen model and of the analytic structure behind Eqs. (8)–(11).

Model self-checks (the docs/models.md formulas are inputs, not truths):

* completeness  |F_el|² + Σ_n |F_n|² + ∫ S dT = 1 and the Bethe sum
  Σ_n (2ΔE_n/q²)|F_n|² + ∫ (2T/q²) S dT = 1 at any q (the discrete sums term by
  term up to a cut, then an Euler–Maclaurin tail; checked at twice the cut);
* the continuum share of the dipole f-sum (q → 0), by integration and as 1 − Σ f_n;
* Z-scaling, and S(T, q) from an independent partial-wave sum with Coulomb
  functions (mpmath.coulombf, energy-normalised);
* the closed form of r_nmm = r_ew, derived with sympy (Möbius substitution), and
  its large-T series.

Analytic structure (where the dispersion relation (11) fails for hydrogen):

* S(T, Q²) continued in Q² has branch points at Q² = (k ∓ iZ)² with exponents
  −3 ± iZ/k, off the positive axis; the form factors have poles at Q² = −4Z²
  (elastic) and Q² = −(n+1)²Z²/n²;
* R(T, P²) of Eq. (9) is defined for real P² > −Z² (e^{∓κz}|1s⟩ normalisable);
  at P² < 0 its imaginary part is π S(T, P²) ≠ 0, not 0 as the paper states;
  at P² = 0 it is exactly 1/T, while the dispersion integral gives r_nmm/T;
  at large positive P², P² R → −2 (Eq. 10 holds) while P² × dispersion → −2 r_ew.

>>> c = completeness(1, dps=15)
>>> abs(c.total - 1) < 1e-12
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy

from sumrules.core.numeric import (
    agreement_digits,
    is_count,
    precision,
    validate_dps,
    validate_int,
    working_dps,
)
from sumrules.models.hydrogenic.ground import (
    GUARD_DIGITS,
    Continuum,
    discrete_sq,
    energy_transfer,
    momentum_transfer,
    nuclear_charge,
    real_number,
    ridge_points,
)

__all__ = [
    "WRONG_DENSITIES",
    "BranchPoint",
    "DispersionComparison",
    "ExactRatioDerivation",
    "OscillatorFraction",
    "PartialWaveDensity",
    "SpectralSum",
    "bethe_sum",
    "closure_cached",
    "completeness",
    "continued_density",
    "continuum_oscillator_fraction",
    "density_branch_points",
    "derive_exact_ratio",
    "discrete_series",
    "dispersion_comparison",
    "dispersion_integral",
    "dispersion_integral_cached",
    "exact_density",
    "form_factor_pole_order",
    "form_factor_poles",
    "large_T_series",
    "large_momentum_coefficients",
    "local_exponent",
    "partial_wave_density",
    "partial_wave_terms",
    "quad_scaled",
    "ratios_for_density",
    "resolvent",
    "resolvent_cached",
    "resolvent_parts",
    "wrong_density",
    "z_scaling_digits",
]

#: A continuum density S(k, Q², Z) at the current precision: k = √(2T − Z²), real Q².
Density = Callable[[mpmath.mpf, mpmath.mpf, mpmath.mpf], mpmath.mpf]


def exact_density(k: mpmath.mpf, Q2: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    """The model's continuum density S as a :data:`Density` (k, Q², Z), at the current precision:
    the one the checks use unless given another (e.g. one of :data:`WRONG_DENSITIES`).

    >>> from sumrules.models.hydrogenic.ground import continuum_density
    >>> with mpmath.workdps(30):
    ...     abs(exact_density(mpmath.mpf(1), mpmath.mpf("0.49"), mpmath.mpf(1))
    ...         - continuum_density(1, "0.7")) < 1e-28
    True
    """
    return Continuum.from_momentum(k, Z).density_q2(Q2)


def _no_sommerfeld(k: mpmath.mpf, Q2: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    c = Continuum.from_momentum(k, Z)
    return c.density_q2(Q2) * -mpmath.expm1(-2 * mpmath.pi * Z / c.k)


def _principal_atan(k: mpmath.mpf, Q2: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    c = Continuum.from_momentum(k, Z)
    a = Q2 - c.k * c.k + Z * Z
    angle = mpmath.atan(c.y / a) if a else mpmath.pi / 2  # wrong branch where a < 0
    return c.pref * Q2 * (Q2 + c.b) * mpmath.exp(-c.c * angle) / (a * a + c.y2) ** 3


def _squared_denominator(k: mpmath.mpf, Q2: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    c = Continuum.from_momentum(k, Z)
    a = Q2 - c.k * c.k + Z * Z
    return c.density_q2(Q2) * (a * a + c.y2) / (4 * Z**4)  # power 2 instead of 3, rescaled


#: Deliberately wrong continuum densities for negative controls.
WRONG_DENSITIES: dict[str, Density] = {
    "missing [1 - exp(-2 pi Z/k)] factor": _no_sommerfeld,
    "principal arctan instead of atan2": _principal_atan,
    "denominator power 2 instead of 3": _squared_denominator,
}


def wrong_density(name: str, T: object, Q2: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """The deliberately wrong density ``WRONG_DENSITIES[name]`` at (T, Q²) (negative controls).

    >>> S = wrong_density("missing [1 - exp(-2 pi Z/k)] factor", 1, "0.5", dps=15)
    >>> print(mpmath.nstr(S, 6), mpmath.nstr(continuum_density_ref(1, mpmath.sqrt(0.5)), 6))
    0.137214 0.137471
    """
    validate_dps(dps)
    density = WRONG_DENSITIES[name]
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        value = density(Continuum(energy_transfer(T, z), z).k, real_number(Q2, "Q2"), z)
    with precision(dps):
        return +value


# --------------------------------------------------------------------------------------------
# completeness and the Bethe sum


@dataclass(frozen=True)
class SpectralSum:
    """Elastic + discrete + continuum parts of a sum over all final states at fixed Q².

    ``discrete_spread``: how much the series over n moves when its cut is doubled;
    ``continuum_error``: the quadrature's own error estimate.
    """

    Q2: mpmath.mpf
    Z: mpmath.mpf
    elastic: mpmath.mpf
    discrete: mpmath.mpf
    continuum: mpmath.mpf
    discrete_spread: mpmath.mpf
    continuum_error: mpmath.mpf

    @property
    def total(self) -> mpmath.mpf:
        return self.elastic + self.discrete + self.continuum


def discrete_series(
    term: Callable[[mpmath.mpf], mpmath.mpf], start: int = 2, *, spread: bool = True
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Σ_{n≥2} term(n): terms below a cut N summed one by one, the tail by Euler–Maclaurin.

    ``term`` must be smooth in real n ≥ ``start`` (the sums over the discrete levels start
    where their terms become smooth in 1/n). Returns the value at N = max(start, 64) and
    |its difference from the value at 2N|, an error bar (``spread=False``: the value only,
    with a NaN spread, for callers that do not use it; the second Euler–Maclaurin tail costs
    as much as the first). (Richardson and Levin extrapolation from n = 2 both failed near
    T = Z²/2 and near P² = −Z².)

    >>> with mpmath.workdps(30):
    ...     value, spread = discrete_series(lambda n: 1 / (n * n - 1))  # = 3/4
    ...     abs(value - mpmath.mpf(3) / 4) < 1e-27, spread < 1e-27
    (True, True)
    """

    def terms(a: int, b: int) -> mpmath.mpf:
        return mpmath.fsum(term(mpmath.mpf(n)) for n in range(a, b))

    cut = max(start, _FIRST_CUT)
    head = terms(2, cut)
    value = head + mpmath.sumem(term, [cut, mpmath.inf])
    if not spread:
        return value, mpmath.nan
    farther = head + terms(cut, 2 * cut) + mpmath.sumem(term, [2 * cut, mpmath.inf])
    return value, abs(value - farther)


_FIRST_CUT = 64

#: the most terms of a discrete series summed one by one (P² → −Z² or T → Z²/2 need more)
MAX_DIRECT_TERMS = 10**6


def _series_start(u2: mpmath.mpf, gap: mpmath.mpf | None = None) -> int:
    """Where the discrete terms become smooth in 1/n, with a margin of 4.

    For −1 < u² < 0 the factor [(n − 1)² + n² u²]^{n−3} alternates in sign while
    n < 2/(1 + u²); an energy denominator gap + Z²/(2n²), gap = (T − Z²/2)/Z², changes
    regime at n ~ 1/√(2 gap). Below n = 2 nothing changes: start at 2.
    """
    turn = 2 / (1 + u2) if u2 < 0 else mpmath.mpf(0)
    if gap is not None:
        turn = max(turn, 1 / mpmath.sqrt(2 * gap))
    if turn <= 2:
        return 2
    start = int(mpmath.ceil(4 * turn))
    if start > MAX_DIRECT_TERMS:
        raise ValueError(
            f"the discrete series needs {start} terms summed one by one (more than "
            f"{MAX_DIRECT_TERMS}): Q2 or P2 is too close to -Z**2, or T to Z**2/2"
        )
    return start


def quad_scaled(
    f: Callable[[mpmath.mpf], Any],
    points: list[mpmath.mpf],
    unit: mpmath.mpf,
    size: mpmath.mpf = 1,
    **kwargs: Any,
) -> Any:
    """∫ f(k) dk over ``points``, computed as size · unit · ∫ f(unit·v)/size dv over points/unit.

    mpmath maps [a, ∞) onto a finite interval as if the integrand lived on a scale of
    order one, and stops on an absolute error: ``unit`` (the scale in k) and ``size`` (of
    the integral) make both hold. In plain k, at Z = 2⁴⁰, the k-integrals of the resolvent
    kept 5 to 9 of 15 digits. ``kwargs`` go to mpmath.quad; with ``error=True`` the result is
    (value, error estimate), both in the units of the integral.

    >>> with mpmath.workdps(30):
    ...     z = mpmath.mpf(2) ** 40  # ∫_0^∞ k e^{−k/Z} dk = Z²
    ...     v = quad_scaled(lambda k: k * mpmath.exp(-k / z), [0, z, mpmath.inf], z, z * z)
    ...     abs(v / z**2 - 1) < 1e-28
    True
    """
    r = mpmath.quad(lambda v: unit / size * f(unit * v), [p / unit for p in points], **kwargs)
    return (size * r[0], size * r[1]) if kwargs.get("error") else size * r


def _k_points(q: mpmath.mpf, Z: mpmath.mpf) -> list[mpmath.mpf]:
    """Split points in the ejected momentum k at fixed q (ridge k ≈ q, width Z)."""
    if q > 5 * Z:
        return [mpmath.mpf(0), q - 4 * Z, q - Z, q, q + Z, q + 4 * Z, mpmath.inf]
    return [mpmath.mpf(0), q + Z, q + 4 * Z, mpmath.inf]


def _spectral(
    Q2: mpmath.mpf, Z: mpmath.mpf, density: Density, energy_weighted: bool, spread: bool = True
) -> SpectralSum:
    u2 = Q2 / (Z * Z)
    el = (16 * Z**4 / (4 * Z * Z + Q2) ** 2) ** 2

    def term(n: mpmath.mpf) -> mpmath.mpf:
        f = discrete_sq(n, u2)
        return f * Z * Z * (1 - 1 / (n * n)) / Q2 if energy_weighted else f

    disc, disc_spread = discrete_series(term, _series_start(u2), spread=spread)

    def integrand(k: mpmath.mpf) -> mpmath.mpf:
        t = (k * k + Z * Z) / 2
        s = density(k, Q2, Z) * k
        return s * 2 * t / Q2 if energy_weighted else s

    q = mpmath.sqrt(Q2) if Q2 > 0 else mpmath.mpf(0)
    cont, err = quad_scaled(integrand, _k_points(q, Z), Z, error=True)
    return SpectralSum(
        Q2, Z, mpmath.mpf(0) if energy_weighted else el, disc, cont, disc_spread, err
    )


def _round_sum(s: SpectralSum) -> SpectralSum:
    return SpectralSum(
        +s.Q2, +s.Z, +s.elastic, +s.discrete, +s.continuum, +s.discrete_spread, +s.continuum_error
    )


def completeness(
    q: object,
    *,
    Z: object = 1,
    dps: int = 30,
    density: Density | None = None,
    Q2: object = None,
    spread: bool = True,
) -> SpectralSum:
    """|F_el(q)|² + Σ_n |F_n(q)|² + ∫ S(T, q) dT, which must be 1 (closure).

    ``Q2`` (instead of q) evaluates the continuation to real Q² > −Z², where
    closure still holds (e^{±κz}|1s⟩ are normalisable); ``density`` replaces S
    (negative controls: :data:`WRONG_DENSITIES`). ``spread=False`` skips the discrete
    series at twice the cut (half the cost; ``discrete_spread`` is then NaN) for callers that
    judge the total against 1 to many digits, which is the stronger test.

    >>> s = completeness(2, dps=15, density=WRONG_DENSITIES["principal arctan instead of atan2"])
    >>> abs(s.total - 1) > 1e-3
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        if Q2 is None:
            x = momentum_transfer(q) ** 2
        else:
            x = real_number(Q2, "Q2")
            if x <= -z * z:
                raise ValueError(f"Q2 must exceed -Z**2, got {Q2!r}")
        result = _spectral(x, z, density or exact_density, energy_weighted=False, spread=spread)
    with precision(dps):
        return _round_sum(result)


@functools.lru_cache(maxsize=32)
def closure_cached(Q2: str, dps: int, Z: str = "1") -> SpectralSum:
    """:func:`completeness` at a real Q² given as text, without the spread of the discrete
    series (``spread=False``), cached per precision (a claim and its controls share it).

    >>> abs(closure_cached("-0.5", 15).total - 1) < 1e-14
    True
    """
    return completeness(None, Q2=Q2, Z=Z, dps=dps, spread=False)


def bethe_sum(
    q: object, *, Z: object = 1, dps: int = 30, density: Density | None = None, Q2: object = None
) -> SpectralSum:
    """Σ_n (2ΔE_n/q²)|F_n|² + ∫ (2T/q²) S dT, which must be 1 (Bethe f-sum rule), q > 0.

    >>> abs(bethe_sum("0.5", dps=15).total - 1) < 1e-12
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        x = momentum_transfer(q) ** 2 if Q2 is None else real_number(Q2, "Q2")
        if x == 0 or x <= -z * z:
            raise ValueError("q (or Q2) must be nonzero and Q2 > -Z**2")
        result = _spectral(x, z, density or exact_density, energy_weighted=True)
    with precision(dps):
        return _round_sum(result)


@dataclass(frozen=True)
class OscillatorFraction:
    """Continuum share of the dipole f-sum: by integration, and as 1 − Σ_n f_n."""

    continuum: mpmath.mpf
    one_minus_discrete: mpmath.mpf
    continuum_error: mpmath.mpf
    discrete_spread: mpmath.mpf

    @property
    def digits(self) -> float:
        return agreement_digits(self.continuum, self.one_minus_discrete)


def continuum_oscillator_fraction(*, dps: int = 30) -> OscillatorFraction:
    """∫ 2T D(T) dT over the continuum (q → 0 limit; independent of Z), two routes.

    >>> f = continuum_oscillator_fraction(dps=15)
    >>> print(mpmath.nstr(f.continuum, 10), f.digits > 14)
    0.4349958493 True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        one = mpmath.mpf(1)

        def integrand(k: mpmath.mpf) -> mpmath.mpf:
            t = (k * k + 1) / 2
            return 2 * t * Continuum.from_momentum(k, one).dipole() * k

        cont, err = mpmath.quad(integrand, [0, 1, 4, mpmath.inf], error=True)

        def f_n(n: mpmath.mpf) -> mpmath.mpf:
            if n == 2:
                lim = mpmath.mpf(2**15) / 9**5
            else:
                lim = 256 * n**7 * (n * n - 1) / 3 * (n - 1) ** (2 * n - 6) / (n + 1) ** (2 * n + 6)
            return (1 - 1 / (n * n)) * lim

        disc, spread = discrete_series(f_n)
        result = (cont, 1 - disc, err, spread)
    with precision(dps):
        return OscillatorFraction(*(+x for x in result))


# --------------------------------------------------------------------------------------------
# Z-scaling and the partial-wave evaluation of S


def z_scaling_digits(T: object, q: object, Z: object, *, dps: int = 30) -> float:
    """Agreement digits of S_Z(T, q) (explicit-Z formula) and Z⁻² S_1(T/Z², q/Z).

    >>> z_scaling_digits(5, 2, 3, dps=20) > 19
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t, q_ = energy_transfer(T, z), momentum_transfer(q)
        direct = Continuum(t, z).density(q_)
        scaled = Continuum(t / (z * z), mpmath.mpf(1)).density(q_ / z) / (z * z)
        return min(float(dps), agreement_digits(direct, scaled))


@dataclass(frozen=True)
class PartialWaveDensity:
    """S(T, q) as Σ_l (2l + 1)|∫ R_El j_l(qr) R_10 r² dr|², with the partial-wave terms."""

    value: mpmath.mpf
    terms: tuple[mpmath.mpf, ...]


def partial_wave_density(
    T: object, q: object, *, Z: object = 1, dps: int = 20, lmax: int = 150
) -> PartialWaveDensity:
    """S(T, q) from Coulomb waves, independently of the closed form.

    Final states |E l m⟩ energy-normalised, ⟨E l m|E′ l′ m′⟩ = δ(E − E′)δ_ll′δ_mm′:
    R_El(r) = √(2/(πk)) F_l(η, kr)/r with η = −Z/k (attractive) and k = √(2T − Z²);
    R_10 = 2Z^{3/2} e^{−Zr}; e^{iqz} = Σ_l i^l (2l + 1) j_l(qr) P_l(cos θ), so
    S = Σ_l (2l + 1) [√(2/(πk)) 2Z^{3/2} ∫ F_l(η, kr) j_l(qr) e^{−Zr} r dr]².
    At each node F_L, F_{L+1} come from mpmath.coulombf and j_L, j_{L+1} from
    mpmath.besselj; lower l follow by the (stable) downward recurrences. The
    cut-off L is raised until the last two terms are below 10^{−dps−2} of the sum.

    >>> pw = partial_wave_density("0.6", "0.3", dps=12)
    >>> abs(pw.value / continuum_density_ref("0.6", "0.3") - 1) < 1e-11
    True
    """
    validate_dps(dps)
    validate_int(lmax, "lmax", 1)
    with precision(dps + 5):
        z = nuclear_charge(Z)
        t, q_ = energy_transfer(T, z), momentum_transfer(q)
        if q_ == 0:
            raise ValueError("q must be positive for the partial-wave sum")
        k = mpmath.sqrt(2 * t - z * z)
        # terms fall roughly like ρ^{2l}, ρ = w − √(w² − 1), w = (k² + q² + Z²)/(2kq)
        w = (k * k + q_ * q_ + z * z) / (2 * k * q_)
        rate = -mpmath.log(w - mpmath.sqrt(w * w - 1))
        lcut = min(lmax, int((dps + 2) * mpmath.log(10) / (2 * rate)) + 6)
        tol = mpmath.mpf(10) ** (-dps - 2)
        while True:
            terms = partial_wave_terms(k, q_, z, lcut, dps)
            total = mpmath.fsum(terms)
            if max(terms[-1], terms[-2]) < tol * total:
                break
            if lcut >= lmax:
                raise ValueError(f"lmax = {lmax} too small for convergence at dps = {dps}")
            lcut = min(lmax, lcut + lcut // 2 + 1)
    with precision(dps):
        return PartialWaveDensity(+total, tuple(+x for x in terms))


def partial_wave_terms(
    k: mpmath.mpf, q: mpmath.mpf, z: mpmath.mpf, lcut: int, dps: int, eta: mpmath.mpf | None = None
) -> list[mpmath.mpf]:
    """The terms (2l + 1)|radial integral|², l ≤ lcut, of :func:`partial_wave_density` at fixed
    ejected momentum k, momentum transfer q, charge z, at the current precision (the
    r-quadrature ends where e^{−zr} < 10^{−dps−10}); ``eta`` overrides −Z/k (negative controls:
    +Z/k is a repulsive field).

    >>> with mpmath.workdps(17):
    ...     k, q, z = mpmath.sqrt(mpmath.mpf("0.2")), mpmath.mpf("0.3"), mpmath.mpf(1)
    ...     terms = partial_wave_terms(k, q, z, 14, 12)
    ...     abs(mpmath.fsum(terms) / continuum_density_ref("0.6", "0.3") - 1) < 1e-11
    True
    """
    eta = -z / k if eta is None else eta
    norm = mpmath.sqrt(2 / (mpmath.pi * k)) * 2 * z * mpmath.sqrt(z)
    memo: dict[mpmath.mpf, list[mpmath.mpf]] = {}

    def radial(r: mpmath.mpf) -> list[mpmath.mpf]:
        v = memo.get(r)
        if v is not None:
            return v
        rho, x = k * r, q * r
        f = [mpmath.mpf(0)] * (lcut + 2)
        j = [mpmath.mpf(0)] * (lcut + 2)
        f[lcut + 1], f[lcut] = mpmath.coulombf(lcut + 1, eta, rho), mpmath.coulombf(lcut, eta, rho)
        c = mpmath.sqrt(mpmath.pi / (2 * x))
        j[lcut + 1], j[lcut] = c * mpmath.besselj(lcut + 1.5, x), c * mpmath.besselj(lcut + 0.5, x)
        for ell in range(lcut, 0, -1):
            f[ell - 1] = (
                (2 * ell + 1) * (eta + ell * (ell + 1) / rho) * f[ell]
                - ell * mpmath.sqrt((ell + 1) ** 2 + eta**2) * f[ell + 1]
            ) / ((ell + 1) * mpmath.sqrt(ell * ell + eta**2))
            j[ell - 1] = (2 * ell + 1) / x * j[ell] - j[ell + 1]
        weight = mpmath.exp(-z * r) * r
        v = memo[r] = [f[ell] * j[ell] * weight for ell in range(lcut + 1)]
        return v

    r_end = (dps + 10) * mpmath.log(10) / z
    pts = [mpmath.mpf(0)]
    r = 1 / z
    while r < r_end:
        pts.append(r)
        r *= 2
    pts.append(mpmath.inf)
    terms = []
    for ell in range(lcut + 1):

        def integrand(r: mpmath.mpf, ell: int = ell) -> mpmath.mpf:
            return radial(r)[ell] if r else mpmath.mpf(0)

        # in Zr, normalised by Z⁻² (the integral's size): mpmath stops on an absolute error
        integral = quad_scaled(integrand, pts, 1 / z, 1 / (z * z))
        terms.append((2 * ell + 1) * (norm * integral) ** 2)
    return terms


def continuum_density_ref(T: object, q: object) -> mpmath.mpf:
    """S(T, q) at Z = 1 at the current precision + 10 digits (doctest helper)."""
    with precision(mpmath.mp.dps + 10):
        return Continuum(real_number(T, "T"), mpmath.mpf(1)).density(real_number(q, "q"))


# --------------------------------------------------------------------------------------------
# the closed form of the sum-rule ratios and its large-T series


@dataclass(frozen=True)
class ExactRatioDerivation:
    """sympy results of the Möbius-substitution derivation (variable κ = k/Z).

    ``*_e`` are rational functions of κ and of the symbol E = e^{−(4/κ) atan κ},
    still to be divided by the Sommerfeld factor 1 − e^{−2π/κ}; ``r_nmm``/``r_ew``
    are the full expressions.
    """

    kappa: sympy.Symbol
    E: sympy.Symbol
    r_nmm_e: sympy.Expr
    r_ew_e: sympy.Expr
    compact_e: sympy.Expr
    jacobian_ok: bool

    @property
    def identical(self) -> bool:
        """r_nmm ≡ r_ew as functions of κ."""
        return sympy.cancel(self.r_nmm_e - self.r_ew_e) == 0

    @property
    def matches_compact(self) -> bool:
        """Both equal [1 − E (κ⁴ − 2κ² + 7/3)/(1 + κ²)²] (before the Sommerfeld factor)."""
        return all(sympy.cancel(r - self.compact_e) == 0 for r in (self.r_nmm_e, self.r_ew_e))

    def _full(self, r: sympy.Expr) -> sympy.Expr:
        e_val = sympy.exp(-4 * sympy.atan(self.kappa) / self.kappa)
        return r.subs(self.E, e_val) / (1 - sympy.exp(-2 * sympy.pi / self.kappa))

    @property
    def r_nmm(self) -> sympy.Expr:
        return self._full(self.r_nmm_e)

    @property
    def r_ew(self) -> sympy.Expr:
        return self._full(self.r_ew_e)


def _compact(kappa: sympy.Symbol) -> sympy.Expr:
    e = sympy.exp(-4 * sympy.atan(kappa) / kappa)
    num = 1 - e * (kappa**4 - 2 * kappa**2 + sympy.Rational(7, 3)) / (1 + kappa**2) ** 2
    return num / (1 - sympy.exp(-2 * sympy.pi / kappa))


@functools.lru_cache(maxsize=1)
def derive_exact_ratio() -> ExactRatioDerivation:
    """Derive r_nmm(κ) and r_ew(κ) in closed form (Z = 1 by scaling; κ = k).

    With x = Q², S = C x (x + b) (x − α)^μ (x − β)^{−6−μ}, α = (κ − i)², β = (κ + i)²,
    μ = i/κ − 3, C = 2⁸/(1 − e^{−2π/κ}), b = (1 + κ²)/3 (principal powers: on the real
    axis they reproduce exp(−(2/κ) atan2) / [(x − κ² + 1)² + 4κ²]³). The substitution
    t = (x − α)/(x − β) maps x ∈ (0, ∞) onto the unit-circle arc t = e^{iφ},
    φ: 4 atan κ → 0, and turns ∫ x^m (x − α)^μ (x − β)^{−6−μ} dx into
    (α − β)^{−5} ∫ t^μ (α − βt)^m (1 − t)^{4−m} dt, a sum of ∫ t^{μ+j} dt.
    The symbol E stands for e^{−(4/κ) atan κ} = |t₀^{i/κ}|. Cached (independent of T).

    >>> d = derive_exact_ratio()
    >>> d.identical, d.matches_compact, d.jacobian_ok
    (True, True, True)
    """
    kap = sympy.Symbol("kappa", positive=True)
    t = sympy.Symbol("t")
    e_sym = sympy.Symbol("E", positive=True)
    al, be = (kap - sympy.I) ** 2, (kap + sympy.I) ** 2
    mu = sympy.I / kap - 3
    w0 = ((1 + sympy.I * kap) / (1 - sympy.I * kap)) ** 2  # e^{i·4 atan κ}
    # the Jacobian of x = (α − βt)/(1 − t), checked by differentiation
    x_of_t = (al - be * t) / (1 - t)
    jac_ok = sympy.cancel(sympy.diff(x_of_t, t) - (al - be) / (1 - t) ** 2) == 0
    jac_ok = jac_ok and sympy.cancel(x_of_t - be - (al - be) / (1 - t)) == 0

    def moment(m: int) -> sympy.Expr:
        poly = sympy.Poly(sympy.expand((al - be * t) ** m * (1 - t) ** (4 - m)), t)
        total = sympy.Integer(0)
        for (j,), coeff in poly.terms():
            s = mu + j + 1
            # ∫_{t0}^{1} t^{s−1} dt = (1 − t0^s)/s with t0^s = e^{−4 atan(κ)/κ} e^{i(j−2)·4 atan κ}
            total += coeff * (1 - e_sym * w0 ** (j - 2)) / s
        return total / (al - be) ** 5

    b = (1 + kap**2) / 3
    t_energy = (1 + kap**2) / 2
    r_nmm = sympy.cancel(sympy.together(sympy.expand(t_energy * 256 * (moment(1) + b * moment(0)))))
    r_ew = sympy.cancel(sympy.together(sympy.expand(256 * (moment(2) + b * moment(1)) / 2)))
    compact = 1 - e_sym * (kap**4 - 2 * kap**2 + sympy.Rational(7, 3)) / (1 + kap**2) ** 2
    return ExactRatioDerivation(
        kappa=kap,
        E=e_sym,
        r_nmm_e=r_nmm,
        r_ew_e=r_ew,
        compact_e=compact,
        jacobian_ok=bool(jac_ok),
    )


def large_T_series(order: int = 9) -> tuple[sympy.Symbol, sympy.Expr]:
    """r − 1 expanded in w = √(I/T) through w^{order−1}: (w, series), exact coefficients.

    >>> w, s = large_T_series(7)
    >>> s
    16*w**6/15 - 16*w**5/(15*pi)
    """
    if not is_count(order, 6):
        raise ValueError(f"order must be an integer >= 6, got {order!r}")
    u, w = sympy.symbols("u w", positive=True)
    kap = sympy.Symbol("kappa", positive=True)
    r = _compact(kap).subs(kap, 1 / u)
    r = r.subs(sympy.atan(1 / u), sympy.pi / 2 - sympy.atan(u))
    s_u = sympy.series(r - 1, u, 0, order).removeO()
    # κ² = T/I − 1, so u = 1/κ = w/√(1 − w²)
    s_w = sympy.series(s_u.subs(u, w / sympy.sqrt(1 - w**2)), w, 0, order).removeO()
    return w, sympy.expand(s_w)


def ratios_for_density(
    density: Density, T: object, *, Z: object = 1, dps: int = 20
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) for an arbitrary density (e.g. a wrong one), same quadrature as the model.

    >>> from sumrules.models.hydrogenic.ground import exact_sum_rule_ratio
    >>> r = ratios_for_density(exact_density, 1, dps=15)[0]
    >>> abs(r - exact_sum_rule_ratio(1, dps=15)) < 1e-14
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        k = mpmath.sqrt(2 * t - z * z)
        pts = ridge_points(k, z)
        a = 2 * t * quad_scaled(lambda q: density(k, q * q, z) / q if q else q, pts, z)
        b = quad_scaled(lambda q: density(k, q * q, z) * q, pts, z)
    with precision(dps):
        return +a, +b


# --------------------------------------------------------------------------------------------
# analytic structure in Q²


def _continued(c: Continuum, Q2: mpmath.mpc) -> mpmath.mpc:
    """S as an analytic function of complex Q² (principal powers; cuts Im Q² = ±2kZ)."""
    k, Z = c.k, c.Z
    mu = 1j * Z / k - 3
    alpha = (k - 1j * Z) ** 2
    beta = (k + 1j * Z) ** 2
    return (
        c.pref * Q2 * (Q2 + c.b) * mpmath.power(Q2 - alpha, mu) * mpmath.power(Q2 - beta, -mu - 6)
    )


def continued_density(T: object, Q2: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpc:
    """S(T, Q²) continued to complex Q²:

    2⁸Z⁶/(1 − e^{−2πZ/k}) · Q²(Q² + 2T/3) · (Q² − (k − iZ)²)^{−3+iZ/k} (Q² − (k + iZ)²)^{−3−iZ/k}.

    Analytic except on the half-lines Im Q² = ±2kZ, Re Q² ≤ k² − Z² ending at the
    branch points; equal to S on the whole real axis.

    >>> v = continued_density(1, "0.49", dps=20)
    >>> abs(v - continuum_density_ref(1, "0.7")) < 1e-18
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        c = Continuum(energy_transfer(T, z), z)
        x = mpmath.mpmathify(Q2)
        if not mpmath.isfinite(x):
            raise ValueError(f"Q2 must be finite, got {Q2!r}")
        value = _continued(c, mpmath.mpc(x))
    with precision(dps):
        return +value


@dataclass(frozen=True)
class BranchPoint:
    """A branch point of the continued S(T, Q²): location Q², and the local exponent."""

    location: mpmath.mpc
    exponent: mpmath.mpc


def density_branch_points(T: object, *, Z: object = 1, dps: int = 30) -> tuple[BranchPoint, ...]:
    """((k − iZ)², −3 + iZ/k) and ((k + iZ)², −3 − iZ/k): where S(T, ·) is singular.

    >>> bp = density_branch_points(1)
    >>> bp[0].location, bp[0].exponent
    (mpc(real='0.0', imag='-2.0'), mpc(real='-3.0', imag='1.0'))
    """
    validate_dps(dps)
    with precision(dps):
        z = nuclear_charge(Z)
        k = mpmath.sqrt(2 * energy_transfer(T, z) - z * z)
        return (
            BranchPoint(mpmath.mpc(k, -z) ** 2, mpmath.mpc(-3, z / k)),
            BranchPoint(mpmath.mpc(k, z) ** 2, mpmath.mpc(-3, -z / k)),
        )


def local_exponent(
    T: object, *, Z: object = 1, which: int = 0, eps: object = "1e-8", dps: int = 30
) -> mpmath.mpf:
    """log₂|S(b + 2ε)/S(b + ε)| at the branch point b: tends to Re(exponent) = −3.

    The approach is along the real direction; the Im(exponent) part only
    contributes through arg(Q² − b), which is the same at both points.

    >>> round(float(local_exponent(1, eps="1e-12", dps=20)), 6)
    -3.0
    """
    validate_dps(dps)
    if which not in (0, 1):
        raise ValueError(f"which must be 0 or 1, got {which!r}")
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        c = Continuum(energy_transfer(T, z), z)
        e = real_number(eps, "eps")
        if e <= 0:
            raise ValueError(f"eps must be positive, got {eps!r}")
        # |b| = k² + Z²: resolving b + ε to dps digits takes log10(|b|/ε) digits more
        extra = max(0, int(mpmath.ceil(mpmath.log10((c.k * c.k + z * z) / e))))
        b_abs = mpmath.nstr(c.k * c.k + z * z, 6)
    why = f"eps = {eps!r} is too small against the branch point's |b| = 2T = {b_abs}"
    with precision(working_dps(dps + GUARD_DIGITS + extra, why)):
        z = nuclear_charge(Z)
        c = Continuum(energy_transfer(T, z), z)
        e = real_number(eps, "eps")
        b = (c.k - 1j * z) ** 2 if which == 0 else (c.k + 1j * z) ** 2
        ratio = _continued(c, b + 2 * e) / _continued(c, b + e)
        value = mpmath.log(abs(ratio), 2)
    with precision(dps):
        return +value


def form_factor_poles(n_max: int = 6, *, Z: object = 1) -> list[tuple[sympy.Expr, int, str]]:
    """Poles of |F_el|² and |F_n|² (n ≤ n_max) in Q², exact: (location, order, label).

    They lie on the negative real axis at −4Z² (order 4) and −(n+1)²Z²/n² (order
    n + 3), accumulating at −Z², where the spectral sum for R stops converging.

    >>> form_factor_poles(3)[:2]
    [(-4, 4, 'elastic'), (-9/4, 5, 'n=2')]
    """
    if not is_count(n_max, 2):
        raise ValueError(f"n_max must be an integer >= 2, got {n_max!r}")
    z = sympy.sympify(Z)
    if z.is_positive is not True:  # (checking Z² let a negative Z through)
        raise ValueError(f"Z must be positive, got {Z!r}")
    z2 = z**2
    poles = [(-4 * z2, 4, "elastic")]
    poles += [
        (-sympy.Rational((n + 1) ** 2, n * n) * z2, n + 3, f"n={n}") for n in range(2, n_max + 1)
    ]
    return poles


def form_factor_pole_order(n: int, Q2: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """The order of a pole of |F_n|² at ``Q2`` measured numerically (n = 1: the elastic
    |F_el|²): −log₂|f(Q² + 2ε)/f(Q² + ε)| at ε = 10^(−dps/3), which tends to the order at a
    pole and to 0 where f is regular and nonzero.

    >>> print(mpmath.nstr(form_factor_pole_order(2, "-2.25"), 8))
    5.0
    >>> print(mpmath.nstr(form_factor_pole_order(2, "-0.25"), 3))
    9.38e-10
    """
    validate_int(n, "n", 1)
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        at = real_number(Q2, "Q2")

        def f(x: mpmath.mpf) -> mpmath.mpf:
            if n == 1:
                return (16 * z**4 / (4 * z * z + x) ** 2) ** 2
            return discrete_sq(n, x / (z * z))

        e = mpmath.mpf(10) ** (-(dps // 3))
        value = -mpmath.log(abs(f(at + 2 * e) / f(at + e)), 2)
    with precision(dps):
        return +value


# --------------------------------------------------------------------------------------------
# the resolvent R(T, P²) of Eq. (9) against the dispersion integral of Eq. (11)


def _check_p2(P2: object, z: mpmath.mpf) -> mpmath.mpf:
    x = real_number(P2, "P2")
    if x <= -z * z:
        raise ValueError(
            f"P2 must exceed -Z**2 = {mpmath.nstr(-z * z, 8)} (Eq. (9) diverges beyond), got {P2!r}"
        )
    return x


def resolvent_parts(
    t: mpmath.mpf, x: mpmath.mpf, z: mpmath.mpf
) -> tuple[mpmath.mpf, mpmath.mpf, Continuum]:
    """Elastic and discrete parts of R at real P² = x (both real), and the continuum at T, at
    the current precision: |F_el|²/T and Σ_n |F_n|²/(T − ΔE_n) (:func:`resolvent` adds the
    continuum). T and x are not checked here.

    >>> with mpmath.workdps(20):
    ...     one = mpmath.mpf(1)
    ...     elastic, discrete, continuum = resolvent_parts(one, mpmath.mpf(0), one)
    ...     elastic, continuum.k  # |F_el(0)|² = 1; k = √(2T − Z²)
    (mpf('1.0'), mpf('1.0'))
    """
    elastic = (16 * z**4 / (4 * z * z + x) ** 2) ** 2 / t
    u2 = x / (z * z)
    tau = t / (z * z)  # in units of Z² (mpmath's sums stop on an absolute error)
    discrete, _ = discrete_series(
        lambda n: discrete_sq(n, u2) / (tau - (1 - 1 / (n * n)) / 2),
        _series_start(u2, tau - mpmath.mpf(1) / 2),
        spread=False,
    )
    discrete /= z * z
    return elastic, discrete, Continuum(t, z)


def _continuum_points(kt: mpmath.mpf, x: mpmath.mpf, z: mpmath.mpf) -> list[mpmath.mpf]:
    pts = {mpmath.mpf(0), kt, 2 * kt}
    if x > 0:
        p = mpmath.sqrt(x)
        pts.update(v for v in (p - 4 * z, p - z, p, p + z, p + 4 * z) if v > 0)
    return sorted(pts)


def _continuum_pv(c: Continuum, x: mpmath.mpf) -> mpmath.mpf:
    """PV ∫ S(T′, x)/(T − T′) dT′ in k′, subtracting the pole at k′ = k_T."""
    kt, z = c.k, c.Z

    def g(k: mpmath.mpf) -> mpmath.mpf:
        return 2 * Continuum.from_momentum(k, z).density_q2(x) * k / (kt + k)

    gk = g(kt)
    pts = _continuum_points(kt, x, z)
    inner = [p for p in pts if p <= 2 * kt]
    outer = [2 * kt, *[p for p in pts if p > 2 * kt], mpmath.inf]
    # a tanh-sinh node may round onto the split point k′ = k_T itself (seen at P² = 1e-12):
    # the integrand is finite there and the node's weight negligible, so it contributes 0
    size = 1 / (z * z)  # R is Z⁻² times a function of T/Z² and P²/Z²
    near = quad_scaled(lambda k: (g(k) - gk) / (kt - k) if k != kt else k * 0, inner, z, size)
    far = quad_scaled(lambda k: g(k) / (kt - k), outer, z, size)
    return near + far


def _continuum_contour(c: Continuum, x: mpmath.mpf) -> mpmath.mpc:
    """∫ S(T′, x)/(T − T′ − i0) dT′ along k′ real, with a semicircle above k′ = k_T."""
    kt, z = c.k, c.Z
    delta = min(kt, z) / 2

    def real_part(k: mpmath.mpf) -> mpmath.mpf:
        t2 = (k * k + z * z) / 2
        return Continuum.from_momentum(k, z).density_q2(x) * k / (c.T - t2)

    def on_arc(theta: mpmath.mpf) -> mpmath.mpc:
        k = kt + delta * mpmath.expj(theta)
        dk = 1j * delta * mpmath.expj(theta)
        t2 = (k * k + z * z) / 2
        mu = 1j * z / k - 3
        s = (
            256
            * z**6
            / -mpmath.expm1(-2 * mpmath.pi * z / k)
            * x
            * (x + 2 * t2 / 3)
            * mpmath.power(x - (k - 1j * z) ** 2, mu)
            * mpmath.power(x - (k + 1j * z) ** 2, -mu - 6)
        )
        return s * k * dk / (c.T - t2)

    pts = _continuum_points(kt, x, z)
    left = [p for p in pts if p < kt - delta] + [kt - delta]
    right = [kt + delta, *[p for p in pts if p > kt + delta], mpmath.inf]
    size = 1 / (z * z)  # R is Z⁻² times a function of T/Z² and P²/Z²
    arc = quad_scaled(on_arc, [mpmath.pi, mpmath.pi / 2, mpmath.mpf(0)], 1, size)
    return quad_scaled(real_part, left, z, size) + arc + quad_scaled(real_part, right, z, size)


def _check_method(method: str) -> None:
    if method not in ("principal-value", "contour"):
        raise ValueError(f"method must be 'principal-value' or 'contour', got {method!r}")


Parts = tuple[mpmath.mpf, mpmath.mpf, Continuum]


def _resolvent_at(
    t: mpmath.mpf, x: mpmath.mpf, method: str, parts: Callable[[], Parts]
) -> mpmath.mpc:
    """R at the working precision from the elastic and discrete parts and the continuum."""
    if x == 0:
        return mpmath.mpc(1 / t, 0)  # ρ(0) = 1: only the ground state contributes
    elastic, discrete, c = parts()
    if method == "principal-value":
        cont = mpmath.mpc(_continuum_pv(c, x), mpmath.pi * c.density_q2(x))
    else:
        cont = _continuum_contour(c, x)
    return elastic + discrete + cont


def resolvent(
    T: object, P2: object, *, Z: object = 1, dps: int = 30, method: str = "principal-value"
) -> mpmath.mpc:
    """R(T, P²) = ⟨0|ρ(−p) (T − H + E₀ − i0)⁻¹ ρ(p)|0⟩ per electron, real P² > −Z².

    Spectral sum: |F_el|²/T + Σ_n |F_n|²/(T − ΔE_n) + ∫ S(T′, P²)/(T − T′ − i0) dT′,
    with the form factors and S continued to P² < 0 (p = iκ, κ < Z). ``method``:
    "principal-value" (PV + iπ S(T, P²)) or "contour" (k′ path above the pole).

    >>> resolvent(1, 0, dps=15)
    mpc(real='1.0', imag='0.0')
    """
    validate_dps(dps)
    _check_method(method)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        x = _check_p2(P2, z)
        value = _resolvent_at(t, x, method, lambda: resolvent_parts(t, x, z))
    with precision(dps):
        return +value


def dispersion_integral(T: object, P2: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpc:
    """(1/π) ∫_0^∞ Im R(T, Q²) dQ²/(Q² − P² − i0) = ∫ S(T, Q²) dQ²/(Q² − P² − i0), Eq. (11).

    Real for P² ≤ 0 (at P² = 0 it is r_nmm/T); for P² > 0 a principal value plus iπ S(T, P²).

    >>> from sumrules.models.hydrogenic.ground import exact_sum_rule_ratio
    >>> d = dispersion_integral(1, 0, dps=15)
    >>> abs(d.real - exact_sum_rule_ratio(1, dps=15)) < 1e-14
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        x = real_number(P2, "P2")
        c = Continuum(t, z)
        pts = ridge_points(c.k, z)
        size = 1 / (z * z)  # the integral is Z⁻² times a function of T/Z² and P²/Z²
        if x <= 0:
            value = mpmath.mpc(
                quad_scaled(lambda q: 2 * q * c.density(q) / (q * q - x) if q else q, pts, z, size),
                0,
            )
        else:
            p = mpmath.sqrt(x)

            def g(q: mpmath.mpf) -> mpmath.mpf:
                return 2 * q * c.density(q) / (q + p)

            gp = g(p)
            inner = sorted({mpmath.mpf(0), p, 2 * p, *[v for v in pts[1:-1] if v < 2 * p]})
            outer = [2 * p, *[v for v in pts[1:-1] if v > 2 * p], mpmath.inf]
            pv = quad_scaled(lambda q: (g(q) - gp) / (q - p) if q != p else q * 0, inner, z, size)
            pv += quad_scaled(lambda q: g(q) / (q - p), outer, z, size)
            value = mpmath.mpc(pv, mpmath.pi * c.density(p))
    with precision(dps):
        return +value


@dataclass(frozen=True)
class DispersionComparison:
    """R(T, P²) from Eq. (9) next to the unsubtracted dispersion integral of Eq. (11)."""

    T: mpmath.mpf
    P2: mpmath.mpf
    resolvent: mpmath.mpc
    dispersion: mpmath.mpc

    @property
    def difference(self) -> mpmath.mpc:
        return self.resolvent - self.dispersion


def dispersion_comparison(
    T: object, P2: object, *, Z: object = 1, dps: int = 30
) -> DispersionComparison:
    """Both sides of Eq. (11) at one real P² > −Z²; equal would mean Eq. (11) holds.

    >>> from sumrules.models.hydrogenic.ground import exact_sum_rule_ratio
    >>> d = dispersion_comparison(1, 0, dps=15)
    >>> abs(d.difference.real - (1 - exact_sum_rule_ratio(1, dps=15))) < 1e-14
    True
    """
    validate_dps(dps)
    r = resolvent(T, P2, Z=Z, dps=dps)
    d = dispersion_integral(T, P2, Z=Z, dps=dps)
    with precision(dps):
        return DispersionComparison(real_number(T, "T"), real_number(P2, "P2"), r, d)


def large_momentum_coefficients(
    T: object,
    P2_values: tuple[object, ...] = (10**2, 10**3, 10**4),
    *,
    Z: object = 1,
    dps: int = 20,
) -> list[tuple[mpmath.mpf, mpmath.mpc, mpmath.mpc]]:
    """(P², P² R(T, P²), P² × dispersion integral) at large positive P².

    Eq. (10) says P² R → −2m = −2; the dispersion integral tends to −∫S dQ² = −2 r_ew.

    >>> rows = large_momentum_coefficients(1, (10**4,), dps=15)
    >>> round(float(rows[0][1].real), 2), round(float(rows[0][2].real), 2)
    (-2.0, -1.98)
    """
    out = []
    for p2 in P2_values:
        r = resolvent(T, p2, Z=Z, dps=dps)
        d = dispersion_integral(T, p2, Z=Z, dps=dps)
        with precision(dps):
            x = real_number(p2, "P2_values")
            out.append((x, x * r, x * d))
    return out


@functools.lru_cache(maxsize=64)
def _parts_cached(T: str, P2: str, dps: int, Z: str) -> Parts:
    """The elastic and discrete parts of R and the continuum at T (P² ≠ 0), at the working
    precision of :func:`resolvent`: both i0 routes share them (the discrete series is most of
    the cost)."""
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        return resolvent_parts(energy_transfer(T, z), _check_p2(P2, z), z)


@functools.lru_cache(maxsize=128)
def resolvent_cached(T: str, P2: str, method: str, dps: int, Z: str = "1") -> mpmath.mpc:
    """:func:`resolvent` with text inputs, cached per precision (several claims use it).

    The two methods share the elastic and discrete parts (computed once per T, P², Z, dps);
    the value is the one :func:`resolvent` returns, bit for bit.

    >>> resolvent_cached("1", "0", "principal-value", 15)
    mpc(real='1.0', imag='0.0')
    >>> resolvent_cached("1", "-0.5", "contour", 15) == resolvent("1", "-0.5", dps=15, method="contour")
    True
    """
    validate_dps(dps)
    _check_method(method)
    with precision(dps + GUARD_DIGITS):
        z = nuclear_charge(Z)
        t = energy_transfer(T, z)
        x = _check_p2(P2, z)
        value = _resolvent_at(t, x, method, lambda: _parts_cached(T, P2, dps, Z))
    with precision(dps):
        return +value


@functools.lru_cache(maxsize=128)
def dispersion_integral_cached(T: str, P2: str, dps: int, Z: str = "1") -> mpmath.mpc:
    """:func:`dispersion_integral` with text inputs, cached per precision."""
    return dispersion_integral(T, P2, Z=Z, dps=dps)
