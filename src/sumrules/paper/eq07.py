"""Eq. (7): the photon point Q² = T² and the photoabsorption cross section; and the sentence
after it (the free-electron peak Q² ≈ 2m_eT lies outside the dipole region).

Eq. (7)'s right-hand side is a sympy expression (:data:`sumrules.theory.dipole.PRINTED_EQ7_RHS`)
judged per unit convention: against the Dirac traces with Coulomb and transverse exchange in
the dipole limit, against Eq. (6) with the golden rule, and numerically in hydrogen (Bethe's S
at q = αT against Stobbe's σ_γ, up to dipole corrections of order (αT)²). Atomic units: the
photon point is q = αT, m_e = 1/α² hartree, 1 bohr² = α² hartree⁻².
"""

from __future__ import annotations

from typing import Any

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import Context, Disagreement
from sumrules.data.constants import ALPHA, ELECTRON_MASS
from sumrules.models.hydrogenic import dipole as hd
from sumrules.theory import dipole as st
from sumrules.theory.conventions import (
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)
from sumrules.theory.photoabsorption import (
    hydrogen_photo_cross_section,
    photoabsorption_coefficient,
    photon_point_relation,
)
from sumrules.theory.scattering import (
    Q2,
    Convention,
    D,
    E,
    T,
    bohr_magneton,
    compton_to_photon_point_ratio,
    coulomb_exchange_coefficient,
    dipole_exchange_coefficient,
    e,
    express_in_convention,
    free_electron_recoil_q2,
    m,
    mu,
    mu_B,
)
from sumrules.theory.tolerance import to_order

__all__ = [
    "CLAIMS",
    "COMPTON",
    "CONVENTIONS",
    "DIPOLE_REGION",
    "DIPOLE_TOLERANCE",
    "EQ7",
    "HYDROGEN",
    "PEAK_GRID",
    "PEAK_RATIO",
    "PHOTON_POINT",
    "PRINTED_COMPTON",
    "PRINTED_EQ7",
    "T_GRID",
    "fails",
    "hydrogen_rhs",
]

PRINTED_EQ7 = sp.Eq(st.EQ7_LHS, st.PRINTED_EQ7_RHS)
SIGMA = st.SIGMA_GAMMA
CONVENTIONS: tuple[Convention, ...] = ("heaviside-lorentz", "gaussian")
#: dipole corrections at the photon point are O(q²), q = αT (a.u.): accepted up to this × q²
DIPOLE_TOLERANCE = 10
#: photon energies (hartree) for the hydrogen checks: threshold to 40 I
T_GRID = ("0.5000001", "0.75", "1", "2", "5", "20")
_COULOMB_ONLY = "Coulomb exchange only (Eq. (5) literally) at Q² = T², against μ²σ/(πT)"


def _in_convention(expr: sp.Expr, c: Convention) -> sp.Expr:
    return sp.sympify(expr).subs(mu_B, bohr_magneton(c))


def _traces() -> sp.Expr:
    """Coulomb + transverse exchange in the dipole limit at Q² = T², E → ∞, D = σ/(4π²αT)."""
    at_photon = sp.limit(dipole_exchange_coefficient().subs(Q2, T**2), E, sp.oo)
    return at_photon.subs(D, SIGMA / (4 * sp.pi**2 * st.alpha * T))


PHOTON_POINT_ROUTES = (
    Route(
        "Dirac traces with Coulomb and transverse dipole exchange at Q² = T²",
        "spinor algebra",
        lambda c, ctx: express_in_convention(_traces(), c),
    ),
    Route(
        "algebra: Eq. (6) and σ_γ = 4π²αTD (golden rule)",
        "symbolic",
        lambda c, ctx: photon_point_relation(c) * mu**2 * SIGMA / T,
    ),
)
PHOTON_POINT_CONTROLS = (
    Variant(
        _COULOMB_ONLY,
        lambda c, ctx: express_in_convention(coulomb_exchange_coefficient().subs(Q2, T**2), c),
    ),
)
PHOTON_POINT = Quantity(
    "d²σ/dTdQ² at Q² = T² in σ_γ",
    cases=CONVENTIONS,
    routes=PHOTON_POINT_ROUTES,
    printed=lambda c, ctx: _in_convention(st.PRINTED_EQ7_RHS, c),
    controls=PHOTON_POINT_CONTROLS,
)


def _natural(t: str) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(α, (αT)²) at T = ``t`` hartree."""
    a = ALPHA.mpf()
    return a, (a * mpmath.mpf(t)) ** 2


def _hydrogen_lhs(case: tuple[Convention, str], ctx: Context) -> tuple[Any, Any]:
    """K S(T, αT)/Q², K = e²μ²/(4π) in the convention (μ = 1), Bethe's S, natural units."""
    conv, t = case
    with mpmath.workdps(ctx.dps + 5):
        a, eps = _natural(t)
        k = express_in_convention(e**2 * mu**2 / (4 * sp.pi), conv)
        k_num = mpmath.mpf(sp.N(k.subs({st.alpha: sp.Float(a, ctx.dps + 5), mu: 1}), ctx.dps + 5))
        return k_num * hd.photon_point_structure(t, dps=ctx.dps), eps


def hydrogen_rhs(rhs: sp.Expr, sigma_scale: object = 1) -> Any:
    """A right-hand side of Eq. (7) in hydrogen: Stobbe's σ_γ (× ``sigma_scale``), natural
    units with hartree, μ = 1 in the case's convention; with (αT)² for the tolerance."""

    def value(case: tuple[Convention, str], ctx: Context) -> tuple[Any, Any]:
        conv, t = case
        with mpmath.workdps(ctx.dps + 5):
            a, eps = _natural(t)
            sigma = mpmath.mpf(sigma_scale) * hydrogen_photo_cross_section(t, dps=ctx.dps) * a**2
            values = {st.alpha: a, mu: 1, m: 1 / a**2, SIGMA: sigma, T: mpmath.mpf(t)}
            expr = st.evaluate(_in_convention(rhs, conv), values, ctx.dps)
            return mpmath.mpf(sp.N(expr, ctx.dps + 5)), eps

    return value


_gauss: Any = lambda c: c[0] == "gaussian"  # noqa: E731

HYDROGEN_CONTROLS = (
    Variant(
        "coefficient 1/(4π²) against Gaussian μ",
        hydrogen_rhs(mu**2 * SIGMA / (4 * sp.pi**2 * T)),
        _gauss,
    ),
    Variant(
        "σ_γ from 2π²αωD (half the golden rule)", hydrogen_rhs(st.PRINTED_EQ7_RHS, 0.5), _gauss
    ),
)
HYDROGEN = Quantity(
    "hydrogen at the photon point",
    cases=[(c, t) for c in CONVENTIONS for t in T_GRID],
    routes=(Route("Bethe's S(T, q = αT) × e²μ²/(4πQ²), natural units", "model", _hydrogen_lhs),),
    printed=hydrogen_rhs(st.PRINTED_EQ7_RHS),
    controls=HYDROGEN_CONTROLS,
    tolerance=to_order(DIPOLE_TOLERANCE, "(αT)²"),
    label=lambda c: f"{c[0]}, T={c[1]}",
    show=lambda v: str(mpmath.nstr(v[0], 12)),
)


def _matches(f: Findings) -> tuple[Convention, ...]:
    """The conventions in which the printed form holds; the traces, the algebra and hydrogen
    must say the same (else the routes disagree)."""
    algebra = f["d²σ/dTdQ² at Q² = T² in σ_γ"]
    matches = tuple(c for c in CONVENTIONS if c not in algebra.failing)
    failing = {c for c, _ in f["hydrogen at the photon point"].failing}
    hydrogen = tuple(c for c in CONVENTIONS if c not in failing)
    if hydrogen != matches:
        raise Disagreement(
            "hydrogen and the traces disagree on the conventions",
            {"hydrogen": str(hydrogen), "traces": str(matches)},
        )
    return matches


def _worst(f: Findings) -> float:
    """max |LHS/RHS − 1|/(αT)² over the Gaussian hydrogen cases."""
    q = f["hydrogen at the photon point"]
    rows = zip(q.cases, q.reference, q.printed or [], strict=True)
    return max(float(abs(lhs[0] / rhs[0] - 1) / lhs[1]) for c, lhs, rhs in rows if _gauss(c))


def _summary(f: Findings) -> str:
    matches = _matches(f)
    only = " only (Heaviside–Lorentz μ: μ²σ_γ/(4π²T))" if len(matches) == 1 else ""
    return (
        f"holds in {describe_conventions(matches)}{only}; hydrogen ratio − 1 ≤ {_worst(f):.1f}"
        "(αT)² for T = 0.5–20 hartree; the traces give it only with transverse exchange: "
        "Coulomb exchange alone (Eq. (5)) vanishes at Q² = T²"
    )


def _derivations(f: Findings) -> list[Derivation]:
    matches = _matches(f)
    golden = {c: photoabsorption_coefficient(c) for c in CONVENTIONS}
    alg = {c: photon_point_relation(c) * mu**2 * SIGMA / T for c in CONVENTIONS}
    full = dipole_exchange_coefficient()
    coulomb_only = sp.simplify(coulomb_exchange_coefficient().subs(Q2, T**2))
    gauss = mu**2 * SIGMA / (sp.pi * T)
    steps = [
        Step.checked(
            r"\sigma_\gamma(\omega)",
            golden["gaussian"] * D,
            "golden rule, one photon in volume V, H' = −eE·r: σ = 4π²αωD in both conventions",
            method="sympy: the same in Gaussian and Heaviside–Lorentz",
            predicate=lambda: sp.simplify(golden["gaussian"] - golden["heaviside-lorentz"]) == 0,
        ),
        Step.checked(
            r"4\pi\alpha\mu^2 D\big|_{D=\sigma/(4\pi^2\alpha T)}",
            alg["gaussian"],
            "Eq. (6) with Gaussian μ",
            predicate=lambda: sp.simplify(alg["gaussian"] - gauss) == 0,
        ),
        Step.checked(
            r"\alpha\mu^2 D\big|_{D=\sigma/(4\pi^2\alpha T)}",
            alg["heaviside-lorentz"],
            "the same with Heaviside–Lorentz μ (the paper's A₀ = √(4πα)ρ/q²)",
            predicate=lambda: (
                sp.simplify(alg["heaviside-lorentz"] - mu**2 * SIGMA / (4 * sp.pi**2 * T)) == 0
            ),
        ),
        Step.checked(
            r"\frac{d^2\sigma}{dT\,dQ^2}\Big|_{\text{dipole, Coulomb + transverse}}",
            full,
            "traces: independent of Q², also at Q² = T²",
            method="sympy: d/dQ² = 0",
            predicate=lambda: sp.simplify(sp.diff(full, Q2)) == 0,
        ),
        Step.checked(
            r"\frac{d^2\sigma}{dT\,dQ^2}\Big|_{\text{Coulomb only},\,Q^2=T^2}",
            coulomb_only,
            "Coulomb exchange alone vanishes at the photon point",
            predicate=lambda: coulomb_only == 0,
        ),
        comparison_step(
            r"\text{printed right-hand side}",
            gauss,
            f"holds in {describe_conventions(matches)}",
            lambda: len(matches) == 2,
        ),
    ]
    return [Derivation("Eq. (7) from Eq. (6) and the golden rule", steps)]


EQ7 = Claim(
    "eq7",
    title="The photon point: relation to the photoabsorption cross section",
    printed=Printed(PRINTED_EQ7, where="Eq. (7)"),
    quantities=(PHOTON_POINT, HYDROGEN),
    policy=lambda f: verdict_from_conventions([_matches(f)]),
    summary=_summary,
    derivations=_derivations,
    notes=(
        "At Q² = T² the exact Coulomb-exchange coefficient carries the factor (1 − T²/Q²) and "
        "vanishes; the transverse (current) exchange, J = iTd in the dipole limit, supplies the "
        "whole cross section, and the sum e²μ²D(1 − T/E)/(4π) is the same at every Q² in the "
        "dipole region. So Eq. (7) is right (with Gaussian μ), but not as a consequence of "
        "Eq. (5), which keeps only A₀."
    ),
    cost=0.3,
)

# ---------------------------------------------------------------------------------------------
# the sentence after Eq. (7): the free-electron peak is outside the dipole region

PRINTED_COMPTON = (
    r"``The reason is that the integral receives contribution from the regions of $Q^2$ where "
    r"the photon momentum is comparable to the characteristic atomic momenta as well as from "
    r"the overlapping at $T \sim \varepsilon_0$ region where $Q^2 \approx 2m_eT$. At those "
    r"$Q^2$ the dipole approximation is no longer valid''"
)
#: hydrogen energies (hartree) of the peak check: T = 1.1–4 I
PEAK_GRID = ("0.55", "0.75", "1", "2")
#: "no longer valid": the dipole form misses S by more than this around the peak
INVALID = mpmath.mpf("0.5")


def _kinematic_ratio(t: int, ctx: Context) -> mpmath.mpf:
    me = sp.Rational(ELECTRON_MASS.value.numerator, ELECTRON_MASS.value.denominator)
    ratio = free_electron_recoil_q2(T, m).subs({T: t, m: me}) / t**2 - 1
    return mpmath.mpf(sp.N(ratio, ctx.dps + 5))


PEAK_RATIO_ROUTES = (
    Route("2m_e/T (mpmath)", "closed form", lambda t, ctx: compton_to_photon_point_ratio(t)),
    Route("(T² + 2m_eT)/T² − 1 from relativistic kinematics (sympy)", "symbolic", _kinematic_ratio),
)
PEAK_RATIO_CONTROLS = (
    Variant(
        "peak at Q² = m_eT (ratio m/T) against the relativistic kinematics",
        lambda t, ctx: ELECTRON_MASS.mpf() / t,
    ),
)
PEAK_RATIO = Quantity(
    "Q² of the free-electron peak over the photon point T²",
    cases=(1, 10),
    routes=PEAK_RATIO_ROUTES,
    controls=PEAK_RATIO_CONTROLS,
    tolerance=digits(5),
    label=lambda t: f"T = {t} keV",
)


def fails(region: str, t: str, dps: int, *, dipole_only: bool = False) -> bool:
    """Does the dipole form Q²D miss hydrogen's S (by > 1/2 around the peak, by more than
    dipole corrections 10(αT)² at the photon point)?"""
    if region == "peak":
        return bool(hd.peak_band_deviation(t, dps, dipole_only=dipole_only) > INVALID)
    if dipole_only:
        return False
    return bool(hd.photon_point_deviation(t, dps) > DIPOLE_TOLERANCE * _natural(t)[1])


DIPOLE_REGION_ROUTES = (
    Route(
        "hydrogen: max |S/(Q²D) − 1| for Q² in [mT, 4mT] > 1/2; at Q² = T² > 10(αT)²",
        "model",
        lambda c, ctx: fails(c[0], c[1], ctx.dps),
    ),
)
DIPOLE_REGION_CONTROLS = (
    Variant(
        "the dipole form Q²D fed in as the 'exact' S",
        lambda c, ctx: fails(c[0], c[1], ctx.dps, dipole_only=True),
    ),
)
DIPOLE_REGION = Quantity(
    "the dipole form Q²D fails against hydrogen's S",
    cases=[(r, t) for r in ("peak", "photon point") for t in PEAK_GRID],
    routes=DIPOLE_REGION_ROUTES,
    printed=lambda c, ctx: c[0] == "peak",
    controls=DIPOLE_REGION_CONTROLS,
    label=lambda c: f"{c[0]}, T={c[1]}",
)


def _compton_summary(f: Findings) -> str:
    ratio = f["Q² of the free-electron peak over the photon point T²"]
    band = min(hd.peak_band_deviation(t, f.ctx.dps) for t in PEAK_GRID)
    photon = max(hd.photon_point_deviation(t, f.ctx.dps) for t in PEAK_GRID)
    return (
        f"Q² = 2m_eT is 2m_e/T = {mpmath.nstr(ratio.value(1), 4)} (T = 1 keV) to "
        f"{mpmath.nstr(ratio.value(10), 4)} (10 keV) times the photon point; in hydrogen at "
        f"T = 1.1–4 I the dipole form misses S by ≥ {float(band) * 100:.0f}% around that peak, "
        f"but by ≤ {mpmath.nstr(photon, 2)} at Q² = T²"
    )


COMPTON = Claim(
    "text.compton-peak",
    title="The free-electron peak Q² ≈ 2m_eT is outside the dipole region",
    printed=Printed(text=PRINTED_COMPTON, where="after Eq. (7)"),
    quantities=(PEAK_RATIO, DIPOLE_REGION),
    policy=lambda f: "verified" if f.all_hold else "refuted",
    summary=_compton_summary,
    notes=lambda f: (
        "max |S/(Q²D) − 1| around the peak, by T (hartree): "
        + "; ".join(
            f"T={t}: {mpmath.nstr(hd.peak_band_deviation(t, f.ctx.dps), 3)}" for t in PEAK_GRID
        )
    ),
    anchor=7,
)

CLAIMS = (EQ7, COMPTON)
